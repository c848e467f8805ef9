/* runtime/atomics.h — the only door to atomic memory operations: thin
 * ft_atomic_* wrappers over libatomic_ops for word-sized counters
 * (ft_atomic_t, ssize_t), 32-bit words (futexes) and pointers.
 *
 * Ordering vocabulary (libatomic_ops' barrier suffixes, C11 names):
 *   no suffix  relaxed: atomic, but orders nothing else;
 *   _acquire   later accesses cannot move before it (loads, CAS);
 *   _release   earlier accesses cannot move after it (stores, RMWs);
 *   _full      both (an RMW that is acquire and release).
 *
 * Header-only: with gcc >= 4.8 or clang >= 3.4 on x86_64 (and every other
 * target libatomic_ops maps to its gcc/generic.h), every AO_ primitive used
 * here expands inline to a __atomic builtin, so nothing links against
 * -latomic_ops. Only AO_pause, the AO_malloc / AO_stack families and
 * double-width CAS live in the library, and ftpy uses none of them. Being
 * __atomic builtins also makes them visible to ThreadSanitizer. One rule
 * keeps type-based alias analysis honest: a location accessed through
 * ft_atomic_* is accessed only through ft_atomic_* (a zeroed allocation or
 * an initialiser before the object is shared is fine).
 */
#ifndef FT_RUNTIME_ATOMICS_H
#define FT_RUNTIME_ATOMICS_H

#include <atomic_ops.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#define FT_ATOMIC_STATIC_ASSERT_(c, m) static_assert(c, m)
#else
#define FT_ATOMIC_STATIC_ASSERT_(c, m) _Static_assert(c, m)
#endif

/* A machine word that is only ever touched atomically. */
typedef AO_t ft_atomic_t;

FT_ATOMIC_STATIC_ASSERT_(sizeof(AO_t) == sizeof(void *), "AO_t is a word");
FT_ATOMIC_STATIC_ASSERT_(sizeof(AO_t) == sizeof(ssize_t), "AO_t vs ssize_t");
FT_ATOMIC_STATIC_ASSERT_(sizeof(unsigned) == sizeof(uint32_t),
                         "AO_int ops work on 32-bit words");

/* ---- words ---------------------------------------------------------------- */

static inline ft_atomic_t ft_atomic_load(const volatile ft_atomic_t *p)
{
    return AO_load(p);
}
static inline ft_atomic_t ft_atomic_load_acquire(const volatile ft_atomic_t *p)
{
    return AO_load_acquire(p);
}
static inline void ft_atomic_store(volatile ft_atomic_t *p, ft_atomic_t v)
{
    AO_store(p, v);
}
static inline void ft_atomic_store_release(volatile ft_atomic_t *p,
                                           ft_atomic_t v)
{
    AO_store_release(p, v);
}
/* Adds d and returns the previous value. */
static inline ft_atomic_t ft_atomic_add(volatile ft_atomic_t *p, ft_atomic_t d)
{
    return AO_fetch_and_add(p, d);
}
static inline ft_atomic_t ft_atomic_add_full(volatile ft_atomic_t *p,
                                             ft_atomic_t d)
{
    return AO_fetch_and_add_full(p, d);
}
static inline ft_atomic_t ft_atomic_inc(volatile ft_atomic_t *p)
{
    return AO_fetch_and_add1(p);
}
static inline ft_atomic_t ft_atomic_dec_release(volatile ft_atomic_t *p)
{
    return AO_fetch_and_sub1_release(p);
}
static inline ft_atomic_t ft_atomic_dec_full(volatile ft_atomic_t *p)
{
    return AO_fetch_and_sub1_full(p);
}
/* Compare-and-swap: stores nv if *p == old; nonzero on success. */
static inline int ft_atomic_cas_full(volatile ft_atomic_t *p, ft_atomic_t old,
                                     ft_atomic_t nv)
{
    return AO_compare_and_swap_full(p, old, nv);
}
static inline int ft_atomic_cas_acquire(volatile ft_atomic_t *p,
                                        ft_atomic_t old, ft_atomic_t nv)
{
    return AO_compare_and_swap_acquire(p, old, nv);
}
static inline int ft_atomic_cas_release(volatile ft_atomic_t *p,
                                        ft_atomic_t old, ft_atomic_t nv)
{
    return AO_compare_and_swap_release(p, old, nv);
}
/* Compare-and-swap returning the value seen (== old on success). */
static inline ft_atomic_t ft_atomic_fetch_cas_full(volatile ft_atomic_t *p,
                                                   ft_atomic_t old,
                                                   ft_atomic_t nv)
{
    return AO_fetch_compare_and_swap_full(p, old, nv);
}
/* Orders earlier loads before later loads and stores: pairs with a
 * release operation another thread did on a location this one read. */
static inline void ft_atomic_fence_acquire(void) { AO_nop_read(); }
static inline void ft_atomic_fence_full(void) { AO_nop_full(); }

/* ---- signed counts (ssize_t shares AO_t's representation) ----------------- */

