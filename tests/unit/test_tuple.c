/* tests/unit/test_tuple.c — tuple: the shared empty tuple, the free lists,
 * hashing (equal tuples hash equal, and like CPython for ints), ordering,
 * indexing and slicing, + and *, repr, index/count, references.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include "objects/object.h"

static FtObject *itup(int n, const int64_t *v)
{
    FtObject *t = ft_tuple_new(n);
    for (int i = 0; i < n; i++)
        FT_TUPLE_SET(t, i, ft_int_from_i64(v[i]));
    return t;
}
#define ITUP(...)                                                              \
    itup((int)(sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t)),    \
         (const int64_t[]){__VA_ARGS__})

static int repr_is(FtObject *o, const char *want)
{
    if (o == NULL) {
        ft_err_clear();
        return 0;
    }
    FtObject *r = ft_object_repr(o);
    int ok = r != NULL && strcmp(ft_str_cstr(r), want) == 0;
    if (r == NULL)
        ft_err_clear();
    FT_XDECREF(r);
    FT_DECREF(o);
    return ok;
}

static int raised(FtType *t, const char *msg)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return 0;
    int ok = ft_exc_matches(exc, (FtObject *)t);
    if (ok && msg != NULL) {
        FtObject *s = ft_object_str(exc);
        ok = s != NULL && strcmp(ft_str_cstr(s), msg) == 0;
        if (s == NULL)
            ft_err_clear();
        FT_XDECREF(s);
    }
    FT_DECREF(exc);
    return ok;
}

static void test_empty_and_freelist(void)
{
    FtObject *a = ft_tuple_new(0), *b = ft_tuple_empty();
    CU_ASSERT_PTR_EQUAL(a, b);
    CU_ASSERT(repr_is(a, "()"));
    FT_DECREF(b);

    FtObject *t = ft_tuple_new(3);
    CU_ASSERT_PTR_NULL(FT_TUPLE_GET(t, 0));
    FtObject *x = ft_str_from_cstr("free list probe");
    ssize_t start = ft_refcnt(x);
    for (int i = 0; i < 3; i++)
        FT_TUPLE_SET(t, i, FT_NEWREF(x));
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 3);
    FT_DECREF(t);
    CU_ASSERT_EQUAL(ft_refcnt(x), start);
    /* a recycled tuple comes back with its slots cleared */
    t = ft_tuple_new(3);
    CU_ASSERT_EQUAL(FT_TUPLE_SIZE(t), 3);
    CU_ASSERT_PTR_NULL(FT_TUPLE_GET(t, 2));
    FT_DECREF(t);
    FT_DECREF(x);
}

static void test_hash_compare(void)
{
    FtObject *a = ITUP(1, 2, 3), *b = ITUP(1, 2, 3), *c = ITUP(1, 2);
    CU_ASSERT_EQUAL(ft_object_hash(a), ft_object_hash(b));
    CU_ASSERT_NOT_EQUAL(ft_object_hash(a), ft_object_hash(c));
    /* CPython 3.11: hash((1, 2, 3)) */
    CU_ASSERT_EQUAL(ft_object_hash(a), 529344067295497451LL);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_EQ), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(c, a, FT_LT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, c, FT_GT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, c, FT_LE), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_NE), 0);
    FtObject *l = ft_list_new(0);
    FtObject *d = ft_tuple_pack(2, l, l);
    CU_ASSERT_EQUAL(ft_object_hash(d), -1);
    CU_ASSERT(raised(FtExc_TypeError, "unhashable type: 'list'"));
    FT_DECREF(d);
    FT_DECREF(l);
    FT_DECREF(a);
    FT_DECREF(b);
    FT_DECREF(c);
}

