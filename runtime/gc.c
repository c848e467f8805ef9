/* runtime/gc.c — the cycle collector: tracked-object lists (heaps),
 * generational collection with CPython's thresholds, finalizers with
 * PEP 442's once-only rule, and, without a GIL, stopping the world.
 *
 * Tracking. Every object of a type with FT_TPFLAGS_HAVE_GC carries an
 * FtGcHead (runtime/gc.h) linking it into one list of one heap. A heap is
 * three generation lists, a lock and a counter; each thread allocates into
 * its own heap, so tracking takes no global lock. An object may die on any
 * thread, so the heap it sits in is found from the head (head->heap) and
 * every change to a heap's lists, and every write of head->heap, happens
 * under that heap's lock (a leaf FtMutex: nothing else is taken and no
 * safe point is passed while it is held; with a GIL it compiles away).
 * Since an object can be moved between heaps while a thread is about to
 * unlink it, ft_gc_untrack locks the heap it read and re-reads head->heap:
 * if the object moved meanwhile it retries with the new heap. A heap
 * outlives its thread (objects stay in it) and is reused by the next new
 * thread, so the number of heaps is the largest number of threads alive
 * at once.
 *
 * Collection of generations 0..g, in four phases:
 *   1. World stopped. Every heap's lists 0..g are moved to the collector's
 *      list (flag COLLECTING). gc_refs := the true reference count; then
 *      for every reference a collected object holds to another collected
 *      object (tp_traverse), gc_refs of the target -= 1. An object left
 *      with gc_refs > 0 is referred to from outside the set (a non-tracked
 *      object, a C local, a frame, a global, a merge queue): it and
 *      everything it reaches in the set are reachable. QSBR's pending items
 *      are all past their grace period while the world is stopped: the
 *      collector takes them over (a deferred decref of a collected object
 *      counts as the collector's own reference) and releases them when the
 *      world runs again. An explicit gc.collect() first does that alone,
 *      in a stop of its own, so that what the program dropped just before
 *      (also through opaque deferred frees, such as a cleared dict's old
 *      table) is seen dropped.
 *      The rest is unreachable: the collector takes a reference to each,
 *      and reachable objects go to generation g+1 of the collector's heap.
 *   2. World running. Finalizers (tp_finalize: __del__) run on the
 *      unreachable objects not finalized before (flag FINALIZED, set first:
 *      never twice).
 *   3. If any finalizer ran: world stopped again, and reachability is
 *      computed afresh inside the set, subtracting the collector's own
 *      references: whatever a finalizer made reachable (resurrected) and
 *      all it reaches are dropped from the garbage and moved back to the
 *      collector's heap.
 *   4. World running. tp_clear on each remaining object breaks the cycles,
 *      then the collector drops its references and the objects die the
 *      ordinary way (ft_dealloc untracks them). Anything still alive is
 *      moved back to the collector's heap.
 *
 * Why no reachable object is freed. gc_refs counts the references that do
 * not come from inside the set (traverse visits only owned references, so
 * each subtraction matches one counted reference). At phase 1 every thread
 * is stopped at a safe point, where it holds no uncounted pointer (QSBR's
 * rule: safe points are quiescent states; C code holds strong references
 * across calls into Python), so "gc_refs == 0 for all of a closed set"
 * means nothing outside reaches it. Counts read then are exact: the owner
 * and shared parts of biased counts are summed by ft_refcnt, and an object
 * in a merge queue still has that pending reference in its count, so it
 * counts as reachable (it is collected next time); a QSBR item taken over
 * is a reference the collector holds until phase 1 is over. An object
 * unreachable at phase 1 cannot become reachable except through code that
 * already reaches it, i.e. the finalizers of phase 2 (no weak references
 * exist, and ft_gc_for_each skips objects being collected); phase 3 finds
 * what they resurrected. Only then are references dropped, and only the
 * collector's own and those tp_clear removes, so nothing still referenced
 * from outside can reach count 0.
 *
 * Stopping the world (free-threaded builds only; with a GIL the collector
 * holds the GIL and phases 1 and 3 never release it). Each heap has an
 * `attached` word: 1 while its thread may touch objects. A thread detaches
 * around blocking calls (ft_gil_save) and when it parks; attaching stores
 * 1 and then checks `stw_requested`, backing off and waiting while it is
 * set. The collector detaches itself, sets stw_requested, sets the eval
 * breakers of all threads and waits until no other heap is attached. Both
 * sides store then load (sequentially consistent), so a thread either sees
 * the request or is seen attached and waited for. Parked threads suspend
 * their critical sections (release their object locks) as any detaching
 * thread does. Only one collection runs at a time: a second request
 * returns 0 at once instead of waiting.
 *
 * Why stopping cannot deadlock. The collector waits only for attached
 * threads, and an attached thread reaches a safe point or detaches unless
 * it waits on a lock whose holder does not. Locks an attached thread may
 * wait for: object locks (their holders release them when they park or
 * detach: critical sections are suspended), and leaf locks (heap locks,
 * merge queues, the refcount mutex, free lists), held only for a few
 * instructions by threads that are running. Blocking calls (lock.acquire,
 * join, sleep, I/O) detach, and so do the two waits for something a
 * parked thread may hold: FT_CRIT_LOCK (a module body runs under it) and
 * a new thread's start (it attaches, so it may be waiting for the world to
 * restart). The collector itself holds no object lock while it waits (it
 * has detached), and takes no lock that a stopped thread could hold during
 * phases 1 and 3 (heap locks and QSBR's registry lock are never held
 * across a safe point).
 */
