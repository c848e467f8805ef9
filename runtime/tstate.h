/* runtime/tstate.h — FtThreadState: everything that a 1990s interpreter kept
 * in globals and that must be per OS thread for free threading: the current
 * frame, recursion depth, the exception being raised and the one being
 * handled, free lists.
 *
 * ft_tstate_get() is the lookup whose cost --with-tstate measures: `tls`
 * reads a thread-local pointer; `list` (the 1996 patch) scans a linked list
 * of thread states for the caller's thread id.
 */
#ifndef FT_RUNTIME_TSTATE_H
#define FT_RUNTIME_TSTATE_H

#include "objects/object.h"
#include "runtime/lock.h"

/* Free-list kinds kept per thread (see objects/int.c, float.c, ...). */
enum {
    FT_FL_INT,
    FT_FL_FLOAT,
    FT_FL_TUPLE1, /* tuples of length 1..4 */
    FT_FL_TUPLE2,
    FT_FL_TUPLE3,
    FT_FL_TUPLE4,
    FT_FL_LIST,
    FT_FL_DICT,
    FT_FL_METHOD,
    FT_FL__COUNT
};
#define FT_FREELIST_MAX 256

struct FtFrame;

typedef struct FtThreadState {
    struct FtThreadState *next; /* all thread states, for --with-tstate=list */
    unsigned long thread_id;

    /* The exception being raised (a normalised exception instance), or
     * NULL. Set with ft_err_*(), taken with ft_err_fetch(). */
    FtObject *curexc;
    /* The innermost exception being handled (what a bare `raise` re-raises
     * and what becomes __context__), or NULL. Maintained by the eval loop. */
    FtObject *exc_handled;

    struct FtFrame *frame; /* innermost executing frame, or NULL */
    int recursion_depth;
    int recursion_limit;
    int recursion_headroom; /* >0 while a RecursionError is being raised */

    /* Per-thread free lists of dead objects' memory, singly linked through
     * the pointer-sized word right after the FtObject header (so that
     * ft_tstate_delete can free any kind without knowing its layout). */
    void *freelist[FT_FL__COUNT];
    int freelist_len[FT_FL__COUNT];

    /* Frame storage: a bump-allocated stack of frames so that calls do not
     * malloc (owned by interp/frame.c). */
    void *frame_chunk;

    /* Biased reference counting (runtime/biased.c): this thread's owner id
     * (0 until ft_rc_thread_init), and the merge queue other threads fill
     * with objects it owns: rc_queue[0 .. rc_queue_len) under rc_queue_lock
     * (rc_queue_len is also read without the lock, atomically). */
    uintptr_t rc_owner_id;
    FtMutex rc_queue_lock;
    FtObject **rc_queue;
    ft_atomic_t rc_queue_len;
    size_t rc_queue_cap;
    struct FtThreadState *rc_registry_next; /* owner-id registry chain */
    /* The owner thread's eval-breaker word (interp/frame.h), set by
     * ft_rc_thread_init: a thread that queues an object for this one sets
     * it, so the owner merges at its next breaker check. */
    volatile uint32_t *rc_eval_breaker;

    /* The innermost critical section (runtime/lock.h), or NULL. */
    FtCriticalSection *cs_top;
    /* Owner-biased locks (runtime/lock.c), touched by other threads only
     * under the owner-id registry lock: this thread's ft_lock_bias_self,
     * how many of its objects other threads have revoked, and whether its
     * bias has been switched off and the membarrier that ends it has run. */
    volatile int8_t *lock_bias_flag;
    unsigned lock_revocations;
    int lock_bias_ended;

    /* Legacy GIL (runtime/gil.h FT_GIL_TICK): instructions left before this
     * thread yields the GIL. Touched only by its own thread. */
    int gil_ticks;
} FtThreadState;

#if defined(FT_TSTATE_TLS)
extern __thread FtThreadState *ft_tstate_current;
static inline FtThreadState *ft_tstate_get(void) { return ft_tstate_current; }
#else
FtThreadState *ft_tstate_get(void);
#endif

/* Creates the state for the calling thread and makes it current. */
FtThreadState *ft_tstate_new(void);
/* Releases the calling thread's state (free lists and frames included). */
void ft_tstate_delete(FtThreadState *ts);
/* Frees the frame storage of ts (interp/frame.c). */
void ft_frame_stack_free(FtThreadState *ts);
/* Around every access to ts->freelist / freelist_len (take and give
 * back): nothing, except with --with-freelists=global in a build without a
 * GIL (the stein preset), where one process-wide lock guards free lists,
 * as in the 1996 patch, so its cost is part of what that preset measures.
 *
 * That lock is a leaf: a plain FtMutex (defined in runtime/lock.c), held
 * only for the push or pop itself, never while calling out or acquiring
 * anything else, and waiting for it never suspends the caller's critical
 * sections. Objects are allocated and freed inside container sections all
 * the time; if the wait could suspend them (as FT_CRIT_LOCK's does),
 * another thread would get into a container in the middle of an
 * operation. Being a leaf, it cannot take part in a deadlock either. */
#if defined(FT_FREELISTS_GLOBAL) && defined(FT_GIL_NONE)
extern FtMutex ft_freelist_mutex;
#define FT_FREELIST_LOCK() ft_mutex_lock(&ft_freelist_mutex)
#define FT_FREELIST_UNLOCK() ft_mutex_unlock(&ft_freelist_mutex)
#else
#define FT_FREELIST_LOCK() ((void)0)
#define FT_FREELIST_UNLOCK() ((void)0)
#endif

/* The link word of a free-list entry. */
#define FT_FREELIST_NEXT(p) (*(void **)((char *)(p) + sizeof(FtObject)))

#endif
