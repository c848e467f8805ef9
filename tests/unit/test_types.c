/* tests/unit/test_types.c — the type system without the eval loop: classes
 * made with ft_type_new_class, C3 MRO, isinstance/issubclass, attribute
 * access, slots reaching dunders that are built-in functions, descriptors,
 * modules and argument parsing.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include "objects/object.h"

/* ---- helpers ---- */

static FtObject *name_of(const char *s) { return ft_str_intern_cstr(s); }

static FtObject *make_class(const char *name, FtObject *bases, FtObject *ns)
{
    FtObject *n = name_of(name);
    FtObject *c = ft_type_new_class(n, bases, ns);
    FT_DECREF(n);
    return c;
}

/* A class with an empty namespace (the class copies it; ours is released). */
static FtObject *make_class_empty(const char *name, FtObject *bases)
{
    FtObject *ns = ft_dict_new();
    FtObject *c = make_class(name, bases, ns);
    FT_DECREF(ns);
    return c;
}

static void ns_put(FtObject *ns, const char *key, FtObject *value)
{
    CU_ASSERT_EQUAL_FATAL(ft_dict_set_str(ns, key, value), 0);
    FT_DECREF(value);
}

/* 1 if the raised exception is `type` and its str() is `msg`; clears it. */
static int raised(FtType *type, const char *msg)
{
    int ok = ft_err_occurred() != NULL && ft_err_matches(type);
    FtObject *exc = ft_err_fetch();
    if (ok && msg != NULL) {
        FtObject *s = ft_object_str(exc);
        ok = s != NULL && strcmp(ft_str_cstr(s), msg) == 0;
        FT_XDECREF(s);
        ft_err_clear();
    }
    FT_XDECREF(exc);
    return ok;
}

/* repr(o) starts with prefix; consumes o. */
static int repr_is(FtObject *o, const char *prefix)
{
    if (o == NULL)
        return 0;
    FtObject *r = ft_object_repr(o);
    FT_DECREF(o);
    if (r == NULL) {
        ft_err_clear();
        return 0;
    }
    int ok = strncmp(ft_str_cstr(r), prefix, strlen(prefix)) == 0;
    FT_DECREF(r);
    return ok;
}

/* Built-in functions used as class attributes. A built-in function is not
 * a descriptor, so as a dunder it is called without self (CPython agrees). */
static FtObject *c_add(FtObject *mod, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (nargs != 1 || !FT_INT_CHECK(args[0]))
        FT_RETURN_NOTIMPLEMENTED;
    return ft_int_from_i64(100 + FT_INT_VALUE(args[0]));
}

static FtObject *c_three(FtObject *mod, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return ft_int_from_i64(3);
}

static FtObject *c_getitem(FtObject *mod, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (nargs != 1 || !FT_INT_CHECK(args[0]))
        FT_RETURN_NOTIMPLEMENTED;
    int64_t i = FT_INT_VALUE(args[0]);
    if (i >= 3) {
        ft_err_set_string(FtExc_IndexError, "index out of range");
        return NULL;
    }
    return ft_int_from_i64(i * 10);
}

/* fget for a property: receives the instance */
static FtObject *c_answer(FtObject *mod, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return ft_int_from_i64(nargs == 1 ? 42 : -1);
}

static FtMethodDef add_def = {"add", c_add, 0, NULL};
static FtMethodDef three_def = {"three", c_three, 0, NULL};
static FtMethodDef getitem_def = {"getitem", c_getitem, 0, NULL};
static FtMethodDef answer_def = {"answer", c_answer, 0, NULL};

/* ---- tests ---- */

