/* objects/typeobject_slots.c — the bridge between C slots and dunder
 * methods: the slot table, "slot wrappers" that expose a C type's slots as
 * int.__add__ / object.__init__ ..., and the generic slot functions that
 * make a class's Python-level __add__ / __init__ ... reachable from the
 * eval loop's generic operations.
 */
#include "objects/object.h"

#include <stdio.h>
#include <string.h>

#include "objects/typeobject.h"

#define SLOT(field) offsetof(FtType, field)
#define NAME(sd) (ft_ids[(sd)->name_idx])

static ft_anyslot slot_get(FtType *t, size_t off)
{
    ft_anyslot f;
    memcpy(&f, (char *)t + off, sizeof f);
    return f;
}

static void slot_set(FtType *t, size_t off, ft_anyslot f)
{
    memcpy((char *)t + off, &f, sizeof f);
}

static const char *tname(FtObject *o) { return FT_TYPE(o)->tp_name; }

static const int rich_idx[] = {FT_IDX___lt__, FT_IDX___le__, FT_IDX___eq__,
                               FT_IDX___ne__, FT_IDX___gt__, FT_IDX___ge__};
static const int binop_idx[FT_OP__COUNT] = {
    FT_IDX___add__,    FT_IDX___sub__,      FT_IDX___mul__,
    FT_IDX___truediv__, FT_IDX___floordiv__, FT_IDX___mod__,
    FT_IDX___pow__,    FT_IDX___lshift__,   FT_IDX___rshift__,
    FT_IDX___and__,    FT_IDX___or__,       FT_IDX___xor__,
    FT_IDX___matmul__};
static const int rbinop_idx[FT_OP__COUNT] = {
    FT_IDX___radd__,    FT_IDX___rsub__,      FT_IDX___rmul__,
    FT_IDX___rtruediv__, FT_IDX___rfloordiv__, FT_IDX___rmod__,
    FT_IDX___rpow__,    FT_IDX___rlshift__,   FT_IDX___rrshift__,
    FT_IDX___rand__,    FT_IDX___ror__,       FT_IDX___rxor__,
    FT_IDX___rmatmul__};
static const int ibinop_idx[FT_OP__COUNT] = {
    FT_IDX___iadd__,    FT_IDX___isub__,      FT_IDX___imul__,
    FT_IDX___itruediv__, FT_IDX___ifloordiv__, FT_IDX___imod__,
    FT_IDX___ipow__,    FT_IDX___ilshift__,   FT_IDX___irshift__,
    FT_IDX___iand__,    FT_IDX___ior__,       FT_IDX___ixor__,
    FT_IDX___imatmul__};
static const int unary_idx[] = {FT_IDX___neg__, FT_IDX___pos__,
                                FT_IDX___invert__, FT_IDX___abs__};

/* ---- default repr ---------------------------------------------------------- */

FtObject *ft_slot_default_repr(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)o);
    FtObject *qn = ft_type_qualname(t);
    if (qn == NULL)
        return NULL;
    FtObject *mod = ft_type_module(t);
    FtObject *r;
    if (mod != NULL && FT_STR_CHECK(mod) && !ft_str_eq_cstr(mod, "builtins"))
        r = ft_str_from_format("<%U.%U object at %s>", mod, qn, addr);
    else
        r = ft_str_from_format("<%U object at %s>", qn, addr);
    FT_XDECREF(mod);
    FT_DECREF(qn);
    return r;
}

/* ---- generic slot functions: call the Python-level dunder --------------- */

static FtObject *call0(FtObject *self, int idx, int *missing)
{
    return ft_call_special(self, ft_ids[idx], NULL, 0, NULL, missing);
}

static FtObject *call1(FtObject *self, int idx, FtObject *arg, int *missing)
{
    return ft_call_special(self, ft_ids[idx], &arg, 1, NULL, missing);
}

static FtObject *slot_repr(FtObject *self)
{
    int missing = 0;
    FtObject *r = call0(self, FT_IDX___repr__, &missing);
    if (missing)
        return ft_slot_default_repr(self);
    return r;
}

static FtObject *slot_str(FtObject *self)
{
    int missing = 0;
    FtObject *r = call0(self, FT_IDX___str__, &missing);
    if (missing)
        return ft_object_repr(self);
    return r;
}

