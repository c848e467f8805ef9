/* objects/abstract.c — the generic operations the eval loop and the
 * built-ins call on any object: repr/str/hash/truth, rich comparison,
 * attribute access (including the LOAD_METHOD fast path), items, iteration,
 * number dispatch with CPython's reflected-operand rules, isinstance.
 */
#include "objects/object.h"

#include <limits.h>
#include <string.h>

#include "objects/typeobject.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

/* ---- recursion guard for C-level recursion (repr of nested lists...) ---- */

static int enter_recursion(const char *where)
{
    FtThreadState *ts = ft_tstate_get();
    if (ts == NULL)
        return 0;
    if (++ts->recursion_depth > ts->recursion_limit &&
        ts->recursion_limit > 0 && ts->recursion_headroom == 0) {
        ts->recursion_depth--;
        ts->recursion_headroom++;
        ft_err_format(FtExc_RecursionError,
                      "maximum recursion depth exceeded%s", where);
        ts->recursion_headroom--;
        return -1;
    }
    return 0;
}

static void leave_recursion(void)
{
    FtThreadState *ts = ft_tstate_get();
    if (ts != NULL)
        ts->recursion_depth--;
}

static const char *tname(FtObject *o) { return FT_TYPE(o)->tp_name; }

/* ---- repr / str / hash / truth ------------------------------------------ */

FtObject *ft_object_repr(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_repr == NULL)
        return ft_slot_default_repr(o);
    if (enter_recursion(" while getting the repr of an object") < 0)
        return NULL;
    FtObject *r = t->tp_repr(o);
    leave_recursion();
    if (r != NULL && !FT_STR_CHECK(r)) {
        ft_err_format(FtExc_TypeError, "__repr__ returned non-string (type %s)",
                      tname(r));
        FT_DECREF(r);
        return NULL;
    }
    return r;
}

FtObject *ft_object_str(FtObject *o)
{
    if (FT_STR_CHECK_EXACT(o))
        return FT_NEWREF(o);
    FtType *t = FT_TYPE(o);
    if (t->tp_str == NULL) {
        if (FT_STR_CHECK(o)) /* a str subclass: its text, not its repr */
            return ft_str_from_len(FT_STR_DATA(o), FT_STR_NBYTES(o));
        return ft_object_repr(o);
    }
    if (enter_recursion(" while getting the str of an object") < 0)
        return NULL;
    FtObject *r = t->tp_str(o);
    leave_recursion();
    if (r != NULL && !FT_STR_CHECK(r)) {
        ft_err_format(FtExc_TypeError, "__str__ returned non-string (type %s)",
                      tname(r));
        FT_DECREF(r);
        return NULL;
    }
    return r;
}

static FtObject *empty_str(void)
{
    static FtObject *empty;
    return ft_intern_static(&empty, "");
}

FtObject *ft_object_format(FtObject *o, FtObject *spec)
{
    if (spec == NULL) {
        spec = empty_str();
        if (spec == NULL)
            return NULL;
    }
    if (FT_STR_CHECK(spec) && FT_STR_NBYTES(spec) == 0) {
        /* format(x, '') is str(x) for the built-in scalars */
        FtType *t = FT_TYPE(o);
        if (t == &FtStr_Type)
            return FT_NEWREF(o);
        if (t == &FtInt_Type || t == &FtFloat_Type)
            return ft_object_str(o);
    }
    FtObject *r = ft_call_special(o, FT_ID(__format__), &spec, 1, NULL, NULL);
    if (r != NULL && !FT_STR_CHECK(r)) {
        ft_err_format(FtExc_TypeError, "__format__ must return a str, not %s",
                      tname(r));
        FT_DECREF(r);
        return NULL;
    }
    return r;
}

ft_hash_t ft_object_hash(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_hash != NULL)
        return t->tp_hash(o);
    if (!(t->tp_flags & FT_TPFLAGS_READY)) {
        if (ft_type_ready(t) < 0)
            return -1;
        if (t->tp_hash != NULL)
            return t->tp_hash(o);
    }
    ft_err_format(FtExc_TypeError, "unhashable type: '%s'", t->tp_name);
    return -1;
}

