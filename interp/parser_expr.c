/* interp/parser_expr.c — the expression grammar, one function per precedence
 * level (lambda < if-else < or < and < not < comparisons < | < ^ < & < shifts
 * < + - < * / // % @ < unary < ** < primary < atom), plus displays,
 * comprehensions, call arguments, parameters and assignment targets.
 */
#include "interp/parser_internal.h"

#include <string.h>

static FtAstExpr *disjunction(FtParser *p);
static FtAstExpr *factor(FtParser *p);
static FtAstExpr *star_named_expression(FtParser *p);

/* ---- nodes ------------------------------------------------------------------- */

FtAstExpr *ftp_new_expr(FtParser *p, FtAstExprKind kind, const FtToken *t)
{
    FtAstExpr *e = ftp_alloc(p, sizeof *e);
    if (e == NULL)
        return NULL;
    e->kind = kind;
    e->lineno = e->end_lineno = t->lineno;
    e->col = t->col;
    e->end_col = t->end_col;
    return e;
}

void ftp_end_expr(FtParser *p, FtAstExpr *e)
{
    FtToken *t = ftp_last(p);
    e->end_lineno = t->end_lineno;
    e->end_col = t->end_col;
}

/* Like CPython, a node spans the tokens of its rule, so parentheses
 * around its first or last operand are included. */
void ftp_set_span(FtParser *p, FtAstExpr *e, const FtToken *start)
{
    e->lineno = start->lineno;
    e->col = start->col;
    ftp_end_expr(p, e);
}

static FtAstExpr *binop(FtParser *p, const FtToken *start, FtAstExpr *left,
                        int op, FtAstExpr *right)
{
    FtAstExpr *e = ftp_alloc(p, sizeof *e);
    if (e == NULL)
        return NULL;
    e->kind = FT_EXPR_BINOP;
    e->v.binop.left = left;
    e->v.binop.op = op;
    e->v.binop.right = right;
    ftp_set_span(p, e, start);
    return e;
}

static FtAstExpr *constant(FtParser *p, const FtToken *t, FtObject *value)
{
    if (ftp_keep(p, value) == NULL)
        return NULL;
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_CONSTANT, t);
    if (e != NULL)
        e->v.constant.value = value;
    return e;
}

int ftp_starts_expression(FtTokType t)
{
    switch (t) {
    case FT_TOK_NAME:
    case FT_TOK_NUMBER:
    case FT_TOK_STRING:
    case FT_TOK_LPAR:
    case FT_TOK_LSQB:
    case FT_TOK_LBRACE:
    case FT_TOK_MINUS:
    case FT_TOK_PLUS:
    case FT_TOK_TILDE:
    case FT_TOK_ELLIPSIS:
    case FT_TOK_KW_NOT:
    case FT_TOK_KW_LAMBDA:
    case FT_TOK_KW_NONE:
    case FT_TOK_KW_TRUE:
    case FT_TOK_KW_FALSE:
    case FT_TOK_KW_AWAIT:
        return 1;
    default:
        return 0;
    }
}

const char *ftp_expr_name(const FtAstExpr *e)
{
    switch (e->kind) {
    case FT_EXPR_ATTRIBUTE: return "attribute";
    case FT_EXPR_SUBSCRIPT: return "subscript";
    case FT_EXPR_STARRED: return "starred";
    case FT_EXPR_NAME: return "name";
    case FT_EXPR_LIST: return "list";
    case FT_EXPR_TUPLE: return "tuple";
    case FT_EXPR_LAMBDA: return "lambda";
    case FT_EXPR_CALL: return "function call";
    case FT_EXPR_BOOLOP:
    case FT_EXPR_BINOP:
    case FT_EXPR_UNARYOP: return "expression";
    case FT_EXPR_GENEXP: return "generator expression";
    case FT_EXPR_YIELD:
    case FT_EXPR_YIELD_FROM: return "yield expression";
    case FT_EXPR_LISTCOMP: return "list comprehension";
    case FT_EXPR_SETCOMP: return "set comprehension";
    case FT_EXPR_DICTCOMP: return "dict comprehension";
    case FT_EXPR_DICT: return "dict literal";
    case FT_EXPR_SET: return "set display";
    case FT_EXPR_JOINED_STR:
    case FT_EXPR_FORMATTED_VALUE: return "f-string expression";
    case FT_EXPR_CONSTANT: {
        FtObject *v = e->v.constant.value;
        if (v == FT_None) return "None";
        if (v == FT_True) return "True";
        if (v == FT_False) return "False";
        if (v == FT_Ellipsis) return "ellipsis";
        return "literal";
    }
    case FT_EXPR_COMPARE: return "comparison";
    case FT_EXPR_IFEXP: return "conditional expression";
    case FT_EXPR_SLICE: return "slice";
    }
    return "expression";
}

