/* tests/unit/test_list.c — list: growth, append/pop/insert, indexing and
 * slices (extended ones too), sort (stability, key, reverse, errors),
 * comparison, repr, iteration, and references returning to where they
 * started.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include "objects/object.h"

static FtObject *ints(const int64_t *v, int n)
{
    FtObject *l = ft_list_new(0);
    for (int i = 0; i < n; i++) {
        FtObject *x = ft_int_from_i64(v[i]);
        ft_list_append(l, x);
        FT_DECREF(x);
    }
    return l;
}
#define INTS(...)                                                              \
    ints((const int64_t[]){__VA_ARGS__},                                       \
         (int)(sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t)))

/* 1 if repr(o) is want; drops o. */
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

/* 1 if an exception of type t with message msg is set; clears it. */
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

static FtObject *slice3(int64_t a, int64_t b, int64_t c, int mask)
{
    FtObject *x = mask & 1 ? ft_int_from_i64(a) : NULL;
    FtObject *y = mask & 2 ? ft_int_from_i64(b) : NULL;
    FtObject *z = mask & 4 ? ft_int_from_i64(c) : NULL;
    FtObject *s = ft_slice_new(x, y, z);
    FT_XDECREF(x);
    FT_XDECREF(y);
    FT_XDECREF(z);
    return s;
}

static void test_append_pop_insert(void)
{
    FtObject *l = ft_list_new(0);
    for (int i = 0; i < 1000; i++) {
        FtObject *x = ft_int_from_i64(i);
        CU_ASSERT_EQUAL(ft_list_append(l, x), 0);
        FT_DECREF(x);
    }
    CU_ASSERT_EQUAL(ft_list_size(l), 1000);
    CU_ASSERT(FT_LIST_ITEMS(l)[999] != NULL);
    CU_ASSERT_EQUAL(FT_INT_VALUE(FT_LIST_ITEMS(l)[999]), 999);
    FtObject *v = ft_list_pop(l, -1);
    CU_ASSERT_EQUAL(FT_INT_VALUE(v), 999);
    FT_DECREF(v);
    v = ft_list_pop(l, 0);
    CU_ASSERT_EQUAL(FT_INT_VALUE(v), 0);
    FT_DECREF(v);
    CU_ASSERT_EQUAL(ft_list_size(l), 998);
    CU_ASSERT_PTR_NULL(ft_list_pop(l, 998));
    CU_ASSERT(raised(FtExc_IndexError, "pop index out of range"));
    FT_DECREF(l);

    l = ft_list_new(0);
    CU_ASSERT_PTR_NULL(ft_list_pop(l, -1));
    CU_ASSERT(raised(FtExc_IndexError, "pop from empty list"));
    FT_DECREF(l);

    l = INTS(1, 2, 3);
    FtObject *s = ft_str_from_cstr("x");
    ft_list_insert(l, 0, s);
    ft_list_insert(l, 100, s);
    ft_list_insert(l, -1, s);
    ft_list_insert(l, -100, s);
    CU_ASSERT(repr_is(FT_NEWREF(l), "['x', 'x', 1, 2, 3, 'x', 'x']"));
    FT_DECREF(s);
    FT_DECREF(l);
}

static void test_get_set(void)
{
    FtObject *l = INTS(10, 20, 30);
    FtObject *v = ft_list_get(l, -1);
    CU_ASSERT_EQUAL(FT_INT_VALUE(v), 30);
    FT_DECREF(v);
    CU_ASSERT_PTR_NULL(ft_list_get(l, 3));
    CU_ASSERT(raised(FtExc_IndexError, "list index out of range"));
    FtObject *x = ft_int_from_i64(7);
    CU_ASSERT_EQUAL(ft_list_set(l, 0, x), 0);
    CU_ASSERT_EQUAL(ft_list_set(l, 5, x), -1);
    CU_ASSERT(raised(FtExc_IndexError, "list assignment index out of range"));
    CU_ASSERT(repr_is(FT_NEWREF(l), "[7, 20, 30]"));
    FtObject *key = ft_str_from_cstr("a");
    CU_ASSERT_PTR_NULL(ft_object_getitem(l, key));
    CU_ASSERT(raised(FtExc_TypeError,
                     "list indices must be integers or slices, not str"));
    FT_DECREF(key);
    FT_DECREF(x);
    FT_DECREF(l);
}

