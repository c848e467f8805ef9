/* interp/mod_math.c — the built-in `math` module: C libm wrapped with
 * CPython's error rules (domain errors -> ValueError "math domain error",
 * overflow -> OverflowError "math range error") plus the integer helpers
 * (factorial, gcd, lcm, isqrt, comb, perm) on ftpy's 64-bit ints.
 */
#include "interp/modules.h"
#include "objects/typeobject.h"

#include <math.h>
#include <string.h>

#define PI 3.141592653589793238462643383279502884
#define E_CONST 2.718281828459045235360287471352662498

/* ---- argument and error helpers -------------------------------------------- */

static int arg_double(FtObject *o, double *out)
{
    if (FT_FLOAT_CHECK_EXACT(o)) {
        *out = FT_FLOAT_VALUE(o);
        return 0;
    }
    if (FT_INT_CHECK(o))
        return ft_int_as_double(o, out);
    return ft_number_as_double(o, out);
}

static FtObject *domain_error(void)
{
    ft_err_set_string(FtExc_ValueError, "math domain error");
    return NULL;
}

static FtObject *range_error(void)
{
    ft_err_set_string(FtExc_OverflowError, "math range error");
    return NULL;
}

/* "pow expected 2 arguments, got 1", CPython's wording for two-argument
 * math functions. */
static int check_nargs2(const char *name, size_t nargs)
{
    if (nargs == 2)
        return 0;
    ft_err_format(FtExc_TypeError, "%s expected 2 arguments, got %zd", name,
                  (ssize_t)nargs);
    return -1;
}

static int two_doubles(const char *name, FtObject *const *args, size_t nargs,
                       double *x, double *y)
{
    if (check_nargs2(name, nargs) < 0 || arg_double(args[0], x) < 0 ||
        arg_double(args[1], y) < 0)
        return -1;
    return 0;
}

/* A one-argument libm function with CPython's checks: a NaN from a non-NaN
 * is a domain error; an infinity from a finite value is an overflow when
 * the function can overflow, else a domain error (a pole, like log(0)). */
static FtObject *math_1(const char *name, FtObject *const *args, size_t nargs,
                        double (*f)(double), int can_overflow)
{
    if (ft_arg_count(name, nargs, 1, 1) < 0)
        return NULL;
    double x;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return ft_float_from_double(r);
}

static double gamma_of(double x)
{
    if (x == floor(x) && x <= 0)
        return NAN; /* poles: domain error */
    return tgamma(x);
}

static double lgamma_of(double x)
{
    if (isfinite(x) && x == floor(x) && x <= 0)
        return NAN;
    return lgamma(x);
}

