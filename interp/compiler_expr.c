/* interp/compiler_expr.c — bytecode for expressions (CPython 3.10's code
 * generation): operators and constant folding, comparisons and conditional
 * jumps, displays with unpacking, calls (method calls, keywords, *args and
 * **kwargs), f-strings, lambdas, comprehensions, yield, and assignment
 * targets.
 */
#include "interp/compiler_internal.h"

#include <string.h>

/* Above this many values, displays and calls are built incrementally so
 * the value stack stays small (CPython's STACK_USE_GUIDELINE). */
#define STACK_USE_GUIDELINE 30

#define TRY(x)                                                                 \
    do {                                                                       \
        if ((x) < 0)                                                           \
            return -1;                                                         \
    } while (0)

static int visit_exprs(FtCompiler *c, FtAstExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        TRY(cc_visit_expr(c, seq->items[i]));
    return 0;
}

/* ---- constant folding ---------------------------------------------------- */

/* Python's floor division and modulo on int64 (b != 0, no overflow). */
static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t mod64(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

/* int op int when it cannot raise or overflow: 1 with *res, else 0. */
static int fold_int(int op, int64_t a, int64_t b, int64_t *res)
{
    switch (op) {
    case FT_OP_ADD:
        return !__builtin_add_overflow(a, b, res);
    case FT_OP_SUB:
        return !__builtin_sub_overflow(a, b, res);
    case FT_OP_MUL:
        return !__builtin_mul_overflow(a, b, res);
    case FT_OP_FLOORDIV:
    case FT_OP_MOD:
        if (b == 0 || (a == INT64_MIN && b == -1))
            return 0;
        *res = op == FT_OP_FLOORDIV ? floordiv64(a, b) : mod64(a, b);
        return 1;
    case FT_OP_POW: {
        if (b < 0 || b > 64)
            return 0;
        int64_t r = 1;
        for (int64_t i = 0; i < b; i++)
            if (__builtin_mul_overflow(r, a, &r))
                return 0;
        *res = r;
        return 1;
    }
    case FT_OP_LSHIFT:
        if (b < 0 || b >= 63)
            return 0;
        if (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))
            return 0;
        *res = (int64_t)((uint64_t)a << b);
        return 1;
    case FT_OP_RSHIFT:
        if (b < 0)
            return 0;
        *res = b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
        return 1;
    case FT_OP_AND:
        *res = a & b;
        return 1;
    case FT_OP_OR:
        *res = a | b;
        return 1;
    case FT_OP_XOR:
        *res = a ^ b;
        return 1;
    default:
        return 0;
    }
}

/* Doubles an int converts to exactly. */
#define EXACT_DOUBLE_LIMIT ((int64_t)1 << 53)

static int as_double(FtObject *o, double *d)
{
    if (FT_TYPE(o) == &FtFloat_Type) {
        *d = FT_FLOAT_VALUE(o);
        return 1;
    }
    if (FT_TYPE(o) == &FtInt_Type) {
        int64_t v = FT_INT_VALUE(o);
        if (v > EXACT_DOUBLE_LIMIT || v < -EXACT_DOUBLE_LIMIT)
            return 0;
        *d = (double)v;
        return 1;
    }
    return 0;
}

/* Folds int/float arithmetic that cannot raise; NULL (no error) when the
 * operation is left to run time, NULL + error on failure. */
static FtObject *fold_binop(int op, FtObject *a, FtObject *b, int *err)
{
    *err = 0;
    if (FT_TYPE(a) == &FtInt_Type && FT_TYPE(b) == &FtInt_Type) {
        int64_t r;
        if (op != FT_OP_TRUEDIV) {
            if (!fold_int(op, FT_INT_VALUE(a), FT_INT_VALUE(b), &r))
                return NULL;
            FtObject *o = ft_int_from_i64(r);
            *err = o == NULL;
            return o;
        }
    }
    double x, y, r;
    if (!as_double(a, &x) || !as_double(b, &y))
        return NULL;
    switch (op) {
    case FT_OP_ADD:
        r = x + y;
        break;
    case FT_OP_SUB:
        r = x - y;
        break;
    case FT_OP_MUL:
        r = x * y;
        break;
    case FT_OP_TRUEDIV:
        if (y == 0.0)
            return NULL;
        r = x / y;
        break;
    default:
        return NULL;
    }
    FtObject *o = ft_float_from_double(r);
    *err = o == NULL;
    return o;
}

static int fold_seq(FtCompiler *c, FtAstExprSeq *seq, FtObject **out)
{
    FtObject *t = ft_tuple_new(seq->n);
    if (t == NULL)
        return -1;
    for (int i = 0; i < seq->n; i++) {
        FtObject *v;
        int r = cc_fold(c, seq->items[i], &v);
        if (r <= 0) {
            /* Unset items are NULL, which tuple dealloc skips. */
            FT_DECREF(t);
            return r;
        }
        FT_TUPLE_SET(t, i, v);
    }
    *out = t;
    return 1;
}

static int fold1(FtCompiler *c, FtAstExpr *e, FtObject **out);

int cc_fold(FtCompiler *c, FtAstExpr *e, FtObject **out)
{
    if (e->kind != FT_EXPR_BINOP && e->kind != FT_EXPR_UNARYOP &&
        e->kind != FT_EXPR_TUPLE)
        return fold1(c, e, out); /* a leaf for folding */
    TRY(cc_enter(c));
    int r = fold1(c, e, out);
    cc_leave(c);
    return r;
}

