/* bench/micro/micro.h — what the C microbenchmarks share: the name tags
 * of this build's variants, attaching Google Benchmark's worker threads to
 * the runtime, and the barrier that keeps the compiler from folding the
 * measured operations away.
 */
#ifndef FT_BENCH_MICRO_MICRO_H
#define FT_BENCH_MICRO_MICRO_H

#include "config.h"

#include "bench/micro/shim.h"
#include "objects/object.h"
#include "runtime/tstate.h"

/* Benchmark names carry the variant they measure, so that tables from
 * different builds can be told apart and compared. */
#if defined(FT_REFCOUNT_PLAIN)
#define MICRO_RC "rc:plain"
#elif defined(FT_REFCOUNT_MUTEX)
#define MICRO_RC "rc:mutex"
#elif defined(FT_REFCOUNT_ATOMIC)
#define MICRO_RC "rc:atomic"
#else
#define MICRO_RC "rc:biased"
#endif

#if !defined(FT_GIL_NONE)
#define MICRO_LOCKS "locks:gil" /* the lock macros compile to nothing */
#elif defined(FT_LOCKS_POOLED)
#define MICRO_LOCKS "locks:pooled"
#elif defined(FT_LOCKS_OWNER)
#define MICRO_LOCKS "locks:owner"
#elif defined(FT_LOCKS_INLINE)
#define MICRO_LOCKS "locks:inline"
#else
#define MICRO_LOCKS "locks:global"
#endif

#if defined(FT_TSTATE_TLS)
#define MICRO_TSTATE "tstate:tls"
#else
#define MICRO_TSTATE "tstate:list"
#endif

/* Which benchmarks this build registers: threaded ones only without a GIL
 * (with one, two threads would just take turns), the non-owner case only
 * with biased counts. */
#if defined(FT_GIL_NONE)
#define MICRO_THREADED 1
#endif
#if defined(FT_REFCOUNT_BIASED)
#define MICRO_BIASED 1
#endif

/* Everything a container operation depends on. */
#define MICRO_CONFIG MICRO_RC "/" MICRO_LOCKS "/" MICRO_TSTATE

/* Iterations per ftb_keep_running_batch call: enough to hide the call. */
#define MICRO_BATCH 1000

/* Makes the compiler assume that memory changed (and that v is used), so
 * each iteration really loads and stores the reference count, the lock
 * word or the thread-state pointer, as separate statements of real code
 * would, instead of merging or hoisting them across iterations. */
#define MICRO_CLOBBER() __asm__ __volatile__("" ::: "memory")
#define MICRO_USE(v) __asm__ __volatile__("" : : "r"(v) : "memory")

/* Worker threads other than thread 0 (the main thread, which has had its
 * state since ft_runtime_init) get a thread state, and an owner id for
 * biased reference counting, before their timing loop, and give them back
 * after it. Only free-threaded builds register threaded benchmarks. */
FtThreadState *micro_thread_enter(ftb_state *st);
void micro_thread_leave(FtThreadState *ts);

/* Each file registers its benchmarks; main.c calls them in this order. */
void micro_register_refcount(void);
void micro_register_locks(void);
void micro_register_containers(void);
void micro_register_tstate(void);

#endif
