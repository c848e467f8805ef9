/* runtime/refcount.h — the object header's reference-count fields and the
 * FT_INCREF / FT_DECREF fast paths for the configured variant.
 *
 * This is the one place that knows which refcount variant was configured
 * (FT_REFCOUNT_PLAIN, _MUTEX, _ATOMIC or _BIASED); object files only ever
 * say FT_INCREF / FT_DECREF / ft_rc_init. Because the header layout is what
 * varies between variants, struct FtObject itself is defined here;
 * objects/object.h includes this file. Slow paths live in runtime/refcount.c
 * and, for the biased variant, runtime/biased.c (owner ids, merge queues).
 *
 * plain   Ordinary ++/--: correct only while a GIL serialises them.
 *
 * mutex   Greg Stein's 1996 scheme: every change happens under one global
 *         pthread mutex, ft_rc_mutex. The count is read and written with
 *         relaxed atomic loads/stores inside the mutex (a plain mov on every
 *         machine we target) only so that ft_refcnt() and the immortal test
 *         may look at it without taking the mutex. The decrement that
 *         reaches 0 deallocates after unlocking; the mutex's release/acquire
 *         pair is what makes the other threads' writes to the object visible
 *         to the deallocating thread.
 *
 * atomic  One lock-prefixed add per change. Increments are relaxed: a
 *         thread can only add a reference to an object it already reaches
 *         through one, so nothing needs ordering. Decrements are release, and
 *         the one that returns 1 (the count went 1 -> 0) issues an acquire
 *         fence before deallocating, so every other thread's writes to the
 *         object, made before its own release-decrement, are visible to the
 *         destructor. Under ThreadSanitizer (which does not model fences) the
 *         decrement is acq_rel instead; on x86 both are the same instruction.
 *
 * biased  Choi, Shull and Torrellas (PACT 2018), as in CPython 3.13t. An
 *         object belongs to the thread that allocated it (ob_tid = that
 *         thread's rc_owner_id, mirrored in the TLS word ft_rc_self). The
 *         owner counts in ob_ref_local with plain (relaxed, non-RMW) stores;
 *         everyone else adds and subtracts atomically in ob_ref_shared,
 *         which holds count * 4 + a 2-bit state: 0 (owned, untouched),
 *         QUEUED or MERGED. The logical count is local + shared / 4.
 *         - Owner decrement to local == 0: if shared == 0 the object is dead
 *           (free it); otherwise give up ownership (ob_tid = 0) and CAS the
 *           state to MERGED; whoever then brings a MERGED count to 0 frees.
 *         - Non-owner decrement that would take an untouched shared count
 *           (shared == 0) negative does not subtract: it sets QUEUED and
 *           hands its reference to the owner's merge queue instead (a
 *           mutex-protected list in the owner's FtThreadState). The owner
 *           drains it at eval-loop safe points (ft_rc_merge_queue): it folds
 *           local into shared, marks MERGED, drops the queue's reference and
 *           frees if the total is 0. If the owner has exited, the queuing
 *           thread merges the object itself (ft_rc_thread_exit has made the
 *           owner unreachable first, under the same registry lock).
 *         - Immortal and static objects, and objects allocated by a thread
 *           without an owner id, are born unowned: ob_tid = 0, MERGED.
 *         Dealloc happens once and only once because (1) ob_ref_shared is
 *         changed only by atomic read-modify-writes, which are totally
 *         ordered, and the object is freed only by the RMW whose result is
 *         exactly "count 0, MERGED" — once MERGED is set no path clears it,
 *         and at count 0 nobody holds a reference that could raise it
 *         again, so at most one RMW can produce that value; (2) the only
 *         other free is the owner seeing shared == 0 (state untouched) right
 *         after its local count reached 0: then the logical count is 0, no
 *         other thread holds a reference, and MERGED — a prerequisite of
 *         path (1) — can only be set by the owner, which has just chosen
 *         path (2) instead; (3) while an object sits in a merge queue the
 *         queue owns one counted reference, so neither path can fire until
 *         the queue entry is processed, and QUEUED can be set only once
 *         (only from state 0, which is never re-entered). The RMWs are
 *         acq_rel and the owner's shared == 0 load is acquire, so the
 *         freeing thread sees everything the others wrote before letting go.
 *
 * --enable-immortal (FT_IMMORTAL, any variant): ft_rc_make_immortal() gives
 * an object a reserved count that FT_INCREF / FT_DECREF test for and never
 * write: a negative ob_refcnt (-2^62, so drift from racing updates can never
 * make it positive), or ob_ref_local == UINT32_MAX and no owner for the
 * biased variant (only the non-owner path tests it). ft_refcnt() reports an
 * immortal object as UINT32_MAX references, as CPython does. A mortal
 * object cannot become immortal by accident: counts never go negative.
 *
 * ft_rc_is_unique(op) says the caller holds the only reference and every
 * other thread's use of op happened before it let go, so op's contents may
 * be rewritten in place (zip and itertools reuse their result tuples). A
 * bare ft_refcnt() == 1 does not order those uses before the rewrite.
 *
 * With --enable-debug every change is also added to ft_rc_total, a global
 * reference total that must come back to its start value at exit for
 * programs without reference cycles (newly allocated objects count +1).
 * In the free-threaded variants it is updated with a relaxed atomic add:
 * simpler than per-thread totals (which would have to be folded into the
 * global at each thread's exit and read consistently by init.c), exact,
 * and its cost only matters in debug builds. Making an object immortal
 * takes its current references out of the total, since they will never be
 * given back.
 */
