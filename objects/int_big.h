/* objects/int_big.h — what objects/int.c (and the math module) use of the
 * big representation in objects/int_big.c. Internal to the int type.
 */
#ifndef FT_OBJECTS_INT_BIG_H
#define FT_OBJECTS_INT_BIG_H

#include "objects/object.h"
#include "objects/bigint.h"

/* Any int, small or big, seen as sign + magnitude. A small value's digits
 * live in buf, so a view must not be copied (d may point into it). */
typedef struct {
    int neg;
    size_t n;
    const ft_digit *d;
    ft_digit buf[2];
} FtBigView;

void ft_bigv_of(FtObject *o, FtBigView *v);

/* A big int of n digits (zeroed, not yet normalised). */
FtObject *ft_big_new(size_t n);
uint32_t *ft_big_digits(FtObject *op);
/* Frees a ft_big_new object no one else has seen (an error path, or one
 * whose value turned out small), taking its reference out of the debug
 * reference total. */
void ft_big_discard(FtObject *op);
/* Normalises a ft_big_new object holding n digits: strips high zeros and
 * turns a value that fits into a small int (freeing op). */
FtObject *ft_big_finish(FtObject *op, size_t n, int neg);
FtObject *ft_big_from_mag(const ft_digit *d, size_t n, int neg);

/* a op b for ints of any size (+ - * / // % << >> & | ^). */
FtObject *ft_big_binop(FtObject *a, FtObject *b, int op);
/* Floor division and modulo; either out pointer may be NULL. */
int ft_big_divmod(FtObject *a, FtObject *b, FtObject **q, FtObject **r);
FtObject *ft_big_true_divide(FtObject *a, FtObject *b);
FtObject *ft_big_lshift(FtObject *a, uint64_t s);
FtObject *ft_big_rshift(FtObject *a, uint64_t s);
FtObject *ft_big_negate(FtObject *a);
FtObject *ft_big_abs(FtObject *a);
FtObject *ft_big_invert(FtObject *a);
ft_hash_t ft_big_hash(FtObject *a);
/* Digits of |v| (base 2, 8, 10, 16), from ft_mem_alloc. */
char *ft_big_to_digits(FtObject *v, int base, int upper, size_t *len);
/* The int with digit values ds[0..n) (most significant first) in base. */
FtObject *ft_big_from_digit_values(const unsigned char *ds, size_t n,
                                   int base, int neg);

#endif