static void test_class_creation(void)
{
    FtObject *ns = ft_dict_new();
    FtObject *one = ft_int_from_i64(1);
    CU_ASSERT_EQUAL(ft_dict_set_str(ns, "x", one), 0);
    FtObject *Foo = make_class("Foo", NULL, ns);
    CU_ASSERT_PTR_NOT_NULL_FATAL(Foo);
    CU_ASSERT_TRUE(ft_object_isinstance(Foo, (FtObject *)&FtType_Type) == 1);
    CU_ASSERT_STRING_EQUAL(ft_type_name((FtType *)Foo), "Foo");

    FtObject *bases = ft_object_getattr_str(Foo, "__bases__");
    CU_ASSERT_PTR_NOT_NULL_FATAL(bases);
    CU_ASSERT_EQUAL(FT_TUPLE_SIZE(bases), 1);
    CU_ASSERT_PTR_EQUAL(FT_TUPLE_GET(bases, 0), (FtObject *)&FtBaseObject_Type);
    FT_DECREF(bases);

    /* every instance holds a reference to its class */
    ssize_t rc = ft_refcnt(Foo);
    FtObject *foo = ft_call0(Foo);
    CU_ASSERT_PTR_NOT_NULL_FATAL(foo);
    CU_ASSERT_EQUAL(ft_refcnt(Foo), rc + 1);
    CU_ASSERT_PTR_EQUAL(FT_TYPE(foo), (FtType *)Foo);
    CU_ASSERT_TRUE(ft_object_isinstance(foo, Foo) == 1);

    /* class attribute through the instance, then an instance attribute */
    FtObject *x = ft_object_getattr_str(foo, "x");
    CU_ASSERT_PTR_EQUAL(x, one);
    FT_XDECREF(x);
    FtObject *seven = ft_int_from_i64(7);
    CU_ASSERT_EQUAL(ft_object_setattr_str(foo, "x", seven), 0);
    x = ft_object_getattr_str(foo, "x");
    CU_ASSERT_PTR_EQUAL(x, seven);
    FT_XDECREF(x);
    x = ft_object_getattr_str(Foo, "x");
    CU_ASSERT_PTR_EQUAL(x, one); /* the class is unchanged */
    FT_XDECREF(x);

    CU_ASSERT_PTR_NULL(ft_object_getattr_str(foo, "missing"));
    CU_ASSERT_TRUE(raised(FtExc_AttributeError,
                          "'Foo' object has no attribute 'missing'"));
    CU_ASSERT_PTR_NULL(ft_object_getattr_str(Foo, "missing"));
    CU_ASSERT_TRUE(raised(FtExc_AttributeError,
                          "type object 'Foo' has no attribute 'missing'"));
    FtObject *missing = name_of("missing");
    CU_ASSERT_EQUAL(ft_object_hasattr(foo, missing), 0);
    CU_ASSERT_PTR_NULL(ft_err_occurred());
    CU_ASSERT_EQUAL(ft_object_delattr(foo, missing), -1);
    CU_ASSERT_TRUE(raised(FtExc_AttributeError, NULL));
    FT_DECREF(missing);

    /* setting a class attribute invalidates lookups (and bumps the version) */
    uint64_t v0 = ((FtType *)Foo)->tp_version;
    CU_ASSERT_EQUAL(ft_object_setattr_str(Foo, "y", seven), 0);
    CU_ASSERT_NOT_EQUAL(((FtType *)Foo)->tp_version, v0);
    x = ft_object_getattr_str(foo, "y");
    CU_ASSERT_PTR_EQUAL(x, seven);
    FT_XDECREF(x);

    CU_ASSERT_TRUE(repr_is(FT_NEWREF(Foo), "<class '"));
    CU_ASSERT_TRUE(repr_is(FT_NEWREF(foo), "<"));
    CU_ASSERT_NOT_EQUAL(ft_object_hash(foo), -1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(foo, foo, FT_EQ), 1);

    FT_DECREF(foo);
    CU_ASSERT_EQUAL(ft_refcnt(Foo), rc);
    FT_DECREF(seven);
    FT_DECREF(one);
    FT_DECREF(ns);
}