ft_hash_t ft_object_hash_not_implemented(FtObject *o)
{
    ft_err_format(FtExc_TypeError, "unhashable type: '%s'",
                  ft_type_name(FT_TYPE(o)));
    return -1;
}

int ft_object_is_true(FtObject *o)
{
    if (o == FT_True)
        return 1;
    if (o == FT_False || o == FT_None)
        return 0;
    FtType *t = FT_TYPE(o);
    if (t->tp_bool != NULL)
        return t->tp_bool(o);
    if (t->tp_len != NULL) {
        ssize_t n = t->tp_len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int ft_object_not(FtObject *o)
{
    int r = ft_object_is_true(o);
    return r < 0 ? r : !r;
}

/* ---- rich comparison ----------------------------------------------------- */

static const int swapped_op[] = {FT_GT, FT_GE, FT_EQ, FT_NE, FT_LT, FT_LE};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static FtObject *do_richcompare(FtObject *a, FtObject *b, int op)
{
    FtType *ta = FT_TYPE(a), *tb = FT_TYPE(b);
    int checked_reverse = 0;
    FtObject *r;
    if (ta != tb && tb->tp_richcompare != NULL && ft_type_is_subtype(tb, ta)) {
        /* a subclass on the right gets the first say */
        checked_reverse = 1;
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    if (ta->tp_richcompare != NULL) {
        r = ta->tp_richcompare(a, b, op);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    if (!checked_reverse && tb->tp_richcompare != NULL) {
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    switch (op) {
    case FT_EQ:
        return ft_bool_from(a == b);
    case FT_NE:
        return ft_bool_from(a != b);
    default:
        ft_err_format(FtExc_TypeError,
                      "'%s' not supported between instances of '%s' and '%s'",
                      cmp_symbols[op], ta->tp_name, tb->tp_name);
        return NULL;
    }
}

FtObject *ft_object_richcompare(FtObject *a, FtObject *b, int op)
{
    if (enter_recursion(" in comparison") < 0)
        return NULL;
    FtObject *r = do_richcompare(a, b, op);
    leave_recursion();
    return r;
}

int ft_object_richcompare_bool(FtObject *a, FtObject *b, int op)
{
    if (a == b) {
        if (op == FT_EQ)
            return 1;
        if (op == FT_NE)
            return 0;
    }
    FtType *ta = FT_TYPE(a);
    if (ta == FT_TYPE(b)) {
        if (ta == &FtInt_Type)
            return ft_compare_int(op, ft_int_compare(a, b), 0);
        if (ta == &FtStr_Type && (op == FT_EQ || op == FT_NE))
            return ft_str_eq(a, b) == (op == FT_EQ);
    }
    FtObject *r = ft_object_richcompare(a, b, op);
    if (r == NULL)
        return -1;
    int t = ft_object_is_true(r);
    FT_DECREF(r);
    return t;
}

/* ---- attributes ----------------------------------------------------------- */

static int check_name(FtObject *name)
{
    if (!FT_STR_CHECK(name)) {
        ft_err_format(FtExc_TypeError,
                      "attribute name must be string, not '%s'", tname(name));
        return -1;
    }
    return 0;
}

static ft_hash_t name_hash(FtObject *name)
{
    ft_hash_t h = ((FtStrObject *)name)->hash;
    return h != -1 ? h : ft_str_hash(name);
}

FtObject **ft_object_dict_ptr(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    ssize_t off = t->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        /* var-size heap instance: the dict pointer is the last word. str
         * keeps its code-point length where ob_size would be; it allocates
         * nbytes + 1 items. */
        ssize_t n = FT_STR_CHECK(o) ? FT_STR_NBYTES(o) + 1 : FT_SIZE(o);
        if (n < 0)
            n = -n;
        size_t size = (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize;
        size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
        return (FtObject **)((char *)o + size + off);
    }
    return (FtObject **)((char *)o + off);
}

FtObject *ft_object_dict_get_or_create(FtObject **dp)
{
    FtObject *d = ft_object_dict_load(dp);
    if (d != NULL)
        return d;
    /* Installed with a CAS, so that of two threads' first assignments one
     * dict wins and the other is dropped; the CAS's release publishes the
     * new dict to the readers that load the slot. */
    FtObject *nd = ft_dict_new();
    if (nd == NULL)
        return NULL;
    if (ft_atomic_cas_ptr_full((void *volatile *)dp, NULL, nd))
        return nd;
    FT_DECREF(nd);
    return ft_object_dict_load(dp);
}

void ft_object_dict_replace(FtObject **dp, FtObject *value)
{
    FtObject *old;
    do
        old = ft_object_dict_load(dp);
    while (!ft_atomic_cas_ptr_full((void *volatile *)dp, old, value));
    ft_qsbr_defer_decref(old);
}

/* Sets AttributeError's name and obj (3.11's "Did you mean" needs them). */
static void attach_attr_info(FtObject *o, FtObject *name)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return;
    FtObject **dp = ft_object_dict_ptr(exc);
    if (dp != NULL) {
        FtObject *d = ft_object_dict_get_or_create(dp);
        if (d == NULL || ft_dict_set_str(d, "name", name) < 0 ||
            ft_dict_set_str(d, "obj", o) < 0)
            ft_err_clear();
    }
    ft_err_restore(exc);
}

FtObject *ft_attribute_error(FtObject *o, FtObject *name)
{
    if (FT_TYPE_CHECK(o))
        ft_err_format(FtExc_AttributeError,
                      "type object '%s' has no attribute '%U'",
                      ((FtType *)o)->tp_name, name);
    else
        ft_err_format(FtExc_AttributeError, "'%s' object has no attribute '%U'",
                      tname(o), name);
    attach_attr_info(o, name);
    return NULL;
}

FtObject *ft_generic_getattr_ex(FtObject *o, FtObject *name, int suppress)
{
    FtType *t = FT_TYPE(o);
    if (check_name(name) < 0)
        return NULL;
    FtObject *descr = ft_type_lookup_ref(t, name);
    ft_descrgetfunc get = NULL;
    FtObject *r;
    if (descr != NULL) {
        get = FT_TYPE(descr)->tp_descr_get;
        if (get != NULL && FT_TYPE(descr)->tp_descr_set != NULL) {
            r = get(descr, o, (FtObject *)t);
            FT_DECREF(descr);
            goto done;
        }
    }
    if (t->tp_dictoffset != 0) {
        FtObject *d = ft_object_dict_load(ft_object_dict_ptr(o));
        if (d != NULL) {
            r = ft_dict_get_hashed(d, name, name_hash(name));
            if (r != NULL || ft_err_occurred()) {
                FT_XDECREF(descr);
                return r;
            }
        }
    }
    if (get != NULL) {
        r = get(descr, o, (FtObject *)t);
        FT_DECREF(descr);
        goto done;
    }
    if (descr != NULL)
        return descr;
    if (!suppress)
        ft_attribute_error(o, name);
    return NULL;
done:
    if (r == NULL && suppress && ft_err_matches(FtExc_AttributeError))
        ft_err_clear();
    return r;
}

FtObject *ft_object_generic_getattr(FtObject *o, FtObject *name)
{
    return ft_generic_getattr_ex(o, name, 0);
}

int ft_object_generic_setattr(FtObject *o, FtObject *name, FtObject *value)
{
    FtType *t = FT_TYPE(o);
    if (check_name(name) < 0)
        return -1;
    FtObject *descr = ft_type_lookup_ref(t, name);
    if (descr != NULL) {
        ft_descrsetfunc set = FT_TYPE(descr)->tp_descr_set;
        if (set != NULL) {
            int r = set(descr, o, value);
            FT_DECREF(descr);
            return r;
        }
        FT_DECREF(descr); /* only its presence matters below */
    }
    FtObject **dp = ft_object_dict_ptr(o);
    if (dp == NULL) {
        if (descr != NULL)
            ft_err_format(FtExc_AttributeError,
                          "'%s' object attribute '%U' is read-only", t->tp_name,
                          name);
        else
            ft_attribute_error(o, name);
        return -1;
    }
    if (value == NULL) {
        FtObject *d = ft_object_dict_load(dp);
        if (d == NULL || ft_dict_del(d, name) < 0) {
            if (d != NULL && !ft_err_matches(FtExc_KeyError))
                return -1;
            ft_err_clear();
            ft_attribute_error(o, name);
            return -1;
        }
        return 0;
    }
    FtObject *d = ft_object_dict_get_or_create(dp);
    if (d == NULL)
        return -1;
    return ft_dict_set(d, name, value);
}

FtObject *ft_object_getattr(FtObject *o, FtObject *name)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_getattr == ft_object_generic_getattr || t->tp_getattr == NULL)
        return ft_generic_getattr_ex(o, name, 0);
    if (check_name(name) < 0)
        return NULL;
    return t->tp_getattr(o, name);
}

FtObject *ft_object_getattr_str(FtObject *o, const char *name)
{
    FtObject *n = ft_str_intern_cstr(name);
    if (n == NULL)
        return NULL;
    FtObject *r = ft_object_getattr(o, n);
    FT_DECREF(n);
    return r;
}

FtObject *ft_object_lookup_attr(FtObject *o, FtObject *name)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_getattr == ft_object_generic_getattr || t->tp_getattr == NULL)
        return ft_generic_getattr_ex(o, name, 1);
    FtObject *r = ft_object_getattr(o, name);
    if (r == NULL && ft_err_matches(FtExc_AttributeError))
        ft_err_clear();
    return r;
}

