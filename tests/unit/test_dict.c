/* tests/unit/test_dict.c — dict: insert/replace/delete, insertion order
 * (also across resizes and deletions), versions, iteration errors, views,
 * update/copy/equality, popitem, unhashable keys, references, keys
 * versions and value slots (the eval loop's LOAD_GLOBAL cache), and
 * lookups whose __eq__ rebuilds the table every time.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include "objects/object.h"
#include "tests/unit/unit.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

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

static int set_ii(FtObject *d, int64_t k, int64_t v)
{
    FtObject *key = ft_int_from_i64(k), *val = ft_int_from_i64(v);
    int r = ft_dict_set(d, key, val);
    FT_DECREF(key);
    FT_DECREF(val);
    return r;
}

static int64_t get_i(FtObject *d, int64_t k)
{
    FtObject *key = ft_int_from_i64(k);
    FtObject *v = ft_dict_get(d, key);
    FT_DECREF(key);
    if (v == NULL)
        return -12345;
    int64_t r = FT_INT_VALUE(v);
    FT_DECREF(v);
    return r;
}

static void test_basic(void)
{
    FtObject *d = ft_dict_new();
    CU_ASSERT(repr_is(FT_NEWREF(d), "{}"));
    FtObject *one = ft_int_from_i64(1), *two = ft_int_from_i64(2);
    CU_ASSERT_EQUAL(ft_dict_set_str(d, "b", two), 0);
    CU_ASSERT_EQUAL(ft_dict_set_str(d, "a", one), 0);
    CU_ASSERT_EQUAL(ft_dict_size(d), 2);
    CU_ASSERT(repr_is(FT_NEWREF(d), "{'b': 2, 'a': 1}"));
    FtObject *v = ft_dict_get_str(d, "a");
    CU_ASSERT_PTR_EQUAL(v, one);
    FT_XDECREF(v);
    CU_ASSERT_PTR_NULL(ft_dict_get_str(d, "zz"));
    CU_ASSERT_PTR_NULL(ft_err_occurred());
    /* replacing keeps the position; delete + insert moves to the end */
    CU_ASSERT_EQUAL(ft_dict_set_str(d, "b", one), 0);
    CU_ASSERT(repr_is(FT_NEWREF(d), "{'b': 1, 'a': 1}"));
    FtObject *kb = ft_str_from_cstr("b");
    CU_ASSERT_EQUAL(ft_dict_del(d, kb), 0);
    CU_ASSERT_EQUAL(ft_dict_del(d, kb), -1);
    CU_ASSERT(raised(FtExc_KeyError, "'b'"));
    CU_ASSERT_PTR_NULL(ft_object_getitem(d, kb));
    CU_ASSERT(raised(FtExc_KeyError, "'b'"));
    CU_ASSERT_EQUAL(ft_dict_contains(d, kb), 0);
    CU_ASSERT_EQUAL(ft_dict_set(d, kb, two), 0);
    CU_ASSERT_EQUAL(ft_dict_contains(d, kb), 1);
    CU_ASSERT(repr_is(FT_NEWREF(d), "{'a': 1, 'b': 2}"));
    /* 1 and True are the same key */
    CU_ASSERT_EQUAL(ft_dict_set(d, one, one), 0);
    CU_ASSERT_EQUAL(ft_dict_set(d, FT_True, two), 0);
    CU_ASSERT(repr_is(FT_NEWREF(d), "{'a': 1, 'b': 2, 1: 2}"));
    FtObject *l = ft_list_new(0);
    CU_ASSERT_EQUAL(ft_dict_set(d, l, one), -1);
    CU_ASSERT(raised(FtExc_TypeError, "unhashable type: 'list'"));
    CU_ASSERT_EQUAL(ft_object_hash(d), -1);
    CU_ASSERT(raised(FtExc_TypeError, "unhashable type: 'dict'"));
    FT_DECREF(l);
    FT_DECREF(kb);
    FT_DECREF(one);
    FT_DECREF(two);
    FT_DECREF(d);
}

