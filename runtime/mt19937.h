/* runtime/mt19937.h — the Mersenne Twister MT19937 (Matsumoto and
 * Nishimura, 1998): state, the two published seeding routines and the
 * 32-bit output. Plain C on a caller-owned struct; the caller serialises
 * access (the random module holds the object's critical section).
 */
#ifndef FT_RUNTIME_MT19937_H
#define FT_RUNTIME_MT19937_H

#include <stddef.h>
#include <stdint.h>

#define FT_MT_N 624

typedef struct {
    uint32_t mt[FT_MT_N];
    int index; /* next word of mt to temper; FT_MT_N: regenerate first */
} FtMtState;

/* init_genrand: the state from one 32-bit seed. */
void ft_mt_init_genrand(FtMtState *s, uint32_t seed);
/* init_by_array: the state from a key of n >= 1 words. */
void ft_mt_init_by_array(FtMtState *s, const uint32_t *key, size_t n);
/* genrand_int32: the next output word. */
uint32_t ft_mt_next32(FtMtState *s);

#endif
