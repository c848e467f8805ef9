/* objects/float.c — the float type: arithmetic with Python's semantics for
 * float op float and mixed int/float, exact int/float comparison, CPython's
 * numeric hash, the shortest round-trip repr, float(), format() and round().
 */
#include "objects/object.h"
#include "objects/bytes.h"
#include "objects/typeobject.h"
#include "runtime/tstate.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)
#define HASH_INF 314159
#define TWO_63 9223372036854775808.0

/* ---- allocation ---------------------------------------------------------- */

/* Free-listed floats keep ob_type; their `value` field holds the link. */
FtObject *ft_float_from_double(double v)
{
    FtThreadState *ts = ft_tstate_get();
    FtFloatObject *fl = NULL;
    if (ts != NULL) {
        FT_FREELIST_LOCK();
        fl = ts->freelist[FT_FL_FLOAT];
        if (fl != NULL) {
            ts->freelist[FT_FL_FLOAT] = FT_FREELIST_NEXT(fl);
            ts->freelist_len[FT_FL_FLOAT]--;
        }
        FT_FREELIST_UNLOCK();
    }
    if (fl != NULL) {
        ft_rc_init((FtObject *)fl);
        fl->value = v;
        return (FtObject *)fl;
    }
    FtObject *op = ft_object_new(&FtFloat_Type);
    if (op != NULL)
        FT_FLOAT_VALUE(op) = v;
    return op;
}

static void float_dealloc(FtObject *op)
{
    if (FT_TYPE(op) == &FtFloat_Type) {
        FtThreadState *ts = ft_tstate_get();
        int kept = 0;
        if (ts != NULL) {
            FT_FREELIST_LOCK();
            if (ts->freelist_len[FT_FL_FLOAT] < FT_FREELIST_MAX) {
                FT_FREELIST_NEXT(op) = ts->freelist[FT_FL_FLOAT];
                ts->freelist[FT_FL_FLOAT] = op;
                ts->freelist_len[FT_FL_FLOAT]++;
                kept = 1;
            }
            FT_FREELIST_UNLOCK();
        }
        if (kept)
            return;
    }
    ft_object_free(op);
}

static FtObject *float_new_of_type(FtType *type, double v)
{
    if (type == &FtFloat_Type)
        return ft_float_from_double(v);
    FtObject *op = ft_object_new(type);
    if (op != NULL)
        FT_FLOAT_VALUE(op) = v;
    return op;
}

FtObject *ft_float_to_int(double v)
{
    if (isinf(v)) {
        ft_err_set_string(FtExc_OverflowError,
                          "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(v)) {
        ft_err_set_string(FtExc_ValueError,
                          "cannot convert float NaN to integer");
        return NULL;
    }
    return ft_int_from_double(v);
}

/* type(o).name bound to o, called with no arguments; NULL with no
 * exception when the type has no such attribute. */
static FtObject *call_special(FtObject *o, FtObject *name)
{
    int missing = 0; /* a new reference to the attribute while it runs */
    return ft_call_special(o, name, NULL, 0, NULL, &missing);
}

/* ---- arithmetic ---------------------------------------------------------- */

/* The double value of a float or int operand: 1; 0 if o is neither; -1
 * + OverflowError for an int too large for a double. */
static inline int as_double(FtObject *o, double *out)
{
    if (FT_FLOAT_CHECK_EXACT(o)) {
        *out = FT_FLOAT_VALUE(o);
        return 1;
    }
    if (FT_INT_CHECK(o))
        return ft_int_as_double(o, out) < 0 ? -1 : 1;
    if (FT_FLOAT_CHECK(o)) {
        *out = FT_FLOAT_VALUE(o);
        return 1;
    }
    return 0;
}

/* Python's floor division and modulo: the remainder takes the divisor's
 * sign, the quotient is floored, and both are computed from fmod so that
 * q*y + r stays as close to x as doubles allow. y != 0. */
static void float_divmod(double x, double y, double *pdiv, double *pmod)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fl;
    if (div != 0.0) {
        fl = floor(div);
        if (div - fl > 0.5)
            fl += 1.0;
    } else {
        fl = copysign(0.0, x / y);
    }
    *pdiv = fl;
    *pmod = mod;
}

