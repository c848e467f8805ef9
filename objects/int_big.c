/* objects/int_big.c — the big representation of int (see objects/int.h):
 * allocation and normalisation, signed arithmetic on ints of any size,
 * comparisons, hashing, conversion to and from double and text.
 * objects/int.c calls in here when an operand is big or a 64-bit result
 * overflows; the digit loops are in objects/bigint.c.
 *
 * A big int is written once, while it is private to the thread creating
 * it, and never changed after: every function here reads its operands
 * without locks on every build, free-threaded or not.
 */
#include "objects/object.h"
#include "objects/bigint.h"
#include "objects/int_big.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define BIG(o) ((FtBigIntObject *)(o))
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

int64_t ft_int_max_str_digits = 4300;

/* ---- views: any int as sign + magnitude ----------------------------------- */

void ft_bigv_of(FtObject *o, FtBigView *v)
{
    int64_t x = FT_INT_VALUE(o);
    if (x == FT_INT_BIG) {
        ssize_t s = BIG(o)->size;
        v->neg = s < 0;
        v->n = (size_t)(s < 0 ? -s : s);
        v->d = BIG(o)->digits;
        return;
    }
    uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
    v->neg = x < 0;
    v->buf[0] = (ft_digit)u;
    v->buf[1] = (ft_digit)(u >> 32);
    v->n = u == 0 ? 0 : u >> 32 ? 2 : 1;
    v->d = v->buf;
}

/* ---- allocation and normalisation ------------------------------------------ */

FtObject *ft_big_new(size_t n)
{
    if (n > ((size_t)1 << 58) / sizeof(ft_digit)) {
        ft_err_no_memory();
        return NULL;
    }
    size_t size = offsetof(FtBigIntObject, digits) + (n ? n : 1) * sizeof(ft_digit);
    FtObject *op = ft_mem_calloc(1, size);
    if (op == NULL)
        return NULL;
    op->ob_type = &FtInt_Type;
    ft_rc_init(op);
    FT_INT_VALUE(op) = FT_INT_BIG;
    BIG(op)->size = (ssize_t)n;
    return op;
}

uint32_t *ft_big_digits(FtObject *op) { return BIG(op)->digits; }

void ft_big_discard(FtObject *op)
{
    FT_RC_TOTAL_ADD(-1); /* its one reference, counted by ft_rc_init */
    ft_mem_free(op);
}

FtObject *ft_big_finish(FtObject *op, size_t n, int neg)
{
    ft_digit *d = BIG(op)->digits;
    n = ft_big_norm(d, n);
    if (n <= 2) {
        uint64_t u = n == 0 ? 0 : n == 1 ? d[0] : d[0] | (uint64_t)d[1] << 32;
        if (u <= (uint64_t)INT64_MAX) {
            ft_big_discard(op);
            return ft_int_from_i64(neg ? -(int64_t)u : (int64_t)u);
        }
    }
    BIG(op)->size = neg ? -(ssize_t)n : (ssize_t)n;
    return op;
}

FtObject *ft_big_from_mag(const ft_digit *d, size_t n, int neg)
{
    n = ft_big_norm(d, n);
    FtObject *r = ft_big_new(n);
    if (r == NULL)
        return NULL;
    memcpy(BIG(r)->digits, d, n * sizeof(ft_digit));
    return ft_big_finish(r, n, neg);
}

FtObject *ft_int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return ft_int_from_i64((int64_t)v);
    ft_digit d[2] = {(ft_digit)v, (ft_digit)(v >> 32)};
    return ft_big_from_mag(d, 2, 0);
}

static FtObject *from_view(const FtBigView *v)
{
    return ft_big_from_mag(v->d, v->n, v->neg);
}

/* ---- signed add / subtract / multiply ---------------------------------------- */

