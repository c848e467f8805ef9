/* tests/unit/test_set.c — set: add/discard/contains/pop, the algebra
 * (operators, in-place operators, methods), comparisons, repr, unhashable
 * keys and references; lookups whose __eq__ changes the table in ways
 * CPython itself does not survive (so no language test can say what to
 * expect).
 */
#include <CUnit/Basic.h>
#include <string.h>

#include "objects/object.h"
#include "tests/unit/unit.h"

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

/* A set of small ints; small int sets print in CPython's order. */
static FtObject *iset(const int64_t *v, int n)
{
    FtObject *s = ft_set_new(NULL);
    for (int i = 0; i < n; i++) {
        FtObject *x = ft_int_from_i64(v[i]);
        ft_set_add(s, x);
        FT_DECREF(x);
    }
    return s;
}
#define ISET(...)                                                              \
    iset((const int64_t[]){__VA_ARGS__},                                       \
         (int)(sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t)))

static void test_add_discard(void)
{
    FtObject *s = ft_set_new(NULL);
    CU_ASSERT(repr_is(FT_NEWREF(s), "set()"));
    FtObject *x = ft_int_from_i64(3), *y = ft_int_from_i64(100);
    CU_ASSERT_EQUAL(ft_set_add(s, x), 0);
    CU_ASSERT_EQUAL(ft_set_add(s, x), 0);
    CU_ASSERT_EQUAL(ft_set_size(s), 1);
    CU_ASSERT_EQUAL(ft_set_contains(s, x), 1);
    CU_ASSERT_EQUAL(ft_set_contains(s, y), 0);
    CU_ASSERT_EQUAL(ft_set_discard(s, y), 0);
    CU_ASSERT_EQUAL(ft_set_discard(s, x), 1);
    CU_ASSERT_EQUAL(ft_set_size(s), 0);
    FtObject *name = ft_str_intern_cstr("remove");
    CU_ASSERT_PTR_NULL(ft_call_method(s, name, &y, 1));
    CU_ASSERT(raised(FtExc_KeyError, "100"));
    FT_DECREF(name);
    CU_ASSERT_PTR_NULL(ft_set_pop(s));
    CU_ASSERT(raised(FtExc_KeyError, "'pop from an empty set'"));
    FtObject *l = ft_list_new(0);
    CU_ASSERT_EQUAL(ft_set_add(s, l), -1);
    CU_ASSERT(raised(FtExc_TypeError, "unhashable type: 'list'"));
    CU_ASSERT_EQUAL(ft_object_hash(s), -1);
    CU_ASSERT(raised(FtExc_TypeError, "unhashable type: 'set'"));
    FT_DECREF(l);
    FT_DECREF(x);
    FT_DECREF(y);
    FT_DECREF(s);

    /* growth, deletion and pop over a larger set */
    s = ft_set_new(NULL);
    for (int64_t i = 0; i < 3000; i += 3) {
        x = ft_int_from_i64(i);
        ft_set_add(s, x);
        FT_DECREF(x);
    }
    CU_ASSERT_EQUAL(ft_set_size(s), 1000);
    int64_t total = 0;
    while (ft_set_size(s) > 0) {
        x = ft_set_pop(s);
        CU_ASSERT_PTR_NOT_NULL_FATAL(x);
        total += FT_INT_VALUE(x);
        FT_DECREF(x);
    }
    CU_ASSERT_EQUAL(total, 1498500);
    FT_DECREF(s);
}