/* x ** y with Python's errors; C99 pow already gives Python's results for
 * the infinities, NaNs and (+-1) ** inf. */
static int float_pow(double x, double y, double *out)
{
    if (y == 0.0 || isnan(x) || isnan(y)) {
        *out = pow(x, y); /* 1 for y == 0 and for 1 ** nan, else nan */
        return 0;
    }
    if (x == 0.0 && y < 0.0 && isfinite(y)) {
        ft_err_set_string(FtExc_ZeroDivisionError,
                          "0.0 cannot be raised to a negative power");
        return -1;
    }
    if (isfinite(x) && isfinite(y) && x < 0.0 && y != floor(y)) {
        /* CPython returns a complex number here; ftpy has none. */
        ft_err_set_string(
            FtExc_ValueError,
            "negative number cannot be raised to a fractional power");
        return -1;
    }
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        ft_err_set_string(FtExc_OverflowError,
                          "(34, 'Numerical result out of range')");
        return -1;
    }
    *out = r;
    return 0;
}

FtObject *ft_float_binop(FtObject *a, FtObject *b, int op)
{
    double x, y, r, m;
    int ka = as_double(a, &x), kb = ka > 0 ? as_double(b, &y) : 0;
    if (ka < 0 || kb < 0)
        return NULL;
    if (!ka || !kb)
        FT_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case FT_OP_ADD:
        return ft_float_from_double(x + y);
    case FT_OP_SUB:
        return ft_float_from_double(x - y);
    case FT_OP_MUL:
        return ft_float_from_double(x * y);
    case FT_OP_TRUEDIV:
        if (y == 0.0) {
            ft_err_set_string(FtExc_ZeroDivisionError, "float division by zero");
            return NULL;
        }
        return ft_float_from_double(x / y);
    case FT_OP_FLOORDIV:
        if (y == 0.0) {
            ft_err_set_string(FtExc_ZeroDivisionError,
                              "float floor division by zero");
            return NULL;
        }
        float_divmod(x, y, &r, &m);
        return ft_float_from_double(r);
    case FT_OP_MOD:
        if (y == 0.0) {
            ft_err_set_string(FtExc_ZeroDivisionError, "float modulo");
            return NULL;
        }
        float_divmod(x, y, &r, &m);
        return ft_float_from_double(m);
    case FT_OP_POW:
        if (float_pow(x, y, &r) < 0)
            return NULL;
        return ft_float_from_double(r);
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

static FtObject *float_unary(FtObject *a, int op)
{
    double x = FT_FLOAT_VALUE(a);
    switch (op) {
    case FT_UNARY_NEG:
        return ft_float_from_double(-x);
    case FT_UNARY_POS:
        if (FT_FLOAT_CHECK_EXACT(a))
            return FT_NEWREF(a);
        return ft_float_from_double(x);
    case FT_UNARY_ABS:
        return ft_float_from_double(fabs(x));
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

static int float_bool(FtObject *a) { return FT_FLOAT_VALUE(a) != 0.0; }

/* ---- comparison and hash -------------------------------------------------- */

int ft_float_compare_int(double v, int64_t i)
{
    if (isnan(v))
        return 2;
    const int64_t exact = (int64_t)1 << 53;
    if (i >= -exact && i <= exact) {
        double d = (double)i;
        return v < d ? -1 : v > d;
    }
    /* i has more bits than a double: compare integer parts exactly. */
    if (v >= TWO_63)
        return 1;
    if (v < -TWO_63)
        return -1;
    double t = trunc(v);
    int64_t ti = (int64_t)t;
    if (ti != i)
        return ti < i ? -1 : 1;
    double frac = v - t;
    return frac > 0 ? 1 : frac < 0 ? -1 : 0;
}

static int cmp_result(int c, int op)
{
    switch (op) {
    case FT_LT: return c < 0;
    case FT_LE: return c <= 0;
    case FT_EQ: return c == 0;
    case FT_NE: return c != 0;
    case FT_GT: return c > 0;
    default: return c >= 0;
    }
}

static FtObject *float_richcompare(FtObject *a, FtObject *b, int op)
{
    static const int swapped[] = {FT_GT, FT_GE, FT_EQ, FT_NE, FT_LT, FT_LE};
    if (!FT_FLOAT_CHECK(a)) {
        FtObject *t = a;
        a = b;
        b = t;
        op = swapped[op];
        if (!FT_FLOAT_CHECK(a))
            FT_RETURN_NOTIMPLEMENTED;
    }
    double x = FT_FLOAT_VALUE(a);
    int r;
    if (FT_FLOAT_CHECK(b)) {
        double y = FT_FLOAT_VALUE(b);
        switch (op) {
        case FT_LT: r = x < y; break;
        case FT_LE: r = x <= y; break;
        case FT_EQ: r = x == y; break;
        case FT_NE: r = x != y; break;
        case FT_GT: r = x > y; break;
        default: r = x >= y; break;
        }
    } else if (FT_INT_CHECK(b)) {
        int c = isnan(x) ? 2 : -ft_int_compare_double(b, x);
        r = c == 2 ? op == FT_NE : cmp_result(c, op);
    } else {
        FT_RETURN_NOTIMPLEMENTED;
    }
    return ft_bool_from(r);
}

/* CPython's numeric hash: v = M * 2**k exactly, hashed as M * 2**k modulo
 * 2**61 - 1, where multiplying by 2**k is a rotation of the 61-bit value
 * because 2**61 == 1 (mod P). Integral values therefore hash like ints. */
ft_hash_t ft_float_hash_double(double v)
{
    if (isnan(v))
        return 0;
    if (isinf(v))
        return v > 0 ? HASH_INF : -HASH_INF;
    int e;
    double m = frexp(fabs(v), &e);
    if (m == 0.0)
        return 0;
    uint64_t h = (uint64_t)ldexp(m, 53); /* < 2**53 < P */
    int k = (e - 53) % 61;
    if (k < 0)
        k += 61;
    h = ((h << k) & HASH_MODULUS) | (h >> (61 - k));
    ft_hash_t r = v < 0 ? -(ft_hash_t)h : (ft_hash_t)h;
    return r == -1 ? -2 : r;
}

static ft_hash_t float_hash(FtObject *a)
{
    double v = FT_FLOAT_VALUE(a);
    if (isnan(v)) {
        /* As in CPython 3.10+: NaNs hash by identity. */
        return (ft_hash_t)((uintptr_t)a >> 4);
    }
    return ft_float_hash_double(v);
}

/* ---- repr ----------------------------------------------------------------- */

/* Parses the output of "%.Ne" into digits (no dot) and the exponent. */
static int split_sci(const char *buf, char *digs, int *exp10)
{
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digs[n++] = *p;
    *exp10 = atoi(p + 1);
    return n;
}

/* Whether some p-digit decimal reads back as a (> 0, finite); if so its
 * digits and exponent are left in digs / *exp10. The correctly rounded
 * p-digit value is tried first; when it misses, the only other candidate is
 * its neighbour on the other side of a (the round-trip interval can be
 * lopsided at powers of two). */
static int try_precision(double a, int p, char *digs, int *exp10)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", p - 1, a);
    double r = strtod(buf, NULL);
    split_sci(buf, digs, exp10);
    if (r == a)
        return 1;
    char nd[24];
    int ne = *exp10;
    memcpy(nd, digs, (size_t)p);
    if (r < a) {
        int i = p - 1;
        while (i >= 0 && nd[i] == '9')
            nd[i--] = '0';
        if (i < 0) {
            nd[0] = '1';
            ne++;
        } else {
            nd[i]++;
        }
    } else {
        /* nd[0] is the leading digit of "%e", never '0', so the borrow
         * stops at index 0 at the latest (the bound says so to gcc). */
        int i = p - 1;
        while (i > 0 && nd[i] == '0')
            nd[i--] = '9';
        nd[i]--;
        if (nd[0] == '0') {
            /* 1000 -> 0999: the finer grid of the decade below. */
            for (int j = 0; j < p; j++)
                nd[j] = '9';
            ne--;
        }
    }
    snprintf(buf, sizeof buf, "%.*se%d", p, nd, ne - (p - 1));
    if (strtod(buf, NULL) != a)
        return 0;
    memcpy(digs, nd, (size_t)p);
    *exp10 = ne;
    return 1;
}

/* The shortest digits that round-trip to a (> 0, finite): CPython's repr
 * digits. Round-tripping is monotonic in the digit count, so binary search. */
static int shortest_digits(double a, char *digs, int *exp10)
{
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (try_precision(a, mid, digs, exp10))
            hi = mid;
        else
            lo = mid + 1;
    }
    try_precision(a, lo, digs, exp10);
    int n = lo;
    while (n > 1 && digs[n - 1] == '0')
        n--;
    return n;
}

/* Writes d1.d2d3...e+XX or fixed notation for digits digs[0..n) with
 * decimal exponent e (value = d1.d2... * 10**e). Returns the length. */
static size_t layout_digits(char *out, const char *digs, int n, int e,
                            int use_exp, int add_dot0, int alternate,
                            char echar)
{
    char *o = out;
    if (use_exp) {
        *o++ = digs[0];
        if (n > 1 || alternate)
            *o++ = '.';
        memcpy(o, digs + 1, (size_t)(n - 1));
        o += n - 1;
        o += sprintf(o, "%c%c%02d", echar, e < 0 ? '-' : '+', e < 0 ? -e : e);
        return (size_t)(o - out);
    }
    if (e >= 0) {
        for (int i = 0; i <= e; i++)
            *o++ = i < n ? digs[i] : '0';
        if (n > e + 1) {
            *o++ = '.';
            memcpy(o, digs + e + 1, (size_t)(n - e - 1));
            o += n - e - 1;
        } else if (add_dot0) {
            *o++ = '.';
            *o++ = '0';
        } else if (alternate) {
            *o++ = '.';
        }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -e - 1; i++)
            *o++ = '0';
        memcpy(o, digs, (size_t)n);
        o += n;
    }
    return (size_t)(o - out);
}