/* a + b, with b's sign flipped when `negb`. */
static FtObject *add_views(const FtBigView *a, const FtBigView *b, int negb)
{
    int bneg = b->neg ^ negb;
    if (a->neg == bneg) {
        const FtBigView *x = a, *y = b;
        if (x->n < y->n) {
            x = b;
            y = a;
        }
        FtObject *r = ft_big_new(x->n + 1);
        if (r == NULL)
            return NULL;
        ft_digit *d = BIG(r)->digits;
        d[x->n] = ft_big_add(d, x->d, x->n, y->d, y->n);
        return ft_big_finish(r, x->n + 1, a->neg);
    }
    int c = ft_big_cmp(a->d, a->n, b->d, b->n);
    if (c == 0)
        return ft_int_from_i64(0);
    const FtBigView *x = c > 0 ? a : b, *y = c > 0 ? b : a;
    FtObject *r = ft_big_new(x->n);
    if (r == NULL)
        return NULL;
    ft_big_sub(BIG(r)->digits, x->d, x->n, y->d, y->n);
    return ft_big_finish(r, x->n, c > 0 ? a->neg : bneg);
}

static FtObject *mul_views(const FtBigView *a, const FtBigView *b)
{
    if (a->n == 0 || b->n == 0)
        return ft_int_from_i64(0);
    FtObject *r = ft_big_new(a->n + b->n);
    if (r == NULL)
        return NULL;
    if (ft_big_mul(BIG(r)->digits, a->d, a->n, b->d, b->n) < 0) {
        ft_big_discard(r);
        return NULL;
    }
    return ft_big_finish(r, a->n + b->n, a->neg != b->neg);
}

/* ---- floor division and modulo ------------------------------------------------ */

int ft_big_divmod(FtObject *a, FtObject *b, FtObject **qp, FtObject **rp)
{
    FtBigView x, y;
    ft_bigv_of(a, &x);
    ft_bigv_of(b, &y);
    if (y.n == 0) {
        ft_err_set_string(FtExc_ZeroDivisionError,
                          qp != NULL ? "integer division or modulo by zero"
                                     : "integer modulo by zero");
        return -1;
    }
    size_t nq = x.n >= y.n ? x.n - y.n + 1 : 1;
    FtObject *q = ft_big_new(nq + 1), *r = ft_big_new(y.n);
    if (q == NULL || r == NULL)
        goto fail;
    ft_digit *qd = BIG(q)->digits, *rd = BIG(r)->digits;
    if (x.n < y.n) {
        memcpy(rd, x.d, x.n * sizeof(ft_digit));
    } else if (ft_big_divrem(qd, rd, x.d, x.n, y.d, y.n) < 0) {
        goto fail;
    }
    size_t rn = ft_big_norm(rd, y.n);
    int signs_differ = x.neg != y.neg;
    if (signs_differ && rn != 0) {
        /* Python floors: |q| + 1 and |b| - |r|, r taking b's sign */
        qd[nq] = 0;
        ft_digit one = 1;
        ft_big_add(qd, qd, nq + 1, &one, 1);
        ft_big_sub(rd, y.d, y.n, rd, rn);
        rn = y.n;
    }
    FtObject *qo = NULL, *ro = NULL;
    if (qp != NULL) {
        qo = ft_big_finish(q, nq + 1, signs_differ);
        q = NULL;
        if (qo == NULL)
            goto fail;
    }
    if (rp != NULL) {
        ro = ft_big_finish(r, rn, y.neg);
        r = NULL;
        if (ro == NULL) {
            FT_XDECREF(qo);
            goto fail;
        }
    }
    if (q != NULL)
        ft_big_discard(q);
    if (r != NULL)
        ft_big_discard(r);
    if (qp != NULL)
        *qp = qo;
    if (rp != NULL)
        *rp = ro;
    return 0;
fail:
    if (q != NULL)
        ft_big_discard(q);
    if (r != NULL)
        ft_big_discard(r);
    return -1;
}

/* ---- true division ------------------------------------------------------------ */

/* n (nn digits) << s into a fresh array of the right length. */
static ft_digit *shifted_copy(const ft_digit *n, size_t nn, uint64_t s,
                              size_t *outn)
{
    size_t dig = (size_t)(s / FT_DIGIT_BITS);
    size_t len = nn + dig + 1;
    ft_digit *r = ft_mem_calloc(len, sizeof(ft_digit));
    if (r == NULL)
        return NULL;
    r[nn + dig] = ft_big_shl(r + dig, n, nn, (unsigned)(s % FT_DIGIT_BITS));
    *outn = ft_big_norm(r, len);
    return r;
}

