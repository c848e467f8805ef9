/* tests/unit/test_int.c — the int and bool types: arithmetic with Python's
 * floor semantics, 64-bit overflow moving to big ints, parsing, repr,
 * hash, format specs, and the small-int cache / free list refcounts.
 */
#include "tests/unit/unit.h"

#include <string.h>

static FtObject *I(int64_t v) { return ft_int_from_i64(v); }

/* a op b on fresh ints; consumes nothing the caller owns. */
static FtObject *binop_ii(int64_t a, int op, int64_t b)
{
    FtObject *x = I(a), *y = I(b);
    FtObject *r = ft_number_binop(x, y, op);
    FT_DECREF(x);
    FT_DECREF(y);
    return r;
}

/* Asserts r is an int (not bool) equal to v, then drops it. */
static void expect_int(FtObject *r, int64_t v)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT(FT_INT_CHECK_EXACT(r));
    int64_t got = 0;
    CU_ASSERT_EQUAL(ft_int_as_i64(r, &got), 0);
    CU_ASSERT_EQUAL(got, v);
    FT_DECREF(r);
}

static void expect_float(FtObject *r, double v)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT(FT_FLOAT_CHECK_EXACT(r));
    CU_ASSERT_DOUBLE_EQUAL(FT_FLOAT_VALUE(r), v, 0.0);
    FT_DECREF(r);
}

/* Asserts r is NULL with `type` raised and, if msg is given, that
 * str(exception) is msg; clears the error. */
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

static void expect_repr(FtObject *o, const char *text)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(o);
    FtObject *r = ft_object_repr(o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(r), text);
    FT_DECREF(r);
}

/* Asserts r is an exact int whose repr is text, then drops it. */
static void expect_big(FtObject *r, const char *text)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT(FT_INT_CHECK_EXACT(r));
    expect_repr(r, text);
    FT_DECREF(r);
}

static void test_add_sub_mul(void)
{
    expect_int(binop_ii(2, FT_OP_ADD, 3), 5);
    expect_int(binop_ii(-7, FT_OP_SUB, 10), -17);
    expect_int(binop_ii(12345678, FT_OP_MUL, 87654321), 1082152022374638LL);
    expect_int(binop_ii(999999999, FT_OP_MUL, 999999999), 999999998000000001LL);
    expect_int(binop_ii(INT64_MAX, FT_OP_ADD, INT64_MIN), -1);
    expect_int(binop_ii(4611686018427387903LL, FT_OP_ADD, 4611686018427387904LL),
               INT64_MAX);
}

static void test_overflow(void)
{
    expect_big(binop_ii(INT64_MAX, FT_OP_ADD, 1), "9223372036854775808");
    expect_big(binop_ii(INT64_MIN, FT_OP_SUB, 1), "-9223372036854775809");
    expect_big(binop_ii(3037000500LL, FT_OP_MUL, 3037000500LL),
               "9223372037000250000");
    expect_big(binop_ii(INT64_MIN, FT_OP_FLOORDIV, -1), "9223372036854775808");
    expect_big(binop_ii(2, FT_OP_POW, 63), "9223372036854775808");
    expect_big(binop_ii(1, FT_OP_LSHIFT, 63), "9223372036854775808");
    expect_big(binop_ii(3, FT_OP_LSHIFT, 62), "13835058055282163712");
    FtObject *m = I(INT64_MIN);
    expect_big(ft_number_unary(m, FT_UNARY_NEG), "9223372036854775808");
    expect_big(ft_number_unary(m, FT_UNARY_ABS), "9223372036854775808");
    FT_DECREF(m);
    /* a C integer is still refused past 64 bits */
    FtObject *b = binop_ii(INT64_MAX, FT_OP_ADD, 1);
    int64_t v;
    CU_ASSERT_EQUAL(ft_int_as_i64(b, &v), -1);
    expect_error(NULL, FtExc_OverflowError,
                 "Python int too large to convert to C ssize_t");
    FT_DECREF(b);
    /* edges that do fit */
    expect_int(binop_ii(2, FT_OP_POW, 62), (int64_t)1 << 62);
    expect_int(binop_ii(-2, FT_OP_POW, 63), INT64_MIN);
    expect_int(binop_ii(-1, FT_OP_LSHIFT, 63), INT64_MIN);
    expect_int(binop_ii(INT64_MIN, FT_OP_MOD, -1), 0);
    expect_int(binop_ii(3, FT_OP_POW, 39), 4052555153018976267LL);
}