int ft_object_hasattr(FtObject *o, FtObject *name)
{
    FtObject *r = ft_object_lookup_attr(o, name);
    if (r == NULL)
        return ft_err_occurred() ? -1 : 0;
    FT_DECREF(r);
    return 1;
}

int ft_object_setattr(FtObject *o, FtObject *name, FtObject *value)
{
    FtType *t = FT_TYPE(o);
    if (FT_STR_CHECK_EXACT(name) && ((FtStrObject *)name)->interned) {
        /* the common case: a name from co_names */
        if (t->tp_setattr != NULL)
            return t->tp_setattr(o, name, value);
        return ft_object_generic_setattr(o, name, value);
    }
    if (check_name(name) < 0)
        return -1;
    int r;
    if (FT_STR_CHECK_EXACT(name)) {
        /* stored names are interned so later lookups hit the method cache
         * and compare by pointer */
        FT_INCREF(name);
        name = ft_str_intern(name);
        if (name == NULL)
            return -1;
    } else {
        FT_INCREF(name);
    }
    if (t->tp_setattr != NULL)
        r = t->tp_setattr(o, name, value);
    else
        r = ft_object_generic_setattr(o, name, value);
    FT_DECREF(name);
    return r;
}

int ft_object_setattr_str(FtObject *o, const char *name, FtObject *value)
{
    FtObject *n = ft_str_intern_cstr(name);
    if (n == NULL)
        return -1;
    int r = ft_object_setattr(o, n, value);
    FT_DECREF(n);
    return r;
}