#include "objects/object.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interp/frame.h"
#include "runtime/gil.h"
#include "runtime/tstate.h"

#define NGEN 3

struct FtGcHeap {
    FtMutex lock;
    FtGcHead gen[NGEN]; /* circular lists; the heads are sentinels */
    ssize_t young;      /* tracked minus untracked since gen 0 was collected */
    uint32_t attached;  /* stop-the-world state (free-threaded builds) */
    int in_use;         /* a live thread allocates into it */
    volatile uint32_t *breaker; /* its thread's eval breaker */
    FtGcHeap *next_heap;        /* the registry */
};

#if defined(FT_GIL_NONE)
#define HEAP_LOCK(h) ft_mutex_lock(&(h)->lock)
#define HEAP_UNLOCK(h) ft_mutex_unlock(&(h)->lock)
#else
#define HEAP_LOCK(h) ((void)(h))
#define HEAP_UNLOCK(h) ((void)(h))
#endif

static __thread FtGcHeap *heap_self;
/* For objects made by threads without a state (start-up, tests). */
static FtGcHeap global_heap;
/* The set being collected: only the collecting thread adds to it. */
static FtGcHeap collecting_heap;

static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static FtGcHeap *heaps; /* every heap but collecting_heap */

static int enabled = 1;
static long threshold[NGEN] = {700, 10, 10};
static long gen_count[NGEN]; /* [1], [2]: collections of the younger gen */
static uint32_t collecting;   /* 1 while a collection runs */
static uint32_t auto_pending; /* an automatic collection was asked for */
static uint64_t pause_last_ns, pause_total_ns, n_collections;
/* As CPython: a full collection waits until the objects promoted to the
 * oldest generation since the last one reach a quarter of those it left,
 * so that building a large structure costs linear time, not quadratic. */
static ssize_t long_lived_total, long_lived_pending;

#define LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define LOAD_SC(p) __atomic_load_n((p), __ATOMIC_SEQ_CST)
#define STORE_SC(p, v) __atomic_store_n((p), (v), __ATOMIC_SEQ_CST)

/* ---- lists ------------------------------------------------------------- */

FtObject *(*ft_gc_kill_weakrefs)(FtObject *op, FtObject *pending);
void (*ft_gc_run_weakref_callbacks)(FtObject *pending);

static void list_init(FtGcHead *l) { l->next = l->prev = l; }
static int list_empty(FtGcHead *l) { return l->next == l; }