/* repr of |v| for finite v != 0 (the sign is the caller's). */
static size_t repr_abs(double a, char *out)
{
    if (a < 1e16 && a == floor(a))
        return (size_t)sprintf(out, "%.0f.0", a);
    char digs[24];
    int e;
    int n = shortest_digits(a, digs, &e);
    return layout_digits(out, digs, n, e, e < -4 || e >= 16, 1, 0, 'e');
}

void ft_float_repr_buf(double v, char *buf, size_t size)
{
    char tmp[40];
    char *o = tmp;
    if (isnan(v)) {
        strcpy(tmp, "nan");
    } else {
        if (signbit(v))
            *o++ = '-';
        double a = fabs(v);
        if (isinf(a))
            strcpy(o, "inf");
        else if (a == 0.0)
            strcpy(o, "0.0");
        else
            o[repr_abs(a, o)] = '\0';
    }
    snprintf(buf, size, "%s", tmp);
}

FtObject *ft_float_repr_double(double v)
{
    char buf[40];
    ft_float_repr_buf(v, buf, sizeof buf);
    return ft_str_from_cstr(buf);
}

static FtObject *float_repr(FtObject *a)
{
    return ft_float_repr_double(FT_FLOAT_VALUE(a));
}

/* ---- parsing --------------------------------------------------------------- */