static void test_diamond_mro(void)
{
    FtObject *A = make_class_empty("A", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(A);
    FtObject *bA = ft_tuple_pack(1, A);
    FtObject *B = make_class_empty("B", bA);
    FtObject *C = make_class_empty("C", bA);
    CU_ASSERT_PTR_NOT_NULL_FATAL(B);
    CU_ASSERT_PTR_NOT_NULL_FATAL(C);
    FtObject *bBC = ft_tuple_pack(2, B, C);
    FtObject *D = make_class_empty("D", bBC);
    CU_ASSERT_PTR_NOT_NULL_FATAL(D);

    FtObject *mro = ((FtType *)D)->tp_mro;
    CU_ASSERT_EQUAL_FATAL(FT_TUPLE_SIZE(mro), 5);
    CU_ASSERT_PTR_EQUAL(FT_TUPLE_GET(mro, 0), D);
    CU_ASSERT_PTR_EQUAL(FT_TUPLE_GET(mro, 1), B);
    CU_ASSERT_PTR_EQUAL(FT_TUPLE_GET(mro, 2), C);
    CU_ASSERT_PTR_EQUAL(FT_TUPLE_GET(mro, 3), A);
    CU_ASSERT_PTR_EQUAL(FT_TUPLE_GET(mro, 4), (FtObject *)&FtBaseObject_Type);

    /* an attribute defined in C is found through D before A's */
    FtObject *cval = ft_int_from_i64(3), *aval = ft_int_from_i64(1);
    CU_ASSERT_EQUAL(ft_object_setattr_str(A, "who", aval), 0);
    CU_ASSERT_EQUAL(ft_object_setattr_str(C, "who", cval), 0);
    FtObject *d = ft_call0(D);
    FtObject *who = d != NULL ? ft_object_getattr_str(d, "who") : NULL;
    CU_ASSERT_PTR_EQUAL(who, cval);
    FT_XDECREF(who);
    FT_XDECREF(d);

    /* no consistent order: class E(A, B) where B derives from A */
    FtObject *bAB = ft_tuple_pack(2, A, B);
    CU_ASSERT_PTR_NULL(make_class_empty("E", bAB));
    CU_ASSERT_TRUE(raised(FtExc_TypeError,
                          "Cannot create a consistent method resolution\n"
                          "order (MRO) for bases A, B"));
    FtObject *bAA = ft_tuple_pack(2, A, A);
    CU_ASSERT_PTR_NULL(make_class_empty("E", bAA));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "duplicate base class A"));

    FT_DECREF(bAA);
    FT_DECREF(bAB);
    FT_DECREF(cval);
    FT_DECREF(aval);
    FT_DECREF(bBC);
    FT_DECREF(bA);
}

static void test_isinstance_issubclass(void)
{
    FtObject *A = make_class_empty("A", NULL);
    FtObject *bA = ft_tuple_pack(1, A);
    FtObject *B = make_class_empty("B", bA);
    CU_ASSERT_PTR_NOT_NULL_FATAL(B);
    FtObject *b = ft_call0(B);
    FtObject *one = ft_int_from_i64(1);

    CU_ASSERT_EQUAL(ft_object_isinstance(b, A), 1);
    CU_ASSERT_EQUAL(ft_object_isinstance(b, (FtObject *)&FtBaseObject_Type), 1);
    CU_ASSERT_EQUAL(ft_object_isinstance(one, A), 0);
    CU_ASSERT_EQUAL(ft_object_isinstance(FT_True, (FtObject *)&FtInt_Type), 1);
    FtObject *tup = ft_tuple_pack(2, (FtObject *)&FtStr_Type, A);
    CU_ASSERT_EQUAL(ft_object_isinstance(b, tup), 1);
    CU_ASSERT_EQUAL(ft_object_isinstance(one, tup), 0);
    CU_ASSERT_EQUAL(ft_object_issubclass(B, A), 1);
    CU_ASSERT_EQUAL(ft_object_issubclass(A, B), 0);
    CU_ASSERT_EQUAL(ft_object_issubclass(B, tup), 1);
    CU_ASSERT_EQUAL(ft_object_issubclass((FtObject *)&FtBool_Type,
                                         (FtObject *)&FtInt_Type), 1);
    CU_ASSERT_TRUE(ft_type_is_subtype((FtType *)B, &FtBaseObject_Type));

    CU_ASSERT_EQUAL(ft_object_isinstance(b, one), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "isinstance() arg 2 must be a type, "
                                           "a tuple of types, or a union"));
    CU_ASSERT_EQUAL(ft_object_issubclass(one, A), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "issubclass() arg 1 must be a class"));

    FT_DECREF(tup);
    FT_DECREF(one);
    FT_DECREF(b);
    FT_DECREF(bA);
}

