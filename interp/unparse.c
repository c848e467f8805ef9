/* interp/unparse.c — an expression's AST back to source text, as the
 * string that `from __future__ import annotations` stores for an
 * annotation: normalised the way CPython's unparser writes it (one space
 * around binary operators, `, ` between items, repr() of constants,
 * parentheses only where precedence needs them).
 */
#include "interp/unparse.h"

#include <string.h>

/* Precedence, loosest first (as the grammar nests them). */
enum {
    PR_TUPLE,
    PR_TEST, /* if-else, lambda */
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_BOR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_ATOM,
};

static int unparse(FtStrBuilder *sb, const FtAstExpr *e, int level);

static int put(FtStrBuilder *sb, const char *s) { return ft_sb_append_cstr(sb, s); }

static int binop_level(int op)
{
    switch (op) {
    case FT_OP_OR: return PR_BOR;
    case FT_OP_XOR: return PR_BXOR;
    case FT_OP_AND: return PR_BAND;
    case FT_OP_LSHIFT:
    case FT_OP_RSHIFT: return PR_SHIFT;
    case FT_OP_ADD:
    case FT_OP_SUB: return PR_ARITH;
    case FT_OP_POW: return PR_POWER;
    default: return PR_TERM; /* * / // % @ */
    }
}

static const char *const cmp_ops[] = {
    " == ", " != ", " < ", " <= ", " > ", " >= ",
    " is ", " is not ", " in ", " not in ",
};

static int seq(FtStrBuilder *sb, const FtAstExprSeq *s, int level)
{
    for (int i = 0; i < s->n; i++)
        if ((i > 0 && put(sb, ", ") < 0) || unparse(sb, s->items[i], level) < 0)
            return -1;
    return 0;
}

static int slice_part(FtStrBuilder *sb, const FtAstExpr *e)
{
    if (e->kind == FT_EXPR_SLICE) {
        if ((e->v.slice.lower && unparse(sb, e->v.slice.lower, PR_TEST) < 0) ||
            put(sb, ":") < 0 ||
            (e->v.slice.upper && unparse(sb, e->v.slice.upper, PR_TEST) < 0))
            return -1;
        if (e->v.slice.step &&
            (put(sb, ":") < 0 || unparse(sb, e->v.slice.step, PR_TEST) < 0))
            return -1;
        return 0;
    }
    return unparse(sb, e, PR_TEST);
}

static int subscript(FtStrBuilder *sb, const FtAstExpr *e)
{
    const FtAstExpr *s = e->v.subscript.slice;
    if (unparse(sb, e->v.subscript.value, PR_ATOM) < 0 || put(sb, "[") < 0)
        return -1;
    if (s->kind == FT_EXPR_TUPLE && s->v.list.elts.n > 0) {
        for (int i = 0; i < s->v.list.elts.n; i++)
            if ((i > 0 && put(sb, ", ") < 0) ||
                slice_part(sb, s->v.list.elts.items[i]) < 0)
                return -1;
        if (s->v.list.elts.n == 1 && put(sb, ",") < 0)
            return -1;
    } else if (slice_part(sb, s) < 0) {
        return -1;
    }
    return put(sb, "]");
}

static int call(FtStrBuilder *sb, const FtAstExpr *e)
{
    if (unparse(sb, e->v.call.func, PR_ATOM) < 0 || put(sb, "(") < 0)
        return -1;
    int first = 1;
    for (int i = 0; i < e->v.call.args.n; i++, first = 0)
        if ((!first && put(sb, ", ") < 0) ||
            unparse(sb, e->v.call.args.items[i], PR_TEST) < 0)
            return -1;
    for (int i = 0; i < e->v.call.n_keywords; i++, first = 0) {
        const FtAstKeyword *k = &e->v.call.keywords[i];
        if ((!first && put(sb, ", ") < 0) ||
            put(sb, k->arg ? k->arg : "**") < 0 || (k->arg && put(sb, "=") < 0) ||
            unparse(sb, k->value, PR_TEST) < 0)
            return -1;
    }
    return put(sb, ")");
}

static int constant(FtStrBuilder *sb, FtObject *v)
{
    if (v == FT_Ellipsis)
        return put(sb, "...");
    return ft_sb_append_repr(sb, v);
}