static int fold1(FtCompiler *c, FtAstExpr *e, FtObject **out)
{
    switch (e->kind) {
    case FT_EXPR_CONSTANT:
        *out = FT_NEWREF(e->v.constant.value);
        return 1;
    case FT_EXPR_UNARYOP: {
        if (e->v.unaryop.op == FT_UOP_NOT)
            return 0;
        FtObject *v;
        int r = cc_fold(c, e->v.unaryop.operand, &v);
        if (r <= 0)
            return r;
        FtObject *res = NULL;
        int done = 0;
        if (FT_TYPE(v) == &FtInt_Type) {
            int64_t x = FT_INT_VALUE(v);
            done = 1;
            if (e->v.unaryop.op == FT_UOP_NEG) {
                if (x == INT64_MIN)
                    done = 0;
                else
                    x = -x;
            } else if (e->v.unaryop.op == FT_UOP_INVERT) {
                x = ~x;
            }
            if (done)
                res = ft_int_from_i64(x);
        } else if (FT_TYPE(v) == &FtFloat_Type && e->v.unaryop.op != FT_UOP_INVERT) {
            double d = FT_FLOAT_VALUE(v);
            done = 1;
            res = ft_float_from_double(e->v.unaryop.op == FT_UOP_NEG ? -d : d);
        }
        FT_DECREF(v);
        if (!done)
            return 0;
        if (res == NULL)
            return -1;
        *out = res;
        return 1;
    }
    case FT_EXPR_BINOP: {
        FtObject *a, *b;
        int r = cc_fold(c, e->v.binop.left, &a);
        if (r <= 0)
            return r;
        r = cc_fold(c, e->v.binop.right, &b);
        if (r <= 0) {
            FT_DECREF(a);
            return r;
        }
        int err;
        FtObject *res = fold_binop(e->v.binop.op, a, b, &err);
        FT_DECREF(a);
        FT_DECREF(b);
        if (err)
            return -1;
        if (res == NULL)
            return 0;
        *out = res;
        return 1;
    }
    case FT_EXPR_TUPLE:
        if (e->v.list.ctx != FT_CTX_LOAD)
            return 0;
        return fold_seq(c, &e->v.list.elts, out);
    default:
        return 0;
    }
}

/* Truth of a constant: 1, 0, or -1 when it is not obvious. */
static int const_truth(FtObject *v)
{
    FtType *t = FT_TYPE(v);
    if (v == FT_None)
        return 0;
    if (v == FT_Ellipsis)
        return 1;
    if (t == &FtBool_Type || t == &FtInt_Type)
        return FT_INT_VALUE(v) != 0;
    if (t == &FtFloat_Type)
        return FT_FLOAT_VALUE(v) != 0.0;
    if (t == &FtStr_Type)
        return FT_STR_NBYTES(v) != 0;
    if (t == &FtTuple_Type)
        return FT_TUPLE_SIZE(v) != 0;
    if (t == &FtBytes_Type)
        return FT_BYTES_SIZE(v) != 0;
    return -1;
}

/* ---- conditional jumps ---------------------------------------------------- */

static int compare_op(FtCompiler *c, FtAstCmpOp op)
{
    switch (op) {
    case FT_CMP_EQ:
        cc_emit(c, FT_OPC_COMPARE_OP, FT_EQ);
        break;
    case FT_CMP_NE:
        cc_emit(c, FT_OPC_COMPARE_OP, FT_NE);
        break;
    case FT_CMP_LT:
        cc_emit(c, FT_OPC_COMPARE_OP, FT_LT);
        break;
    case FT_CMP_LE:
        cc_emit(c, FT_OPC_COMPARE_OP, FT_LE);
        break;
    case FT_CMP_GT:
        cc_emit(c, FT_OPC_COMPARE_OP, FT_GT);
        break;
    case FT_CMP_GE:
        cc_emit(c, FT_OPC_COMPARE_OP, FT_GE);
        break;
    case FT_CMP_IS:
        cc_emit(c, FT_OPC_IS_OP, 0);
        break;
    case FT_CMP_IS_NOT:
        cc_emit(c, FT_OPC_IS_OP, 1);
        break;
    case FT_CMP_IN:
        cc_emit(c, FT_OPC_CONTAINS_OP, 0);
        break;
    case FT_CMP_NOT_IN:
        cc_emit(c, FT_OPC_CONTAINS_OP, 1);
        break;
    default:
        return cc_internal_error(c, "bad comparison operator");
    }
    return 0;
}

/* The right operand of `in` is only iterated or searched. */
static int visit_comparator(FtCompiler *c, FtAstCmpOp op, FtAstExpr *e)
{
    if (op == FT_CMP_IN || op == FT_CMP_NOT_IN)
        return cc_visit_iterable(c, e);
    return cc_visit_expr(c, e);
}

static int jump_if1(FtCompiler *c, FtAstExpr *e, int label, int cond);

int cc_jump_if(FtCompiler *c, FtAstExpr *e, int label, int cond)
{
    TRY(cc_enter(c));
    int r = jump_if1(c, e, label, cond);
    cc_leave(c);
    return r;
}

