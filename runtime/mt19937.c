/* runtime/mt19937.c — MT19937 as published by its authors: the same
 * seeding (init_genrand, init_by_array) and tempering, so a key gives the
 * same words as every other faithful implementation (CPython's included).
 */
#include "runtime/mt19937.h"

#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

void ft_mt_init_genrand(FtMtState *s, uint32_t seed)
{
    uint32_t *mt = s->mt;
    mt[0] = seed;
    for (int i = 1; i < FT_MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    s->index = FT_MT_N;
}

void ft_mt_init_by_array(FtMtState *s, const uint32_t *key, size_t n)
{
    uint32_t *mt = s->mt;
    ft_mt_init_genrand(s, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = n > FT_MT_N ? n : FT_MT_N; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) +
                key[j] + (uint32_t)j;
        if (++i >= FT_MT_N) {
            mt[0] = mt[FT_MT_N - 1];
            i = 1;
        }
        if (++j >= n)
            j = 0;
    }
    for (size_t k = FT_MT_N - 1; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) -
                (uint32_t)i;
        if (++i >= FT_MT_N) {
            mt[0] = mt[FT_MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* the top bit set: the state is never all zero */
}

static inline uint32_t twist(uint32_t hi, uint32_t lo, uint32_t far)
{
    uint32_t y = (hi & UPPER_MASK) | (lo & LOWER_MASK);
    return far ^ (y >> 1) ^ ((y & 1U) ? MATRIX_A : 0U);
}

static void regenerate(uint32_t *mt)
{
    int k;
    for (k = 0; k < FT_MT_N - MT_M; k++)
        mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M]);
    for (; k < FT_MT_N - 1; k++)
        mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M - FT_MT_N]);
    mt[FT_MT_N - 1] = twist(mt[FT_MT_N - 1], mt[0], mt[MT_M - 1]);
}

uint32_t ft_mt_next32(FtMtState *s)
{
    if (s->index >= FT_MT_N) {
        regenerate(s->mt);
        s->index = 0;
    }
    uint32_t y = s->mt[s->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}