static void list_append(FtGcHead *l, FtGcHead *g)
{
    g->prev = l->prev;
    g->next = l;
    l->prev->next = g;
    l->prev = g;
}

static void list_remove(FtGcHead *g)
{
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
}

/* Moves all of `from` to the end of `to`. */
static void list_splice(FtGcHead *to, FtGcHead *from)
{
    if (list_empty(from))
        return;
    from->next->prev = to->prev;
    to->prev->next = from->next;
    from->prev->next = to;
    to->prev = from->prev;
    list_init(from);
}

static void heap_init(FtGcHeap *h)
{
    for (int i = 0; i < NGEN; i++)
        list_init(&h->gen[i]);
}

static void registry_add(FtGcHeap *h)
{
    h->next_heap = heaps;
    heaps = h;
}

static FtGcHeap *current_heap(void)
{
    FtGcHeap *h = heap_self;
    return h != NULL ? h : &global_heap;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void gc_init_once(void)
{
    heap_init(&global_heap);
    global_heap.in_use = 1;
    heap_init(&collecting_heap);
    pthread_mutex_lock(&registry_mu);
    registry_add(&global_heap);
    pthread_mutex_unlock(&registry_mu);
}

/* ---- tracking ---------------------------------------------------------- */

static void request_auto(FtGcHeap *h)
{
    if (LOAD(&auto_pending) || !LOAD(&enabled) || LOAD(&collecting))
        return;
    STORE(&auto_pending, 1);
    if (h->breaker != NULL)
        __atomic_store_n(h->breaker, 1, __ATOMIC_RELAXED);
}

void ft_gc_track(FtObject *op)
{
    FtGcHead *g = FT_GC_HEAD(op);
    FtGcHeap *h = current_heap();
    if (__builtin_expect(h == &global_heap, 0))
        pthread_once(&init_once, gc_init_once);
    HEAP_LOCK(h);
    list_append(&h->gen[0], g);
    g->bits &= FT_GC_FINALIZED;
    STORE(&g->heap, h);
    ssize_t young = h->young + 1;
    STORE(&h->young, young);
    HEAP_UNLOCK(h);
    long th = LOAD(&threshold[0]);
    if (__builtin_expect(young > th, 0) && th > 0)
        request_auto(h);
}

/* Locks and returns the heap op is in, or NULL if it is not tracked. */
static FtGcHeap *lock_heap_of(FtGcHead *g)
{
    for (;;) {
        FtGcHeap *h = LOAD(&g->heap);
        if (h == NULL)
            return NULL;
        HEAP_LOCK(h);
        if (LOAD(&g->heap) == h)
            return h;
        HEAP_UNLOCK(h);
    }
}

void ft_gc_untrack(FtObject *op)
{
    FtGcHead *g = FT_GC_HEAD(op);
    FtGcHeap *h = lock_heap_of(g);
    if (h == NULL)
        return;
    list_remove(g);
    STORE(&g->heap, NULL);
    /* as CPython: deallocations only cancel allocations since the last
     * collection, so a large structure freed at once does not delay the
     * next collection */
    if (h->young > 0)
        STORE(&h->young, h->young - 1);
    HEAP_UNLOCK(h);
}

/* An object with a pre-header: a type whose instances have one, except
 * the statically allocated types (instances of `type` are heap types when
 * allocated, and then they have it). */
static inline int is_gc(FtObject *op)
{
    FtType *t = FT_TYPE(op);
    if (!(t->tp_flags & FT_TPFLAGS_HAVE_GC))
        return 0;
    return !(t->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) ||
           (((FtType *)op)->tp_flags & FT_TPFLAGS_HEAPTYPE);
}

/* ---- stopping the world -------------------------------------------------- */

#if defined(FT_GIL_NONE)

static pthread_mutex_t stw_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t stw_cv = PTHREAD_COND_INITIALIZER;
static uint32_t stw_requested;

static void wake_collector(void)
{
    pthread_mutex_lock(&stw_mu);
    pthread_cond_broadcast(&stw_cv);
    pthread_mutex_unlock(&stw_mu);
}

void ft_gc_detach(void)
{
    FtGcHeap *h = heap_self;
    if (h == NULL)
        return;
    STORE_SC(&h->attached, 0);
    if (LOAD_SC(&stw_requested))
        wake_collector();
}

void ft_gc_attach(void)
{
    FtGcHeap *h = heap_self;
    if (h == NULL)
        return;
    for (;;) {
        STORE_SC(&h->attached, 1);
        if (!LOAD_SC(&stw_requested))
            return;
        STORE_SC(&h->attached, 0);
        pthread_mutex_lock(&stw_mu);
        pthread_cond_broadcast(&stw_cv);
        while (LOAD_SC(&stw_requested))
            pthread_cond_wait(&stw_cv, &stw_mu);
        pthread_mutex_unlock(&stw_mu);
    }
}

/* 1 while some heap other than self's is attached; sets their breakers. */
static int others_attached(FtGcHeap *self)
{
    int any = 0;
    pthread_mutex_lock(&registry_mu);
    for (FtGcHeap *h = heaps; h != NULL; h = h->next_heap) {
        if (h == self || !LOAD_SC(&h->attached))
            continue;
        any = 1;
        if (h->breaker != NULL)
            __atomic_store_n(h->breaker, 1, __ATOMIC_RELAXED);
    }
    pthread_mutex_unlock(&registry_mu);
    return any;
}

/* The calling thread is detached (ft_gil_save) when these run. */
static void world_stop(void)
{
    pthread_mutex_lock(&stw_mu);
    STORE_SC(&stw_requested, 1);
    while (others_attached(heap_self)) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        t.tv_nsec += 1000000;
        if (t.tv_nsec >= 1000000000) {
            t.tv_sec++;
            t.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&stw_cv, &stw_mu, &t);
    }
    pthread_mutex_unlock(&stw_mu);
}

