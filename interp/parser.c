/* interp/parser.c — ft_parse: the recursive-descent parser's driver (source
 * checks, tokenizing, error reporting in CPython 3.11's words), shared
 * helpers, f-string sub-parsers and the REPL's incomplete-input check.
 * Statements are in parser_stmt.c, expressions in parser_expr.c (targets
 * and parameters in parser_args.c), string literals in parser_string.c.
 *
 * The whole source is tokenized first; the parser then looks ahead freely
 * and backtracks only to probe for a better error message. Python 3.11 syntax is accepted except what the AST
 * cannot express, which fails with a SyntaxError saying "... not
 * supported": imaginary literals, `:=`, async/await, match,
 * except*, \N{...} escapes. Identifiers are not NFKC-normalised. The input
 * is UTF-8 (a BOM is skipped, coding declarations are ignored); eval mode
 * skips leading blanks as eval() does.
 */
#include "interp/parser_internal.h"
#include "interp/frame.h" /* ft_eval_c_stack_exhausted */

#include <stdio.h>
#include <string.h>

/* ---- tokens ------------------------------------------------------------------ */

FtToken *ftp_next(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    if (p->pos < p->ntoks - 1)
        p->pos++;
    return t;
}

int ftp_accept(FtParser *p, FtTokType type)
{
    if (ftp_peek_type(p) != type)
        return 0;
    ftp_next(p);
    return 1;
}

FtToken *ftp_last(FtParser *p)
{
    int i = p->pos - 1;
    while (i > 0) {
        FtTokType t = p->toks[i].type;
        if (t != FT_TOK_NEWLINE && t != FT_TOK_INDENT && t != FT_TOK_DEDENT &&
            t != FT_TOK_ENDMARKER)
            break;
        i--;
    }
    return &p->toks[i < 0 ? 0 : i];
}

/* ---- memory --------------------------------------------------------------------- */

void *ftp_raised(FtParser *p)
{
    p->err->raised = 1;
    return NULL;
}

void *ftp_alloc(FtParser *p, size_t size)
{
    void *m = ft_arena_alloc(p->arena, size);
    if (m == NULL)
        ftp_raised(p);
    return m;
}

int ftp_push(FtParser *p, FtPVec *v, void *item)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **items = ftp_alloc(p, (size_t)cap * sizeof(void *));
        if (items == NULL)
            return -1;
        if (v->n)
            memcpy(items, v->items, (size_t)v->n * sizeof(void *));
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return 0;
}

FtAstExprSeq ftp_expr_seq(FtPVec *v)
{
    FtAstExprSeq s = {v->n, (FtAstExpr **)v->items};
    return s;
}

FtAstStmtSeq ftp_stmt_seq(FtPVec *v)
{
    FtAstStmtSeq s = {v->n, (FtAstStmt **)v->items};
    return s;
}

FtObject *ftp_keep(FtParser *p, FtObject *o)
{
    if (o == NULL || ft_arena_add_object(p->arena, o) < 0)
        return ftp_raised(p);
    return o;
}

/* A thread may run with a stack too small for FTP_MAX_DEPTH levels, so
 * ftp_enter also asks whether the C stack is running out
 * (and reports that as its own overflow). */
static int c_stack_low(void)
{
    if (!ft_eval_c_stack_exhausted(ft_tstate_get()))
        return 0;
    ft_err_clear();
    return 1;
}

int ftp_enter(FtParser *p)
{
    if (++p->depth > FTP_MAX_DEPTH ||
        (!ftp_failed(p) && c_stack_low())) {
        if (!ftp_failed(p)) {
            /* CPython 3.11 raises a bare MemoryError here (3.12 added
             * "Parser stack overflowed - ..."). */
            ft_err_no_memory();
            ftp_raised(p);
        }
        p->depth--;
        return -1;
    }
    return 0;
}

/* ---- errors ------------------------------------------------------------------------ */