static int is_py_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f' || (c >= 0x1c && c <= 0x1f);
}

static int ieq(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    if (n != wl)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i])
            return 0;
    return 1;
}

/* Copies s[0..n) without underscores into out (n + 1 bytes) if it is a
 * Python float literal: digits [. digits] [e [sign] digits], with single
 * underscores only between digits. Returns 0 or -1. */
static int clean_number(const char *s, size_t n, char *out)
{
    size_t i = 0, o = 0;
    int mant_digits = 0;
    /* One run of digits with underscores between digits. */
#define DIGIT_RUN(counter)                                                     \
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_')) {           \
        if (s[i] == '_') {                                                     \
            if (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9') ||            \
                i + 1 >= n || !(s[i + 1] >= '0' && s[i + 1] <= '9'))          \
                return -1;                                                     \
        } else {                                                               \
            out[o++] = s[i];                                                   \
            counter++;                                                         \
        }                                                                      \
        i++;                                                                   \
    }
    DIGIT_RUN(mant_digits)
    if (i < n && s[i] == '.') {
        out[o++] = s[i++];
        DIGIT_RUN(mant_digits)
    }
    if (mant_digits == 0)
        return -1;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        out[o++] = s[i++];
        if (i < n && (s[i] == '+' || s[i] == '-'))
            out[o++] = s[i++];
        int exp_digits = 0;
        DIGIT_RUN(exp_digits)
        if (exp_digits == 0)
            return -1;
    }