/* Inside brackets, `a b` gets CPython's "Perhaps you forgot a comma?". */
static void *comma_hint(FtParser *p, FtAstExpr *e, const FtToken *start)
{
    FtToken *next = ftp_peek(p);
    if (!ftp_starts_expression(next->type) || e == NULL)
        return NULL;
    while (e->kind == FT_EXPR_IFEXP || e->kind == FT_EXPR_LAMBDA)
        e = e->kind == FT_EXPR_IFEXP ? e->v.ifexp.orelse : e->v.lambda.body;
    if (e->kind == FT_EXPR_STARRED)
        return NULL;
    if (start->type == FT_TOK_NAME && e->kind == FT_EXPR_NAME &&
        (next->type == FT_TOK_STRING || strcmp(e->v.name.id, "_") == 0 ||
         strcmp(e->v.name.id, "match") == 0 || strcmp(e->v.name.id, "case") == 0))
        return NULL;
    /* CPython gives the hint only if what follows parses as an expression;
     * parsing it may also run into a tokenizer error, which then wins. */
    FtParseError saved = *p->err;
    int pos = p->pos, furthest = p->furthest;
    FtAstExpr *b = ftp_expression(p);
    int raised = p->err->raised;
    *p->err = saved;
    p->err->raised |= raised;
    p->pos = pos;
    if (p->furthest < p->ntoks - 1 ||
        p->toks[p->ntoks - 1].type != FT_TOK_ERRORTOKEN)
        p->furthest = furthest;
    if (b == NULL)
        return NULL;
    /* An unclosed bracket followed by more lines is the likelier mistake
     * (CPython's lookahead usually runs into it). */
    if (p->tok->err.kind == FT_TOKERR_EOF_PAREN && next->lineno > e->end_lineno) {
        p->furthest = p->ntoks - 1;
        return NULL;
    }
    return ftp_error_expr(p, e, "invalid syntax. Perhaps you forgot a comma?");
}

/* ---- comprehensions -------------------------------------------------------------- */

/* ('for' targets 'in' disjunction ('if' disjunction)*)+ */
static int comprehension_clauses(FtParser *p, FtAstExpr *comp)
{
    FtPVec gens = {0};
    while (ftp_peek_type(p) == FT_TOK_KW_FOR ||
           ftp_peek_type(p) == FT_TOK_KW_ASYNC) {
        if (ftp_peek_type(p) == FT_TOK_KW_ASYNC) {
            ftp_error_tok(p, ftp_peek(p), "'async' is not supported");
            return -1;
        }
        ftp_next(p);
        FtAstComprehension *c = ftp_alloc(p, sizeof *c);
        if (c == NULL || (c->target = ftp_for_targets(p)) == NULL)
            return -1;
        if (!ftp_accept(p, FT_TOK_KW_IN))
            return -1;
        if (ftp_check_target(p, c->target, FTP_STORE_FOR) < 0)
            return -1;
        if ((c->iter = disjunction(p)) == NULL)
            return -1;
        FtPVec ifs = {0};
        while (ftp_accept(p, FT_TOK_KW_IF)) {
            FtAstExpr *cond = disjunction(p);
            if (cond == NULL || ftp_push(p, &ifs, cond) < 0)
                return -1;
        }
        c->ifs = ftp_expr_seq(&ifs);
        if (ftp_push(p, &gens, c) < 0)
            return -1;
    }
    comp->v.comp.n_generators = gens.n;
    comp->v.comp.generators =
        ftp_alloc(p, (size_t)gens.n * sizeof(FtAstComprehension));
    if (comp->v.comp.generators == NULL)
        return -1;
    for (int i = 0; i < gens.n; i++)
        comp->v.comp.generators[i] = *(FtAstComprehension *)gens.items[i];
    return 0;
}

/* A comprehension whose element `elt` was just parsed; `open` is its
 * opening bracket and `close` the closing one (consumed here). */
static FtAstExpr *comprehension(FtParser *p, FtAstExprKind kind,
                                FtAstExpr *elt, const FtToken *open,
                                FtTokType close)
{
    if (elt->kind == FT_EXPR_STARRED)
        return ftp_error_expr(p, elt, "iterable unpacking cannot be used in "
                                      "comprehension");
    FtAstExpr *e = ftp_new_expr(p, kind, open);
    if (e == NULL)
        return NULL;
    e->v.comp.elt = elt;
    if (comprehension_clauses(p, e) < 0 || !ftp_accept(p, close))
        return NULL;
    ftp_end_expr(p, e);
    return e;
}

/* ---- atoms -------------------------------------------------------------------------- */

/* Items of a display up to `close` (consumed), the first already parsed. */
static int display_items(FtParser *p, FtPVec *items, FtAstExpr *first,
                         const FtToken *first_tok, FtTokType close)
{
    if (ftp_push(p, items, first) < 0)
        return -1;
    if (comma_hint(p, first, first_tok), ftp_failed(p))
        return -1;
    while (ftp_accept(p, FT_TOK_COMMA)) {
        if (ftp_peek_type(p) == close)
            break;
        FtToken *t = ftp_peek(p);
        FtAstExpr *e = star_named_expression(p);
        if (e == NULL || ftp_push(p, items, e) < 0)
            return -1;
        if (comma_hint(p, e, t), ftp_failed(p))
            return -1;
    }
    return ftp_accept(p, close) ? 0 : -1;
}

static FtAstExpr *seq_node(FtParser *p, FtAstExprKind kind, const FtToken *open,
                           FtPVec *items)
{
    FtAstExpr *e = ftp_new_expr(p, kind, open);
    if (e == NULL)
        return NULL;
    if (kind == FT_EXPR_SET)
        e->v.set.elts = ftp_expr_seq(items);
    else
        e->v.list.elts = ftp_expr_seq(items);
    ftp_end_expr(p, e);
    return e;
}

static FtAstExpr *paren_atom(FtParser *p)
{
    FtToken *open = ftp_next(p);
    FtPVec items = {0};
    if (ftp_accept(p, FT_TOK_RPAR))
        return seq_node(p, FT_EXPR_TUPLE, open, &items);
    if (ftp_peek_type(p) == FT_TOK_KW_YIELD) {
        FtAstExpr *y = ftp_yield_expr(p);
        return y != NULL && ftp_accept(p, FT_TOK_RPAR) ? y : NULL;
    }
    FtToken *t = ftp_peek(p);
    FtAstExpr *first = star_named_expression(p);
    if (first == NULL)
        return NULL;
    FtTokType next = ftp_peek_type(p);
    if (next == FT_TOK_KW_FOR || next == FT_TOK_KW_ASYNC)
        return comprehension(p, FT_EXPR_GENEXP, first, open, FT_TOK_RPAR);
    if (next == FT_TOK_RPAR) {
        ftp_next(p);
        if (first->kind == FT_EXPR_STARRED)
            return ftp_error_expr(p, first, "cannot use starred expression here");
        return first; /* a parenthesised expression keeps its own position */
    }
    if (next != FT_TOK_COMMA) {
        comma_hint(p, first, t);
        return NULL;
    }
    if (display_items(p, &items, first, t, FT_TOK_RPAR) < 0)
        return NULL;
    return seq_node(p, FT_EXPR_TUPLE, open, &items);
}

