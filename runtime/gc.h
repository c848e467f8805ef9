/* runtime/gc.h — the cycle collector's interface: the pre-header of
 * container objects, tracking, the traverse/clear slot types, collection,
 * and the stop-the-world safe points of free-threaded builds. The protocol
 * and the safety argument open runtime/gc.c.
 *
 * A type whose instances can refer to other objects sets FT_TPFLAGS_HAVE_GC
 * and fills tp_traverse (visit every reference the object owns, and only
 * those) and, if it can break a cycle, tp_clear (drop those references).
 * ft_object_new then allocates an FtGcHead in front of the object and
 * tracks it; ft_dealloc untracks it before tp_dealloc runs, and
 * ft_object_free frees the pre-header with the object.
 */
#ifndef FT_RUNTIME_GC_H
#define FT_RUNTIME_GC_H

#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "runtime/refcount.h"

struct FtThreadState;
typedef struct FtGcHeap FtGcHeap;

/* In front of every object whose type has FT_TPFLAGS_HAVE_GC. Linked into
 * one of its heap's generation lists while tracked (heap != NULL). bits
 * holds flags in its low FT_GC_FLAG_BITS bits and, during a collection,
 * the object's gc_refs above them. 32 bytes keep the object 16-aligned. */
typedef struct FtGcHead {
    struct FtGcHead *next, *prev;
    FtGcHeap *heap;
    uintptr_t bits;
} FtGcHead;

#define FT_GC_FINALIZED 0x1 /* __del__ ran (or is running): never again */
#define FT_GC_COLLECTING 0x2 /* in the set the running collection examines */
#define FT_GC_REACHABLE 0x4  /* found reachable in this collection */
#define FT_GC_FLAG_BITS 4

#define FT_GC_HEAD(op) ((FtGcHead *)(op) - 1)
#define FT_GC_OBJ(g) ((FtObject *)((FtGcHead *)(g) + 1))

/* traverse: calls visit(ref, arg) for every owned reference (NULL refs may
 * be passed: the visitor skips them); stops and returns the first non-zero
 * result. */
typedef int (*ft_visitproc)(FtObject *ref, void *arg);
typedef int (*ft_traverseproc)(FtObject *self, ft_visitproc visit, void *arg);
#define FT_VISIT(ref)                                                          \
    do {                                                                       \
        FtObject *ft_vt_ = (FtObject *)(ref);                                  \
        if (ft_vt_ != NULL) {                                                  \
            int ft_vr_ = visit(ft_vt_, arg);                                   \
            if (ft_vr_ != 0)                                                   \
                return ft_vr_;                                                 \
        }                                                                      \
    } while (0)

/* Weak references to garbage (set by objects/weakref.c; NULL until then).
 * With the world stopped, right after the garbage is found, the collector
 * calls ft_gc_kill_weakrefs on each garbage object: its weak references
 * die at once, so that no thread can revive the object through ref() once
 * the world runs again; the ones whose callbacks must run (not garbage
 * themselves) are chained onto `pending` (new references), which is
 * returned. Once the world runs, ft_gc_run_weakref_callbacks(pending) calls
 * them and drops the references. */
extern FtObject *(*ft_gc_kill_weakrefs)(FtObject *op, FtObject *pending);
extern void (*ft_gc_run_weakref_callbacks)(FtObject *pending);
/* 1 if op is in the garbage the collector is handling right now (only
 * meaningful inside ft_gc_kill_weakrefs). */
int ft_gc_in_garbage(FtObject *op);

/* Tracking (objects/object.c and runtime/dealloc.c call these). op must
 * have a pre-header. Track links op into the calling thread's youngest
 * generation; untrack unlinks it wherever it is (any thread may). */
void ft_gc_track(FtObject *op);
void ft_gc_untrack(FtObject *op);
static inline int ft_gc_is_tracked(FtObject *op)
{
    return FT_GC_HEAD(op)->heap != NULL;
}

/* Collects generations 0..generation (2 = everything). Returns the number
 * of unreachable objects found, 0 if a collection is already running (in
 * this or another thread), -1 with an exception set on failure. Call only
 * at a safe point: no raw pointer to an object may be held across it. */
ssize_t ft_gc_collect(int generation);

/* Settings and statistics (the gc module). */
void ft_gc_enable(int on);
int ft_gc_isenabled(void);
void ft_gc_set_threshold(const long th[3]);
void ft_gc_get_threshold(long th[3]);
void ft_gc_get_count(long counts[3]);
/* Calls fn(op, arg) for every tracked object not being collected, at a
 * safe point, with the world stopped; fn must not run Python code or
 * allocate tracked objects (it may incref). */
void ft_gc_for_each(void (*fn)(FtObject *op, void *arg), void *arg);
/* The last collection's pause with the world stopped, in nanoseconds, and
 * the total of all pauses. */
void ft_gc_pause_stats(uint64_t *last_ns, uint64_t *total_ns,
                       uint64_t *collections);

/* Per-thread set-up: ft_tstate_new gives the thread a heap (its tracked
 * objects' lists) and attaches it; ft_tstate_delete hands the heap back.
 * The heap outlives the thread: its objects stay where they are until
 * they die or a collection moves them, and the next new thread reuses it. */
void ft_gc_thread_init(struct FtThreadState *ts);
void ft_gc_thread_exit(struct FtThreadState *ts);

/* At an eval-breaker check: runs a pending automatic collection and, in
 * free-threaded builds, parks the thread while another one has the world
 * stopped. 0, or -1 with an exception set. */
int ft_gc_safe_point(struct FtThreadState *ts);

/* Free-threaded builds: a thread detaches (stops touching objects) around
 * a blocking call and attaches again after it (runtime/gil.h); attaching
 * waits while the world is stopped. Nothing with a GIL. */
void ft_gc_detach(void);
void ft_gc_attach(void);

/* The memory block of an object with a pre-header (free lists keep the
 * object pointer). */
static inline void *ft_gc_mem(FtObject *op) { return FT_GC_HEAD(op); }

#endif