int ft_object_delattr(FtObject *o, FtObject *name)
{
    return ft_object_setattr(o, name, NULL);
}

static int is_method_kind(FtType *dt)
{
    return dt == &FtFunction_Type || dt == &FtMethodDescr_Type ||
           dt == &FtWrapperDescr_Type;
}

int ft_object_get_method(FtObject *o, FtObject *name, FtObject **method)
{
    FtType *t = FT_TYPE(o);
    *method = NULL;
    if ((t->tp_getattr != ft_object_generic_getattr && t->tp_getattr != NULL) ||
        !FT_STR_CHECK(name)) {
        *method = ft_object_getattr(o, name);
        return *method == NULL ? -1 : 0;
    }
    FtObject *descr = ft_type_lookup_ref(t, name);
    ft_descrgetfunc get = NULL;
    int meth_found = 0;
    if (descr != NULL) {
        FtType *dt = FT_TYPE(descr);
        if (is_method_kind(dt)) {
            meth_found = 1;
        } else {
            get = dt->tp_descr_get;
            if (get != NULL && dt->tp_descr_set != NULL) {
                *method = get(descr, o, (FtObject *)t);
                FT_DECREF(descr);
                return *method == NULL ? -1 : 0;
            }
        }
    }
    if (t->tp_dictoffset != 0) {
        FtObject *d = ft_object_dict_load(ft_object_dict_ptr(o));
        if (d != NULL) {
            FtObject *attr = ft_dict_get_hashed(d, name, name_hash(name));
            if (attr != NULL || ft_err_occurred()) {
                FT_XDECREF(descr);
                *method = attr;
                return attr == NULL ? -1 : 0;
            }
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (get != NULL) {
        *method = get(descr, o, (FtObject *)t);
        FT_DECREF(descr);
        return *method == NULL ? -1 : 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    ft_attribute_error(o, name);
    return -1;
}

/* ---- items ---------------------------------------------------------------- */

FtObject *ft_types_call2(FtObject **name_slot, const char *name, FtObject *a,
                         FtObject *b)
{
    static FtObject *types_name;
    if (ft_intern_static(&types_name, "types") == NULL ||
        ft_intern_static(name_slot, name) == NULL)
        return NULL;
    FtObject *mod = ft_import_module(types_name);
    if (mod == NULL)
        return NULL;
    FtObject *f = ft_object_getattr(mod, *name_slot);
    FT_DECREF(mod);
    if (f == NULL)
        return NULL;
    FtObject *r = ft_call2(f, a, b);
    FT_DECREF(f);
    return r;
}

/* list[int] and friends: types.GenericAlias(list, int), written in
 * Python (lib/types.py). */
static FtObject *builtin_generic_alias(FtObject *o, FtObject *key)
{
    static FtObject *alias_name;
    return ft_types_call2(&alias_name, "GenericAlias", o, key);
}

static FtObject *type_subscript(FtObject *o, FtObject *key)
{
    static FtObject *class_getitem;
    FtType *t = (FtType *)o;
    if (ft_intern_static(&class_getitem, "__class_getitem__") == NULL)
        return NULL;
    FtObject *f = ft_type_lookup_ref(t, class_getitem);
    if (f != NULL) {
        FtObject *bound;
        if (FT_TYPE(f)->tp_descr_get != NULL)
            bound = FT_TYPE(f)->tp_descr_get(f, NULL, o);
        else
            bound = FT_NEWREF(f);
        FT_DECREF(f);
        if (bound == NULL)
            return NULL;
        FtObject *r = ft_call1(bound, key);
        FT_DECREF(bound);
        return r;
    }
    if (t == &FtList_Type || t == &FtTuple_Type || t == &FtDict_Type ||
        t == &FtSet_Type || t == &FtType_Type || t == &FtFrozenSet_Type)
        return builtin_generic_alias(o, key);
    ft_err_format(FtExc_TypeError, "type '%s' is not subscriptable", t->tp_name);
    return NULL;
}

FtObject *ft_object_getitem(FtObject *o, FtObject *key)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_getitem != NULL)
        return t->tp_getitem(o, key);
    if (t->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS)
        return type_subscript(o, key);
    ft_err_format(FtExc_TypeError, "'%s' object is not subscriptable",
                  t->tp_name);
    return NULL;
}

int ft_object_setitem(FtObject *o, FtObject *key, FtObject *value)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_setitem != NULL)
        return t->tp_setitem(o, key, value);
    ft_err_format(FtExc_TypeError,
                  "'%s' object does not support item assignment", t->tp_name);
    return -1;
}

