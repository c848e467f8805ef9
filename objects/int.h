/* objects/int.h — int (64-bit, OverflowError past that until big ints
 * exist) and bool, which shares int's layout: True and False are FtIntObject
 * statics of type bool, so int code accepts them unchanged.
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

FtObject *ft_int_from_i64(int64_t v);
/* The value of an int/bool; the caller has checked FT_INT_CHECK. */
static inline int64_t ft_int_value(FtObject *o) { return FT_INT_VALUE(o); }
/* Parses an int literal or int(str, base) argument (underscores allowed,
 * base 0 = from prefix). NULL + ValueError/OverflowError. */
FtObject *ft_int_from_string(const char *s, size_t len, int base);
/* OverflowError for results that do not fit 64 bits. Returns NULL. */
FtObject *ft_int_overflow(void);
/* Fills the small-int cache and True/False; called once at start-up. */
int ft_int_init(void);
static inline FtObject *ft_bool_from(int b)
{
    return FT_NEWREF(b ? FT_True : FT_False);
}
/* Formats v with a parsed format spec (see objects/str.h). */
struct FtFormatSpec;
FtObject *ft_int_format(int64_t v, const struct FtFormatSpec *spec);

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
