/* tests/unit/test_float.c — the float type: CPython's repr strings, Python
 * semantics of // % ** and division by zero, exact int/float comparison,
 * numeric hash, float() parsing, format specs, round() and the free list.
 */
#include "tests/unit/unit.h"

#include <math.h>
#include <string.h>

static FtObject *F(double v) { return ft_float_from_double(v); }

static FtObject *binop_ff(double a, int op, double b)
{
    FtObject *x = F(a), *y = F(b);
    FtObject *r = ft_number_binop(x, y, op);
    FT_DECREF(x);
    FT_DECREF(y);
    return r;
}

static void expect_float(FtObject *r, double v)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT(FT_FLOAT_CHECK_EXACT(r));
    CU_ASSERT(FT_FLOAT_VALUE(r) == v); /* exact, and works for inf */
    /* -0.0 == 0.0, so check the sign too */
    CU_ASSERT_EQUAL(signbit(FT_FLOAT_VALUE(r)) != 0, signbit(v) != 0);
    FT_DECREF(r);
}

static void expect_int(FtObject *r, int64_t v)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT(FT_INT_CHECK_EXACT(r));
    CU_ASSERT_EQUAL(FT_INT_VALUE(r), v);
    FT_DECREF(r);
}

static void expect_error(FtObject *r, FtType *type, const char *msg)
{
    CU_ASSERT_PTR_NULL(r);
    FT_XDECREF(r);
    CU_ASSERT(ft_err_matches(type));
    FtObject *exc = ft_err_fetch();
    CU_ASSERT_PTR_NOT_NULL_FATAL(exc);
    if (msg != NULL) {
        FtObject *s = ft_object_str(exc);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_STRING_EQUAL(ft_str_cstr(s), msg);
        FT_DECREF(s);
    }
    FT_DECREF(exc);
}

static void expect_repr(double v, const char *text)
{
    FtObject *o = F(v);
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    FtObject *r = ft_object_repr(o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(r), text);
    FT_DECREF(r);
    FtObject *s = ft_object_str(o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(s), text);
    FT_DECREF(s);
    char buf[40];
    ft_float_repr_buf(v, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, text);
    FT_DECREF(o);
}

static void test_repr(void)
{
    expect_repr(1.0, "1.0");
    expect_repr(0.1, "0.1");
    expect_repr(0.1 + 0.2, "0.30000000000000004");
    expect_repr(1.1 * 3, "3.3000000000000003");
    expect_repr(1.0 / 3, "0.3333333333333333");
    expect_repr(2.0 / 3, "0.6666666666666666");
    expect_repr(-2.75, "-2.75");
    expect_repr(100.0, "100.0");
    expect_repr(1e16, "1e+16");
    expect_repr(1e15, "1000000000000000.0");
    expect_repr(123456789012345.0, "123456789012345.0");
    expect_repr(1234567890123456.0, "1234567890123456.0");
    expect_repr(12345678901234567.0, "1.2345678901234568e+16");
    expect_repr(1.2345678901234567e19, "1.2345678901234567e+19");
    expect_repr(1e22, "1e+22");
    expect_repr(1e-4, "0.0001");
    expect_repr(1e-5, "1e-05");
    expect_repr(0.0001234, "0.0001234");
    expect_repr(1.5e-7, "1.5e-07");
    expect_repr(5e-324, "5e-324");
    expect_repr(1.7976931348623157e308, "1.7976931348623157e+308");
    expect_repr(2.5e-10, "2.5e-10");
    expect_repr(4.35 * 100, "434.99999999999994");
    expect_repr(999999999999999.9, "999999999999999.9");
    expect_repr(9007199254740993.0, "9007199254740992.0");
    expect_repr(0.0, "0.0");
    expect_repr(-0.0, "-0.0");
    expect_repr(INFINITY, "inf");
    expect_repr(-INFINITY, "-inf");
    expect_repr(NAN, "nan");
}

