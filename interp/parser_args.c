/* interp/parser_args.c — what the parser checks and builds around
 * expressions: assignment/for/with/del targets (their ctx and CPython's
 * "cannot assign to ..." errors) and def/lambda parameter lists.
 */
#include "interp/parser_internal.h"

#include <string.h>

/* ---- targets ------------------------------------------------------------------ */

void ftp_set_ctx(FtAstExpr *e, FtAstCtx ctx)
{
    switch (e->kind) {
    case FT_EXPR_NAME:
        e->v.name.ctx = ctx;
        break;
    case FT_EXPR_ATTRIBUTE:
        e->v.attribute.ctx = ctx;
        break;
    case FT_EXPR_SUBSCRIPT:
        e->v.subscript.ctx = ctx;
        break;
    case FT_EXPR_STARRED:
        e->v.starred.ctx = ctx;
        ftp_set_ctx(e->v.starred.value, ctx);
        break;
    case FT_EXPR_LIST:
    case FT_EXPR_TUPLE:
        e->v.list.ctx = ctx;
        for (int i = 0; i < e->v.list.elts.n; i++)
            ftp_set_ctx(e->v.list.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

FtAstExpr *ftp_invalid_target(FtAstExpr *e, int kind)
{
    switch (e->kind) {
    case FT_EXPR_LIST:
    case FT_EXPR_TUPLE:
        for (int i = 0; i < e->v.list.elts.n; i++) {
            FtAstExpr *bad = ftp_invalid_target(e->v.list.elts.items[i], kind);
            if (bad != NULL)
                return bad;
        }
        return NULL;
    case FT_EXPR_STARRED:
        if (kind == FTP_STORE_DEL)
            return e;
        return ftp_invalid_target(e->v.starred.value, kind);
    case FT_EXPR_NAME:
    case FT_EXPR_ATTRIBUTE:
    case FT_EXPR_SUBSCRIPT:
        return NULL;
    default:
        return e;
    }
}

/* The compiler-time checks CPython makes on starred targets. */
static int check_starred(FtParser *p, FtAstExpr *e, int top)
{
    if (e->kind == FT_EXPR_STARRED && top) {
        ftp_error_expr(p, e,
                       "starred assignment target must be in a list or tuple");
        return -1;
    }
    if (e->kind != FT_EXPR_LIST && e->kind != FT_EXPR_TUPLE)
        return 0;
    int stars = 0;
    for (int i = 0; i < e->v.list.elts.n; i++) {
        FtAstExpr *x = e->v.list.elts.items[i];
        if (x->kind == FT_EXPR_STARRED) {
            stars++;
            x = x->v.starred.value;
            if (x->kind == FT_EXPR_STARRED) {
                ftp_error_expr(p, x, "starred assignment target must be in a "
                                     "list or tuple");
                return -1;
            }
        }
        if (check_starred(p, x, 0) < 0)
            return -1;
    }
    if (stars > 1) {
        ftp_error_expr(p, e, "multiple starred expressions in assignment");
        return -1;
    }
    return 0;
}

int ftp_check_target(FtParser *p, FtAstExpr *e, int kind)
{
    FtAstExpr *bad = ftp_invalid_target(e, kind);
    if (bad != NULL) {
        ftp_error_expr(p, bad,
                       kind == FTP_STORE_DEL ? "cannot delete %s"
                                             : "cannot assign to %s",
                       ftp_expr_name(bad));
        return -1;
    }
    if (kind != FTP_STORE_DEL && check_starred(p, e, 1) < 0)
        return -1;
    ftp_set_ctx(e, kind == FTP_STORE_DEL ? FT_CTX_DEL : FT_CTX_STORE);
    return 0;
}

/* ---- parameters ------------------------------------------------------------------------ */

typedef struct {
    FtPVec args, defaults, kwonly, kwdefaults;
    FtAstArg *vararg, *kwarg;
    int n_posonly, seen_slash;
    FtToken *star;       /* the '*' token, once seen */
    FtToken *after_star; /* where lambda reports a bare '*' */
} ParamState;

/* NAME [':' annotation]; *args may be annotated `*Ts` (PEP 646). */
static FtAstArg *param(FtParser *p, int with_annotations, int star_annotation)
{
    FtToken *t = ftp_peek(p);
    if (t->type != FT_TOK_NAME)
        return NULL;
    ftp_next(p);
    FtAstArg *a = ftp_alloc(p, sizeof *a);
    if (a == NULL)
        return NULL;
    a->name = ft_arena_strndup(p->arena, t->start, (size_t)t->len);
    if (a->name == NULL)
        return ftp_raised(p);
    a->lineno = t->lineno;
    a->col = t->col;
    a->annotation = NULL;
    if (with_annotations && ftp_accept(p, FT_TOK_COLON)) {
        /* `*args: *Ts` is parsed but not kept */
        int starred = star_annotation && ftp_accept(p, FT_TOK_STAR);
        FtAstExpr *ann = ftp_expression(p);
        if (ann == NULL)
            return NULL;
        a->annotation = starred ? NULL : ann;
    }
    return a;
}

static int slash_param(FtParser *p, ParamState *st)
{
    FtToken *t = ftp_next(p);
    if (st->star != NULL)
        ftp_error_tok(p, t, "/ must be ahead of *");
    else if (st->seen_slash)
        ftp_error_tok(p, t, "/ may appear only once");
    else if (st->args.n == 0)
        ftp_error_tok(p, t, "at least one argument must precede /");
    st->seen_slash = 1;
    st->n_posonly = st->args.n;
    return ftp_failed(p) ? -1 : 0;
}

static int star_param(FtParser *p, ParamState *st, int with_annotations)
{
    FtToken *t = ftp_next(p);
    if (t->type == FT_TOK_DOUBLESTAR) {
        if ((st->kwarg = param(p, with_annotations, 0)) == NULL)
            return -1;
        if (ftp_peek_type(p) == FT_TOK_EQUAL) {
            ftp_error_tok(p, ftp_peek(p),
                          "var-keyword argument cannot have default value");
            return -1;
        }
        return 0;
    }
    if (st->star != NULL) {
        ftp_error_tok(p, t, "* argument may appear only once");
        return -1;
    }
    st->star = t;
    if (ftp_peek_type(p) != FT_TOK_NAME) { /* bare '*' */
        st->after_star = ftp_peek(p);
        if (st->after_star->type == FT_TOK_COMMA)
            st->after_star = ftp_peek_at(p, 1);
        return 0;
    }
    if ((st->vararg = param(p, with_annotations, 1)) == NULL)
        return -1;
    if (ftp_peek_type(p) == FT_TOK_EQUAL) {
        ftp_error_tok(p, ftp_peek(p),
                      "var-positional argument cannot have default value");
        return -1;
    }
    return 0;
}

static int named_param(FtParser *p, ParamState *st, int with_annotations)
{
    FtToken *t = ftp_peek(p);
    FtAstArg *a = param(p, with_annotations, 0);
    if (a == NULL)
        return -1;
    FtAstExpr *def = NULL;
    if (ftp_accept(p, FT_TOK_EQUAL) && (def = ftp_expression(p)) == NULL)
        return -1;
    if (st->star != NULL)
        return ftp_push(p, &st->kwonly, a) < 0 ||
                       ftp_push(p, &st->kwdefaults, def) < 0
                   ? -1
                   : 0;
    if (def == NULL && st->defaults.n > 0) {
        ftp_error_tok(p, t, "non-default argument follows default argument");
        return -1;
    }
    if (ftp_push(p, &st->args, a) < 0)
        return -1;
    return def ? ftp_push(p, &st->defaults, def) : 0;
}

static FtAstArguments *build_arguments(FtParser *p, ParamState *st)
{
    FtAstArguments *a = ftp_alloc(p, sizeof *a);
    if (a == NULL)
        return NULL;
    a->n_posonly = st->n_posonly;
    a->n_args = st->args.n;
    a->args = ftp_alloc(p, (size_t)(st->args.n + 1) * sizeof(FtAstArg));
    a->kwonly = ftp_alloc(p, (size_t)(st->kwonly.n + 1) * sizeof(FtAstArg));
    a->kw_defaults = ftp_alloc(p, (size_t)(st->kwonly.n + 1) * sizeof(FtAstExpr *));
    if (a->args == NULL || a->kwonly == NULL || a->kw_defaults == NULL)
        return NULL;
    for (int i = 0; i < st->args.n; i++)
        a->args[i] = *(FtAstArg *)st->args.items[i];
    for (int i = 0; i < st->kwonly.n; i++) {
        a->kwonly[i] = *(FtAstArg *)st->kwonly.items[i];
        a->kw_defaults[i] = st->kwdefaults.items[i];
    }
    a->n_kwonly = st->kwonly.n;
    a->defaults = ftp_expr_seq(&st->defaults);
    a->vararg = st->vararg;
    a->kwarg = st->kwarg;
    return a;
}

/* The symbol table would find these too; the parser says it first. */
static int check_duplicates(FtParser *p, FtAstArguments *a)
{
    int n = a->n_args + a->n_kwonly + (a->vararg != NULL) + (a->kwarg != NULL);
    const FtAstArg **all = ftp_alloc(p, (size_t)(n + 1) * sizeof *all);
    if (all == NULL)
        return -1;
    int k = 0;
    for (int i = 0; i < a->n_args; i++)
        all[k++] = &a->args[i];
    if (a->vararg != NULL)
        all[k++] = a->vararg;
    for (int i = 0; i < a->n_kwonly; i++)
        all[k++] = &a->kwonly[i];
    if (a->kwarg != NULL)
        all[k++] = a->kwarg;
    for (int i = 1; i < k; i++) {
        for (int j = 0; j < i; j++) {
            if (strcmp(all[i]->name, all[j]->name) == 0) {
                ftp_error_at(p, all[i]->lineno, all[i]->col,
                             "duplicate argument '%s' in function definition",
                             all[i]->name);
                return -1;
            }
        }
    }
    return 0;
}

FtAstArguments *ftp_parameters(FtParser *p, FtTokType close,
                               int with_annotations)
{
    ParamState st;
    memset(&st, 0, sizeof st);
    while (ftp_peek_type(p) != close) {
        FtToken *t = ftp_peek(p);
        int r;
        if (st.kwarg != NULL) {
            ftp_error_tok(p, t, "arguments cannot follow var-keyword argument");
            return NULL;
        }
        if (t->type == FT_TOK_SLASH)
            r = slash_param(p, &st);
        else if (t->type == FT_TOK_STAR || t->type == FT_TOK_DOUBLESTAR)
            r = star_param(p, &st, with_annotations);
        else
            r = named_param(p, &st, with_annotations);
        if (r < 0)
            return NULL;
        if (!ftp_accept(p, FT_TOK_COMMA))
            break;
    }
    if (st.star != NULL && st.vararg == NULL && st.kwonly.n == 0)
        return ftp_error_tok(p, with_annotations ? st.star : st.after_star,
                             "named arguments must follow bare *");
    FtAstArguments *a = build_arguments(p, &st);
    return a != NULL && check_duplicates(p, a) == 0 ? a : NULL;
}