static int unparse(FtStrBuilder *sb, const FtAstExpr *e, int level)
{
    int r = 0, mine, paren;
    switch (e->kind) {
    case FT_EXPR_NAME:
        return put(sb, e->v.name.id);
    case FT_EXPR_CONSTANT:
        return constant(sb, e->v.constant.value);
    case FT_EXPR_ATTRIBUTE: {
        const FtAstExpr *v = e->v.attribute.value;
        if (unparse(sb, v, PR_ATOM) < 0)
            return -1;
        /* `1 .real`: an int literal needs a space before the dot. */
        if (v->kind == FT_EXPR_CONSTANT && FT_INT_CHECK(v->v.constant.value) &&
            put(sb, " ") < 0)
            return -1;
        return put(sb, ".") < 0 ? -1 : put(sb, e->v.attribute.attr);
    }
    case FT_EXPR_SUBSCRIPT:
        return subscript(sb, e);
    case FT_EXPR_CALL:
        return call(sb, e);
    case FT_EXPR_STARRED:
        return put(sb, "*") < 0 ? -1 : unparse(sb, e->v.starred.value, PR_BOR);
    case FT_EXPR_LIST:
        return put(sb, "[") < 0 || seq(sb, &e->v.list.elts, PR_TEST) < 0
                   ? -1
                   : put(sb, "]");
    case FT_EXPR_SET:
        return put(sb, "{") < 0 || seq(sb, &e->v.set.elts, PR_TEST) < 0
                   ? -1
                   : put(sb, "}");
    case FT_EXPR_TUPLE:
        paren = level > PR_TUPLE || e->v.list.elts.n == 0;
        if ((paren && put(sb, "(") < 0) || seq(sb, &e->v.list.elts, PR_TEST) < 0 ||
            (e->v.list.elts.n == 1 && put(sb, ",") < 0) ||
            (paren && put(sb, ")") < 0))
            return -1;
        return 0;
    case FT_EXPR_DICT:
        if (put(sb, "{") < 0)
            return -1;
        for (int i = 0; i < e->v.dict.values.n; i++) {
            const FtAstExpr *k = e->v.dict.keys.items[i];
            if ((i > 0 && put(sb, ", ") < 0) ||
                (k ? unparse(sb, k, PR_TEST) < 0 || put(sb, ": ") < 0
                   : put(sb, "**") < 0) ||
                unparse(sb, e->v.dict.values.items[i], k ? PR_TEST : PR_BOR) < 0)
                return -1;
        }
        return put(sb, "}");
    case FT_EXPR_BINOP: {
        mine = binop_level(e->v.binop.op);
        int pow = e->v.binop.op == FT_OP_POW; /* right-associative */
        paren = level > mine;
        if ((paren && put(sb, "(") < 0) ||
            unparse(sb, e->v.binop.left, pow ? mine + 1 : mine) < 0 ||
            put(sb, " ") < 0 || put(sb, ft_op_symbols[e->v.binop.op]) < 0 ||
            put(sb, " ") < 0 ||
            unparse(sb, e->v.binop.right, pow ? mine : mine + 1) < 0 ||
            (paren && put(sb, ")") < 0))
            return -1;
        return 0;
    }
    case FT_EXPR_UNARYOP: {
        static const char *const ops[] = {"not ", "-", "+", "~"};
        mine = e->v.unaryop.op == FT_UOP_NOT ? PR_NOT : PR_FACTOR;
        paren = level > mine;
        if ((paren && put(sb, "(") < 0) || put(sb, ops[e->v.unaryop.op]) < 0 ||
            unparse(sb, e->v.unaryop.operand, mine) < 0 ||
            (paren && put(sb, ")") < 0))
            return -1;
        return 0;
    }
    case FT_EXPR_BOOLOP:
        mine = e->v.boolop.is_or ? PR_OR : PR_AND;
        paren = level > mine;
        if (paren && put(sb, "(") < 0)
            return -1;
        for (int i = 0; i < e->v.boolop.values.n; i++)
            if ((i > 0 && put(sb, e->v.boolop.is_or ? " or " : " and ") < 0) ||
                unparse(sb, e->v.boolop.values.items[i], mine + 1) < 0)
                return -1;
        return paren ? put(sb, ")") : 0;
    case FT_EXPR_COMPARE:
        paren = level > PR_CMP;
        if ((paren && put(sb, "(") < 0) ||
            unparse(sb, e->v.compare.left, PR_CMP + 1) < 0)
            return -1;
        for (int i = 0; i < e->v.compare.n; i++)
            if (put(sb, cmp_ops[e->v.compare.ops[i]]) < 0 ||
                unparse(sb, e->v.compare.comparators[i], PR_CMP + 1) < 0)
                return -1;
        return paren ? put(sb, ")") : 0;
    case FT_EXPR_IFEXP:
        paren = level > PR_TEST;
        if ((paren && put(sb, "(") < 0) ||
            unparse(sb, e->v.ifexp.body, PR_TEST + 1) < 0 || put(sb, " if ") < 0 ||
            unparse(sb, e->v.ifexp.test, PR_TEST + 1) < 0 ||
            put(sb, " else ") < 0 || unparse(sb, e->v.ifexp.orelse, PR_TEST) < 0 ||
            (paren && put(sb, ")") < 0))
            return -1;
        return 0;
    default:
        /* Lambdas, comprehensions, f-strings, yield in an annotation:
         * rare enough that ftpy does not write them back. */
        ft_err_set_string(FtExc_SyntaxError,
                          "ftpy cannot keep this annotation as a string (from "
                          "__future__ import annotations)");
        r = -1;
        break;
    }
    return r;
}

FtObject *ft_unparse_annotation(const FtAstExpr *e)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (unparse(&sb, e, PR_TEST) < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}