static FtAstExpr *list_atom(FtParser *p)
{
    FtToken *open = ftp_next(p);
    FtPVec items = {0};
    if (ftp_accept(p, FT_TOK_RSQB))
        return seq_node(p, FT_EXPR_LIST, open, &items);
    FtToken *t = ftp_peek(p);
    FtAstExpr *first = star_named_expression(p);
    if (first == NULL)
        return NULL;
    FtTokType next = ftp_peek_type(p);
    if (next == FT_TOK_KW_FOR || next == FT_TOK_KW_ASYNC)
        return comprehension(p, FT_EXPR_LISTCOMP, first, open, FT_TOK_RSQB);
    if (display_items(p, &items, first, t, FT_TOK_RSQB) < 0)
        return NULL;
    return seq_node(p, FT_EXPR_LIST, open, &items);
}

/* One `key: value` or `**mapping` of a dict display. */
static int dict_item(FtParser *p, FtPVec *keys, FtPVec *values)
{
    FtToken *t = ftp_peek(p);
    if (ftp_accept(p, FT_TOK_DOUBLESTAR)) {
        FtAstExpr *v = ftp_bitwise_or(p);
        if (v == NULL || ftp_push(p, keys, NULL) < 0 ||
            ftp_push(p, values, v) < 0)
            return -1;
        return 0;
    }
    FtAstExpr *k = ftp_expression(p);
    if (k == NULL)
        return -1;
    FtToken *colon = ftp_peek(p);
    if (colon->type != FT_TOK_COLON) {
        if (colon->type == FT_TOK_COMMA || colon->type == FT_TOK_RBRACE)
            ftp_error_expr(p, k, "':' expected after dictionary key");
        else
            comma_hint(p, k, t);
        return -1;
    }
    ftp_next(p);
    FtTokType vt = ftp_peek_type(p);
    if (vt == FT_TOK_COMMA || vt == FT_TOK_RBRACE) {
        ftp_error_tok(p, colon,
                      "expression expected after dictionary key and ':'");
        return -1;
    }
    FtAstExpr *v = ftp_expression(p);
    if (v == NULL || ftp_push(p, keys, k) < 0 || ftp_push(p, values, v) < 0)
        return -1;
    return 0;
}

static FtAstExpr *dict_display(FtParser *p, const FtToken *open, FtPVec *keys,
                               FtPVec *values)
{
    while (ftp_accept(p, FT_TOK_COMMA)) {
        if (ftp_peek_type(p) == FT_TOK_RBRACE)
            break;
        if (dict_item(p, keys, values) < 0)
            return NULL;
    }
    if (!ftp_accept(p, FT_TOK_RBRACE))
        return NULL;
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_DICT, open);
    if (e == NULL)
        return NULL;
    e->v.dict.keys = ftp_expr_seq(keys);
    e->v.dict.values = ftp_expr_seq(values);
    ftp_end_expr(p, e);
    return e;
}

static FtAstExpr *brace_atom(FtParser *p)
{
    FtToken *open = ftp_next(p);
    FtPVec keys = {0}, values = {0};
    if (ftp_peek_type(p) == FT_TOK_RBRACE)
        return dict_display(p, open, &keys, &values);
    FtToken *t = ftp_peek(p);
    if (t->type == FT_TOK_DOUBLESTAR) {
        if (dict_item(p, &keys, &values) < 0)
            return NULL;
        if (ftp_peek_type(p) == FT_TOK_KW_FOR)
            return ftp_error_tok(p, t, "dict unpacking cannot be used in dict "
                                       "comprehension");
        return dict_display(p, open, &keys, &values);
    }
    FtAstExpr *first = star_named_expression(p);
    if (first == NULL)
        return NULL;
    if (ftp_peek_type(p) == FT_TOK_COLON && first->kind != FT_EXPR_STARRED) {
        FtToken *colon = ftp_next(p);
        FtTokType vt = ftp_peek_type(p);
        if (vt == FT_TOK_COMMA || vt == FT_TOK_RBRACE)
            return ftp_error_tok(p, colon, "expression expected after "
                                           "dictionary key and ':'");
        FtAstExpr *v = ftp_expression(p);
        if (v == NULL)
            return NULL;
        if (ftp_peek_type(p) == FT_TOK_KW_FOR) {
            FtAstExpr *e = ftp_new_expr(p, FT_EXPR_DICTCOMP, open);
            if (e == NULL)
                return NULL;
            e->v.comp.key = first;
            e->v.comp.value = v;
            if (comprehension_clauses(p, e) < 0 ||
                !ftp_accept(p, FT_TOK_RBRACE))
                return NULL;
            ftp_end_expr(p, e);
            return e;
        }
        if (ftp_push(p, &keys, first) < 0 || ftp_push(p, &values, v) < 0)
            return NULL;
        return dict_display(p, open, &keys, &values);
    }
    FtTokType next = ftp_peek_type(p);
    if (next == FT_TOK_KW_FOR || next == FT_TOK_KW_ASYNC)
        return comprehension(p, FT_EXPR_SETCOMP, first, open, FT_TOK_RBRACE);
    FtPVec items = {0};
    if (display_items(p, &items, first, t, FT_TOK_RBRACE) < 0)
        return NULL;
    return seq_node(p, FT_EXPR_SET, open, &items);
}

