/* interp/eval_arith.h — the arithmetic the eval loop does inline on exact
 * ints and floats, shared by BINARY_OP / INPLACE_OP and by the fused
 * operand instructions (interp/eval_fused.h). Everything else goes through
 * the generic number protocol. (Comparisons: ft_compare_int / _double in
 * objects/object.h.)
 */
#ifndef FT_INTERP_EVAL_ARITH_H
#define FT_INTERP_EVAL_ARITH_H

#include <stdint.h>

#include "objects/object.h"

/* What ev_int_arith decided. */
enum {
    EV_ARITH_GENERIC = 0, /* overflow, a zero or -1 divisor, @: the protocol */
    EV_ARITH_DONE = 1,    /* *c holds the result */
    EV_ARITH_INT_OP = 2   /* an int operator not done inline: ft_int_binop */
};

/* Both exact ints small (see objects/int.h). The big marker INT64_MIN is
 * negative, so two values whose sign bits are both clear (loop counters,
 * sizes, indices: the common case) pass with one OR and one test; only
 * then are negative values compared with the marker. */
#define EV_BOTH_SMALL(l, r)                                                    \
    (__builtin_expect((FT_INT_VALUE(l) | FT_INT_VALUE(r)) >= 0 ||             \
                          (FT_INT_VALUE(l) != FT_INT_BIG &&                    \
                           FT_INT_VALUE(r) != FT_INT_BIG),                     \
                      1))

/* l and r are exact ints. A result the inline code cannot make (overflow,
 * a big operand) goes to the generic protocol, which reaches
 * ft_int_binop and the big representation. */
static inline int ev_int_arith(int op, FtObject *l, FtObject *r, int64_t *c)
{
    int64_t a = FT_INT_VALUE(l), b = FT_INT_VALUE(r);
    if (!EV_BOTH_SMALL(l, r))
        return EV_ARITH_GENERIC;
    /* + and - before the jump table: the commonest operators win back part
     * of the test above */
    if (__builtin_expect(op == FT_OP_ADD, 1))
        return __builtin_add_overflow(a, b, c) ? EV_ARITH_GENERIC : EV_ARITH_DONE;
    if (__builtin_expect(op == FT_OP_SUB, 1))
        return __builtin_sub_overflow(a, b, c) ? EV_ARITH_GENERIC : EV_ARITH_DONE;
    switch (op) {
    case FT_OP_ADD:
        return __builtin_add_overflow(a, b, c) ? EV_ARITH_GENERIC : EV_ARITH_DONE;
    case FT_OP_SUB:
        return __builtin_sub_overflow(a, b, c) ? EV_ARITH_GENERIC : EV_ARITH_DONE;
    case FT_OP_MUL:
        return __builtin_mul_overflow(a, b, c) ? EV_ARITH_GENERIC : EV_ARITH_DONE;
    case FT_OP_AND:
        *c = a & b;
        return EV_ARITH_DONE;
    case FT_OP_OR:
        *c = a | b;
        return EV_ARITH_DONE;
    case FT_OP_XOR:
        *c = a ^ b;
        return EV_ARITH_DONE;
    case FT_OP_FLOORDIV:
        /* -1 because INT64_MIN // -1 overflows. Python floors. */
        if (b == 0 || b == -1)
            return EV_ARITH_GENERIC;
        *c = a / b;
        if (a % b != 0 && ((a < 0) != (b < 0)))
            (*c)--;
        return EV_ARITH_DONE;
    case FT_OP_MOD:
        if (b == 0 || b == -1)
            return EV_ARITH_GENERIC;
        *c = a % b;
        if (*c != 0 && ((*c < 0) != (b < 0)))
            *c += b;
        return EV_ARITH_DONE;
    case FT_OP_MATMUL:
        return EV_ARITH_GENERIC;
    default:
        return EV_ARITH_INT_OP;
    }
}

/* 1 and *c set for + - * and / by a non-zero divisor, else 0. */
static inline int ev_float_arith(int op, double a, double b, double *c)
{
    switch (op) {
    case FT_OP_ADD:
        *c = a + b;
        return 1;
    case FT_OP_SUB:
        *c = a - b;
        return 1;
    case FT_OP_MUL:
        *c = a * b;
        return 1;
    case FT_OP_TRUEDIV:
        if (b == 0.0)
            return 0;
        *c = a / b;
        return 1;
    default:
        return 0;
    }
}

#endif