static ft_hash_t slot_hash(FtObject *self)
{
    FtObject *f = ft_type_lookup_fast(FT_TYPE(self), FT_ID(__hash__));
    if (f == NULL || f == FT_None) {
        ft_err_format(FtExc_TypeError, "unhashable type: '%s'", tname(self));
        return -1;
    }
    FtObject *r = call0(self, FT_IDX___hash__, NULL);
    if (r == NULL)
        return -1;
    if (!FT_INT_CHECK(r)) {
        ft_err_set_string(FtExc_TypeError,
                          "__hash__ method should return an integer");
        FT_DECREF(r);
        return -1;
    }
    /* a big result is reduced as CPython does: by int's own hash */
    ft_hash_t h = FT_INT_IS_SMALL(r) ? (ft_hash_t)FT_INT_VALUE(r)
                                     : ft_object_hash(r);
    FT_DECREF(r);
    return h == -1 ? -2 : h;
}

static FtObject *slot_richcompare(FtObject *self, FtObject *other, int op)
{
    int missing = 0;
    FtObject *r = call1(self, rich_idx[op], other, &missing);
    if (missing)
        FT_RETURN_NOTIMPLEMENTED;
    return r;
}

static int slot_bool(FtObject *self)
{
    int missing = 0;
    FtObject *r = call0(self, FT_IDX___bool__, &missing);
    if (r == NULL) {
        if (!missing)
            return -1;
        FtType *t = FT_TYPE(self);
        if (t->tp_len != NULL) {
            ssize_t n = t->tp_len(self);
            return n < 0 ? -1 : n > 0;
        }
        return 1;
    }
    if (!FT_BOOL_CHECK(r)) {
        ft_err_format(FtExc_TypeError, "__bool__ should return bool, returned %s",
                      tname(r));
        FT_DECREF(r);
        return -1;
    }
    int v = r == FT_True;
    FT_DECREF(r);
    return v;
}