/* The digits of an int literal as an int64; 0 on overflow. */
static int parse_int_literal(const char *s, int len, int64_t *out)
{
    int base = 10, i = 0;
    if (len > 1 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        if (c == 'x' || c == 'o' || c == 'b') {
            base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
            i = 2;
        }
    }
    uint64_t v = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '_')
            continue;
        int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            return 0;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (v > (uint64_t)INT64_MAX)
        return 0;
    *out = (int64_t)v;
    return 1;
}

static FtAstExpr *number_atom(FtParser *p)
{
    FtToken *t = ftp_next(p);
    const char *s = t->start;
    int len = t->len;
    char last = (char)(s[len - 1] | 0x20);
    int is_hex = len > 1 && s[0] == '0' && (s[1] | 0x20) == 'x';
    if (last == 'j')
        return ftp_error_tok(p, t, "imaginary literals are not supported");
    if (!is_hex && (memchr(s, '.', (size_t)len) || memchr(s, 'e', (size_t)len) ||
                    memchr(s, 'E', (size_t)len))) {
        char *buf = ftp_alloc(p, (size_t)len + 1);
        if (buf == NULL)
            return NULL;
        int n = 0;
        for (int i = 0; i < len; i++)
            if (s[i] != '_')
                buf[n++] = s[i];
        buf[n] = '\0';
        return constant(p, t, ft_float_from_string(buf, (size_t)n));
    }
    int64_t v;
    if (parse_int_literal(s, len, &v))
        return constant(p, t, ft_int_from_i64(v));
    /* Too big for 64 bits: int's own parser raises (or, one day, copes). */
    return constant(p, t, ft_int_from_string(s, (size_t)len, 0));
}

static FtAstExpr *atom(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    switch (t->type) {
    case FT_TOK_NAME: {
        ftp_next(p);
        FtAstExpr *e = ftp_new_expr(p, FT_EXPR_NAME, t);
        if (e == NULL)
            return NULL;
        e->v.name.id = ft_arena_strndup(p->arena, t->start, (size_t)t->len);
        return e->v.name.id != NULL ? e : ftp_raised(p);
    }
    case FT_TOK_NUMBER:
        return number_atom(p);
    case FT_TOK_STRING:
        return ftp_strings(p);
    case FT_TOK_KW_NONE:
        ftp_next(p);
        return constant(p, t, FT_NEWREF(FT_None));
    case FT_TOK_KW_TRUE:
        ftp_next(p);
        return constant(p, t, FT_NEWREF(FT_True));
    case FT_TOK_KW_FALSE:
        ftp_next(p);
        return constant(p, t, FT_NEWREF(FT_False));
    case FT_TOK_ELLIPSIS:
        ftp_next(p);
        return constant(p, t, FT_NEWREF(FT_Ellipsis));
    case FT_TOK_LPAR:
        return paren_atom(p);
    case FT_TOK_LSQB:
        return list_atom(p);
    case FT_TOK_LBRACE:
        return brace_atom(p);
    default:
        return NULL;
    }
}

/* ---- primaries --------------------------------------------------------------------- */

static FtAstKeyword *keyword_array(FtParser *p, FtPVec *v)
{
    FtAstKeyword *k = ftp_alloc(p, (size_t)(v->n ? v->n : 1) * sizeof *k);
    if (k == NULL)
        return NULL;
    for (int i = 0; i < v->n; i++)
        k[i] = *(FtAstKeyword *)v->items[i];
    return k;
}

static FtAstKeyword *new_keyword(FtParser *p, const FtToken *t, const char *arg)
{
    FtAstKeyword *k = ftp_alloc(p, sizeof *k);
    if (k == NULL)
        return NULL;
    k->arg = arg;
    k->lineno = t->lineno;
    k->col = t->col;
    return k;
}

/* A positional argument that is an expression (maybe a bare genexp). */
static FtAstExpr *positional_arg(FtParser *p, const FtToken *open, int n_before)
{
    FtToken *t = ftp_peek(p);
    FtAstExpr *e = ftp_expression(p);
    if (e == NULL)
        return NULL;
    FtTokType next = ftp_peek_type(p);
    if (next == FT_TOK_KW_FOR || next == FT_TOK_KW_ASYNC) {
        FtAstExpr *g = comprehension(p, FT_EXPR_GENEXP, e, open, FT_TOK_RPAR);
        if (g == NULL) {
            if (!ftp_failed(p) && ftp_peek_type(p) == FT_TOK_COMMA)
                return ftp_error_expr(p, e, "Generator expression must be "
                                            "parenthesized");
            return NULL;
        }
        if (n_before > 0)
            return ftp_error_expr(p, e, "Generator expression must be "
                                        "parenthesized");
        p->pos--; /* the caller consumes the ')' */
        return g;
    }
    if (next == FT_TOK_EQUAL)
        return ftp_error_expr(p, e, "expression cannot contain assignment, "
                                    "perhaps you meant \"==\"?");
    if (next == FT_TOK_COLONEQUAL)
        return ftp_error_tok(p, ftp_peek(p),
                             "assignment expressions are not supported");
    if (comma_hint(p, e, t), ftp_failed(p))
        return NULL;
    return e;
}

