/* tests/unit/test_refcount.c — reference counting in the configured variant
 * (runtime/refcount.h, refcount.c, biased.c). Every build: counts, dealloc
 * exactly once, the X / CLEAR / SETREF / NEWREF helpers, immortality, the
 * debug total. Thread-safe variants (mutex, atomic, biased) also: threads
 * hammering one object with INCREF/DECREF pairs, and objects released by a
 * thread other than the one that created them — with the owner alive and
 * merging, exited, exiting with a full merge queue, or racing the release.
 */
#include <CUnit/Basic.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>

#include "objects/object.h"
#include "runtime/tstate.h"

/* ---- a test type whose destructor counts ------------------------------------ */

typedef struct {
    FT_OBJECT_HEAD
    ft_atomic_t deallocs; /* times tp_dealloc ran on this object */
} RcObj;

static ft_atomic_t rc_deallocs; /* over all RcObjs */
/* FT_CLEAR / FT_SETREF tests: the variable the destructor looks at. */
static FtObject *volatile *rc_watch;
static FtObject *rc_watch_seen;

/* Leaves the memory to the test, so that a second dealloc is counted
 * instead of being a use after free. */
static void rc_dealloc(FtObject *op)
{
    ft_atomic_add(&((RcObj *)op)->deallocs, 1);
    ft_atomic_add(&rc_deallocs, 1);
    if (rc_watch != NULL)
        rc_watch_seen = *rc_watch;
}

static FtType rc_type = {
    .tp_name = "rc_probe",
    .tp_basicsize = sizeof(RcObj),
    .tp_dealloc = rc_dealloc,
};

static RcObj *rc_new(void)
{
    RcObj *o = (RcObj *)calloc(1, sizeof *o);
    o->ob_base.ob_type = &rc_type;
    ft_rc_init((FtObject *)o);
    return o;
}

static size_t deallocs_of(RcObj *o)
{
    return (size_t)ft_atomic_load(&o->deallocs);
}

/* ---- single thread ------------------------------------------------------------ */

static void test_counts_and_dealloc(void)
{
    RcObj *o = rc_new();
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 1);
    FT_INCREF(o);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 2);
    CU_ASSERT_PTR_EQUAL(FT_NEWREF(o), (FtObject *)o);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 3);
    FT_DECREF(o);
    FT_DECREF(o);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 1);
    CU_ASSERT_EQUAL(deallocs_of(o), 0);
    FT_DECREF(o);
    CU_ASSERT_EQUAL(deallocs_of(o), 1);
    free(o);
}

static void test_helpers(void)
{
    FtObject *volatile var = NULL;
    FT_XINCREF(var); /* no-ops on NULL */
    FT_XDECREF(var);
    FT_CLEAR(var);
    CU_ASSERT_PTR_NULL(var);

    RcObj *a = rc_new(), *b = rc_new();
    var = (FtObject *)a;
    FT_XINCREF(var);
    FT_XDECREF(var);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)a), 1);

    /* FT_CLEAR empties the variable before the destructor runs. */
    rc_watch = &var;
    rc_watch_seen = (FtObject *)a;
    FT_CLEAR(var);
    CU_ASSERT_PTR_NULL(var);
    CU_ASSERT_EQUAL(deallocs_of(a), 1);
    CU_ASSERT_PTR_NULL(rc_watch_seen);

    /* FT_SETREF stores the new value before dropping the old one. */
    var = (FtObject *)rc_new();
    RcObj *old = (RcObj *)var;
    FT_SETREF(var, (FtObject *)b);
    CU_ASSERT_EQUAL(deallocs_of(old), 1);
    CU_ASSERT_PTR_EQUAL(rc_watch_seen, (FtObject *)b);
    CU_ASSERT_EQUAL(deallocs_of(b), 0);
    rc_watch = NULL;
    FT_DECREF(b);
    CU_ASSERT_EQUAL(deallocs_of(b), 1);
    free(a);
    free(b);
    free(old);
}

static void test_many_pairs_one_thread(void)
{
    RcObj *o = rc_new();
    for (int i = 0; i < 1000000; i++) {
        FT_INCREF(o);
        FT_DECREF(o);
    }
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 1);
    CU_ASSERT_EQUAL(deallocs_of(o), 0);
    FT_DECREF(o);
    CU_ASSERT_EQUAL(deallocs_of(o), 1);
    free(o);
}

static void test_static_init(void)
{
    RcObj *o = (RcObj *)calloc(1, sizeof *o);
    o->ob_base.ob_type = &rc_type;
    ft_rc_init_static((FtObject *)o);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 1);
    FT_INCREF(o);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 2);
    FT_DECREF(o);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 1);
    /* A static's own reference is outside the debug total and never
     * dropped. */
    CU_ASSERT_EQUAL(deallocs_of(o), 0);
    free(o);
}

