/* runtime/qsbr.h — deferred release for lock-free readers (quiescent-state
 * based reclamation, as in CPython 3.13's free-threaded build).
 *
 * Without a GIL some hot reads skip the container's lock (objects/dict.c
 * reads str keys that way): a reader loads a pointer from a table a writer
 * may change at the same moment, then takes its own reference. That is safe
 * only if what the writer unlinks stays alive until every reader that might
 * have loaded it is done. So a writer does not drop such a reference (or free
 * such a table) at once: it hands it to ft_qsbr_defer_decref /
 * ft_qsbr_defer_free, and it is released after a grace period, once every
 * thread has passed a quiescent state — a point outside every lock-free
 * read. The eval loop's breaker check is one (ft_qsbr_poll); a thread that
 * blocks (ft_gil_save) is quiescent until it comes back (ft_qsbr_offline /
 * ft_qsbr_online).
 *
 * Sequence numbers: a global write sequence; each thread publishes the value
 * it last saw at a quiescent state. Items wait in their thread's queue
 * until that thread advances the sequence (a full-barrier add, at its next
 * poll); the value it produces is their goal, so a thread whose published
 * value reaches the goal read the sequence after that advance, hence after
 * the items were unlinked, and cannot still hold them. Items are released,
 * oldest first, when the smallest published value among online threads
 * reaches their goal; a thread whose items outlived one of its polls sets
 * the eval breakers of the threads behind, so they report soon.
 *
 * A lock-free reader therefore must never pass a quiescent state (run the
 * eval loop, block) while it holds a pointer it has not taken a reference to.
 *
 * With a GIL, nothing reads without the lock: deferring is the plain
 * release, done right away.
 */
#ifndef FT_RUNTIME_QSBR_H
#define FT_RUNTIME_QSBR_H

#include "objects/object.h"

struct FtThreadState;

#if defined(FT_GIL_NONE)

#define FT_QSBR_ACTIVE 1

/* Drops one reference to op after a grace period (NULL is ignored). */
void ft_qsbr_defer_decref(FtObject *op);
/* Calls release(p) after a grace period. */
void ft_qsbr_defer_free(void *p, void (*release)(void *));
/* A quiescent state of the calling thread: publishes it and releases what
 * has become safe. Called from the eval breaker. */
void ft_qsbr_poll(struct FtThreadState *ts);
/* The calling thread starts / stops taking part (ft_tstate_new / _delete).
 * A thread that leaves hands its pending items to the others. */
void ft_qsbr_register(void);
void ft_qsbr_unregister(void);
/* For a thread about to tell another that it has finished (join): releases
 * what it can now, hands the rest of its pending items to whichever thread
 * polls next (asking the others to poll soon), and goes offline for good,
 * so that what the joiner releases next never waits for it. The thread
 * must run no Python code after this call. */
void ft_qsbr_flush(void);
/* A quiescent state of the calling thread if exited threads left items
 * behind (one load otherwise): for a thread that has just learnt that
 * another has finished, before it looks at what that thread released. */
void ft_qsbr_adopt_orphans(void);
/* Around blocking calls: an offline thread is not waited for. */
void ft_qsbr_offline(void);
void ft_qsbr_online(void);
/* Items deferred and not yet released by any thread (for tests). */
size_t ft_qsbr_pending(void);
/* For the cycle collector (runtime/gc.c), with the world stopped: every
 * thread is then at a quiescent state or offline, so every pending item
 * is past its grace period. Takes them all out of every thread's queue
 * and the orphan list; the caller releases them with
 * ft_qsbr_release_taken once the world runs again. visit(op, arg) is
 * called for each deferred decref (not for deferred frees). */
typedef struct FtQsbrTaken FtQsbrTaken;
FtQsbrTaken *ft_qsbr_take_all(void (*visit)(FtObject *op, void *arg),
                              void *arg);
void ft_qsbr_release_taken(FtQsbrTaken *taken);

#else

static inline void ft_qsbr_defer_decref(FtObject *op) { FT_XDECREF(op); }
static inline void ft_qsbr_defer_free(void *p, void (*release)(void *))
{
    release(p);
}
static inline void ft_qsbr_poll(struct FtThreadState *ts) { (void)ts; }
static inline void ft_qsbr_register(void) {}
static inline void ft_qsbr_unregister(void) {}
static inline void ft_qsbr_flush(void) {}
static inline void ft_qsbr_adopt_orphans(void) {}
static inline void ft_qsbr_offline(void) {}
static inline void ft_qsbr_online(void) {}
static inline size_t ft_qsbr_pending(void) { return 0; }
typedef struct FtQsbrTaken FtQsbrTaken;
static inline FtQsbrTaken *
ft_qsbr_take_all(void (*visit)(FtObject *op, void *arg), void *arg)
{
    (void)visit, (void)arg;
    return NULL;
}
static inline void ft_qsbr_release_taken(FtQsbrTaken *taken) { (void)taken; }

#endif

#endif
