/* objects/bigint.h — digit arithmetic on unsigned magnitudes, the layer
 * under big ints (objects/int_big.c). No objects here: arrays of 32-bit
 * digits, least significant first, so the unit tests can drive it directly.
 *
 * A magnitude is (d, n): digits d[0..n). "Normalised" means n == 0 or
 * d[n-1] != 0. Functions that allocate scratch space return -1 with
 * MemoryError set when it fails, else 0.
 */
#ifndef FT_OBJECTS_BIGINT_H
#define FT_OBJECTS_BIGINT_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t ft_digit;
typedef uint64_t ft_twodigits;
#define FT_DIGIT_BITS 32

/* Below this many digits in the shorter operand, multiplication is
 * schoolbook; above, Karatsuba (measured: see bigint.c). */
extern size_t ft_big_karatsuba_cutoff;

/* n without the high zero digits. */
size_t ft_big_norm(const ft_digit *a, size_t n);
/* -1, 0, 1 comparing normalised magnitudes. */
int ft_big_cmp(const ft_digit *a, size_t na, const ft_digit *b, size_t nb);
/* r[0..na) = a + b with na >= nb; returns the carry out. r may be a. */
ft_digit ft_big_add(ft_digit *r, const ft_digit *a, size_t na,
                    const ft_digit *b, size_t nb);
/* r[0..na) = a - b with a >= b, na >= nb; r may be a. Returns the borrow
 * (0 when a >= b really held). */
ft_digit ft_big_sub(ft_digit *r, const ft_digit *a, size_t na,
                    const ft_digit *b, size_t nb);
/* r[0..na+nb) = a * b; r must not overlap a or b. */
int ft_big_mul(ft_digit *r, const ft_digit *a, size_t na, const ft_digit *b,
               size_t nb);
/* Schoolbook product, exported for the tests and the cutoff measurement. */
void ft_big_mul_school(ft_digit *r, const ft_digit *a, size_t na,
                       const ft_digit *b, size_t nb);
/* q[0..n) = a / d, returns a % d; d != 0; q may be a. */
ft_digit ft_big_divrem1(ft_digit *q, const ft_digit *a, size_t n, ft_digit d);
/* Knuth's algorithm D: q[0..na-nb+1) = a / b, r[0..nb) = a % b, with
 * b normalised, nb >= 1 and na >= nb. q or r may be NULL when not wanted. */
int ft_big_divrem(ft_digit *q, ft_digit *r, const ft_digit *a, size_t na,
                  const ft_digit *b, size_t nb);
/* r[0..n) = a << s, s < 32; returns the bits shifted out. r may be a. */
ft_digit ft_big_shl(ft_digit *r, const ft_digit *a, size_t n, unsigned s);
/* r[0..n) = a >> s, s < 32; returns the bits shifted out (in the high
 * bits of the result). r may be a. */
ft_digit ft_big_shr(ft_digit *r, const ft_digit *a, size_t n, unsigned s);
/* Number of significant bits of a normalised magnitude. */
uint64_t ft_big_bit_length(const ft_digit *a, size_t n);

#endif