static void world_start(void)
{
    pthread_mutex_lock(&stw_mu);
    STORE_SC(&stw_requested, 0);
    pthread_cond_broadcast(&stw_cv);
    pthread_mutex_unlock(&stw_mu);
}

/* Around a collection: the collector stops counting as attached. */
static FtThreadState *collector_detach(void) { return ft_gil_save(); }
static void collector_attach(FtThreadState *ts) { ft_gil_restore(ts); }

static int park_if_requested(FtThreadState *ts)
{
    if (!LOAD_SC(&stw_requested))
        return 0;
    FtThreadState *saved = ft_gil_save();
    ft_gil_restore(saved);
    (void)ts;
    return 1;
}

#else /* with a GIL: the collector holds it, nobody else runs */

void ft_gc_detach(void) {}
void ft_gc_attach(void) {}
static void world_stop(void) {}
static void world_start(void) {}
static FtThreadState *collector_detach(void) { return NULL; }
static void collector_attach(FtThreadState *ts) { (void)ts; }
static int park_if_requested(FtThreadState *ts)
{
    (void)ts;
    return 0;
}

#endif

/* ---- threads ------------------------------------------------------------- */

void ft_gc_thread_init(FtThreadState *ts)
{
    (void)ts;
    pthread_once(&init_once, gc_init_once);
    FtGcHeap *h = NULL;
    pthread_mutex_lock(&registry_mu);
    for (FtGcHeap *p = heaps; p != NULL; p = p->next_heap) {
        if (!p->in_use) {
            h = p;
            break;
        }
    }
    if (h == NULL && (h = calloc(1, sizeof *h)) != NULL) {
        heap_init(h);
        registry_add(h);
    }
    if (h != NULL) {
        h->in_use = 1;
        h->breaker = ft_eval_breaker_ptr();
    }
    pthread_mutex_unlock(&registry_mu);
    heap_self = h; /* NULL (no memory): the global heap, never parked */
    ft_gc_attach();
}