static void test_floor_div_mod(void)
{
    expect_int(binop_ii(7, FT_OP_FLOORDIV, 2), 3);
    expect_int(binop_ii(-7, FT_OP_FLOORDIV, 2), -4);
    expect_int(binop_ii(7, FT_OP_FLOORDIV, -2), -4);
    expect_int(binop_ii(-7, FT_OP_FLOORDIV, -2), 3);
    expect_int(binop_ii(7, FT_OP_MOD, 3), 1);
    expect_int(binop_ii(-7, FT_OP_MOD, 3), 2);
    expect_int(binop_ii(7, FT_OP_MOD, -3), -2);
    expect_int(binop_ii(-7, FT_OP_MOD, -3), -1);
    expect_int(binop_ii(-6, FT_OP_MOD, 3), 0);
    expect_int(binop_ii(-((int64_t)1 << 62), FT_OP_MOD, 3), 2);
    expect_error(binop_ii(1, FT_OP_FLOORDIV, 0), FtExc_ZeroDivisionError,
                 "integer division or modulo by zero");
    expect_error(binop_ii(5, FT_OP_MOD, 0), FtExc_ZeroDivisionError,
                 "integer modulo by zero");
}

static void test_true_div_and_pow(void)
{
    expect_float(binop_ii(7, FT_OP_TRUEDIV, 2), 3.5);
    expect_float(binop_ii(-7, FT_OP_TRUEDIV, 2), -3.5);
    expect_float(binop_ii(6, FT_OP_TRUEDIV, 3), 2.0);
    /* correctly rounded even where the ints do not fit a double */
    expect_float(binop_ii(INT64_MAX, FT_OP_TRUEDIV, 3), 3074457345618258432.0);
    expect_float(binop_ii(((int64_t)1 << 62) + 1, FT_OP_TRUEDIV, 1),
                 4611686018427387904.0);
    expect_error(binop_ii(1, FT_OP_TRUEDIV, 0), FtExc_ZeroDivisionError,
                 "division by zero");
    expect_int(binop_ii(2, FT_OP_POW, 10), 1024);
    expect_int(binop_ii(-3, FT_OP_POW, 3), -27);
    expect_int(binop_ii(10, FT_OP_POW, 0), 1);
    expect_float(binop_ii(2, FT_OP_POW, -1), 0.5);
    expect_float(binop_ii(-2, FT_OP_POW, -2), 0.25);
    expect_error(binop_ii(0, FT_OP_POW, -1), FtExc_ZeroDivisionError,
                 "0.0 cannot be raised to a negative power");
}

static void test_shifts_bits(void)
{
    expect_int(binop_ii(1, FT_OP_LSHIFT, 62), (int64_t)1 << 62);
    expect_int(binop_ii(-5, FT_OP_RSHIFT, 1), -3);
    expect_int(binop_ii(-1, FT_OP_RSHIFT, 100), -1);
    expect_int(binop_ii(12345, FT_OP_RSHIFT, 64), 0);
    expect_int(binop_ii(0, FT_OP_LSHIFT, 1000), 0);
    expect_error(binop_ii(1, FT_OP_LSHIFT, -1), FtExc_ValueError,
                 "negative shift count");
    expect_error(binop_ii(1, FT_OP_RSHIFT, -1), FtExc_ValueError,
                 "negative shift count");
    expect_int(binop_ii(12, FT_OP_AND, 10), 8);
    expect_int(binop_ii(12, FT_OP_OR, 10), 14);
    expect_int(binop_ii(12, FT_OP_XOR, 10), 6);
    expect_int(binop_ii(-1, FT_OP_AND, 255), 255);
    FtObject *x = I(5);
    expect_int(ft_number_unary(x, FT_UNARY_INVERT), -6);
    expect_int(ft_number_unary(x, FT_UNARY_NEG), -5);
    FT_DECREF(x);
}