#ifndef FT_RUNTIME_REFCOUNT_H
#define FT_RUNTIME_REFCOUNT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#if defined(FT_REFCOUNT_MUTEX)
#include <pthread.h>
#endif
#if !defined(FT_REFCOUNT_PLAIN)
#include "runtime/atomics.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct FtObject FtObject;
typedef struct FtType FtType;
struct FtThreadState;

#if defined(FT_REFCOUNT_PLAIN) || defined(FT_REFCOUNT_MUTEX) ||                \
    defined(FT_REFCOUNT_ATOMIC)

/* One count; plain ++/--, or changed under ft_rc_mutex, or atomically. */
#define FT_REFCOUNT_FIELDS ssize_t ob_refcnt;
/* The header of a statically allocated object (one reference). */
#define FT_RC_STATIC_INIT .ob_refcnt = 1

#elif defined(FT_REFCOUNT_BIASED)

/* Owner thread id (0: unowned), the owner's count, everyone else's count
 * with the 2-bit merge state in its low bits. Owner ids are small numbers
 * handed out by runtime/biased.c, so 32 bits hold them and the header is
 * 24 bytes, not 32: a two-field object then fits the allocator's 32-byte
 * class, as in the GIL build. */
#define FT_REFCOUNT_FIELDS                                                     \
    uint32_t ob_tid;                                                           \
    uint32_t ob_ref_local;                                                     \
    ssize_t ob_ref_shared;
#define FT_RC_SHARED_SHIFT 2
#define FT_RC_QUEUED 1 /* handed to the owner's merge queue */
#define FT_RC_MERGED 2 /* unowned: ob_ref_shared holds the whole count */
/* Still owned, but weakly referenced (ft_rc_set_maybe_weakref): the owner's
 * last decrement takes the CAS path to MERGED, never the direct free, so a
 * weak reference's ft_rc_try_incref cannot race with it. */
#define FT_RC_WEAKREF 3
#define FT_RC_STATE_MASK 3
/* A shared-count word: n references in the given state. */
#define FT_RC_SHARED(n, state)                                                 \
    ((ssize_t)(n) * ((ssize_t)1 << FT_RC_SHARED_SHIFT) + (state))
#define FT_RC_STATIC_INIT                                                      \
    .ob_tid = 0, .ob_ref_local = 0,                                            \
    .ob_ref_shared = FT_RC_SHARED(1, FT_RC_MERGED)
/* The shared count of an immortal object (runtime/refcount.c). */
#define FT_RC_IMMORTAL_SHARED ((ssize_t)1 << 40)
/* ft_rc_self of a thread without an owner id: matches no ob_tid. */
#define FT_RC_NO_OWNER UINT32_MAX

#else
#error "runtime/refcount.h: no implemented refcount variant configured"
#endif

struct FtObject {
    FT_REFCOUNT_FIELDS
    FtType *ob_type;
};

