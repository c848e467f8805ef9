/* runtime/lock.h — locking policy: FtMutex (a 4-byte futex mutex, always
 * available), the per-object locks of mutable containers in the variant
 * chosen by --with-object-locks, the critical-section macros object files
 * put around container operations, and FT_CRIT_LOCK for interpreter
 * internals. Object files only say where a critical section begins and ends.
 *
 * FtMutex: 0 = free, 1 = locked, 2 = locked and a thread may be asleep on
 * it. Uncontended lock and unlock are one atomic instruction each; a
 * contended lock spins briefly, then sleeps in futex(FUTEX_WAIT) (Drepper's
 * "Futexes Are Tricky" protocol); unlock wakes one sleeper if the word said 2.
 *
 * Object locks (only in builds without a GIL; with a GIL every macro below
 * compiles to nothing or to bare braces, whatever --with-object-locks says):
 *   inline  an FtMutex inside the object: FT_OBJECT_LOCK_FIELDS, which a
 *           container struct must place right after FT_OBJECT_HEAD
 *           (FT_OBJECT_LOCK_CHECK(Type) verifies it), like CPython 3.13's
 *           ob_mutex. Only objects with the field may be locked.
 *   pooled  Greg Stein's 1996 scheme: no per-object storage. A locked object
 *           borrows a lock record (a pthread mutex) from a pool, found
 *           through a hash table keyed by the object's address under one pool
 *           mutex. The record counts the threads holding or waiting for it
 *           and goes back to the free list when that count drops to 0, so the
 *           number of records in use is bounded by the number of threads
 *           (times two for two-object sections): locks ~ threads. The pool
 *           grows in chunks and never shrinks. Any object may be locked.
 *   global  one FtMutex for every object: the baseline that shows what
 *           per-object locking buys. Any object may be locked.
 *
 * Critical sections (the model is CPython 3.13's): FT_BEGIN_CRITICAL_SECTION
 * (op) / FT_END_CRITICAL_SECTION() lock one object for the enclosed block;
 * FT_BEGIN_CRITICAL_SECTION2(a, b) / FT_END_CRITICAL_SECTION2() lock two, in
 * address order (one lock if a and b share it). The pair opens and closes a
 * C block, so never return, break or goto out of it. Each thread keeps its
 * sections on a stack (FtThreadState.cs_top, linked through the C stack):
 *   - Re-entering an object the innermost section already holds is free (no
 *     lock, nothing pushed); with the global variant that is every nested
 *     section.
 *   - A section first tries its lock(s) without blocking. If that fails, the
 *     thread *suspends* every active section on its stack (releases their
 *     locks) and only then blocks, acquiring a pair lower address first
 *     (pooled: lower record address — a record stays lent to one object
 *     while anyone holds or waits for it, so that order is just as fixed,
 *     and ThreadSanitizer's lock-order checker can follow it).
 *   - When a section ends, the section below it, if suspended, is resumed
 *     (its locks re-acquired, blocking) before the enclosing code goes on.
 *     Deeper sections stay suspended until they are innermost again.
 *   - FT_CRIT_LOCK, when it has to wait, also suspends first, then resumes
 *     the innermost section once it holds the critical lock.
 *   - A thread that blocks for any other reason (lock.acquire, join, sleep,
 *     I/O) in a free-threaded build must call ft_cs_suspend_all() before and
 *     ft_cs_resume() after (the GIL-release macros are the place).
 * So a thread never sleeps on an object lock while holding another, except
 * the lower lock of the pair it is acquiring, and never sleeps on the
 * critical lock while holding any object lock. Waits-for edges therefore go
 * from a lower address to a higher one or from the critical lock's holder
 * to lock-free waiters, and no cycle — no deadlock — can form; in
 * particular SECTION2(a, b) against SECTION2(b, a), and SECTION(a) nested
 * in SECTION(b) against the opposite nesting, both always finish. The
 * price, as in CPython: a section only guarantees atomicity up to the point
 * where its thread blocks inside it (a nested section that contends, the
 * critical lock, a blocking call), after which its object may have changed.
 * A thread must have an FtThreadState to use critical sections.
 *
 * FT_CRIT_LOCK() / FT_CRIT_UNLOCK(): one process-wide lock for interpreter
 * internals (interned strings, imports, type caches), re-entrant for the
 * thread holding it. Nothing in GIL builds. (Free lists have a leaf lock
 * of their own that never suspends sections: runtime/tstate.h.)
 *
 * Every function here is plain C with C linkage, so the C++ benchmark shim
 * can call it.
 */