static void test_version(void)
{
    FtObject *d = ft_dict_new();
    uint64_t v0 = ft_dict_version(d);
    set_ii(d, 1, 1);
    uint64_t v1 = ft_dict_version(d);
    CU_ASSERT_NOT_EQUAL(v0, v1);
    CU_ASSERT_EQUAL(get_i(d, 1), 1);
    CU_ASSERT_EQUAL(ft_dict_version(d), v1); /* reads do not count */
    set_ii(d, 1, 2);
    uint64_t v2 = ft_dict_version(d);
    CU_ASSERT_NOT_EQUAL(v1, v2);
    FtObject *k = ft_int_from_i64(1);
    ft_dict_del(d, k);
    CU_ASSERT_NOT_EQUAL(ft_dict_version(d), v2);
    uint64_t v3 = ft_dict_version(d);
    ft_dict_clear(d);
    CU_ASSERT_NOT_EQUAL(ft_dict_version(d), v3);
    /* two dicts never share a version */
    FtObject *e = ft_dict_new();
    CU_ASSERT_NOT_EQUAL(ft_dict_version(d), ft_dict_version(e));
    FT_DECREF(e);
    FT_DECREF(k);
    FT_DECREF(d);
}

/* keys_version moves when keys come or go or the table moves, not when a
 * value is replaced; a value slot follows its key's value meanwhile. */
static void test_keys_version(void)
{
    FtObject *d = ft_dict_new();
    FtObject *k = ft_str_from_cstr("name"), *k2 = ft_str_from_cstr("other");
    FtObject *v1 = ft_int_from_i64(1001), *v2 = ft_int_from_i64(1002);
    ft_hash_t h = ft_dict_hash_key(k);
    uint64_t kv0 = FT_DICT_KEYS_VERSION(d);
    CU_ASSERT_NOT_EQUAL(kv0, 0);
    CU_ASSERT_PTR_NULL(ft_dict_value_slot(d, k, h));
    CU_ASSERT_PTR_NULL(ft_err_occurred());

    ft_dict_set(d, k, v1);
    uint64_t kv1 = FT_DICT_KEYS_VERSION(d);
    CU_ASSERT_NOT_EQUAL(kv1, kv0);
    CU_ASSERT_NOT_EQUAL(kv1, 0);
    FtObject **slot = ft_dict_value_slot(d, k, h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(slot);
    CU_ASSERT_PTR_EQUAL(*slot, v1);

    /* replacing the value: same keys_version, the slot sees the new value */
    uint64_t ver = ft_dict_version(d);
    ft_dict_set(d, k, v2);
    CU_ASSERT_NOT_EQUAL(ft_dict_version(d), ver);
    CU_ASSERT_EQUAL(FT_DICT_KEYS_VERSION(d), kv1);
    CU_ASSERT_PTR_EQUAL(ft_dict_value_slot(d, k, h), slot);
    CU_ASSERT_PTR_EQUAL(*slot, v2);

    /* another key, a deletion, a re-insertion: each is a new keys_version */
    ft_dict_set(d, k2, v1);
    uint64_t kv2 = FT_DICT_KEYS_VERSION(d);
    CU_ASSERT_NOT_EQUAL(kv2, kv1);
    ft_dict_del(d, k);
    uint64_t kv3 = FT_DICT_KEYS_VERSION(d);
    CU_ASSERT_NOT_EQUAL(kv3, kv2);
    CU_ASSERT_PTR_NULL(ft_dict_value_slot(d, k, h));
    ft_dict_set(d, k, v1);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), kv3);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), kv1);

    /* growing the table moves the entries */
    uint64_t kv4 = FT_DICT_KEYS_VERSION(d);
    for (int64_t i = 0; i < 100; i++) {
        uint64_t before = FT_DICT_KEYS_VERSION(d);
        set_ii(d, i, i);
        CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), before);
    }
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), kv4);
    slot = ft_dict_value_slot(d, k, h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(slot);
    CU_ASSERT_PTR_EQUAL(*slot, v1);

    /* pop, clear, copy, update into an empty dict: all new keys_versions */
    uint64_t kv5 = FT_DICT_KEYS_VERSION(d);
    FtObject *popped = ft_dict_pop(d, k2);
    CU_ASSERT_PTR_EQUAL(popped, v1);
    FT_XDECREF(popped);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), kv5);
    FtObject *c = ft_dict_copy(d);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(c), FT_DICT_KEYS_VERSION(d));
    FtObject *e = ft_dict_new();
    uint64_t kve = FT_DICT_KEYS_VERSION(e);
    CU_ASSERT_NOT_EQUAL(kve, FT_DICT_KEYS_VERSION(d));
    CU_ASSERT_EQUAL(ft_dict_update(e, c), 0);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(e), kve);
    slot = ft_dict_value_slot(e, k, h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(slot);
    CU_ASSERT_PTR_EQUAL(*slot, v1);
    uint64_t kv6 = FT_DICT_KEYS_VERSION(d);
    ft_dict_clear(d);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), kv6);
    CU_ASSERT_NOT_EQUAL(FT_DICT_KEYS_VERSION(d), 0);
    CU_ASSERT_PTR_NULL(ft_dict_value_slot(d, k, h));

    FT_DECREF(e);
    FT_DECREF(c);
    FT_DECREF(d);
    FT_DECREF(k);
    FT_DECREF(k2);
    FT_DECREF(v1);
    FT_DECREF(v2);
}