static int jump_if1(FtCompiler *c, FtAstExpr *e, int label, int cond)
{
    switch (e->kind) {
    case FT_EXPR_UNARYOP:
        if (e->v.unaryop.op == FT_UOP_NOT)
            return cc_jump_if(c, e->v.unaryop.operand, label, !cond);
        break;
    case FT_EXPR_BOOLOP: {
        FtAstExprSeq *s = &e->v.boolop.values;
        int n = s->n - 1;
        int cond2 = e->v.boolop.is_or;
        int next2 = label;
        if (!cond2 != !cond)
            next2 = cc_new_label(c);
        for (int i = 0; i < n; i++)
            TRY(cc_jump_if(c, s->items[i], next2, cond2));
        TRY(cc_jump_if(c, s->items[n], label, cond));
        if (next2 != label)
            cc_use_label(c, next2);
        return 0;
    }
    case FT_EXPR_IFEXP: {
        int end = cc_new_label(c), next2 = cc_new_label(c);
        TRY(cc_jump_if(c, e->v.ifexp.test, next2, 0));
        TRY(cc_jump_if(c, e->v.ifexp.body, label, cond));
        cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);
        cc_use_label(c, next2);
        TRY(cc_jump_if(c, e->v.ifexp.orelse, label, cond));
        cc_use_label(c, end);
        return 0;
    }
    case FT_EXPR_COMPARE: {
        int n = e->v.compare.n - 1;
        if (n <= 0)
            break;
        int line = c->u->lineno, col = c->u->col;
        cc_set_loc(c, e->lineno, e->col);
        int cleanup = cc_new_label(c);
        TRY(cc_visit_expr(c, e->v.compare.left));
        for (int i = 0; i < n; i++) {
            TRY(visit_comparator(c, e->v.compare.ops[i], e->v.compare.comparators[i]));
            cc_emit(c, FT_OPC_DUP_TOP, 0);
            cc_emit(c, FT_OPC_ROT_THREE, 0);
            TRY(compare_op(c, e->v.compare.ops[i]));
            cc_emit_jump(c, FT_OPC_POP_JUMP_IF_FALSE, cleanup);
        }
        TRY(visit_comparator(c, e->v.compare.ops[n], e->v.compare.comparators[n]));
        TRY(compare_op(c, e->v.compare.ops[n]));
        cc_emit_jump(c, cond ? FT_OPC_POP_JUMP_IF_TRUE : FT_OPC_POP_JUMP_IF_FALSE,
                     label);
        int end = cc_new_label(c);
        cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);
        cc_use_label(c, cleanup);
        cc_emit(c, FT_OPC_POP_TOP, 0);
        if (!cond)
            cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, label);
        cc_use_label(c, end);
        cc_set_loc(c, line, col);
        return 0;
    }
    default:
        break;
    }
    /* A constant test jumps always or never. */
    FtObject *v;
    int r = cc_fold(c, e, &v);
    TRY(r);
    if (r == 1) {
        int truth = const_truth(v);
        FT_DECREF(v);
        if (truth >= 0) {
            if (truth == cond)
                cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, label);
            return 0;
        }
    }
    TRY(cc_visit_expr(c, e));
    cc_emit_jump(c, cond ? FT_OPC_POP_JUMP_IF_TRUE : FT_OPC_POP_JUMP_IF_FALSE,
                 label);
    return 0;
}

static int compile_boolop(FtCompiler *c, FtAstExpr *e)
{
    int jump = e->v.boolop.is_or ? FT_OPC_JUMP_IF_TRUE_OR_POP
                                 : FT_OPC_JUMP_IF_FALSE_OR_POP;
    int end = cc_new_label(c);
    FtAstExprSeq *s = &e->v.boolop.values;
    for (int i = 0; i < s->n - 1; i++) {
        TRY(cc_visit_expr(c, s->items[i]));
        cc_emit_jump(c, jump, end);
    }
    TRY(cc_visit_expr(c, s->items[s->n - 1]));
    cc_use_label(c, end);
    return 0;
}

static int compile_compare(FtCompiler *c, FtAstExpr *e)
{
    int n = e->v.compare.n - 1;
    TRY(cc_visit_expr(c, e->v.compare.left));
    if (n == 0) {
        TRY(visit_comparator(c, e->v.compare.ops[0], e->v.compare.comparators[0]));
        return compare_op(c, e->v.compare.ops[0]);
    }
    int cleanup = cc_new_label(c);
    for (int i = 0; i < n; i++) {
        TRY(visit_comparator(c, e->v.compare.ops[i], e->v.compare.comparators[i]));
        cc_emit(c, FT_OPC_DUP_TOP, 0);
        cc_emit(c, FT_OPC_ROT_THREE, 0);
        TRY(compare_op(c, e->v.compare.ops[i]));
        cc_emit_jump(c, FT_OPC_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    TRY(visit_comparator(c, e->v.compare.ops[n], e->v.compare.comparators[n]));
    TRY(compare_op(c, e->v.compare.ops[n]));
    int end = cc_new_label(c);
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);
    cc_use_label(c, cleanup);
    cc_emit(c, FT_OPC_ROT_TWO, 0);
    cc_emit(c, FT_OPC_POP_TOP, 0);
    cc_use_label(c, end);
    return 0;
}

static int compile_ifexp(FtCompiler *c, FtAstExpr *e)
{
    int end = cc_new_label(c), next = cc_new_label(c);
    TRY(cc_jump_if(c, e->v.ifexp.test, next, 0));
    TRY(cc_visit_expr(c, e->v.ifexp.body));
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);
    cc_use_label(c, next);
    TRY(cc_visit_expr(c, e->v.ifexp.orelse));
    cc_use_label(c, end);
    return 0;
}

/* ---- displays ------------------------------------------------------------- */

/* Builds a list/tuple/set from elements that may contain *starred items
 * (CPython's starunpack_helper); `pushed` values are already on the
 * stack and become the first items. */