static void test_not_implemented(void)
{
    FtObject *i = I(3), *f = ft_float_from_double(0.5);
    FtObject *s = ft_str_from_cstr("x");
    FtObject *r = ft_int_binop(i, f, FT_OP_ADD);
    CU_ASSERT_PTR_EQUAL(r, FT_NotImplemented);
    FT_XDECREF(r);
    r = ft_int_richcompare(i, s, FT_LT);
    CU_ASSERT_PTR_EQUAL(r, FT_NotImplemented);
    FT_XDECREF(r);
    /* through the dispatcher float's slot takes int + float */
    expect_float(ft_number_binop(i, f, FT_OP_ADD), 3.5);
    /* int + str is a TypeError */
    r = ft_number_binop(i, s, FT_OP_ADD);
    expect_error(r, FtExc_TypeError,
                 "unsupported operand type(s) for +: 'int' and 'str'");
    FT_DECREF(i);
    FT_DECREF(f);
    FT_DECREF(s);
}

static void test_compare_hash(void)
{
    FtObject *a = I(-3), *b = I(7);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_LT), 1);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, b, FT_GE), 0);
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(a, a, FT_EQ), 1);
    CU_ASSERT_EQUAL(ft_object_hash(b), 7);
    CU_ASSERT_EQUAL(ft_object_hash(a), -3);
    FT_DECREF(a);
    FT_DECREF(b);
    FtObject *m1 = I(-1);
    CU_ASSERT_EQUAL(ft_object_hash(m1), -2);
    FT_DECREF(m1);
    /* CPython reduces modulo 2**61 - 1 */
    FtObject *big = I((int64_t)1 << 62);
    CU_ASSERT_EQUAL(ft_object_hash(big), 2);
    FT_DECREF(big);
    FtObject *mn = I(INT64_MIN);
    CU_ASSERT_EQUAL(ft_object_hash(mn), -4);
    FT_DECREF(mn);
    CU_ASSERT_EQUAL(ft_object_hash(FT_True), 1);
    CU_ASSERT_EQUAL(ft_object_hash(FT_False), 0);
}

static void test_repr_and_parse(void)
{
    FtObject *o = I(INT64_MIN);
    expect_repr(o, "-9223372036854775808");
    FT_DECREF(o);
    o = I(0);
    expect_repr(o, "0");
    FT_DECREF(o);
    expect_repr(FT_True, "True");
    expect_repr(FT_False, "False");

    expect_int(ft_int_from_string("  42 ", 5, 10), 42);
    expect_int(ft_int_from_string("-1_000", 6, 10), -1000);
    expect_int(ft_int_from_string("ff", 2, 16), 255);
    expect_int(ft_int_from_string("0x1f", 4, 0), 31);
    expect_int(ft_int_from_string("0x1f", 4, 16), 31);
    expect_int(ft_int_from_string("0o17", 4, 0), 15);
    expect_int(ft_int_from_string("0b_101", 6, 0), 5);
    expect_int(ft_int_from_string("00", 2, 0), 0);
    expect_int(ft_int_from_string("z", 1, 36), 35);
    expect_int(ft_int_from_string("-9223372036854775808", 20, 10), INT64_MIN);
    expect_error(ft_int_from_string("abc", 3, 10), FtExc_ValueError,
                 "invalid literal for int() with base 10: 'abc'");
    expect_error(ft_int_from_string("010", 3, 0), FtExc_ValueError,
                 "invalid literal for int() with base 0: '010'");
    expect_error(ft_int_from_string("1__0", 4, 10), FtExc_ValueError, NULL);
    expect_error(ft_int_from_string("_1", 2, 10), FtExc_ValueError, NULL);
    expect_error(ft_int_from_string("1_", 2, 10), FtExc_ValueError, NULL);
    expect_error(ft_int_from_string("", 0, 10), FtExc_ValueError,
                 "invalid literal for int() with base 10: ''");
    expect_big(ft_int_from_string("9223372036854775808", 19, 10),
               "9223372036854775808");
    expect_big(ft_int_from_string("-0x1_0000_0000_0000_0000", 24, 0),
               "-18446744073709551616");
    expect_error(ft_int_from_string("99999999999999999999x", 21, 10),
                 FtExc_ValueError, NULL);
}