static void test_resize_order(void)
{
    FtObject *d = ft_dict_new();
    for (int64_t i = 0; i < 10000; i++)
        CU_ASSERT_EQUAL_FATAL(set_ii(d, i, i * i), 0);
    CU_ASSERT_EQUAL(ft_dict_size(d), 10000);
    for (int64_t i = 0; i < 10000; i += 2) {
        FtObject *k = ft_int_from_i64(i);
        CU_ASSERT_EQUAL(ft_dict_del(d, k), 0);
        FT_DECREF(k);
    }
    CU_ASSERT_EQUAL(ft_dict_size(d), 5000);
    CU_ASSERT_EQUAL(get_i(d, 9999), 9999 * 9999);
    CU_ASSERT_EQUAL(get_i(d, 5000), -12345);
    /* churn: many inserts and deletes leave dummies; lookups still work */
    for (int round = 0; round < 20; round++) {
        for (int64_t i = 0; i < 1000; i++)
            set_ii(d, 1000000 + i, i);
        for (int64_t i = 0; i < 1000; i++) {
            FtObject *k = ft_int_from_i64(1000000 + i);
            ft_dict_del(d, k);
            FT_DECREF(k);
        }
    }
    CU_ASSERT_EQUAL(ft_dict_size(d), 5000);
    ssize_t pos = 0;
    FtObject *k, *v;
    int64_t expect = 1, ok = 1, n = 0;
    while (ft_dict_next(d, &pos, &k, &v)) {
        if (FT_INT_VALUE(k) != expect || FT_INT_VALUE(v) != expect * expect)
            ok = 0;
        expect += 2;
        n++;
    }
    CU_ASSERT(ok);
    CU_ASSERT_EQUAL(n, 5000);
    FtObject *keys = ft_dict_keys_list(d);
    CU_ASSERT_EQUAL(ft_list_size(keys), 5000);
    CU_ASSERT_EQUAL(FT_INT_VALUE(FT_LIST_ITEMS(keys)[0]), 1);
    FT_DECREF(keys);
    FT_DECREF(d);
}

