/* objects/int.c — the int type: small (64-bit) values with overflow checks
 * on every operation, falling back to the big representation
 * (objects/int_big.c) when a result or an operand does not fit; the
 * small-int cache, the per-thread int free list, int(), int formatting and
 * the helpers shared with float formatting.
 */
#include "objects/object.h"
#include "objects/typeobject.h"
#include "objects/bytes.h"
#include "objects/bytes_impl.h"
#include "objects/int_big.h"
#include "runtime/tstate.h"

#include <math.h>
#include <string.h>

FtIntObject ft_small_ints[FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1];

#define SMALL_INT_COUNT (FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1)

/* CPython hashes numbers modulo this Mersenne prime, so that equal ints and
 * floats (and, one day, fractions) hash alike. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

int ft_int_init(void)
{
    for (int i = 0; i < SMALL_INT_COUNT; i++) {
        ft_rc_init_static(&ft_small_ints[i].ob_base);
        ft_small_ints[i].ob_base.ob_type = &FtInt_Type;
        ft_small_ints[i].value = (int64_t)i + FT_SMALL_INT_MIN;
    }
    /* True and False are statically initialised in bool.c. */
    return 0;
}

FtObject *ft_int_overflow(void)
{
    ft_err_set_string(FtExc_OverflowError,
                      "Python int too large to convert to C ssize_t");
    return NULL;
}

/* ---- allocation ---------------------------------------------------------- */

static inline int is_static_int(FtObject *op)
{
    /* one unsigned comparison for the two bounds */
    return (uintptr_t)op - (uintptr_t)ft_small_ints <
           (uintptr_t)sizeof ft_small_ints;
}

/* Free-listed ints keep ob_type; their `value` field holds the link. */
static FtObject *int_alloc(int64_t v)
{
    FtThreadState *ts = ft_tstate_get();
    FtIntObject *fl = NULL;
    if (ts != NULL) {
        FT_FREELIST_LOCK();
        fl = ts->freelist[FT_FL_INT];
        if (fl != NULL) {
            ts->freelist[FT_FL_INT] = FT_FREELIST_NEXT(fl);
            ts->freelist_len[FT_FL_INT]--;
        }
        FT_FREELIST_UNLOCK();
    }
    if (fl != NULL) {
        ft_rc_init((FtObject *)fl);
        fl->value = v;
        return (FtObject *)fl;
    }
    FtObject *op = ft_object_new(&FtInt_Type);
    if (op != NULL)
        FT_INT_VALUE(op) = v;
    return op;
}

FtObject *ft_int_from_i64(int64_t v)
{
    uint64_t idx = (uint64_t)v - (uint64_t)(int64_t)FT_SMALL_INT_MIN;
    if (idx < (uint64_t)SMALL_INT_COUNT)
        return FT_NEWREF(&ft_small_ints[idx]);
    return ft_int_from_i64_uncached(v);
}

FtObject *ft_int_from_i64_uncached(int64_t v)
{
    if (__builtin_expect(v == FT_INT_BIG, 0)) {
        /* -2**63 is stored big: its `value` would read as the marker */
        static const ft_digit min_digits[2] = {0, 0x80000000u};
        return ft_big_from_mag(min_digits, 2, 1);
    }
    return int_alloc(v);
}

static void int_dealloc(FtObject *op)
{
    if (FT_TYPE(op) == &FtInt_Type && FT_INT_IS_SMALL(op)) {
        if (is_static_int(op)) {
            /* An extra DECREF somewhere; keep the static alive. */
            ft_rc_init_static(op);
            return;
        }
        FtThreadState *ts = ft_tstate_get();
        int kept = 0;
        if (ts != NULL) {
            FT_FREELIST_LOCK();
            if (ts->freelist_len[FT_FL_INT] < FT_FREELIST_MAX) {
                FT_FREELIST_NEXT(op) = ts->freelist[FT_FL_INT];
                ts->freelist[FT_FL_INT] = op;
                ts->freelist_len[FT_FL_INT]++;
                kept = 1;
            }
            FT_FREELIST_UNLOCK();
        }
        if (kept)
            return;
    }
    ft_object_free(op);
}

/* An instance of `type` (int or a subclass) with the value of int v. A
 * subclass instance has room for 64 bits only (see objects/int.h). */
static FtObject *int_new_of_type(FtType *type, FtObject *v)
{
    if (type == &FtInt_Type) {
        if (FT_INT_CHECK_EXACT(v))
            return FT_NEWREF(v);
        return ft_int_from_i64(FT_INT_VALUE(v)); /* a bool */
    }
    if (FT_INT_IS_BIG(v)) {
        ft_err_format(FtExc_OverflowError,
                      "%s() value does not fit in 64 bits (ftpy keeps big "
                      "values only in exact ints)", type->tp_name);
        return NULL;
    }
    FtObject *op = ft_object_new(type);
    if (op != NULL)
        FT_INT_VALUE(op) = FT_INT_VALUE(v);
    return op;
}

/* ---- special-method lookup on the type (not the instance) ---------------- */

/* type(o).name bound to o, called with no arguments. Returns NULL with no
 * exception set when the type has no such attribute. */
static FtObject *call_special(FtObject *o, FtObject *name)
{
    int missing = 0; /* a new reference to the attribute while it runs */
    return ft_call_special(o, name, NULL, 0, NULL, &missing);
}

/* Borrowed: the cached 0. */
static FtObject *ft_int_zero(void)
{
    return (FtObject *)&ft_small_ints[-FT_SMALL_INT_MIN];
}