static void test_immortal(void)
{
#ifdef FT_DEBUG
    ssize_t total = ft_rc_total;
#endif
    RcObj *o = rc_new();
    FT_INCREF(o);
    ft_rc_make_immortal((FtObject *)o);
#ifdef FT_IMMORTAL
    CU_ASSERT(FT_IS_IMMORTAL(o));
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), (ssize_t)UINT32_MAX);
    for (int i = 0; i < 1000; i++)
        FT_DECREF(o);
    for (int i = 0; i < 10; i++)
        FT_INCREF(o);
    CU_ASSERT(FT_IS_IMMORTAL(o));
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), (ssize_t)UINT32_MAX);
    CU_ASSERT_EQUAL(deallocs_of(o), 0);
#ifdef FT_DEBUG
    CU_ASSERT_EQUAL(ft_rc_total, total); /* its references were forgiven */
#endif
    free(o); /* never deallocated: an immortal's memory is the owner's */
#else
    /* Without --enable-immortal the call changes nothing. */
    CU_ASSERT(!FT_IS_IMMORTAL(o));
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 2);
    FT_DECREF(o);
    FT_DECREF(o);
    CU_ASSERT_EQUAL(deallocs_of(o), 1);
#ifdef FT_DEBUG
    CU_ASSERT_EQUAL(ft_rc_total, total);
#endif
    free(o);
#endif
}

static void test_debug_total(void)
{
#ifdef FT_DEBUG
    ssize_t total = ft_rc_total;
    RcObj *o = rc_new();
    CU_ASSERT_EQUAL(ft_rc_total, total + 1);
    FT_INCREF(o);
    CU_ASSERT_EQUAL(ft_rc_total, total + 2);
    FT_DECREF(o);
    FT_DECREF(o);
    CU_ASSERT_EQUAL(ft_rc_total, total);
    free(o);
#else
    CU_PASS("no reference total without --enable-debug");
#endif
}

/* ---- threads (thread-safe variants only) -------------------------------------- */

#if defined(FT_REFCOUNT_MUTEX) || defined(FT_REFCOUNT_ATOMIC) ||               \
    defined(FT_REFCOUNT_BIASED)

#define PAIRS 1000000
#define HANDOFF 20000 /* objects per cross-thread test */

static FtThreadState *thread_enter(void)
{
    FtThreadState *ts = ft_tstate_new();
    ft_rc_thread_init(ts);
    return ts;
}

static void thread_leave(FtThreadState *ts)
{
    ft_rc_thread_exit(ts);
    ft_tstate_delete(ts);
}

/* A reusable rendezvous (also a happens-before edge for the tests' own
 * plain data). */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int phase;
} Phase;
#define PHASE_INIT {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0}

static void phase_set(Phase *p, int phase)
{
    pthread_mutex_lock(&p->mu);
    p->phase = phase;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

static void phase_wait(Phase *p, int phase)
{
    pthread_mutex_lock(&p->mu);
    while (p->phase < phase)
        pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Merges the caller's queue until `want` RcObj deallocations have been
 * counted since `base`, or 30 s pass. 1 on success. */
static int merge_until(FtThreadState *ts, size_t base, size_t want)
{
    double deadline = now_seconds() + 30;
    while ((size_t)ft_atomic_load(&rc_deallocs) - base < want) {
        ft_rc_merge_queue(ts);
        if (now_seconds() > deadline)
            return 0;
        sched_yield();
    }
    return 1;
}

static int all_deallocated_once(RcObj **objs, int n)
{
    int ok = 1;
    for (int i = 0; i < n; i++)
        ok &= deallocs_of(objs[i]) == 1;
    return ok;
}

static void free_all(RcObj **objs, int n)
{
    for (int i = 0; i < n; i++)
        free(objs[i]);
    free(objs);
}

/* -- many threads, one object -- */

typedef struct {
    RcObj *obj;
    pthread_barrier_t *start;
} PairsArg;

static void *pairs_worker(void *p)
{
    PairsArg *a = (PairsArg *)p;
    FtThreadState *ts = thread_enter();
    pthread_barrier_wait(a->start);
    for (int i = 0; i < PAIRS; i++) {
        FT_INCREF(a->obj);
        FT_DECREF(a->obj);
    }
    thread_leave(ts);
    return NULL;
}

static void run_pairs(int nthreads)
{
    RcObj *o = rc_new(); /* owned by this (main) thread when biased */
    FT_INCREF(o);
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, (unsigned)nthreads + 1);
    pthread_t tid[8];
    PairsArg arg = {o, &start};
    for (int i = 0; i < nthreads; i++)
        pthread_create(&tid[i], NULL, pairs_worker, &arg);
    pthread_barrier_wait(&start);
    /* The owner joins in, on its fast path. */
    size_t early = 0;
    for (int i = 0; i < PAIRS; i++) {
        FT_INCREF(o);
        FT_DECREF(o);
        early |= deallocs_of(o);
    }
    CU_ASSERT_EQUAL(early, 0);
    for (int i = 0; i < nthreads; i++)
        pthread_join(tid[i], NULL);
    pthread_barrier_destroy(&start);
    ft_rc_merge_queue(ft_tstate_get());
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 2);
    CU_ASSERT_EQUAL(deallocs_of(o), 0);
    FT_DECREF(o);
    FT_DECREF(o);
    ft_rc_merge_queue(ft_tstate_get());
    CU_ASSERT_EQUAL(deallocs_of(o), 1);
    free(o);
}