void ft_gc_thread_exit(FtThreadState *ts)
{
    (void)ts;
    FtGcHeap *h = heap_self;
    if (h == NULL)
        return;
    ft_gc_detach();
    heap_self = NULL;
    pthread_mutex_lock(&registry_mu);
    h->in_use = 0;
    h->breaker = NULL;
    pthread_mutex_unlock(&registry_mu);
}

/* ---- the collection ------------------------------------------------------ */

#define REFS_ONE ((uintptr_t)1 << FT_GC_FLAG_BITS)
#define REFS(g) ((g)->bits >> FT_GC_FLAG_BITS)

static int visit_decref(FtObject *op, void *arg)
{
    (void)arg;
    if (is_gc(op)) {
        FtGcHead *g = FT_GC_HEAD(op);
        if ((g->bits & FT_GC_COLLECTING) && REFS(g) > 0)
            g->bits -= REFS_ONE;
    }
    return 0;
}

/* Moves newly reached members of the set to the end of `arg` (a list). */
static int visit_reachable(FtObject *op, void *arg)
{
    if (is_gc(op)) {
        FtGcHead *g = FT_GC_HEAD(op);
        if ((g->bits & (FT_GC_COLLECTING | FT_GC_REACHABLE)) ==
            FT_GC_COLLECTING) {
            g->bits |= FT_GC_REACHABLE;
            list_remove(g);
            list_append((FtGcHead *)arg, g);
        }
    }
    return 0;
}

static void traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    ft_traverseproc tr = FT_TYPE(op)->tp_traverse;
    if (tr != NULL)
        tr(op, visit, arg);
}

/* The core: `set` holds the candidates (flag COLLECTING, gc_refs set).
 * Leaves the unreachable ones in `set`; the reachable ones go to the end
 * of generation `gen` of heap `dest`, their collection flags cleared.
 * Returns how many were reachable. */
static ssize_t split_reachable(FtGcHead *set, FtGcHeap *dest, int gen)
{
    FtGcHead reachable;
    list_init(&reachable);
    for (FtGcHead *g = set->next; g != set; g = g->next)
        traverse(FT_GC_OBJ(g), visit_decref, NULL);
    FtGcHead *g = set->next;
    while (g != set) {
        FtGcHead *next = g->next;
        if (REFS(g) > 0) {
            g->bits |= FT_GC_REACHABLE;
            list_remove(g);
            list_append(&reachable, g);
        }
        g = next;
    }
    /* Once scanned, an object needs no flag: visit_reachable only moves
     * objects that are COLLECTING and not yet REACHABLE. */
    ssize_t n = 0;
    for (g = reachable.next; g != &reachable; g = g->next) {
        traverse(FT_GC_OBJ(g), visit_reachable, &reachable);
        g->bits &= FT_GC_FINALIZED;
        STORE(&g->heap, dest);
        n++;
    }
    HEAP_LOCK(dest);
    list_splice(&dest->gen[gen], &reachable);
    HEAP_UNLOCK(dest);
    return n;
}

static void set_refs(FtGcHead *g, ssize_t refs)
{
    g->bits = (g->bits & (FT_GC_FINALIZED | FT_GC_COLLECTING)) |
              ((uintptr_t)(refs > 0 ? refs : 0) << FT_GC_FLAG_BITS);
}

/* Moves every object of `from` into heap `to`, generation gen, clearing the
 * collection flags. Called with the world stopped or with from's objects
 * reachable only by the collector. */
static void move_to_heap(FtGcHead *from, FtGcHeap *to, int gen)
{
    HEAP_LOCK(&collecting_heap);
    HEAP_LOCK(to);
    for (FtGcHead *g = from->next; g != from; g = g->next) {
        g->bits &= FT_GC_FINALIZED;
        STORE(&g->heap, to);
    }
    list_splice(&to->gen[gen], from);
    HEAP_UNLOCK(to);
    HEAP_UNLOCK(&collecting_heap);
}

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

typedef struct {
    FtObject **items;
    size_t n;
    /* Deferred releases taken from QSBR with the world stopped: the
     * collector now owns those references and drops them afterwards. */
    FtQsbrTaken *taken;
} Garbage;

