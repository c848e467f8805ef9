/* objects/bigint.c — digit arithmetic for big ints: add, subtract,
 * schoolbook and Karatsuba multiplication, Knuth's algorithm D for
 * division, shifts. Magnitudes only; signs live in objects/int_big.c.
 *
 * Digits are 32 bits so that a digit product plus two digits fits in 64
 * bits (the inner loops need no 128-bit arithmetic). Nothing here keeps
 * state but the cutoff, which is set once: callers may run these from any
 * thread on arrays they own.
 */
#include "objects/bigint.h"

#include <string.h>

#include "runtime/alloc.h"

#define DIGIT_MASK ((ft_twodigits)0xFFFFFFFFu)

/* Measured on random n x n digit products (x86-64, gcc -O2, best of 5):
 * n = 32: schoolbook 0.55 us, Karatsuba from 24 digits 0.55 us; n = 48:
 * 1.25 / 1.15 us, and with this cutoff (halves of 24 digits done by
 * schoolbook) 1.05 us; n = 128: 10.2 / 5.8 us; n = 512: 155 / 55 us. The
 * crossover is between 32 and 48 digits (1024-1536 bits). */
size_t ft_big_karatsuba_cutoff = 40;

size_t ft_big_norm(const ft_digit *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

int ft_big_cmp(const ft_digit *a, size_t na, const ft_digit *b, size_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    while (na-- > 0) {
        if (a[na] != b[na])
            return a[na] < b[na] ? -1 : 1;
    }
    return 0;
}

ft_digit ft_big_add(ft_digit *r, const ft_digit *a, size_t na,
                    const ft_digit *b, size_t nb)
{
    ft_twodigits carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (ft_twodigits)a[i] + b[i];
        r[i] = (ft_digit)carry;
        carry >>= FT_DIGIT_BITS;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (ft_digit)carry;
        carry >>= FT_DIGIT_BITS;
    }
    return (ft_digit)carry;
}

ft_digit ft_big_sub(ft_digit *r, const ft_digit *a, size_t na,
                    const ft_digit *b, size_t nb)
{
    ft_twodigits borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        ft_twodigits t = (ft_twodigits)a[i] - b[i] - borrow;
        r[i] = (ft_digit)t;
        borrow = t >> 63;
    }
    for (; i < na; i++) {
        ft_twodigits t = (ft_twodigits)a[i] - borrow;
        r[i] = (ft_digit)t;
        borrow = t >> 63;
    }
    return (ft_digit)borrow;
}

void ft_big_mul_school(ft_digit *r, const ft_digit *a, size_t na,
                       const ft_digit *b, size_t nb)
{
    memset(r, 0, (na + nb) * sizeof(ft_digit));
    for (size_t i = 0; i < nb; i++) {
        ft_twodigits bi = b[i], carry = 0;
        if (bi == 0)
            continue;
        ft_digit *ri = r + i;
        for (size_t j = 0; j < na; j++) {
            /* bi * a[j] + ri[j] + carry < 2**64: no overflow */
            carry += bi * a[j] + ri[j];
            ri[j] = (ft_digit)carry;
            carry >>= FT_DIGIT_BITS;
        }
        ri[na] = (ft_digit)carry;
    }
}

/* r[0..n) += a[0..na) with na <= n; the carry runs up to r[n-1]. */
static void add_into(ft_digit *r, size_t n, const ft_digit *a, size_t na)
{
    ft_digit c = ft_big_add(r, r, na, a, na);
    for (size_t i = na; c != 0 && i < n; i++)
        c = ++r[i] == 0;
}

/* r[0..n) -= a[0..na) with na <= n and r >= a. */
static void sub_from(ft_digit *r, size_t n, const ft_digit *a, size_t na)
{
    ft_digit b = ft_big_sub(r, r, na, a, na);
    for (size_t i = na; b != 0 && i < n; i++)
        b = r[i]-- == 0;
}