static ssize_t slot_len(FtObject *self)
{
    int missing = 0;
    FtObject *r = call0(self, FT_IDX___len__, &missing);
    if (r == NULL) {
        if (missing)
            ft_err_format(FtExc_TypeError, "object of type '%s' has no len()",
                          tname(self));
        return -1;
    }
    int64_t n;
    int rc = ft_number_as_i64(r, &n);
    FT_DECREF(r);
    if (rc < 0)
        return -1;
    if (n < 0) {
        ft_err_set_string(FtExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return (ssize_t)n;
}

static FtObject *slot_getitem(FtObject *self, FtObject *key)
{
    int missing = 0;
    FtObject *r = call1(self, FT_IDX___getitem__, key, &missing);
    if (missing)
        ft_err_format(FtExc_TypeError, "'%s' object is not subscriptable",
                      tname(self));
    return r;
}

static int slot_setitem(FtObject *self, FtObject *key, FtObject *value)
{
    int missing = 0;
    FtObject *r;
    if (value != NULL) {
        FtObject *args[2] = {key, value};
        r = ft_call_special(self, FT_ID(__setitem__), args, 2, NULL, &missing);
        if (missing)
            ft_err_format(FtExc_TypeError,
                          "'%s' object does not support item assignment",
                          tname(self));
    } else {
        r = call1(self, FT_IDX___delitem__, key, &missing);
        if (missing)
            ft_err_format(FtExc_TypeError,
                          "'%s' object doesn't support item deletion",
                          tname(self));
    }
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

static int slot_contains(FtObject *self, FtObject *item)
{
    int missing = 0;
    FtObject *r = call1(self, FT_IDX___contains__, item, &missing);
    if (r == NULL)
        return missing ? ft_contains_by_iter(self, item) : -1;
    int v = ft_object_is_true(r);
    FT_DECREF(r);
    return v;
}

static FtObject *slot_iter(FtObject *self)
{
    FtObject *f = ft_type_lookup_fast(FT_TYPE(self), FT_ID(__iter__));
    if (f == NULL || f == FT_None) {
        ft_err_format(FtExc_TypeError, "'%s' object is not iterable",
                      tname(self));
        return NULL;
    }
    return call0(self, FT_IDX___iter__, NULL);
}

static FtObject *slot_iternext(FtObject *self)
{
    int missing = 0;
    FtObject *r = call0(self, FT_IDX___next__, &missing);
    if (r == NULL) {
        if (missing)
            ft_err_format(FtExc_TypeError, "'%s' object is not an iterator",
                          tname(self));
        else if (ft_err_matches(FtExc_StopIteration))
            ft_err_clear(); /* the end, by tp_iternext's convention */
    }
    return r;
}

static FtObject *slot_call(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    int missing = 0;
    FtObject *r = ft_call_special(self, FT_ID(__call__), args, nargs, kwnames,
                                  &missing);
    if (missing)
        ft_err_format(FtExc_TypeError, "'%s' object is not callable",
                      tname(self));
    return r;
}

static int is_generic_getattribute(FtObject *f)
{
    return f == NULL ||
           (FT_TYPE(f) == &FtWrapperDescr_Type &&
            ((FtWrapperDescrObject *)f)->type->tp_getattr ==
                ft_object_generic_getattr);
}

static FtObject *slot_getattr(FtObject *self, FtObject *name)
{
    FtType *t = FT_TYPE(self);
    FtObject *ga = ft_type_lookup_fast(t, FT_ID(__getattribute__));
    int has_getattr = ft_type_lookup_fast(t, FT_ID(__getattr__)) != NULL;
    FtObject *r;
    if (is_generic_getattribute(ga))
        r = ft_generic_getattr_ex(self, name, has_getattr);
    else
        r = call1(self, FT_IDX___getattribute__, name, NULL);
    if (r != NULL || !has_getattr)
        return r;
    if (ft_err_occurred()) {
        if (!ft_err_matches(FtExc_AttributeError))
            return NULL;
        ft_err_clear();
    }
    return call1(self, FT_IDX___getattr__, name, NULL);
}

static int slot_setattr(FtObject *self, FtObject *name, FtObject *value)
{
    FtObject *r;
    if (value != NULL) {
        FtObject *args[2] = {name, value};
        r = ft_call_special(self, FT_ID(__setattr__), args, 2, NULL, NULL);
    } else {
        r = call1(self, FT_IDX___delattr__, name, NULL);
    }
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

static FtObject *slot_descr_get(FtObject *self, FtObject *obj, FtObject *type)
{
    if (ft_type_lookup_fast(FT_TYPE(self), FT_ID(__get__)) == NULL)
        return FT_NEWREF(self);
    FtObject *args[2] = {obj != NULL ? obj : FT_None,
                         type != NULL ? type : FT_None};
    return ft_call_special(self, FT_ID(__get__), args, 2, NULL, NULL);
}

static int slot_descr_set(FtObject *self, FtObject *obj, FtObject *value)
{
    FtObject *r;
    if (value != NULL) {
        FtObject *args[2] = {obj, value};
        r = ft_call_special(self, FT_ID(__set__), args, 2, NULL, NULL);
    } else {
        r = call1(self, FT_IDX___delete__, obj, NULL);
    }
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

static FtObject *slot_binop(FtObject *a, FtObject *b, int op);

/* type(b) overrides the reflected method that type(a) has. */
static int overrides(FtType *tb, FtType *ta, FtObject *name)
{
    return ft_type_lookup_fast(tb, name) != ft_type_lookup_fast(ta, name);
}

/* Both operand types may be classes with dunders: the dispatcher calls
 * this one slot function once, so it tries a.__op__(b) and b.__rop__(a)
 * itself, the subclass's reflected method first (CPython's SLOT1BINFULL). */
static FtObject *slot_binop(FtObject *a, FtObject *b, int op)
{
    FtType *ta = FT_TYPE(a), *tb = FT_TYPE(b);
    FtObject *rname = ft_ids[rbinop_idx[op]];
    int do_other = ta != tb && tb->tp_binop == slot_binop;
    int missing;
    FtObject *r;
    if (ta->tp_binop == slot_binop) {
        if (do_other && ft_type_is_subtype(tb, ta) && overrides(tb, ta, rname)) {
            missing = 0;
            r = ft_call_special(b, rname, &a, 1, NULL, &missing);
            if (!missing) {
                if (r != FT_NotImplemented)
                    return r;
                FT_DECREF(r);
            }
            do_other = 0;
        }
        missing = 0;
        r = call1(a, binop_idx[op], b, &missing);
        if (!missing) {
            if (r != FT_NotImplemented || ta == tb)
                return r;
            FT_DECREF(r);
        }
    }
    if (do_other) {
        missing = 0;
        r = ft_call_special(b, rname, &a, 1, NULL, &missing);
        if (!missing)
            return r;
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *slot_inplace(FtObject *a, FtObject *b, int op)
{
    int missing = 0;
    FtObject *r = call1(a, ibinop_idx[op], b, &missing);
    if (missing)
        FT_RETURN_NOTIMPLEMENTED;
    return r;
}

static FtObject *slot_unary(FtObject *a, int op)
{
    int missing = 0;
    FtObject *r = call0(a, unary_idx[op], &missing);
    if (missing)
        FT_RETURN_NOTIMPLEMENTED;
    return r;
}

static int slot_init(FtObject *self, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    FtObject *r =
        ft_call_special(self, FT_ID(__init__), args, nargs, kwnames, NULL);
    if (r == NULL)
        return -1;
    if (r != FT_None) {
        ft_err_format(FtExc_TypeError,
                      "__init__() should return None, not '%s'", tname(r));
        FT_DECREF(r);
        return -1;
    }
    FT_DECREF(r);
    return 0;
}

static FtObject *slot_new(FtType *type, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    FtObject *f = ft_type_lookup_ref(type, FT_ID(__new__));
    if (f == NULL) {
        ft_err_format(FtExc_TypeError, "cannot create '%s' instances",
                      type->tp_name);
        return NULL;
    }
    FtObject *func;
    if (FT_TYPE(f) == &FtStaticMethod_Type)
        func = FT_NEWREF(((FtStaticMethodObject *)f)->callable);
    else if (FT_TYPE(f)->tp_descr_get != NULL)
        func = FT_TYPE(f)->tp_descr_get(f, NULL, (FtObject *)type);
    else
        func = FT_NEWREF(f);
    FT_DECREF(f);
    if (func == NULL)
        return NULL;
    FtObject *r = ft_call_prepend(func, (FtObject *)type, args, nargs, kwnames);
    FT_DECREF(func);
    return r;
}

/* ---- slot wrappers: call a C slot from Python ------------------------------ */

static int check_args(const FtSlotDef *sd, size_t nargs, FtObject *kwnames,
                      size_t n)
{
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError, "wrapper %U() takes no keyword arguments",
                      NAME(sd));
        return -1;
    }
    if (nargs != n) {
        ft_err_format(FtExc_TypeError, "expected %zd argument%s, got %zd",
                      (ssize_t)n, n == 1 ? "" : "s", (ssize_t)nargs);
        return -1;
    }
    return 0;
}

#define WRAPPER(name)                                                          \
    static FtObject *name(FtType *t, const FtSlotDef *sd, FtObject *self,      \
                          FtObject *const *args, size_t nargs,                 \
                          FtObject *kwnames)

static FtObject *none_or_null(int rc)
{
    if (rc < 0)
        return NULL;
    FT_RETURN_NONE;
}

WRAPPER(wrap_unaryfunc)
{
    if (check_args(sd, nargs, kwnames, 0) < 0)
        return NULL;
    return ((ft_unaryfunc)slot_get(t, sd->offset))(self);
}

WRAPPER(wrap_hash)
{
    if (check_args(sd, nargs, kwnames, 0) < 0)
        return NULL;
    ft_hash_t h = t->tp_hash(self);
    if (h == -1 && ft_err_occurred())
        return NULL;
    return ft_int_from_i64(h);
}

WRAPPER(wrap_richcmp)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return t->tp_richcompare(self, args[0], sd->op);
}

WRAPPER(wrap_bool)
{
    if (check_args(sd, nargs, kwnames, 0) < 0)
        return NULL;
    int r = t->tp_bool(self);
    return r < 0 ? NULL : ft_bool_from(r);
}

WRAPPER(wrap_len)
{
    if (check_args(sd, nargs, kwnames, 0) < 0)
        return NULL;
    ssize_t n = t->tp_len(self);
    return n < 0 ? NULL : ft_int_from_i64(n);
}

WRAPPER(wrap_getitem)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return t->tp_getitem(self, args[0]);
}

WRAPPER(wrap_setitem)
{
    if (check_args(sd, nargs, kwnames, 2) < 0)
        return NULL;
    return none_or_null(t->tp_setitem(self, args[0], args[1]));
}

WRAPPER(wrap_delitem)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return none_or_null(t->tp_setitem(self, args[0], NULL));
}

WRAPPER(wrap_contains)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    int r = t->tp_contains(self, args[0]);
    return r < 0 ? NULL : ft_bool_from(r);
}

WRAPPER(wrap_next)
{
    if (check_args(sd, nargs, kwnames, 0) < 0)
        return NULL;
    FtObject *r = t->tp_iternext(self);
    if (r == NULL && !ft_err_occurred())
        ft_err_set_none(FtExc_StopIteration);
    return r;
}

WRAPPER(wrap_call) { return t->tp_call(self, args, nargs, kwnames); }

static int check_attr_name(FtObject *name)
{
    if (FT_STR_CHECK(name))
        return 0;
    ft_err_format(FtExc_TypeError, "attribute name must be string, not '%s'",
                  tname(name));
    return -1;
}

WRAPPER(wrap_getattr)
{
    if (check_args(sd, nargs, kwnames, 1) < 0 || check_attr_name(args[0]) < 0)
        return NULL;
    return t->tp_getattr(self, args[0]);
}

WRAPPER(wrap_setattr)
{
    if (check_args(sd, nargs, kwnames, 2) < 0 || check_attr_name(args[0]) < 0)
        return NULL;
    return none_or_null(t->tp_setattr(self, args[0], args[1]));
}

WRAPPER(wrap_delattr)
{
    if (check_args(sd, nargs, kwnames, 1) < 0 || check_attr_name(args[0]) < 0)
        return NULL;
    return none_or_null(t->tp_setattr(self, args[0], NULL));
}

WRAPPER(wrap_descr_get)
{
    if (nargs == 1 || nargs == 2) {
        if (check_args(sd, 0, kwnames, 0) < 0)
            return NULL;
    } else {
        ft_err_format(FtExc_TypeError, "expected 1 or 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *obj = args[0] == FT_None ? NULL : args[0];
    FtObject *type = nargs > 1 && args[1] != FT_None ? args[1] : NULL;
    if (obj == NULL && type == NULL) {
        ft_err_set_string(FtExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return t->tp_descr_get(self, obj, type);
}

WRAPPER(wrap_descr_set)
{
    if (check_args(sd, nargs, kwnames, 2) < 0)
        return NULL;
    return none_or_null(t->tp_descr_set(self, args[0], args[1]));
}

WRAPPER(wrap_descr_delete)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return none_or_null(t->tp_descr_set(self, args[0], NULL));
}

WRAPPER(wrap_binop)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return t->tp_binop(self, args[0], sd->op);
}

WRAPPER(wrap_rbinop)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return t->tp_binop(args[0], self, sd->op);
}

WRAPPER(wrap_inplace)
{
    if (check_args(sd, nargs, kwnames, 1) < 0)
        return NULL;
    return t->tp_inplace(self, args[0], sd->op);
}

WRAPPER(wrap_unaryop)
{
    if (check_args(sd, nargs, kwnames, 0) < 0)
        return NULL;
    return t->tp_unary(self, sd->op);
}

WRAPPER(wrap_init)
{
    return none_or_null(t->tp_init(self, args, nargs, kwnames));
}

/* __new__ of a static type is a built-in method bound to the type:
 * object.__new__(cls, ...) checks cls and calls the C tp_new. */
static FtObject *tp_new_wrapper(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    FtType *t = (FtType *)self;
    if (nargs < 1) {
        ft_err_format(FtExc_TypeError, "%s.__new__(): not enough arguments",
                      t->tp_name);
        return NULL;
    }
    FtObject *arg0 = args[0];
    if (!FT_TYPE_CHECK(arg0)) {
        ft_err_format(FtExc_TypeError,
                      "%s.__new__(X): X is not a type object (%s)", t->tp_name,
                      tname(arg0));
        return NULL;
    }
    FtType *sub = (FtType *)arg0;
    if (!ft_type_is_subtype(sub, t)) {
        ft_err_format(FtExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                      t->tp_name, sub->tp_name, sub->tp_name, t->tp_name);
        return NULL;
    }
    /* the nearest C base of sub must allocate the same way as t */
    FtType *staticbase = sub;
    while (staticbase != NULL && staticbase->tp_new == slot_new)
        staticbase = staticbase->tp_base;
    if (staticbase != NULL && staticbase->tp_new != t->tp_new) {
        ft_err_format(FtExc_TypeError,
                      "%s.__new__(%s) is not safe, use %s.__new__()",
                      t->tp_name, sub->tp_name, staticbase->tp_name);
        return NULL;
    }
    return t->tp_new(sub, args + 1, nargs - 1, kwnames);
}

static FtMethodDef tp_new_def = {
    "__new__", tp_new_wrapper, FT_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."};

int ft_is_tp_new_wrapper(FtObject *o)
{
    return FT_TYPE(o) == &FtCFunction_Type &&
           ((FtCFunctionObject *)o)->def == &tp_new_def;
}

/* ---- the table ------------------------------------------------------------- */

#define G(f) ((ft_anyslot)(f))
#define RICH(i, op)                                                            \
    {FT_IDX_##i, SLOT(tp_richcompare), G(slot_richcompare), wrap_richcmp, op}
#define BIN(i, op) {FT_IDX_##i, SLOT(tp_binop), G(slot_binop), wrap_binop, op}
#define RBIN(i, op) {FT_IDX_##i, SLOT(tp_binop), G(slot_binop), wrap_rbinop, op}
#define IBIN(i, op)                                                            \
    {FT_IDX_##i, SLOT(tp_inplace), G(slot_inplace), wrap_inplace, op}
#define UN(i, op) {FT_IDX_##i, SLOT(tp_unary), G(slot_unary), wrap_unaryop, op}

/* Entries for one slot field are consecutive. */
static const FtSlotDef slotdefs[] = {
    {FT_IDX___repr__, SLOT(tp_repr), G(slot_repr), wrap_unaryfunc, 0},
    {FT_IDX___str__, SLOT(tp_str), G(slot_str), wrap_unaryfunc, 0},
    {FT_IDX___hash__, SLOT(tp_hash), G(slot_hash), wrap_hash, 0},
    RICH(__lt__, FT_LT),
    RICH(__le__, FT_LE),
    RICH(__eq__, FT_EQ),
    RICH(__ne__, FT_NE),
    RICH(__gt__, FT_GT),
    RICH(__ge__, FT_GE),
    {FT_IDX___bool__, SLOT(tp_bool), G(slot_bool), wrap_bool, 0},
    {FT_IDX___len__, SLOT(tp_len), G(slot_len), wrap_len, 0},
    {FT_IDX___getitem__, SLOT(tp_getitem), G(slot_getitem), wrap_getitem, 0},
    {FT_IDX___setitem__, SLOT(tp_setitem), G(slot_setitem), wrap_setitem, 0},
    {FT_IDX___delitem__, SLOT(tp_setitem), G(slot_setitem), wrap_delitem, 0},
    {FT_IDX___contains__, SLOT(tp_contains), G(slot_contains), wrap_contains,
     0},
    {FT_IDX___iter__, SLOT(tp_iter), G(slot_iter), wrap_unaryfunc, 0},
    {FT_IDX___next__, SLOT(tp_iternext), G(slot_iternext), wrap_next, 0},
    {FT_IDX___call__, SLOT(tp_call), G(slot_call), wrap_call, 0},
    {FT_IDX___getattribute__, SLOT(tp_getattr), G(slot_getattr), wrap_getattr,
     0},
    {FT_IDX___getattr__, SLOT(tp_getattr), G(slot_getattr), NULL, 0},
    {FT_IDX___setattr__, SLOT(tp_setattr), G(slot_setattr), wrap_setattr, 0},
    {FT_IDX___delattr__, SLOT(tp_setattr), G(slot_setattr), wrap_delattr, 0},
    {FT_IDX___get__, SLOT(tp_descr_get), G(slot_descr_get), wrap_descr_get, 0},
    {FT_IDX___set__, SLOT(tp_descr_set), G(slot_descr_set), wrap_descr_set, 0},
    {FT_IDX___delete__, SLOT(tp_descr_set), G(slot_descr_set),
     wrap_descr_delete, 0},
    BIN(__add__, FT_OP_ADD),
    BIN(__sub__, FT_OP_SUB),
    BIN(__mul__, FT_OP_MUL),
    BIN(__truediv__, FT_OP_TRUEDIV),
    BIN(__floordiv__, FT_OP_FLOORDIV),
    BIN(__mod__, FT_OP_MOD),
    BIN(__pow__, FT_OP_POW),
    BIN(__lshift__, FT_OP_LSHIFT),
    BIN(__rshift__, FT_OP_RSHIFT),
    BIN(__and__, FT_OP_AND),
    BIN(__or__, FT_OP_OR),
    BIN(__xor__, FT_OP_XOR),
    BIN(__matmul__, FT_OP_MATMUL),
    RBIN(__radd__, FT_OP_ADD),
    RBIN(__rsub__, FT_OP_SUB),
    RBIN(__rmul__, FT_OP_MUL),
    RBIN(__rtruediv__, FT_OP_TRUEDIV),
    RBIN(__rfloordiv__, FT_OP_FLOORDIV),
    RBIN(__rmod__, FT_OP_MOD),
    RBIN(__rpow__, FT_OP_POW),
    RBIN(__rlshift__, FT_OP_LSHIFT),
    RBIN(__rrshift__, FT_OP_RSHIFT),
    RBIN(__rand__, FT_OP_AND),
    RBIN(__ror__, FT_OP_OR),
    RBIN(__rxor__, FT_OP_XOR),
    RBIN(__rmatmul__, FT_OP_MATMUL),
    IBIN(__iadd__, FT_OP_ADD),
    IBIN(__isub__, FT_OP_SUB),
    IBIN(__imul__, FT_OP_MUL),
    IBIN(__itruediv__, FT_OP_TRUEDIV),
    IBIN(__ifloordiv__, FT_OP_FLOORDIV),
    IBIN(__imod__, FT_OP_MOD),
    IBIN(__ipow__, FT_OP_POW),
    IBIN(__ilshift__, FT_OP_LSHIFT),
    IBIN(__irshift__, FT_OP_RSHIFT),
    IBIN(__iand__, FT_OP_AND),
    IBIN(__ior__, FT_OP_OR),
    IBIN(__ixor__, FT_OP_XOR),
    IBIN(__imatmul__, FT_OP_MATMUL),
    UN(__neg__, FT_UNARY_NEG),
    UN(__pos__, FT_UNARY_POS),
    UN(__invert__, FT_UNARY_INVERT),
    UN(__abs__, FT_UNARY_ABS),
    {FT_IDX___init__, SLOT(tp_init), G(slot_init), wrap_init, 0},
    {FT_IDX___new__, SLOT(tp_new), G(slot_new), NULL, 0},
};
#define NSLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])

/* ---- static types ---------------------------------------------------------- */

int ft_slots_add_wrappers(FtType *t)
{
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const FtSlotDef *sd = &slotdefs[i];
        if (slot_get(t, sd->offset) == NULL)
            continue;
        if (sd->offset == SLOT(tp_hash) &&
            t->tp_hash == ft_object_hash_not_implemented)
            continue; /* __hash__ = None (type_ready) */
        if (sd->wrapper == NULL && sd->offset != SLOT(tp_new))
            continue;
        int has = ft_dict_contains(t->tp_dict, NAME(sd));
        if (has < 0)
            return -1;
        if (has)
            continue;
        FtObject *w;
        if (sd->offset == SLOT(tp_new))
            w = ft_cfunction_new(&tp_new_def, (FtObject *)t);
        else
            w = ft_wrapperdescr_new(t, sd);
        if (w == NULL)
            return -1;
        int rc = ft_dict_set(t->tp_dict, NAME(sd), w);
        FT_DECREF(w);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static const size_t inherited_slots[] = {
    SLOT(tp_dealloc),  SLOT(tp_repr),       SLOT(tp_str),
    SLOT(tp_bool),     SLOT(tp_len),        SLOT(tp_getitem),
    SLOT(tp_setitem),  SLOT(tp_contains),   SLOT(tp_iter),
    SLOT(tp_iternext), SLOT(tp_call),       SLOT(tp_getattr),
    SLOT(tp_setattr),  SLOT(tp_descr_get),  SLOT(tp_descr_set),
    SLOT(tp_binop),    SLOT(tp_inplace),    SLOT(tp_unary),
    SLOT(tp_init),
};

void ft_slots_inherit(FtType *t, FtType *base)
{
    for (size_t i = 0; i < sizeof inherited_slots / sizeof inherited_slots[0];
         i++) {
        size_t off = inherited_slots[i];
        if (slot_get(t, off) == NULL)
            slot_set(t, off, slot_get(base, off));
    }
    /* a type that defines equality but no hash is unhashable */
    if (t->tp_richcompare == NULL && t->tp_hash == NULL) {
        t->tp_richcompare = base->tp_richcompare;
        t->tp_hash = base->tp_hash;
    }
    /* a C type without tp_new directly under object cannot be instantiated */
    if (t->tp_new == NULL && base != &FtBaseObject_Type)
        t->tp_new = base->tp_new;
}

/* ---- heap types -------------------------------------------------------------- */

/* Sets one slot field of heap type t from the dunders visible on its MRO.
 * A Python-level definition anywhere wins the generic slot function (which
 * looks the dunder up at call time, so it is always right); C slot wrappers
 * alone mean the slot is inherited from the layout base. */
static void update_group(FtType *t, const FtSlotDef *first, const FtSlotDef *end)
{
    size_t off = first->offset;
    int generic = 0, wrapped = 0, hash_none = 0;
    for (const FtSlotDef *sd = first; sd < end; sd++) {
        FtObject *v = ft_type_lookup(t, NAME(sd));
        if (v == NULL)
            continue;
        if (FT_TYPE(v) == &FtWrapperDescr_Type &&
            ((FtWrapperDescrObject *)v)->slot->offset == off) {
            wrapped = 1;
            continue;
        }
        if (off == SLOT(tp_new) && ft_is_tp_new_wrapper(v)) {
            wrapped = 1;
            continue;
        }
        if (off == SLOT(tp_hash) && v == FT_None) {
            hash_none = 1;
            continue;
        }
        generic = 1;
    }
    ft_anyslot inherited = t->tp_base != NULL ? slot_get(t->tp_base, off) : NULL;
    if (generic)
        slot_set(t, off, first->generic);
    else if (hash_none)
        slot_set(t, off, NULL);
    else if (wrapped && inherited == NULL)
        slot_set(t, off, first->generic);
    else
        slot_set(t, off, inherited);
}

void ft_slots_fixup(FtType *t)
{
    size_t i = 0;
    while (i < NSLOTDEFS) {
        size_t j = i + 1;
        while (j < NSLOTDEFS && slotdefs[j].offset == slotdefs[i].offset)
            j++;
        update_group(t, &slotdefs[i], &slotdefs[j]);
        i = j;
    }
}

static void update_group_rec(FtType *t, const FtSlotDef *first,
                             const FtSlotDef *end)
{
    if (FT_IS_HEAPEXT(t))
        update_group(t, first, end);
    ssize_t n;
    FtType **subs = ft_type_subclasses(t, &n);
    for (ssize_t i = 0; i < n; i++)
        update_group_rec(subs[i], first, end);
}

void ft_slots_update(FtType *t, FtObject *name)
{
    if (!FT_STR_CHECK(name) || FT_STR_NBYTES(name) < 5 ||
        FT_STR_DATA(name)[0] != '_' || FT_STR_DATA(name)[1] != '_')
        return;
    size_t i = 0;
    while (i < NSLOTDEFS) {
        size_t j = i + 1;
        while (j < NSLOTDEFS && slotdefs[j].offset == slotdefs[i].offset)
            j++;
        for (size_t k = i; k < j; k++) {
            if (NAME(&slotdefs[k]) == name || ft_str_eq(NAME(&slotdefs[k]), name)) {
                update_group_rec(t, &slotdefs[i], &slotdefs[j]);
                break;
            }
        }
        i = j;
    }
}