static FtObject *trunc_name(void)
{
    static FtObject *name;
    return ft_intern_static(&name, "__trunc__");
}

/* ---- arithmetic ---------------------------------------------------------- */

/* Floor division and modulo with Python's signs; y != 0. Returns -1 when
 * the quotient overflows (INT64_MIN // -1); *r is valid even then. */
static int int_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    if (y == -1) {
        /* C's INT64_MIN % -1 traps, so never let it get there. */
        *r = 0;
        if (x == INT64_MIN) {
            *q = 0;
            return -1;
        }
        *q = -x;
        return 0;
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr ^ y) < 0)) {
        rr += y;
        qq -= 1;
    }
    *q = qq;
    *r = rr;
    return 0;
}

static int bit_length_u64(uint64_t u)
{
    return u == 0 ? 0 : 64 - __builtin_clzll(u);
}

/* x / y correctly rounded, as CPython computes int / int. */
static double int_true_divide(int64_t x, int64_t y)
{
    const int64_t exact = (int64_t)1 << 53;
    if (x >= -exact && x <= exact && y >= -exact && y <= exact)
        return (double)x / (double)y;
    int neg = (x < 0) != (y < 0);
    uint64_t n = x < 0 ? -(uint64_t)x : (uint64_t)x;
    uint64_t d = y < 0 ? -(uint64_t)y : (uint64_t)y;
    /* Scale so the integer quotient has at least 56 significant bits; the
     * remainder then only matters as a sticky bit below the rounding bit,
     * and the uint64 -> double conversion rounds half-even correctly. */
    int shift = 56 + bit_length_u64(d) - bit_length_u64(n);
    if (shift < 0)
        shift = 0;
    unsigned __int128 num = (unsigned __int128)n << shift;
    unsigned __int128 q = num / d;
    int sticky = (num % d) != 0;
    uint64_t q64 = (uint64_t)q | (uint64_t)sticky;
    double r = ldexp((double)q64, -shift);
    return neg ? -r : r;
}

/* base ** exp, exp >= 0, for ints of any size: left-to-right square and
 * multiply, so the multiplications by the base stay cheap. */
static FtObject *int_pow_big(FtObject *a, uint64_t e)
{
    FtBigView x;
    ft_bigv_of(a, &x);
    uint64_t bits = ft_big_bit_length(x.d, x.n);
    if (bits > 1 && (bits - 1) > ((uint64_t)1 << 38) / (e ? e : 1)) {
        ft_err_no_memory();
        return NULL;
    }
    FtObject *r = ft_int_from_i64(1);
    for (int i = 63 - __builtin_clzll(e | 1); r != NULL && i >= 0; i--) {
        FtObject *t = ft_big_binop(r, r, FT_OP_MUL);
        FT_DECREF(r);
        r = t;
        if (r != NULL && ((e >> i) & 1)) {
            t = ft_big_binop(r, a, FT_OP_MUL);
            FT_DECREF(r);
            r = t;
        }
    }
    return r;
}

static FtObject *int_pow(FtObject *a, FtObject *b)
{
    if (ft_int_sign(b) < 0) {
        /* CPython: a negative exponent means a float result. */
        double fa, fbv;
        if (ft_int_as_double(a, &fa) < 0 || ft_int_as_double(b, &fbv) < 0)
            return NULL;
        FtObject *fb = ft_float_from_double(fa);
        if (fb == NULL)
            return NULL;
        FtObject *fe = ft_float_from_double(fbv);
        if (fe == NULL) {
            FT_DECREF(fb);
            return NULL;
        }
        FtObject *r = ft_float_binop(fb, fe, FT_OP_POW);
        FT_DECREF(fb);
        FT_DECREF(fe);
        return r;
    }
    int64_t base = FT_INT_VALUE(a);
    if (base == 0 || base == 1)
        return ft_int_from_i64(ft_int_sign(b) == 0 ? 1 : base);
    if (base == -1) {
        FtBigView y;
        ft_bigv_of(b, &y);
        return ft_int_from_i64(y.n && (y.d[0] & 1) ? -1 : 1);
    }
    if (FT_INT_IS_BIG(b)) {
        ft_err_no_memory();
        return NULL;
    }
    int64_t exp = FT_INT_VALUE(b);
    if (base != FT_INT_BIG) {
        int64_t result = 1, bb = base, e = exp;
        while (e > 0) {
            if ((e & 1) && __builtin_mul_overflow(result, bb, &result))
                return int_pow_big(a, (uint64_t)exp);
            e >>= 1;
            if (e > 0 && __builtin_mul_overflow(bb, bb, &bb))
                return int_pow_big(a, (uint64_t)exp);
        }
        return ft_int_from_i64(result);
    }
    return int_pow_big(a, (uint64_t)exp);
}