static void test_index_slice(void)
{
    FtObject *t = ITUP(10, 20, 30, 40);
    FtObject *i = ft_int_from_i64(-1);
    CU_ASSERT(repr_is(ft_object_getitem(t, i), "40"));
    FT_DECREF(i);
    i = ft_int_from_i64(4);
    CU_ASSERT_PTR_NULL(ft_object_getitem(t, i));
    CU_ASSERT(raised(FtExc_IndexError, "tuple index out of range"));
    FT_DECREF(i);
    FtObject *step = ft_int_from_i64(-1);
    FtObject *s = ft_slice_new(NULL, NULL, step);
    CU_ASSERT(repr_is(ft_object_getitem(t, s), "(40, 30, 20, 10)"));
    FT_DECREF(s);
    FT_DECREF(step);
    s = ft_slice_new(NULL, NULL, NULL);
    FtObject *whole = ft_object_getitem(t, s);
    CU_ASSERT_PTR_EQUAL(whole, t);
    FT_XDECREF(whole);
    FT_DECREF(s);
    CU_ASSERT(repr_is(ft_tuple_slice(t, 1, 3), "(20, 30)"));
    CU_ASSERT(repr_is(ft_tuple_slice(t, 3, 1), "()"));
    FT_DECREF(t);
}

static void test_ops_repr(void)
{
    FtObject *a = ITUP(1), *b = ITUP(2, 3), *n = ft_int_from_i64(3);
    CU_ASSERT(repr_is(FT_NEWREF(a), "(1,)"));
    CU_ASSERT(repr_is(ft_number_binop(a, b, FT_OP_ADD), "(1, 2, 3)"));
    CU_ASSERT(repr_is(ft_number_binop(a, n, FT_OP_MUL), "(1, 1, 1)"));
    CU_ASSERT(repr_is(ft_number_binop(n, b, FT_OP_MUL), "(2, 3, 2, 3, 2, 3)"));
    FtObject *l = ft_list_new(0);
    CU_ASSERT_PTR_NULL(ft_number_binop(a, l, FT_OP_ADD));
    CU_ASSERT(raised(FtExc_TypeError,
                     "can only concatenate tuple (not \"list\") to tuple"));
    FtObject *s = ft_str_from_cstr("a");
    FtObject *mixed = ft_tuple_pack(3, n, s, FT_None);
    CU_ASSERT(repr_is(mixed, "(3, 'a', None)"));
    FtObject *two = ft_int_from_i64(2);
    CU_ASSERT_EQUAL(ft_object_contains(b, two), 1);
    CU_ASSERT_EQUAL(ft_object_contains(b, n), 1);
    CU_ASSERT_EQUAL(ft_object_contains(a, n), 0);
    FtObject *name = ft_str_intern_cstr("index");
    CU_ASSERT(repr_is(ft_call_method(b, name, &n, 1), "1"));
    FT_DECREF(name);
    name = ft_str_intern_cstr("count");
    CU_ASSERT(repr_is(ft_call_method(b, name, &s, 1), "0"));
    FT_DECREF(name);
    FT_DECREF(two);
    FT_DECREF(s);
    FT_DECREF(l);
    FT_DECREF(a);
    FT_DECREF(b);
    FT_DECREF(n);
}

static void test_from_iterable_refs(void)
{
    FtObject *x = ft_str_from_cstr("probe");
    ssize_t start = ft_refcnt(x);
    FtObject *l = ft_list_new(0);
    for (int i = 0; i < 10; i++)
        ft_list_append(l, x);
    FtObject *t = ft_tuple_from_iterable(l);
    CU_ASSERT_EQUAL(FT_TUPLE_SIZE(t), 10);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 20);
    FtObject *r = ft_range_new(0, 4, 1);
    CU_ASSERT(repr_is(ft_tuple_from_iterable(r), "(0, 1, 2, 3)"));
    FT_DECREF(r);
    FT_DECREF(l);
    FtObject *t2 = ft_tuple_from_array(((FtTupleObject *)t)->items, 5);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 15);
    FT_DECREF(t);
    FT_DECREF(t2);
    CU_ASSERT_EQUAL(ft_refcnt(x), start);
    FT_DECREF(x);
}

void test_register_tuple(void)
{
    CU_pSuite s = CU_add_suite("tuple", NULL, NULL);
    CU_add_test(s, "empty tuple and free list", test_empty_and_freelist);
    CU_add_test(s, "hash and compare", test_hash_compare);
    CU_add_test(s, "index and slice", test_index_slice);
    CU_add_test(s, "operators and repr", test_ops_repr);
    CU_add_test(s, "from iterable, refcounts", test_from_iterable_refs);
}