static void test_slots_from_dunders(void)
{
    FtObject *ns = ft_dict_new();
    ns_put(ns, "__add__", ft_cfunction_new(&add_def, NULL));
    ns_put(ns, "__len__", ft_cfunction_new(&three_def, NULL));
    ns_put(ns, "__getitem__", ft_cfunction_new(&getitem_def, NULL));
    FtObject *V = make_class("V", NULL, ns);
    CU_ASSERT_PTR_NOT_NULL_FATAL(V);
    FtObject *v = ft_call0(V);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    FtObject *five = ft_int_from_i64(5);

    FtObject *r = ft_number_binop(v, five, FT_OP_ADD);
    CU_ASSERT_TRUE(r != NULL && FT_INT_CHECK(r) && FT_INT_VALUE(r) == 105);
    FT_XDECREF(r);
    /* no __radd__: 5 + v is unsupported */
    CU_ASSERT_PTR_NULL(ft_number_binop(five, v, FT_OP_ADD));
    CU_ASSERT_TRUE(raised(FtExc_TypeError,
                          "unsupported operand type(s) for +: 'int' and 'V'"));
    /* += falls back to __add__ */
    r = ft_number_inplace(v, five, FT_OP_ADD);
    CU_ASSERT_TRUE(r != NULL && FT_INT_VALUE(r) == 105);
    FT_XDECREF(r);
    CU_ASSERT_EQUAL(ft_object_len(v), 3);
    CU_ASSERT_EQUAL(ft_object_is_true(v), 1);
    r = ft_object_getitem(v, five);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_TRUE(raised(FtExc_IndexError, NULL));

    /* only __getitem__: iteration and `in` go through the sequence protocol */
    FtObject *it = ft_object_iter(v);
    CU_ASSERT_PTR_NOT_NULL_FATAL(it);
    int n = 0;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        n++;
        FT_DECREF(item);
    }
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_PTR_NULL(ft_err_occurred());
    FT_DECREF(it);
    FtObject *twenty = ft_int_from_i64(20);
    CU_ASSERT_EQUAL(ft_object_contains(v, twenty), 1);
    CU_ASSERT_EQUAL(ft_object_contains(v, five), 0);
    FT_DECREF(twenty);

    /* a later `V.__sub__ = f` updates the slot */
    CU_ASSERT_PTR_NULL(ft_number_binop(v, five, FT_OP_SUB));
    CU_ASSERT_TRUE(raised(FtExc_TypeError,
                          "unsupported operand type(s) for -: 'V' and 'int'"));
    FtObject *f = ft_cfunction_new(&add_def, NULL);
    CU_ASSERT_EQUAL(ft_object_setattr_str(V, "__sub__", f), 0);
    FT_DECREF(f);
    r = ft_number_binop(v, five, FT_OP_SUB);
    CU_ASSERT_TRUE(r != NULL && FT_INT_VALUE(r) == 105);
    FT_XDECREF(r);

    /* a subclass inherits the slots */
    FtObject *bV = ft_tuple_pack(1, V);
    FtObject *W = make_class_empty("W", bV);
    FtObject *w = W != NULL ? ft_call0(W) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    r = ft_number_binop(w, five, FT_OP_ADD);
    CU_ASSERT_TRUE(r != NULL && FT_INT_VALUE(r) == 105);
    FT_XDECREF(r);

    /* defining __eq__ without __hash__ makes instances unhashable */
    FtObject *ns2 = ft_dict_new();
    ns_put(ns2, "__eq__", ft_cfunction_new(&add_def, NULL));
    FtObject *E = make_class("E", NULL, ns2);
    FtObject *e = E != NULL ? ft_call0(E) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(ft_object_hash(e), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "unhashable type: 'E'"));

    FT_DECREF(e);
    FT_DECREF(ns2);
    FT_DECREF(w);
    FT_DECREF(bV);
    FT_DECREF(five);
    FT_DECREF(v);
    FT_DECREF(ns);
}