static inline ssize_t ft_atomic_load_ssize(const volatile ssize_t *p)
{
    return (ssize_t)AO_load((const volatile ft_atomic_t *)p);
}
static inline ssize_t ft_atomic_load_ssize_acquire(const volatile ssize_t *p)
{
    return (ssize_t)AO_load_acquire((const volatile ft_atomic_t *)p);
}
static inline void ft_atomic_store_ssize(volatile ssize_t *p, ssize_t v)
{
    AO_store((volatile ft_atomic_t *)p, (ft_atomic_t)v);
}
/* Adds d (relaxed) and returns the previous value. */
static inline ssize_t ft_atomic_add_ssize(volatile ssize_t *p, ssize_t d)
{
    return (ssize_t)AO_fetch_and_add((volatile ft_atomic_t *)p,
                                     (ft_atomic_t)d);
}
static inline ssize_t ft_atomic_add_ssize_release(volatile ssize_t *p,
                                                  ssize_t d)
{
    return (ssize_t)AO_fetch_and_add_release((volatile ft_atomic_t *)p,
                                             (ft_atomic_t)d);
}
static inline ssize_t ft_atomic_add_ssize_full(volatile ssize_t *p, ssize_t d)
{
    return (ssize_t)AO_fetch_and_add_full((volatile ft_atomic_t *)p,
                                          (ft_atomic_t)d);
}
static inline int ft_atomic_cas_ssize_full(volatile ssize_t *p, ssize_t old,
                                           ssize_t nv)
{
    return AO_compare_and_swap_full((volatile ft_atomic_t *)p,
                                    (ft_atomic_t)old, (ft_atomic_t)nv);
}
static inline ssize_t ft_atomic_fetch_cas_ssize_full(volatile ssize_t *p,
                                                     ssize_t old, ssize_t nv)
{
    return (ssize_t)AO_fetch_compare_and_swap_full(
        (volatile ft_atomic_t *)p, (ft_atomic_t)old, (ft_atomic_t)nv);
}

/* ---- 32-bit words (futex words, the biased owner's local count) ----------- */

static inline uint32_t ft_atomic_load_u32(const volatile uint32_t *p)
{
    return AO_int_load(p);
}
static inline uint32_t ft_atomic_load_u32_acquire(const volatile uint32_t *p)
{
    return AO_int_load_acquire(p);
}
static inline void ft_atomic_store_u32(volatile uint32_t *p, uint32_t v)
{
    AO_int_store(p, v);
}
static inline void ft_atomic_store_u32_release(volatile uint32_t *p,
                                               uint32_t v)
{
    AO_int_store_release(p, v);
}
static inline int ft_atomic_cas_u32_acquire(volatile uint32_t *p, uint32_t old,
                                            uint32_t nv)
{
    return AO_int_compare_and_swap_acquire(p, old, nv);
}
/* Decrements and returns the previous value. */
static inline uint32_t ft_atomic_dec_u32_release(volatile uint32_t *p)
{
    return AO_int_fetch_and_sub1_release(p);
}

/* ---- 8- and 16-bit words (dict index tables) ------------------------------ */

static inline int8_t ft_atomic_load_i8(const volatile int8_t *p)
{
    return (int8_t)AO_char_load((const volatile unsigned char *)p);
}
static inline void ft_atomic_store_i8(volatile int8_t *p, int8_t v)
{
    AO_char_store((volatile unsigned char *)p, (unsigned char)v);
}
static inline int8_t ft_atomic_load_i8_acquire(const volatile int8_t *p)
{
    return (int8_t)AO_char_load_acquire((const volatile unsigned char *)p);
}
static inline void ft_atomic_store_i8_release(volatile int8_t *p, int8_t v)
{
    AO_char_store_release((volatile unsigned char *)p, (unsigned char)v);
}
static inline int16_t ft_atomic_load_i16_acquire(const volatile int16_t *p)
{
    return (int16_t)AO_short_load_acquire((const volatile unsigned short *)p);
}
static inline void ft_atomic_store_i16_release(volatile int16_t *p, int16_t v)
{
    AO_short_store_release((volatile unsigned short *)p, (unsigned short)v);
}
static inline int32_t ft_atomic_load_i32_acquire(const volatile int32_t *p)
{
    return (int32_t)AO_int_load_acquire((const volatile unsigned *)p);
}
static inline void ft_atomic_store_i32_release(volatile int32_t *p, int32_t v)
{
    AO_int_store_release((volatile unsigned *)p, (unsigned)v);
}

/* ---- pointers (stored in a void * that only ft_atomic_* touches) ---------- */

static inline void *ft_atomic_load_ptr(void *const volatile *p)
{
    return (void *)AO_load((const volatile ft_atomic_t *)p);
}
static inline void *ft_atomic_load_ptr_acquire(void *const volatile *p)
{
    return (void *)AO_load_acquire((const volatile ft_atomic_t *)p);
}
static inline void ft_atomic_store_ptr(void *volatile *p, void *v)
{
    AO_store((volatile ft_atomic_t *)p, (ft_atomic_t)v);
}
static inline void ft_atomic_store_ptr_release(void *volatile *p, void *v)
{
    AO_store_release((volatile ft_atomic_t *)p, (ft_atomic_t)v);
}
static inline int ft_atomic_cas_ptr_full(void *volatile *p, void *old,
                                         void *nv)
{
    return AO_compare_and_swap_full((volatile ft_atomic_t *)p,
                                    (ft_atomic_t)old, (ft_atomic_t)nv);
}

/* Stores nv and returns what was there, as one atomic step. */
static inline void *ft_atomic_exchange_ptr_full(void *volatile *p, void *nv)
{
    ft_atomic_t old;
    do
        old = AO_load((const volatile ft_atomic_t *)p);
    while (!AO_compare_and_swap_full((volatile ft_atomic_t *)p, old,
                                     (ft_atomic_t)nv));
    return (void *)old;
}

/* Orders nothing between threads, only the compiler: the light half of
 * an asymmetric fence whose heavy half is membarrier() (runtime/lock.c). */
static inline void ft_atomic_compiler_fence(void) { AO_compiler_barrier(); }

/* A hint inside spin loops. */
static inline void ft_atomic_cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield" ::: "memory");
#endif
}

#ifdef __cplusplus
}
#endif

#endif