static int starunpack(FtCompiler *c, FtAstExprSeq *elts, int pushed, int build,
                      int add, int extend, int tuple)
{
    int n = elts->n;
    if (n > 2 && pushed == 0 && build != FT_OPC_BUILD_SET) {
        FtObject *folded;
        int r = fold_seq(c, elts, &folded);
        TRY(r);
        if (r == 1) {
            if (tuple)
                return cc_load_const_new(c, folded);
            cc_emit(c, build, 0);
            TRY(cc_load_const_new(c, folded));
            cc_emit(c, extend, 1);
            return 0;
        }
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == FT_EXPR_STARRED)
            seen_star = 1;
    if (!seen_star && !big) {
        TRY(visit_exprs(c, elts));
        cc_emit(c, tuple ? FT_OPC_BUILD_TUPLE : build, n + pushed);
        return 0;
    }
    int built = 0;
    if (big) {
        cc_emit(c, build, pushed);
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        FtAstExpr *elt = elts->items[i];
        if (elt->kind == FT_EXPR_STARRED) {
            if (!built) {
                cc_emit(c, build, i + pushed);
                built = 1;
            }
            TRY(cc_visit_expr(c, elt->v.starred.value));
            cc_emit(c, extend, 1);
        } else {
            TRY(cc_visit_expr(c, elt));
            if (built)
                cc_emit(c, add, 1);
        }
    }
    if (tuple)
        cc_emit(c, FT_OPC_LIST_TO_TUPLE, 0);
    return 0;
}

static int compile_tuple_load(FtCompiler *c, FtAstExprSeq *elts)
{
    return starunpack(c, elts, 0, FT_OPC_BUILD_LIST, FT_OPC_LIST_APPEND,
                      FT_OPC_LIST_EXTEND, 1);
}

int cc_visit_iterable(FtCompiler *c, FtAstExpr *e)
{
    if (e->kind == FT_EXPR_LIST && e->v.list.ctx == FT_CTX_LOAD) {
        for (int i = 0; i < e->v.list.elts.n; i++)
            if (e->v.list.elts.items[i]->kind == FT_EXPR_STARRED)
                return cc_visit_expr(c, e);
        int line = c->u->lineno, col = c->u->col;
        cc_set_loc(c, e->lineno, e->col);
        FtObject *folded;
        int r = fold_seq(c, &e->v.list.elts, &folded);
        if (r == 1)
            r = cc_load_const_new(c, folded);
        else if (r == 0)
            r = compile_tuple_load(c, &e->v.list.elts);
        cc_set_loc(c, line, col);
        return r;
    }
    return cc_visit_expr(c, e);
}

/* Keys begin..end-1 of a dict display, none of them `**`. */
static int compile_subdict(FtCompiler *c, FtAstExpr *e, int begin, int end)
{
    int n = end - begin;
    FtAstExpr **keys = e->v.dict.keys.items, **values = e->v.dict.values.items;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        FtObject *kt = ft_tuple_new(n);
        if (kt == NULL)
            return -1;
        int all_const = 1;
        for (int i = begin; i < end && all_const; i++) {
            FtObject *k;
            int r = cc_fold(c, keys[i], &k);
            if (r < 0) {
                FT_DECREF(kt);
                return -1;
            }
            if (r == 0)
                all_const = 0;
            else
                FT_TUPLE_SET(kt, i - begin, k);
        }
        if (all_const) {
            for (int i = begin; i < end; i++) {
                if (cc_visit_expr(c, values[i]) < 0) {
                    FT_DECREF(kt);
                    return -1;
                }
            }
            TRY(cc_load_const_new(c, kt));
            cc_emit(c, FT_OPC_BUILD_CONST_KEY_MAP, n);
            return 0;
        }
        FT_DECREF(kt);
    }
    if (big)
        cc_emit(c, FT_OPC_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        TRY(cc_visit_expr(c, keys[i]));
        TRY(cc_visit_expr(c, values[i]));
        if (big)
            cc_emit(c, FT_OPC_MAP_ADD, 1);
    }
    if (!big)
        cc_emit(c, FT_OPC_BUILD_MAP, n);
    return 0;
}