int ftp_call_args(FtParser *p, FtAstExprSeq *args, int *n_keywords,
                  FtAstKeyword **keywords, FtToken *open)
{
    FtPVec pos = {0}, kws = {0};
    int seen_kw = 0, seen_dstar = 0, order_error = 0;
    while (ftp_peek_type(p) != FT_TOK_RPAR) {
        FtToken *t = ftp_peek(p);
        if (t->type == FT_TOK_STAR) {
            ftp_next(p);
            if (seen_dstar) {
                ftp_error_tok(p, t, "iterable argument unpacking follows "
                                    "keyword argument unpacking");
                return -1;
            }
            FtAstExpr *v = ftp_expression(p);
            FtAstExpr *s = v ? ftp_new_expr(p, FT_EXPR_STARRED, t) : NULL;
            if (s == NULL)
                return -1;
            s->v.starred.value = v;
            ftp_end_expr(p, s);
            if (ftp_push(p, &pos, s) < 0)
                return -1;
        } else if (t->type == FT_TOK_DOUBLESTAR ||
                   (t->type == FT_TOK_NAME &&
                    ftp_peek_at(p, 1)->type == FT_TOK_EQUAL)) {
            const char *arg = NULL;
            ftp_next(p);
            if (t->type == FT_TOK_NAME) {
                arg = ft_arena_strndup(p->arena, t->start, (size_t)t->len);
                if (arg == NULL) {
                    ftp_raised(p);
                    return -1;
                }
                ftp_next(p); /* '=' */
                seen_kw = 1;
            } else {
                seen_dstar = 1;
            }
            FtAstKeyword *k = new_keyword(p, t, arg);
            if (k == NULL || (k->value = ftp_expression(p)) == NULL ||
                ftp_push(p, &kws, k) < 0)
                return -1;
        } else {
            FtAstExpr *e = positional_arg(p, open, pos.n + kws.n);
            if (e == NULL || ftp_push(p, &pos, e) < 0)
                return -1;
            if ((seen_kw || seen_dstar) && !order_error)
                order_error = seen_dstar ? 2 : 1;
        }
        if (!ftp_accept(p, FT_TOK_COMMA))
            break;
    }
    if (!ftp_accept(p, FT_TOK_RPAR))
        return -1;
    for (int i = 1; i < kws.n; i++) {
        FtAstKeyword *k = kws.items[i];
        for (int j = 0; k->arg != NULL && j < i; j++) {
            FtAstKeyword *o = kws.items[j];
            if (o->arg != NULL && strcmp(o->arg, k->arg) == 0) {
                ftp_error_at(p, k->lineno, k->col,
                             "keyword argument repeated: %s", k->arg);
                return -1;
            }
        }
    }
    if (order_error) {
        ftp_error_tok(p, ftp_last(p),
                      order_error == 2
                          ? "positional argument follows keyword argument "
                            "unpacking"
                          : "positional argument follows keyword argument");
        return -1;
    }
    *args = ftp_expr_seq(&pos);
    *n_keywords = kws.n;
    *keywords = keyword_array(p, &kws);
    return *keywords != NULL ? 0 : -1;
}

/* One subscript item: a slice, a starred expression or an expression. */
static FtAstExpr *slice_item(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    if (t->type == FT_TOK_STAR)
        return star_named_expression(p);
    FtAstExpr *lower = NULL;
    if (t->type != FT_TOK_COLON) {
        lower = ftp_named_expression(p);
        if (lower == NULL || ftp_peek_type(p) != FT_TOK_COLON)
            return lower;
    }
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_SLICE, t);
    if (e == NULL)
        return NULL;
    e->v.slice.lower = lower;
    ftp_next(p); /* ':' */
    FtTokType n = ftp_peek_type(p);
    if (n != FT_TOK_COLON && n != FT_TOK_COMMA && n != FT_TOK_RSQB &&
        (e->v.slice.upper = ftp_expression(p)) == NULL)
        return NULL;
    if (ftp_accept(p, FT_TOK_COLON)) {
        n = ftp_peek_type(p);
        if (n != FT_TOK_COMMA && n != FT_TOK_RSQB &&
            (e->v.slice.step = ftp_expression(p)) == NULL)
            return NULL;
    }
    ftp_end_expr(p, e);
    return e;
}

static FtAstExpr *slices(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    FtAstExpr *first = slice_item(p);
    if (first == NULL)
        return NULL;
    /* a lone *x still makes a tuple: a[*x] is a[(*x,)] */
    if (ftp_peek_type(p) != FT_TOK_COMMA && first->kind != FT_EXPR_STARRED)
        return first;
    FtPVec items = {0};
    if (ftp_push(p, &items, first) < 0)
        return NULL;
    while (ftp_accept(p, FT_TOK_COMMA)) {
        if (ftp_peek_type(p) == FT_TOK_RSQB)
            break;
        FtAstExpr *e = slice_item(p);
        if (e == NULL || ftp_push(p, &items, e) < 0)
            return NULL;
    }
    FtAstExpr *tuple = ftp_new_expr(p, FT_EXPR_TUPLE, t);
    if (tuple == NULL)
        return NULL;
    tuple->v.list.elts = ftp_expr_seq(&items);
    ftp_end_expr(p, tuple);
    return tuple;
}

static FtAstExpr *trailer(FtParser *p, FtAstExpr *value, const FtToken *start)
{
    FtToken *t = ftp_next(p);
    FtAstExpr *e;
    if (t->type == FT_TOK_DOT) {
        FtToken *n = ftp_peek(p);
        if (n->type != FT_TOK_NAME)
            return NULL;
        ftp_next(p);
        if ((e = ftp_alloc(p, sizeof *e)) == NULL)
            return NULL;
        e->kind = FT_EXPR_ATTRIBUTE;
        e->v.attribute.value = value;
        e->v.attribute.attr = ft_arena_strndup(p->arena, n->start, (size_t)n->len);
        if (e->v.attribute.attr == NULL)
            return ftp_raised(p);
    } else if (t->type == FT_TOK_LPAR) {
        if ((e = ftp_alloc(p, sizeof *e)) == NULL)
            return NULL;
        e->kind = FT_EXPR_CALL;
        e->v.call.func = value;
        if (ftp_call_args(p, &e->v.call.args, &e->v.call.n_keywords,
                          &e->v.call.keywords, t) < 0)
            return NULL;
    } else {
        if ((e = ftp_alloc(p, sizeof *e)) == NULL)
            return NULL;
        e->kind = FT_EXPR_SUBSCRIPT;
        e->v.subscript.value = value;
        if ((e->v.subscript.slice = slices(p)) == NULL ||
            !ftp_accept(p, FT_TOK_RSQB))
            return NULL;
    }
    ftp_set_span(p, e, start);
    return e;
}

