/* interp/mod_operator.c — the _operator module: the operators as functions
 * (add, lt, getitem...) and the itemgetter, attrgetter and methodcaller
 * types, in C because programs use them as sort keys and map functions in
 * hot loops. lib/operator.py adds the rest and the dunder aliases.
 *
 * The three getter types are immutable once built, so threads share them
 * without locks.
 */
#include "objects/object.h"
#include "interp/modules.h"
#include "objects/typeobject.h"

#include <string.h>

#define TITEMS(t) (((FtTupleObject *)(t))->items)

/* "add expected 2 arguments, got 1", CPython's words. */
static int nargs_exact(const char *fname, size_t nargs, size_t want,
                       FtObject *kwnames)
{
    if (ft_arg_no_kwargs(fname, kwnames) < 0)
        return -1;
    if (nargs == want)
        return 0;
    ft_err_format(FtExc_TypeError, "%s expected %zd argument%s, got %zd",
                  fname, (ssize_t)want, want == 1 ? "" : "s", (ssize_t)nargs);
    return -1;
}

/* ---- the operators as functions -------------------------------------------- */

#define BINARY(name, expr)                                                     \
    static FtObject *op_##name(FtObject *self, FtObject *const *args,          \
                               size_t nargs, FtObject *kwnames)                \
    {                                                                          \
        if (ft_arg_no_kwargs("_operator." #name, kwnames) < 0 ||              \
            nargs_exact(#name, nargs, 2, kwnames) < 0)                         \
            return NULL;                                                       \
        FtObject *a = args[0], *b = args[1];                                   \
        return expr;                                                           \
    }
#define UNARY(name, expr)                                                      \
    static FtObject *op_##name(FtObject *self, FtObject *const *args,          \
                               size_t nargs, FtObject *kwnames)                \
    {                                                                          \
        if (ft_arg_no_kwargs("_operator." #name, kwnames) < 0 ||              \
            ft_arg_count("_operator." #name, nargs, 1, 1) < 0)                \
            return NULL;                                                       \
        FtObject *a = args[0];                                                 \
        return expr;                                                           \
    }

BINARY(add, ft_number_binop(a, b, FT_OP_ADD))
BINARY(sub, ft_number_binop(a, b, FT_OP_SUB))
BINARY(mul, ft_number_binop(a, b, FT_OP_MUL))
BINARY(truediv, ft_number_binop(a, b, FT_OP_TRUEDIV))
BINARY(floordiv, ft_number_binop(a, b, FT_OP_FLOORDIV))
BINARY(mod, ft_number_binop(a, b, FT_OP_MOD))
BINARY(pow, ft_number_binop(a, b, FT_OP_POW))
BINARY(lshift, ft_number_binop(a, b, FT_OP_LSHIFT))
BINARY(rshift, ft_number_binop(a, b, FT_OP_RSHIFT))
BINARY(and_, ft_number_binop(a, b, FT_OP_AND))
BINARY(or_, ft_number_binop(a, b, FT_OP_OR))
BINARY(xor, ft_number_binop(a, b, FT_OP_XOR))
BINARY(matmul, ft_number_binop(a, b, FT_OP_MATMUL))
BINARY(iadd, ft_number_inplace(a, b, FT_OP_ADD))
BINARY(isub, ft_number_inplace(a, b, FT_OP_SUB))
BINARY(imul, ft_number_inplace(a, b, FT_OP_MUL))
BINARY(itruediv, ft_number_inplace(a, b, FT_OP_TRUEDIV))
BINARY(ifloordiv, ft_number_inplace(a, b, FT_OP_FLOORDIV))
BINARY(imod, ft_number_inplace(a, b, FT_OP_MOD))
BINARY(ipow, ft_number_inplace(a, b, FT_OP_POW))
BINARY(ilshift, ft_number_inplace(a, b, FT_OP_LSHIFT))
BINARY(irshift, ft_number_inplace(a, b, FT_OP_RSHIFT))
BINARY(iand, ft_number_inplace(a, b, FT_OP_AND))
BINARY(ior, ft_number_inplace(a, b, FT_OP_OR))
BINARY(ixor, ft_number_inplace(a, b, FT_OP_XOR))
BINARY(imatmul, ft_number_inplace(a, b, FT_OP_MATMUL))
BINARY(lt, ft_object_richcompare(a, b, FT_LT))
BINARY(le, ft_object_richcompare(a, b, FT_LE))
BINARY(eq, ft_object_richcompare(a, b, FT_EQ))
BINARY(ne, ft_object_richcompare(a, b, FT_NE))
BINARY(gt, ft_object_richcompare(a, b, FT_GT))
BINARY(ge, ft_object_richcompare(a, b, FT_GE))
BINARY(is_, ft_bool_from(a == b))
BINARY(is_not, ft_bool_from(a != b))
BINARY(getitem, ft_object_getitem(a, b))
UNARY(neg, ft_number_unary(a, FT_UNARY_NEG))
UNARY(pos, ft_number_unary(a, FT_UNARY_POS))
UNARY(abs, ft_number_unary(a, FT_UNARY_ABS))
UNARY(invert, ft_number_unary(a, FT_UNARY_INVERT))
UNARY(index, ft_number_index(a))

static FtObject *bool_result(int r)
{
    return r < 0 ? NULL : ft_bool_from(r);
}

UNARY(not_, bool_result(ft_object_not(a)))
UNARY(truth, bool_result(ft_object_is_true(a)))
BINARY(contains, bool_result(ft_object_contains(a, b)))

static FtObject *op_setitem(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_no_kwargs("_operator.setitem", kwnames) < 0 ||
        nargs_exact("setitem", nargs, 3, kwnames) < 0 ||
        ft_object_setitem(args[0], args[1], args[2]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *op_delitem(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_no_kwargs("_operator.delitem", kwnames) < 0 ||
        nargs_exact("delitem", nargs, 2, kwnames) < 0 ||
        ft_object_delitem(args[0], args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* Each function under its name and its dunder alias (add and __add__). */
#define FN(name) {#name, op_##name, FT_METH_KEYWORDS, NULL}
#define FN2(name, dunder) FN(name), {dunder, op_##name, FT_METH_KEYWORDS, NULL}
static FtMethodDef operator_functions[] = {
    FN2(add, "__add__"), FN2(sub, "__sub__"), FN2(mul, "__mul__"),
    FN2(truediv, "__truediv__"), FN2(floordiv, "__floordiv__"),
    FN2(mod, "__mod__"), FN2(pow, "__pow__"), FN2(lshift, "__lshift__"),
    FN2(rshift, "__rshift__"), FN2(and_, "__and__"), FN2(or_, "__or__"),
    FN2(xor, "__xor__"), FN2(matmul, "__matmul__"), FN2(iadd, "__iadd__"),
    FN2(isub, "__isub__"), FN2(imul, "__imul__"),
    FN2(itruediv, "__itruediv__"), FN2(ifloordiv, "__ifloordiv__"),
    FN2(imod, "__imod__"), FN2(ipow, "__ipow__"),
    FN2(ilshift, "__ilshift__"), FN2(irshift, "__irshift__"),
    FN2(iand, "__iand__"), FN2(ior, "__ior__"), FN2(ixor, "__ixor__"),
    FN2(imatmul, "__imatmul__"), FN2(lt, "__lt__"), FN2(le, "__le__"),
    FN2(eq, "__eq__"), FN2(ne, "__ne__"), FN2(gt, "__gt__"),
    FN2(ge, "__ge__"), FN(is_), FN(is_not), FN2(getitem, "__getitem__"),
    FN2(setitem, "__setitem__"), FN2(delitem, "__delitem__"),
    FN2(neg, "__neg__"), FN2(pos, "__pos__"), FN2(abs, "__abs__"),
    FN2(invert, "__invert__"), {"inv", op_invert, FT_METH_KEYWORDS, NULL},
    {"__inv__", op_invert, FT_METH_KEYWORDS, NULL}, FN2(index, "__index__"),
    FN2(not_, "__not__"), FN(truth), FN2(contains, "__contains__"),
    {NULL, NULL, 0, NULL},
};

/* ---- itemgetter, attrgetter, methodcaller ---------------------------------- */

/* items: the keys, attribute paths (tuples of names) or, for
 * methodcaller, (name, args tuple, kwargs dict). */
typedef struct {
    FT_OBJECT_HEAD
    FtObject *items;
    int single;
} GetterObject;

#define G(op) ((GetterObject *)(op))

static void getter_dealloc(FtObject *op)
{
    FT_XDECREF(G(op)->items);
    ft_object_free(op);
}

static int getter_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(G(op)->items);
    return 0;
}

static int getter_clear(FtObject *op)
{
    FT_CLEAR(G(op)->items);
    return 0;
}

static FtObject *getter_alloc(FtType *type, FtObject *items, int single)
{
    FtObject *op = ft_object_new(type);
    if (op == NULL) {
        FT_DECREF(items);
        return NULL;
    }
    G(op)->items = items;
    G(op)->single = single;
    return op;
}

static int no_kwargs(const char *name, FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError, "%s() takes no keyword arguments",
                      name);
        return -1;
    }
    return 0;
}

static FtObject *itemgetter_new(FtType *type, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (no_kwargs("itemgetter", kwnames) < 0)
        return NULL;
    if (nargs == 0) {
        ft_err_set_string(FtExc_TypeError,
                          "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    FtObject *items = ft_tuple_from_array(args, (ssize_t)nargs);
    return items ? getter_alloc(type, items, nargs == 1) : NULL;
}

static FtObject *itemgetter_call(FtObject *op, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (nargs_exact("itemgetter", nargs, 1, kwnames) < 0)
        return NULL;
    FtObject *items = G(op)->items;
    if (G(op)->single)
        return ft_object_getitem(args[0], TITEMS(items)[0]);
    ssize_t n = FT_SIZE(items);
    FtObject *res = ft_tuple_new(n);
    if (res == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *v = ft_object_getitem(args[0], TITEMS(items)[i]);
        if (v == NULL) {
            FT_DECREF(res);
            return NULL;
        }
        TITEMS(res)[i] = v;
    }
    return res;
}

/* "operator.NAME(a, b, ...)" from reprs of the tuple's items. */
static FtObject *repr_call(const char *name, FtObject *const *items,
                           ssize_t n, FtObject *kwargs)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_cstr(&sb, "operator.") < 0 ||
        ft_sb_append_cstr(&sb, name) < 0 || ft_sb_append_char(&sb, '(') < 0)
        goto fail;
    for (ssize_t i = 0; i < n; i++)
        if ((i > 0 && ft_sb_append(&sb, ", ", 2) < 0) ||
            ft_sb_append_repr(&sb, items[i]) < 0)
            goto fail;
    if (kwargs != NULL) {
        FtObject *keys = ft_list_from_iterable(kwargs);
        if (keys == NULL)
            goto fail;
        for (ssize_t i = 0; i < FT_LIST_SIZE(keys); i++) {
            FtObject *k = FT_LIST_ITEMS(keys)[i];
            FtObject *v = ft_object_getitem(kwargs, k);
            int bad = v == NULL ||
                      (n + i > 0 && ft_sb_append(&sb, ", ", 2) < 0) ||
                      ft_sb_append_strof(&sb, k) < 0 ||
                      ft_sb_append_char(&sb, '=') < 0 ||
                      ft_sb_append_repr(&sb, v) < 0;
            FT_XDECREF(v);
            if (bad) {
                FT_DECREF(keys);
                goto fail;
            }
        }
        FT_DECREF(keys);
    }
    if (ft_sb_append_char(&sb, ')') < 0)
        goto fail;
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *getter_repr_guarded(FtObject *op, const char *name,
                                     FtObject *const *items, ssize_t n,
                                     FtObject *kwargs)
{
    int r = ft_repr_enter(op);
    if (r != 0)
        return r > 0 ? ft_str_from_format("%s(...)", name) : NULL;
    FtObject *res = repr_call(name, items, n, kwargs);
    ft_repr_leave(op);
    return res;
}

static FtObject *itemgetter_repr(FtObject *op)
{
    FtObject *items = G(op)->items;
    return getter_repr_guarded(op, "itemgetter", TITEMS(items),
                               FT_SIZE(items), NULL);
}

/* "a.b.c" as the tuple ("a", "b", "c") of interned names. */
static FtObject *split_dotted(FtObject *name)
{
    const char *p = FT_STR_DATA(name), *end = p + FT_STR_NBYTES(name);
    ssize_t n = 1;
    for (const char *q = p; q < end; q++)
        n += *q == '.';
    FtObject *parts = ft_tuple_new(n);
    if (parts == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        const char *q = memchr(p, '.', (size_t)(end - p));
        if (q == NULL)
            q = end;
        FtObject *s = ft_str_from_len(p, q - p);
        if (s == NULL) {
            FT_DECREF(parts);
            return NULL;
        }
        TITEMS(parts)[i] = ft_str_intern(s);
        p = q + 1;
    }
    return parts;
}

static FtObject *attrgetter_new(FtType *type, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (no_kwargs("attrgetter", kwnames) < 0)
        return NULL;
    if (nargs == 0) {
        ft_err_set_string(FtExc_TypeError,
                          "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    FtObject *items = ft_tuple_new((ssize_t)nargs);
    if (items == NULL)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        FtObject *parts = NULL;
        if (!FT_STR_CHECK(args[i]))
            ft_err_set_string(FtExc_TypeError,
                              "attribute name must be a string");
        else
            parts = split_dotted(args[i]);
        if (parts == NULL) {
            FT_DECREF(items);
            return NULL;
        }
        TITEMS(items)[i] = parts;
    }
    return getter_alloc(type, items, nargs == 1);
}

static FtObject *get_path(FtObject *obj, FtObject *parts)
{
    FtObject *v = FT_NEWREF(obj);
    for (ssize_t i = 0; i < FT_SIZE(parts) && v != NULL; i++) {
        FtObject *next = ft_object_getattr(v, TITEMS(parts)[i]);
        FT_DECREF(v);
        v = next;
    }
    return v;
}

static FtObject *attrgetter_call(FtObject *op, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (nargs_exact("attrgetter", nargs, 1, kwnames) < 0)
        return NULL;
    FtObject *items = G(op)->items;
    if (G(op)->single)
        return get_path(args[0], TITEMS(items)[0]);
    ssize_t n = FT_SIZE(items);
    FtObject *res = ft_tuple_new(n);
    if (res == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *v = get_path(args[0], TITEMS(items)[i]);
        if (v == NULL) {
            FT_DECREF(res);
            return NULL;
        }
        TITEMS(res)[i] = v;
    }
    return res;
}

static FtObject *attrgetter_repr(FtObject *op)
{
    FtObject *items = G(op)->items;
    ssize_t n = FT_SIZE(items);
    FtObject *names = ft_tuple_new(n);
    if (names == NULL)
        return NULL;
    FtObject *dot = ft_str_from_cstr(".");
    for (ssize_t i = 0; i < n && dot != NULL; i++) {
        FtObject *arg = TITEMS(items)[i];
        FtObject *s = ft_call_method(dot, FT_ID(join), &arg, 1);
        if (s == NULL)
            FT_CLEAR(dot);
        else
            TITEMS(names)[i] = s;
    }
    FtObject *r = NULL;
    if (dot != NULL) {
        r = getter_repr_guarded(op, "attrgetter", TITEMS(names), n,
                                NULL);
        FT_DECREF(dot);
    }
    FT_DECREF(names);
    return r;
}

/* methodcaller(name, /, *args, **kwargs): items = (name, args, kwargs or
 * None). */
static FtObject *methodcaller_new(FtType *type, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    if (nargs == 0) {
        ft_err_set_string(FtExc_TypeError, "methodcaller needs at least one "
                                           "argument, the method name");
        return NULL;
    }
    if (!FT_STR_CHECK(args[0])) {
        ft_err_set_string(FtExc_TypeError, "method name must be a string");
        return NULL;
    }
    FtObject *name = ft_str_intern(FT_NEWREF(args[0]));
    FtObject *pos = ft_tuple_from_array(args + 1, (ssize_t)nargs - 1);
    FtObject *kw = FT_NEWREF(FT_None);
    ssize_t nkw = kwnames != NULL ? FT_SIZE(kwnames) : 0;
    if (nkw > 0) {
        FT_SETREF(kw, ft_dict_new());
        for (ssize_t i = 0; i < nkw && kw != NULL; i++)
            if (ft_dict_set(kw, TITEMS(kwnames)[i], args[nargs + i]) <
                0)
                FT_CLEAR(kw);
    }
    FtObject *items =
        name && pos && kw ? ft_tuple_pack(3, name, pos, kw) : NULL;
    FT_XDECREF(name);
    FT_XDECREF(pos);
    FT_XDECREF(kw);
    return items ? getter_alloc(type, items, 0) : NULL;
}

static FtObject *methodcaller_call(FtObject *op, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    if (nargs_exact("methodcaller", nargs, 1, kwnames) < 0)
        return NULL;
    FtObject **it = TITEMS(G(op)->items);
    FtObject *meth = ft_object_getattr(args[0], it[0]);
    if (meth == NULL)
        return NULL;
    FtObject *r = ft_call_tuple_dict(meth, it[1], it[2] == FT_None ? NULL
                                                                   : it[2]);
    FT_DECREF(meth);
    return r;
}

static FtObject *methodcaller_repr(FtObject *op)
{
    FtObject **it = TITEMS(G(op)->items);
    ssize_t n = FT_SIZE(it[1]) + 1;
    FtObject *all = ft_tuple_new(n);
    if (all == NULL)
        return NULL;
    TITEMS(all)[0] = FT_NEWREF(it[0]);
    for (ssize_t i = 1; i < n; i++)
        TITEMS(all)[i] = FT_NEWREF(TITEMS(it[1])[i - 1]);
    FtObject *r = getter_repr_guarded(op, "methodcaller", TITEMS(all),
                                      n, it[2] == FT_None ? NULL : it[2]);
    FT_DECREF(all);
    return r;
}

#define GETTER_TYPE(var, pyname, newf, callf, reprf, doc)                      \
    static FtType var = {                                                      \
        FT_TYPE_HEAD_INIT,                                                     \
        .tp_name = "operator." pyname,                                         \
        .tp_basicsize = sizeof(GetterObject),                                  \
        .tp_flags = FT_TPFLAGS_HAVE_GC,                                        \
        .tp_dealloc = getter_dealloc,                                          \
        .tp_traverse = getter_traverse,                                        \
        .tp_clear = getter_clear,                                              \
        .tp_repr = reprf,                                                      \
        .tp_call = callf,                                                      \
        .tp_new = newf,                                                        \
        .tp_doc = doc,                                                         \
    }

GETTER_TYPE(ItemGetter_Type, "itemgetter", itemgetter_new, itemgetter_call,
            itemgetter_repr,
            "Return a callable object that fetches the given item(s) from "
            "its operand.");
GETTER_TYPE(AttrGetter_Type, "attrgetter", attrgetter_new, attrgetter_call,
            attrgetter_repr,
            "Return a callable object that fetches the given attribute(s) "
            "from its operand.");
GETTER_TYPE(MethodCaller_Type, "methodcaller", methodcaller_new,
            methodcaller_call, methodcaller_repr,
            "Return a callable object that calls the given method on its "
            "operand.");

/* ---- the module ------------------------------------------------------------------ */

FtObject *ft_mod_operator_create(void)
{
    FtType *types[] = {&ItemGetter_Type, &AttrGetter_Type,
                       &MethodCaller_Type};
    const char *names[] = {"itemgetter", "attrgetter", "methodcaller"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->tp_flags & FT_TPFLAGS_READY) &&
            ft_type_ready(types[i]) < 0)
            return NULL;
    FtObject *m = ft_module_new("_operator");
    if (m == NULL)
        return NULL;
    int ok = ft_module_add_functions(m, operator_functions) == 0;
    for (size_t i = 0; ok && i < sizeof types / sizeof types[0]; i++)
        ok = ft_module_add_object(m, names[i], (FtObject *)types[i]) == 0;
    if (!ok) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