static void test_iteration_and_views(void)
{
    FtObject *d = ft_dict_new();
    set_ii(d, 1, 10);
    set_ii(d, 2, 20);
    FtObject *it = ft_object_iter(d);
    FtObject *k = ft_iter_next(it);
    CU_ASSERT_EQUAL(FT_INT_VALUE(k), 1);
    FT_DECREF(k);
    set_ii(d, 3, 30);
    CU_ASSERT_PTR_NULL(ft_iter_next(it));
    CU_ASSERT(raised(FtExc_RuntimeError,
                     "dictionary changed size during iteration"));
    FT_DECREF(it);

    FtObject *name = ft_str_intern_cstr("keys");
    FtObject *view = ft_call_method(d, name, NULL, 0);
    FT_DECREF(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(view);
    CU_ASSERT(repr_is(FT_NEWREF(view), "dict_keys([1, 2, 3])"));
    set_ii(d, 4, 40); /* views are live */
    CU_ASSERT_EQUAL(ft_object_len(view), 4);
    FtObject *four = ft_int_from_i64(4);
    CU_ASSERT_EQUAL(ft_object_contains(view, four), 1);
    FT_DECREF(four);
    FT_DECREF(view);
    name = ft_str_intern_cstr("items");
    CU_ASSERT(repr_is(ft_call_method(d, name, NULL, 0),
                      "dict_items([(1, 10), (2, 20), (3, 30), (4, 40)])"));
    FT_DECREF(name);
    CU_ASSERT(repr_is(ft_dict_values_list(d), "[10, 20, 30, 40]"));
    CU_ASSERT(repr_is(ft_dict_items_list(d), "[(1, 10), (2, 20), (3, 30), (4, 40)]"));

    /* popitem is LIFO */
    name = ft_str_intern_cstr("popitem");
    CU_ASSERT(repr_is(ft_call_method(d, name, NULL, 0), "(4, 40)"));
    ft_dict_clear(d);
    CU_ASSERT_PTR_NULL(ft_call_method(d, name, NULL, 0));
    CU_ASSERT(raised(FtExc_KeyError, "'popitem(): dictionary is empty'"));
    FT_DECREF(name);
    FT_DECREF(d);
}

static void test_update_copy_equal(void)
{
    FtObject *d = ft_dict_new();
    FtObject *pairs = ft_list_new(0);
    for (int i = 0; i < 3; i++) {
        FtObject *k = ft_int_from_i64(i), *v = ft_int_from_i64(i * 10);
        FtObject *p = ft_tuple_pack(2, k, v);
        ft_list_append(pairs, p);
        FT_DECREF(p);
        FT_DECREF(k);
        FT_DECREF(v);
    }
    CU_ASSERT_EQUAL(ft_dict_update(d, pairs), 0);
    CU_ASSERT(repr_is(FT_NEWREF(d), "{0: 0, 1: 10, 2: 20}"));
    FtObject *bad = ft_tuple_pack(1, pairs);
    FtObject *badlist = ft_list_from_array(&bad, 1);
    CU_ASSERT_EQUAL(ft_dict_update(d, badlist), -1);
    CU_ASSERT(raised(FtExc_ValueError,
                     "dictionary update sequence element #0 has length 1; 2 "
                     "is required"));
    FT_DECREF(badlist);
    FT_DECREF(bad);
    FT_DECREF(pairs);

    FtObject *c = ft_dict_copy(d);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(c, d, FT_EQ), 1);
    set_ii(c, 2, 21);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(c, d, FT_EQ), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(c, d, FT_NE), 1);
    CU_ASSERT_EQUAL(get_i(d, 2), 20);
    /* the same items in another order are equal */
    FtObject *e = ft_dict_new();
    set_ii(e, 2, 20);
    set_ii(e, 1, 10);
    set_ii(e, 0, 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(e, d, FT_EQ), 1);
    CU_ASSERT_EQUAL(ft_dict_update(e, c), 0);
    CU_ASSERT(repr_is(FT_NEWREF(e), "{2: 21, 1: 10, 0: 0}"));
    FT_DECREF(e);
    FT_DECREF(c);

    /* a dict that contains itself */
    FtObject *k = ft_str_from_cstr("self");
    ft_dict_set(d, k, d);
    CU_ASSERT(repr_is(FT_NEWREF(d), "{0: 0, 1: 10, 2: 20, 'self': {...}}"));
    ft_dict_del(d, k);
    FT_DECREF(k);
    FT_DECREF(d);
}

/* Without a GIL a dict releases replaced and deleted keys and values only
 * after a grace period (runtime/qsbr.h); this thread is the only one, so
 * one quiescent state ends it. A no-op with a GIL. */
static void settle(void) { ft_qsbr_poll(ft_tstate_get()); }

static void test_refcounts(void)
{
    FtObject *k = ft_str_from_cstr("key probe");
    FtObject *v = ft_str_from_cstr("value probe");
    ssize_t k0 = ft_refcnt(k), v0 = ft_refcnt(v);
    FtObject *d = ft_dict_new();
    ft_dict_set(d, k, v);
    CU_ASSERT_EQUAL(ft_refcnt(k), k0 + 1);
    CU_ASSERT_EQUAL(ft_refcnt(v), v0 + 1);
    ft_dict_set(d, k, v); /* replace: the key is kept, not re-added */
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(k), k0 + 1);
    CU_ASSERT_EQUAL(ft_refcnt(v), v0 + 1);
    FtObject *c = ft_dict_copy(d);
    CU_ASSERT_EQUAL(ft_refcnt(k), k0 + 2);
    FT_DECREF(c);
    FtObject *got = ft_dict_get(d, k);
    CU_ASSERT_EQUAL(ft_refcnt(v), v0 + 2);
    FT_DECREF(got);
    ft_dict_del(d, k);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(k), k0);
    CU_ASSERT_EQUAL(ft_refcnt(v), v0);
    for (int i = 0; i < 100; i++) {
        FtObject *ik = ft_int_from_i64(1000 + i);
        ft_dict_set(d, ik, v);
        FT_DECREF(ik);
    }
    ft_dict_set(d, k, v);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(v), v0 + 101);
    FT_DECREF(d);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(k), k0);
    CU_ASSERT_EQUAL(ft_refcnt(v), v0);
    FT_DECREF(k);
    FT_DECREF(v);
}