static void test_descriptors(void)
{
    FtObject *fget = ft_cfunction_new(&answer_def, NULL);
    FtObject *prop = ft_call1((FtObject *)&FtProperty_Type, fget);
    CU_ASSERT_PTR_NOT_NULL_FATAL(prop);
    FtObject *ns = ft_dict_new();
    ns_put(ns, "answer", prop);
    ns_put(ns, "st", ft_call1((FtObject *)&FtStaticMethod_Type, fget));
    FtObject *P = make_class("P", NULL, ns);
    CU_ASSERT_PTR_NOT_NULL_FATAL(P);
    FtObject *p = ft_call0(P);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);

    FtObject *r = ft_object_getattr_str(p, "answer");
    CU_ASSERT_TRUE(r != NULL && FT_INT_VALUE(r) == 42);
    FT_XDECREF(r);
    FtObject *one = ft_int_from_i64(1);
    CU_ASSERT_EQUAL(ft_object_setattr_str(p, "answer", one), -1);
    CU_ASSERT_TRUE(raised(FtExc_AttributeError,
                          "property 'answer' of 'P' object has no setter"));
    /* a staticmethod gives back the plain function, called without self */
    FtObject *name = name_of("st");
    r = ft_call_method(p, name, &one, 1);
    CU_ASSERT_TRUE(r != NULL && FT_INT_VALUE(r) == 42);
    FT_XDECREF(r);
    FT_DECREF(name);

    /* list.append: the LOAD_METHOD fast path yields the unbound descriptor */
    FtObject *lst = ft_list_new(0);
    FtObject *meth = NULL;
    FtObject *append = name_of("append");
    CU_ASSERT_EQUAL(ft_object_get_method(lst, append, &meth), 1);
    CU_ASSERT_PTR_EQUAL(FT_TYPE(meth), &FtMethodDescr_Type);
    FtObject *args[2] = {lst, one};
    r = ft_call(meth, args, 2, NULL);
    CU_ASSERT_PTR_EQUAL(r, FT_None);
    FT_XDECREF(r);
    CU_ASSERT_EQUAL(FT_LIST_SIZE(lst), 1);
    args[0] = one;
    CU_ASSERT_PTR_NULL(ft_call(meth, args, 2, NULL));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "descriptor 'append' for 'list' "
                                           "objects doesn't apply to a 'int' "
                                           "object"));
    FT_XDECREF(meth);
    /* bound: a built-in method holding the list */
    FtObject *bound = ft_object_getattr(lst, append);
    CU_ASSERT_TRUE(bound != NULL && FT_TYPE(bound) == &FtCFunction_Type);
    CU_ASSERT_TRUE(repr_is(bound, "<built-in method append of list object"));
    FT_DECREF(append);

    FT_DECREF(lst);
    FT_DECREF(one);
    FT_DECREF(p);
    FT_DECREF(ns);
    FT_DECREF(fget);
}