#ifdef FT_DEBUG
extern ssize_t ft_rc_total;
#if defined(FT_REFCOUNT_PLAIN)
#define FT_RC_TOTAL_ADD(n) (ft_rc_total += (n))
#else
#define FT_RC_TOTAL_ADD(n) ((void)ft_atomic_add_ssize(&ft_rc_total, (n)))
#endif
#else
#define FT_RC_TOTAL_ADD(n) ((void)0)
#endif

/* Immortality: the reserved values and the test the fast paths make. */
#define FT_RC_IMMORTAL_REFCNT (-((ssize_t)1 << 62))
#define FT_RC_LOCAL_IMMORTAL UINT32_MAX
#define FT_RC_IMMORTAL_REPORTED ((ssize_t)UINT32_MAX)
#ifdef FT_IMMORTAL
#define FT_RC_SKIP_IF_IMMORTAL_(cond)                                          \
    do {                                                                       \
        if (cond)                                                              \
            return;                                                            \
    } while (0)
#else
#define FT_RC_SKIP_IF_IMMORTAL_(cond) ((void)0)
#endif

/* Called when a count reaches zero: runs the type's tp_dealloc, now or,
 * past a nesting depth, once the outermost deallocation returns
 * (runtime/dealloc.c). */
void ft_dealloc(FtObject *op);
/* The object whose __del__ has just run in this thread's deallocation of
 * it: the count change that ends that __del__ frees it at once, never
 * later, so that its tp_dealloc knows not to run __del__ again. */
extern __thread FtObject *ft_dealloc_finalized;

/* The fast paths are inlined everywhere: in the eval loop GCC's size
 * heuristics otherwise leave some of them as calls (biased: 2% of
 * pystone). */
#define FT_RC_INLINE static inline __attribute__((always_inline))

#if defined(FT_REFCOUNT_PLAIN)

FT_RC_INLINE void ft_incref(FtObject *op)
{
    FT_RC_SKIP_IF_IMMORTAL_(op->ob_refcnt < 0);
    op->ob_refcnt++;
    FT_RC_TOTAL_ADD(1);
}

FT_RC_INLINE void ft_decref(FtObject *op)
{
    FT_RC_SKIP_IF_IMMORTAL_(op->ob_refcnt < 0);
    FT_RC_TOTAL_ADD(-1);
    if (--op->ob_refcnt == 0)
        ft_dealloc(op);
}

/* Sets the count of a freshly allocated object (one reference, the caller's). */
static inline void ft_rc_init(FtObject *op)
{
    op->ob_refcnt = 1;
    FT_RC_TOTAL_ADD(1);
}

static inline ssize_t ft_refcnt(FtObject *op)
{
#ifdef FT_IMMORTAL
    if (op->ob_refcnt < 0)
        return FT_RC_IMMORTAL_REPORTED;
#endif
    return op->ob_refcnt;
}

static inline int ft_rc_is_unique(FtObject *op) { return op->ob_refcnt == 1; }

#elif defined(FT_REFCOUNT_MUTEX)

extern pthread_mutex_t ft_rc_mutex;

FT_RC_INLINE void ft_incref(FtObject *op)
{
    FT_RC_SKIP_IF_IMMORTAL_(ft_atomic_load_ssize(&op->ob_refcnt) < 0);
    pthread_mutex_lock(&ft_rc_mutex);
    ft_atomic_store_ssize(&op->ob_refcnt,
                          ft_atomic_load_ssize(&op->ob_refcnt) + 1);
    pthread_mutex_unlock(&ft_rc_mutex);
    FT_RC_TOTAL_ADD(1);
}

FT_RC_INLINE void ft_decref(FtObject *op)
{
    FT_RC_SKIP_IF_IMMORTAL_(ft_atomic_load_ssize(&op->ob_refcnt) < 0);
    FT_RC_TOTAL_ADD(-1);
    pthread_mutex_lock(&ft_rc_mutex);
    ssize_t n = ft_atomic_load_ssize(&op->ob_refcnt) - 1;
    ft_atomic_store_ssize(&op->ob_refcnt, n);
    pthread_mutex_unlock(&ft_rc_mutex);
    if (n == 0)
        ft_dealloc(op);
}

/* The object is not shared yet: no lock needed. */
static inline void ft_rc_init(FtObject *op)
{
    ft_atomic_store_ssize(&op->ob_refcnt, 1);
    FT_RC_TOTAL_ADD(1);
}