static void test_slices(void)
{
    FtObject *l = INTS(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), *s;
    s = slice3(1, 8, 3, 7);
    CU_ASSERT(repr_is(ft_object_getitem(l, s), "[1, 4, 7]"));
    FT_DECREF(s);
    s = slice3(0, 0, -3, 4);
    CU_ASSERT(repr_is(ft_object_getitem(l, s), "[9, 6, 3, 0]"));
    FT_DECREF(s);
    s = slice3(-100, 2, 0, 3);
    CU_ASSERT(repr_is(ft_object_getitem(l, s), "[0, 1]"));
    FT_DECREF(s);
    s = slice3(0, 0, 0, 4);
    CU_ASSERT_PTR_NULL(ft_object_getitem(l, s));
    CU_ASSERT(raised(FtExc_ValueError, "slice step cannot be zero"));
    FT_DECREF(s);

    /* assignment of a different length, insertion, deletion */
    FtObject *v = INTS(100, 200, 300);
    s = slice3(1, 3, 0, 3);
    CU_ASSERT_EQUAL(ft_object_setitem(l, s, v), 0);
    FT_DECREF(s);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[0, 100, 200, 300, 3, 4, 5, 6, 7, 8, 9]"));
    s = slice3(0, 4, 0, 2);
    CU_ASSERT_EQUAL(ft_object_delitem(l, s), 0);
    FT_DECREF(s);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[3, 4, 5, 6, 7, 8, 9]"));
    s = slice3(0, 0, 2, 4);
    CU_ASSERT_EQUAL(ft_object_setitem(l, s, v), -1);
    CU_ASSERT(raised(FtExc_ValueError,
                     "attempt to assign sequence of size 3 to extended slice "
                     "of size 4"));
    CU_ASSERT_EQUAL(ft_object_delitem(l, s), 0);
    FT_DECREF(s);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[4, 6, 8]"));
    s = slice3(0, 0, -1, 4);
    CU_ASSERT_EQUAL(ft_object_setitem(l, s, v), 0);
    FT_DECREF(s);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[300, 200, 100]"));
    /* l[1:2] = l */
    s = slice3(1, 2, 0, 3);
    CU_ASSERT_EQUAL(ft_object_setitem(l, s, l), 0);
    FT_DECREF(s);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[300, 300, 200, 100, 100]"));
    FT_DECREF(v);
    FT_DECREF(l);
}

static void test_operators(void)
{
    FtObject *a = INTS(1, 2), *b = INTS(3), *two = ft_int_from_i64(2);
    CU_ASSERT(repr_is(ft_number_binop(a, b, FT_OP_ADD), "[1, 2, 3]"));
    CU_ASSERT(repr_is(ft_number_binop(a, two, FT_OP_MUL), "[1, 2, 1, 2]"));
    CU_ASSERT(repr_is(ft_number_binop(two, b, FT_OP_MUL), "[3, 3]"));
    FtObject *t = ft_tuple_pack(1, two);
    CU_ASSERT_PTR_NULL(ft_number_binop(a, t, FT_OP_ADD));
    CU_ASSERT(raised(FtExc_TypeError,
                     "can only concatenate list (not \"tuple\") to list"));
    FtObject *r = ft_number_inplace(a, t, FT_OP_ADD);
    CU_ASSERT_PTR_EQUAL(r, a);
    FT_XDECREF(r);
    CU_ASSERT(repr_is(FT_NEWREF(a), "[1, 2, 2]"));
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_LT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(b, a, FT_GT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, a, FT_EQ), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_NE), 1);
    CU_ASSERT_EQUAL(ft_object_contains(a, two), 1);
    CU_ASSERT_EQUAL(ft_object_contains(b, two), 0);
    CU_ASSERT_EQUAL(ft_object_hash(a), -1);
    CU_ASSERT(raised(FtExc_TypeError, "unhashable type: 'list'"));
    FT_DECREF(t);
    FT_DECREF(two);
    FT_DECREF(a);
    FT_DECREF(b);
}