static int kmul(ft_digit *r, const ft_digit *a, size_t na, const ft_digit *b,
                size_t nb);

/* na much larger than nb: multiply nb-digit slices of a by b. */
static int kmul_unbalanced(ft_digit *r, const ft_digit *a, size_t na,
                           const ft_digit *b, size_t nb)
{
    ft_digit *t = ft_mem_alloc(2 * nb * sizeof(ft_digit));
    if (t == NULL)
        return -1;
    memset(r, 0, (na + nb) * sizeof(ft_digit));
    for (size_t i = 0; i < na; i += nb) {
        size_t len = na - i < nb ? na - i : nb;
        int rc = len >= nb ? kmul(t, a + i, len, b, nb)
                           : kmul(t, b, nb, a + i, len);
        if (rc < 0) {
            ft_mem_free(t);
            return -1;
        }
        add_into(r + i, na + nb - i, t, len + nb);
    }
    ft_mem_free(t);
    return 0;
}

/* Karatsuba on na >= nb: with a = a1*B^m + a0 and b = b1*B^m + b0,
 * a*b = z2*B^2m + (z1 - z2 - z0)*B^m + z0 where z0 = a0*b0, z2 = a1*b1 and
 * z1 = (a0+a1)*(b0+b1): three half-size products instead of four. */
static int kmul(ft_digit *r, const ft_digit *a, size_t na, const ft_digit *b,
                size_t nb)
{
    /* below 4 digits the (m+1)-digit middle product would be no smaller
     * than the operands: the recursion would not shrink */
    if (nb < ft_big_karatsuba_cutoff || nb < 4) {
        ft_big_mul_school(r, a, na, b, nb);
        return 0;
    }
    size_t m = (na + 1) / 2;
    if (nb <= m)
        return kmul_unbalanced(r, a, na, b, nb);
    size_t n1a = na - m, n1b = nb - m;
    /* scratch: sa (m+1), sb (m+1), z1 (2m+2) */
    ft_digit *s = ft_mem_alloc((4 * m + 4) * sizeof(ft_digit));
    if (s == NULL)
        return -1;
    ft_digit *sa = s, *sb = s + m + 1, *z1 = s + 2 * m + 2;
    sa[m] = ft_big_add(sa, a, m, a + m, n1a);
    sb[m] = ft_big_add(sb, b, m, b + m, n1b);
    /* z0 into r[0..2m), z2 into r[2m..na+nb) */
    if (kmul(r, a, m, b, m) < 0 ||
        (n1a >= n1b ? kmul(r + 2 * m, a + m, n1a, b + m, n1b)
                    : kmul(r + 2 * m, b + m, n1b, a + m, n1a)) < 0 ||
        kmul(z1, sa, m + 1, sb, m + 1) < 0) {
        ft_mem_free(s);
        return -1;
    }
    size_t nz1 = ft_big_norm(z1, 2 * m + 2);
    sub_from(z1, nz1, r, ft_big_norm(r, 2 * m));
    sub_from(z1, nz1, r + 2 * m, ft_big_norm(r + 2 * m, n1a + n1b));
    nz1 = ft_big_norm(z1, nz1);
    add_into(r + m, na + nb - m, z1, nz1);
    ft_mem_free(s);
    return 0;
}

int ft_big_mul(ft_digit *r, const ft_digit *a, size_t na, const ft_digit *b,
               size_t nb)
{
    if (na < nb) {
        const ft_digit *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb == 0) {
        memset(r, 0, na * sizeof(ft_digit));
        return 0;
    }
    return kmul(r, a, na, b, nb);
}

ft_digit ft_big_divrem1(ft_digit *q, const ft_digit *a, size_t n, ft_digit d)
{
    ft_twodigits rem = 0;
    while (n-- > 0) {
        ft_twodigits cur = (rem << FT_DIGIT_BITS) | a[n];
        ft_digit qd = (ft_digit)(cur / d);
        rem = cur - (ft_twodigits)qd * d;
        if (q != NULL)
            q[n] = qd;
    }
    return (ft_digit)rem;
}