static inline ssize_t ft_refcnt(FtObject *op)
{
    ssize_t n = ft_atomic_load_ssize(&op->ob_refcnt);
    return n < 0 ? FT_RC_IMMORTAL_REPORTED : n;
}

/* Under the mutex: it orders us after every other thread's last change. */
static inline int ft_rc_is_unique(FtObject *op)
{
    pthread_mutex_lock(&ft_rc_mutex);
    ssize_t n = ft_atomic_load_ssize(&op->ob_refcnt);
    pthread_mutex_unlock(&ft_rc_mutex);
    return n == 1;
}

#elif defined(FT_REFCOUNT_ATOMIC)

FT_RC_INLINE void ft_incref(FtObject *op)
{
    FT_RC_SKIP_IF_IMMORTAL_(ft_atomic_load_ssize(&op->ob_refcnt) < 0);
    ft_atomic_add_ssize(&op->ob_refcnt, 1);
    FT_RC_TOTAL_ADD(1);
}

FT_RC_INLINE void ft_decref(FtObject *op)
{
    FT_RC_SKIP_IF_IMMORTAL_(ft_atomic_load_ssize(&op->ob_refcnt) < 0);
    FT_RC_TOTAL_ADD(-1);
#if defined(__SANITIZE_THREAD__) || defined(FT_TSAN)
    if (ft_atomic_add_ssize_full(&op->ob_refcnt, -1) == 1)
        ft_dealloc(op);
#else
    if (ft_atomic_add_ssize_release(&op->ob_refcnt, -1) == 1) {
        ft_atomic_fence_acquire();
        ft_dealloc(op);
    }
#endif
}

/* The object is not shared yet: a plain store suffices. */
static inline void ft_rc_init(FtObject *op)
{
    ft_atomic_store_ssize(&op->ob_refcnt, 1);
    FT_RC_TOTAL_ADD(1);
}

static inline ssize_t ft_refcnt(FtObject *op)
{
    ssize_t n = ft_atomic_load_ssize(&op->ob_refcnt);
    return n < 0 ? FT_RC_IMMORTAL_REPORTED : n;
}

/* The acquire load pairs with the release decrement of the last other
 * holder. */
static inline int ft_rc_is_unique(FtObject *op)
{
    return ft_atomic_load_ssize_acquire(&op->ob_refcnt) == 1;
}

#elif defined(FT_REFCOUNT_BIASED)

/* This thread's owner id (FtThreadState.rc_owner_id, set by
 * ft_rc_thread_init), kept in its own TLS word so that the fast path costs
 * the same with --with-tstate=list. */
extern __thread uint32_t ft_rc_self;

/* Slow paths (runtime/refcount.c). */
void ft_rc_decref_shared(FtObject *op);
void ft_rc_merge_zero_local(FtObject *op);
/* Internal to runtime/refcount.c and biased.c: hands a reference to the
 * owner's merge queue; folds local into shared (see refcount.c). */
void ft_rc_queue_object(FtObject *op);
ssize_t ft_rc_merge_explicit(FtObject *op, ssize_t extra);

static inline int ft_rc_is_owner(FtObject *op)
{
    return ft_atomic_load_u32(&op->ob_tid) == ft_rc_self;
}

/* The owner's path is the one laid out straight: most objects are touched
 * only by the thread that made them. With --enable-immortal the immortal
 * test comes first (as in CPython 3.13t): it reads the local count, which
 * the owner's path needs anyway, so it costs the owner one compare and
 * spares immortal objects (None, small ints, interned names, constants)
 * the owner test. */
FT_RC_INLINE void ft_incref(FtObject *op)
{
    uint32_t local = ft_atomic_load_u32(&op->ob_ref_local) + 1;
    FT_RC_SKIP_IF_IMMORTAL_(local == 0); /* FT_RC_LOCAL_IMMORTAL + 1 */
    if (__builtin_expect(ft_rc_is_owner(op), 1))
        ft_atomic_store_u32(&op->ob_ref_local, local);
    else
        ft_atomic_add_ssize(&op->ob_ref_shared, FT_RC_SHARED(1, 0));
    FT_RC_TOTAL_ADD(1);
}

