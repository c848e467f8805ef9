/* tests/unit/test_bigint.c — the digit arithmetic under big ints
 * (objects/bigint.c): carries, known products, Karatsuba against
 * schoolbook, Knuth division against multiplication, shifts; randomised
 * cross-checks with a fixed seed so a failure reproduces.
 */
#include "tests/unit/unit.h"

#include <string.h>

#include "objects/bigint.h"

#define MAXD 400

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd32(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

/* n random digits; some runs of all-ones and zeros, which find carry and
 * estimate bugs that uniform digits rarely reach. */
static void fill(ft_digit *d, size_t n)
{
    int style = (int)(rnd32() % 4);
    for (size_t i = 0; i < n; i++) {
        uint32_t r = rnd32();
        d[i] = style == 0 ? r : style == 1 ? (r & 1 ? 0xFFFFFFFFu : r)
               : style == 2 ? (r & 1 ? 0 : r) : (r % 3 ? 0xFFFFFFFFu : 0);
    }
    if (n > 0 && d[n - 1] == 0)
        d[n - 1] = 1 + (rnd32() >> 1);
}

static void test_add_sub_carries(void)
{
    ft_digit a[3] = {0xFFFFFFFFu, 0xFFFFFFFFu, 0}, one = 1, r[3];
    CU_ASSERT_EQUAL(ft_big_add(r, a, 2, &one, 1), 1);
    CU_ASSERT(r[0] == 0 && r[1] == 0);
    ft_digit b[3] = {0, 0, 1};
    CU_ASSERT_EQUAL(ft_big_sub(r, b, 3, &one, 1), 0);
    CU_ASSERT(r[0] == 0xFFFFFFFFu && r[1] == 0xFFFFFFFFu && r[2] == 0);
    CU_ASSERT_EQUAL(ft_big_norm(r, 3), 2);
    CU_ASSERT_EQUAL(ft_big_cmp(a, 2, b, 3), -1);
    CU_ASSERT_EQUAL(ft_big_cmp(b, 3, a, 2), 1);
    CU_ASSERT_EQUAL(ft_big_cmp(a, 2, a, 2), 0);
    CU_ASSERT_EQUAL(ft_big_bit_length(b, 3), 65);
    CU_ASSERT_EQUAL(ft_big_bit_length(a, 2), 64);
}

static void test_known_product(void)
{
    /* (2**64 - 1)**2 == 2**128 - 2**65 + 1 */
    ft_digit a[2] = {0xFFFFFFFFu, 0xFFFFFFFFu}, r[4];
    CU_ASSERT_EQUAL(ft_big_mul(r, a, 2, a, 2), 0);
    CU_ASSERT(r[0] == 1 && r[1] == 0 && r[2] == 0xFFFFFFFEu &&
              r[3] == 0xFFFFFFFFu);
}

static void test_karatsuba_matches_schoolbook(void)
{
    static ft_digit a[MAXD], b[MAXD], r1[2 * MAXD], r2[2 * MAXD];
    size_t saved = ft_big_karatsuba_cutoff;
    for (int t = 0; t < 300; t++) {
        size_t na = 1 + rnd32() % MAXD, nb = 1 + rnd32() % MAXD;
        if (t % 3 == 0)
            nb = na; /* balanced: the three-product recursion itself */
        fill(a, na);
        fill(b, nb);
        ft_big_karatsuba_cutoff = 2 + rnd32() % 12;
        CU_ASSERT_EQUAL_FATAL(ft_big_mul(r1, a, na, b, nb), 0);
        ft_big_mul_school(r2, a, na, b, nb);
        CU_ASSERT_EQUAL(memcmp(r1, r2, (na + nb) * sizeof(ft_digit)), 0);
    }
    ft_big_karatsuba_cutoff = saved;
}

/* (a * b) / b == a with remainder 0, and (a*b + c) / b == a rem c for
 * c < b: algorithm D against multiplication. */
static void test_division_against_multiplication(void)
{
    static ft_digit a[MAXD], b[MAXD], c[MAXD], p[2 * MAXD + 1],
        q[2 * MAXD + 1], r[MAXD];
    for (int t = 0; t < 400; t++) {
        size_t na = 1 + rnd32() % 60, nb = 1 + rnd32() % 60;
        fill(a, na);
        fill(b, nb);
        if (t % 5 == 0)
            b[nb - 1] = 0x80000000u >> (rnd32() % 32); /* every shift */
        CU_ASSERT_EQUAL_FATAL(ft_big_mul(p, a, na, b, nb), 0);
        size_t np = ft_big_norm(p, na + nb);
        /* c = some value below b */
        memcpy(c, b, nb * sizeof(ft_digit));
        ft_digit one = 1;
        ft_big_sub(c, c, nb, &one, 1);
        if (rnd32() & 1)
            ft_big_shr(c, c, nb, rnd32() % 32);
        p[np] = 0;
        p[np] = ft_big_add(p, p, np, c, ft_big_norm(c, nb) <= np ? ft_big_norm(c, nb) : np);
        np = ft_big_norm(p, np + 1);
        if (np < nb)
            continue;
        CU_ASSERT_EQUAL_FATAL(ft_big_divrem(q, r, p, np, b, nb), 0);
        size_t nq = ft_big_norm(q, np - nb + 1);
        CU_ASSERT_EQUAL(ft_big_cmp(q, nq, a, ft_big_norm(a, na)), 0);
        CU_ASSERT_EQUAL(ft_big_cmp(r, ft_big_norm(r, nb), c, ft_big_norm(c, nb)),
                        0);
    }
}

/* q*b + r == a and r < b for unrelated random a, b. */
static void test_divmod_identity(void)
{
    static ft_digit a[MAXD], b[MAXD], q[MAXD], r[MAXD], back[2 * MAXD + 2];
    for (int t = 0; t < 400; t++) {
        size_t na = 1 + rnd32() % 80, nb = 1 + rnd32() % 80;
        if (nb > na) {
            size_t x = na;
            na = nb;
            nb = x;
        }
        fill(a, na);
        fill(b, nb);
        CU_ASSERT_EQUAL_FATAL(ft_big_divrem(q, r, a, na, b, nb), 0);
        size_t nq = ft_big_norm(q, na - nb + 1), nr = ft_big_norm(r, nb);
        CU_ASSERT(ft_big_cmp(r, nr, b, nb) < 0);
        memset(back, 0, sizeof back);
        if (nq > 0)
            CU_ASSERT_EQUAL_FATAL(ft_big_mul(back, q, nq, b, nb), 0);
        size_t nbk = nq + nb + 1;
        back[nbk - 1] += ft_big_add(back, back, nbk - 1, r, nr);
        CU_ASSERT_EQUAL(ft_big_cmp(back, ft_big_norm(back, nbk), a, na), 0);
    }
}

static void test_shifts(void)
{
    static ft_digit a[64], s[65], back[65];
    for (int t = 0; t < 200; t++) {
        size_t n = 1 + rnd32() % 63;
        unsigned k = rnd32() % 32;
        fill(a, n);
        s[n] = ft_big_shl(s, a, n, k);
        ft_digit lost = ft_big_shr(back, s, n + 1, k);
        CU_ASSERT_EQUAL(lost, 0);
        CU_ASSERT_EQUAL(memcmp(back, a, n * sizeof(ft_digit)), 0);
        CU_ASSERT_EQUAL(back[n], 0);
        CU_ASSERT_EQUAL(ft_big_bit_length(s, ft_big_norm(s, n + 1)),
                        ft_big_bit_length(a, n) + k);
    }
}

/* The object layer on top: a product of big ints divided back, through
 * the int type's own operators. */
static void test_int_objects(void)
{
    FtObject *two = ft_int_from_i64(2), *e = ft_int_from_i64(200);
    FtObject *p = ft_number_binop(two, e, FT_OP_POW);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    FtObject *seven = ft_int_from_i64(7);
    FtObject *m = ft_number_binop(p, seven, FT_OP_MUL);
    FtObject *d = ft_number_binop(m, p, FT_OP_FLOORDIV);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    int64_t v = 0;
    CU_ASSERT_EQUAL(ft_int_as_i64(d, &v), 0);
    CU_ASSERT_EQUAL(v, 7);
    FtObject *text = ft_object_repr(p);
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(text),
                           "1606938044258990275541962092341162602522202993782"
                           "792835301376");
    /* CPython: hash(2**200) == 2**200 % (2**61 - 1) == 2**(200 % 61) */
    CU_ASSERT_EQUAL(ft_object_hash(p), (ft_hash_t)1 << (200 % 61));
    FT_DECREF(text);
    FT_DECREF(d);
    FT_DECREF(m);
    FT_DECREF(seven);
    FT_DECREF(p);
    FT_DECREF(e);
    FT_DECREF(two);
}

void test_register_bigint(void)
{
    CU_pSuite s = CU_add_suite("bigint", NULL, NULL);
    if (s == NULL)
        return;
    CU_add_test(s, "add/sub carries, compare, bit length", test_add_sub_carries);
    CU_add_test(s, "a known product", test_known_product);
    CU_add_test(s, "Karatsuba matches schoolbook", test_karatsuba_matches_schoolbook);
    CU_add_test(s, "(a*b + c) / b == a rem c", test_division_against_multiplication);
    CU_add_test(s, "divmod identity", test_divmod_identity);
    CU_add_test(s, "shift round trips", test_shifts);
    CU_add_test(s, "int objects on top", test_int_objects);
}