FtObject *ft_int_binop(FtObject *a, FtObject *b, int op)
{
    if (!FT_INT_CHECK(a) || !FT_INT_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    int64_t x = FT_INT_VALUE(a), y = FT_INT_VALUE(b), r, m;
    if (op == FT_OP_POW)
        return int_pow(a, b);
    if (x == FT_INT_BIG || y == FT_INT_BIG)
        return ft_big_binop(a, b, op);
    switch (op) {
    case FT_OP_ADD:
        if (__builtin_add_overflow(x, y, &r))
            return ft_big_binop(a, b, op);
        return ft_int_from_i64(r);
    case FT_OP_SUB:
        if (__builtin_sub_overflow(x, y, &r))
            return ft_big_binop(a, b, op);
        return ft_int_from_i64(r);
    case FT_OP_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            return ft_big_binop(a, b, op);
        return ft_int_from_i64(r);
    case FT_OP_TRUEDIV:
        if (y == 0) {
            ft_err_set_string(FtExc_ZeroDivisionError, "division by zero");
            return NULL;
        }
        return ft_float_from_double(int_true_divide(x, y));
    case FT_OP_FLOORDIV:
    case FT_OP_MOD:
        if (y == 0) {
            /* CPython 3.11 words the two differently. */
            ft_err_set_string(FtExc_ZeroDivisionError,
                              op == FT_OP_MOD
                                  ? "integer modulo by zero"
                                  : "integer division or modulo by zero");
            return NULL;
        }
        if (int_divmod(x, y, &r, &m) < 0)
            return ft_big_binop(a, b, op);
        return ft_int_from_i64(op == FT_OP_MOD ? m : r);
    case FT_OP_LSHIFT:
        if (y < 0) {
            ft_err_set_string(FtExc_ValueError, "negative shift count");
            return NULL;
        }
        if (x == 0)
            return ft_int_from_i64(0);
        if (y >= 63)
            return ft_big_binop(a, b, op);
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x)
            return ft_big_binop(a, b, op);
        return ft_int_from_i64(r);
    case FT_OP_RSHIFT:
        if (y < 0) {
            ft_err_set_string(FtExc_ValueError, "negative shift count");
            return NULL;
        }
        if (y >= 64)
            return ft_int_from_i64(x < 0 ? -1 : 0);
        return ft_int_from_i64(x >> y); /* arithmetic shift: floors */
    case FT_OP_AND:
        return ft_int_from_i64(x & y);
    case FT_OP_OR:
        return ft_int_from_i64(x | y);
    case FT_OP_XOR:
        return ft_int_from_i64(x ^ y);
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

FtObject *ft_int_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_INT_CHECK(a) || !FT_INT_CHECK(b) || op < FT_LT || op > FT_GE)
        FT_RETURN_NOTIMPLEMENTED;
    return ft_bool_from(ft_compare_int(op, ft_int_compare(a, b), 0));
}