FT_RC_INLINE void ft_decref(FtObject *op)
{
    uint32_t local = ft_atomic_load_u32(&op->ob_ref_local);
    FT_RC_SKIP_IF_IMMORTAL_(local == FT_RC_LOCAL_IMMORTAL);
    FT_RC_TOTAL_ADD(-1);
    if (__builtin_expect(ft_rc_is_owner(op), 1)) {
        ft_atomic_store_u32(&op->ob_ref_local, local - 1);
        if (local == 1)
            ft_rc_merge_zero_local(op);
    } else {
        ft_rc_decref_shared(op);
    }
}

/* Owned by the calling thread, or born merged if it has no owner id. The
 * object is not shared yet, so plain stores suffice. */
static inline void ft_rc_init(FtObject *op)
{
    uint32_t self = ft_rc_self;
    if (self != FT_RC_NO_OWNER) {
        op->ob_tid = self;
        op->ob_ref_local = 1;
        op->ob_ref_shared = 0;
    } else {
        op->ob_tid = 0;
        op->ob_ref_local = 0;
        op->ob_ref_shared = FT_RC_SHARED(1, FT_RC_MERGED);
    }
    FT_RC_TOTAL_ADD(1);
}

/* The count part of a shared word (exact division: no shift of negatives). */
static inline ssize_t ft_rc_shared_count(ssize_t shared)
{
    return (shared - (shared & FT_RC_STATE_MASK)) /
           ((ssize_t)1 << FT_RC_SHARED_SHIFT);
}

/* local + shared: exact when no other thread is changing the object. */
static inline ssize_t ft_refcnt(FtObject *op)
{
    uint32_t local = ft_atomic_load_u32(&op->ob_ref_local);
#ifdef FT_IMMORTAL
    if (local == FT_RC_LOCAL_IMMORTAL &&
        ft_atomic_load_u32(&op->ob_tid) == 0)
        return FT_RC_IMMORTAL_REPORTED;
#endif
    return (ssize_t)local +
           ft_rc_shared_count(ft_atomic_load_ssize(&op->ob_ref_shared));
}

/* Only the owner can be sure: other threads let go through the shared
 * count, whose acq_rel updates the acquire load here pairs with, while
 * the owner's own local count says the rest. An object with no owner is
 * never taken for unique. */
static inline int ft_rc_is_unique(FtObject *op)
{
    return ft_rc_is_owner(op) &&
           ft_atomic_load_u32(&op->ob_ref_local) == 1 &&
           ft_rc_shared_count(ft_atomic_load_ssize_acquire(
               &op->ob_ref_shared)) == 0;
}

/* Owner ids and merge queues (runtime/biased.c). ft_rc_thread_init gives
 * the calling thread (whose state is ts) an owner id; objects it allocates
 * from then on are biased towards it. ft_rc_merge_queue merges the objects
 * other threads queued for ts; call it at eval-loop safe points, on ts's own
 * thread (it may run destructors). ft_rc_thread_exit, first thing when a
 * thread state is deleted, makes the thread unreachable as an owner and
 * merges what is queued. All three are idempotent and cheap when idle. */
void ft_rc_thread_init(struct FtThreadState *ts);
void ft_rc_merge_queue(struct FtThreadState *ts);
void ft_rc_thread_exit(struct FtThreadState *ts);
/* Runs fn(ts, arg) under the registry lock with the live thread state
 * that has owner id `id`, or with NULL (id 0, or that thread has exited):
 * ts cannot go away meanwhile. fn must take no other lock. */
void ft_rc_with_owner(uintptr_t id, void (*fn)(struct FtThreadState *, void *),
                      void *arg);

#endif

#if !defined(FT_REFCOUNT_BIASED)
/* Only the biased variant has owners and merge queues. */
static inline void ft_rc_thread_init(struct FtThreadState *ts) { (void)ts; }
static inline void ft_rc_merge_queue(struct FtThreadState *ts) { (void)ts; }
static inline void ft_rc_thread_exit(struct FtThreadState *ts) { (void)ts; }
#endif