static void *record_error(FtParser *p, FtTokErrType type, int lineno,
                          int offset, const char *fmt, va_list ap)
{
    FtParseError *e = p->err;
    if (e->set || e->raised)
        return NULL;
    e->set = 1;
    e->type = type;
    e->lineno = lineno;
    e->offset = offset;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    return NULL;
}

void *ftp_error_at(FtParser *p, int lineno, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record_error(p, FT_TOKERR_SYNTAX, lineno, col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *ftp_error_offset(FtParser *p, int lineno, int offset, const char *fmt,
                       ...)
{
    va_list ap;
    va_start(ap, fmt);
    record_error(p, FT_TOKERR_SYNTAX, lineno, offset, fmt, ap);
    va_end(ap);
    return NULL;
}

void *ftp_error_tok(FtParser *p, const FtToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record_error(p, FT_TOKERR_SYNTAX, t->lineno, t->col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *ftp_error_expr(FtParser *p, const FtAstExpr *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record_error(p, FT_TOKERR_SYNTAX, e->lineno, e->col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *ftp_indent_error(FtParser *p, const FtToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* CPython places errors at an INDENT after the whitespace, and at a
     * DEDENT (except those closing the input) one column early. */
    int off = t->type == FT_TOK_INDENT ? t->end_col
              : t->type == FT_TOK_DEDENT && t->start < p->src_end
                  ? t->col
                  : t->col + 1;
    record_error(p, FT_TOKERR_INDENT, t->lineno, off, fmt, ap);
    va_end(ap);
    return NULL;
}

/* When the parse failed without a specific message: "invalid syntax" at
 * the furthest token reached, as CPython reports it. */
static void settle_generic_error(FtParser *p)
{
    if (ftp_failed(p))
        return;
    FtToken *t = &p->toks[p->furthest];
    if (t->type == FT_TOK_INDENT) {
        ftp_indent_error(p, t, "unexpected indent");
    } else if (t->type == FT_TOK_DEDENT) {
        ftp_indent_error(p, t, "unexpected unindent");
    } else {
        /* at the very end CPython gives no column */
        ftp_error_offset(p, t->lineno,
                         t->type == FT_TOK_ENDMARKER ? 0 : t->col + 1,
                         "invalid syntax");
    }
}

/* Chooses between the parser's error and a tokenizer error, as CPython
 * does: reaching the bad token reports the tokenizer error, and some
 * tokenizer errors win even when the parser failed earlier in the file. */
static void settle_error(FtParser *p)
{
    FtTokError *te = &p->tok->err;
    if (p->err->raised)
        return;
    int reached = p->furthest >= p->ntoks - 1;
    int use_tok = 0;
    if (te->kind != FT_TOKERR_NONE) {
        if (reached || te->kind == FT_TOKERR_EAGER) {
            use_tok = 1;
        } else if (te->kind == FT_TOKERR_EOF_PAREN) {
            /* an unclosed bracket wins over errors on later lines */
            settle_generic_error(p);
            use_tok = p->err->set && p->err->lineno > te->lineno;
        }
    }
    if (use_tok) {
        FtParseError *e = p->err;
        memset(e, 0, sizeof *e);
        e->set = 1;
        e->type = te->type;
        e->lineno = te->lineno;
        e->offset = te->offset;
        snprintf(e->msg, sizeof e->msg, "%s", te->msg);
        return;
    }
    settle_generic_error(p);
}

/* Returns line `lineno` of [src, end) and its length without '\n'. */
static const char *find_line(const char *src, const char *end, int lineno,
                             int *len)
{
    const char *s = src;
    for (int l = 1; l < lineno && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL)
            return NULL;
        s = nl + 1;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *len = (int)((nl ? nl : end) - s);
    return s;
}

/* CPython's offset counts characters, ours bytes. */
static int byte_to_char_offset(const char *line, int len, int offset)
{
    if (offset <= 0)
        return offset;
    int chars = 0;
    for (int i = 0; i < offset - 1; i++) {
        if (i >= len || ((unsigned char)line[i] & 0xC0) != 0x80)
            chars++;
    }
    return chars + 1;
}

static void raise_error(FtParser *p)
{
    FtParseError *e = p->err;
    FtType *type = e->type == FT_TOKERR_INDENT ? FtExc_IndentationError
                   : e->type == FT_TOKERR_TAB  ? FtExc_TabError
                                               : FtExc_SyntaxError;
    int len = 0;
    const char *line = find_line(p->src, p->src_end, e->lineno, &len);
    char *text = NULL;
    int offset = e->offset;
    if (e->text != NULL) {
        text = (char *)e->text;
    } else if (line != NULL) {
        text = ft_mem_alloc((size_t)len + 1);
        if (text == NULL)
            return;
        memcpy(text, line, (size_t)len);
        text[len] = '\0';
        offset = byte_to_char_offset(line, len, offset);
    }
    ft_err_syntax(type, e->msg, p->filename, e->lineno, offset, text);
    if (text != e->text)
        ft_mem_free(text);
}

/* ---- tokenizing ------------------------------------------------------------------- */

static int tokenize_all(FtParser *p)
{
    for (;;) {
        if (p->ntoks == p->cap) {
            int cap = p->cap ? p->cap * 2 : 256;
            FtToken *t = ft_mem_realloc(p->toks, (size_t)cap * sizeof *t);
            if (t == NULL)
                return -1;
            p->toks = t;
            p->cap = cap;
        }
        FtToken *t = &p->toks[p->ntoks++];
        FtTokType type = ft_tok_next(p->tok, t);
        if (type == FT_TOK_ENDMARKER || type == FT_TOK_ERRORTOKEN)
            return 0;
    }
}

/* ---- entry points ----------------------------------------------------------------------- */

/* Copies src with "\r\n" and "\r" turned into "\n" (NULL + MemoryError),
 * or returns src itself when it has no '\r'. */
static char *normalise_newlines(const char *src, size_t n, int *copied)
{
    *copied = 0;
    if (memchr(src, '\r', n) == NULL)
        return (char *)src;
    char *buf = ft_mem_alloc(n + 1);
    if (buf == NULL)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\r') {
            buf[j++] = '\n';
            if (i + 1 < n && src[i + 1] == '\n')
                i++;
        } else {
            buf[j++] = src[i];
        }
    }
    buf[j] = '\0';
    *copied = 1;
    return buf;
}

static int check_utf8(const char *src, size_t n, const char *filename)
{
    long bad = ft_utf8_check(src, n);
    if (bad < 0)
        return 0;
    int line = 1;
    for (long i = 0; i < bad; i++)
        line += src[i] == '\n';
    char msg[256];
    snprintf(msg, sizeof msg,
             "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
             "but no encoding declared; see https://peps.python.org/pep-0263/ "
             "for details",
             (unsigned char)src[bad], filename, line);
    ft_err_syntax(FtExc_SyntaxError, msg, filename, line, 0, NULL);
    return -1;
}

/* The parse proper; the source is checked and normalised. The error is
 * raised unless `quiet` (then it is only left in *err). */
static FtAstModule *run_parser(FtArena *arena, const char *src, size_t n,
                               const char *filename, int mode,
                               FtParseError *err, FtTokenizer *tok,
                               int quiet, int *furthest_is_end)
{
    FtParser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.src = src;
    p.src_end = src + n;
    p.filename = filename;
    p.mode = mode;
    p.tok = tok;
    p.err = err;
    const char *start = src;
    if (mode == FT_PARSE_EVAL)
        while (*start == ' ' || *start == '\t')
            start++;
    ft_tok_init(tok, start, src + n, 1, src, 0);
    FtAstModule *m = NULL;
    if (tokenize_all(&p) < 0) {
        ftp_raised(&p);
    } else if ((m = ftp_alloc(&p, sizeof *m)) != NULL) {
        if (mode == FT_PARSE_EVAL)
            m = ftp_eval_input(&p, m);
        else if (mode == FT_PARSE_SINGLE)
            m = ftp_single_input(&p, m);
        else
            m = ftp_file_input(&p, m);
    }
    if (m == NULL) {
        settle_error(&p);
        if (err->set && !err->raised && !quiet)
            raise_error(&p);
    }
    if (furthest_is_end != NULL)
        *furthest_is_end = p.ntoks > 0 && p.furthest >= p.ntoks - 1;
    ft_mem_free(p.toks);
    return m;
}

FtAstModule *ft_parse(FtArena *arena, const char *source, const char *filename,
                      int mode)
{
    if (filename == NULL)
        filename = "<string>";
    if ((unsigned char)source[0] == 0xEF && (unsigned char)source[1] == 0xBB &&
        (unsigned char)source[2] == 0xBF)
        source += 3;
    size_t n = strlen(source);
    if (check_utf8(source, n, filename) < 0)
        return NULL;
    int copied;
    char *src = normalise_newlines(source, n, &copied);
    if (src == NULL)
        return NULL;
    if (copied)
        n = strlen(src);
    FtParseError err;
    memset(&err, 0, sizeof err);
    FtTokenizer *tok = ft_mem_alloc(sizeof *tok);
    FtAstModule *m = NULL;
    if (tok != NULL) {
        m = run_parser(arena, src, n, filename, mode, &err, tok, 0, NULL);
        ft_mem_free(tok);
    }
    if (copied)
        ft_mem_free(src);
    return m;
}

/* ---- f-string expressions --------------------------------------------------------------- */

/* CPython parses an f-string's expression as "(expr)" and reports errors
 * against that text; we keep the real line number. */
static void fexpr_error(FtParser *sub, FtParser *parent)
{
    FtParseError *e = sub->err;
    if (e->raised || !e->set || e->text != NULL)
        return;
    char *text = ft_arena_alloc(parent->arena, (size_t)sub->fexpr_len + 3);
    if (text == NULL) {
        e->raised = 1;
        return;
    }
    text[0] = '(';
    memcpy(text + 1, sub->fexpr, (size_t)sub->fexpr_len);
    text[sub->fexpr_len + 1] = ')';
    text[sub->fexpr_len + 2] = '\0';
    /* e->offset is relative to its line; make it relative to the text */
    int len;
    const char *line = find_line(parent->src, parent->src_end, e->lineno, &len);
    int col = line ? e->offset - 1 - (int)(sub->fexpr - line) : 0;
    if (col < 0 || col > sub->fexpr_len)
        col = sub->fexpr_len;
    e->offset = col + 2;
    e->text = text;
    if (strncmp(e->msg, "f-string", 8) != 0) {
        char msg[sizeof e->msg];
        snprintf(msg, sizeof msg, "f-string: %.180s", e->msg);
        memcpy(e->msg, msg, sizeof msg);
    }
}

/* The expression list of an f-string field. A tuple spans the braces, as
 * CPython's "(a, b)" rewrite makes it. */
static FtAstExpr *fexpr_items(FtParser *p, const char *s, const char *e,
                              int lineno, const char *line_start)
{
    FtPVec items = {0};
    int trailing;
    if (ftp_star_expr_list(p, &items, &trailing) < 0)
        return NULL;
    FtAstExpr *first = items.items[0];
    if (items.n == 1 && !trailing) {
        if (first->kind == FT_EXPR_STARRED)
            return ftp_error_expr(p, first, "can't use starred expression here");
        return first;
    }
    FtAstExpr *t = ftp_alloc(p, sizeof *t);
    if (t == NULL)
        return NULL;
    t->kind = FT_EXPR_TUPLE;
    t->v.list.elts = ftp_expr_seq(&items);
    t->lineno = t->end_lineno = lineno;
    t->col = (int)(s - line_start) - 1;
    const char *ls = line_start;
    for (const char *c = s; c < e; c++) {
        if (*c == '\n') {
            t->end_lineno++;
            ls = c + 1;
        }
    }
    t->end_col = (int)(e - ls) + 1;
    return t;
}

FtAstExpr *ftp_parse_fexpr(FtParser *p, const char *s, const char *e,
                           int lineno, const char *line_start)
{
    FtParser sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = p->arena;
    sub.src = p->src;
    sub.src_end = p->src_end;
    sub.filename = p->filename;
    sub.mode = FT_PARSE_EVAL;
    sub.err = p->err;
    sub.depth = p->depth;
    sub.fexpr = s;
    sub.fexpr_len = (int)(e - s);
    sub.fspec_depth = p->fspec_depth;
    FtTokenizer *tok = ft_mem_alloc(sizeof *tok);
    if (tok == NULL)
        return ftp_raised(p);
    sub.tok = tok;
    ft_tok_init(tok, s, e, lineno, line_start, 1);
    FtAstExpr *r = NULL;
    if (tokenize_all(&sub) < 0) {
        ftp_raised(p);
    } else {
        r = ftp_peek_type(&sub) == FT_TOK_KW_YIELD
                ? ftp_yield_expr(&sub)
                : fexpr_items(&sub, s, e, lineno, line_start);
        if (r != NULL && ftp_peek_type(&sub) != FT_TOK_ENDMARKER)
            r = NULL;
        if (r == NULL) {
            settle_error(&sub);
            fexpr_error(&sub, p);
        }
    }
    ft_mem_free(sub.toks);
    ft_mem_free(tok);
    return r;
}

/* ---- the REPL's question ----------------------------------------------------------------- */

static int is_compound(const FtAstStmt *s)
{
    switch (s->kind) {
    case FT_STMT_IF:
    case FT_STMT_WHILE:
    case FT_STMT_FOR:
    case FT_STMT_TRY:
    case FT_STMT_WITH:
    case FT_STMT_FUNCTIONDEF:
    case FT_STMT_CLASSDEF:
        return 1;
    default:
        return 0;
    }
}

/* 1 if the text's last line is blank (what ends a block at the prompt). */
static int ends_with_blank_line(const char *src, size_t n)
{
    size_t end = n;
    if (end > 0 && src[end - 1] == '\n')
        end--;
    size_t ls = end;
    while (ls > 0 && src[ls - 1] != '\n')
        ls--;
    for (size_t i = ls; i < end; i++)
        if (src[i] != ' ' && src[i] != '\t' && src[i] != '\f')
            return 0;
    return 1;
}

int ft_parse_is_incomplete(const char *source)
{
    size_t n = strlen(source);
    if (ft_utf8_check(source, n) >= 0)
        return 0;
    int copied;
    char *src = normalise_newlines(source, n, &copied);
    if (src == NULL) {
        ft_err_clear();
        return 0;
    }
    if (copied)
        n = strlen(src);
    FtArena *arena = ft_arena_new();
    FtTokenizer *tok = ft_mem_alloc(sizeof *tok);
    int incomplete = 0;
    if (arena != NULL && tok != NULL) {
        FtParseError err;
        memset(&err, 0, sizeof err);
        int at_end = 0;
        FtAstModule *m = run_parser(arena, src, n, "<stdin>", FT_PARSE_SINGLE,
                                    &err, tok, 1, &at_end);
        if (m == NULL && tok->err.kind != FT_TOKERR_NONE)
            incomplete = tok->err.incomplete;
        else if (m == NULL)
            incomplete = err.set && at_end;
        else
            incomplete = m->body.n > 0 && is_compound(m->body.items[0]) &&
                         !ends_with_blank_line(src, n);
    }
    ft_err_clear(); /* a MemoryError or OverflowError of the probe */
    ft_mem_free(tok);
    ft_arena_free(arena);
    if (copied)
        ft_mem_free(src);
    return incomplete;
}
