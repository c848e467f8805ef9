/* runtime/biased.c — the per-thread side of biased reference counting:
 * owner ids, the registry that maps an owner id to its thread state, and
 * the merge queues through which non-owner threads hand objects to their
 * owner (protocol: runtime/refcount.h).
 *
 * Lock order: registry lock, then a thread's rc_queue_lock. Both are leaf
 * locks: nothing is deallocated and no other lock is taken under them.
 */
#include "runtime/tstate.h"
#include "interp/frame.h"

#if defined(FT_REFCOUNT_BIASED)

#include <stdio.h>
#include <stdlib.h>

__thread uint32_t ft_rc_self = FT_RC_NO_OWNER;

/* Ids are never reused, so an object whose owner has exited can never be
 * mistaken for one owned by a newer thread. 0 means "unowned". */
static ft_atomic_t next_owner_id = 1;

#define REGISTRY_BUCKETS 64
static FtMutex registry_lock = FT_MUTEX_INIT;
static FtThreadState *registry[REGISTRY_BUCKETS];

static FtThreadState **registry_slot(uintptr_t id)
{
    return &registry[id % REGISTRY_BUCKETS];
}

/* Under registry_lock. */
static FtThreadState *registry_find(uintptr_t id)
{
    for (FtThreadState *ts = *registry_slot(id); ts != NULL;
         ts = ts->rc_registry_next)
        if (ts->rc_owner_id == id)
            return ts;
    return NULL;
}

void ft_rc_thread_init(FtThreadState *ts)
{
    if (ts->rc_owner_id == 0) {
        uintptr_t id = (uintptr_t)ft_atomic_add(&next_owner_id, 1);
        /* ob_tid is 32 bits: past 2^32 - 2 threads, new threads own
         * nothing (their objects are born merged, which is correct, only
         * slower). */
        if (id >= FT_RC_NO_OWNER) {
            ts->rc_eval_breaker = ft_eval_breaker_ptr();
            ft_rc_self = FT_RC_NO_OWNER;
            return;
        }
        ts->rc_owner_id = id;
        ft_mutex_lock(&registry_lock);
        ts->rc_registry_next = *registry_slot(id);
        *registry_slot(id) = ts;
        ft_mutex_unlock(&registry_lock);
    }
    ts->rc_eval_breaker = ft_eval_breaker_ptr();
    ft_rc_self = ts->rc_owner_id;
    ft_lock_thread_init(ts);
}

void ft_rc_with_owner(uintptr_t id, void (*fn)(FtThreadState *, void *),
                      void *arg)
{
    ft_mutex_lock(&registry_lock);
    fn(id != 0 ? registry_find(id) : NULL, arg);
    ft_mutex_unlock(&registry_lock);
}

/* Called with ts's queue lock held: room for one more entry. */
static void queue_reserve(FtThreadState *ts)
{
    size_t len = (size_t)ft_atomic_load(&ts->rc_queue_len);
    if (len < ts->rc_queue_cap)
        return;
    size_t cap = ts->rc_queue_cap != 0 ? 2 * ts->rc_queue_cap : 32;
    /* Not ft_mem_realloc: this path must never raise MemoryError. */
    FtObject **q = (FtObject **)realloc(ts->rc_queue, cap * sizeof *q);
    if (q == NULL) {
        fprintf(stderr, "ftpy: out of memory in the biased-refcount merge "
                        "queue\n");
        abort();
    }
    ts->rc_queue = q;
    ts->rc_queue_cap = cap;
}

void ft_rc_queue_object(FtObject *op)
{
    /* Stable: the owner cannot merge (and clear ob_tid) before it has
     * processed the queue entry we are about to add. */
    uintptr_t owner = ft_atomic_load_u32(&op->ob_tid);
    ft_mutex_lock(&registry_lock);
    FtThreadState *ts = registry_find(owner);
    if (ts != NULL) {
        ft_mutex_lock(&ts->rc_queue_lock);
        queue_reserve(ts);
        size_t len = (size_t)ft_atomic_load(&ts->rc_queue_len);
        ts->rc_queue[len] = op;
        ft_atomic_store_release(&ts->rc_queue_len, len + 1);
        ft_mutex_unlock(&ts->rc_queue_lock);
        /* Ask the owner to merge at its next safe point; ts (and so the
         * breaker word of its thread) stays alive while it is registered. */
        if (ts->rc_eval_breaker != NULL)
            ft_atomic_store_u32(ts->rc_eval_breaker, 1);
        ft_mutex_unlock(&registry_lock);
        return;
    }
    ft_mutex_unlock(&registry_lock);
    /* The owner has exited. Its last writes to ob_ref_local happened before
     * it left the registry, under the lock we just took: merge ourselves. */
    if (ft_rc_merge_explicit(op, -1) == 0)
        ft_dealloc(op);
}

/* Drops the queue's reference to op, which `self` owned when it was queued. */
static void merge_one(FtObject *op, uintptr_t self)
{
    if (ft_atomic_load_u32(&op->ob_tid) == self) {
        if (ft_rc_merge_explicit(op, -1) == 0)
            ft_dealloc(op);
    } else {
        /* Already merged when our local count reached 0: the queue's
         * reference is in the shared count. */
        ft_rc_decref_shared(op);
    }
}

static void merge_all(FtThreadState *ts, uintptr_t self)
{
    /* Destructors run below may queue more objects for us: loop. */
    while (ft_atomic_load_acquire(&ts->rc_queue_len) != 0) {
        ft_mutex_lock(&ts->rc_queue_lock);
        FtObject **q = ts->rc_queue;
        size_t n = (size_t)ft_atomic_load(&ts->rc_queue_len);
        ts->rc_queue = NULL;
        ts->rc_queue_cap = 0;
        ft_atomic_store(&ts->rc_queue_len, 0);
        ft_mutex_unlock(&ts->rc_queue_lock);
        for (size_t i = 0; i < n; i++)
            merge_one(q[i], self);
        free(q);
    }
}

void ft_rc_merge_queue(FtThreadState *ts)
{
    if (ts->rc_owner_id != 0)
        merge_all(ts, ts->rc_owner_id);
}

void ft_rc_thread_exit(FtThreadState *ts)
{
    uintptr_t self = ts->rc_owner_id;
    if (self == 0)
        return;
    /* From here on this thread takes the non-owner path everywhere, so it
     * never writes an ob_ref_local again... */
    if (ft_rc_self == self)
        ft_rc_self = FT_RC_NO_OWNER;
    /* ...and once it is out of the registry, threads that queue its objects
     * merge them themselves instead. */
    ft_mutex_lock(&registry_lock);
    for (FtThreadState **pp = registry_slot(self); *pp != NULL;
         pp = &(*pp)->rc_registry_next) {
        if (*pp == ts) {
            *pp = ts->rc_registry_next;
            break;
        }
    }
    ft_mutex_unlock(&registry_lock);
    /* Nothing can be added to the queue any more. */
    merge_all(ts, self);
    ts->rc_owner_id = 0;
    ts->rc_registry_next = NULL;
}

#else

/* Only the biased variant has owners and merge queues (the no-op forms are
 * inline in runtime/refcount.h). */
typedef int ft_biased_unused_;

#endif