static FtObject *int_unary(FtObject *a, int op)
{
    int64_t x = FT_INT_VALUE(a);
    if (x == FT_INT_BIG) {
        switch (op) {
        case FT_UNARY_NEG: return ft_big_negate(a);
        case FT_UNARY_POS: return FT_NEWREF(a); /* only exact ints are big */
        case FT_UNARY_INVERT: return ft_big_invert(a);
        case FT_UNARY_ABS: return ft_big_abs(a);
        default: FT_RETURN_NOTIMPLEMENTED;
        }
    }
    switch (op) {
    case FT_UNARY_NEG:
        return ft_int_from_i64(-x); /* x > INT64_MIN: cannot overflow */
    case FT_UNARY_POS:
        if (FT_INT_CHECK_EXACT(a))
            return FT_NEWREF(a);
        return ft_int_from_i64(x);
    case FT_UNARY_INVERT:
        return ft_int_from_i64(~x);
    case FT_UNARY_ABS:
        if (x >= 0 && FT_INT_CHECK_EXACT(a))
            return FT_NEWREF(a);
        return ft_int_from_i64(x < 0 ? -x : x);
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

/* ---- hash, bool, repr ---------------------------------------------------- */

static ft_hash_t int_hash(FtObject *a)
{
    int64_t x = FT_INT_VALUE(a);
    if (x == FT_INT_BIG)
        return ft_big_hash(a);
    uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
    if (u >= HASH_MODULUS)
        u %= HASH_MODULUS;
    ft_hash_t h = x < 0 ? -(ft_hash_t)u : (ft_hash_t)u;
    return h == -1 ? -2 : h;
}

static int int_bool(FtObject *a) { return FT_INT_VALUE(a) != 0; }

/* Writes |v| in `base` (2..36) ending just before `end`; returns the start.
 * `upper` selects A-F for hex. */
static char *u64_to_digits(uint64_t u, int base, int upper, char *end)
{
    const char *digs =
        upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
              : "0123456789abcdefghijklmnopqrstuvwxyz";
    char *p = end;
    do {
        *--p = digs[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u != 0);
    return p;
}

char *ft_int_digits(FtObject *v, int base, int upper, size_t *len, int *neg)
{
    int64_t x = FT_INT_VALUE(v);
    if (x == FT_INT_BIG) {
        *neg = ft_int_sign(v) < 0;
        return ft_big_to_digits(v, base, upper, len);
    }
    char buf[72];
    char *end = buf + sizeof buf;
    char *p = u64_to_digits(x < 0 ? -(uint64_t)x : (uint64_t)x, base, upper,
                            end);
    *neg = x < 0;
    *len = (size_t)(end - p);
    char *out = ft_mem_alloc(*len + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, p, *len);
    out[*len] = 0;
    return out;
}

static FtObject *int_repr(FtObject *a)
{
    char buf[24];
    int64_t x = FT_INT_VALUE(a);
    if (x == FT_INT_BIG) {
        size_t n;
        int neg;
        char *d = ft_int_digits(a, 10, 0, &n, &neg);
        if (d == NULL)
            return NULL;
        FtObject *r;
        if (neg) {
            char *t = ft_mem_alloc(n + 1);
            if (t == NULL) {
                ft_mem_free(d);
                return NULL;
            }
            t[0] = '-';
            memcpy(t + 1, d, n);
            r = ft_str_from_len(t, (ssize_t)n + 1);
            ft_mem_free(t);
        } else {
            r = ft_str_from_len(d, (ssize_t)n);
        }
        ft_mem_free(d);
        return r;
    }
    char *end = buf + sizeof buf;
    char *p = u64_to_digits(x < 0 ? -(uint64_t)x : (uint64_t)x, 10, 0, end);
    if (x < 0)
        *--p = '-';
    return ft_str_from_len(p, end - p);
}

/* ---- parsing -------------------------------------------------------------- */

static int is_py_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f' || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static FtObject *invalid_literal(const char *s, size_t len, int base)
{
    FtObject *str = ft_str_from_len(s, (ssize_t)len);
    if (str == NULL)
        return NULL;
    ft_err_format(FtExc_ValueError,
                  "invalid literal for int() with base %d: %R", base, str);
    FT_DECREF(str);
    return NULL;
}

/* Parses s[0..len) in `base`; returns 0 ok (*out set to a new reference),
 * -1 invalid, -2 another error (set). */
static int parse_int(const char *s, size_t len, int base, FtObject **out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_py_space((unsigned char)*p))
        p++;
    while (end > p && is_py_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    int prefixed = 0;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = 1;
        }
    }
    int leading_zero_only = 0;
    if (base == 0) {
        /* No prefix: decimal, and a leading 0 means the whole number must
         * be zeros ("010" is not a valid literal). */
        base = 10;
        leading_zero_only = p < end && *p == '0';
    }
    if (p == end)
        return -1;
    const char *digits_start = p;
    uint64_t acc = 0;
    uint64_t limit = neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    /* One underscore may follow a prefix ("0x_ff"), else only between
     * digits. */
    int overflow = 0, ndigits = 0, prev_underscore = 0;
    for (; p < end; p++) {
        if (*p == '_') {
            if (prev_underscore || (ndigits == 0 && !prefixed))
                return -1;
            prev_underscore = 1;
            continue;
        }
        int d = digit_value((unsigned char)*p);
        if (d >= base)
            return -1;
        if (leading_zero_only && d != 0)
            return -1;
        prev_underscore = 0;
        ndigits++;
        if (!overflow) {
            if (acc > (limit - (uint64_t)d) / (uint64_t)base)
                overflow = 1;
            else
                acc = acc * (uint64_t)base + (uint64_t)d;
        }
    }
    if (ndigits == 0 || prev_underscore)
        return -1;
    if (overflow) {
        unsigned char *ds = ft_mem_alloc((size_t)ndigits);
        if (ds == NULL)
            return -2;
        size_t k = 0;
        for (p = digits_start; p < end; p++) {
            if (*p != '_')
                ds[k++] = (unsigned char)digit_value((unsigned char)*p);
        }
        *out = ft_big_from_digit_values(ds, k, base, neg);
        ft_mem_free(ds);
        return *out != NULL ? 0 : -2;
    }
    *out = ft_int_from_i64(neg ? (int64_t)(0 - acc) : (int64_t)acc);
    return *out != NULL ? 0 : -2;
}

FtObject *ft_int_from_string(const char *s, size_t len, int base)
{
    FtObject *v = NULL;
    int rc = parse_int(s, len, base, &v);
    if (rc == -1)
        return invalid_literal(s, len, base);
    return v;
}

/* ---- int() ---------------------------------------------------------------- */

/* int(x, base) of a str or bytes-like x: 0 (*out set), -1 with an
 * exception (ValueError names x's repr, as CPython), 1 if x is neither. */
static int parse_text(FtObject *x, int base, FtObject **out)
{
    FtBytesView view;
    const char *s;
    size_t len;
    int viewed = 0;
    if (FT_STR_CHECK(x)) {
        s = FT_STR_DATA(x);
        len = (size_t)FT_STR_NBYTES(x);
    } else {
        viewed = ft_bytes_view(x, &view);
        if (viewed <= 0)
            return viewed < 0 ? -1 : 1;
        s = view.p;
        len = (size_t)view.n;
    }
    int rc = parse_int(s, len, base, out);
    if (rc == -1) /* a bytearray shows as the bytes of its snapshot */
        ft_err_format(FtExc_ValueError,
                      "invalid literal for int() with base %d: %R", base,
                      viewed ? view.hold : x);
    if (viewed)
        ft_bytes_view_release(&view);
    return rc < 0 ? -1 : 0;
}

/* The int value of an arbitrary object, as int(x) computes it (a new
 * reference to an int, bool or int subclass instance). */
static int int_value_of(FtObject *x, FtObject **out)
{
    if (FT_INT_CHECK(x)) {
        *out = FT_NEWREF(x);
        return 0;
    }
    if (FT_FLOAT_CHECK(x)) {
        *out = ft_float_to_int(FT_FLOAT_VALUE(x));
        return *out != NULL ? 0 : -1;
    }
    int rc = parse_text(x, 10, out);
    if (rc != 1)
        return rc;
    static const struct {
        int id;
        const char *what;
    } hooks[] = {{FT_IDX___int__, "__int__"},
                 {FT_IDX___index__, "__index__"},
                 {-1, "__trunc__"}};
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++) {
        FtObject *name = hooks[i].id >= 0 ? ft_ids[hooks[i].id] : trunc_name();
        if (name == NULL)
            return -1;
        FtObject *r = call_special(x, name);
        if (r == NULL) {
            if (ft_err_occurred())
                return -1;
            continue;
        }
        if (!FT_INT_CHECK(r)) {
            ft_err_format(FtExc_TypeError,
                          "%s returned non-int (type %s)", hooks[i].what,
                          ft_type_name(FT_TYPE(r)));
            FT_DECREF(r);
            return -1;
        }
        *out = r;
        return 0;
    }
    ft_err_format(FtExc_TypeError,
                  "int() argument must be a string, a bytes-like object or "
                  "a real number, not '%s'",
                  ft_type_name(FT_TYPE(x)));
    return -1;
}