static void expect_format(int64_t v, const char *spec, const char *text)
{
    FtObject *s = ft_str_from_cstr(spec);
    FtObject *i = I(v);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    FtObject *r = ft_object_format(i, s);
    CU_ASSERT_PTR_NOT_NULL(r);
    if (r != NULL) {
        CU_ASSERT_STRING_EQUAL(ft_str_cstr(r), text);
        FT_DECREF(r);
    } else {
        ft_err_clear();
    }
    FT_DECREF(i);
    FT_DECREF(s);
}

static void test_format(void)
{
    expect_format(42, "", "42");
    expect_format(42, "05d", "00042");
    expect_format(-42, "05d", "-0042");
    expect_format(5, "+d", "+5");
    expect_format(1234567, ",", "1,234,567");
    expect_format(-1000, ",", "-1,000");
    expect_format(1234, "010,", "00,001,234");
    expect_format(1234, "08,", "0,001,234");
    expect_format(255, "x", "ff");
    expect_format(255, "#X", "0XFF");
    expect_format(5, "08b", "00000101");
    expect_format(-1234, "#09_x", "-0x0_04d2");
    expect_format(8, "o", "10");
    expect_format(65, "c", "A");
    expect_format(3, "*^7", "***3***");
    expect_format(3, "<4", "3   ");
    expect_format(7, ".2f", "7.00");
    expect_format(1, "%", "100.000000%");
    FtObject *spec = ft_str_from_cstr(".2");
    FtObject *i = I(5);
    expect_error(ft_object_format(i, spec), FtExc_ValueError,
                 "Precision not allowed in integer format specifier");
    FT_DECREF(spec);
    spec = ft_str_from_cstr(",b");
    expect_error(ft_object_format(i, spec), FtExc_ValueError,
                 "Cannot specify ',' with 'b'.");
    FT_DECREF(spec);
    spec = ft_str_from_cstr("s");
    expect_error(ft_object_format(i, spec), FtExc_ValueError,
                 "Unknown format code 's' for object of type 'int'");
    FT_DECREF(spec);
    FT_DECREF(i);
}

static void test_bool(void)
{
    CU_ASSERT(FT_INT_CHECK(FT_True));
    CU_ASSERT(FT_BOOL_CHECK(FT_True));
    CU_ASSERT_EQUAL(FT_INT_VALUE(FT_True), 1);
    CU_ASSERT_EQUAL(FT_INT_VALUE(FT_False), 0);
    FtObject *r = ft_number_binop(FT_True, FT_False, FT_OP_AND);
    CU_ASSERT_PTR_EQUAL(r, FT_False);
    FT_XDECREF(r);
    r = ft_number_binop(FT_True, FT_False, FT_OP_OR);
    CU_ASSERT_PTR_EQUAL(r, FT_True);
    FT_XDECREF(r);
    r = ft_number_binop(FT_True, FT_True, FT_OP_XOR);
    CU_ASSERT_PTR_EQUAL(r, FT_False);
    FT_XDECREF(r);
    expect_int(ft_number_binop(FT_True, FT_True, FT_OP_ADD), 2);
    FtObject *one = I(1);
    expect_int(ft_number_binop(FT_True, one, FT_OP_AND), 1);
    expect_int(ft_number_binop(one, FT_True, FT_OP_XOR), 0);
    FT_DECREF(one);
    expect_int(ft_number_unary(FT_True, FT_UNARY_NEG), -1);
    expect_int(ft_number_unary(FT_True, FT_UNARY_INVERT), -2);
    CU_ASSERT_EQUAL(ft_object_is_true(FT_True), 1);
    CU_ASSERT_EQUAL(ft_object_is_true(FT_False), 0);
    FtObject *b = ft_bool_from(7);
    CU_ASSERT_PTR_EQUAL(b, FT_True);
    FT_DECREF(b);
}

