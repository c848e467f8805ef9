/* interp/builtins_num.c — the numeric built-ins: abs, divmod, pow (with
 * the three-argument modular form), round (correctly rounded, half to
 * even) and hex/oct/bin; interp/builtins.c adds them to the module.
 */
#include "objects/object.h"
#include "objects/typeobject.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FtObject *bi_abs(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("abs", nargs, 1, 1) < 0)
        return NULL;
    return ft_number_unary(args[0], FT_UNARY_ABS);
}

static int is_c_number(FtObject *o)
{
    return FT_INT_CHECK(o) || FT_FLOAT_CHECK(o);
}

/* Calls type(a).name(a, b) if the type defines it; *found tells. */
static FtObject *call_dunder(FtObject *a, FtObject *b, FtObject *name,
                             int *found)
{
    FtObject *f = ft_type_lookup_ref(FT_TYPE(a), name);
    *found = f != NULL;
    if (f == NULL)
        return NULL;
    FtObject *r = ft_call2(f, a, b);
    FT_DECREF(f);
    return r;
}

static FtObject *bi_divmod(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (nargs != 2) {
        ft_err_format(FtExc_TypeError, "divmod expected 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *a = args[0], *b = args[1];
    if (is_c_number(a) && is_c_number(b)) {
        if ((FT_FLOAT_CHECK(a) || FT_FLOAT_CHECK(b))) {
            double d;
            if (ft_number_as_double(b, &d) < 0)
                return NULL;
            if (d == 0.0) {
                ft_err_set_string(FtExc_ZeroDivisionError, "float divmod()");
                return NULL;
            }
        }
        FtObject *q = ft_number_binop(a, b, FT_OP_FLOORDIV);
        FtObject *r = q ? ft_number_binop(a, b, FT_OP_MOD) : NULL;
        FtObject *t = r ? ft_tuple_pack(2, q, r) : NULL;
        FT_XDECREF(q);
        FT_XDECREF(r);
        return t;
    }
    static FtObject *name_divmod, *name_rdivmod; /* interned once */
    if (name_divmod == NULL &&
        ((name_divmod = ft_str_intern_cstr("__divmod__")) == NULL ||
         (name_rdivmod = ft_str_intern_cstr("__rdivmod__")) == NULL))
        return NULL;
    int found;
    FtObject *r = call_dunder(a, b, name_divmod, &found);
    if (found && (r == NULL || r != FT_NotImplemented))
        return r;
    FT_XDECREF(r);
    if (FT_TYPE(a) != FT_TYPE(b)) {
        r = call_dunder(b, a, name_rdivmod, &found);
        if (found && (r == NULL || r != FT_NotImplemented))
            return r;
        FT_XDECREF(r);
    }
    ft_err_format(FtExc_TypeError,
                  "unsupported operand type(s) for divmod(): '%s' and '%s'",
                  ft_type_name(FT_TYPE(a)), ft_type_name(FT_TYPE(b)));
    return NULL;
}

/* Modular inverse of a mod m (m > 0) by the extended Euclidean algorithm. */
static int mod_inverse(int64_t a, uint64_t m, uint64_t *out)
{
    __int128 r0 = (__int128)m, r1 = a, t0 = 0, t1 = 1;
    while (r1 != 0) {
        __int128 q = r0 / r1, tmp;
        tmp = r0 - q * r1;
        r0 = r1;
        r1 = tmp;
        tmp = t0 - q * t1;
        t0 = t1;
        t1 = tmp;
    }
    if (r0 != 1)
        return -1;
    if (t0 < 0)
        t0 += (__int128)m;
    *out = (uint64_t)t0;
    return 0;
}

static FtObject *pow_mod(int64_t base, int64_t exp, int64_t mod)
{
    if (mod == 0) {
        ft_err_set_string(FtExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    uint64_t m = mod < 0 ? -(uint64_t)mod : (uint64_t)mod;
    /* base reduced into [0, m) */
    int64_t bm = (int64_t)((__int128)base % (__int128)m);
    uint64_t b = bm < 0 ? (uint64_t)((__int128)bm + m) : (uint64_t)bm;
    uint64_t e = exp < 0 ? -(uint64_t)exp : (uint64_t)exp;
    if (exp < 0 && mod_inverse((int64_t)b, m, &b) < 0) {
        ft_err_set_string(FtExc_ValueError,
                          "base is not invertible for the given modulus");
        return NULL;
    }
    unsigned __int128 r = m == 1 ? 0 : 1, x = b;
    while (e > 0) {
        if (e & 1)
            r = r * x % m;
        x = x * x % m;
        e >>= 1;
    }
    int64_t res = (int64_t)r;
    if (mod < 0 && res != 0)
        res = (int64_t)((__int128)res + mod);
    return ft_int_from_i64(res);
}

static FtObject *bi_pow(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (ft_arg_parse("pow", args, nargs, kwnames, kwlist, 2, 3, a) < 0)
        return NULL;
    if (a[2] == NULL || a[2] == FT_None)
        return ft_number_binop(a[0], a[1], FT_OP_POW);
    if (!FT_INT_CHECK(a[0]) || !FT_INT_CHECK(a[1]) || !FT_INT_CHECK(a[2])) {
        ft_err_set_string(FtExc_TypeError, "pow() 3rd argument not allowed "
                                           "unless all arguments are integers");
        return NULL;
    }
    if (FT_INT_IS_BIG(a[0]) || FT_INT_IS_BIG(a[1]) || FT_INT_IS_BIG(a[2]))
        return ft_int_pow_mod(a[0], a[1], a[2]);
    return pow_mod(FT_INT_VALUE(a[0]), FT_INT_VALUE(a[1]), FT_INT_VALUE(a[2]));
}

#define ROUND_NDIGITS_MAX 323  /* beyond: every double is already exact */
#define ROUND_NDIGITS_MIN -308 /* beyond: every double rounds to 0 */

/* round(x, nd) for nd < 0: round half even at the 10**-nd position,
 * decided on the exact decimal value of x (its integer digits printed
 * exactly, the fraction only as a sticky "not zero" bit). */
static double round_negative(double x, int nd)
{
    double ax = fabs(x), ip = floor(ax);
    int sticky = ax != ip;
    int k = -nd;
    char digits[400], buf[800];
    int len = snprintf(digits, sizeof digits, "%.0f", ip);
    /* At least one digit before the rounding position. */
    int pad = len <= k ? k + 1 - len : 0;
    memset(buf, '0', (size_t)pad);
    memcpy(buf + pad, digits, (size_t)len + 1);
    len += pad;
    int keep = len - k;
    char *rest = buf + keep;
    int cmp = rest[0] > '5' ? 1 : rest[0] < '5' ? -1 : 0;
    for (int i = 1; cmp == 0 && i < k; i++)
        if (rest[i] != '0')
            cmp = 1;
    if (cmp == 0 && sticky)
        cmp = 1;
    int up = cmp > 0 || (cmp == 0 && (buf[keep - 1] - '0') % 2 == 1);
    memset(rest, '0', (size_t)k);
    if (up) {
        int i = keep - 1;
        while (i >= 0 && buf[i] == '9')
            buf[i--] = '0';
        if (i >= 0) {
            buf[i]++;
        } else {
            memmove(buf + 1, buf, (size_t)len + 1);
            buf[0] = '1';
        }
    }
    double r = strtod(buf, NULL);
    return x < 0 ? -r : r;
}

static FtObject *round_float(double x, FtObject *ndigits)
{
    if (ndigits == NULL) {
        if (isnan(x)) {
            ft_err_set_string(FtExc_ValueError,
                              "cannot convert float NaN to integer");
            return NULL;
        }
        if (isinf(x)) {
            ft_err_set_string(FtExc_OverflowError,
                              "cannot convert float infinity to integer");
            return NULL;
        }
        double r = nearbyint(x); /* the default mode: ties to even */
        if (!(r >= -9223372036854775808.0 && r < 9223372036854775808.0))
            return ft_int_overflow();
        return ft_int_from_i64((int64_t)r);
    }
    int64_t nd;
    if (FT_FLOAT_CHECK(ndigits)) {
        ft_err_set_string(FtExc_TypeError,
                          "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    if (ft_number_as_i64(ndigits, &nd) < 0)
        return NULL;
    if (!isfinite(x) || x == 0.0 || nd > ROUND_NDIGITS_MAX)
        return ft_float_from_double(x);
    if (nd < ROUND_NDIGITS_MIN)
        return ft_float_from_double(0.0 * x);
    double r;
    if (nd >= 0) {
        /* glibc prints the correctly rounded (half-even) decimal. */
        char buf[800];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        r = strtod(buf, NULL);
    } else {
        r = round_negative(x, (int)nd);
    }
    if (isinf(r)) {
        ft_err_set_string(FtExc_OverflowError,
                          "rounded value too large to represent");
        return NULL;
    }
    return ft_float_from_double(r);
}

static FtObject *bi_round(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    FtObject *a[2] = {NULL, NULL};
    if (ft_arg_parse("round", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    FtObject *x = a[0], *nd = a[1] == FT_None ? NULL : a[1];
    if (FT_FLOAT_CHECK(x))
        return round_float(FT_FLOAT_VALUE(x), nd);
    /* ints (any size) take int.__round__ below */
    FtObject *f = ft_type_lookup_ref(FT_TYPE(x), FT_ID(__round__));
    if (f == NULL) {
        if (!ft_err_occurred())
            ft_err_format(FtExc_TypeError,
                          "type %s doesn't define __round__ method",
                          ft_type_name(FT_TYPE(x)));
        return NULL;
    }
    FtObject *r = nd ? ft_call2(f, x, nd) : ft_call1(f, x);
    FT_DECREF(f);
    return r;
}

/* hex/oct/bin: "-0x1f"; the magnitude is taken as unsigned so that the
 * most negative int prints too. */
static FtObject *int_to_base(FtObject *const *args, size_t nargs,
                             const char *fname, int shift, char letter)
{
    if (ft_arg_count(fname, nargs, 1, 1) < 0)
        return NULL;
    if (FT_FLOAT_CHECK(args[0])) {
        ft_err_set_string(FtExc_TypeError,
                          "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    FtObject *v = ft_number_index(args[0]);
    if (v == NULL)
        return NULL;
    size_t n;
    int neg;
    char *d = ft_int_digits(v, 1 << shift, 0, &n, &neg);
    FT_DECREF(v);
    if (d == NULL)
        return NULL;
    char *out = ft_mem_alloc(n + 4);
    if (out == NULL) {
        ft_mem_free(d);
        return NULL;
    }
    char *p = out;
    if (neg)
        *p++ = '-';
    *p++ = '0';
    *p++ = letter;
    memcpy(p, d, n);
    ft_mem_free(d);
    FtObject *r = ft_str_from_len(out, (ssize_t)(p + n - out));
    ft_mem_free(out);
    return r;
}

static FtObject *bi_hex(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return int_to_base(args, nargs, "hex", 4, 'x');
}

static FtObject *bi_oct(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return int_to_base(args, nargs, "oct", 3, 'o');
}

static FtObject *bi_bin(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return int_to_base(args, nargs, "bin", 1, 'b');
}

FtMethodDef ft_builtins_num_methods[] = {
    {"abs", bi_abs, 0, "Return the absolute value of the argument."},
    {"divmod", bi_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"pow", bi_pow, FT_METH_KEYWORDS,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 "
     "arguments"},
    {"round", bi_round, FT_METH_KEYWORDS,
     "Round a number to a given precision in decimal digits."},
    {"hex", bi_hex, 0, "Return the hexadecimal representation of an integer."},
    {"oct", bi_oct, 0, "Return the octal representation of an integer."},
    {"bin", bi_bin, 0, "Return the binary representation of an integer."},
    {NULL, NULL, 0, NULL},
};
