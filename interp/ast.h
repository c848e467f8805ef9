/* interp/ast.h — the abstract syntax tree the parser builds and the compiler
 * walks. Nodes are plain structs in an arena: no reference counts, freed all
 * at once. Identifiers are arena C strings; literal values are objects the
 * arena owns (released by ft_arena_free).
 */
#ifndef FT_INTERP_AST_H
#define FT_INTERP_AST_H

#include "objects/object.h"

/* ---- arena ---- */
typedef struct FtArena FtArena;
FtArena *ft_arena_new(void);
void *ft_arena_alloc(FtArena *a, size_t size); /* zeroed; NULL + MemoryError */
char *ft_arena_strndup(FtArena *a, const char *s, size_t n);
/* The arena takes over the reference to o (released by ft_arena_free). */
int ft_arena_add_object(FtArena *a, FtObject *o);
void ft_arena_free(FtArena *a);

typedef struct FtAstExpr FtAstExpr;
typedef struct FtAstStmt FtAstStmt;

/* A sequence is a count plus an arena array. */
typedef struct {
    int n;
    FtAstExpr **items;
} FtAstExprSeq;
typedef struct {
    int n;
    FtAstStmt **items;
} FtAstStmtSeq;
typedef struct {
    int n;
    const char **items;
} FtAstNameSeq;

typedef enum { FT_CTX_LOAD, FT_CTX_STORE, FT_CTX_DEL } FtAstCtx;

typedef enum {
    FT_CMP_EQ,
    FT_CMP_NE,
    FT_CMP_LT,
    FT_CMP_LE,
    FT_CMP_GT,
    FT_CMP_GE,
    FT_CMP_IS,
    FT_CMP_IS_NOT,
    FT_CMP_IN,
    FT_CMP_NOT_IN
} FtAstCmpOp;

typedef enum { FT_UOP_NOT, FT_UOP_NEG, FT_UOP_POS, FT_UOP_INVERT } FtAstUnaryOp;

/* Binary operators use FT_OP_* from objects/object.h. */

typedef struct {
    const char *name;
    int lineno, col;
    FtAstExpr *annotation; /* NULL if none */
} FtAstArg;

typedef struct {
    int n_posonly;    /* the first n_posonly of args are positional-only */
    int n_args;
    FtAstArg *args;   /* positional (and positional-only) parameters */
    FtAstExprSeq defaults; /* for the last defaults.n of args */
    FtAstArg *vararg; /* *args, or NULL */
    int n_kwonly;
    FtAstArg *kwonly;
    FtAstExpr **kw_defaults; /* n_kwonly entries, NULL = required */
    FtAstArg *kwarg;  /* **kwargs, or NULL */
} FtAstArguments;

typedef struct {
    const char *arg; /* keyword name, or NULL for **mapping */
    FtAstExpr *value;
    int lineno, col;
} FtAstKeyword;

typedef struct {
    FtAstExpr *target;
    FtAstExpr *iter;
    FtAstExprSeq ifs;
} FtAstComprehension;

typedef enum {
    FT_EXPR_BOOLOP,    /* and / or */
    FT_EXPR_BINOP,
    FT_EXPR_UNARYOP,
    FT_EXPR_LAMBDA,
    FT_EXPR_IFEXP,
    FT_EXPR_DICT,
    FT_EXPR_SET,
    FT_EXPR_LISTCOMP,
    FT_EXPR_SETCOMP,
    FT_EXPR_DICTCOMP,
    FT_EXPR_GENEXP,
    FT_EXPR_YIELD,
    FT_EXPR_YIELD_FROM,
    FT_EXPR_COMPARE,
    FT_EXPR_CALL,
    FT_EXPR_FORMATTED_VALUE, /* one {expr!conv:spec} of an f-string */
    FT_EXPR_JOINED_STR,      /* an f-string: constants and formatted values */
    FT_EXPR_CONSTANT,        /* None, True, False, int, float, str, ... */
    FT_EXPR_ATTRIBUTE,
    FT_EXPR_SUBSCRIPT,
    FT_EXPR_STARRED,
    FT_EXPR_NAME,
    FT_EXPR_LIST,
    FT_EXPR_TUPLE,
    FT_EXPR_SLICE
} FtAstExprKind;