static void test_small_ints_and_free_list(void)
{
    FtObject *a = I(5), *b = I(5);
    CU_ASSERT_PTR_EQUAL(a, b);
    CU_ASSERT_PTR_EQUAL(a, (FtObject *)&ft_small_ints[5 - FT_SMALL_INT_MIN]);
    FT_DECREF(b);
    FtObject *lo = I(FT_SMALL_INT_MIN), *hi = I(FT_SMALL_INT_MAX);
    CU_ASSERT_PTR_EQUAL(lo, (FtObject *)&ft_small_ints[0]);
    CU_ASSERT_EQUAL(FT_INT_VALUE(hi), FT_SMALL_INT_MAX);
    FT_DECREF(lo);
    FT_DECREF(hi);

    ssize_t rc5 = ft_refcnt(a);
    ssize_t rc0 = ft_refcnt((FtObject *)&ft_small_ints[-FT_SMALL_INT_MIN]);
    /* churn the free list with ints outside the cache */
    for (int k = 0; k < 2000; k++) {
        FtObject *x = I(100000 + k);
        FtObject *y = I(-100000 - k);
        FtObject *z = ft_number_binop(x, y, FT_OP_ADD); /* small int 0 */
        CU_ASSERT_EQUAL(FT_INT_VALUE(z), 0);
        FT_DECREF(z);
        FT_DECREF(x);
        FT_DECREF(y);
    }
    CU_ASSERT_EQUAL(ft_refcnt(a), rc5);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)&ft_small_ints[-FT_SMALL_INT_MIN]),
                    rc0);
    /* a result that lands in the cache is the cached object */
    FtObject *two = I(2), *three = I(3);
    FtObject *sum = ft_number_binop(two, three, FT_OP_ADD);
    CU_ASSERT_PTR_EQUAL(sum, a);
    /* --enable-immortal: cached ints are immortal, their count never moves */
    CU_ASSERT_EQUAL(ft_refcnt(a), FT_IS_IMMORTAL(a) ? rc5 : rc5 + 1);
    FT_DECREF(sum);
    CU_ASSERT_EQUAL(ft_refcnt(a), rc5);
    FT_DECREF(two);
    FT_DECREF(three);
    FT_DECREF(a);

    /* a freed big int is recycled: fresh objects come back with one ref */
    FtObject *big = I(123456789);
    CU_ASSERT_EQUAL(ft_refcnt(big), 1);
    FtObject *addr = big;
    FT_DECREF(big);
    FtObject *again = I(987654321);
    CU_ASSERT_PTR_EQUAL(again, addr);
    CU_ASSERT_EQUAL(ft_refcnt(again), 1);
    CU_ASSERT_EQUAL(FT_INT_VALUE(again), 987654321);
    CU_ASSERT_PTR_EQUAL(FT_TYPE(again), &FtInt_Type);
    FT_DECREF(again);
}

void test_register_int(void)
{
    CU_pSuite s = CU_add_suite("int", NULL, NULL);
    if (s == NULL)
        return;
    CU_add_test(s, "add/sub/mul", test_add_sub_mul);
    CU_add_test(s, "overflow raises OverflowError", test_overflow);
    CU_add_test(s, "floor division and modulo signs", test_floor_div_mod);
    CU_add_test(s, "true division and pow", test_true_div_and_pow);
    CU_add_test(s, "shifts and bit operations", test_shifts_bits);
    CU_add_test(s, "NotImplemented for mixed operands", test_not_implemented);
    CU_add_test(s, "comparison and hash", test_compare_hash);
    CU_add_test(s, "repr and parsing", test_repr_and_parse);
    CU_add_test(s, "format specs", test_format);
    CU_add_test(s, "bool", test_bool);
    CU_add_test(s, "small-int cache and free list", test_small_ints_and_free_list);
}