static void test_builtin_subclasses(void)
{
    FtObject *bList = ft_tuple_pack(1, (FtObject *)&FtList_Type);
    FtObject *L = make_class_empty("L", bList);
    CU_ASSERT_PTR_NOT_NULL_FATAL(L);
    FtObject *l = ft_call0(L);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_TRUE(FT_LIST_CHECK(l));
    FtObject *one = ft_int_from_i64(1);
    CU_ASSERT_EQUAL(ft_list_append(l, one), 0);
    CU_ASSERT_EQUAL(ft_object_len(l), 1);
    /* instances of the subclass still get a __dict__ */
    CU_ASSERT_EQUAL(ft_object_setattr_str(l, "tag", one), 0);
    FtObject *tag = ft_object_getattr_str(l, "tag");
    CU_ASSERT_PTR_EQUAL(tag, one);
    FT_XDECREF(tag);
    FT_DECREF(l);

    FtObject *bExc = ft_tuple_pack(1, (FtObject *)FtExc_ValueError);
    FtObject *MyErr = make_class_empty("MyErr", bExc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(MyErr);
    FtObject *msg = ft_str_from_cstr("bad");
    FtObject *e = ft_call1(MyErr, msg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_TRUE(ft_exception_check(e));
    CU_ASSERT_EQUAL(ft_object_isinstance(e, (FtObject *)FtExc_Exception), 1);
    CU_ASSERT_EQUAL(ft_object_setattr_str(e, "code", one), 0);
    FT_DECREF(e);
    FT_DECREF(msg);
    FT_DECREF(bExc);
    FT_DECREF(one);
    FT_DECREF(bList);
}

static void test_generic_errors(void)
{
    FtObject *one = ft_int_from_i64(1);
    FtObject *s = ft_str_from_cstr("s");
    FtObject *t = ft_tuple_pack(1, one);

    CU_ASSERT_PTR_NULL(ft_object_getitem(one, one));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "'int' object is not subscriptable"));
    CU_ASSERT_EQUAL(ft_object_setitem(t, one, one), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError,
                          "'tuple' object does not support item assignment"));
    CU_ASSERT_EQUAL(ft_object_len(one), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "object of type 'int' has no len()"));
    CU_ASSERT_PTR_NULL(ft_object_iter(one));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "'int' object is not iterable"));
    CU_ASSERT_PTR_NULL(ft_call0(one));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "'int' object is not callable"));
    CU_ASSERT_PTR_NULL(ft_number_binop(one, s, FT_OP_ADD));
    CU_ASSERT_TRUE(raised(FtExc_TypeError,
                          "unsupported operand type(s) for +: 'int' and 'str'"));
    CU_ASSERT_PTR_NULL(ft_number_unary(s, FT_UNARY_NEG));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "bad operand type for unary -: 'str'"));
    CU_ASSERT_PTR_NULL(ft_object_richcompare(one, s, FT_LT));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "'<' not supported between "
                                           "instances of 'int' and 'str'"));
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(one, s, FT_EQ), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(one, s, FT_NE), 1);
    FtObject *lst = ft_list_new(0);
    CU_ASSERT_EQUAL(ft_object_hash(lst), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "unhashable type: 'list'"));
    CU_ASSERT_EQUAL(ft_object_is_true(FT_None), 0);
    CU_ASSERT_EQUAL(ft_object_is_true(lst), 0);
    CU_ASSERT_TRUE(repr_is(FT_NEWREF(FT_None), "None"));
    CU_ASSERT_TRUE(repr_is(FT_NEWREF(&FtInt_Type), "<class 'int'>"));
    FtObject *ty = ft_call1((FtObject *)&FtType_Type, one);
    CU_ASSERT_PTR_EQUAL(ty, (FtObject *)&FtInt_Type);
    FT_XDECREF(ty);
    CU_ASSERT_PTR_NULL(ft_call1((FtObject *)&FtBaseObject_Type, one));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "object() takes no arguments"));

    FT_DECREF(lst);
    FT_DECREF(t);
    FT_DECREF(s);
    FT_DECREF(one);
}