#undef DIGIT_RUN
    if (i != n)
        return -1;
    out[o] = '\0';
    return 0;
}

/* Parses a float: 0, -1 if s is not a float (no exception set), or -2
 * with MemoryError set. */
static int parse_float(const char *s, size_t len, double *out)
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
    size_t n = (size_t)(end - p);
    double v = 0.0;
    if (ieq(p, n, "inf") || ieq(p, n, "infinity")) {
        v = INFINITY;
    } else if (ieq(p, n, "nan")) {
        v = NAN;
    } else {
        char small[64];
        char *buf = n < sizeof small ? small : ft_mem_alloc(n + 1);
        if (buf == NULL)
            return -2;
        int rc = clean_number(p, n, buf);
        if (rc == 0)
            v = strtod(buf, NULL);
        if (buf != small)
            ft_mem_free(buf);
        if (rc < 0)
            return -1;
    }
    *out = neg ? -v : v;
    return 0;
}

static FtObject *float_parse_error(const char *s, size_t len)
{
    FtObject *str = ft_str_from_len(s, (ssize_t)len);
    if (str == NULL)
        return NULL;
    ft_err_format(FtExc_ValueError, "could not convert string to float: %R",
                  str);
    FT_DECREF(str);
    return NULL;
}

FtObject *ft_float_from_string(const char *s, size_t len)
{
    double v;
    int rc = parse_float(s, len, &v);
    if (rc == -2)
        return NULL;
    if (rc < 0)
        return float_parse_error(s, len);
    return ft_float_from_double(v);
}

/* ---- float() --------------------------------------------------------------- */

static int float_value_of(FtObject *x, double *out)
{
    int k = as_double(x, out);
    if (k != 0)
        return k > 0 ? 0 : -1;
    if (FT_STR_CHECK(x)) {
        int rc = parse_float(FT_STR_DATA(x), (size_t)FT_STR_NBYTES(x), out);
        if (rc == -1)
            float_parse_error(FT_STR_DATA(x), (size_t)FT_STR_NBYTES(x));
        if (rc < 0)
            return -1;
        return 0;
    }
    FtBytesView view;
    int viewed = ft_bytes_view(x, &view);
    if (viewed < 0)
        return -1;
    if (viewed) { /* float(b"1.5") */
        int rc = parse_float(view.p, (size_t)view.n, out);
        if (rc == -1)
            ft_err_format(FtExc_ValueError,
                          "could not convert string to float: %R", x);
        ft_bytes_view_release(&view);
        return rc < 0 ? -1 : 0;
    }
    FtObject *r = call_special(x, FT_ID(__float__));
    if (r != NULL) {
        if (!FT_FLOAT_CHECK(r)) {
            ft_err_format(FtExc_TypeError,
                          "%s.__float__ returned non-float (type %s)",
                          ft_type_name(FT_TYPE(x)), ft_type_name(FT_TYPE(r)));
            FT_DECREF(r);
            return -1;
        }
        *out = FT_FLOAT_VALUE(r);
        FT_DECREF(r);
        return 0;
    }
    if (ft_err_occurred())
        return -1;
    r = call_special(x, FT_ID(__index__));
    if (r != NULL) {
        if (!FT_INT_CHECK(r)) {
            ft_err_format(FtExc_TypeError,
                          "__index__ returned non-int (type %s)",
                          ft_type_name(FT_TYPE(r)));
            FT_DECREF(r);
            return -1;
        }
        int rc = ft_int_as_double(r, out);
        FT_DECREF(r);
        return rc;
    }
    if (ft_err_occurred())
        return -1;
    ft_err_format(FtExc_TypeError,
                  "float() argument must be a string or a real number, not "
                  "'%s'",
                  ft_type_name(FT_TYPE(x)));
    return -1;
}

static FtObject *float_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_no_kwargs("float", kwnames) < 0 ||
        ft_arg_count("float", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return float_new_of_type(type, 0.0);
    FtObject *x = args[0];
    if (FT_FLOAT_CHECK_EXACT(x) && type == &FtFloat_Type)
        return FT_NEWREF(x);
    double v;
    if (float_value_of(x, &v) < 0)
        return NULL;
    return float_new_of_type(type, v);
}