struct FtAstExpr {
    FtAstExprKind kind;
    int lineno, col; /* 1-based line, 0-based column (in bytes) */
    int end_lineno, end_col;
    union {
        struct { int is_or; FtAstExprSeq values; } boolop;
        struct { FtAstExpr *left; int op; FtAstExpr *right; } binop;
        struct { FtAstUnaryOp op; FtAstExpr *operand; } unaryop;
        struct { FtAstArguments *args; FtAstExpr *body; } lambda;
        struct { FtAstExpr *test, *body, *orelse; } ifexp;
        /* keys.items[i] == NULL means `**values.items[i]` */
        struct { FtAstExprSeq keys, values; } dict;
        struct { FtAstExprSeq elts; } set;
        /* listcomp, setcomp, genexp use elt; dictcomp uses key and value */
        struct {
            FtAstExpr *elt, *key, *value;
            int n_generators;
            FtAstComprehension *generators;
        } comp;
        struct { FtAstExpr *value; } yield; /* value may be NULL */
        struct {
            FtAstExpr *left;
            int n;
            FtAstCmpOp *ops;
            FtAstExpr **comparators;
        } compare;
        struct {
            FtAstExpr *func;
            FtAstExprSeq args; /* may contain FT_EXPR_STARRED */
            int n_keywords;
            FtAstKeyword *keywords;
        } call;
        struct {
            FtAstExpr *value;
            int conversion; /* -1 none, 's', 'r', 'a' */
            FtAstExpr *format_spec; /* a JOINED_STR, or NULL */
        } formatted;
        struct { FtAstExprSeq values; } joined;
        struct { FtObject *value; } constant; /* owned by the arena */
        struct { FtAstExpr *value; const char *attr; FtAstCtx ctx; } attribute;
        struct { FtAstExpr *value, *slice; FtAstCtx ctx; } subscript;
        struct { FtAstExpr *value; FtAstCtx ctx; } starred;
        struct { const char *id; FtAstCtx ctx; } name;
        struct { FtAstExprSeq elts; FtAstCtx ctx; } list; /* list and tuple */
        struct { FtAstExpr *lower, *upper, *step; } slice; /* each may be NULL */
    } v;
};

typedef struct {
    FtAstExpr *type; /* NULL for a bare `except:` */
    const char *name; /* `as name`, or NULL */
    FtAstStmtSeq body;
    int lineno, col;
} FtAstExceptHandler;

typedef struct {
    FtAstExpr *context_expr;
    FtAstExpr *optional_vars; /* may be NULL */
} FtAstWithItem;

typedef struct {
    const char *name;   /* dotted name for import, plain for from-import;
                           "*" for `from m import *` */
    const char *asname; /* or NULL */
} FtAstAlias;

typedef enum {
    FT_STMT_FUNCTIONDEF,
    FT_STMT_CLASSDEF,
    FT_STMT_RETURN,
    FT_STMT_DELETE,
    FT_STMT_ASSIGN,
    FT_STMT_AUGASSIGN,
    FT_STMT_ANNASSIGN, /* x: T = v — see compile_annassign */
    FT_STMT_FOR,
    FT_STMT_WHILE,
    FT_STMT_IF,
    FT_STMT_WITH,
    FT_STMT_RAISE,
    FT_STMT_TRY,
    FT_STMT_ASSERT,
    FT_STMT_IMPORT,
    FT_STMT_IMPORT_FROM,
    FT_STMT_GLOBAL,
    FT_STMT_NONLOCAL,
    FT_STMT_EXPR,
    FT_STMT_PASS,
    FT_STMT_BREAK,
    FT_STMT_CONTINUE
} FtAstStmtKind;

struct FtAstStmt {
    FtAstStmtKind kind;
    int lineno, col;
    int end_lineno, end_col;
    union {
        struct {
            const char *name;
            FtAstArguments *args;
            FtAstStmtSeq body;
            FtAstExprSeq decorators;
            FtAstExpr *returns; /* annotation; may be NULL */
        } functiondef;
        struct {
            const char *name;
            FtAstExprSeq bases;
            int n_keywords;
            FtAstKeyword *keywords;
            FtAstStmtSeq body;
            FtAstExprSeq decorators;
        } classdef;
        struct { FtAstExpr *value; } ret; /* value may be NULL */
        struct { FtAstExprSeq targets; } del;
        /* a = b = value: targets {a, b} */
        struct { FtAstExprSeq targets; FtAstExpr *value; } assign;
        struct { FtAstExpr *target; int op; FtAstExpr *value; } augassign;
        struct {
            FtAstExpr *target, *annotation, *value; /* value may be NULL */
            int simple; /* target is a plain name */
        } annassign;
        struct {
            FtAstExpr *target, *iter;
            FtAstStmtSeq body, orelse;
        } forloop;
        struct { FtAstExpr *test; FtAstStmtSeq body, orelse; } whileloop;
        struct { FtAstExpr *test; FtAstStmtSeq body, orelse; } ifstmt;
        struct {
            int n_items;
            FtAstWithItem *items;
            FtAstStmtSeq body;
        } with;
        struct { FtAstExpr *exc, *cause; } raise; /* both may be NULL */
        struct {
            FtAstStmtSeq body;
            int n_handlers;
            FtAstExceptHandler *handlers;
            FtAstStmtSeq orelse, finalbody;
        } trystmt;
        struct { FtAstExpr *test, *msg; } assertion; /* msg may be NULL */
        struct { int n; FtAstAlias *names; } import;
        struct {
            const char *module; /* NULL for `from . import x` */
            int n;
            FtAstAlias *names;
            int level; /* leading dots */
        } importfrom;
        struct { FtAstNameSeq names; } global; /* global and nonlocal */
        struct { FtAstExpr *value; } expr;
    } v;
};

typedef struct {
    FtAstStmtSeq body;  /* FT_PARSE_FILE / FT_PARSE_SINGLE */
    FtAstExpr *expr;    /* FT_PARSE_EVAL */
} FtAstModule;

#endif