static void test_algebra(void)
{
    FtObject *a = ISET(1, 2, 3, 4), *b = ISET(3, 4, 5);
    CU_ASSERT(repr_is(FT_NEWREF(a), "{1, 2, 3, 4}"));
    CU_ASSERT(repr_is(ft_number_binop(a, b, FT_OP_OR), "{1, 2, 3, 4, 5}"));
    CU_ASSERT(repr_is(ft_number_binop(a, b, FT_OP_AND), "{3, 4}"));
    CU_ASSERT(repr_is(ft_number_binop(a, b, FT_OP_SUB), "{1, 2}"));
    CU_ASSERT(repr_is(ft_number_binop(b, a, FT_OP_SUB), "{5}"));
    CU_ASSERT(repr_is(ft_number_binop(a, b, FT_OP_XOR), "{1, 2, 5}"));
    FtObject *l = ft_list_new(0);
    CU_ASSERT_PTR_NULL(ft_number_binop(a, l, FT_OP_OR));
    CU_ASSERT(raised(FtExc_TypeError, NULL));

    /* methods take any iterable */
    FtObject *r = ft_range_new(0, 3, 1);
    FtObject *name = ft_str_intern_cstr("intersection");
    CU_ASSERT(repr_is(ft_call_method(a, name, &r, 1), "{1, 2}"));
    FT_DECREF(name);
    name = ft_str_intern_cstr("union");
    CU_ASSERT(repr_is(ft_call_method(a, name, &r, 1), "{0, 1, 2, 3, 4}"));
    FT_DECREF(name);

    /* in place */
    FtObject *c = ft_set_new(a);
    FtObject *res = ft_number_inplace(c, b, FT_OP_AND);
    CU_ASSERT_PTR_EQUAL(res, c);
    FT_XDECREF(res);
    CU_ASSERT(repr_is(FT_NEWREF(c), "{3, 4}"));
    res = ft_number_inplace(c, a, FT_OP_XOR);
    FT_XDECREF(res);
    CU_ASSERT(repr_is(FT_NEWREF(c), "{1, 2}"));
    res = ft_number_inplace(c, b, FT_OP_OR);
    FT_XDECREF(res);
    res = ft_number_inplace(c, a, FT_OP_SUB);
    FT_XDECREF(res);
    CU_ASSERT(repr_is(FT_NEWREF(c), "{5}"));
    CU_ASSERT_EQUAL(ft_set_update_op(c, r, FT_OP_OR), 0);
    CU_ASSERT(repr_is(c, "{0, 1, 2, 5}"));

    /* comparisons */
    FtObject *s12 = ISET(1, 2);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(s12, a, FT_LE), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(s12, a, FT_LT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(s12, s12, FT_LT), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, s12, FT_GE), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_LE), 0);
    FtObject *s21 = ISET(2, 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(s12, s21, FT_EQ), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(s12, b, FT_NE), 1);
    FT_DECREF(s21);
    FT_DECREF(s12);
    FT_DECREF(r);
    FT_DECREF(l);
    FT_DECREF(a);
    FT_DECREF(b);
}

static void test_refcounts(void)
{
    FtObject *x = ft_str_from_cstr("set probe");
    ssize_t start = ft_refcnt(x);
    FtObject *s = ft_set_new(NULL);
    ft_set_add(s, x);
    ft_set_add(s, x);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 1);
    FtObject *t = ft_set_new(s);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 2);
    FtObject *u = ft_number_binop(s, t, FT_OP_AND);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 3);
    FT_XDECREF(u);
    ft_set_discard(t, x);
    CU_ASSERT_EQUAL(ft_refcnt(x), start + 1);
    FtObject *p = ft_set_pop(s);
    CU_ASSERT_PTR_EQUAL(p, x);
    FT_XDECREF(p);
    CU_ASSERT_EQUAL(ft_refcnt(x), start);
    ft_set_add(s, x);
    FT_DECREF(s);
    FT_DECREF(t);
    CU_ASSERT_EQUAL(ft_refcnt(x), start);
    FT_DECREF(x);
}

/* A key whose __eq__ empties the set and puts a new equal-hash key in
 * makes every lookup start over: CPython loops forever; ftpy gives up
 * with RuntimeError. */
static void test_endless_rebuild(void)
{
    FtObject *out = ft_unit_run_out(
        "class K:\n"
        "    def __hash__(self): return 1\n"
        "    def __eq__(self, o):\n"
        "        s.clear()\n"
        "        s.add(K())\n"
        "        return False\n"
        "out = []\n"
        "ops = [lambda: K() in s, lambda: s.add(K()),\n"
        "       lambda: s.discard(K()), lambda: s.remove(K())]\n"
        "for op in ops:\n"
        "    s = {K()}\n"
        "    try:\n"
        "        op()\n"
        "        out.append('returned')\n"
        "    except RuntimeError as e:\n"
        "        out.append(str(e))\n"
        "out = set(out)\n");
    CU_ASSERT(repr_is(out, "{'set changed during lookup'}"));
}

/* set.add() remembers the first deleted slot of the probe chain; a
 * comparison further on may fill that slot with another key. The new key
 * must not overwrite it (CPython 3.11 does: len() 4, three keys left). */
static void test_refilled_slot(void)
{
    FtObject *out = ft_unit_run_out(
        "act = None\n"
        "class F:\n"
        "    def __init__(self, v): self.v = v\n"
        "    def __hash__(self): return 5\n"
        "    def __eq__(self, o):\n"
        "        global act\n"
        "        if act:\n"
        "            a, act = act, None\n"
        "            a()\n"
        "        return self is o\n"
        "s = {F(1), F(2), F(3)}\n"
        "s.discard([x for x in s if x.v == 1][0])\n"
        "act = lambda: s.add(F(4))\n"
        "s.add(F(5))\n"
        "out = (len(s), sorted(x.v for x in s))\n");
    CU_ASSERT(repr_is(out, "(4, [2, 3, 4, 5])"));
}

void test_register_set(void)
{
    CU_pSuite s = CU_add_suite("set", NULL, NULL);
    CU_add_test(s, "add, discard, pop", test_add_discard);
    CU_add_test(s, "algebra and comparisons", test_algebra);
    CU_add_test(s, "refcounts", test_refcounts);
    CU_add_test(s, "a lookup whose __eq__ rebuilds the table",
                test_endless_rebuild);
    CU_add_test(s, "add into a slot an __eq__ refilled", test_refilled_slot);
}