static void test_pairs_2_threads(void) { run_pairs(2); }
static void test_pairs_4_threads(void) { run_pairs(4); }

/* Immortal objects are shared read-only: nobody writes their count. */
static void test_pairs_immortal(void)
{
#ifdef FT_IMMORTAL
    RcObj *o = rc_new();
    ft_rc_make_immortal((FtObject *)o);
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, 3);
    pthread_t tid[2];
    PairsArg arg = {o, &start};
    for (int i = 0; i < 2; i++)
        pthread_create(&tid[i], NULL, pairs_worker, &arg);
    pthread_barrier_wait(&start);
    for (int i = 0; i < 2; i++)
        pthread_join(tid[i], NULL);
    pthread_barrier_destroy(&start);
    CU_ASSERT(FT_IS_IMMORTAL(o));
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), (ssize_t)UINT32_MAX);
    CU_ASSERT_EQUAL(deallocs_of(o), 0);
    free(o);
#else
    CU_PASS("no immortal objects without --enable-immortal");
#endif
}

/* -- created in one thread, released in another -- */

typedef struct {
    RcObj **objs;
    Phase phase;
    int owner_refs; /* references the creator holds per object (>= 1) */
    int given;      /* of which it hands this many to the receiver */
    int owner_stays; /* creator merges until all are freed, then leaves */
    size_t base;     /* rc_deallocs before the test */
    int merged_ok;
} Handoff;

static void *creator(void *p)
{
    Handoff *h = (Handoff *)p;
    FtThreadState *ts = thread_enter();
    for (int i = 0; i < HANDOFF; i++) {
        h->objs[i] = rc_new();
        for (int k = 1; k < h->owner_refs; k++)
            FT_INCREF(h->objs[i]);
    }
    phase_set(&h->phase, 1); /* objects published */
    phase_wait(&h->phase, 2);
    for (int i = 0; i < HANDOFF; i++)
        for (int k = h->given; k < h->owner_refs; k++)
            FT_DECREF(h->objs[i]);
    if (h->owner_stays)
        h->merged_ok = merge_until(ts, h->base, HANDOFF);
    phase_wait(&h->phase, 3);
    thread_leave(ts); /* merges whatever is still queued */
    return NULL;
}

/* The creator makes HANDOFF objects holding owner_refs references to each
 * and hands `given` of them to us; we add other_refs of our own with
 * INCREF, then drop all ours — after the creator dropped its remaining
 * ones, or (race) at the same time. */
static void run_handoff(int owner_refs, int given, int other_refs,
                        int owner_stays, int race)
{
    Handoff h = {.phase = PHASE_INIT,
                 .owner_refs = owner_refs,
                 .given = given,
                 .owner_stays = owner_stays};
    h.objs = (RcObj **)calloc(HANDOFF, sizeof *h.objs);
    h.base = (size_t)ft_atomic_load(&rc_deallocs);
    pthread_t t;
    pthread_create(&t, NULL, creator, &h);
    phase_wait(&h.phase, 1);
    for (int i = 0; i < HANDOFF; i++)
        for (int k = 0; k < other_refs; k++)
            FT_INCREF(h.objs[i]);
    if (race)
        phase_set(&h.phase, 2);
    for (int i = 0; i < HANDOFF; i++)
        for (int k = 0; k < given + other_refs; k++)
            FT_DECREF(h.objs[i]);
    if (!race)
        phase_set(&h.phase, 2);
    phase_set(&h.phase, 3);
    pthread_join(t, NULL);
    if (owner_stays)
        CU_ASSERT(h.merged_ok);
    CU_ASSERT_EQUAL((size_t)ft_atomic_load(&rc_deallocs) - h.base, HANDOFF);
    CU_ASSERT(all_deallocated_once(h.objs, HANDOFF));
    free_all(h.objs, HANDOFF);
}

/* The creator's only reference goes to the other thread, which drops it;
 * the creator stays alive and merges (biased: every object goes through
 * the creator's merge queue). */
static void test_release_elsewhere_owner_merges(void)
{
    run_handoff(1, 1, 0, 1, 0);
}