static void test_sort(void)
{
    FtObject *l = INTS(5, 2, 8, 1, 9, 2);
    CU_ASSERT_EQUAL(ft_list_sort(l, NULL, 0), 0);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[1, 2, 2, 5, 8, 9]"));
    CU_ASSERT_EQUAL(ft_list_sort(l, NULL, 1), 0);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[9, 8, 5, 2, 2, 1]"));
    FT_DECREF(l);

    /* stability with a key: equal abs() keep their order */
    FtObject *absf = ft_dict_get_str(ft_builtins_dict(), "abs");
    CU_ASSERT_PTR_NOT_NULL_FATAL(absf);
    l = INTS(3, -1, 1, -3, 2, -2);
    CU_ASSERT_EQUAL(ft_list_sort(l, absf, 0), 0);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[-1, 1, 2, -2, 3, -3]"));
    CU_ASSERT_EQUAL(ft_list_sort(l, absf, 1), 0);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[3, -3, 2, -2, -1, 1]"));
    FT_DECREF(l);

    /* a big reverse-ordered list, and a stable sort of many equal keys */
    l = ft_list_new(0);
    for (int i = 2000; i > 0; i--) {
        FtObject *x = ft_int_from_i64(i % 2 ? i : -i);
        ft_list_append(l, x);
        FT_DECREF(x);
    }
    CU_ASSERT_EQUAL(ft_list_sort(l, absf, 0), 0);
    int ok = 1;
    for (int i = 0; i < 2000; i++) {
        int64_t v = FT_INT_VALUE(FT_LIST_ITEMS(l)[i]);
        if ((v < 0 ? -v : v) != i + 1)
            ok = 0;
    }
    CU_ASSERT(ok);
    FT_DECREF(l);
    FT_DECREF(absf);

    /* comparison errors propagate; the items all stay in the list */
    l = INTS(3, 1, 2);
    FtObject *s = ft_str_from_cstr("not an int");
    ssize_t s0 = ft_refcnt(s);
    ft_list_append(l, s);
    CU_ASSERT_EQUAL(ft_list_sort(l, NULL, 0), -1);
    CU_ASSERT(raised(FtExc_TypeError, NULL));
    CU_ASSERT_EQUAL(ft_list_size(l), 4);
    CU_ASSERT_EQUAL(ft_refcnt(s), s0 + 1);
    FT_DECREF(l);
    CU_ASSERT_EQUAL(ft_refcnt(s), s0);
    FT_DECREF(s);

    /* strs and floats use their fast paths */
    l = ft_list_new(0);
    const char *words[] = {"pear", "apple", "fig", "apple"};
    for (int i = 0; i < 4; i++) {
        FtObject *w = ft_str_from_cstr(words[i]);
        ft_list_append(l, w);
        FT_DECREF(w);
    }
    CU_ASSERT_EQUAL(ft_list_sort(l, NULL, 0), 0);
    CU_ASSERT(repr_is(l, "['apple', 'apple', 'fig', 'pear']"));
}

static void test_repr_iter(void)
{
    FtObject *l = INTS(1, 2);
    ft_list_append(l, l);
    CU_ASSERT(repr_is(FT_NEWREF(l), "[1, 2, [...]]"));
    FtObject *v = ft_list_pop(l, -1);
    FT_DECREF(v);
    CU_ASSERT(repr_is(ft_list_new(0), "[]"));

    /* the iterator tolerates the list shrinking under it */
    FtObject *it = ft_object_iter(l);
    FtObject *x = ft_iter_next(it);
    CU_ASSERT_EQUAL(FT_INT_VALUE(x), 1);
    FT_DECREF(x);
    v = ft_list_pop(l, -1);
    FT_DECREF(v);
    CU_ASSERT_PTR_NULL(ft_iter_next(it));
    CU_ASSERT_PTR_NULL(ft_err_occurred());
    FT_DECREF(it);
    FT_DECREF(l);

    FtObject *t = ft_tuple_pack(0);
    l = ft_list_from_iterable(t);
    CU_ASSERT_EQUAL(ft_list_size(l), 0);
    FT_DECREF(l);
    FT_DECREF(t);
}

static void test_refcounts(void)
{
    FtObject *x = ft_str_from_cstr("refcount probe");
    ssize_t start = ft_refcnt(x);
    FtObject *l = ft_list_new(0);
    for (int i = 0; i < 100; i++)
        ft_list_append(l, x);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 100);
    FtObject *s = slice3(10, 90, 2, 7);
    FtObject *part = ft_object_getitem(l, s);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 140);
    CU_ASSERT_EQUAL(ft_object_delitem(l, s), 0);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 100);
    CU_ASSERT_EQUAL(ft_object_setitem(l, s, part), -1); /* 40 into 30 */
    CU_ASSERT(raised(FtExc_ValueError, NULL));
    FT_DECREF(s);
    FT_DECREF(part);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 60);
    FtObject *tup = ft_list_as_tuple(l);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 120);
    FT_DECREF(tup);
    ft_list_sort(l, NULL, 0);
    ft_list_reverse(l);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 60);
    FtObject *v = ft_list_pop(l, 3);
    FT_DECREF(v);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 59);
    FT_DECREF(l);
    CU_ASSERT_EQUAL(ft_refcnt(x), start);
    FT_DECREF(x);
}

void test_register_list(void)
{
    CU_pSuite s = CU_add_suite("list", NULL, NULL);
    CU_add_test(s, "append/pop/insert", test_append_pop_insert);
    CU_add_test(s, "get/set", test_get_set);
    CU_add_test(s, "slices", test_slices);
    CU_add_test(s, "operators", test_operators);
    CU_add_test(s, "sort", test_sort);
    CU_add_test(s, "repr and iteration", test_repr_iter);
    CU_add_test(s, "refcounts", test_refcounts);
}