/* Weak references (objects/weakref.c). ft_rc_try_incref adds a reference
 * unless the count has already reached 0 (the object is being freed):
 * 1 = got it, 0 = dead. It must be called while something keeps the
 * object's memory from being freed: the weak-reference table's lock, which
 * the deallocation of a weakly referenced object takes before its memory
 * goes. Per variant: plain, a test and an increment (only with a GIL);
 * mutex, both under ft_rc_mutex; atomic, a CAS loop that never raises 0;
 * biased, the owner adds to its local count unless it is 0 (then the owner
 * itself is freeing the object), others CAS the shared word unless it says
 * "count 0, MERGED" or "untouched" (the owner may free an untouched object
 * without a CAS, so it cannot be revived safely). ft_rc_set_maybe_weakref
 * moves an untouched biased object to FT_RC_WEAKREF so that the second
 * case does not arise for weakly referenced objects (no-op elsewhere).
 * Neither touches the FT_INCREF / FT_DECREF fast paths. */
int ft_rc_try_incref(FtObject *op);
void ft_rc_set_maybe_weakref(FtObject *op);

/* Gives a statically allocated (never freed) object one unowned reference,
 * outside the debug total; for code that must reset a static's header. */
void ft_rc_init_static(FtObject *op);

/* Makes op immortal (FT_IMMORTAL builds; a no-op otherwise): its count is
 * never written again and it is never deallocated. Call it before op is
 * shared with other threads, or from its owner thread. */
void ft_rc_make_immortal(FtObject *op);

/* FT_IMMORTAL builds (no-ops otherwise): makes the singletons (None,
 * True, False, NotImplemented, Ellipsis) and the small-int cache immortal
 * (runtime/init.c, at start-up), and the constants of a new code object
 * (objects/code.c's ft_code_new): the str, int, float and bool items of the
 * tuple `consts`, and of tuples nested in it, but not the tuples themselves
 * nor code objects, so that a code object built by exec() is still freed. */
void ft_rc_immortalize_singletons(void);
void ft_rc_immortalize_consts(FtObject *consts);

static inline int ft_rc_is_immortal(FtObject *op)
{
#if !defined(FT_IMMORTAL)
    (void)op;
    return 0;
#elif defined(FT_REFCOUNT_PLAIN)
    return op->ob_refcnt < 0;
#elif defined(FT_REFCOUNT_BIASED)
    return ft_atomic_load_u32(&op->ob_ref_local) == FT_RC_LOCAL_IMMORTAL &&
           ft_atomic_load_u32(&op->ob_tid) == 0;
#else
    return ft_atomic_load_ssize(&op->ob_refcnt) < 0;
#endif
}
#define FT_IS_IMMORTAL(op) ft_rc_is_immortal((FtObject *)(op))

/* Callable (non-inline) forms of the fast paths, for the C++ benchmark shim
 * and for debuggers. */
void ft_rc_incref_call(FtObject *op);
void ft_rc_decref_call(FtObject *op);

#define FT_INCREF(op) ft_incref((FtObject *)(op))
#define FT_DECREF(op) ft_decref((FtObject *)(op))
#define FT_XINCREF(op)                                                         \
    do {                                                                       \
        FtObject *ft_xi_tmp_ = (FtObject *)(op);                               \
        if (ft_xi_tmp_ != NULL)                                                \
            ft_incref(ft_xi_tmp_);                                             \
    } while (0)
#define FT_XDECREF(op)                                                         \
    do {                                                                       \
        FtObject *ft_xd_tmp_ = (FtObject *)(op);                               \
        if (ft_xd_tmp_ != NULL)                                                \
            ft_decref(ft_xd_tmp_);                                             \
    } while (0)
/* Clears a variable before dropping the reference, so a destructor that
 * looks at the variable never sees a dead object. */
#define FT_CLEAR(var)                                                          \
    do {                                                                       \
        FtObject *ft_cl_tmp_ = (FtObject *)(var);                              \
        if (ft_cl_tmp_ != NULL) {                                              \
            (var) = NULL;                                                      \
            ft_decref(ft_cl_tmp_);                                             \
        }                                                                      \
    } while (0)
/* Replaces var with a new (owned) value and drops the old one afterwards. */
#define FT_SETREF(var, value)                                                  \
    do {                                                                       \
        FtObject *ft_sr_old_ = (FtObject *)(var);                              \
        (var) = (value);                                                       \
        FT_XDECREF(ft_sr_old_);                                                \
    } while (0)
/* A new reference to op, as an expression. */
static inline FtObject *ft_newref(FtObject *op)
{
    ft_incref(op);
    return op;
}
#define FT_NEWREF(op) ft_newref((FtObject *)(op))

#ifdef __cplusplus
}
#endif

#endif
