/* runtime/tstate.c — creating, finding and releasing FtThreadState.
 * Every state is also kept on a linked list: --with-tstate=list finds the
 * current one by scanning it, and thread enumeration needs it anyway.
 *
 * --with-tstate=list reads the list without a lock (the 1996 patch took
 * one; the scan, not a lock, is the cost being measured). That is safe
 * because in this variant a node, once linked, is never unlinked, moved or
 * freed — a dead thread's node stays in place with thread_id 0 and is
 * recycled by the next new thread — so a reader never follows a dangling
 * or half-written link:
 *   - `next` is written once, before the node is published by a release
 *     store of the head; the reader's acquire load of the head makes it
 *     (and every older node's `next`) visible;
 *   - `thread_id` is the only field other threads read during a scan, and
 *     only atomically; a state's other fields are set up before its owner
 *     stores its id and reset after it stores 0.
 * The price: the list never shrinks below the largest number of threads
 * that were alive at once (their states are reused, not leaked), and a
 * thread must delete its state before it exits (else a later thread with
 * the same pthread_t could match the stale id).
 */
#include "runtime/tstate.h"
#include "runtime/atomics.h"
#include "runtime/qsbr.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t tstate_list_lock = PTHREAD_MUTEX_INITIALIZER;
static FtThreadState *tstate_list; /* list variant: ft_atomic_*_ptr only */

#if defined(FT_TSTATE_TLS)
__thread FtThreadState *ft_tstate_current;
#define SET_CURRENT(ts) (ft_tstate_current = (ts))
#else
#define SET_CURRENT(ts) ((void)(ts))

FT_ATOMIC_STATIC_ASSERT_(sizeof(unsigned long) == sizeof(ft_atomic_t),
                         "thread_id is accessed as an ft_atomic_t");
#define THREAD_ID(ts) ((volatile ft_atomic_t *)&(ts)->thread_id)
#define HEAD_ADDR ((void *volatile *)&tstate_list)

FtThreadState *ft_tstate_get(void)
{
    ft_atomic_t self = (ft_atomic_t)pthread_self();
    FtThreadState *ts = ft_atomic_load_ptr_acquire(HEAD_ADDR);
    for (; ts != NULL; ts = ts->next)
        if (ft_atomic_load(THREAD_ID(ts)) == self)
            return ts;
    return NULL;
}

/* Everything after the two fields a scan reads. */
#define RESET_OFFSET (offsetof(FtThreadState, thread_id) + sizeof(unsigned long))

/* A dead node to recycle, zeroed except for the link, or NULL. Called with
 * tstate_list_lock held. */
static FtThreadState *reuse_dead(void)
{
    FtThreadState *ts = ft_atomic_load_ptr(HEAD_ADDR);
    for (; ts != NULL; ts = ts->next) {
        if (ft_atomic_load(THREAD_ID(ts)) == 0) {
            memset((char *)ts + RESET_OFFSET, 0, sizeof *ts - RESET_OFFSET);
            return ts;
        }
    }
    return NULL;
}
#endif

FtThreadState *ft_tstate_new(void)
{
    FtThreadState *ts = NULL;
    pthread_mutex_lock(&tstate_list_lock);
#if !defined(FT_TSTATE_TLS)
    ts = reuse_dead();
#endif
    int fresh = ts == NULL;
    if (fresh && (ts = calloc(1, sizeof *ts)) == NULL) {
        pthread_mutex_unlock(&tstate_list_lock);
        return NULL;
    }
    ts->recursion_limit = 1000;
#if defined(FT_TSTATE_TLS)
    ts->thread_id = (unsigned long)pthread_self();
    ts->next = tstate_list;
    tstate_list = ts;
#else
    /* Claimed while the lock keeps other creators away; scanners see the
     * id only once the state is ready. */
    ft_atomic_store_release(THREAD_ID(ts), (ft_atomic_t)pthread_self());
    if (fresh) {
        ts->next = ft_atomic_load_ptr(HEAD_ADDR);
        ft_atomic_store_ptr_release(HEAD_ADDR, ts);
    }
#endif
    pthread_mutex_unlock(&tstate_list_lock);
    SET_CURRENT(ts);
    ft_qsbr_register();
    ft_gc_thread_init(ts); /* last: may wait while the world is stopped */
    return ts;
}

static void free_lists_release(FtThreadState *ts)
{
    for (int k = 0; k < FT_FL__COUNT; k++) {
        void *p = ts->freelist[k];
        /* containers' memory starts at the collector's pre-header */
        int gc = k != FT_FL_INT && k != FT_FL_FLOAT;
        while (p != NULL) {
            void *next = FT_FREELIST_NEXT(p);
            ft_mem_free(gc ? ft_gc_mem(p) : p);
            p = next;
        }
        ts->freelist[k] = NULL;
        ts->freelist_len[k] = 0;
    }
}

void ft_tstate_delete(FtThreadState *ts)
{
    /* Deferred releases this thread still owes go to the other threads. */
    ft_qsbr_unregister();
    /* Biased refcounts: stop being an owner and merge what other threads
     * queued (idempotent: runtime/thread.c has usually done it already). */
    ft_rc_thread_exit(ts);
    /* The containers keep small per-thread caches of their own. */
    ft_list_thread_cleanup();
    ft_dict_thread_cleanup();
    ft_slice_thread_cleanup();
    free_lists_release(ts);
    ft_frame_stack_free(ts);
    /* No object is touched from here on. */
    ft_gc_thread_exit(ts);
#if defined(FT_TSTATE_TLS)
    pthread_mutex_lock(&tstate_list_lock);
    for (FtThreadState **pp = &tstate_list; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == ts) {
            *pp = ts->next;
            break;
        }
    }
    pthread_mutex_unlock(&tstate_list_lock);
    if (ft_tstate_get() == ts)
        SET_CURRENT(NULL);
    free(ts);
#else
    /* The node stays linked for concurrent scanners; reuse_dead zeroes it
     * under the lock when a new thread claims it. */
    pthread_mutex_lock(&tstate_list_lock);
    ft_atomic_store_release(THREAD_ID(ts), 0);
    pthread_mutex_unlock(&tstate_list_lock);
#endif
}