static FtObject *int_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    static const char *const kwlist[] = {"", "base", NULL};
    FtObject *argv[2] = {NULL, NULL};
    if (kwnames == NULL && nargs <= 1) {
        argv[0] = nargs == 1 ? args[0] : NULL;
    } else if (ft_arg_parse("int", args, nargs, kwnames, kwlist, 0, 2,
                            argv) < 0) {
        return NULL;
    }
    FtObject *x = argv[0], *base_obj = argv[1], *v = NULL;
    if (x == NULL) {
        if (base_obj != NULL) {
            ft_err_set_string(FtExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return int_new_of_type(type, ft_int_zero());
    }
    if (base_obj == NULL) {
        if (FT_INT_CHECK_EXACT(x) && type == &FtInt_Type)
            return FT_NEWREF(x);
        if (int_value_of(x, &v) < 0)
            return NULL;
        FtObject *r = int_new_of_type(type, v);
        FT_DECREF(v);
        return r;
    }
    int64_t base;
    if (ft_number_as_i64(base_obj, &base) < 0)
        return NULL;
    if (!FT_STR_CHECK(x) && !ft_bytes_like_check(x)) {
        ft_err_set_string(FtExc_TypeError,
                          "int() can't convert non-string with explicit base");
        return NULL;
    }
    if (base != 0 && (base < 2 || base > 36)) {
        ft_err_set_string(FtExc_ValueError,
                          "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (parse_text(x, (int)base, &v) < 0)
        return NULL;
    FtObject *r = int_new_of_type(type, v);
    FT_DECREF(v);
    return r;
}

/* ---- formatting ----------------------------------------------------------- */

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static ssize_t utf8_count(const char *s, size_t n)
{
    ssize_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

int ft_int_format_check_sep(const FtFormatSpec *spec)
{
    if (spec->thousands == 0)
        return 0;
    switch (spec->type) {
    case 0: case 'd': case 'e': case 'E': case 'f': case 'F':
    case 'g': case 'G': case '%':
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (spec->thousands == '_')
            return 0;
        break;
    default:
        break;
    }
    ft_err_format(FtExc_ValueError, "Cannot specify '%c' with '%c'.",
                  (int)spec->thousands, (int)spec->type);
    return -1;
}

FtObject *ft_int_format_layout(const char *prefix, size_t plen,
                                  const char *digits, size_t ndigits,
                                  const char *rest, size_t rlen,
                                  const FtFormatSpec *spec, int group)
{
    uint32_t fill = spec->fill ? spec->fill : ' ';
    char align = spec->align;
    if (spec->zero_pad) {
        /* '0' before the width: sign-aware zero padding, unless an explicit
         * alignment says otherwise (then only the fill becomes '0'). */
        if (align == 0) {
            fill = '0';
            align = '=';
        } else if (fill == ' ') {
            fill = '0';
        }
    }
    if (align == 0)
        align = '>';
    ssize_t width = spec->width > 0 ? spec->width : 0;
    char sep = group > 0 ? spec->thousands : 0;

    /* Integer digits, grouped; with '0' fill and '=' the zeros go into the
     * digit run so separators appear in the padding too, as in CPython. */
    size_t minw = 0;
    if (sep && fill == '0' && align == '=' &&
        (ssize_t)(plen + rlen) < width)
        minw = (size_t)width - plen - rlen;
    size_t cap = (ndigits > minw ? ndigits : minw) * 2 + 2;
    char small[128];
    char *gbuf = cap <= sizeof small ? small : ft_mem_alloc(cap);
    if (gbuf == NULL)
        return NULL;
    char *gend = gbuf + cap, *g = gend;
    if (sep) {
        size_t i = ndigits, in_group = 0;
        while (i > 0 || (size_t)(gend - g) < minw) {
            if (in_group == (size_t)group) {
                *--g = sep;
                in_group = 0;
            }
            *--g = i > 0 ? digits[--i] : '0';
            in_group++;
        }
    } else {
        g -= ndigits;
        memcpy(g, digits, ndigits);
    }
    size_t glen = (size_t)(gend - g);

    ssize_t cps = (ssize_t)(plen + glen) + utf8_count(rest, rlen);
    ssize_t pad = width > cps ? width - cps : 0;
    char fbuf[4];
    size_t flen = utf8_encode(fill, fbuf);
    size_t total = plen + glen + rlen + (size_t)pad * flen;
    char obig[256];
    char *out = total <= sizeof obig ? obig : ft_mem_alloc(total);
    if (out == NULL) {
        if (gbuf != small)
            ft_mem_free(gbuf);
        return NULL;
    }
    ssize_t left = 0, mid = 0, right = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    char *o = out;
    for (ssize_t i = 0; i < left; i++, o += flen)
        memcpy(o, fbuf, flen);
    memcpy(o, prefix, plen);
    o += plen;
    for (ssize_t i = 0; i < mid; i++, o += flen)
        memcpy(o, fbuf, flen);
    memcpy(o, g, glen);
    o += glen;
    memcpy(o, rest, rlen);
    o += rlen;
    for (ssize_t i = 0; i < right; i++, o += flen)
        memcpy(o, fbuf, flen);
    FtObject *res = ft_str_from_len(out, o - out);
    if (out != obig)
        ft_mem_free(out);
    if (gbuf != small)
        ft_mem_free(gbuf);
    return res;
}

static FtObject *int_format_impl(FtObject *vo, const FtFormatSpec *spec,
                                 const char *tname)
{
    char type = spec->type;
    int64_t v = ft_int_clamped(vo);
    double dv;
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        if (ft_int_as_double(vo, &dv) < 0)
            return NULL;
        return ft_float_format(dv, spec);
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X':
    case 'c':
        break;
    default:
        ft_err_format(FtExc_ValueError,
                      "Unknown format code '%c' for object of type '%s'",
                      (int)(unsigned char)type, tname);
        return NULL;
    }
    if (spec->precision >= 0) {
        ft_err_set_string(FtExc_ValueError,
                          "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (ft_int_format_check_sep(spec) < 0)
        return NULL;
    if (type == 'c') {
        if (spec->sign) {
            ft_err_set_string(FtExc_ValueError, "Sign not allowed with "
                                                "integer format specifier 'c'");
            return NULL;
        }
        if (spec->alternate) {
            ft_err_set_string(FtExc_ValueError,
                              "Alternate form (#) not allowed with integer "
                              "format specifier 'c'");
            return NULL;
        }
        if (v < 0 || v > 0x10FFFF) {
            if (FT_INT_IS_BIG(vo)) {
                ft_err_set_string(FtExc_OverflowError,
                                  "Python int too large to convert to C long");
                return NULL;
            }
            ft_err_set_string(FtExc_OverflowError,
                              "%c arg not in range(0x110000)");
            return NULL;
        }
        char cbuf[4];
        size_t n = utf8_encode((uint32_t)v, cbuf);
        return ft_int_format_layout("", 0, "", 0, cbuf, n, spec, 0);
    }
    int base = 10, group = 3;
    const char *alt = "";
    switch (type) {
    case 'b': base = 2; group = 4; alt = "0b"; break;
    case 'o': base = 8; group = 4; alt = "0o"; break;
    case 'x': base = 16; group = 4; alt = "0x"; break;
    case 'X': base = 16; group = 4; alt = "0X"; break;
    case 'n': group = 0; break;
    default: break;
    }
    size_t nd;
    int neg;
    char *d = ft_int_digits(vo, base, type == 'X', &nd, &neg);
    if (d == NULL)
        return NULL;
    char prefix[4];
    size_t plen = 0;
    if (neg)
        prefix[plen++] = '-';
    else if (spec->sign == '+' || spec->sign == ' ')
        prefix[plen++] = spec->sign;
    if (spec->alternate && alt[0]) {
        prefix[plen++] = alt[0];
        prefix[plen++] = alt[1];
    }
    FtObject *r = ft_int_format_layout(prefix, plen, d, nd, "", 0, spec, group);
    ft_mem_free(d);
    return r;
}

FtObject *ft_int_format(FtObject *v, const FtFormatSpec *spec)
{
    return int_format_impl(v, spec, "int");
}

/* ---- methods --------------------------------------------------------------- */

static FtObject *int_format_method(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    FtFormatSpec spec;
    int got = ft_format_method_spec(self, args, nargs, &spec);
    if (got <= 0)
        return got == 0 ? ft_object_str(self) : NULL;
    return int_format_impl(self, &spec,
                           ft_type_name(FT_TYPE(self)));
}

static FtObject *int_bit_length(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("bit_length", nargs, 0, 0) < 0)
        return NULL;
    FtBigView x;
    ft_bigv_of(self, &x);
    return ft_int_from_u64(ft_big_bit_length(x.d, x.n));
}

static FtObject *int_bit_count(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("bit_count", nargs, 0, 0) < 0)
        return NULL;
    FtBigView x;
    ft_bigv_of(self, &x);
    uint64_t c = 0;
    for (size_t i = 0; i < x.n; i++)
        c += (uint64_t)__builtin_popcount(x.d[i]);
    return ft_int_from_u64(c);
}

/* int(self): exact ints return themselves, bools and subclasses an int. */
static FtObject *int_as_int(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__int__", nargs, 0, 0) < 0)
        return NULL;
    if (FT_INT_CHECK_EXACT(self))
        return FT_NEWREF(self);
    return ft_int_from_i64(FT_INT_VALUE(self));
}

static FtObject *int_as_float(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__float__", nargs, 0, 0) < 0)
        return NULL;
    double d;
    if (ft_int_as_double(self, &d) < 0)
        return NULL;
    return ft_float_from_double(d);
}

/* round(big, nd) with nd < 0: q, r = divmod(x, 10**-nd), then half to
 * even on q, through the generic int operations. */
static FtObject *int_round_big(FtObject *x, int64_t nd)
{
    FtObject *ten = ft_int_from_i64(10), *e = ft_int_from_i64(-nd);
    FtObject *p = ten && e ? ft_int_binop(ten, e, FT_OP_POW) : NULL;
    FT_XDECREF(ten);
    FT_XDECREF(e);
    if (p == NULL)
        return NULL;
    FtObject *q = NULL, *r = NULL, *res = NULL;
    if (ft_big_divmod(x, p, &q, &r) == 0) {
        FtObject *two = ft_int_from_i64(2);
        FtObject *r2 = two ? ft_int_binop(r, two, FT_OP_MUL) : NULL;
        FT_XDECREF(two);
        if (r2 != NULL) {
            int c = ft_int_compare(r2, p);
            FtBigView qv;
            ft_bigv_of(q, &qv);
            int odd = qv.n && (qv.d[0] & 1);
            FtObject *one = ft_int_from_i64(c > 0 || (c == 0 && odd));
            FtObject *q2 = one ? ft_int_binop(q, one, FT_OP_ADD) : NULL;
            FT_XDECREF(one);
            if (q2 != NULL) {
                res = ft_int_binop(q2, p, FT_OP_MUL);
                FT_DECREF(q2);
            }
            FT_DECREF(r2);
        }
        FT_DECREF(q);
        FT_DECREF(r);
    }
    FT_DECREF(p);
    return res;
}

/* round(int, ndigits): round half to even at 10**-ndigits. */
static FtObject *int_round(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    int64_t x = FT_INT_VALUE(self);
    if (nargs == 0 || args[0] == FT_None)
        return int_new_of_type(&FtInt_Type, self);
    int64_t nd;
    if (ft_number_as_i64(args[0], &nd) < 0)
        return NULL;
    if (nd >= 0)
        return int_new_of_type(&FtInt_Type, self);
    if (x == FT_INT_BIG)
        return int_round_big(self, nd);
    if (nd < -20)
        return ft_int_from_i64(0);
    __int128 p = 1;
    for (int64_t i = 0; i < -nd; i++)
        p *= 10;
    __int128 v = x;
    __int128 q = v / p, r = v % p;
    if (r < 0) {
        r += p;
        q -= 1;
    }
    /* now v = q*p + r with 0 <= r < p */
    if (2 * r > p || (2 * r == p && (q & 1)))
        q += 1;
    __int128 res = q * p;
    if (res > INT64_MAX || res < INT64_MIN) {
        unsigned __int128 u = res < 0 ? -(unsigned __int128)res
                                      : (unsigned __int128)res;
        ft_digit d[4] = {(ft_digit)u, (ft_digit)(u >> 32), (ft_digit)(u >> 64),
                         (ft_digit)(u >> 96)};
        return ft_big_from_mag(d, 4, res < 0);
    }
    return ft_int_from_i64((int64_t)res);
}

static FtObject *int_self_method(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("method", nargs, 0, 0) < 0)
        return NULL;
    return int_new_of_type(&FtInt_Type, self);
}

static FtObject *int_as_integer_ratio(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("as_integer_ratio", nargs, 0, 0) < 0)
        return NULL;
    FtObject *n = int_new_of_type(&FtInt_Type, self);
    if (n == NULL)
        return NULL;
    FtObject *one = ft_int_from_i64(1);
    FtObject *t = ft_tuple_pack(2, n, one);
    FT_DECREF(n);
    FT_DECREF(one);
    return t;
}

static FtObject *int_getnewargs(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    FtObject *n = int_new_of_type(&FtInt_Type, self);
    if (n == NULL)
        return NULL;
    FtObject *t = ft_tuple_pack(1, n);
    FT_DECREF(n);
    return t;
}

static FtObject *int_divmod_method(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__divmod__", nargs, 1, 1) < 0)
        return NULL;
    FtObject *b = args[0];
    if (!FT_INT_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    int64_t x = FT_INT_VALUE(self), y = FT_INT_VALUE(b), q, r;
    FtObject *qo, *ro;
    if (x == FT_INT_BIG || y == FT_INT_BIG || y == -1) {
        if (ft_big_divmod(self, b, &qo, &ro) < 0)
            return NULL;
    } else {
        if (y == 0) {
            ft_err_set_string(FtExc_ZeroDivisionError,
                              "integer division or modulo by zero");
            return NULL;
        }
        int_divmod(x, y, &q, &r);
        qo = ft_int_from_i64(q);
        ro = ft_int_from_i64(r);
    }
    FtObject *t = (qo && ro) ? ft_tuple_pack(2, qo, ro) : NULL;
    FT_XDECREF(qo);
    FT_XDECREF(ro);
    return t;
}

/* ---- to_bytes / from_bytes ------------------------------------------------- */

/* byteorder: 1 little, 0 big, -1 + ValueError. */
static int parse_byteorder(FtObject *o)
{
    if (o == NULL)
        return 0;
    if (!FT_STR_CHECK(o)) {
        ft_err_format(FtExc_TypeError,
                      "to_bytes() argument 'byteorder' must be str, not %s",
                      ft_type_name(FT_TYPE(o)));
        return -1;
    }
    if (strcmp(ft_str_cstr(o), "little") == 0)
        return 1;
    if (strcmp(ft_str_cstr(o), "big") == 0)
        return 0;
    ft_err_set_string(FtExc_ValueError,
                      "byteorder must be either 'little' or 'big'");
    return -1;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False): two's
 * complement for negative values when signed. */
static FtObject *int_to_bytes(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (ft_arg_parse("to_bytes", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    int64_t len = 1;
    if (a[0] != NULL && ft_number_as_i64(a[0], &len) < 0)
        return NULL;
    if (len < 0) {
        ft_err_set_string(FtExc_ValueError,
                          "length argument must be non-negative");
        return NULL;
    }
    int little = parse_byteorder(a[1]);
    int is_signed = a[2] != NULL ? ft_object_is_true(a[2]) : 0;
    if (little < 0 || is_signed < 0)
        return NULL;
    FtBigView x;
    ft_bigv_of(self, &x);
    if (x.neg && !is_signed) {
        ft_err_set_string(FtExc_OverflowError,
                          "can't convert negative int to unsigned");
        return NULL;
    }
    /* bits needed: |v| for unsigned; |v| + sign bit, or |v| - 1 + sign
     * bit for negatives (-2**(8n-1) fits n bytes) */
    uint64_t bits = ft_big_bit_length(x.d, x.n);
    if (x.neg) {
        /* is |v| a power of two? then |v| - 1 has one bit less */
        size_t low = 0;
        while (x.d[low] == 0)
            low++;
        int pow2 = low == x.n - 1 && (x.d[low] & (x.d[low] - 1)) == 0;
        bits = bits - (uint64_t)pow2 + 1;
    } else if (is_signed && bits > 0) {
        bits++;
    }
    if (bits > (uint64_t)len * 8) {
        ft_err_set_string(FtExc_OverflowError, "int too big to convert");
        return NULL;
    }
    FtObject *b = ft_bytes_new((ssize_t)len);
    if (b == NULL)
        return NULL;
    unsigned char *out = (unsigned char *)FT_BYTES_MDATA(b);
    unsigned borrow = x.neg; /* two's complement: invert (|v| - 1) */
    for (int64_t i = 0; i < len; i++) {
        size_t k = (size_t)i / 4;
        unsigned byte = k < x.n ? (x.d[k] >> (8 * (i % 4))) & 0xFF : 0;
        if (x.neg) {
            unsigned t = byte - borrow;
            borrow = byte < borrow;
            byte = ~t & 0xFF;
        }
        out[little ? i : len - 1 - i] = (unsigned char)byte;
    }
    return b;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a classmethod:
 * self is the type. */
static FtObject *int_from_bytes(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (ft_arg_parse("from_bytes", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    int little = parse_byteorder(a[1]);
    int is_signed = a[2] != NULL ? ft_object_is_true(a[2]) : 0;
    if (little < 0 || is_signed < 0)
        return NULL;
    FtObject *owned = NULL;
    FtBytesView v;
    int rc = ft_bytes_view(a[0], &v);
    if (rc == 0 && FT_STR_CHECK(a[0])) {
        ft_err_set_string(FtExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    if (rc == 0) {
        /* any iterable of ints 0..255, as bytes(iterable) takes them */
        owned = ft_bytes_from_iterable(a[0], "bytes");
        if (owned == NULL)
            return NULL;
        rc = ft_bytes_view(owned, &v);
    }
    if (rc < 0) {
        FT_XDECREF(owned);
        return NULL;
    }
    size_t n = (size_t)v.n, nd = n / 4 + 1;
    FtObject *r = ft_big_new(nd);
    if (r != NULL) {
        ft_digit *d = ft_big_digits(r);
        const unsigned char *p = (const unsigned char *)v.p;
        for (size_t i = 0; i < n; i++) {
            unsigned byte = p[little ? i : n - 1 - i];
            d[i / 4] |= (ft_digit)byte << (8 * (i % 4));
        }
        int negative = is_signed && n > 0 && (p[little ? n - 1 : 0] & 0x80);
        r = ft_big_finish(r, nd, 0);
        if (r != NULL && negative) {
            /* value - 2**(8n) */
            FtObject *one = ft_int_from_i64(1);
            FtObject *sh = ft_int_from_u64((uint64_t)n * 8);
            FtObject *m = one && sh ? ft_int_binop(one, sh, FT_OP_LSHIFT) : NULL;
            FtObject *t = m ? ft_int_binop(r, m, FT_OP_SUB) : NULL;
            FT_XDECREF(one);
            FT_XDECREF(sh);
            FT_XDECREF(m);
            FT_DECREF(r);
            r = t;
        }
    }
    ft_bytes_view_release(&v);
    FT_XDECREF(owned);
    if (r == NULL || (FtType *)self == &FtInt_Type)
        return r;
    /* a subclass: cls(value), as CPython does */
    FtObject *res = ft_call1(self, r);
    FT_DECREF(r);
    return res;
}

static FtMethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"to_bytes", int_to_bytes, FT_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, FT_METH_KEYWORDS | FT_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"to_bytes", int_to_bytes, FT_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, FT_METH_KEYWORDS | FT_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"conjugate", int_self_method, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, 0, NULL},
    {"__format__", int_format_method, 0, NULL},
    {"__index__", int_as_int, 0, NULL},
    {"__int__", int_as_int, 0, NULL},
    {"__float__", int_as_float, 0, NULL},
    {"__round__", int_round, 0, NULL},
    {"__trunc__", int_self_method, 0, NULL},
    {"__floor__", int_self_method, 0, NULL},
    {"__ceil__", int_self_method, 0, NULL},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__divmod__", int_divmod_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static FtObject *int_get_self(FtObject *self)
{
    return int_new_of_type(&FtInt_Type, self);
}
static FtObject *int_get_zero(FtObject *self) { return ft_int_from_i64(0); }
static FtObject *int_get_one(FtObject *self) { return ft_int_from_i64(1); }

static FtGetSetDef int_getset[] = {
    {"real", int_get_self, NULL},
    {"imag", int_get_zero, NULL},
    {"numerator", int_get_self, NULL},
    {"denominator", int_get_one, NULL},
    {NULL, NULL, NULL},
};

FtType FtInt_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "int",
    .tp_basicsize = sizeof(FtIntObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_LEAF,
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_str = int_repr,
    .tp_hash = int_hash,
    .tp_richcompare = ft_int_richcompare,
    .tp_bool = int_bool,
    .tp_binop = ft_int_binop,
    .tp_unary = int_unary,
    .tp_new = int_new,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};