static FtAstExpr *primary(FtParser *p)
{
    FtToken *start = ftp_peek(p);
    FtAstExpr *e = atom(p);
    for (;;) {
        if (e == NULL)
            return NULL;
        FtTokType t = ftp_peek_type(p);
        if (t != FT_TOK_DOT && t != FT_TOK_LPAR && t != FT_TOK_LSQB)
            return e;
        e = trailer(p, e, start);
    }
}

/* ---- operators ------------------------------------------------------------------------ */

/* power: primary ['**' factor] — binds tighter than a unary minus on its
 * left (-2**2 == -4) but accepts one on its right (2**-1). */
static FtAstExpr *power(FtParser *p)
{
    if (ftp_peek_type(p) == FT_TOK_KW_AWAIT)
        return ftp_error_tok(p, ftp_peek(p), "'await' is not supported");
    FtToken *start = ftp_peek(p);
    FtAstExpr *left = primary(p);
    if (left == NULL || ftp_peek_type(p) != FT_TOK_DOUBLESTAR)
        return left;
    ftp_next(p);
    if (ftp_enter(p) < 0)
        return NULL;
    FtAstExpr *right = factor(p);
    ftp_leave(p);
    return right ? binop(p, start, left, FT_OP_POW, right) : NULL;
}

static FtAstExpr *factor(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    FtAstUnaryOp op;
    if (t->type == FT_TOK_MINUS)
        op = FT_UOP_NEG;
    else if (t->type == FT_TOK_PLUS)
        op = FT_UOP_POS;
    else if (t->type == FT_TOK_TILDE)
        op = FT_UOP_INVERT;
    else
        return power(p);
    ftp_next(p);
    if (ftp_enter(p) < 0)
        return NULL;
    FtAstExpr *operand = factor(p);
    ftp_leave(p);
    if (operand == NULL)
        return NULL;
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_UNARYOP, t);
    if (e == NULL)
        return NULL;
    e->v.unaryop.op = op;
    e->v.unaryop.operand = operand;
    ftp_end_expr(p, e);
    return e;
}

/* The binary operator a token stands for at a precedence level, or -1. */
static int term_op(FtTokType t)
{
    switch (t) {
    case FT_TOK_STAR: return FT_OP_MUL;
    case FT_TOK_SLASH: return FT_OP_TRUEDIV;
    case FT_TOK_DOUBLESLASH: return FT_OP_FLOORDIV;
    case FT_TOK_PERCENT: return FT_OP_MOD;
    case FT_TOK_AT: return FT_OP_MATMUL;
    default: return -1;
    }
}

static int sum_op(FtTokType t)
{
    return t == FT_TOK_PLUS ? FT_OP_ADD : t == FT_TOK_MINUS ? FT_OP_SUB : -1;
}

static int shift_op(FtTokType t)
{
    return t == FT_TOK_LEFTSHIFT    ? FT_OP_LSHIFT
           : t == FT_TOK_RIGHTSHIFT ? FT_OP_RSHIFT
                                    : -1;
}

static int and_op(FtTokType t) { return t == FT_TOK_AMPER ? FT_OP_AND : -1; }
static int xor_op(FtTokType t) { return t == FT_TOK_CIRCUMFLEX ? FT_OP_XOR : -1; }
static int or_op(FtTokType t) { return t == FT_TOK_VBAR ? FT_OP_OR : -1; }

typedef FtAstExpr *(*ExprFn)(FtParser *);
typedef int (*OpFn)(FtTokType);

/* A left-associative level: operand (op operand)*. */
static FtAstExpr *left_assoc(FtParser *p, ExprFn operand, OpFn op_of)
{
    FtToken *start = ftp_peek(p);
    FtAstExpr *left = operand(p);
    while (left != NULL) {
        int op = op_of(ftp_peek_type(p));
        if (op < 0)
            break;
        ftp_next(p);
        FtAstExpr *right = operand(p);
        left = right ? binop(p, start, left, op, right) : NULL;
    }
    return left;
}

static FtAstExpr *term(FtParser *p) { return left_assoc(p, factor, term_op); }
static FtAstExpr *sum(FtParser *p) { return left_assoc(p, term, sum_op); }
static FtAstExpr *shift_expr(FtParser *p)
{
    return left_assoc(p, sum, shift_op);
}
static FtAstExpr *bitwise_and(FtParser *p)
{
    return left_assoc(p, shift_expr, and_op);
}
static FtAstExpr *bitwise_xor(FtParser *p)
{
    return left_assoc(p, bitwise_and, xor_op);
}
FtAstExpr *ftp_bitwise_or(FtParser *p)
{
    return left_assoc(p, bitwise_xor, or_op);
}

