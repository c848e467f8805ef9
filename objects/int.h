/* objects/int.h — int (arbitrary precision) and bool, which shares int's
 * layout: True and False are FtIntObject statics of type bool, so int code
 * accepts them unchanged.
 *
 * Two representations of one type. A value in (INT64_MIN, INT64_MAX] is
 * always *small*: `value` holds it, and the eval loop's fast paths work on
 * it inline. Every other value is *big*: `value` holds FT_INT_BIG
 * (INT64_MIN, which is therefore itself stored big) and the object is an
 * FtBigIntObject with a sign and 32-bit digits (objects/int_big.c, digit
 * arithmetic in objects/bigint.c). So FT_INT_VALUE of a big int is never a
 * plausible value: code that needs a C integer uses ft_int_as_i64 (which
 * raises OverflowError) or tests FT_INT_IS_SMALL first. Ints are
 * immutable, small or big: they are read without locks on every build.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_INT_H
#define FT_OBJECTS_INT_H

typedef struct {
    FT_OBJECT_HEAD
    int64_t value;
} FtIntObject;

#define FT_SMALL_INT_MIN (-5)
#define FT_SMALL_INT_MAX 1024

extern FtIntObject ft_small_ints[FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1];
extern FtIntObject ft_true_object;
extern FtIntObject ft_false_object;
#define FT_True ((FtObject *)&ft_true_object)
#define FT_False ((FtObject *)&ft_false_object)
#define FT_RETURN_TRUE return FT_NEWREF(FT_True)
#define FT_RETURN_FALSE return FT_NEWREF(FT_False)

/* Exact int (not bool): the eval loop's fast-path test. */
#define FT_INT_CHECK_EXACT(o) (FT_TYPE(o) == &FtInt_Type)
/* int, bool or a subclass. */
#define FT_INT_CHECK(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_INT_SUBCLASS) != 0)
#define FT_BOOL_CHECK(o) (FT_TYPE(o) == &FtBool_Type)
#define FT_INT_VALUE(o) (((FtIntObject *)(o))->value)

/* The `value` of a big int; never the value of a small one. */
#define FT_INT_BIG INT64_MIN
#define FT_INT_IS_SMALL(o) (FT_INT_VALUE(o) != FT_INT_BIG)
#define FT_INT_IS_BIG(o) (FT_INT_VALUE(o) == FT_INT_BIG)

/* A big int: |size| digits, least significant first, the sign of size is
 * the sign of the value; never zero, never a value that would be small.
 * Only exact ints are big (a subclass instance has no room for digits). */
typedef struct {
    FtIntObject base; /* base.value == FT_INT_BIG */
    ssize_t size;
    uint32_t digits[];
} FtBigIntObject;

FtObject *ft_int_from_i64(int64_t v);
/* The same for a v the caller knows is outside the small-int cache. */
FtObject *ft_int_from_i64_uncached(int64_t v);
FtObject *ft_int_from_u64(uint64_t v);
/* The value of a small int/bool: the caller has checked FT_INT_CHECK and
 * knows it is small (FT_INT_IS_SMALL), e.g. a bool or a checked range. */
static inline int64_t ft_int_value(FtObject *o) { return FT_INT_VALUE(o); }
/* The value of any int as int64_t; -1 + OverflowError ("Python int too
 * large to convert to C ssize_t") when it does not fit. */
int ft_int_as_i64_big(FtObject *o, int64_t *out);
static inline int ft_int_as_i64(FtObject *o, int64_t *out)
{
    if (__builtin_expect(FT_INT_IS_SMALL(o), 1)) {
        *out = FT_INT_VALUE(o);
        return 0;
    }
    return ft_int_as_i64_big(o, out);
}
/* A sequence index: as ft_int_as_i64, but IndexError "cannot fit 'int'
 * into an index-sized integer" as CPython words it. */
int ft_int_as_index_big(FtObject *o, int64_t *out);
static inline int ft_int_as_index(FtObject *o, int64_t *out)
{
    if (__builtin_expect(FT_INT_IS_SMALL(o), 1)) {
        *out = FT_INT_VALUE(o);
        return 0;
    }
    return ft_int_as_index_big(o, out);
}
/* A repeat count: as ft_int_as_i64, but OverflowError "cannot fit 'int'
 * into an index-sized integer" (for either sign, as CPython). */
int ft_int_as_count(FtObject *o, int64_t *out);
/* Same, clamped: values past int64 become INT64_MIN / INT64_MAX. For
 * callers that only compare with a range (indices with wrap-around). */
int64_t ft_int_clamped(FtObject *o);
/* -1, 0 or 1. */
int ft_int_sign(FtObject *o);
/* abs(o).bit_length() */
uint64_t ft_int_bit_length(FtObject *o);
/* Correctly rounded double; -1 + OverflowError "int too large to convert
 * to float". */
int ft_int_as_double(FtObject *o, double *out);
/* The exact int value of a finite double's integer part. */
FtObject *ft_int_from_double(double v);
/* Compares int o with a non-NaN double exactly: -1, 0, 1. */
int ft_int_compare_double(FtObject *o, double x);
/* Three-way comparison of two ints of any size. */
int ft_int_compare(FtObject *a, FtObject *b);
/* Parses an int literal or int(str, base) argument (underscores allowed,
 * base 0 = from prefix). NULL + ValueError. */
FtObject *ft_int_from_string(const char *s, size_t len, int base);
/* OverflowError for an int that does not fit a C integer. Returns NULL. */
FtObject *ft_int_overflow(void);
/* The int<->str digit limit (sys.set_int_max_str_digits); 0 = none. */
extern int64_t ft_int_max_str_digits;
/* Fills the small-int cache and True/False; called once at start-up. */
int ft_int_init(void);
static inline FtObject *ft_bool_from(int b)
{
    return FT_NEWREF(b ? FT_True : FT_False);
}
/* Formats v with a parsed format spec (see objects/str.h). */
struct FtFormatSpec;
FtObject *ft_int_format(FtObject *v, const struct FtFormatSpec *spec);
/* The digits of |v| in base 2, 8, 10 or 16 (NUL-terminated, from
 * ft_mem_alloc; free with ft_mem_free); *neg set to v < 0. Base 10 checks
 * the digit limit. NULL + exception on failure. */
char *ft_int_digits(FtObject *v, int base, int upper, size_t *len, int *neg);

/* pow(a, b, m) for ints of any size (m != 0; b < 0 needs an inverse). */
FtObject *ft_int_pow_mod(FtObject *a, FtObject *b, FtObject *m);

/* The eval loop's inline fast paths call these for int op int. */
FtObject *ft_int_binop(FtObject *a, FtObject *b, int op);
FtObject *ft_int_richcompare(FtObject *a, FtObject *b, int op);

/* ---- added by the numbers owner (int.c) ---- */

/* Helpers shared by int and float formatting (defined in int.c).
 * check_sep: ValueError "Cannot specify ',' with 'x'." when the spec's
 * thousands separator is not allowed with its type; 0 / -1.
 * layout: lays out prefix (sign, "0x"), the integer digits (grouped by
 * `group` digits with spec->thousands when group > 0, and zero-padded
 * inside the grouping for '0' fill with '=' alignment, as CPython does),
 * then `rest` (fraction, exponent, '%'), padded to spec's width with fill
 * and alignment (default right, '0' flag = sign-aware zero padding). */
int ft_int_format_check_sep(const struct FtFormatSpec *spec);
FtObject *ft_int_format_layout(const char *prefix, size_t plen,
                               const char *digits, size_t ndigits,
                               const char *rest, size_t rlen,
                               const struct FtFormatSpec *spec, int group);

#endif