static int compile_dict(FtCompiler *c, FtAstExpr *e)
{
    int n = e->v.dict.values.n;
    int have_dict = 0, elements = 0;
    for (int i = 0; i < n; i++) {
        if (e->v.dict.keys.items[i] == NULL) {
            if (elements) {
                TRY(compile_subdict(c, e, i - elements, i));
                if (have_dict)
                    cc_emit(c, FT_OPC_DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                cc_emit(c, FT_OPC_BUILD_MAP, 0);
                have_dict = 1;
            }
            TRY(cc_visit_expr(c, e->v.dict.values.items[i]));
            cc_emit(c, FT_OPC_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            TRY(compile_subdict(c, e, i - elements, i + 1));
            if (have_dict)
                cc_emit(c, FT_OPC_DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        TRY(compile_subdict(c, e, n - elements, n));
        if (have_dict)
            cc_emit(c, FT_OPC_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        cc_emit(c, FT_OPC_BUILD_MAP, 0);
    return 0;
}

/* ---- assignment targets ---------------------------------------------------- */

static int unpack_helper(FtCompiler *c, FtAstExprSeq *elts)
{
    int n = elts->n, seen_star = 0;
    for (int i = 0; i < n; i++) {
        FtAstExpr *elt = elts->items[i];
        if (elt->kind == FT_EXPR_STARRED && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (FT_ARG_MAX >> 8))
                return cc_error(c, "too many expressions in star-unpacking assignment");
            cc_emit(c, FT_OPC_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (elt->kind == FT_EXPR_STARRED) {
            return cc_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        cc_emit(c, FT_OPC_UNPACK_SEQUENCE, n);
    return 0;
}

static int visit_target(FtCompiler *c, FtAstExpr *e, FtAstCtx ctx);

static int assignment_helper(FtCompiler *c, FtAstExprSeq *elts)
{
    TRY(unpack_helper(c, elts));
    for (int i = 0; i < elts->n; i++) {
        FtAstExpr *elt = elts->items[i];
        TRY(visit_target(c, elt->kind == FT_EXPR_STARRED ? elt->v.starred.value : elt,
                         FT_CTX_STORE));
    }
    return 0;
}

/* Stores to or deletes a target, by position rather than by the node's
 * ctx field. */
static int visit_target1(FtCompiler *c, FtAstExpr *e, FtAstCtx ctx)
{
    switch (e->kind) {
    case FT_EXPR_NAME:
        return cc_nameop(c, e->v.name.id, ctx);
    case FT_EXPR_ATTRIBUTE: {
        TRY(cc_visit_expr(c, e->v.attribute.value));
        int line = c->u->lineno;
        if (ctx == FT_CTX_STORE) {
            c->u->lineno = e->end_lineno;
            cc_emit_name(c, FT_OPC_STORE_ATTR, e->v.attribute.attr);
            c->u->lineno = line;
        } else {
            cc_emit_name(c, FT_OPC_DELETE_ATTR, e->v.attribute.attr);
        }
        return 0;
    }
    case FT_EXPR_SUBSCRIPT:
        TRY(cc_visit_expr(c, e->v.subscript.value));
        TRY(cc_visit_expr(c, e->v.subscript.slice));
        cc_emit(c, ctx == FT_CTX_STORE ? FT_OPC_STORE_SUBSCR : FT_OPC_DELETE_SUBSCR, 0);
        return 0;
    case FT_EXPR_LIST:
    case FT_EXPR_TUPLE:
        if (ctx == FT_CTX_STORE)
            return assignment_helper(c, &e->v.list.elts);
        for (int i = 0; i < e->v.list.elts.n; i++)
            TRY(visit_target(c, e->v.list.elts.items[i], ctx));
        return 0;
    case FT_EXPR_STARRED:
        if (ctx == FT_CTX_STORE)
            return cc_error(c, "starred assignment target must be in a list or tuple");
        return cc_error(c, "cannot delete starred");
    default:
        return cc_error(c, ctx == FT_CTX_STORE ? "cannot assign to expression"
                                               : "cannot delete expression");
    }
}

static int visit_target(FtCompiler *c, FtAstExpr *e, FtAstCtx ctx)
{
    int line = c->u->lineno, col = c->u->col;
    cc_set_loc(c, e->lineno, e->col);
    int r = visit_target1(c, e, ctx);
    cc_set_loc(c, line, col);
    return r;
}

int cc_visit_store(FtCompiler *c, FtAstExpr *e) { return visit_target(c, e, FT_CTX_STORE); }

int cc_visit_delete(FtCompiler *c, FtAstExpr *e) { return visit_target(c, e, FT_CTX_DEL); }

/* ---- calls ---------------------------------------------------------------- */

static int validate_keywords(FtCompiler *c, int n, FtAstKeyword *kw)
{
    for (int i = 0; i < n; i++) {
        if (kw[i].arg == NULL)
            continue;
        for (int j = i + 1; j < n; j++)
            if (kw[j].arg && strcmp(kw[i].arg, kw[j].arg) == 0)
                return cc_error_at(c, kw[j].lineno, kw[j].col,
                                   "keyword argument repeated: %s", kw[j].arg);
    }
    return 0;
}

/* The names of keywords begin..end-1 as a constant tuple. */
static FtObject *kwnames_tuple(FtAstKeyword *kw, int begin, int end)
{
    FtObject *t = ft_tuple_new(end - begin);
    if (t == NULL)
        return NULL;
    for (int i = begin; i < end; i++) {
        FtObject *s = ft_str_intern_cstr(kw[i].arg);
        if (s == NULL) {
            FT_DECREF(t);
            return NULL;
        }
        FT_TUPLE_SET(t, i - begin, s);
    }
    return t;
}

/* A dict of keywords begin..end-1 (none of them `**`). */
static int compile_subkwargs(FtCompiler *c, FtAstKeyword *kw, int begin, int end)
{
    int n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++)
            TRY(cc_visit_expr(c, kw[i].value));
        TRY(cc_load_const_new(c, kwnames_tuple(kw, begin, end)));
        cc_emit(c, FT_OPC_BUILD_CONST_KEY_MAP, n);
        return 0;
    }
    if (big)
        cc_emit(c, FT_OPC_BUILD_MAP, 0);
    for (int i = begin; i < end; i++) {
        TRY(cc_load_const_new(c, ft_str_intern_cstr(kw[i].arg)));
        TRY(cc_visit_expr(c, kw[i].value));
        if (big)
            cc_emit(c, FT_OPC_MAP_ADD, 1);
    }
    if (!big)
        cc_emit(c, FT_OPC_BUILD_MAP, n);
    return 0;
}

int cc_call_helper(FtCompiler *c, int n, FtAstExprSeq *args, int nkw,
                   FtAstKeyword *kw)
{
    TRY(validate_keywords(c, nkw, kw));
    int nelts = args->n;
    int simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && simple; i++)
        if (args->items[i]->kind == FT_EXPR_STARRED)
            simple = 0;
    for (int i = 0; i < nkw && simple; i++)
        if (kw[i].arg == NULL)
            simple = 0;
    if (simple) {
        TRY(visit_exprs(c, args));
        if (nkw) {
            for (int i = 0; i < nkw; i++)
                TRY(cc_visit_expr(c, kw[i].value));
            TRY(cc_load_const_new(c, kwnames_tuple(kw, 0, nkw)));
            cc_emit(c, FT_OPC_CALL_FUNCTION_KW, n + nelts + nkw);
        } else {
            cc_emit(c, FT_OPC_CALL_FUNCTION, n + nelts);
        }
        return 0;
    }

    /* f(*args, **kwargs): a positional tuple and a keyword dict. */
    if (n == 0 && nelts == 1 && args->items[0]->kind == FT_EXPR_STARRED)
        TRY(cc_visit_expr(c, args->items[0]->v.starred.value));
    else
        TRY(starunpack(c, args, n, FT_OPC_BUILD_LIST, FT_OPC_LIST_APPEND,
                       FT_OPC_LIST_EXTEND, 1));
    if (nkw) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkw; i++) {
            if (kw[i].arg == NULL) {
                if (nseen) {
                    TRY(compile_subkwargs(c, kw, i - nseen, i));
                    if (have_dict)
                        cc_emit(c, FT_OPC_DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    cc_emit(c, FT_OPC_BUILD_MAP, 0);
                    have_dict = 1;
                }
                TRY(cc_visit_expr(c, kw[i].value));
                cc_emit(c, FT_OPC_DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            TRY(compile_subkwargs(c, kw, nkw - nseen, nkw));
            if (have_dict)
                cc_emit(c, FT_OPC_DICT_MERGE, 1);
        }
    }
    cc_emit(c, FT_OPC_CALL_FUNCTION_EX, nkw > 0);
    return 0;
}

/* obj.meth(args, kw=...) without * or **: LOAD_METHOD and CALL_METHOD(_KW)
 * avoid creating a bound method. Returns 1 if not applicable. */
static int maybe_method_call(FtCompiler *c, FtAstExpr *e)
{
    FtAstExpr *meth = e->v.call.func;
    FtAstExprSeq *args = &e->v.call.args;
    int nkw = e->v.call.n_keywords;
    FtAstKeyword *kw = e->v.call.keywords;
    if (meth->kind != FT_EXPR_ATTRIBUTE || args->n + nkw * 2 >= STACK_USE_GUIDELINE)
        return 1;
    for (int i = 0; i < args->n; i++)
        if (args->items[i]->kind == FT_EXPR_STARRED)
            return 1;
    for (int i = 0; i < nkw; i++)
        if (kw[i].arg == NULL)
            return 1;
    TRY(validate_keywords(c, nkw, kw));
    TRY(cc_visit_expr(c, meth->v.attribute.value));
    int line = c->u->lineno;
    /* Errors in the call are reported on the attribute's line. */
    c->u->lineno = meth->end_lineno;
    cc_emit_name(c, FT_OPC_LOAD_METHOD, meth->v.attribute.attr);
    TRY(visit_exprs(c, args));
    for (int i = 0; i < nkw; i++)
        TRY(cc_visit_expr(c, kw[i].value));
    c->u->lineno = meth->end_lineno;
    if (nkw) {
        TRY(cc_load_const_new(c, kwnames_tuple(kw, 0, nkw)));
        cc_emit(c, FT_OPC_CALL_METHOD_KW, args->n + nkw);
    } else {
        cc_emit(c, FT_OPC_CALL_METHOD, args->n);
    }
    c->u->lineno = line;
    return 0;
}

static int compile_call(FtCompiler *c, FtAstExpr *e)
{
    int r = maybe_method_call(c, e);
    if (r <= 0)
        return r;
    TRY(cc_visit_expr(c, e->v.call.func));
    return cc_call_helper(c, 0, &e->v.call.args, e->v.call.n_keywords,
                          e->v.call.keywords);
}

/* ---- f-strings ------------------------------------------------------------ */

static int compile_joined_str(FtCompiler *c, FtAstExpr *e)
{
    FtAstExprSeq *values = &e->v.joined.values;
    if (values->n > STACK_USE_GUIDELINE) {
        /* "".join([...]) */
        TRY(cc_load_const_new(c, ft_str_from_cstr("")));
        cc_emit_name(c, FT_OPC_LOAD_METHOD, "join");
        cc_emit(c, FT_OPC_BUILD_LIST, 0);
        for (int i = 0; i < values->n; i++) {
            TRY(cc_visit_expr(c, values->items[i]));
            cc_emit(c, FT_OPC_LIST_APPEND, 1);
        }
        cc_emit(c, FT_OPC_CALL_METHOD, 1);
        return 0;
    }
    TRY(visit_exprs(c, values));
    if (values->n != 1)
        cc_emit(c, FT_OPC_BUILD_STRING, values->n);
    return 0;
}

static int compile_formatted_value(FtCompiler *c, FtAstExpr *e)
{
    int oparg;
    TRY(cc_visit_expr(c, e->v.formatted.value));
    switch (e->v.formatted.conversion) {
    case 's':
        oparg = FT_FVC_STR;
        break;
    case 'r':
        oparg = FT_FVC_REPR;
        break;
    case 'a':
        oparg = FT_FVC_ASCII;
        break;
    case -1:
        oparg = FT_FVC_NONE;
        break;
    default:
        return cc_internal_error(c, "unrecognized f-string conversion");
    }
    if (e->v.formatted.format_spec) {
        TRY(cc_visit_expr(c, e->v.formatted.format_spec));
        oparg |= FT_FVS_HAVE_SPEC;
    }
    cc_emit(c, FT_OPC_FORMAT_VALUE, oparg);
    return 0;
}

/* ---- functions: defaults, lambda, comprehensions ----------------------------- */

int cc_default_arguments(FtCompiler *c, FtAstArguments *a)
{
    int flags = 0;
    if (a == NULL)
        return 0;
    if (a->defaults.n > 0) {
        TRY(visit_exprs(c, &a->defaults));
        cc_emit(c, FT_OPC_BUILD_TUPLE, a->defaults.n);
        flags |= 0x01;
    }
    int nkw = 0;
    for (int i = 0; i < a->n_kwonly; i++) {
        if (a->kw_defaults && a->kw_defaults[i]) {
            TRY(cc_visit_expr(c, a->kw_defaults[i]));
            nkw++;
        }
    }
    if (nkw) {
        FtObject *keys = ft_tuple_new(nkw);
        if (keys == NULL)
            return -1;
        int k = 0;
        for (int i = 0; i < a->n_kwonly; i++) {
            if (!(a->kw_defaults && a->kw_defaults[i]))
                continue;
            const char *m = ft_symtable_mangle(c->st, c->u->privname, a->kwonly[i].name);
            FtObject *s = m ? ft_str_intern_cstr(m) : NULL;
            if (s == NULL) {
                FT_DECREF(keys);
                return -1;
            }
            FT_TUPLE_SET(keys, k++, s);
        }
        TRY(cc_load_const_new(c, keys));
        cc_emit(c, FT_OPC_BUILD_CONST_KEY_MAP, nkw);
        flags |= 0x02;
    }
    return flags;
}

static void set_arg_counts(FtCompiler *c, FtAstArguments *a)
{
    if (a == NULL)
        return;
    c->u->argcount = a->n_args;
    c->u->posonlyargcount = a->n_posonly;
    c->u->kwonlyargcount = a->n_kwonly;
}

static int compile_lambda(FtCompiler *c, FtAstExpr *e)
{
    int flags = cc_default_arguments(c, e->v.lambda.args);
    TRY(flags);
    TRY(cc_enter_scope(c, "<lambda>", U_LAMBDA, e, e->lineno));
    /* None first, so the lambda has no docstring. */
    cc_add_const(c, FT_None);
    set_arg_counts(c, e->v.lambda.args);
    if (cc_visit_expr(c, e->v.lambda.body) < 0) {
        cc_exit_scope(c);
        return -1;
    }
    /* Even a generator lambda returns its body's value (as in CPython). */
    cc_emit(c, FT_OPC_RETURN_VALUE, 0);
    return cc_finish_function(c, flags);
}

static int comprehension_generator(FtCompiler *c, FtAstExpr *e, FtCompKind type,
                                   int gen_index, int depth)
{
    FtAstComprehension *gen = &e->v.comp.generators[gen_index];
    int start = cc_new_label(c), if_cleanup = cc_new_label(c),
        anchor = cc_new_label(c);
    if (gen_index == 0) {
        /* The outermost iterator arrives as the argument `.0`. */
        TRY(cc_nameop(c, ".0", FT_CTX_LOAD));
    } else {
        TRY(cc_visit_iterable(c, gen->iter));
        cc_emit(c, FT_OPC_GET_ITER, 0);
    }
    depth++;
    cc_use_label(c, start);
    cc_emit_jump(c, FT_OPC_FOR_ITER, anchor);
    TRY(cc_visit_store(c, gen->target));
    for (int i = 0; i < gen->ifs.n; i++)
        TRY(cc_jump_if(c, gen->ifs.items[i], if_cleanup, 0));
    if (gen_index + 1 < e->v.comp.n_generators) {
        TRY(comprehension_generator(c, e, type, gen_index + 1, depth));
    } else {
        switch (type) {
        case FT_COMP_GENEXP:
            TRY(cc_visit_expr(c, e->v.comp.elt));
            cc_emit(c, FT_OPC_YIELD_VALUE, 0);
            cc_emit(c, FT_OPC_POP_TOP, 0);
            break;
        case FT_COMP_LIST:
            TRY(cc_visit_expr(c, e->v.comp.elt));
            cc_emit(c, FT_OPC_LIST_APPEND, depth + 1);
            break;
        case FT_COMP_SET:
            TRY(cc_visit_expr(c, e->v.comp.elt));
            cc_emit(c, FT_OPC_SET_ADD, depth + 1);
            break;
        case FT_COMP_DICT:
            TRY(cc_visit_expr(c, e->v.comp.key));
            TRY(cc_visit_expr(c, e->v.comp.value));
            cc_emit(c, FT_OPC_MAP_ADD, depth + 1);
            break;
        default:
            return cc_internal_error(c, "bad comprehension");
        }
    }
    cc_use_label(c, if_cleanup);
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, start);
    cc_use_label(c, anchor);
    return 0;
}

static int compile_comprehension(FtCompiler *c, FtAstExpr *e, FtCompKind type,
                                 const char *name)
{
    FtAstComprehension *outermost = &e->v.comp.generators[0];
    TRY(cc_enter_scope(c, name, U_COMPREHENSION, e, e->lineno));
    /* Like a function's: co_consts[0] is never a docstring. */
    cc_add_const(c, FT_None);
    c->u->argcount = 1;
    if (type == FT_COMP_LIST)
        cc_emit(c, FT_OPC_BUILD_LIST, 0);
    else if (type == FT_COMP_SET)
        cc_emit(c, FT_OPC_BUILD_SET, 0);
    else if (type == FT_COMP_DICT)
        cc_emit(c, FT_OPC_BUILD_MAP, 0);
    if (comprehension_generator(c, e, type, 0, 0) < 0) {
        cc_exit_scope(c);
        return -1;
    }
    if (type != FT_COMP_GENEXP)
        cc_emit(c, FT_OPC_RETURN_VALUE, 0);
    TRY(cc_finish_function(c, 0));
    TRY(cc_visit_iterable(c, outermost->iter));
    cc_emit(c, FT_OPC_GET_ITER, 0);
    cc_emit(c, FT_OPC_CALL_FUNCTION, 1);
    return 0;
}

/* ---- the expression visitor ------------------------------------------------- */

static const int unary_opcodes[] = {
    [FT_UOP_NOT] = FT_OPC_UNARY_NOT,
    [FT_UOP_NEG] = FT_OPC_UNARY_NEGATIVE,
    [FT_UOP_POS] = FT_OPC_UNARY_POSITIVE,
    [FT_UOP_INVERT] = FT_OPC_UNARY_INVERT,
};

static int visit_expr1(FtCompiler *c, FtAstExpr *e)
{
    switch (e->kind) {
    case FT_EXPR_BINOP:
    case FT_EXPR_UNARYOP:
    case FT_EXPR_TUPLE: {
        FtObject *v;
        int r = cc_fold(c, e, &v);
        TRY(r);
        if (r == 1)
            return cc_load_const_new(c, v);
        break;
    }
    default:
        break;
    }

    switch (e->kind) {
    case FT_EXPR_BOOLOP:
        return compile_boolop(c, e);
    case FT_EXPR_BINOP:
        TRY(cc_visit_expr(c, e->v.binop.left));
        TRY(cc_visit_expr(c, e->v.binop.right));
        cc_emit(c, FT_OPC_BINARY_OP, e->v.binop.op);
        return 0;
    case FT_EXPR_UNARYOP:
        TRY(cc_visit_expr(c, e->v.unaryop.operand));
        cc_emit(c, unary_opcodes[e->v.unaryop.op], 0);
        return 0;
    case FT_EXPR_LAMBDA:
        return compile_lambda(c, e);
    case FT_EXPR_IFEXP:
        return compile_ifexp(c, e);
    case FT_EXPR_DICT:
        return compile_dict(c, e);
    case FT_EXPR_SET:
        return starunpack(c, &e->v.set.elts, 0, FT_OPC_BUILD_SET, FT_OPC_SET_ADD,
                          FT_OPC_SET_UPDATE, 0);
    case FT_EXPR_LISTCOMP:
        return compile_comprehension(c, e, FT_COMP_LIST, "<listcomp>");
    case FT_EXPR_SETCOMP:
        return compile_comprehension(c, e, FT_COMP_SET, "<setcomp>");
    case FT_EXPR_DICTCOMP:
        return compile_comprehension(c, e, FT_COMP_DICT, "<dictcomp>");
    case FT_EXPR_GENEXP:
        return compile_comprehension(c, e, FT_COMP_GENEXP, "<genexpr>");
    case FT_EXPR_YIELD:
        if (c->u->ste->type != FT_BLOCK_FUNCTION)
            return cc_error(c, "'yield' outside function");
        if (e->v.yield.value)
            TRY(cc_visit_expr(c, e->v.yield.value));
        else
            cc_load_const(c, FT_None);
        cc_emit(c, FT_OPC_YIELD_VALUE, 0);
        return 0;
    case FT_EXPR_YIELD_FROM:
        if (c->u->ste->type != FT_BLOCK_FUNCTION)
            return cc_error(c, "'yield' outside function");
        TRY(cc_visit_expr(c, e->v.yield.value));
        cc_emit(c, FT_OPC_GET_YIELD_FROM_ITER, 0);
        cc_load_const(c, FT_None);
        cc_emit(c, FT_OPC_YIELD_FROM, 0);
        return 0;
    case FT_EXPR_COMPARE:
        return compile_compare(c, e);
    case FT_EXPR_CALL:
        return compile_call(c, e);
    case FT_EXPR_FORMATTED_VALUE:
        return compile_formatted_value(c, e);
    case FT_EXPR_JOINED_STR:
        return compile_joined_str(c, e);
    case FT_EXPR_CONSTANT:
        cc_load_const(c, e->v.constant.value);
        return 0;
    case FT_EXPR_ATTRIBUTE:
        if (e->v.attribute.ctx != FT_CTX_LOAD)
            return visit_target1(c, e, e->v.attribute.ctx);
        TRY(cc_visit_expr(c, e->v.attribute.value));
        {
            int line = c->u->lineno;
            c->u->lineno = e->end_lineno;
            cc_emit_name(c, FT_OPC_LOAD_ATTR, e->v.attribute.attr);
            c->u->lineno = line;
        }
        return 0;
    case FT_EXPR_SUBSCRIPT:
        if (e->v.subscript.ctx != FT_CTX_LOAD)
            return visit_target1(c, e, e->v.subscript.ctx);
        TRY(cc_visit_expr(c, e->v.subscript.value));
        TRY(cc_visit_expr(c, e->v.subscript.slice));
        cc_emit(c, FT_OPC_BINARY_SUBSCR, 0);
        return 0;
    case FT_EXPR_STARRED:
        if (e->v.starred.ctx == FT_CTX_STORE)
            return cc_error(c, "starred assignment target must be in a list or tuple");
        return cc_error(c, "can't use starred expression here");
    case FT_EXPR_NAME:
        return cc_nameop(c, e->v.name.id, e->v.name.ctx);
    case FT_EXPR_LIST:
        if (e->v.list.ctx != FT_CTX_LOAD)
            return visit_target1(c, e, e->v.list.ctx);
        return starunpack(c, &e->v.list.elts, 0, FT_OPC_BUILD_LIST,
                          FT_OPC_LIST_APPEND, FT_OPC_LIST_EXTEND, 0);
    case FT_EXPR_TUPLE:
        if (e->v.list.ctx != FT_CTX_LOAD)
            return visit_target1(c, e, e->v.list.ctx);
        return compile_tuple_load(c, &e->v.list.elts);
    case FT_EXPR_SLICE: {
        int n = 2;
        if (e->v.slice.lower)
            TRY(cc_visit_expr(c, e->v.slice.lower));
        else
            cc_load_const(c, FT_None);
        if (e->v.slice.upper)
            TRY(cc_visit_expr(c, e->v.slice.upper));
        else
            cc_load_const(c, FT_None);
        if (e->v.slice.step) {
            TRY(cc_visit_expr(c, e->v.slice.step));
            n = 3;
        }
        cc_emit(c, FT_OPC_BUILD_SLICE, n);
        return 0;
    }
    }
    return cc_internal_error(c, "unknown expression kind");
}

int cc_visit_expr(FtCompiler *c, FtAstExpr *e)
{
    TRY(cc_enter(c));
    CUnit *u = c->u;
    int line = u->lineno, col = u->col;
    cc_set_loc(c, e->lineno, e->col);
    int r = visit_expr1(c, e);
    u->lineno = line;
    u->col = col;
    cc_leave(c);
    return r;
}