int ft_object_delitem(FtObject *o, FtObject *key)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_setitem != NULL)
        return t->tp_setitem(o, key, NULL);
    ft_err_format(FtExc_TypeError, "'%s' object doesn't support item deletion",
                  t->tp_name);
    return -1;
}

ssize_t ft_object_len(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_len != NULL)
        return t->tp_len(o);
    ft_err_format(FtExc_TypeError, "object of type '%s' has no len()",
                  t->tp_name);
    return -1;
}

int ft_contains_by_iter(FtObject *c, FtObject *item)
{
    FtType *t = FT_TYPE(c);
    if (t->tp_iter == NULL && t->tp_getitem == NULL) {
        ft_err_format(FtExc_TypeError, "argument of type '%s' is not iterable",
                      t->tp_name);
        return -1;
    }
    FtObject *it = ft_object_iter(c);
    if (it == NULL)
        return -1;
    int found = 0;
    for (;;) {
        FtObject *x = ft_iter_next(it);
        if (x == NULL) {
            if (ft_err_occurred())
                found = -1;
            break;
        }
        int eq = ft_object_richcompare_bool(x, item, FT_EQ);
        FT_DECREF(x);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    FT_DECREF(it);
    return found;
}

int ft_object_contains(FtObject *container, FtObject *item)
{
    FtType *t = FT_TYPE(container);
    if (t->tp_contains != NULL)
        return t->tp_contains(container, item);
    return ft_contains_by_iter(container, item);
}

/* ---- iteration ------------------------------------------------------------ */

FtObject *ft_object_iter_private(FtObject *o)
{
    if (FT_LIST_CHECK_EXACT(o))
        return ft_list_iter_new_private(o);
    if (FT_RANGE_CHECK(o))
        return ft_range_iter_new_private(o);
    return ft_object_iter(o);
}

FtObject *ft_object_iter(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    if (t->tp_iter != NULL) {
        FtObject *it = t->tp_iter(o);
        if (it != NULL && FT_TYPE(it)->tp_iternext == NULL) {
            ft_err_format(FtExc_TypeError,
                          "iter() returned non-iterator of type '%s'", tname(it));
            FT_DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->tp_getitem != NULL)
        return ft_seqiter_new(o);
    ft_err_format(FtExc_TypeError, "'%s' object is not iterable", t->tp_name);
    return NULL;
}

FtObject *ft_iter_next(FtObject *it)
{
    FtType *t = FT_TYPE(it);
    if (t->tp_iternext == NULL) {
        ft_err_format(FtExc_TypeError, "'%s' object is not an iterator",
                      t->tp_name);
        return NULL;
    }
    FtObject *r = t->tp_iternext(it);
    if (r == NULL && ft_err_occurred() && ft_err_matches(FtExc_StopIteration))
        ft_err_clear();
    return r;
}

/* ---- numbers -------------------------------------------------------------- */

/* CPython's binary_op1: a's slot, then b's; b's first if b's type is a
 * proper subclass of a's. Returns NotImplemented (new ref) if neither. */
static FtObject *binop1(FtObject *a, FtObject *b, int op)
{
    FtType *ta = FT_TYPE(a), *tb = FT_TYPE(b);
    ft_binopfunc sa = ta->tp_binop, sb = NULL;
    FtObject *r;
    if (tb != ta) {
        sb = tb->tp_binop;
        if (sb == sa)
            sb = NULL;
    }
    if (sa != NULL) {
        if (sb != NULL && ft_type_is_subtype(tb, ta)) {
            r = sb(a, b, op);
            if (r != FT_NotImplemented)
                return r;
            FT_DECREF(r);
            sb = NULL;
        }
        r = sa(a, b, op);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    if (sb != NULL) {
        r = sb(a, b, op);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

/* "str" / "list" / "tuple" if o is one of the built-in sequences. */
static const char *sequence_kind(FtObject *o)
{
    if (FT_STR_CHECK(o))
        return "str";
    if (FT_LIST_CHECK(o))
        return "list";
    if (FT_TUPLE_CHECK(o))
        return "tuple";
    return NULL;
}

static void binop_type_error(FtObject *a, FtObject *b, int op, int inplace)
{
    /* CPython reaches sq_concat / sq_repeat after the number slots, and
     * those report in their own words */
    const char *seq;
    if (op == FT_OP_ADD && (seq = sequence_kind(a)) != NULL) {
        ft_err_format(FtExc_TypeError,
                      "can only concatenate %s (not \"%s\") to %s", seq,
                      tname(b), seq);
        return;
    }
    if (op == FT_OP_MUL && (sequence_kind(a) != NULL || sequence_kind(b) != NULL)) {
        ft_err_format(FtExc_TypeError,
                      "can't multiply sequence by non-int of type '%s'",
                      tname(sequence_kind(a) != NULL ? b : a));
        return;
    }
    const char *sym = ft_op_symbols[op];
    if (op == FT_OP_POW && !inplace)
        sym = "** or pow()";
    ft_err_format(FtExc_TypeError,
                  "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
                  inplace ? "=" : "", tname(a), tname(b));
}

FtObject *ft_number_binop(FtObject *a, FtObject *b, int op)
{
    FtObject *r = binop1(a, b, op);
    if (r != FT_NotImplemented)
        return r;
    FT_DECREF(r);
    binop_type_error(a, b, op, 0);
    return NULL;
}

FtObject *ft_number_inplace(FtObject *a, FtObject *b, int op)
{
    ft_binopfunc f = FT_TYPE(a)->tp_inplace;
    FtObject *r;
    if (f != NULL) {
        r = f(a, b, op);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    r = binop1(a, b, op);
    if (r != FT_NotImplemented)
        return r;
    FT_DECREF(r);
    binop_type_error(a, b, op, 1);
    return NULL;
}

FtObject *ft_number_unary(FtObject *a, int op)
{
    ft_unaryopfunc f = FT_TYPE(a)->tp_unary;
    if (f != NULL) {
        FtObject *r = f(a, op);
        if (r != FT_NotImplemented)
            return r;
        FT_DECREF(r);
    }
    switch (op) {
    case FT_UNARY_NEG:
        ft_err_format(FtExc_TypeError, "bad operand type for unary -: '%s'",
                      tname(a));
        break;
    case FT_UNARY_POS:
        ft_err_format(FtExc_TypeError, "bad operand type for unary +: '%s'",
                      tname(a));
        break;
    case FT_UNARY_INVERT:
        ft_err_format(FtExc_TypeError, "bad operand type for unary ~: '%s'",
                      tname(a));
        break;
    default:
        ft_err_format(FtExc_TypeError, "bad operand type for abs(): '%s'",
                      tname(a));
        break;
    }
    return NULL;
}

int ft_number_as_i64(FtObject *o, int64_t *out)
{
    if (FT_INT_CHECK(o))
        return ft_int_as_i64(o, out);
    FtObject *r = ft_number_index(o);
    if (r == NULL)
        return -1;
    int rc = ft_int_as_i64(r, out);
    FT_DECREF(r);
    return rc;
}

FtObject *ft_number_index(FtObject *o)
{
    if (FT_INT_CHECK(o))
        return FT_NEWREF(o);
    int missing = 0;
    FtObject *r = ft_call_special(o, FT_ID(__index__), NULL, 0, NULL, &missing);
    if (r == NULL) {
        if (missing)
            ft_err_format(FtExc_TypeError,
                          "'%s' object cannot be interpreted as an integer",
                          tname(o));
        return NULL;
    }
    if (!FT_INT_CHECK(r)) {
        ft_err_format(FtExc_TypeError, "__index__ returned non-int (type %s)",
                      tname(r));
        FT_DECREF(r);
        return NULL;
    }
    return r;
}

int ft_number_as_c_int(FtObject *o, int *out)
{
    FtObject *r = ft_number_index(o);
    if (r == NULL)
        return -1;
    int64_t v = ft_int_clamped(r); /* big values fail the test below */
    FT_DECREF(r);
    if (v > INT_MAX || v < INT_MIN) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int ft_number_as_double(FtObject *o, double *out)
{
    if (FT_FLOAT_CHECK_EXACT(o)) {
        *out = FT_FLOAT_VALUE(o);
        return 0;
    }
    if (FT_INT_CHECK(o))
        return ft_int_as_double(o, out);
    if (FT_FLOAT_CHECK(o)) {
        *out = FT_FLOAT_VALUE(o);
        return 0;
    }
    int missing = 0;
    FtObject *r = ft_call_special(o, FT_ID(__float__), NULL, 0, NULL, &missing);
    if (r != NULL) {
        if (!FT_FLOAT_CHECK(r)) {
            ft_err_format(FtExc_TypeError,
                          "%s.__float__ returned non-float (type %s)", tname(o),
                          tname(r));
            FT_DECREF(r);
            return -1;
        }
        *out = FT_FLOAT_VALUE(r);
        FT_DECREF(r);
        return 0;
    }
    if (!missing)
        return -1;
    if (ft_type_lookup_fast(FT_TYPE(o), FT_ID(__index__)) != NULL) {
        int64_t v;
        if (ft_number_as_i64(o, &v) < 0)
            return -1;
        *out = (double)v;
        return 0;
    }
    ft_err_format(FtExc_TypeError, "must be real number, not %s", tname(o));
    return -1;
}

/* ---- isinstance / issubclass ---------------------------------------------- */

int ft_type_is_subtype(FtType *a, FtType *b)
{
    if (a == b)
        return 1;
    FtObject *mro = a->tp_mro;
    if (mro != NULL) {
        ssize_t n = FT_TUPLE_SIZE(mro);
        for (ssize_t i = 0; i < n; i++)
            if (FT_TUPLE_GET(mro, i) == (FtObject *)b)
                return 1;
        return 0;
    }
    /* not ready yet: follow the single-inheritance chain */
    for (; a != NULL; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &FtBaseObject_Type;
}

/* A metaclass's (or a non-type's class's) __instancecheck__ or
 * __subclasscheck__, as ABCMeta and typing's aliases define them. Returns 1
 * with *res set when type(cls) overrides type's own hook, 0 when the C
 * check applies, -1 on error. */
static int call_check_hook(FtObject *cls, FtObject *arg, FtObject **slot,
                           const char *name, int *res)
{
    FtObject *nm = ft_intern_static(slot, name);
    if (nm == NULL)
        return -1;
    FtObject *hook = ft_type_lookup_ref(FT_TYPE(cls), nm);
    if (hook == NULL)
        return 0;
    if (hook == ft_type_lookup(&FtType_Type, nm)) {
        FT_DECREF(hook);
        return 0;
    }
    FtObject *r = NULL;
    if (enter_recursion(name[2] == 'i' ? " in __instancecheck__"
                                         : " in __subclasscheck__") == 0) {
        r = ft_call2(hook, cls, arg);
        leave_recursion();
    }
    FT_DECREF(hook);
    if (r == NULL)
        return -1;
    int t = ft_object_is_true(r);
    FT_DECREF(r);
    if (t < 0)
        return -1;
    *res = t;
    return 1;
}

static FtObject *instancecheck_name, *subclasscheck_name;

int ft_object_isinstance(FtObject *o, FtObject *cls)
{
    if ((FtObject *)FT_TYPE(o) == cls)
        return 1;
    if (FT_TYPE(cls) == &FtType_Type)
        return ft_type_is_subtype(FT_TYPE(o), (FtType *)cls);
    if (FT_TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(cls); i++) {
            int r = ft_object_isinstance(o, FT_TUPLE_GET(cls, i));
            if (r != 0)
                return r;
        }
        return 0;
    }
    int res, h = call_check_hook(cls, o, &instancecheck_name,
                                 "__instancecheck__", &res);
    if (h != 0)
        return h < 0 ? -1 : res;
    if (FT_TYPE_CHECK(cls))
        return ft_type_is_subtype(FT_TYPE(o), (FtType *)cls);
    ft_err_set_string(FtExc_TypeError, "isinstance() arg 2 must be a type, "
                                       "a tuple of types, or a union");
    return -1;
}

int ft_object_issubclass(FtObject *derived, FtObject *cls)
{
    if (FT_TYPE(cls) != &FtType_Type && !FT_TUPLE_CHECK(cls)) {
        int res, h = call_check_hook(cls, derived, &subclasscheck_name,
                                     "__subclasscheck__", &res);
        if (h != 0)
            return h < 0 ? -1 : res;
    }
    if (FT_TUPLE_CHECK(cls)) {
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(cls); i++) {
            int r = ft_object_issubclass(derived, FT_TUPLE_GET(cls, i));
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (!FT_TYPE_CHECK(derived)) {
        ft_err_set_string(FtExc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (FT_TYPE_CHECK(cls))
        return ft_type_is_subtype((FtType *)derived, (FtType *)cls);
    ft_err_set_string(FtExc_TypeError, "issubclass() arg 2 must be a class, "
                                       "a tuple of classes, or a union");
    return -1;
}

const char *ft_type_name(FtType *t) { return t->tp_name; }