/* ft_dict_snapshot_list: what list(d), list(d.values()), list(d.items())
 * take in one critical section; other objects are not handled. */
static void test_snapshot_list(void)
{
    FtObject *d = ft_dict_new();
    FtObject *one = ft_int_from_i64(1), *two = ft_int_from_i64(2);
    CU_ASSERT_EQUAL(ft_dict_set_str(d, "a", one), 0);
    CU_ASSERT_EQUAL(ft_dict_set_str(d, "b", two), 0);
    int handled = -1;
    FtObject *l = ft_dict_snapshot_list(d, &handled);
    CU_ASSERT_EQUAL(handled, 1);
    CU_ASSERT(repr_is(l, "['a', 'b']"));
    FtObject *view = ft_call_method(d, FT_ID(values), NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(view);
    l = ft_dict_snapshot_list(view, &handled);
    CU_ASSERT_EQUAL(handled, 1);
    CU_ASSERT(repr_is(l, "[1, 2]"));
    FT_DECREF(view);
    FtObject *items = ft_call_method(d, FT_ID(items), NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(items);
    l = ft_dict_snapshot_list(items, &handled);
    CU_ASSERT_EQUAL(handled, 1);
    CU_ASSERT(repr_is(l, "[('a', 1), ('b', 2)]"));
    /* list() goes through it and gives the same */
    l = ft_list_from_iterable(items);
    CU_ASSERT(repr_is(l, "[('a', 1), ('b', 2)]"));
    FT_DECREF(items);
    l = ft_dict_snapshot_list(one, &handled);
    CU_ASSERT_EQUAL(handled, 0);
    CU_ASSERT_PTR_NULL(l);
    CU_ASSERT_PTR_NULL(ft_err_occurred());
    /* dicts recycled through the free list come back usable (the free
     * list's link overlays the lock field in inline-lock builds) */
    for (int i = 0; i < 3; i++) {
        FtObject *t = ft_dict_new();
        CU_ASSERT_EQUAL(ft_dict_set_str(t, "x", one), 0);
        CU_ASSERT_EQUAL(ft_dict_size(t), 1);
        FT_DECREF(t);
    }
    FT_DECREF(one);
    FT_DECREF(two);
    FT_DECREF(d);
}

/* A key whose __eq__ empties the dict and puts a new equal-hash key in
 * makes every lookup start over: CPython loops forever there (so this
 * cannot be a language test); ftpy gives up with RuntimeError. */
static void test_endless_rebuild(void)
{
    FtObject *out = ft_unit_run_out(
        "class K:\n"
        "    def __hash__(self): return 1\n"
        "    def __eq__(self, o):\n"
        "        d.clear()\n"
        "        d[K()] = 0\n"
        "        return False\n"
        "out = []\n"
        "ops = [lambda: K() in d, lambda: d.get(K()),\n"
        "       lambda: d.__setitem__(K(), 1), lambda: d.__delitem__(K()),\n"
        "       lambda: d.pop(K(), None), lambda: d.setdefault(K())]\n"
        "for op in ops:\n"
        "    d = {K(): 0}\n"
        "    try:\n"
        "        op()\n"
        "        out.append('returned')\n"
        "    except RuntimeError as e:\n"
        "        out.append(str(e))\n"
        "out = set(out)\n");
    CU_ASSERT(repr_is(out, "{'dictionary changed during lookup'}"));
}

void test_register_dict(void)
{
    CU_pSuite s = CU_add_suite("dict", NULL, NULL);
    CU_add_test(s, "basic operations", test_basic);
    CU_add_test(s, "versions", test_version);
    CU_add_test(s, "keys versions and value slots", test_keys_version);
    CU_add_test(s, "resize and order", test_resize_order);
    CU_add_test(s, "iteration and views", test_iteration_and_views);
    CU_add_test(s, "update, copy, equality", test_update_copy_equal);
    CU_add_test(s, "refcounts", test_refcounts);
    CU_add_test(s, "snapshot lists (list(d.items()))", test_snapshot_list);
    CU_add_test(s, "a lookup whose __eq__ rebuilds the table",
                test_endless_rebuild);
}