#define MATH_1(pyname, cfunc, can_overflow)                                    \
    static FtObject *math_##pyname(FtObject *self, FtObject *const *args,      \
                                   size_t nargs, FtObject *kwnames)            \
    {                                                                          \
        return math_1("math." #pyname, args, nargs, cfunc, can_overflow);      \
    }
MATH_1(sqrt, sqrt, 0)
MATH_1(exp, exp, 1)
MATH_1(exp2, exp2, 1)
MATH_1(expm1, expm1, 1)
MATH_1(log2, log2, 0)
MATH_1(log10, log10, 0)
MATH_1(log1p, log1p, 0)
MATH_1(sin, sin, 0)
MATH_1(cos, cos, 0)
MATH_1(tan, tan, 0)
MATH_1(asin, asin, 0)
MATH_1(acos, acos, 0)
MATH_1(atan, atan, 0)
MATH_1(sinh, sinh, 1)
MATH_1(cosh, cosh, 1)
MATH_1(tanh, tanh, 0)
MATH_1(asinh, asinh, 0)
MATH_1(acosh, acosh, 0)
MATH_1(atanh, atanh, 0)
MATH_1(fabs, fabs, 0)
MATH_1(cbrt, cbrt, 0)
MATH_1(erf, erf, 0)
MATH_1(erfc, erfc, 0)
MATH_1(gamma, gamma_of, 1)
MATH_1(lgamma, lgamma_of, 1)

/* degrees/radians are plain products: CPython does no range checks. */
static FtObject *math_degrees(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    double x;
    if (ft_arg_count("math.degrees", nargs, 1, 1) < 0 ||
        arg_double(args[0], &x) < 0)
        return NULL;
    return ft_float_from_double(x * (180.0 / PI));
}

static FtObject *math_radians(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    double x;
    if (ft_arg_count("math.radians", nargs, 1, 1) < 0 ||
        arg_double(args[0], &x) < 0)
        return NULL;
    return ft_float_from_double(x * (PI / 180.0));
}

/* ---- floor, ceil, trunc: int results ---------------------------------------- */

/* type(o).name(o), or NULL without an exception if the type lacks it. */
static FtObject *call_special(FtObject *o, const char *cname,
                              FtObject **cache)
{
    FtObject *name = ft_intern_static(cache, cname);
    if (name == NULL)
        return NULL;
    int missing = 0; /* a new reference to the attribute while it runs */
    return ft_call_special(o, name, NULL, 0, NULL, &missing);
}

static FtObject *int_result(FtObject *o)
{
    if (FT_INT_CHECK_EXACT(o))
        return FT_NEWREF(o);
    return ft_int_from_i64(FT_INT_VALUE(o));
}

static FtObject *round_to_int(const char *name, FtObject *const *args,
                              size_t nargs, const char *dunder,
                              FtObject **cache, double (*f)(double))
{
    if (ft_arg_count(name, nargs, 1, 1) < 0)
        return NULL;
    FtObject *x = args[0];
    if (FT_FLOAT_CHECK_EXACT(x))
        return ft_float_to_int(f(FT_FLOAT_VALUE(x)));
    if (FT_INT_CHECK(x))
        return int_result(x);
    FtObject *r = call_special(x, dunder, cache);
    if (r != NULL || ft_err_occurred())
        return r;
    double v;
    if (arg_double(x, &v) < 0)
        return NULL;
    return ft_float_to_int(f(v));
}

static FtObject *math_floor(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    static FtObject *name;
    return round_to_int("math.floor", args, nargs, "__floor__", &name, floor);
}

static FtObject *math_ceil(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static FtObject *name;
    return round_to_int("math.ceil", args, nargs, "__ceil__", &name, ceil);
}

static FtObject *math_trunc(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    static FtObject *name;
    if (ft_arg_count("math.trunc", nargs, 1, 1) < 0)
        return NULL;
    FtObject *x = args[0];
    if (FT_FLOAT_CHECK_EXACT(x))
        return ft_float_to_int(FT_FLOAT_VALUE(x));
    if (FT_INT_CHECK(x))
        return int_result(x);
    FtObject *r = call_special(x, "__trunc__", &name);
    if (r != NULL || ft_err_occurred())
        return r;
    ft_err_format(FtExc_TypeError, "type %s doesn't define __trunc__ method",
                  ft_type_name(FT_TYPE(x)));
    return NULL;
}

/* ---- two-argument functions -------------------------------------------------- */

static double m_log(double x)
{
    if (isfinite(x) && x <= 0.0)
        return NAN; /* domain error; log(0) is -inf in C */
    return log(x);
}

static FtObject *math_log(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (nargs < 1 || nargs > 2) {
        ft_err_set_string(FtExc_TypeError,
                          "math.log requires 1 to 2 arguments");
        return NULL;
    }
    double x, num, den;
    if (arg_double(args[0], &x) < 0)
        return NULL;
    num = m_log(x);
    if (isnan(num) && !isnan(x))
        return domain_error();
    if (nargs == 1)
        return ft_float_from_double(num);
    double b;
    if (arg_double(args[1], &b) < 0)
        return NULL;
    den = m_log(b);
    if (isnan(den) && !isnan(b))
        return domain_error();
    if (den == 0.0) {
        ft_err_set_string(FtExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return ft_float_from_double(num / den);
}

static FtObject *math_pow(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    double r = pow(x, y);
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r))
            return domain_error(); /* negative ** fractional */
        if (isinf(r))
            return x == 0.0 ? domain_error() : range_error();
    }
    return ft_float_from_double(r);
}

