/* tests/unit/test_nameset.c — interp/nameset.c, the symbol table's hashed
 * name sets: add, discard (whose backward shift must keep every other
 * member reachable), update and iteration, checked against a plain array.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "interp/nameset.h"

#define POOL 300

static char pool[POOL][8];

/* Whether s holds exactly the names i with member[i], each once. */
static int same_members(const FtNameSet *s, const unsigned char *member)
{
    int want = 0;
    for (int i = 0; i < POOL; i++) {
        want += member[i];
        if (ft_nameset_contains(s, pool[i]) != member[i])
            return 0;
    }
    if (s->n != want)
        return 0;
    unsigned char seen[POOL] = {0};
    for (int k = 0; k < s->n; k++) {
        int i = -1;
        sscanf(s->items[k], "n%d", &i);
        if (i < 0 || i >= POOL || !member[i] || seen[i])
            return 0;
        seen[i] = 1;
    }
    return 1;
}

static void test_random_ops(void)
{
    for (int i = 0; i < POOL; i++)
        snprintf(pool[i], sizeof pool[i], "n%d", i);
    FtNameSet s = {0};
    unsigned char member[POOL] = {0};
    CU_ASSERT_EQUAL(ft_nameset_contains(&s, "n1"), 0);
    ft_nameset_discard(&s, "n1"); /* discarding from an empty set is fine */
    unsigned x = 12345;
    int ok = 1;
    for (int step = 0; step < 20000 && ok; step++) {
        x = x * 1103515245u + 12345u;
        int i = (int)((x >> 8) % POOL);
        /* Mostly adds early on, mostly discards later, so the set both
         * grows through rehashes and empties again. */
        int add = ((x >> 4) % 100) < (step < 10000 ? 70u : 30u);
        if (add) {
            ok = ft_nameset_add(&s, pool[i]) == 0;
            member[i] = 1;
        } else {
            ft_nameset_discard(&s, pool[i]);
            member[i] = 0;
        }
        if (step % 97 == 0 || step > 19900)
            ok = ok && same_members(&s, member);
    }
    CU_ASSERT(ok);
    CU_ASSERT(same_members(&s, member));
    ft_nameset_free(&s);
    CU_ASSERT_EQUAL(s.n, 0);
    CU_ASSERT_EQUAL(ft_nameset_contains(&s, "n1"), 0);
}

static void test_update_and_null(void)
{
    FtNameSet a = {0}, b = {0};
    CU_ASSERT_EQUAL(ft_nameset_add(&a, "x"), 0);
    CU_ASSERT_EQUAL(ft_nameset_add(&a, "y"), 0);
    CU_ASSERT_EQUAL(ft_nameset_add(&a, "x"), 0);
    CU_ASSERT_EQUAL(a.n, 2);
    CU_ASSERT_EQUAL(ft_nameset_add(&b, "y"), 0);
    CU_ASSERT_EQUAL(ft_nameset_add(&b, "z"), 0);
    CU_ASSERT_EQUAL(ft_nameset_update(&a, &b), 0);
    CU_ASSERT_EQUAL(ft_nameset_update(&a, NULL), 0);
    CU_ASSERT_EQUAL(a.n, 3);
    /* Until the first discard, items keep the order of addition. */
    CU_ASSERT(a.n == 3 && strcmp(a.items[0], "x") == 0 &&
              strcmp(a.items[1], "y") == 0 && strcmp(a.items[2], "z") == 0);
    CU_ASSERT_EQUAL(ft_nameset_contains(NULL, "x"), 0);
    ft_nameset_discard(NULL, "x");
    ft_nameset_discard(&a, "x");
    CU_ASSERT_EQUAL(ft_nameset_contains(&a, "x"), 0);
    CU_ASSERT_EQUAL(ft_nameset_contains(&a, "z"), 1);
    CU_ASSERT_EQUAL(a.n, 2);
    ft_nameset_free(&a);
    ft_nameset_free(&b);
}

void test_register_nameset(void)
{
    CU_pSuite s = CU_add_suite("nameset", NULL, NULL);
    CU_add_test(s, "random adds and discards", test_random_ops);
    CU_add_test(s, "update, order, NULL sets", test_update_and_null);
}
