/* objects/float.h — float: a C double. repr is the shortest string that
 * round-trips, as in CPython.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_FLOAT_H
#define FT_OBJECTS_FLOAT_H

typedef struct {
    FT_OBJECT_HEAD
    double value;
} FtFloatObject;

#define FT_FLOAT_CHECK_EXACT(o) (FT_TYPE(o) == &FtFloat_Type)
#define FT_FLOAT_CHECK(o) ft_type_check((FtObject *)(o), &FtFloat_Type)
#define FT_FLOAT_VALUE(o) (((FtFloatObject *)(o))->value)

FtObject *ft_float_from_double(double v);
/* float(str): NULL + ValueError "could not convert string to float: 'x'". */
FtObject *ft_float_from_string(const char *s, size_t len);
/* CPython's repr of a double ("0.1", "1e+16", "inf", "nan", "-0.0"). */
FtObject *ft_float_repr_double(double v);
/* Writes the same text as ft_float_repr_double into buf (>= 32 bytes). */
void ft_float_repr_buf(double v, char *buf, size_t size);
struct FtFormatSpec;
FtObject *ft_float_format(double v, const struct FtFormatSpec *spec);

FtObject *ft_float_binop(FtObject *a, FtObject *b, int op);

/* ---- added by the numbers owner (float.c) ---- */

/* int(v) for a double: truncates towards zero. OverflowError "cannot
 * convert float infinity to integer" / ValueError "cannot convert float NaN
 * to integer", ft_int_overflow() beyond 64 bits. */
FtObject *ft_float_to_int(double v);
/* The same comparison as float's tp_richcompare for double vs int64,
 * exact even where the int does not fit a double: -1, 0, 1, or 2 when v is
 * a NaN (unordered). */
int ft_float_compare_int(double v, int64_t i);
/* hash() of a double, as CPython's (integral values hash like the int). */
ft_hash_t ft_float_hash_double(double v);

#endif