static FtObject *math_atan2(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return ft_float_from_double(atan2(y, x));
}

static FtObject *math_copysign(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return ft_float_from_double(copysign(x, y));
}

static FtObject *math_fmod(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return ft_float_from_double(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return ft_float_from_double(r);
}

static FtObject *math_remainder(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return ft_float_from_double(x);
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return ft_float_from_double(r);
}

static FtObject *math_nextafter(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    double x, y;
    if (two_doubles("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return ft_float_from_double(nextafter(x, y));
}

static FtObject *math_ulp(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    double x;
    if (ft_arg_count("math.ulp", nargs, 1, 1) < 0 || arg_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return ft_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return ft_float_from_double(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up))
        return ft_float_from_double(x - nextafter(x, -INFINITY));
    return ft_float_from_double(up - x);
}

/* hypot(*coordinates): scaled by the largest magnitude so that squaring
 * neither overflows nor underflows. */
static FtObject *math_hypot(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    double small[16];
    double *v = nargs <= 16 ? small : ft_mem_alloc(nargs * sizeof(double));
    if (v == NULL)
        return NULL;
    double maxv = 0.0;
    int found_nan = 0;
    for (size_t i = 0; i < nargs; i++) {
        if (arg_double(args[i], &v[i]) < 0) {
            if (v != small)
                ft_mem_free(v);
            return NULL;
        }
        v[i] = fabs(v[i]);
        found_nan |= isnan(v[i]);
        if (v[i] > maxv)
            maxv = v[i];
    }
    double r;
    if (isinf(maxv))
        r = maxv;
    else if (found_nan)
        r = NAN;
    else if (maxv == 0.0 || nargs <= 1)
        r = maxv;
    else {
        /* Scale by a power of two (exact) and sum the squares in long
         * double, so the result is almost always correctly rounded, as
         * CPython's vector_norm is. */
        int e;
        frexp(maxv, &e);
        long double sum = 0.0L;
        for (size_t i = 0; i < nargs; i++) {
            long double q = ldexpl((long double)v[i], -e);
            sum += q * q;
        }
        r = (double)ldexpl(sqrtl(sum), e);
    }
    if (v != small)
        ft_mem_free(v);
    return ft_float_from_double(r);
}

static FtObject *math_dist(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (check_nargs2("dist", nargs) < 0)
        return NULL;
    FtObject *p = ft_tuple_from_iterable(args[0]);
    if (p == NULL)
        return NULL;
    FtObject *q = ft_tuple_from_iterable(args[1]);
    if (q == NULL) {
        FT_DECREF(p);
        return NULL;
    }
    FtObject *res = NULL, *diffs = NULL;
    ssize_t n = FT_TUPLE_SIZE(p);
    if (FT_TUPLE_SIZE(q) != n) {
        ft_err_set_string(FtExc_ValueError,
                          "both points must have the same number of dimensions");
        goto done;
    }
    diffs = ft_tuple_new(n);
    if (diffs == NULL)
        goto done;
    for (ssize_t i = 0; i < n; i++) {
        double a, b;
        if (arg_double(FT_TUPLE_GET(p, i), &a) < 0 ||
            arg_double(FT_TUPLE_GET(q, i), &b) < 0)
            goto done;
        FtObject *d = ft_float_from_double(a - b);
        if (d == NULL)
            goto done;
        FT_TUPLE_SET(diffs, i, d);
    }
    res = math_hypot(self, ((FtTupleObject *)diffs)->items, (size_t)n, NULL);
done:
    FT_XDECREF(diffs);
    FT_DECREF(p);
    FT_DECREF(q);
    return res;
}

/* ---- predicates and decompositions ----------------------------------------- */

#define MATH_PRED(pyname, expr)                                                \
    static FtObject *math_##pyname(FtObject *self, FtObject *const *args,      \
                                   size_t nargs, FtObject *kwnames)            \
    {                                                                          \
        double x;                                                              \
        if (ft_arg_count("math." #pyname, nargs, 1, 1) < 0 ||                  \
            arg_double(args[0], &x) < 0)                                       \
            return NULL;                                                       \
        return ft_bool_from(expr);                                             \
    }
MATH_PRED(isnan, isnan(x))
MATH_PRED(isinf, isinf(x))
MATH_PRED(isfinite, isfinite(x))

static FtObject *pack_floats(double a, double b)
{
    FtObject *x = ft_float_from_double(a);
    FtObject *y = ft_float_from_double(b);
    FtObject *t = (x && y) ? ft_tuple_pack(2, x, y) : NULL;
    FT_XDECREF(x);
    FT_XDECREF(y);
    return t;
}

static FtObject *math_modf(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    double x;
    if (ft_arg_count("math.modf", nargs, 1, 1) < 0 || arg_double(args[0], &x) < 0)
        return NULL;
    if (isinf(x))
        return pack_floats(copysign(0.0, x), x);
    double ip;
    double fp = modf(x, &ip);
    return pack_floats(fp, ip);
}

static FtObject *math_frexp(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    double x;
    if (ft_arg_count("math.frexp", nargs, 1, 1) < 0 ||
        arg_double(args[0], &x) < 0)
        return NULL;
    int e = 0;
    double m = x;
    if (isfinite(x) && x != 0.0)
        m = frexp(x, &e);
    FtObject *mo = ft_float_from_double(m);
    FtObject *eo = ft_int_from_i64(e);
    FtObject *t = (mo && eo) ? ft_tuple_pack(2, mo, eo) : NULL;
    FT_XDECREF(mo);
    FT_XDECREF(eo);
    return t;
}

static FtObject *math_ldexp(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    double x;
    if (check_nargs2("ldexp", nargs) < 0 || arg_double(args[0], &x) < 0)
        return NULL;
    if (!FT_INT_CHECK(args[1])) {
        ft_err_set_string(FtExc_TypeError,
                          "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t i = ft_int_clamped(args[1]);
    if (x == 0.0 || !isfinite(x))
        return ft_float_from_double(x);
    if (i > 100000)
        i = 100000;
    else if (i < -100000)
        i = -100000;
    double r = ldexp(x, (int)i);
    if (isinf(r))
        return range_error();
    return ft_float_from_double(r);
}

static FtObject *math_isclose(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    FtObject *argv[4] = {NULL, NULL, NULL, NULL};
    if (ft_arg_parse("isclose", args, nargs, kwnames, kwlist, 2, 2, argv) < 0)
        return NULL;
    double a, b, rel = 1e-09, abs_tol = 0.0;
    if (arg_double(argv[0], &a) < 0 || arg_double(argv[1], &b) < 0 ||
        (argv[2] && arg_double(argv[2], &rel) < 0) ||
        (argv[3] && arg_double(argv[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0) {
        ft_err_set_string(FtExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b)
        FT_RETURN_TRUE;
    if (isinf(a) || isinf(b))
        FT_RETURN_FALSE;
    double diff = fabs(b - a);
    return ft_bool_from(diff <= fabs(rel * b) || diff <= fabs(rel * a) ||
                        diff <= abs_tol);
}

/* fsum: exact sum of the inputs, rounded once (Shewchuk's non-overlapping
 * partials, as documented for math.fsum). */
static FtObject *math_fsum(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_count("math.fsum", nargs, 1, 1) < 0)
        return NULL;
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    double small[32];
    double *p = small;
    size_t n = 0, cap = 32;
    double special = 0.0, inf_sum = 0.0;
    FtObject *item, *res = NULL;
    while ((item = ft_iter_next(it)) != NULL) {
        double x;
        int rc = arg_double(item, &x);
        FT_DECREF(item);
        if (rc < 0)
            goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0)
            continue;
        if (!isfinite(x)) {
            /* Either an inf/nan input or an overflow of finite ones. */
            if (isfinite(xsave)) {
                ft_err_set_string(FtExc_OverflowError,
                                  "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(xsave))
                inf_sum += xsave;
            special += xsave;
            n = 0;
            continue;
        }
        if (n == cap) {
            double *np = ft_mem_alloc(2 * cap * sizeof(double));
            if (np == NULL)
                goto done;
            memcpy(np, p, n * sizeof(double));
            if (p != small)
                ft_mem_free(p);
            p = np;
            cap *= 2;
        }
        p[n++] = x;
    }
    if (ft_err_occurred())
        goto done;
    if (special != 0.0) {
        if (isnan(inf_sum)) {
            ft_err_set_string(FtExc_ValueError, "-inf + inf in fsum");
            goto done;
        }
        res = ft_float_from_double(special);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        /* Round half to even across the remaining partials. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) ||
                      (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    res = ft_float_from_double(hi);
done:
    if (p != small)
        ft_mem_free(p);
    FT_DECREF(it);
    return res;
}

static FtObject *math_prod(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    FtObject *argv[2] = {NULL, NULL};
    if (ft_arg_parse("prod", args, nargs, kwnames, kwlist, 1, 1, argv) < 0)
        return NULL;
    FtObject *acc = argv[1] ? FT_NEWREF(argv[1]) : ft_int_from_i64(1);
    FtObject *it = ft_object_iter(argv[0]);
    if (it == NULL) {
        FT_DECREF(acc);
        return NULL;
    }
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        FtObject *r = ft_number_binop(acc, item, FT_OP_MUL);
        FT_DECREF(item);
        FT_DECREF(acc);
        acc = r;
        if (acc == NULL)
            break;
    }
    FT_DECREF(it);
    if (acc != NULL && ft_err_occurred())
        FT_CLEAR(acc);
    return acc;
}

/* ---- integer functions ----------------------------------------------------- */

/* These work on ints of any size through the int type's own operations;
 * each helper consumes the references it is given (NULL passes through). */
static FtObject *iop(FtObject *a, FtObject *b, int op)
{
    FtObject *r = a && b ? ft_int_binop(a, b, op) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    return r;
}

static FtObject *I(int64_t v) { return ft_int_from_i64(v); }

/* lo * (lo + 1) * ... * hi by binary splitting, so the big
 * multiplications see operands of similar size. */
static FtObject *range_product(uint64_t lo, uint64_t hi)
{
    if (hi - lo < 8) {
        FtObject *r = I(1);
        uint64_t acc = 1;
        for (uint64_t i = lo; i <= hi; i++) {
            uint64_t t;
            if (__builtin_mul_overflow(acc, i, &t)) {
                r = iop(r, ft_int_from_u64(acc), FT_OP_MUL);
                t = i;
            }
            acc = t;
        }
        return iop(r, ft_int_from_u64(acc), FT_OP_MUL);
    }
    uint64_t mid = lo + (hi - lo) / 2;
    return iop(range_product(lo, mid), range_product(mid + 1, hi), FT_OP_MUL);
}

static FtObject *math_factorial(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    int64_t n;
    if (ft_arg_count("math.factorial", nargs, 1, 1) < 0 ||
        ft_number_as_i64(args[0], &n) < 0)
        return NULL;
    if (n < 0) {
        ft_err_set_string(FtExc_ValueError,
                          "factorial() not defined for negative values");
        return NULL;
    }
    return n < 2 ? I(1) : range_product(2, (uint64_t)n);
}

static FtObject *int_abs(FtObject *o)
{
    return ft_int_sign(o) < 0 ? ft_number_unary(o, FT_UNARY_NEG)
                              : FT_NEWREF(o);
}

/* gcd(|a|, |b|) by Euclid's algorithm; consumes a and b. */
static FtObject *gcd2(FtObject *a, FtObject *b)
{
    while (a != NULL && b != NULL && ft_int_sign(b) != 0) {
        FtObject *t = ft_int_binop(a, b, FT_OP_MOD);
        FT_DECREF(a);
        a = b;
        b = t;
    }
    FT_XDECREF(b);
    return a;
}

static FtObject *math_gcd(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    FtObject *g = I(0);
    for (size_t i = 0; g != NULL && i < nargs; i++) {
        FtObject *v = ft_number_index(args[i]);
        if (v == NULL) {
            FT_DECREF(g);
            return NULL;
        }
        FtObject *a = int_abs(v);
        FT_DECREF(v);
        g = gcd2(g, a);
    }
    return g;
}

static FtObject *math_lcm(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    FtObject *l = I(1);
    for (size_t i = 0; l != NULL && i < nargs; i++) {
        FtObject *v = ft_number_index(args[i]);
        if (v == NULL) {
            FT_DECREF(l);
            return NULL;
        }
        FtObject *a = int_abs(v);
        FT_DECREF(v);
        if (a == NULL || ft_int_sign(a) == 0 || ft_int_sign(l) == 0) {
            FT_DECREF(l);
            l = a != NULL ? I(0) : NULL;
            FT_XDECREF(a);
            continue;
        }
        /* l * (a // gcd(l, a)) */
        FtObject *g = gcd2(FT_NEWREF(l), FT_NEWREF(a));
        l = iop(l, iop(a, g, FT_OP_FLOORDIV), FT_OP_MUL);
    }
    return l;
}

static FtObject *math_isqrt(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("math.isqrt", nargs, 1, 1) < 0)
        return NULL;
    FtObject *nobj = ft_number_index(args[0]);
    if (nobj == NULL)
        return NULL;
    if (ft_int_sign(nobj) < 0) {
        FT_DECREF(nobj);
        ft_err_set_string(FtExc_ValueError,
                          "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (FT_INT_IS_SMALL(nobj)) {
        int64_t n = FT_INT_VALUE(nobj);
        FT_DECREF(nobj);
        uint64_t r = (uint64_t)sqrt((double)n);
        /* The double estimate is within one of the answer; fix it exactly. */
        while (r > 0 && (unsigned __int128)r * r > (unsigned __int128)n)
            r--;
        while ((unsigned __int128)(r + 1) * (r + 1) <= (unsigned __int128)n)
            r++;
        return I((int64_t)r);
    }
    /* Newton from above: x = 2**ceil(bits/2) >= sqrt(n); the iterates
     * decrease to floor(sqrt(n)) and stop there. */
    int64_t bits = (int64_t)ft_int_bit_length(nobj);
    FtObject *x = iop(I(1), I((bits + 1) / 2), FT_OP_LSHIFT);
    while (x != NULL) {
        FtObject *y = iop(iop(FT_NEWREF(x), iop(FT_NEWREF(nobj), FT_NEWREF(x),
                                                 FT_OP_FLOORDIV),
                              FT_OP_ADD),
                          I(1), FT_OP_RSHIFT);
        if (y == NULL || ft_int_compare(y, x) >= 0) {
            FT_XDECREF(y);
            break;
        }
        FT_DECREF(x);
        x = y;
    }
    FT_DECREF(nobj);
    return x;
}

static int nonneg_check(const char *what, int64_t v)
{
    if (v < 0) {
        ft_err_format(FtExc_ValueError, "%s must be a non-negative integer",
                      what);
        return -1;
    }
    return 0;
}

static FtObject *math_comb(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    int64_t n, k;
    if (check_nargs2("comb", nargs) < 0 || ft_number_as_i64(args[0], &n) < 0 ||
        ft_number_as_i64(args[1], &k) < 0 || nonneg_check("n", n) < 0 ||
        nonneg_check("k", k) < 0)
        return NULL;
    if (k > n)
        return I(0);
    if (k > n - k)
        k = n - k;
    /* r = C(n, i) after step i: r * (n - i) / (i + 1) is exact. */
    FtObject *r = I(1);
    for (int64_t i = 0; r != NULL && i < k; i++)
        r = iop(iop(r, I(n - i), FT_OP_MUL), I(i + 1), FT_OP_FLOORDIV);
    return r;
}

static FtObject *math_perm(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (nargs < 1 || nargs > 2) {
        ft_err_format(FtExc_TypeError,
                      "perm expected at most 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    int64_t n, k;
    if (ft_number_as_i64(args[0], &n) < 0)
        return NULL;
    if (nargs == 1 || args[1] == FT_None)
        k = n;
    else if (ft_number_as_i64(args[1], &k) < 0)
        return NULL;
    if (nonneg_check("n", n) < 0 || nonneg_check("k", k) < 0)
        return NULL;
    if (k > n)
        return I(0);
    if (k == 0)
        return I(1);
    return range_product((uint64_t)(n - k + 1), (uint64_t)n);
}


/* ---- the module ------------------------------------------------------------ */

static FtMethodDef math_functions[] = {
    {"sqrt", math_sqrt, 0, "Return the square root of x."},
    {"exp", math_exp, 0, "Return e raised to the power of x."},
    {"exp2", math_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, 0, "Return exp(x)-1."},
    {"log", math_log, 0, "log(x, [base=math.e])"},
    {"log2", math_log2, 0, "Return the base 2 logarithm of x."},
    {"log10", math_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, 0, "Return the natural logarithm of 1+x."},
    {"pow", math_pow, 0, "Return x**y (x to the power of y)."},
    {"sin", math_sin, 0, "Return the sine of x (measured in radians)."},
    {"cos", math_cos, 0, "Return the cosine of x (measured in radians)."},
    {"tan", math_tan, 0, "Return the tangent of x (measured in radians)."},
    {"asin", math_asin, 0, NULL},
    {"acos", math_acos, 0, NULL},
    {"atan", math_atan, 0, NULL},
    {"atan2", math_atan2, 0, NULL},
    {"sinh", math_sinh, 0, NULL},
    {"cosh", math_cosh, 0, NULL},
    {"tanh", math_tanh, 0, NULL},
    {"asinh", math_asinh, 0, NULL},
    {"acosh", math_acosh, 0, NULL},
    {"atanh", math_atanh, 0, NULL},
    {"hypot", math_hypot, 0, "Multidimensional Euclidean distance from the origin."},
    {"dist", math_dist, 0, NULL},
    {"degrees", math_degrees, 0, "Convert angle x from radians to degrees."},
    {"radians", math_radians, 0, "Convert angle x from degrees to radians."},
    {"floor", math_floor, 0, "Return the floor of x as an Integral."},
    {"ceil", math_ceil, 0, "Return the ceiling of x as an Integral."},
    {"trunc", math_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"fabs", math_fabs, 0, "Return the absolute value of the float x."},
    {"cbrt", math_cbrt, 0, NULL},
    {"erf", math_erf, 0, NULL},
    {"erfc", math_erfc, 0, NULL},
    {"gamma", math_gamma, 0, NULL},
    {"lgamma", math_lgamma, 0, NULL},
    {"isnan", math_isnan, 0, NULL},
    {"isinf", math_isinf, 0, NULL},
    {"isfinite", math_isfinite, 0, NULL},
    {"isclose", math_isclose, FT_METH_KEYWORDS, NULL},
    {"copysign", math_copysign, 0, NULL},
    {"fmod", math_fmod, 0, NULL},
    {"remainder", math_remainder, 0, NULL},
    {"nextafter", math_nextafter, 0, NULL},
    {"ulp", math_ulp, 0, NULL},
    {"modf", math_modf, 0, NULL},
    {"frexp", math_frexp, 0, NULL},
    {"ldexp", math_ldexp, 0, NULL},
    {"fsum", math_fsum, 0, NULL},
    {"prod", math_prod, FT_METH_KEYWORDS, NULL},
    {"factorial", math_factorial, 0, NULL},
    {"gcd", math_gcd, 0, NULL},
    {"lcm", math_lcm, 0, NULL},
    {"isqrt", math_isqrt, 0, NULL},
    {"comb", math_comb, 0, NULL},
    {"perm", math_perm, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int add_float(FtObject *m, const char *name, double v)
{
    FtObject *f = ft_float_from_double(v);
    if (f == NULL)
        return -1;
    int rc = ft_module_add_object(m, name, f);
    FT_DECREF(f);
    return rc;
}

FtObject *ft_mod_math_create(void)
{
    FtObject *m = ft_module_new("math");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, math_functions) < 0 ||
        add_float(m, "pi", PI) < 0 || add_float(m, "e", E_CONST) < 0 ||
        add_float(m, "tau", 2.0 * PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