static void visit_taken(FtObject *op, void *arg)
{
    visit_decref(op, arg);
}

/* Phase 1 (world stopped): returns the unreachable objects, each with a
 * reference taken, still in collecting_heap's list 0. */
static void find_garbage(int gen, FtGcHeap *dest, Garbage *out)
{
    FtGcHead *set = &collecting_heap.gen[0];
    HEAP_LOCK(&collecting_heap);
    pthread_mutex_lock(&registry_mu);
    for (FtGcHeap *h = heaps; h != NULL; h = h->next_heap) {
        HEAP_LOCK(h);
        for (int i = 0; i <= gen; i++)
            list_splice(set, &h->gen[i]);
        STORE(&h->young, 0);
        HEAP_UNLOCK(h);
    }
    pthread_mutex_unlock(&registry_mu);
    /* Nobody else runs: the heap pointers can change without the old
     * heaps' locks. */
    ssize_t total = 0;
    for (FtGcHead *g = set->next; g != set; g = g->next) {
        STORE(&g->heap, &collecting_heap);
        g->bits = (g->bits & FT_GC_FINALIZED) | FT_GC_COLLECTING;
        set_refs(g, ft_refcnt(FT_GC_OBJ(g)));
        total++;
    }
    out->taken = ft_qsbr_take_all(visit_taken, NULL);
    ssize_t survivors =
        split_reachable(set, dest, gen + 1 < NGEN ? gen + 1 : NGEN - 1);
    HEAP_UNLOCK(&collecting_heap);
    if (gen == NGEN - 1) {
        long_lived_total = survivors;
        long_lived_pending = 0;
    } else if (gen == NGEN - 2) {
        long_lived_pending += survivors;
    }
    size_t n = (size_t)(total - survivors);
    out->items = NULL;
    out->n = 0;
    if (n == 0)
        return;
    out->items = malloc(n * sizeof *out->items);
    if (out->items == NULL) {
        /* No room to hold them: collect nothing this time. */
        move_to_heap(set, dest, NGEN - 1);
        return;
    }
    for (FtGcHead *g = set->next; g != set; g = g->next) {
        FtObject *op = FT_GC_OBJ(g);
        FT_INCREF(op);
        out->items[out->n++] = op;
    }
}

int ft_gc_in_garbage(FtObject *op)
{
    return is_gc(op) && LOAD(&FT_GC_HEAD(op)->heap) == &collecting_heap;
}

/* Phase 2 (world running): 1 if some finalizer ran. */
static int run_finalizers(Garbage *gb)
{
    int ran = 0;
    for (size_t i = 0; i < gb->n; i++) {
        FtObject *op = gb->items[i];
        FtGcHead *g = FT_GC_HEAD(op);
        ft_inquiry fin = FT_TYPE(op)->tp_finalize;
        if (fin == NULL || (g->bits & FT_GC_FINALIZED))
            continue;
        g->bits |= FT_GC_FINALIZED;
        if (fin(op))
            ran = 1;
    }
    return ran;
}

/* Phase 3 (world stopped): moves what finalizers resurrected (and all
 * it reaches) back to `dest` and out of gb (into *back, whose references
 * the caller drops). Returns how many. */
static size_t drop_resurrected(Garbage *gb, FtGcHeap *dest, FtObject **back)
{
    FtGcHead *set = &collecting_heap.gen[0];
    HEAP_LOCK(&collecting_heap);
    for (FtGcHead *g = set->next; g != set; g = g->next) {
        g->bits = (g->bits & FT_GC_FINALIZED) | FT_GC_COLLECTING;
        set_refs(g, ft_refcnt(FT_GC_OBJ(g)) - 1); /* minus the collector's */
    }
    gb->taken = ft_qsbr_take_all(visit_taken, NULL);
    split_reachable(set, dest, NGEN - 1);
    HEAP_UNLOCK(&collecting_heap);
    size_t n = 0;
    for (size_t i = 0; i < gb->n; i++) {
        if (LOAD(&FT_GC_HEAD(gb->items[i])->heap) != &collecting_heap) {
            back[n++] = gb->items[i];
            gb->items[i] = NULL;
        }
    }
    return n;
}