/* The creator keeps a second reference, drops it after the other side has
 * queued the object, then exits without merging: its exit drains the
 * queue. */
static void test_release_elsewhere_owner_exits(void)
{
    run_handoff(2, 1, 0, 0, 0);
}

/* The other side takes its own reference; then the creator drops its only
 * one while the other side drops its (biased: the owner's local count
 * reaching 0 races the shared decrement, and either thread may free). */
static void test_release_racing(void) { run_handoff(1, 0, 1, 1, 1); }

/* Both: a handed-over reference and an own one, released while the creator
 * releases its second one. */
static void test_release_racing_queued(void) { run_handoff(2, 1, 1, 1, 1); }

/* The creator is gone before anyone releases its objects (biased: the
 * releasing thread finds no owner and merges them itself). */
static void *create_and_exit(void *p)
{
    RcObj **objs = (RcObj **)p;
    FtThreadState *ts = thread_enter();
    for (int i = 0; i < HANDOFF; i++)
        objs[i] = rc_new();
    thread_leave(ts);
    return NULL;
}

static void test_release_after_owner_exit(void)
{
    RcObj **objs = (RcObj **)calloc(HANDOFF, sizeof *objs);
    size_t base = (size_t)ft_atomic_load(&rc_deallocs);
    pthread_t t;
    pthread_create(&t, NULL, create_and_exit, objs);
    pthread_join(t, NULL);
    for (int i = 0; i < HANDOFF; i++) {
        FT_INCREF(objs[i]);
        CU_ASSERT_EQUAL(ft_refcnt((FtObject *)objs[i]), 2);
        FT_DECREF(objs[i]);
        FT_DECREF(objs[i]);
    }
    CU_ASSERT_EQUAL((size_t)ft_atomic_load(&rc_deallocs) - base, HANDOFF);
    CU_ASSERT(all_deallocated_once(objs, HANDOFF));
    free_all(objs, HANDOFF);
}

/* ft_refcnt is the logical total (local + shared when biased), seen from
 * any thread. */
typedef struct {
    RcObj *obj;
    ssize_t seen;
} CountArg;

static void *count_elsewhere(void *p)
{
    CountArg *a = (CountArg *)p;
    FtThreadState *ts = thread_enter();
    FT_INCREF(a->obj);
    FT_INCREF(a->obj);
    a->seen = ft_refcnt((FtObject *)a->obj);
    FT_DECREF(a->obj);
    thread_leave(ts);
    return NULL;
}

static void test_refcnt_is_total(void)
{
    RcObj *o = rc_new();
    FT_INCREF(o);
    CountArg a = {o, 0};
    pthread_t t;
    pthread_create(&t, NULL, count_elsewhere, &a);
    pthread_join(t, NULL);
    CU_ASSERT_EQUAL(a.seen, 4);
    CU_ASSERT_EQUAL(ft_refcnt((FtObject *)o), 3);
    FT_DECREF(o);
    FT_DECREF(o);
    FT_DECREF(o);
    ft_rc_merge_queue(ft_tstate_get());
    CU_ASSERT_EQUAL(deallocs_of(o), 1);
    free(o);
}

#endif

void test_register_refcount(void)
{
    /* Objects made by the main thread are biased towards it. */
    ft_rc_thread_init(ft_tstate_get());
    CU_pSuite s = CU_add_suite("refcount", NULL, NULL);
    CU_add_test(s, "counts and dealloc once", test_counts_and_dealloc);
    CU_add_test(s, "X/CLEAR/SETREF/NEWREF", test_helpers);
    CU_add_test(s, "a million pairs, one thread", test_many_pairs_one_thread);
    CU_add_test(s, "static header", test_static_init);
    CU_add_test(s, "immortal objects", test_immortal);
    CU_add_test(s, "debug reference total", test_debug_total);
#if defined(FT_REFCOUNT_MUTEX) || defined(FT_REFCOUNT_ATOMIC) ||               \
    defined(FT_REFCOUNT_BIASED)
    CU_add_test(s, "pairs on one object, 2 threads + owner",
                test_pairs_2_threads);
    CU_add_test(s, "pairs on one object, 4 threads + owner",
                test_pairs_4_threads);
    CU_add_test(s, "pairs on an immortal object, 2 threads",
                test_pairs_immortal);
    CU_add_test(s, "released elsewhere, owner merges",
                test_release_elsewhere_owner_merges);
    CU_add_test(s, "released elsewhere, owner exits with a queue",
                test_release_elsewhere_owner_exits);
    CU_add_test(s, "owner and other thread release at once",
                test_release_racing);
    CU_add_test(s, "release at once, with a queued reference",
                test_release_racing_queued);
    CU_add_test(s, "released after the owner exited",
                test_release_after_owner_exit);
    CU_add_test(s, "ft_refcnt is the logical total", test_refcnt_is_total);
#endif
}