#ifndef FT_RUNTIME_LOCK_H
#define FT_RUNTIME_LOCK_H

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "runtime/atomics.h"
#include "runtime/refcount.h"

#ifdef __cplusplus
extern "C" {
#endif

struct FtThreadState;

/* ---- FtMutex --------------------------------------------------------------- */

typedef struct FtMutex {
    uint32_t v; /* only ever accessed through ft_atomic_*_u32 */
} FtMutex;
#define FT_MUTEX_INIT {0} /* a zeroed FtMutex is unlocked */

void ft_mutex_lock_slow(FtMutex *m);
void ft_mutex_unlock_slow(FtMutex *m);

/* 1 if the lock was free and is now held, else 0. */
static inline int ft_mutex_trylock(FtMutex *m)
{
    return ft_atomic_cas_u32_acquire(&m->v, 0, 1);
}
static inline void ft_mutex_lock(FtMutex *m)
{
    if (!ft_atomic_cas_u32_acquire(&m->v, 0, 1))
        ft_mutex_lock_slow(m);
}
static inline void ft_mutex_unlock(FtMutex *m)
{
    if (ft_atomic_dec_u32_release(&m->v) != 1)
        ft_mutex_unlock_slow(m);
}
/* A snapshot, for assertions. */
static inline int ft_mutex_is_locked(FtMutex *m)
{
    return ft_atomic_load_u32(&m->v) != 0;
}

/* ---- which object locks ------------------------------------------------------ */

#if defined(FT_GIL_NONE)
#if defined(FT_LOCKS_NONE)
#error "runtime/lock.h: a build without a GIL needs object locks (pooled, inline or global)"
#endif
#define FT_LOCKS_ACTIVE 1
#endif

/* Iterators shared between threads: with a GIL an exhausted iterator
 * drops its container at once; without one it keeps it until it is
 * deallocated (as CPython 3.13t does), because another thread may be
 * about to lock the container through the iterator's pointer. */
#if defined(FT_LOCKS_ACTIVE)
#define FT_ITER_KEEPS_SEQ 1
#else
#define FT_ITER_KEEPS_SEQ 0
#endif

/* A critical section, on the C stack of the thread that opened it. */
typedef struct FtCriticalSection {
    struct FtCriticalSection *prev; /* the next outer section, or NULL */
    /* Lock identities, key[0] < key[1] (key[1] NULL for one lock); key[0]
     * NULL marks a nested section that holds nothing and was not pushed.
     * inline/global: the FtMutex; pooled: the object's address. */
    void *key[2];
    void *rec[2]; /* pooled: the borrowed records while locked; owner:
                   * FT_CS_BIAS_HELD for a key held through the bias */
    int active;   /* 0 while suspended */
} FtCriticalSection;

#if defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_OWNER)
/* owner: an inline lock biased to the thread that owns the object's
 * reference count (biased refcounts: ob_tid), in the manner of biased
 * locking. While the bias stands, the owner takes and drops the lock with
 * plain stores to `held` (no atomic read-modify-write: the lock costs the
 * owner what a GIL costs), and no other thread may touch the mutex. The
 * first other thread that needs the lock revokes the bias for good: it
 * sets bias to REVOKING, runs membarrier() — every thread of the process
 * executes a full fence — sets OFF, and waits until held is 0. The owner's
 * sequence is "held = 1; compiler fence; read bias": the membarrier either
 * finds held = 1 visible or makes the owner read REVOKING and back off, so
 * the two never both enter (Dekker's handshake with the owner's half of the
 * fence moved to the revoker). From OFF on, everyone uses the mutex; the
 * owner may use it at any time (it excludes itself from its bias holds). The
 * cost moves to objects that other threads lock: one membarrier each,
 * once. Without membarrier (old kernels, seccomp) ft_lock_bias_on is 0 and
 * every lock is an inline lock. */
typedef struct FtObjectLock {
    FtMutex mutex;
    int8_t held; /* the owner holds it through the bias; only the owner writes */
    int8_t bias; /* FT_BIAS_ON (0, a zeroed object) ... FT_BIAS_OFF */
} FtObjectLock;
/* REVOKING: the owner starts no new bias hold; FENCED: the membarrier has
 * run, so held shows every bias hold there is; OFF: held was seen 0 after
 * that — the owner holds nothing through the bias and never will again. */
enum { FT_BIAS_ON, FT_BIAS_REVOKING, FT_BIAS_FENCED, FT_BIAS_OFF };
/* membarrier() is available and FTPY_LOCK_BIAS is not off. */
extern int ft_lock_bias_on;
/* This thread takes its objects' locks through their bias. A thread whose
 * objects other threads keep revoking (a producer handing fresh containers
 * to consumers) loses it for good: the revoker clears this flag and runs
 * one membarrier, after which the owner never starts a bias hold again and
 * its remaining biased objects are revoked without one. */
extern __thread int8_t ft_lock_bias_self;
#define FT_OBJECT_LOCK_FIELDS FtObjectLock ob_mutex;
#define FT_OBJECT_LOCK_CHECK(type)                                             \
    FT_ATOMIC_STATIC_ASSERT_(offsetof(type, ob_mutex) == sizeof(FtObject),    \
                             "FT_OBJECT_LOCK_FIELDS must follow the header")
#define FT_LOCK_KEY_(op) ((void *)((char *)(op) + sizeof(FtObject)))
/* FtCriticalSection.rec[i] of a key held through the owner's bias. */
#define FT_CS_BIAS_HELD ((void *)1)
#elif defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_INLINE)
#define FT_OBJECT_LOCK_FIELDS FtMutex ob_mutex;
#define FT_OBJECT_LOCK_CHECK(type)                                             \
    FT_ATOMIC_STATIC_ASSERT_(offsetof(type, ob_mutex) == sizeof(FtObject),    \
                             "FT_OBJECT_LOCK_FIELDS must follow the header")
#define FT_LOCK_KEY_(op) ((void *)((char *)(op) + sizeof(FtObject)))
#else
#define FT_OBJECT_LOCK_FIELDS
#define FT_OBJECT_LOCK_CHECK(type)                                             \
    FT_ATOMIC_STATIC_ASSERT_(1, "no per-object lock storage")
#if defined(FT_LOCKS_GLOBAL)
extern FtMutex ft_lock_global;
#define FT_LOCK_KEY_(op) ((void)(op), (void *)&ft_lock_global)
#else
#define FT_LOCK_KEY_(op) ((void *)(op))
#endif
#endif

#if defined(FT_LOCKS_ACTIVE)

/* Slow paths (runtime/lock.c); c->key[] is set and nothing of c is held. */
void ft_cs_begin_slow(FtCriticalSection **top, FtCriticalSection *c);
void ft_cs_end_slow(FtCriticalSection **top, FtCriticalSection *c);
void ft_cs_resume_slow(FtCriticalSection **top);

static inline int ft_cs_holds_(const FtCriticalSection *t, const void *k)
{
    return t != NULL && (t->key[0] == k || t->key[1] == k);
}

static inline void ft_cs_push_(FtCriticalSection **top, FtCriticalSection *c)
{
    c->prev = *top;
    c->active = 1;
    *top = c;
}

#if defined(FT_LOCKS_OWNER)
/* The owner's fast path: 1 if op's lock is now held through its bias. Not
 * when this thread already holds it that way in an outer section (the slow
 * path suspends that one first, as with any lock held further out). */
static inline int ft_lock_bias_try_(FtObject *op, FtObjectLock *l)
{
    if (!ft_atomic_load_i8(&ft_lock_bias_self) || !ft_rc_is_owner(op) ||
        ft_atomic_load_i8(&l->held))
        return 0;
    ft_atomic_store_i8(&l->held, 1);
    ft_atomic_compiler_fence();
    /* Both flags are read again after the store (see bias_revoke). */
    if (ft_atomic_load_i8(&ft_lock_bias_self) &&
        ft_atomic_load_i8(&l->bias) == FT_BIAS_ON)
        return 1;
    ft_atomic_store_i8_release(&l->held, 0);
    return 0;
}

/* Whether this thread may take the mutex: the owner always; any other
 * thread once the bias is OFF (before that: the slow path revokes it). */
static inline int ft_lock_mutex_allowed_(FtObject *op, FtObjectLock *l)
{
    return ft_atomic_load_i8_acquire(&l->bias) == FT_BIAS_OFF ||
           ft_rc_is_owner(op) || !ft_lock_bias_on;
}

static inline int ft_lock_mutex_try_(FtObject *op, FtObjectLock *l)
{
    return ft_lock_mutex_allowed_(op, l) && ft_mutex_trylock(&l->mutex);
}

static inline void ft_lock_release_(void *k, void *rec)
{
    if (rec == FT_CS_BIAS_HELD)
        ft_atomic_store_i8_release(&((FtObjectLock *)k)->held, 0);
    else
        ft_mutex_unlock(&((FtObjectLock *)k)->mutex);
}
#endif

static inline void ft_cs_begin(FtCriticalSection **top, FtCriticalSection *c,
                               FtObject *op)
{
    void *k = FT_LOCK_KEY_(op);
    if (ft_cs_holds_(*top, k)) {
        c->key[0] = NULL;
        return;
    }
    c->key[0] = k;
    c->key[1] = NULL;
#if defined(FT_LOCKS_OWNER)
    if (ft_lock_bias_try_(op, (FtObjectLock *)k)) {
        c->rec[0] = FT_CS_BIAS_HELD;
        ft_cs_push_(top, c);
        return;
    }
    c->rec[0] = NULL;
    if (ft_lock_mutex_try_(op, (FtObjectLock *)k)) {
        ft_cs_push_(top, c);
        return;
    }
#elif !defined(FT_LOCKS_POOLED)
    if (ft_mutex_trylock((FtMutex *)k)) {
        ft_cs_push_(top, c);
        return;
    }
#endif
    ft_cs_begin_slow(top, c);
}

static inline void ft_cs_begin2(FtCriticalSection **top, FtCriticalSection *c,
                                FtObject *a, FtObject *b)
{
    void *ka = FT_LOCK_KEY_(a), *kb = FT_LOCK_KEY_(b);
    if (ka == kb) {
        ft_cs_begin(top, c, a);
        return;
    }
    if ((uintptr_t)ka > (uintptr_t)kb) {
        void *t = ka;
        ka = kb;
        kb = t;
    }
    if (ft_cs_holds_(*top, ka) && ft_cs_holds_(*top, kb)) {
        c->key[0] = NULL;
        return;
    }
    c->key[0] = ka;
    c->key[1] = kb;
#if defined(FT_LOCKS_OWNER)
    /* Pairs: only the mutexes here; bias holds are for the slow path. */
    c->rec[0] = c->rec[1] = NULL;
    FtObject *oa = a, *ob = b;
    if (ka != FT_LOCK_KEY_(a)) {
        oa = b;
        ob = a;
    }
    if (ft_lock_mutex_try_(oa, (FtObjectLock *)ka)) {
        if (ft_lock_mutex_try_(ob, (FtObjectLock *)kb)) {
            ft_cs_push_(top, c);
            return;
        }
        ft_mutex_unlock((FtMutex *)ka);
    }
#elif !defined(FT_LOCKS_POOLED)
    if (ft_mutex_trylock((FtMutex *)ka)) {
        if (ft_mutex_trylock((FtMutex *)kb)) {
            ft_cs_push_(top, c);
            return;
        }
        ft_mutex_unlock((FtMutex *)ka);
    }
#endif
    ft_cs_begin_slow(top, c);
}

static inline void ft_cs_end(FtCriticalSection **top, FtCriticalSection *c)
{
    if (c->key[0] == NULL)
        return;
#if defined(FT_LOCKS_POOLED)
    ft_cs_end_slow(top, c);
#else
#if defined(FT_LOCKS_OWNER)
    if (c->key[1] != NULL)
        ft_lock_release_(c->key[1], c->rec[1]);
    ft_lock_release_(c->key[0], c->rec[0]);
#else
    if (c->key[1] != NULL)
        ft_mutex_unlock((FtMutex *)c->key[1]);
    ft_mutex_unlock((FtMutex *)c->key[0]);
#endif
    *top = c->prev;
    if (c->prev != NULL && !c->prev->active)
        ft_cs_resume_slow(top);
#endif
}

/* Around blocking calls in free-threaded builds: releases the locks of
 * every active section of ts; re-acquires the innermost one. */
void ft_cs_suspend_all(struct FtThreadState *ts);
void ft_cs_resume(struct FtThreadState *ts);

#define FT_BEGIN_CRITICAL_SECTION(op)                                          \
    {                                                                          \
        FtCriticalSection ft_cs_;                                              \
        FtCriticalSection **ft_cs_top_ = &ft_tstate_get()->cs_top;             \
        ft_cs_begin(ft_cs_top_, &ft_cs_, (FtObject *)(op));
#define FT_END_CRITICAL_SECTION()                                              \
        ft_cs_end(ft_cs_top_, &ft_cs_);                                        \
    }
#define FT_BEGIN_CRITICAL_SECTION2(a, b)                                       \
    {                                                                          \
        FtCriticalSection ft_cs2_;                                             \
        FtCriticalSection **ft_cs2_top_ = &ft_tstate_get()->cs_top;            \
        ft_cs_begin2(ft_cs2_top_, &ft_cs2_, (FtObject *)(a), (FtObject *)(b));
#define FT_END_CRITICAL_SECTION2()                                             \
        ft_cs_end(ft_cs2_top_, &ft_cs2_);                                      \
    }

/* ---- the critical lock -------------------------------------------------------- */

typedef struct FtCritLock {
    FtMutex mutex;
    ft_atomic_t owner; /* ft_crit_self_'s address in the holder, or 0 */
    long depth;        /* touched only by the holder */
} FtCritLock;
extern FtCritLock ft_crit_lock_;
extern __thread char ft_crit_self_; /* its address identifies the thread */

void ft_crit_lock_slow(void);

static inline void ft_crit_lock(void)
{
    ft_atomic_t self = (ft_atomic_t)(uintptr_t)&ft_crit_self_;
    if (ft_atomic_load(&ft_crit_lock_.owner) == self) {
        ft_crit_lock_.depth++;
    } else if (ft_mutex_trylock(&ft_crit_lock_.mutex)) {
        ft_atomic_store(&ft_crit_lock_.owner, self);
        ft_crit_lock_.depth = 1;
    } else {
        ft_crit_lock_slow();
    }
}

static inline void ft_crit_unlock(void)
{
    if (--ft_crit_lock_.depth == 0) {
        ft_atomic_store(&ft_crit_lock_.owner, 0);
        ft_mutex_unlock(&ft_crit_lock_.mutex);
    }
}

#define FT_CRIT_LOCK() ft_crit_lock()
#define FT_CRIT_UNLOCK() ft_crit_unlock()

#else /* !FT_LOCKS_ACTIVE: a GIL serialises everything */

static inline void ft_cs_suspend_all(struct FtThreadState *ts) { (void)ts; }
static inline void ft_cs_resume(struct FtThreadState *ts) { (void)ts; }

#define FT_BEGIN_CRITICAL_SECTION(op) {
#define FT_END_CRITICAL_SECTION() }
#define FT_BEGIN_CRITICAL_SECTION2(a, b) {
#define FT_END_CRITICAL_SECTION2() }
#define FT_CRIT_LOCK() ((void)0)
#define FT_CRIT_UNLOCK() ((void)0)

#endif

/* At startup: owner-biased locks (--with-object-locks=owner) register
 * for membarrier(), unless FTPY_LOCK_BIAS=off. 0, or -1 with a message
 * for a bad FTPY_LOCK_BIAS. Nothing in other variants. */
int ft_lock_init(void);
/* A thread that gets an owner id (runtime/biased.c) starts biasing its
 * locks. Nothing in other variants. */
void ft_lock_thread_init(struct FtThreadState *ts);

/* Pooled locks: records lent to objects right now, and records allocated
 * (0 and 0 in the other variants). */
size_t ft_lock_pool_in_use(void);
size_t ft_lock_pool_records(void);

/* Callable forms for the C++ benchmark shim: runs fn(arg) inside a
 * critical section on op (on a and b), or under the critical lock. */
void ft_cs_run(FtObject *op, void (*fn)(void *), void *arg);
void ft_cs_run2(FtObject *a, FtObject *b, void (*fn)(void *), void *arg);
void ft_crit_run(void (*fn)(void *), void *arg);

#ifdef __cplusplus
}
#endif

/* The critical-section macros reach FtThreadState at their point of use.
 * (tstate.h includes this header for FtMutex; whichever comes first, both
 * are complete before any code that uses the macros.) */
#include "runtime/tstate.h"

#endif
