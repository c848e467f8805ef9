/* interp/parser_internal.h — state and helpers shared by the parser's files:
 * parser.c (driver, errors), parser_stmt.c (statements), parser_expr.c
 * (expressions, call arguments), parser_args.c (targets, parameters) and
 * parser_string.c (string literals, f-strings). Private to those files.
 */
#ifndef FT_INTERP_PARSER_INTERNAL_H
#define FT_INTERP_PARSER_INTERNAL_H

#include "interp/parser.h"
#include "interp/tokenizer.h"

/* Deeper nesting than this (unary chains, lambdas, brackets, blocks) ends
 * the parse with MemoryError, as CPython's parser does, instead of
 * overflowing the C stack. */
#define FTP_MAX_DEPTH 1000

/* The first error found. Syntax errors are only recorded here and raised
 * once, at the end of ft_parse, so a parse can also be run "quietly" (for
 * ft_parse_is_incomplete). */
typedef struct {
    int set;     /* a syntax error is recorded */
    int raised;  /* a Python exception (MemoryError, OverflowError) is set */
    FtTokErrType type;
    int lineno;
    int offset;  /* 1-based byte offset into the line; 0: none */
    char msg[200];
    const char *text; /* replaces the source line (f-string "(expr)") */
} FtParseError;

typedef struct FtParser {
    FtArena *arena;
    const char *src, *src_end; /* the whole (normalised) source */
    const char *filename;
    int mode;
    FtToken *toks; /* every token, ending with ENDMARKER or ERRORTOKEN */
    int ntoks, cap;
    int pos;      /* next token */
    int furthest; /* furthest token looked at: generic errors go there */
    FtTokenizer *tok;
    int depth;
    FtParseError *err;
    /* Set for the parser of an f-string expression: errors are reported
     * as CPython does, against the text "(expr)". */
    const char *fexpr;
    int fexpr_len;
    int fspec_depth; /* nesting of format specs */
} FtParser;

/* A growable array of pointers in the arena (old storage is abandoned). */
typedef struct {
    int n, cap;
    void **items;
} FtPVec;

/* ---- parser.c: tokens, errors, memory ---- */

static inline FtToken *ftp_peek(FtParser *p)
{
    if (p->pos > p->furthest)
        p->furthest = p->pos;
    return &p->toks[p->pos];
}
static inline FtTokType ftp_peek_type(FtParser *p)
{
    return ftp_peek(p)->type;
}
/* Looks k tokens ahead without counting as "reached" for errors. */
static inline FtToken *ftp_peek_at(FtParser *p, int k)
{
    int i = p->pos + k;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}
FtToken *ftp_next(FtParser *p);
int ftp_accept(FtParser *p, FtTokType type);
/* The last consumed token other than NEWLINE/INDENT/DEDENT. */
FtToken *ftp_last(FtParser *p);

void *ftp_alloc(FtParser *p, size_t size); /* zeroed; NULL marks the error */
int ftp_push(FtParser *p, FtPVec *v, void *item);
FtAstExprSeq ftp_expr_seq(FtPVec *v);
FtAstStmtSeq ftp_stmt_seq(FtPVec *v);
/* Hands a new reference to the arena; NULL (and an error) if o is NULL. */
FtObject *ftp_keep(FtParser *p, FtObject *o);
/* Marks that a Python exception is already set; returns NULL. */
void *ftp_raised(FtParser *p);

/* Records a SyntaxError at a 0-based byte column (first error wins).
 * They all return NULL so callers can `return ftp_error...`. */
void *ftp_error_at(FtParser *p, int lineno, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *ftp_error_tok(FtParser *p, const FtToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void *ftp_error_expr(FtParser *p, const FtAstExpr *e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void *ftp_indent_error(FtParser *p, const FtToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Errors at a 1-based offset, as CPython computes some of them. */
void *ftp_error_offset(FtParser *p, int lineno, int offset, const char *fmt,
                       ...) __attribute__((format(printf, 4, 5)));
static inline int ftp_failed(FtParser *p)
{
    return p->err->set || p->err->raised;
}

int ftp_enter(FtParser *p); /* 0, or -1 when nested too deeply */
static inline void ftp_leave(FtParser *p) { p->depth--; }

/* Parses [s, e) (an f-string's expression) with a nested parser. */
FtAstExpr *ftp_parse_fexpr(FtParser *p, const char *s, const char *e,
                           int lineno, const char *line_start);

/* ---- parser_stmt.c: the input modes ---- */

FtAstModule *ftp_file_input(FtParser *p, FtAstModule *m);
FtAstModule *ftp_single_input(FtParser *p, FtAstModule *m);
FtAstModule *ftp_eval_input(FtParser *p, FtAstModule *m);

/* ---- parser_expr.c and parser_args.c ---- */

FtAstExpr *ftp_expression(FtParser *p);
FtAstExpr *ftp_named_expression(FtParser *p);
/* a, *b, c → tuple; a lone *a is an error (a value cannot be starred). */
FtAstExpr *ftp_star_expressions(FtParser *p);
/* The same, but a lone *a is returned (it may become a target). */
FtAstExpr *ftp_star_expressions_any(FtParser *p);
FtAstExpr *ftp_expressions(FtParser *p);      /* eval input: no stars */
FtAstExpr *ftp_yield_expr(FtParser *p);
FtAstExpr *ftp_bitwise_or(FtParser *p);
/* `for` targets: a list of (starred) bitwise_or, stored. */
FtAstExpr *ftp_for_targets(FtParser *p);
/* Comma list of star_expressions items, without making a tuple. */
int ftp_star_expr_list(FtParser *p, FtPVec *out, int *trailing_comma);
/* Call arguments after '(' up to and including ')'. */
int ftp_call_args(FtParser *p, FtAstExprSeq *args, int *n_keywords,
                  FtAstKeyword **keywords, FtToken *open);
/* Parameters of def (with_annotations) or lambda, up to `close`. */
FtAstArguments *ftp_parameters(FtParser *p, FtTokType close,
                               int with_annotations);
int ftp_starts_expression(FtTokType t);
const char *ftp_expr_name(const FtAstExpr *e);

enum { FTP_STORE_ASSIGN, FTP_STORE_FOR, FTP_STORE_DEL, FTP_STORE_WITH };
/* Sets ctx on a target; returns the first node that cannot be a target of
 * that kind (NULL when all is well). */
FtAstExpr *ftp_invalid_target(FtAstExpr *e, int kind);
void ftp_set_ctx(FtAstExpr *e, FtAstCtx ctx);
/* Validates, sets ctx and records CPython's error. 0 or -1. */
int ftp_check_target(FtParser *p, FtAstExpr *e, int kind);

FtAstExpr *ftp_new_expr(FtParser *p, FtAstExprKind kind, const FtToken *t);
void ftp_end_expr(FtParser *p, FtAstExpr *e); /* end = last token */
void ftp_set_span(FtParser *p, FtAstExpr *e, const FtToken *start);

/* ---- parser_string.c ---- */

/* Consecutive STRING tokens: a str constant or a JoinedStr. */
FtAstExpr *ftp_strings(FtParser *p);

#endif