static void test_modules(void)
{
    FtObject *name = name_of("math");
    FtObject *m1 = ft_import_module(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m1);
    FtObject *m2 = ft_import_module(name);
    CU_ASSERT_PTR_EQUAL(m1, m2); /* cached in sys.modules */
    CU_ASSERT_TRUE(repr_is(FT_NEWREF(m1), "<module 'math' (built-in)>"));
    CU_ASSERT_PTR_NULL(ft_object_getattr_str(m1, "no_such_thing"));
    CU_ASSERT_TRUE(raised(FtExc_AttributeError,
                          "module 'math' has no attribute 'no_such_thing'"));
    FT_DECREF(m2);
    FT_DECREF(m1);
    FT_DECREF(name);

    name = name_of("no_such_module_anywhere");
    CU_ASSERT_PTR_NULL(ft_import_module(name));
    CU_ASSERT_TRUE(raised(FtExc_ModuleNotFoundError,
                          "No module named 'no_such_module_anywhere'"));
    FT_DECREF(name);

    FtObject *m = ft_module_new("scratch");
    CU_ASSERT_EQUAL(ft_module_add_int(m, "answer", 42), 0);
    FtObject *v = ft_object_getattr_str(m, "answer");
    CU_ASSERT_TRUE(v != NULL && FT_INT_VALUE(v) == 42);
    FT_XDECREF(v);
    FT_DECREF(m);
    CU_ASSERT_PTR_NOT_NULL(ft_builtins_dict());
}

static void test_arg_parse(void)
{
    static const char *const kwlist[] = {"x", "y", NULL};
    FtObject *one = ft_int_from_i64(1), *two = ft_int_from_i64(2);
    FtObject *args[3] = {one, two, one};
    FtObject *out[2];

    CU_ASSERT_EQUAL(ft_arg_parse("f", args, 3, NULL, kwlist, 1, 2, out), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "f() takes at most 2 arguments (3 given)"));
    CU_ASSERT_EQUAL(ft_arg_parse("f", args, 0, NULL, kwlist, 1, 2, out), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "f() missing required argument 'x' (pos 1)"));
    FtObject *kw = ft_tuple_pack(1, name_of("y"));
    CU_ASSERT_EQUAL(ft_arg_parse("f", args, 1, kw, kwlist, 1, 2, out), 0);
    CU_ASSERT_PTR_EQUAL(out[0], one);
    CU_ASSERT_PTR_EQUAL(out[1], two);
    CU_ASSERT_EQUAL(ft_arg_no_kwargs("f", kw), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "f() takes no keyword arguments"));
    FT_DECREF(kw);
    kw = ft_tuple_pack(1, name_of("z"));
    CU_ASSERT_EQUAL(ft_arg_parse("f", args, 1, kw, kwlist, 1, 2, out), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "f() got an unexpected keyword argument 'z'"));
    FT_DECREF(kw);
    CU_ASSERT_EQUAL(ft_arg_count("len", 2, 1, 1), -1);
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "len() takes exactly one argument (2 given)"));
    CU_ASSERT_EQUAL(ft_arg_count("f", 1, 0, 2), 0);
    FT_DECREF(one);
    FT_DECREF(two);
}

void test_register_types(void)
{
    CU_pSuite s = CU_add_suite("types", NULL, NULL);
    CU_add_test(s, "class creation and attributes", test_class_creation);
    CU_add_test(s, "diamond MRO", test_diamond_mro);
    CU_add_test(s, "isinstance / issubclass", test_isinstance_issubclass);
    CU_add_test(s, "slots reach dunders", test_slots_from_dunders);
    CU_add_test(s, "descriptors and methods", test_descriptors);
    CU_add_test(s, "subclasses of list and exceptions", test_builtin_subclasses);
    CU_add_test(s, "generic operation errors", test_generic_errors);
    CU_add_test(s, "modules", test_modules);
    CU_add_test(s, "argument parsing", test_arg_parse);
}