ft_digit ft_big_shl(ft_digit *r, const ft_digit *a, size_t n, unsigned s)
{
    if (s == 0) {
        memmove(r, a, n * sizeof(ft_digit));
        return 0;
    }
    ft_digit out = 0;
    for (size_t i = 0; i < n; i++) {
        ft_digit d = a[i];
        r[i] = (d << s) | out;
        out = d >> (FT_DIGIT_BITS - s);
    }
    return out;
}

ft_digit ft_big_shr(ft_digit *r, const ft_digit *a, size_t n, unsigned s)
{
    if (s == 0) {
        memmove(r, a, n * sizeof(ft_digit));
        return 0;
    }
    ft_digit in = 0;
    while (n-- > 0) {
        ft_digit d = a[n];
        r[n] = (d >> s) | in;
        in = d << (FT_DIGIT_BITS - s);
    }
    return in;
}

uint64_t ft_big_bit_length(const ft_digit *a, size_t n)
{
    if (n == 0)
        return 0;
    return (uint64_t)(n - 1) * FT_DIGIT_BITS +
           (uint64_t)(FT_DIGIT_BITS - __builtin_clz(a[n - 1]));
}

/* Knuth, TAOCP vol. 2, 4.3.1, algorithm D: normalise so the divisor's top
 * digit has its high bit set, estimate each quotient digit from the top
 * two digits of the running remainder (at most two too large after the
 * test against the divisor's second digit), multiply and subtract, and
 * add back in the rare case the estimate was still one too large. */
int ft_big_divrem(ft_digit *q, ft_digit *r, const ft_digit *a, size_t na,
                  const ft_digit *b, size_t nb)
{
    if (nb == 1) {
        ft_digit rem = q != NULL ? ft_big_divrem1(q, a, na, b[0])
                                 : ft_big_divrem1(NULL, a, na, b[0]);
        if (r != NULL)
            r[0] = rem;
        return 0;
    }
    ft_digit *u = ft_mem_alloc((na + 1 + nb) * sizeof(ft_digit));
    if (u == NULL)
        return -1;
    ft_digit *v = u + na + 1;
    unsigned s = (unsigned)__builtin_clz(b[nb - 1]);
    ft_big_shl(v, b, nb, s);
    u[na] = ft_big_shl(u, a, na, s);
    ft_twodigits vtop = v[nb - 1], vnext = v[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
        ft_twodigits num = ((ft_twodigits)u[j + nb] << FT_DIGIT_BITS) |
                           u[j + nb - 1];
        ft_twodigits qhat = num / vtop, rhat = num % vtop;
        while (qhat > DIGIT_MASK ||
               qhat * vnext > ((rhat << FT_DIGIT_BITS) | u[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > DIGIT_MASK)
                break;
        }
        ft_twodigits carry = 0, borrow = 0;
        ft_digit *uj = u + j;
        for (size_t i = 0; i < nb; i++) {
            ft_twodigits p = qhat * v[i] + carry;
            carry = p >> FT_DIGIT_BITS;
            ft_twodigits t = (ft_twodigits)uj[i] - (p & DIGIT_MASK) - borrow;
            uj[i] = (ft_digit)t;
            borrow = t >> 63;
        }
        ft_twodigits t = (ft_twodigits)uj[nb] - carry - borrow;
        uj[nb] = (ft_digit)t;
        if (t >> 63) {
            /* the estimate was one too large: add the divisor back */
            qhat--;
            uj[nb] += ft_big_add(uj, uj, nb, v, nb);
        }
        if (q != NULL)
            q[j] = (ft_digit)qhat;
    }
    if (r != NULL)
        ft_big_shr(r, u, nb, s);
    ft_mem_free(u);
    return 0;
}