static void test_arith(void)
{
    expect_float(binop_ff(0.5, FT_OP_ADD, 0.25), 0.75);
    expect_float(binop_ff(7.5, FT_OP_MOD, 2), 1.5);
    expect_float(binop_ff(-7.5, FT_OP_MOD, 2), 0.5);
    expect_float(binop_ff(7.5, FT_OP_MOD, -2), -0.5);
    expect_float(binop_ff(-6.0, FT_OP_MOD, 3), 0.0);
    expect_float(binop_ff(6.0, FT_OP_MOD, -3), -0.0);
    expect_float(binop_ff(7.0, FT_OP_FLOORDIV, 2), 3.0);
    expect_float(binop_ff(-7.0, FT_OP_FLOORDIV, 2), -4.0);
    expect_float(binop_ff(7.5, FT_OP_FLOORDIV, -2), -4.0);
    expect_float(binop_ff(-1.0, FT_OP_MOD, INFINITY), INFINITY);
    expect_float(binop_ff(1.0, FT_OP_TRUEDIV, 4.0), 0.25);
    expect_float(binop_ff(2.0, FT_OP_POW, 0.5), sqrt(2.0));
    expect_float(binop_ff(-2.0, FT_OP_POW, 3), -8.0);
    expect_float(binop_ff(NAN, FT_OP_POW, 0), 1.0);
    expect_float(binop_ff(1.0, FT_OP_POW, NAN), 1.0);
    expect_float(binop_ff(0.0, FT_OP_POW, -INFINITY), INFINITY);
    expect_error(binop_ff(1.0, FT_OP_TRUEDIV, 0.0), FtExc_ZeroDivisionError,
                 "float division by zero");
    expect_error(binop_ff(1.0, FT_OP_FLOORDIV, 0.0), FtExc_ZeroDivisionError,
                 "float floor division by zero");
    expect_error(binop_ff(1.0, FT_OP_MOD, 0.0), FtExc_ZeroDivisionError,
                 "float modulo");
    expect_error(binop_ff(0.0, FT_OP_POW, -1.0), FtExc_ZeroDivisionError,
                 "0.0 cannot be raised to a negative power");
    expect_error(binop_ff(2.0, FT_OP_POW, 10000.0), FtExc_OverflowError,
                 "(34, 'Numerical result out of range')");
    expect_error(binop_ff(-8.0, FT_OP_POW, 1.0 / 3), FtExc_ValueError, NULL);
    /* inf and nan flow through without errors */
    expect_float(binop_ff(1e308, FT_OP_MUL, 10), INFINITY);
    FtObject *r = binop_ff(INFINITY, FT_OP_SUB, INFINITY);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT(isnan(FT_FLOAT_VALUE(r)));
    FT_DECREF(r);
}

static void test_mixed(void)
{
    FtObject *i = ft_int_from_i64(7), *f = F(2.0);
    expect_float(ft_number_binop(i, f, FT_OP_TRUEDIV), 3.5);
    expect_float(ft_number_binop(f, i, FT_OP_SUB), -5.0);
    expect_float(ft_number_binop(i, f, FT_OP_FLOORDIV), 3.0);
    expect_float(ft_number_binop(i, f, FT_OP_POW), 49.0);
    expect_float(ft_number_binop(FT_True, f, FT_OP_MUL), 2.0);
    FtObject *zero = ft_int_from_i64(0);
    expect_error(ft_number_binop(f, zero, FT_OP_TRUEDIV),
                 FtExc_ZeroDivisionError, "float division by zero");
    FT_DECREF(zero);
    FT_DECREF(i);
    FT_DECREF(f);
}

static void test_compare(void)
{
    FtObject *a = F(1.5), *two = ft_int_from_i64(2);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, two, FT_LT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(two, a, FT_GT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, two, FT_EQ), 0);
    FT_DECREF(a);
    FtObject *b = F(2.0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(b, two, FT_EQ), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(two, b, FT_EQ), 1);
    FT_DECREF(b);
    FT_DECREF(two);
    /* exact for ints that a double cannot hold */
    FtObject *big = ft_int_from_i64(((int64_t)1 << 53) + 1);
    FtObject *fb = F(9007199254740992.0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(big, fb, FT_EQ), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(big, fb, FT_GT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(fb, big, FT_LT), 1);
    FT_DECREF(big);
    FT_DECREF(fb);
    FtObject *imax = ft_int_from_i64(INT64_MAX), *f63 = F(9223372036854775808.0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(imax, f63, FT_LT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(imax, f63, FT_EQ), 0);
    FT_DECREF(imax);
    FT_DECREF(f63);
    CU_ASSERT_EQUAL(ft_float_compare_int(NAN, 0), 2);
    CU_ASSERT_EQUAL(ft_float_compare_int(-0.5, 0), -1);
    CU_ASSERT_EQUAL(ft_float_compare_int(INFINITY, INT64_MAX), 1);
    FtObject *n = F(NAN);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(n, n, FT_EQ) , 1); /* identity */
    FtObject *n2 = F(NAN);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(n, n2, FT_EQ), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(n, n2, FT_NE), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(n, n2, FT_LT), 0);
    FT_DECREF(n);
    FT_DECREF(n2);
}