/* a / b correctly rounded: scale so the integer quotient has 56 or 57
 * significant bits, fold a non-zero remainder into its lowest bit as a
 * sticky bit, then one rounding (uint64 -> double) and an exact ldexp. */
FtObject *ft_big_true_divide(FtObject *a, FtObject *b)
{
    FtBigView x, y;
    ft_bigv_of(a, &x);
    ft_bigv_of(b, &y);
    if (y.n == 0) {
        ft_err_set_string(FtExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    if (x.n == 0)
        return ft_float_from_double(x.neg != y.neg ? -0.0 : 0.0);
    int64_t bx = (int64_t)ft_big_bit_length(x.d, x.n);
    int64_t by = (int64_t)ft_big_bit_length(y.d, y.n);
    if (bx - by > 1025)
        goto overflow;
    if (by - bx > 1130)
        return ft_float_from_double(x.neg != y.neg ? -0.0 : 0.0);
    int64_t shift = 56 + by - bx;
    size_t nn = x.n, dn = y.n;
    ft_digit *num = NULL, *den = NULL;
    num = shifted_copy(x.d, x.n, shift > 0 ? (uint64_t)shift : 0, &nn);
    den = shifted_copy(y.d, y.n, shift < 0 ? (uint64_t)-shift : 0, &dn);
    ft_digit *q = num && den ? ft_mem_calloc(nn + 1, sizeof(ft_digit)) : NULL;
    ft_digit *r = q ? ft_mem_calloc(dn, sizeof(ft_digit)) : NULL;
    if (r == NULL || ft_big_divrem(q, r, num, nn, den, dn) < 0) {
        ft_mem_free(num);
        ft_mem_free(den);
        ft_mem_free(q);
        ft_mem_free(r);
        return NULL;
    }
    uint64_t q64 = q[0] | (uint64_t)q[1] << 32; /* 56 or 57 bits */
    int sticky = ft_big_norm(r, dn) != 0;
    ft_mem_free(num);
    ft_mem_free(den);
    ft_mem_free(q);
    ft_mem_free(r);
    double d = ldexp((double)(q64 | (uint64_t)sticky), (int)-shift);
    if (isinf(d))
        goto overflow;
    return ft_float_from_double(x.neg != y.neg ? -d : d);
overflow:
    ft_err_set_string(FtExc_OverflowError,
                      "integer division result too large for a float");
    return NULL;
}

/* ---- shifts ------------------------------------------------------------------- */

FtObject *ft_big_lshift(FtObject *a, uint64_t s)
{
    FtBigView x;
    ft_bigv_of(a, &x);
    if (x.n == 0)
        return ft_int_from_i64(0);
    if (s > ((uint64_t)1 << 40)) {
        ft_err_no_memory();
        return NULL;
    }
    size_t dig = (size_t)(s / FT_DIGIT_BITS), len = x.n + dig + 1;
    FtObject *r = ft_big_new(len);
    if (r == NULL)
        return NULL;
    ft_digit *d = BIG(r)->digits;
    d[len - 1] = ft_big_shl(d + dig, x.d, x.n, (unsigned)(s % FT_DIGIT_BITS));
    return ft_big_finish(r, len, x.neg);
}

/* Floors, as Python's >> does: a negative value with any 1 bit shifted
 * out rounds down, i.e. its magnitude goes up by one. */
FtObject *ft_big_rshift(FtObject *a, uint64_t s)
{
    FtBigView x;
    ft_bigv_of(a, &x);
    uint64_t dig = s / FT_DIGIT_BITS;
    if (dig >= x.n)
        return ft_int_from_i64(x.neg ? -1 : 0);
    size_t len = x.n - (size_t)dig;
    FtObject *r = ft_big_new(len + 1);
    if (r == NULL)
        return NULL;
    ft_digit *d = BIG(r)->digits;
    ft_digit lost = ft_big_shr(d, x.d + dig, len, (unsigned)(s % FT_DIGIT_BITS));
    d[len] = 0;
    if (x.neg) {
        for (size_t i = 0; i < dig && lost == 0; i++)
            lost = x.d[i];
        if (lost != 0) {
            ft_digit one = 1;
            ft_big_add(d, d, len + 1, &one, 1);
        }
    }
    return ft_big_finish(r, len + 1, x.neg);
}

/* ---- bitwise: two's complement of infinite width ---------------------------- */

/* n digits of v in two's complement (n > v->n, so the top digit carries
 * the sign). */
static void to_twos(const FtBigView *v, ft_digit *out, size_t n)
{
    memset(out, 0, n * sizeof(ft_digit));
    memcpy(out, v->d, v->n * sizeof(ft_digit));
    if (v->neg) {
        ft_digit one = 1;
        ft_big_sub(out, out, n, &one, 1);
        for (size_t i = 0; i < n; i++)
            out[i] = ~out[i];
    }
}

static FtObject *bitwise_views(const FtBigView *a, const FtBigView *b, int op)
{
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    FtObject *r = ft_big_new(n);
    ft_digit *t = ft_mem_alloc(n * sizeof(ft_digit));
    if (r == NULL || t == NULL) {
        if (r != NULL)
            ft_big_discard(r);
        ft_mem_free(t);
        return NULL;
    }
    ft_digit *d = BIG(r)->digits;
    to_twos(a, d, n);
    to_twos(b, t, n);
    for (size_t i = 0; i < n; i++)
        d[i] = op == FT_OP_AND ? d[i] & t[i] : op == FT_OP_OR ? d[i] | t[i]
                                                             : d[i] ^ t[i];
    ft_mem_free(t);
    int neg = (d[n - 1] >> (FT_DIGIT_BITS - 1)) != 0;
    if (neg) {
        for (size_t i = 0; i < n; i++)
            d[i] = ~d[i];
        ft_digit one = 1;
        ft_big_add(d, d, n, &one, 1);
    }
    return ft_big_finish(r, n, neg);
}

/* ---- the entry point from int.c --------------------------------------------- */

FtObject *ft_big_binop(FtObject *a, FtObject *b, int op)
{
    FtBigView x, y;
    ft_bigv_of(a, &x);
    ft_bigv_of(b, &y);
    FtObject *q, *r;
    switch (op) {
    case FT_OP_ADD:
        return add_views(&x, &y, 0);
    case FT_OP_SUB:
        return add_views(&x, &y, 1);
    case FT_OP_MUL:
        return mul_views(&x, &y);
    case FT_OP_FLOORDIV:
        if (ft_big_divmod(a, b, &q, NULL) < 0)
            return NULL;
        return q;
    case FT_OP_MOD:
        if (ft_big_divmod(a, b, NULL, &r) < 0)
            return NULL;
        return r;
    case FT_OP_TRUEDIV:
        return ft_big_true_divide(a, b);
    case FT_OP_AND:
    case FT_OP_OR:
    case FT_OP_XOR:
        return bitwise_views(&x, &y, op);
    case FT_OP_LSHIFT:
    case FT_OP_RSHIFT:
        if (y.neg) {
            ft_err_set_string(FtExc_ValueError, "negative shift count");
            return NULL;
        }
        if (y.n > 2 || (y.n == 2 && (y.d[1] >> 31))) {
            /* a shift count past 2**63 */
            if (op == FT_OP_RSHIFT || x.n == 0)
                return ft_int_from_i64(op == FT_OP_RSHIFT && x.neg ? -1 : 0);
            ft_err_set_string(FtExc_OverflowError,
                              "too many digits in integer");
            return NULL;
        }
        {
            uint64_t s = y.n == 0 ? 0
                         : y.n == 1 ? y.d[0]
                                    : y.d[0] | (uint64_t)y.d[1] << 32;
            return op == FT_OP_LSHIFT ? ft_big_lshift(a, s)
                                      : ft_big_rshift(a, s);
        }
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

FtObject *ft_big_negate(FtObject *a)
{
    FtBigView x;
    ft_bigv_of(a, &x);
    x.neg = !x.neg && x.n != 0;
    return from_view(&x);
}

FtObject *ft_big_abs(FtObject *a)
{
    FtBigView x;
    ft_bigv_of(a, &x);
    x.neg = 0;
    return from_view(&x);
}

/* ~x == -x - 1 */
FtObject *ft_big_invert(FtObject *a)
{
    FtBigView x, one;
    ft_bigv_of(a, &x);
    one.neg = 1;
    one.n = 1;
    one.buf[0] = 1;
    one.d = one.buf;
    x.neg = !x.neg;
    return add_views(&x, &one, 0);
}

/* ---- comparison, hash -------------------------------------------------------- */

int ft_int_compare(FtObject *a, FtObject *b)
{
    int64_t x = FT_INT_VALUE(a), y = FT_INT_VALUE(b);
    if (x != FT_INT_BIG && y != FT_INT_BIG)
        return x < y ? -1 : x > y;
    FtBigView u, v;
    ft_bigv_of(a, &u);
    ft_bigv_of(b, &v);
    if (u.neg != v.neg)
        return u.neg ? -1 : 1;
    int c = ft_big_cmp(u.d, u.n, v.d, v.n);
    return u.neg ? -c : c;
}

uint64_t ft_int_bit_length(FtObject *o)
{
    FtBigView x;
    ft_bigv_of(o, &x);
    return ft_big_bit_length(x.d, x.n);
}

int ft_int_sign(FtObject *o)
{
    int64_t x = FT_INT_VALUE(o);
    if (x != FT_INT_BIG)
        return x < 0 ? -1 : x > 0;
    return BIG(o)->size < 0 ? -1 : 1;
}

/* |x| mod 2**61 - 1 with x's sign: Horner's rule from the top digit. */
ft_hash_t ft_big_hash(FtObject *a)
{
    FtBigView x;
    ft_bigv_of(a, &x);
    uint64_t h = 0;
    for (size_t i = x.n; i-- > 0;) {
        unsigned __int128 t = ((unsigned __int128)h << FT_DIGIT_BITS) | x.d[i];
        h = (uint64_t)(t % HASH_MODULUS);
    }
    ft_hash_t r = x.neg ? -(ft_hash_t)h : (ft_hash_t)h;
    return r == -1 ? -2 : r;
}

/* ---- double ------------------------------------------------------------------- */

int ft_int_as_double(FtObject *o, double *out)
{
    int64_t v = FT_INT_VALUE(o);
    if (v != FT_INT_BIG) {
        *out = (double)v;
        return 0;
    }
    FtBigView x;
    ft_bigv_of(o, &x);
    uint64_t bl = ft_big_bit_length(x.d, x.n);
    if (bl > 1024)
        goto overflow;
    /* the top 64 bits, with anything below folded into a sticky bit: 64 >
     * 53 + 2, so the one conversion rounds exactly as the value would. */
    uint64_t shift = bl - 64, top = 0;
    int sticky = 0;
    {
        size_t dig = (size_t)(shift / FT_DIGIT_BITS);
        unsigned s = (unsigned)(shift % FT_DIGIT_BITS);
        /* three digits cover 64 bits at any bit offset */
        unsigned __int128 acc = 0;
        for (size_t i = 0; i < 3; i++) {
            size_t k = dig + 2 - i;
            acc = (acc << FT_DIGIT_BITS) | (k < x.n ? x.d[k] : 0);
        }
        top = (uint64_t)(acc >> s);
        sticky = (acc & (((unsigned __int128)1 << s) - 1)) != 0;
        for (size_t i = 0; i < dig && !sticky; i++)
            sticky = x.d[i] != 0;
    }
    double d = ldexp((double)(top | (uint64_t)sticky), (int)shift);
    if (isinf(d))
        goto overflow;
    *out = x.neg ? -d : d;
    return 0;
overflow:
    ft_err_set_string(FtExc_OverflowError, "int too large to convert to float");
    return -1;
}

FtObject *ft_int_from_double(double v)
{
    double t = trunc(v);
    if (t < 9223372036854775808.0 && t > -9223372036854775808.0)
        return ft_int_from_i64((int64_t)t);
    int e;
    double m = frexp(fabs(t), &e); /* t = m * 2**e, e > 63 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    ft_digit d[2] = {(ft_digit)mant, (ft_digit)(mant >> 32)};
    FtBigView w = {.neg = t < 0, .n = 2, .d = d};
    FtObject *base = from_view(&w);
    if (base == NULL)
        return NULL;
    FtObject *r = ft_big_lshift(base, (uint64_t)(e - 53));
    FT_DECREF(base);
    return r;
}

/* A big int has |i| >= 2**63: it beats any double below that. A double at
 * or above it is an integer, so convert it and compare ints. */
int ft_int_compare_double(FtObject *o, double x)
{
    if (FT_INT_IS_SMALL(o))
        return -ft_float_compare_int(x, FT_INT_VALUE(o));
    int s = ft_int_sign(o);
    if (isinf(x))
        return x > 0 ? -1 : 1;
    if (fabs(x) < 9223372036854775808.0)
        return s;
    FtObject *xi = ft_int_from_double(x);
    if (xi == NULL) {
        ft_err_clear();
        return s;
    }
    int c = ft_int_compare(o, xi);
    FT_DECREF(xi);
    return c;
}

/* -2**63: the one value that fits int64 and is stored big. */
static int is_int64_min(FtObject *o)
{
    return BIG(o)->size == -2 && BIG(o)->digits[0] == 0 &&
           BIG(o)->digits[1] == 0x80000000u;
}

int ft_int_as_i64_big(FtObject *o, int64_t *out)
{
    int64_t v = FT_INT_VALUE(o);
    if (v == FT_INT_BIG && !is_int64_min(o)) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = v;
    return 0;
}

int ft_int_as_index_big(FtObject *o, int64_t *out)
{
    if (FT_INT_IS_SMALL(o) || is_int64_min(o)) {
        *out = ft_int_clamped(o);
        return 0;
    }
    ft_err_set_string(FtExc_IndexError,
                      "cannot fit 'int' into an index-sized integer");
    return -1;
}

int ft_int_as_count(FtObject *o, int64_t *out)
{
    if (FT_INT_IS_SMALL(o) || is_int64_min(o)) {
        *out = ft_int_clamped(o);
        return 0;
    }
    ft_err_set_string(FtExc_OverflowError,
                      "cannot fit 'int' into an index-sized integer");
    return -1;
}

int64_t ft_int_clamped(FtObject *o)
{
    int64_t v = FT_INT_VALUE(o);
    if (v != FT_INT_BIG)
        return v;
    return BIG(o)->size < 0 ? INT64_MIN : INT64_MAX;
}

/* ---- text -------------------------------------------------------------------- */

/* sys.set_int_max_str_digits may change it from any thread. */
static int64_t max_digits(void)
{
    return __atomic_load_n(&ft_int_max_str_digits, __ATOMIC_RELAXED);
}

static FtObject *limit_error(size_t ndigits, int parsing)
{
    if (parsing)
        ft_err_format(FtExc_ValueError,
                      "Exceeds the limit (%lld digits) for integer string "
                      "conversion: value has %lld digits; use "
                      "sys.set_int_max_str_digits() to increase the limit",
                      (long long)max_digits(), (long long)ndigits);
    else
        ft_err_format(FtExc_ValueError,
                      "Exceeds the limit (%lld digits) for integer string "
                      "conversion; use sys.set_int_max_str_digits() to "
                      "increase the limit",
                      (long long)max_digits());
    return NULL;
}

char *ft_big_to_digits(FtObject *v, int base, int upper, size_t *len)
{
    static const char lower_digs[] = "0123456789abcdef";
    static const char upper_digs[] = "0123456789ABCDEF";
    const char *digs = upper ? upper_digs : lower_digs;
    FtBigView x;
    ft_bigv_of(v, &x);
    if (base != 10) {
        unsigned bits = base == 2 ? 1 : base == 8 ? 3 : 4;
        uint64_t nbits = ft_big_bit_length(x.d, x.n);
        size_t nd = nbits == 0 ? 1 : (size_t)((nbits + bits - 1) / bits);
        char *out = ft_mem_alloc(nd + 1);
        if (out == NULL)
            return NULL;
        for (size_t i = 0; i < nd; i++) {
            uint64_t bit = (uint64_t)i * bits;
            size_t k = (size_t)(bit / FT_DIGIT_BITS);
            unsigned s = (unsigned)(bit % FT_DIGIT_BITS);
            uint64_t w = (k < x.n ? x.d[k] : 0) |
                         (k + 1 < x.n ? (uint64_t)x.d[k + 1] << 32 : 0);
            out[nd - 1 - i] = digs[(w >> s) & ((1u << bits) - 1)];
        }
        out[nd] = 0;
        *len = nd;
        return out;
    }
    /* 3.32 bits per decimal digit: refuse early what is surely too long */
    uint64_t nbits = ft_big_bit_length(x.d, x.n);
    if (max_digits() > 0 &&
        nbits / 4 > (uint64_t)max_digits() + 1) {
        limit_error(0, 0);
        return NULL;
    }
    /* repeated division by 10**9: chunks least significant first */
    size_t nchunks = x.n * 10 / 9 + 2;
    ft_digit *work = ft_mem_alloc((x.n + 1) * sizeof(ft_digit));
    uint32_t *chunks = work ? ft_mem_alloc(nchunks * sizeof(uint32_t)) : NULL;
    if (chunks == NULL) {
        ft_mem_free(work);
        return NULL;
    }
    memcpy(work, x.d, x.n * sizeof(ft_digit));
    size_t wn = x.n, nc = 0;
    while (wn > 0) {
        chunks[nc++] = ft_big_divrem1(work, work, wn, 1000000000u);
        wn = ft_big_norm(work, wn);
    }
    ft_mem_free(work);
    char *out = ft_mem_alloc(nc * 9 + 2);
    if (out == NULL) {
        ft_mem_free(chunks);
        return NULL;
    }
    int n = sprintf(out, "%u", nc ? chunks[nc - 1] : 0u);
    char *p = out + n;
    for (size_t i = nc - 1; nc > 0 && i-- > 0;) {
        uint32_t c = chunks[i];
        for (int k = 8; k >= 0; k--) {
            p[k] = (char)('0' + c % 10);
            c /= 10;
        }
        p += 9;
    }
    *p = 0;
    ft_mem_free(chunks);
    *len = (size_t)(p - out);
    if (max_digits() > 0 && *len > (size_t)max_digits()) {
        ft_mem_free(out);
        limit_error(0, 0);
        return NULL;
    }
    return out;
}

/* ds[0..n): digit values already checked against base. Power-of-two bases
 * pack bits; the others multiply-add in chunks of as many digits as fit a
 * 32-bit digit (quadratic, which the digit limit keeps small). */
FtObject *ft_big_from_digit_values(const unsigned char *ds, size_t n, int base,
                                   int neg)
{
    if ((base & (base - 1)) != 0 && max_digits() > 0 &&
        n > (size_t)max_digits())
        return limit_error(n, 1);
    if ((base & (base - 1)) == 0) {
        unsigned bits = (unsigned)__builtin_ctz((unsigned)base);
        size_t nd = (size_t)(((uint64_t)n * bits + 31) / 32) + 1;
        FtObject *r = ft_big_new(nd);
        if (r == NULL)
            return NULL;
        ft_digit *d = BIG(r)->digits;
        for (size_t i = 0; i < n; i++) {
            uint64_t bit = (uint64_t)i * bits;
            size_t k = (size_t)(bit / FT_DIGIT_BITS);
            unsigned s = (unsigned)(bit % FT_DIGIT_BITS);
            uint64_t w = (uint64_t)ds[n - 1 - i] << s;
            d[k] |= (ft_digit)w;
            if (w >> 32)
                d[k + 1] |= (ft_digit)(w >> 32);
        }
        return ft_big_finish(r, nd, neg);
    }
    ft_digit chunk_pow = 1;
    unsigned per = 0;
    while ((ft_twodigits)chunk_pow * (unsigned)base <= 0xFFFFFFFFu) {
        chunk_pow *= (ft_digit)base;
        per++;
    }
    size_t nd = n / per + 2;
    FtObject *r = ft_big_new(nd);
    if (r == NULL)
        return NULL;
    ft_digit *d = BIG(r)->digits;
    size_t used = 0;
    for (size_t i = 0; i < n;) {
        ft_digit acc = 0, mult = 1;
        for (unsigned k = 0; k < per && i < n; k++, i++) {
            acc = acc * (ft_digit)base + ds[i];
            mult *= (ft_digit)base;
        }
        ft_twodigits carry = acc;
        for (size_t j = 0; j < used; j++) {
            carry += (ft_twodigits)d[j] * mult;
            d[j] = (ft_digit)carry;
            carry >>= FT_DIGIT_BITS;
        }
        if (carry != 0)
            d[used++] = (ft_digit)carry;
    }
    return ft_big_finish(r, nd, neg);
}

/* ---- modular exponentiation -------------------------------------------------- */

/* *acc = *acc op b, consuming the old *acc; 0 or -1. */
static int update(FtObject **acc, FtObject *b, int op)
{
    FtObject *r = ft_big_binop(*acc, b, op);
    FT_DECREF(*acc);
    *acc = r;
    return r != NULL ? 0 : -1;
}

/* The inverse of a modulo m (0 <= a < m, m > 1) by the extended Euclidean
 * algorithm; NULL + ValueError when gcd(a, m) != 1. */
static FtObject *mod_inverse(FtObject *a, FtObject *m)
{
    FtObject *r0 = FT_NEWREF(m), *r1 = FT_NEWREF(a);
    FtObject *t0 = ft_int_from_i64(0), *t1 = ft_int_from_i64(1);
    FtObject *res = NULL;
    while (ft_int_sign(r1) != 0) {
        FtObject *q, *rr;
        if (ft_big_divmod(r0, r1, &q, &rr) < 0)
            goto done;
        FT_DECREF(r0);
        r0 = r1;
        r1 = rr;
        FtObject *qt = ft_big_binop(q, t1, FT_OP_MUL);
        FT_DECREF(q);
        if (qt == NULL)
            goto done;
        FtObject *t2 = ft_big_binop(t0, qt, FT_OP_SUB);
        FT_DECREF(qt);
        if (t2 == NULL)
            goto done;
        FT_DECREF(t0);
        t0 = t1;
        t1 = t2;
    }
    if (!(FT_INT_IS_SMALL(r0) && FT_INT_VALUE(r0) == 1)) {
        ft_err_set_string(FtExc_ValueError,
                          "base is not invertible for the given modulus");
        goto done;
    }
    ft_big_divmod(t0, m, NULL, &res);
done:
    FT_DECREF(r0);
    FT_DECREF(r1);
    FT_DECREF(t0);
    FT_DECREF(t1);
    return res;
}

FtObject *ft_int_pow_mod(FtObject *a, FtObject *b, FtObject *m)
{
    if (ft_int_sign(m) == 0) {
        ft_err_set_string(FtExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    FtObject *mabs = ft_big_abs(m), *base = NULL, *r = NULL;
    if (mabs == NULL)
        return NULL;
    if (FT_INT_IS_SMALL(mabs) && FT_INT_VALUE(mabs) == 1) {
        FT_DECREF(mabs);
        return ft_int_from_i64(0);
    }
    if (ft_big_divmod(a, mabs, NULL, &base) < 0)
        goto fail;
    if (ft_int_sign(b) < 0) {
        FtObject *inv = mod_inverse(base, mabs);
        FT_DECREF(base);
        base = inv;
        if (base == NULL)
            goto fail;
    }
    FtBigView e;
    ft_bigv_of(b, &e);
    r = ft_int_from_i64(1);
    for (size_t i = e.n; r != NULL && i-- > 0;) {
        for (int bit = FT_DIGIT_BITS - 1; bit >= 0; bit--) {
            if (update(&r, r, FT_OP_MUL) < 0 || update(&r, mabs, FT_OP_MOD) < 0)
                goto fail;
            if (((e.d[i] >> bit) & 1) &&
                (update(&r, base, FT_OP_MUL) < 0 ||
                 update(&r, mabs, FT_OP_MOD) < 0))
                goto fail;
        }
    }
    if (r != NULL && ft_int_sign(m) < 0 && ft_int_sign(r) != 0)
        update(&r, m, FT_OP_ADD);
    FT_DECREF(base);
    FT_DECREF(mabs);
    return r;
fail:
    FT_XDECREF(r);
    FT_XDECREF(base);
    FT_DECREF(mabs);
    return NULL;
}