/* ---- format() -------------------------------------------------------------- */

static FtObject *float_format_impl(double v, const FtFormatSpec *spec,
                                   const char *tname)
{
    char type = spec->type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n': case '%':
        break;
    default:
        ft_err_format(FtExc_ValueError,
                      "Unknown format code '%c' for object of type '%s'",
                      (int)(unsigned char)type, tname);
        return NULL;
    }
    if (ft_int_format_check_sep(spec) < 0)
        return NULL;
    if (spec->precision > INT_MAX) { /* the C library's limit */
        ft_err_set_string(FtExc_ValueError, "precision too big");
        return NULL;
    }
    int upper = type == 'E' || type == 'F' || type == 'G';
    char prefix[2];
    size_t plen = 0;
    int neg = signbit(v) && !isnan(v);
    if (neg)
        prefix[plen++] = '-';
    else if (spec->sign == '+' || spec->sign == ' ')
        prefix[plen++] = spec->sign;
    double a = fabs(v);

    if (!isfinite(a)) {
        char t[5];
        size_t n = (size_t)sprintf(t, "%s%s", isnan(a) ? (upper ? "NAN" : "nan")
                                                      : (upper ? "INF" : "inf"),
                                   type == '%' ? "%" : "");
        return ft_int_format_layout(prefix, plen, "", 0, t, n, spec, 0);
    }

    ssize_t prec = spec->precision;
    size_t cap = 400 + (prec > 0 ? (size_t)prec : 0);
    char small[512];
    char *buf = cap <= sizeof small ? small : ft_mem_alloc(cap);
    if (buf == NULL)
        return NULL;
    size_t len;
    if (type == 0 && prec < 0) {
        /* repr's digits (str(x)), with '#' only adding a lone '.'. */
        if (a == 0.0) {
            len = (size_t)sprintf(buf, "0.0");
        } else {
            char digs[24];
            int e;
            int n = shortest_digits(a, digs, &e);
            len = layout_digits(buf, digs, n, e, e < -4 || e >= 16, 1,
                                spec->alternate, 'e');
        }
    } else if (type == 0) {
        /* Like 'g', but fixed notation keeps a ".0" and scientific
         * notation starts at exponent >= precision - 1. */
        int p = prec == 0 ? 1 : (int)prec;
        snprintf(buf, cap, "%.*e", p - 1, a);
        char *digs = ft_mem_alloc((size_t)p + 2);
        if (digs == NULL) {
            if (buf != small)
                ft_mem_free(buf);
            return NULL;
        }
        int e;
        int n = split_sci(buf, digs, &e);
        if (!spec->alternate)
            while (n > 1 && digs[n - 1] == '0')
                n--;
        len = layout_digits(buf, digs, n, e, e < -4 || e >= p - 1, 1,
                            spec->alternate, 'e');
        ft_mem_free(digs);
    } else {
        char cfmt[8];
        char ct = type == 'n' ? 'g' : type == '%' ? 'f' : type;
        snprintf(cfmt, sizeof cfmt, "%%%s.*%c", spec->alternate ? "#" : "", ct);
        double x = type == '%' ? a * 100.0 : a;
        int p = prec < 0 ? 6 : (int)prec;
        len = (size_t)snprintf(buf, cap, cfmt, p, x);
        if (type == '%')
            buf[len++] = '%';
    }
    size_t ni = 0;
    while (ni < len && buf[ni] >= '0' && buf[ni] <= '9')
        ni++;
    FtObject *res = ft_int_format_layout(prefix, plen, buf, ni, buf + ni,
                                         len - ni, spec, type == 'n' ? 0 : 3);
    if (buf != small)
        ft_mem_free(buf);
    return res;
}

FtObject *ft_float_format(double v, const FtFormatSpec *spec)
{
    return float_format_impl(v, spec, "float");
}

/* ---- round() --------------------------------------------------------------- */

/* Rounds a finite, nonzero x to a multiple of 10**k (k >= 1), half to
 * even on the exact binary value, by decimal string arithmetic. */