static void test_hash(void)
{
    FtObject *f = F(1.0), *i = ft_int_from_i64(1);
    CU_ASSERT_EQUAL(ft_object_hash(f), ft_object_hash(i));
    FT_DECREF(f);
    FT_DECREF(i);
    CU_ASSERT_EQUAL(ft_float_hash_double(-1.0), -2);
    CU_ASSERT_EQUAL(ft_float_hash_double(0.5), 1152921504606846976LL);
    CU_ASSERT_EQUAL(ft_float_hash_double(1.5), 1152921504606846977LL);
    CU_ASSERT_EQUAL(ft_float_hash_double(-0.1), -230584300921369408LL);
    CU_ASSERT_EQUAL(ft_float_hash_double(1e300), 1224995262755759164LL);
    CU_ASSERT_EQUAL(ft_float_hash_double(4611686018427387904.0), 2);
    CU_ASSERT_EQUAL(ft_float_hash_double(INFINITY), 314159);
    CU_ASSERT_EQUAL(ft_float_hash_double(-INFINITY), -314159);
    CU_ASSERT_EQUAL(ft_float_hash_double(-0.0), 0);
}

static void test_parse(void)
{
    expect_float(ft_float_from_string("  3.5 ", 6), 3.5);
    expect_float(ft_float_from_string("1_000.5", 7), 1000.5);
    expect_float(ft_float_from_string("1e5", 3), 100000.0);
    expect_float(ft_float_from_string(".5", 2), 0.5);
    expect_float(ft_float_from_string("5.", 2), 5.0);
    expect_float(ft_float_from_string("-Infinity", 9), -INFINITY);
    expect_float(ft_float_from_string("inf", 3), INFINITY);
    expect_float(ft_float_from_string("1e500", 5), INFINITY);
    FtObject *n = ft_float_from_string("nan", 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    CU_ASSERT(isnan(FT_FLOAT_VALUE(n)));
    FT_DECREF(n);
    expect_error(ft_float_from_string("abc", 3), FtExc_ValueError,
                 "could not convert string to float: 'abc'");
    expect_error(ft_float_from_string("1__0", 4), FtExc_ValueError, NULL);
    expect_error(ft_float_from_string("0x10", 4), FtExc_ValueError, NULL);
    expect_error(ft_float_from_string("", 0), FtExc_ValueError,
                 "could not convert string to float: ''");
}

static void test_to_int(void)
{
    expect_int(ft_float_to_int(3.7), 3);
    expect_int(ft_float_to_int(-3.7), -3);
    expect_int(ft_float_to_int(-9223372036854775808.0), INT64_MIN);
    expect_error(ft_float_to_int(INFINITY), FtExc_OverflowError,
                 "cannot convert float infinity to integer");
    expect_error(ft_float_to_int(NAN), FtExc_ValueError,
                 "cannot convert float NaN to integer");
    FtObject *big = ft_float_to_int(9223372036854775808.0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(big);
    FtObject *text = ft_object_repr(big);
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(text), "9223372036854775808");
    FT_DECREF(text);
    FT_DECREF(big);
}

static void expect_format(double v, const char *spec, const char *text)
{
    FtObject *s = ft_str_from_cstr(spec);
    FtObject *f = F(v);
    FtObject *r = ft_object_format(f, s);
    CU_ASSERT_PTR_NOT_NULL(r);
    if (r != NULL) {
        CU_ASSERT_STRING_EQUAL(ft_str_cstr(r), text);
        FT_DECREF(r);
    } else {
        ft_err_clear();
    }
    FT_DECREF(f);
    FT_DECREF(s);
}

static void test_format(void)
{
    expect_format(3.14159, ".3f", "3.142");
    expect_format(2.5, "8.3f", "   2.500");
    expect_format(2.5, ".0f", "2");
    expect_format(3.5, ".0f", "4");
    expect_format(1.0, "f", "1.000000");
    expect_format(12345.678, "e", "1.234568e+04");
    expect_format(0.000123, ".2e", "1.23e-04");
    expect_format(0.0001, "g", "0.0001");
    expect_format(1234567.0, "g", "1.23457e+06");
    expect_format(0.256, ".1%", "25.6%");
    expect_format(0.5, "%", "50.000000%");
    expect_format(1234567.891, ",.2f", "1,234,567.89");
    expect_format(1234.5, "012,.1f", "00,001,234.5");
    expect_format(-1234.5, "010", "-0001234.5");
    expect_format(1.5, "^+9.2f", "  +1.50  ");
    expect_format(1.5, "<10.3f", "1.500     ");
    expect_format(1234.5, ">10.2e", "  1.23e+03");
    expect_format(123.0, ".3", "1.23e+02");
    expect_format(0.5, ".1", "0.5");
    expect_format(1.0, "#.3", "1.00");
    expect_format(1e16, ",", "1e+16");
    expect_format(1234567.0, ",", "1,234,567.0");
    expect_format(INFINITY, "010", "0000000inf");
    expect_format(-INFINITY, "010,.2f", "-000000inf");
    expect_format(NAN, "+F", "+NAN");
    expect_format(-0.0, "", "-0.0");
    expect_format(-0.0001, ".1f", "-0.0");
    FtObject *spec = ft_str_from_cstr("d");
    FtObject *f = F(1.0);
    expect_error(ft_object_format(f, spec), FtExc_ValueError,
                 "Unknown format code 'd' for object of type 'float'");
    FT_DECREF(spec);
    FT_DECREF(f);
}

/* round(x[, nd]) through float.__round__. */
static FtObject *call_round(double x, FtObject *nd)
{
    static FtObject *name;
    if (name == NULL)
        name = ft_str_intern_cstr("__round__");
    FtObject *f = F(x);
    FtObject *r = ft_call_method(f, name, &nd, nd != NULL ? 1 : 0);
    FT_DECREF(f);
    return r;
}

static void test_round(void)
{
    expect_int(call_round(2.5, NULL), 2);
    expect_int(call_round(3.5, NULL), 4);
    expect_int(call_round(-2.5, NULL), -2);
    expect_int(call_round(0.5, NULL), 0);
    expect_int(call_round(-2.6, NULL), -3);
    expect_error(call_round(INFINITY, NULL), FtExc_OverflowError,
                 "cannot convert float infinity to integer");
    FtObject *two = ft_int_from_i64(2), *zero = ft_int_from_i64(0);
    FtObject *m2 = ft_int_from_i64(-2), *m1 = ft_int_from_i64(-1);
    expect_float(call_round(2.675, two), 2.67);
    expect_float(call_round(0.125, two), 0.12);
    expect_float(call_round(2.5, zero), 2.0);
    expect_float(call_round(-0.5, zero), -0.0);
    expect_float(call_round(1234.5678, m2), 1200.0);
    expect_float(call_round(25.0, m1), 20.0);
    expect_float(call_round(35.0, m1), 40.0);
    expect_float(call_round(25.000001, m1), 30.0);
    FtObject *m308 = ft_int_from_i64(-308);
    expect_error(call_round(1.7e308, m308), FtExc_OverflowError,
                 "rounded value too large to represent");
    FT_DECREF(m308);
    FT_DECREF(two);
    FT_DECREF(zero);
    FT_DECREF(m2);
    FT_DECREF(m1);
}

static void test_free_list(void)
{
    FtObject *a = F(1.25);
    CU_ASSERT_EQUAL(ft_refcnt(a), 1);
    FtObject *addr = a;
    FT_DECREF(a);
    FtObject *b = F(2.5);
    CU_ASSERT_PTR_EQUAL(b, addr);
    CU_ASSERT_EQUAL(ft_refcnt(b), 1);
    CU_ASSERT_PTR_EQUAL(FT_TYPE(b), &FtFloat_Type);
    CU_ASSERT_DOUBLE_EQUAL(FT_FLOAT_VALUE(b), 2.5, 0.0);
    for (int k = 0; k < 1000; k++) {
        FtObject *x = binop_ff(k, FT_OP_MUL, 0.5);
        CU_ASSERT_PTR_NOT_NULL_FATAL(x);
        CU_ASSERT_DOUBLE_EQUAL(FT_FLOAT_VALUE(x), k * 0.5, 0.0);
        FT_DECREF(x);
    }
    CU_ASSERT_EQUAL(ft_refcnt(b), 1);
    FT_DECREF(b);
}

void test_register_float(void)
{
    CU_pSuite s = CU_add_suite("float", NULL, NULL);
    if (s == NULL)
        return;
    CU_add_test(s, "repr is CPython's shortest round-trip", test_repr);
    CU_add_test(s, "arithmetic, // % ** and errors", test_arith);
    CU_add_test(s, "mixed int/float", test_mixed);
    CU_add_test(s, "exact int/float comparison", test_compare);
    CU_add_test(s, "numeric hash", test_hash);
    CU_add_test(s, "float() parsing", test_parse);
    CU_add_test(s, "float to int", test_to_int);
    CU_add_test(s, "format specs", test_format);
    CU_add_test(s, "round", test_round);
    CU_add_test(s, "free list", test_free_list);
}