/* The comparison operator at the current token (consuming it), or -1. */
static int compare_op(FtParser *p)
{
    FtTokType t = ftp_peek_type(p);
    int op;
    switch (t) {
    case FT_TOK_EQEQUAL: op = FT_CMP_EQ; break;
    case FT_TOK_NOTEQUAL: op = FT_CMP_NE; break;
    case FT_TOK_LESS: op = FT_CMP_LT; break;
    case FT_TOK_LESSEQUAL: op = FT_CMP_LE; break;
    case FT_TOK_GREATER: op = FT_CMP_GT; break;
    case FT_TOK_GREATEREQUAL: op = FT_CMP_GE; break;
    case FT_TOK_KW_IN: op = FT_CMP_IN; break;
    case FT_TOK_KW_IS:
        ftp_next(p);
        return ftp_accept(p, FT_TOK_KW_NOT) ? FT_CMP_IS_NOT : FT_CMP_IS;
    case FT_TOK_KW_NOT:
        if (ftp_peek_at(p, 1)->type != FT_TOK_KW_IN)
            return -1;
        ftp_next(p);
        ftp_next(p);
        return FT_CMP_NOT_IN;
    default:
        return -1;
    }
    ftp_next(p);
    return op;
}

static FtAstExpr *comparison(FtParser *p)
{
    FtToken *start = ftp_peek(p);
    FtAstExpr *left = ftp_bitwise_or(p);
    if (left == NULL)
        return NULL;
    int op = compare_op(p);
    if (op < 0)
        return left;
    FtPVec ops = {0}, rights = {0};
    while (op >= 0) {
        FtAstExpr *right = ftp_bitwise_or(p);
        if (right == NULL || ftp_push(p, &ops, (void *)(intptr_t)op) < 0 ||
            ftp_push(p, &rights, right) < 0)
            return NULL;
        op = compare_op(p);
    }
    FtAstExpr *e = ftp_alloc(p, sizeof *e);
    FtAstCmpOp *opv = ftp_alloc(p, (size_t)ops.n * sizeof *opv);
    if (e == NULL || opv == NULL)
        return NULL;
    for (int i = 0; i < ops.n; i++)
        opv[i] = (FtAstCmpOp)(intptr_t)ops.items[i];
    e->kind = FT_EXPR_COMPARE;
    e->v.compare.left = left;
    e->v.compare.n = ops.n;
    e->v.compare.ops = opv;
    e->v.compare.comparators = (FtAstExpr **)rights.items;
    ftp_set_span(p, e, start);
    return e;
}

static FtAstExpr *inversion(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    if (t->type != FT_TOK_KW_NOT)
        return comparison(p);
    ftp_next(p);
    if (ftp_enter(p) < 0)
        return NULL;
    FtAstExpr *operand = inversion(p);
    ftp_leave(p);
    if (operand == NULL)
        return NULL;
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_UNARYOP, t);
    if (e == NULL)
        return NULL;
    e->v.unaryop.op = FT_UOP_NOT;
    e->v.unaryop.operand = operand;
    ftp_end_expr(p, e);
    return e;
}

/* conjunction and disjunction: inversion ('and' inversion)*, ... */
static FtAstExpr *boolop(FtParser *p, int is_or)
{
    FtTokType kw = is_or ? FT_TOK_KW_OR : FT_TOK_KW_AND;
    FtToken *start = ftp_peek(p);
    FtAstExpr *first = is_or ? boolop(p, 0) : inversion(p);
    if (first == NULL || ftp_peek_type(p) != kw)
        return first;
    FtPVec values = {0};
    if (ftp_push(p, &values, first) < 0)
        return NULL;
    while (ftp_accept(p, kw)) {
        FtAstExpr *e = is_or ? boolop(p, 0) : inversion(p);
        if (e == NULL || ftp_push(p, &values, e) < 0)
            return NULL;
    }
    FtAstExpr *e = ftp_alloc(p, sizeof *e);
    if (e == NULL)
        return NULL;
    e->kind = FT_EXPR_BOOLOP;
    e->v.boolop.is_or = is_or;
    e->v.boolop.values = ftp_expr_seq(&values);
    ftp_set_span(p, e, start);
    return e;
}

static FtAstExpr *disjunction(FtParser *p) { return boolop(p, 1); }

/* ---- expressions ----------------------------------------------------------------------- */

static FtAstExpr *lambdef(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_LAMBDA, t);
    if (e == NULL ||
        (e->v.lambda.args = ftp_parameters(p, FT_TOK_COLON, 0)) == NULL)
        return NULL;
    if (!ftp_accept(p, FT_TOK_COLON) ||
        (e->v.lambda.body = ftp_expression(p)) == NULL)
        return NULL;
    ftp_end_expr(p, e);
    return e;
}

static FtAstExpr *conditional(FtParser *p)
{
    FtToken *start = ftp_peek(p);
    FtAstExpr *body = disjunction(p);
    if (body == NULL || ftp_peek_type(p) != FT_TOK_KW_IF)
        return body;
    ftp_next(p);
    FtAstExpr *test = disjunction(p);
    if (test == NULL)
        return NULL;
    if (!ftp_accept(p, FT_TOK_KW_ELSE)) {
        if (ftp_peek_type(p) != FT_TOK_COLON)
            ftp_error_expr(p, body, "expected 'else' after 'if' expression");
        return NULL;
    }
    FtAstExpr *orelse = ftp_expression(p);
    if (orelse == NULL)
        return NULL;
    FtAstExpr *e = ftp_alloc(p, sizeof *e);
    if (e == NULL)
        return NULL;
    e->kind = FT_EXPR_IFEXP;
    e->v.ifexp.test = test;
    e->v.ifexp.body = body;
    e->v.ifexp.orelse = orelse;
    ftp_set_span(p, e, start);
    return e;
}

FtAstExpr *ftp_expression(FtParser *p)
{
    if (ftp_enter(p) < 0)
        return NULL;
    FtAstExpr *e = ftp_peek_type(p) == FT_TOK_KW_LAMBDA ? lambdef(p)
                                                         : conditional(p);
    ftp_leave(p);
    return e;
}