/* Free-threaded builds: what the program dropped just before an explicit
 * gc.collect() may still wait in QSBR queues, and the references held by
 * deferred frees (a cleared dict's old table) are opaque. With the world
 * stopped every item is past its grace period: take them all and release
 * them first, so that the collection sees what the program sees. */
#if defined(FT_GIL_NONE)
static void visit_nothing(FtObject *op, void *arg)
{
    (void)op, (void)arg;
}
#endif

/* Returns how long the world was stopped. */
static uint64_t flush_deferred(void)
{
#if defined(FT_GIL_NONE)
    FtThreadState *ts = collector_detach();
    uint64_t t0 = now_ns();
    world_stop();
    FtQsbrTaken *taken = ft_qsbr_take_all(visit_nothing, NULL);
    world_start();
    uint64_t pause = now_ns() - t0;
    collector_attach(ts);
    ft_qsbr_release_taken(taken);
    return pause;
#else
    return 0;
#endif
}

static ssize_t collect(int gen, int explicit)
{
    FtGcHeap *dest = current_heap();
    Garbage gb;
    uint64_t flushed = explicit ? flush_deferred() : 0;
    FtThreadState *ts = collector_detach();
    uint64_t t0 = now_ns();
    world_stop();
    find_garbage(gen, dest, &gb);
    FtObject *wr_pending = NULL;
    for (size_t i = 0; ft_gc_kill_weakrefs != NULL && i < gb.n; i++)
        wr_pending = ft_gc_kill_weakrefs(gb.items[i], wr_pending);
    world_start();
    uint64_t pause = now_ns() - t0 + flushed;
    collector_attach(ts);
    ft_qsbr_release_taken(gb.taken);
    if (wr_pending != NULL)
        ft_gc_run_weakref_callbacks(wr_pending);

    ssize_t found = (ssize_t)gb.n;
    FtObject *saved = ft_err_fetch();
    if (gb.n > 0 && run_finalizers(&gb)) {
        FtObject **back = malloc(gb.n * sizeof *back);
        size_t nback = 0;
        ts = collector_detach();
        t0 = now_ns();
        world_stop();
        gb.taken = NULL;
        if (back != NULL)
            nback = drop_resurrected(&gb, dest, back);
        world_start();
        pause += now_ns() - t0;
        collector_attach(ts);
        ft_qsbr_release_taken(gb.taken);
        if (back == NULL) {
            /* Cannot tell what was resurrected: clear nothing. */
            for (size_t i = 0; i < gb.n; i++)
                FT_CLEAR(gb.items[i]);
        }
        for (size_t i = 0; i < nback; i++)
            FT_DECREF(back[i]);
        free(back);
    }
    for (size_t i = 0; i < gb.n; i++) {
        FtObject *op = gb.items[i];
        if (op == NULL)
            continue;
        ft_inquiry clear = FT_TYPE(op)->tp_clear;
        if (clear != NULL && FT_GC_HEAD(op)->heap == &collecting_heap)
            (void)clear(op);
    }
    for (size_t i = 0; i < gb.n; i++)
        FT_XDECREF(gb.items[i]);
    free(gb.items);
    /* Survivors of tp_clear (a cycle no clear slot breaks) go back. */
    FtGcHead rest;
    list_init(&rest);
    HEAP_LOCK(&collecting_heap);
    list_splice(&rest, &collecting_heap.gen[0]);
    for (FtGcHead *g = rest.next; g != &rest; g = g->next)
        STORE(&g->heap, &collecting_heap);
    HEAP_UNLOCK(&collecting_heap);
    move_to_heap(&rest, current_heap(), NGEN - 1);
    ft_err_restore(saved);

    STORE(&pause_last_ns, pause);
    STORE(&pause_total_ns, LOAD(&pause_total_ns) + pause);
    STORE(&n_collections, LOAD(&n_collections) + 1);
    return found;
}