static int round_negative(double x, int k, double *out)
{
    double ax = fabs(x);
    double ip = floor(ax);
    int frac_nonzero = ax != ip;
    char digs[400];
    int len = snprintf(digs, sizeof digs, "%.0f", ip);
    if (ip == 0.0)
        len = 0;
    if (len < k || len >= (int)sizeof digs) {
        *out = copysign(0.0, x);
        return 0;
    }
    size_t hl = (size_t)(len - k);
    const char *tail = digs + hl;
    int up;
    if (tail[0] != '5') {
        up = tail[0] > '5';
    } else {
        int rest_nonzero = frac_nonzero;
        for (int i = 1; i < k; i++)
            rest_nonzero |= tail[i] != '0';
        up = rest_nonzero || (hl > 0 && ((digs[hl - 1] - '0') & 1));
    }
    char head[420];
    head[0] = '0';
    memcpy(head + 1, digs, hl);
    int hn = (int)hl + 1;
    if (up) {
        int i = hn - 1;
        while (head[i] == '9')
            head[i--] = '0';
        head[i]++;
    }
    snprintf(head + hn, sizeof head - (size_t)hn, "e%d", k);
    double r = strtod(head, NULL);
    if (isinf(r)) {
        ft_err_set_string(FtExc_OverflowError,
                          "rounded value too large to represent");
        return -1;
    }
    *out = copysign(r, x);
    return 0;
}

static FtObject *float_round(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    double x = FT_FLOAT_VALUE(self);
    if (nargs == 0 || args[0] == FT_None) {
        /* rint rounds half to even in the default rounding mode. */
        return ft_float_to_int(rint(x));
    }
    int64_t nd;
    if (ft_number_as_i64(args[0], &nd) < 0)
        return NULL;
    if (!isfinite(x) || x == 0.0 || nd > 323)
        return ft_float_from_double(x);
    if (nd < -308)
        return ft_float_from_double(copysign(0.0, x));
    double r;
    if (nd >= 0) {
        char buf[720];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        r = strtod(buf, NULL);
    } else if (round_negative(x, (int)-nd, &r) < 0) {
        return NULL;
    }
    return ft_float_from_double(r);
}

/* ---- methods --------------------------------------------------------------- */

static FtObject *float_format_method(FtObject *self, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    FtFormatSpec spec;
    int got = ft_format_method_spec(self, args, nargs, &spec);
    if (got <= 0)
        return got == 0 ? ft_object_str(self) : NULL;
    return float_format_impl(FT_FLOAT_VALUE(self), &spec,
                             ft_type_name(FT_TYPE(self)));
}

static FtObject *float_is_integer(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("is_integer", nargs, 0, 0) < 0)
        return NULL;
    double x = FT_FLOAT_VALUE(self);
    return ft_bool_from(isfinite(x) && floor(x) == x);
}

static FtObject *float_trunc(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__trunc__", nargs, 0, 0) < 0)
        return NULL;
    return ft_float_to_int(FT_FLOAT_VALUE(self));
}

static FtObject *float_floor(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__floor__", nargs, 0, 0) < 0)
        return NULL;
    return ft_float_to_int(floor(FT_FLOAT_VALUE(self)));
}

static FtObject *float_ceil(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__ceil__", nargs, 0, 0) < 0)
        return NULL;
    return ft_float_to_int(ceil(FT_FLOAT_VALUE(self)));
}

static FtObject *float_as_float(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__float__", nargs, 0, 0) < 0)
        return NULL;
    if (FT_FLOAT_CHECK_EXACT(self))
        return FT_NEWREF(self);
    return ft_float_from_double(FT_FLOAT_VALUE(self));
}