/* An expression where `x = 1` is probably a mistyped comparison. */
FtAstExpr *ftp_named_expression(FtParser *p)
{
    FtAstExpr *e = ftp_expression(p);
    if (e == NULL)
        return NULL;
    FtTokType t = ftp_peek_type(p);
    if (t == FT_TOK_COLONEQUAL)
        return ftp_error_tok(p, ftp_peek(p),
                             "assignment expressions are not supported");
    if (t == FT_TOK_EQUAL &&
        ftp_starts_expression(ftp_peek_at(p, 1)->type)) {
        if (e->kind == FT_EXPR_NAME)
            return ftp_error_expr(p, e, "invalid syntax. Maybe you meant '==' "
                                        "or ':=' instead of '='?");
        if (ftp_invalid_target(e, FTP_STORE_ASSIGN) != NULL &&
            e->kind != FT_EXPR_COMPARE && e->kind != FT_EXPR_IFEXP &&
            e->kind != FT_EXPR_BOOLOP && e->kind != FT_EXPR_LAMBDA)
            return ftp_error_expr(p, e,
                                  "cannot assign to %s here. Maybe you meant "
                                  "'==' instead of '='?",
                                  ftp_expr_name(e));
    }
    return e;
}

static FtAstExpr *starred(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstExpr *v = ftp_bitwise_or(p);
    if (v == NULL)
        return NULL;
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_STARRED, t);
    if (e == NULL)
        return NULL;
    e->v.starred.value = v;
    ftp_end_expr(p, e);
    return e;
}

static FtAstExpr *star_named_expression(FtParser *p)
{
    if (ftp_peek_type(p) == FT_TOK_STAR)
        return starred(p);
    return ftp_named_expression(p);
}

static FtAstExpr *star_expression(FtParser *p)
{
    if (ftp_peek_type(p) == FT_TOK_STAR)
        return starred(p);
    return ftp_expression(p);
}

int ftp_star_expr_list(FtParser *p, FtPVec *out, int *trailing_comma)
{
    *trailing_comma = 0;
    for (;;) {
        FtToken *t = ftp_peek(p);
        FtAstExpr *e = star_expression(p);
        if (e == NULL || ftp_push(p, out, e) < 0)
            return -1;
        /* an f-string's expression is parsed as if in brackets */
        if (p->fexpr != NULL && (comma_hint(p, e, t), ftp_failed(p)))
            return -1;
        if (ftp_peek_type(p) != FT_TOK_COMMA)
            return 0;
        ftp_next(p);
        *trailing_comma = 1;
        FtTokType n = ftp_peek_type(p);
        if (!ftp_starts_expression(n) && n != FT_TOK_STAR)
            return 0;
        *trailing_comma = 0;
    }
}

FtAstExpr *ftp_star_expressions_any(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    FtPVec items = {0};
    int trailing;
    if (ftp_star_expr_list(p, &items, &trailing) < 0)
        return NULL;
    if (items.n == 1 && !trailing)
        return items.items[0];
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_TUPLE, t);
    if (e == NULL)
        return NULL;
    e->v.list.elts = ftp_expr_seq(&items);
    ftp_end_expr(p, e);
    return e;
}

FtAstExpr *ftp_star_expressions(FtParser *p)
{
    FtAstExpr *e = ftp_star_expressions_any(p);
    if (e != NULL && e->kind == FT_EXPR_STARRED)
        return ftp_error_expr(p, e, "can't use starred expression here");
    return e;
}

FtAstExpr *ftp_expressions(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    FtAstExpr *first = ftp_expression(p);
    if (first == NULL || ftp_peek_type(p) != FT_TOK_COMMA)
        return first;
    FtPVec items = {0};
    if (ftp_push(p, &items, first) < 0)
        return NULL;
    while (ftp_accept(p, FT_TOK_COMMA)) {
        if (!ftp_starts_expression(ftp_peek_type(p)))
            break;
        FtAstExpr *e = ftp_expression(p);
        if (e == NULL || ftp_push(p, &items, e) < 0)
            return NULL;
    }
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_TUPLE, t);
    if (e == NULL)
        return NULL;
    e->v.list.elts = ftp_expr_seq(&items);
    ftp_end_expr(p, e);
    return e;
}

FtAstExpr *ftp_yield_expr(FtParser *p)
{
    FtToken *t = ftp_next(p); /* yield */
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_YIELD, t);
    if (e == NULL)
        return NULL;
    if (ftp_accept(p, FT_TOK_KW_FROM)) {
        e->kind = FT_EXPR_YIELD_FROM;
        if ((e->v.yield.value = ftp_expression(p)) == NULL)
            return NULL;
    } else {
        FtTokType n = ftp_peek_type(p);
        if ((ftp_starts_expression(n) || n == FT_TOK_STAR) &&
            (e->v.yield.value = ftp_star_expressions(p)) == NULL)
            return NULL;
    }
    ftp_end_expr(p, e);
    return e;
}

FtAstExpr *ftp_for_targets(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    FtPVec items = {0};
    int trailing = 0;
    for (;;) {
        FtAstExpr *e = ftp_peek_type(p) == FT_TOK_STAR ? starred(p)
                                                       : ftp_bitwise_or(p);
        if (e == NULL || ftp_push(p, &items, e) < 0)
            return NULL;
        if (!ftp_accept(p, FT_TOK_COMMA))
            break;
        trailing = 1;
        FtTokType n = ftp_peek_type(p);
        if (!ftp_starts_expression(n) && n != FT_TOK_STAR)
            break;
        trailing = 0;
    }
    if (items.n == 1 && !trailing)
        return items.items[0];
    FtAstExpr *e = ftp_new_expr(p, FT_EXPR_TUPLE, t);
    if (e == NULL)
        return NULL;
    e->v.list.elts = ftp_expr_seq(&items);
    ftp_end_expr(p, e);
    return e;
}