/* The oldest generation whose count passed its threshold. */
static int auto_generation(void)
{
    for (int i = NGEN - 1; i > 0; i--) {
        long th = LOAD(&threshold[i]);
        if (LOAD(&gen_count[i]) < th || th <= 0)
            continue;
        if (i == NGEN - 1 && long_lived_pending < long_lived_total / 4)
            continue;
        return i;
    }
    return 0;
}

/* gen < 0: the automatic choice. */
static ssize_t collect_locked(int gen)
{
    uint32_t expected = 0;
    if (!__atomic_compare_exchange_n(&collecting, &expected, 1, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
        return 0;
    pthread_once(&init_once, gc_init_once);
    int explicit = gen >= 0;
    if (gen < 0)
        gen = auto_generation();
    ssize_t n = collect(gen, explicit);
    if (gen + 1 < NGEN)
        STORE(&gen_count[gen + 1], LOAD(&gen_count[gen + 1]) + 1);
    for (int i = 1; i <= gen; i++)
        STORE(&gen_count[i], 0);
    __atomic_store_n(&collecting, 0, __ATOMIC_RELEASE);
    return n;
}

ssize_t ft_gc_collect(int generation)
{
    if (generation < 0)
        generation = 0;
    if (generation >= NGEN)
        generation = NGEN - 1;
    return collect_locked(generation);
}

int ft_gc_safe_point(FtThreadState *ts)
{
    park_if_requested(ts);
    if (LOAD(&auto_pending)) {
        STORE(&auto_pending, 0);
        if (LOAD(&enabled) && LOAD(&threshold[0]) > 0)
            collect_locked(-1);
    }
    return 0;
}

/* ---- settings ------------------------------------------------------------ */

void ft_gc_enable(int on) { STORE(&enabled, on ? 1 : 0); }
int ft_gc_isenabled(void) { return LOAD(&enabled); }

void ft_gc_set_threshold(const long th[NGEN])
{
    for (int i = 0; i < NGEN; i++)
        STORE(&threshold[i], th[i]);
}

void ft_gc_get_threshold(long th[NGEN])
{
    for (int i = 0; i < NGEN; i++)
        th[i] = LOAD(&threshold[i]);
}

void ft_gc_get_count(long counts[NGEN])
{
    long young = 0;
    pthread_mutex_lock(&registry_mu);
    for (FtGcHeap *h = heaps; h != NULL; h = h->next_heap)
        young += (long)LOAD(&h->young);
    pthread_mutex_unlock(&registry_mu);
    counts[0] = young > 0 ? young : 0;
    counts[1] = LOAD(&gen_count[1]);
    counts[2] = LOAD(&gen_count[2]);
}

void ft_gc_pause_stats(uint64_t *last_ns, uint64_t *total_ns,
                       uint64_t *collections)
{
    *last_ns = LOAD(&pause_last_ns);
    *total_ns = LOAD(&pause_total_ns);
    *collections = LOAD(&n_collections);
}

void ft_gc_for_each(void (*fn)(FtObject *op, void *arg), void *arg)
{
    uint32_t expected = 0;
    if (!__atomic_compare_exchange_n(&collecting, &expected, 1, 0,
                                     __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
        return;
    pthread_once(&init_once, gc_init_once);
    FtThreadState *ts = collector_detach();
    world_stop();
    pthread_mutex_lock(&registry_mu);
    for (FtGcHeap *h = heaps; h != NULL; h = h->next_heap)
        for (int i = 0; i < NGEN; i++)
            for (FtGcHead *g = h->gen[i].next; g != &h->gen[i]; g = g->next)
                fn(FT_GC_OBJ(g), arg);
    pthread_mutex_unlock(&registry_mu);
    world_start();
    collector_attach(ts);
    __atomic_store_n(&collecting, 0, __ATOMIC_RELEASE);
}