static FtObject *float_as_integer_ratio(FtObject *self, FtObject *const *args,
                                        size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("as_integer_ratio", nargs, 0, 0) < 0)
        return NULL;
    double x = FT_FLOAT_VALUE(self);
    if (isinf(x)) {
        ft_err_set_string(FtExc_OverflowError,
                          "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        ft_err_set_string(FtExc_ValueError,
                          "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    while (m != floor(m)) {
        m *= 2.0;
        e--;
    }
    /* x == m * 2**e with m an integer (|m| < 2**53). */
    FtObject *n = ft_int_from_i64((int64_t)m);
    FtObject *one = ft_int_from_i64(1), *d = NULL;
    if (n != NULL && one != NULL) {
        if (e > 0) {
            FtObject *sh = ft_int_from_i64(e);
            FtObject *t = sh ? ft_int_binop(n, sh, FT_OP_LSHIFT) : NULL;
            FT_XDECREF(sh);
            FT_DECREF(n);
            n = t;
            d = FT_NEWREF(one);
        } else {
            FtObject *sh = ft_int_from_i64(-e);
            d = sh ? ft_int_binop(one, sh, FT_OP_LSHIFT) : NULL;
            FT_XDECREF(sh);
        }
    }
    FT_XDECREF(one);
    FtObject *t = (n && d) ? ft_tuple_pack(2, n, d) : NULL;
    FT_XDECREF(n);
    FT_XDECREF(d);
    return t;
}

/* float.hex(): 0x1.<13 hex digits>p<exp>, as CPython writes it. */
static FtObject *float_hex(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_count("hex", nargs, 0, 0) < 0)
        return NULL;
    double x = FT_FLOAT_VALUE(self);
    char buf[40];
    if (isnan(x) || isinf(x)) {
        ft_float_repr_buf(x, buf, sizeof buf);
        return ft_str_from_cstr(buf);
    }
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
        return ft_str_from_cstr(buf);
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int bexp = (int)((bits >> 52) & 0x7FF);
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int lead = 1, e;
    if (bexp == 0) {
        lead = 0;
        e = -1022;
    } else {
        e = bexp - 1023;
    }
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign, lead,
             (unsigned long long)frac, e);
    return ft_str_from_cstr(buf);
}

static FtObject *float_conjugate(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("conjugate", nargs, 0, 0) < 0)
        return NULL;
    return ft_float_from_double(FT_FLOAT_VALUE(self));
}

static FtObject *float_getnewargs(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    FtObject *f = ft_float_from_double(FT_FLOAT_VALUE(self));
    if (f == NULL)
        return NULL;
    FtObject *t = ft_tuple_pack(1, f);
    FT_DECREF(f);
    return t;
}

static FtObject *float_divmod_method(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__divmod__", nargs, 1, 1) < 0)
        return NULL;
    double x = FT_FLOAT_VALUE(self), y, q, r;
    int k = as_double(args[0], &y);
    if (k < 0)
        return NULL;
    if (k == 0)
        FT_RETURN_NOTIMPLEMENTED;
    if (y == 0.0) {
        ft_err_set_string(FtExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    float_divmod(x, y, &q, &r);
    FtObject *qo = ft_float_from_double(q);
    FtObject *ro = ft_float_from_double(r);
    FtObject *t = (qo && ro) ? ft_tuple_pack(2, qo, ro) : NULL;
    FT_XDECREF(qo);
    FT_XDECREF(ro);
    return t;
}

static FtMethodDef float_methods[] = {
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, 0, NULL},
    {"hex", float_hex, 0, "Return a hexadecimal representation of a float."},
    {"conjugate", float_conjugate, 0, NULL},
    {"__format__", float_format_method, 0, NULL},
    {"__round__", float_round, 0, NULL},
    {"__int__", float_trunc, 0, NULL},
    {"__trunc__", float_trunc, 0, NULL},
    {"__floor__", float_floor, 0, NULL},
    {"__ceil__", float_ceil, 0, NULL},
    {"__float__", float_as_float, 0, NULL},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {"__divmod__", float_divmod_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static FtObject *float_get_real(FtObject *self)
{
    return ft_float_from_double(FT_FLOAT_VALUE(self));
}
static FtObject *float_get_imag(FtObject *self)
{
    return ft_float_from_double(0.0);
}

static FtGetSetDef float_getset[] = {
    {"real", float_get_real, NULL},
    {"imag", float_get_imag, NULL},
    {NULL, NULL, NULL},
};

FtType FtFloat_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "float",
    .tp_basicsize = sizeof(FtFloatObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_LEAF,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_str = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_bool = float_bool,
    .tp_binop = ft_float_binop,
    .tp_unary = float_unary,
    .tp_new = float_new,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_doc = "Convert a string or number to a floating point number, if "
              "possible.",
};
