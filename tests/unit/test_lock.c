/* tests/unit/test_lock.c — locking (runtime/lock.h, lock.c). Every build:
 * FtMutex alone and under contention, critical sections and the critical
 * lock on one thread (bare braces with a GIL). Free-threaded builds also:
 * exact counts under FT_BEGIN_CRITICAL_SECTION from many threads; two-object
 * sections taken in opposite orders, nested sections in opposite orders and
 * sections mixed with FT_CRIT_LOCK all finish (a watchdog fails the test
 * rather than hang); pooled lock records all go back to the pool. Owner-
 * biased locks: the owner's bias hold excludes other threads, and counts
 * stay exact while other threads revoke the bias under the owner.
 */
#include <CUnit/Basic.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>

#include "objects/object.h"
#include "runtime/lock.h"
#include "runtime/tstate.h"

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    long n; /* guarded by the object's critical section */
} LockObj;
FT_OBJECT_LOCK_CHECK(LockObj);

static void lock_obj_dealloc(FtObject *op) { free(op); }

static FtType lock_obj_type = {
    .tp_name = "lock_probe",
    .tp_basicsize = sizeof(LockObj),
    .tp_dealloc = lock_obj_dealloc,
};

static LockObj *lock_obj_new(void)
{
    LockObj *o = (LockObj *)calloc(1, sizeof *o);
    o->ob_base.ob_type = &lock_obj_type;
    ft_rc_init((FtObject *)o);
    return o;
}

/* Every critical section of the calling thread has ended. */
static int no_open_sections(void)
{
#if defined(FT_LOCKS_ACTIVE)
    return ft_tstate_get()->cs_top == NULL && ft_lock_pool_in_use() == 0;
#else
    return 1;
#endif
}

/* ---- FtMutex ----------------------------------------------------------------- */

static void test_mutex_basic(void)
{
    FtMutex m = FT_MUTEX_INIT;
    CU_ASSERT(!ft_mutex_is_locked(&m));
    CU_ASSERT(ft_mutex_trylock(&m));
    CU_ASSERT(ft_mutex_is_locked(&m));
    CU_ASSERT(!ft_mutex_trylock(&m));
    ft_mutex_unlock(&m);
    CU_ASSERT(!ft_mutex_is_locked(&m));
    ft_mutex_lock(&m);
    CU_ASSERT(!ft_mutex_trylock(&m));
    ft_mutex_unlock(&m);
    CU_ASSERT(!ft_mutex_is_locked(&m));
}

#define MUTEX_THREADS 4
#define MUTEX_ROUNDS 200000

static FtMutex counter_mutex = FT_MUTEX_INIT;
static long counter;

static void *mutex_worker(void *unused)
{
    for (int i = 0; i < MUTEX_ROUNDS; i++) {
        ft_mutex_lock(&counter_mutex);
        counter++;
        ft_mutex_unlock(&counter_mutex);
    }
    return NULL;
}

static void test_mutex_contended(void)
{
    pthread_t t[MUTEX_THREADS];
    counter = 0;
    for (int i = 0; i < MUTEX_THREADS; i++)
        pthread_create(&t[i], NULL, mutex_worker, NULL);
    for (int i = 0; i < MUTEX_THREADS; i++)
        pthread_join(t[i], NULL);
    CU_ASSERT_EQUAL(counter, (long)MUTEX_THREADS * MUTEX_ROUNDS);
    CU_ASSERT(!ft_mutex_is_locked(&counter_mutex));
}

/* ---- one thread ------------------------------------------------------------------ */

static void test_sections_nest(void)
{
    LockObj *a = lock_obj_new(), *b = lock_obj_new();
    FT_BEGIN_CRITICAL_SECTION(a);
    a->n++;
    FT_BEGIN_CRITICAL_SECTION(a); /* re-entering: free */
    a->n++;
    FT_END_CRITICAL_SECTION();
    FT_BEGIN_CRITICAL_SECTION(b);
    b->n++;
    FT_BEGIN_CRITICAL_SECTION(a); /* held further out: suspends, relocks */
    a->n++;
    FT_END_CRITICAL_SECTION();
    b->n++;
    FT_END_CRITICAL_SECTION();
    FT_BEGIN_CRITICAL_SECTION2(a, b); /* one of the two held already */
    a->n++;
    b->n++;
    FT_BEGIN_CRITICAL_SECTION2(b, a); /* both held: free */
    a->n++;
    FT_END_CRITICAL_SECTION2();
    FT_END_CRITICAL_SECTION2();
    a->n++;
    FT_END_CRITICAL_SECTION();
    FT_BEGIN_CRITICAL_SECTION2(a, a); /* one lock */
    a->n++;
    FT_END_CRITICAL_SECTION2();
    CU_ASSERT_EQUAL(a->n, 7);
    CU_ASSERT_EQUAL(b->n, 3);
    CU_ASSERT(no_open_sections());
#if defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_OWNER)
    CU_ASSERT(!ft_mutex_is_locked(&a->ob_mutex.mutex));
    CU_ASSERT(!ft_mutex_is_locked(&b->ob_mutex.mutex));
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.held), 0);
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&b->ob_mutex.held), 0);
#elif defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_INLINE)
    CU_ASSERT(!ft_mutex_is_locked(&a->ob_mutex));
    CU_ASSERT(!ft_mutex_is_locked(&b->ob_mutex));
#endif
    FT_DECREF(a);
    FT_DECREF(b);
}

static void test_crit_lock_reenters(void)
{
    long n = 0;
    FT_CRIT_LOCK();
    FT_CRIT_LOCK();
    n++;
    FT_CRIT_UNLOCK();
    n++;
    FT_CRIT_UNLOCK();
    CU_ASSERT_EQUAL(n, 2);
#if defined(FT_LOCKS_ACTIVE)
    CU_ASSERT(!ft_mutex_is_locked(&ft_crit_lock_.mutex));
    CU_ASSERT_EQUAL(ft_atomic_load(&ft_crit_lock_.owner), 0);
#endif
}

static void bump(void *p) { ++*(long *)p; }

static void test_callable_forms(void)
{
    LockObj *a = lock_obj_new(), *b = lock_obj_new();
    ft_cs_run((FtObject *)a, bump, &a->n);
    ft_cs_run2((FtObject *)a, (FtObject *)b, bump, &b->n);
    long n = 0;
    ft_crit_run(bump, &n);
    CU_ASSERT_EQUAL(a->n + b->n + n, 3);
    CU_ASSERT(no_open_sections());
    FT_DECREF(a);
    FT_DECREF(b);
}

/* ---- threads (free-threaded builds) ---------------------------------------------- */

#if defined(FT_LOCKS_ACTIVE)

#define WORKERS 4
#define ROUNDS 100000
#define WATCHDOG_SECONDS 60

typedef struct {
    LockObj *a, *b;
    int which; /* worker index */
} Work;

static ft_atomic_t workers_done;

/* Now and then gives the CPU away while holding a lock, so that even on two
 * cores the other workers really find it taken. */
static void contend(int i)
{
    if (i % 16 == 0)
        sched_yield();
}
static long crit_counter; /* guarded by FT_CRIT_LOCK */

typedef struct {
    void (*fn)(Work *);
    Work *w;
} Start;

static void *worker_main(void *p)
{
    Start *s = (Start *)p;
    FtThreadState *ts = ft_tstate_new();
    s->fn(s->w);
    ft_tstate_delete(ts);
    ft_atomic_add_full(&workers_done, 1);
    return NULL;
}

/* Starts n workers running fn(&w[i]), each with a thread state, and waits
 * up to WATCHDOG_SECONDS for them; 1 if all finished. */
static int run_workers(void (*fn)(Work *), Work *w, int n)
{
    pthread_t t[WORKERS];
    Start s[WORKERS];
    ft_atomic_store(&workers_done, 0);
    for (int i = 0; i < n; i++) {
        s[i].fn = fn;
        s[i].w = &w[i];
        pthread_create(&t[i], NULL, worker_main, &s[i]);
    }
    struct timespec tick = {0, 1000000};
    for (long waited = 0; waited < WATCHDOG_SECONDS * 1000L; waited++) {
        if (ft_atomic_load_acquire(&workers_done) == (ft_atomic_t)n) {
            for (int i = 0; i < n; i++)
                pthread_join(t[i], NULL);
            return 1;
        }
        nanosleep(&tick, NULL);
    }
    /* Deadlocked (or hopelessly slow): leave them and fail. */
    for (int i = 0; i < n; i++)
        pthread_detach(t[i]);
    return 0;
}

static void count_in_section(Work *w)
{
    for (int i = 0; i < ROUNDS; i++) {
        FT_BEGIN_CRITICAL_SECTION(w->a);
        w->a->n++;
        FT_END_CRITICAL_SECTION();
    }
}

static void test_section_counts_exactly(void)
{
    LockObj *a = lock_obj_new();
    Work w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        w[i] = (Work){.a = a, .which = i};
    CU_ASSERT_FATAL(run_workers(count_in_section, w, WORKERS));
    CU_ASSERT_EQUAL(a->n, (long)WORKERS * ROUNDS);
    CU_ASSERT_EQUAL(ft_lock_pool_in_use(), 0);
    FT_DECREF(a);
}

/* Half the workers say (a, b), half (b, a). */
static void pair_sections(Work *w)
{
    LockObj *x = w->which % 2 ? w->b : w->a, *y = w->which % 2 ? w->a : w->b;
    for (int i = 0; i < ROUNDS; i++) {
        FT_BEGIN_CRITICAL_SECTION2(x, y);
        x->n++;
        contend(i);
        y->n++;
        FT_END_CRITICAL_SECTION2();
    }
}

static void test_section2_opposite_orders(void)
{
    LockObj *a = lock_obj_new(), *b = lock_obj_new();
    Work w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        w[i] = (Work){.a = a, .b = b, .which = i};
    CU_ASSERT_FATAL(run_workers(pair_sections, w, WORKERS));
    CU_ASSERT_EQUAL(a->n, (long)WORKERS * ROUNDS);
    CU_ASSERT_EQUAL(b->n, (long)WORKERS * ROUNDS);
    CU_ASSERT_EQUAL(ft_lock_pool_in_use(), 0);
    FT_DECREF(a);
    FT_DECREF(b);
}

/* SECTION(x) { SECTION(y) { } } with x, y = a, b or b, a. A section only
 * protects its object while it is the innermost one, so each counter is
 * touched only by the section that names it. */
static void nested_sections(Work *w)
{
    LockObj *x = w->which % 2 ? w->b : w->a, *y = w->which % 2 ? w->a : w->b;
    for (int i = 0; i < ROUNDS; i++) {
        FT_BEGIN_CRITICAL_SECTION(x);
        x->n++;
        contend(i);
        FT_BEGIN_CRITICAL_SECTION(y);
        y->n++;
        FT_END_CRITICAL_SECTION();
        x->n++;
        FT_END_CRITICAL_SECTION();
    }
}

static void test_nested_opposite_orders(void)
{
    LockObj *a = lock_obj_new(), *b = lock_obj_new();
    Work w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        w[i] = (Work){.a = a, .b = b, .which = i};
    CU_ASSERT_FATAL(run_workers(nested_sections, w, WORKERS));
    CU_ASSERT_EQUAL(a->n, 3L * WORKERS / 2 * ROUNDS);
    CU_ASSERT_EQUAL(b->n, 3L * WORKERS / 2 * ROUNDS);
    CU_ASSERT_EQUAL(ft_lock_pool_in_use(), 0);
    FT_DECREF(a);
    FT_DECREF(b);
}

/* Half the workers take the critical lock inside a section, half a section
 * inside the critical lock. */
static void crit_and_sections(Work *w)
{
    for (int i = 0; i < ROUNDS; i++) {
        if (w->which % 2) {
            FT_BEGIN_CRITICAL_SECTION(w->a);
            w->a->n++;
            contend(i);
            FT_CRIT_LOCK();
            crit_counter++;
            FT_CRIT_UNLOCK();
            w->a->n++;
            FT_END_CRITICAL_SECTION();
        } else {
            FT_CRIT_LOCK();
            crit_counter++;
            contend(i);
            FT_BEGIN_CRITICAL_SECTION(w->a);
            w->a->n += 2;
            FT_END_CRITICAL_SECTION();
            FT_CRIT_LOCK(); /* re-entrant */
            crit_counter++;
            FT_CRIT_UNLOCK();
            FT_CRIT_UNLOCK();
        }
    }
}

static void test_crit_lock_with_sections(void)
{
    LockObj *a = lock_obj_new();
    Work w[WORKERS];
    crit_counter = 0;
    for (int i = 0; i < WORKERS; i++)
        w[i] = (Work){.a = a, .which = i};
    CU_ASSERT_FATAL(run_workers(crit_and_sections, w, WORKERS));
    CU_ASSERT_EQUAL(a->n, 2L * WORKERS * ROUNDS);
    CU_ASSERT_EQUAL(crit_counter, 3L * WORKERS / 2 * ROUNDS);
    CU_ASSERT_EQUAL(ft_lock_pool_in_use(), 0);
    FT_DECREF(a);
}

/* Many objects at once: pooled records are lent and all come back. */
#define MANY 64
static LockObj *many[MANY];

static void many_sections(Work *w)
{
    for (int i = 0; i < ROUNDS / 10; i++) {
        LockObj *x = many[(i * 7 + w->which) % MANY];
        LockObj *y = many[(i * 13 + 3 * w->which) % MANY];
        FT_BEGIN_CRITICAL_SECTION2(x, y);
        x->n++;
        if (y != x)
            y->n++;
        FT_END_CRITICAL_SECTION2();
    }
}

static void test_pool_records_return(void)
{
    for (int i = 0; i < MANY; i++)
        many[i] = lock_obj_new();
    Work w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        w[i] = (Work){.which = i};
    CU_ASSERT_FATAL(run_workers(many_sections, w, WORKERS));
    long total = 0, expect = 0;
    for (int i = 0; i < MANY; i++)
        total += many[i]->n;
    for (int k = 0; k < WORKERS; k++)
        for (int i = 0; i < ROUNDS / 10; i++)
            expect += (i * 7 + k) % MANY == (i * 13 + 3 * k) % MANY ? 1 : 2;
    CU_ASSERT_EQUAL(total, expect);
    CU_ASSERT_EQUAL(ft_lock_pool_in_use(), 0);
#if defined(FT_LOCKS_POOLED)
    /* Locks ~ threads: two per worker at most were ever needed at once. */
    CU_ASSERT(ft_lock_pool_records() > 0);
    CU_ASSERT(ft_lock_pool_records() <= 64);
#endif
    for (int i = 0; i < MANY; i++)
        FT_DECREF(many[i]);
}

#endif

#if defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_OWNER)
/* Owner-biased locks. Each test's owner side runs in a fresh thread with
 * an owner id of its own (the main thread's bias may have ended already:
 * earlier tests had workers revoke its objects); the workers have no
 * owner id, so every lock they take on its objects revokes a bias. */

#define BIAS_ROUNDS 5000

static void *in_owner_thread(void *p)
{
    void (*fn)(void) = (void (*)(void))p;
    FtThreadState *ts = ft_tstate_new();
    ft_rc_thread_init(ts);
    fn();
    ft_rc_thread_exit(ts);
    ft_tstate_delete(ts);
    return NULL;
}

static void run_as_owner(void (*fn)(void))
{
    pthread_t t;
    pthread_create(&t, NULL, in_owner_thread, (void *)fn);
    pthread_join(t, NULL);
}

static void count_on_a(Work *w)
{
    FT_BEGIN_CRITICAL_SECTION(w->a);
    w->a->n++;
    FT_END_CRITICAL_SECTION();
}

/* A worker that wants the lock waits while the owner holds it through
 * the bias, and gets it once the owner's section ends; the bias is gone
 * for good after that. */
static void bias_hold_excludes(void)
{
    CU_ASSERT_FATAL(ft_lock_bias_on);
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&ft_lock_bias_self), 1);
    LockObj *a = lock_obj_new();
    FT_BEGIN_CRITICAL_SECTION(a);
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.held), 1);
    CU_ASSERT(!ft_mutex_is_locked(&a->ob_mutex.mutex));
    FT_END_CRITICAL_SECTION();
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.held), 0);
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.bias), FT_BIAS_ON);

    Work w = {.a = a, .which = 0};
    pthread_t t;
    Start st = {count_on_a, &w};
    ft_atomic_store(&workers_done, 0);
    FT_BEGIN_CRITICAL_SECTION(a);
    pthread_create(&t, NULL, worker_main, &st);
    struct timespec pause = {0, 50 * 1000000L};
    nanosleep(&pause, NULL);
    /* The worker has revoked the bias and waits for this section. */
    CU_ASSERT_EQUAL(a->n, 0);
    CU_ASSERT_EQUAL(ft_atomic_load_acquire(&workers_done), 0);
    a->n += 10;
    FT_END_CRITICAL_SECTION();
    pthread_join(t, NULL);
    CU_ASSERT_EQUAL(a->n, 11);
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.bias), FT_BIAS_OFF);
    /* From now on the owner takes the mutex too. */
    FT_BEGIN_CRITICAL_SECTION(a);
    CU_ASSERT(ft_mutex_is_locked(&a->ob_mutex.mutex));
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.held), 0);
    FT_END_CRITICAL_SECTION();
    CU_ASSERT(no_open_sections());
    FT_DECREF(a);
}

static void test_bias_hold_excludes(void) { run_as_owner(bias_hold_excludes); }

static void count_a_little(Work *w)
{
    for (int i = 0; i < BIAS_ROUNDS; i++) {
        FT_BEGIN_CRITICAL_SECTION(w->a);
        w->a->n++;
        FT_END_CRITICAL_SECTION();
    }
}

/* The owner keeps counting while the workers revoke its bias: nothing is
 * lost on either side of the revocation. Fresh objects each round, so the
 * revocation lands at a different point of the owner's loop each time. */
static void bias_revoked_under_owner(void)
{
    for (int round = 0; round < 20; round++) {
        LockObj *a = lock_obj_new();
        Work w[WORKERS + 1];
        for (int i = 0; i <= WORKERS; i++)
            w[i] = (Work){.a = a, .which = i};
        pthread_t t[WORKERS];
        Start s[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            s[i] = (Start){count_a_little, &w[i]};
            pthread_create(&t[i], NULL, worker_main, &s[i]);
        }
        count_a_little(&w[WORKERS]);
        for (int i = 0; i < WORKERS; i++)
            pthread_join(t[i], NULL);
        CU_ASSERT_EQUAL(a->n, (long)(WORKERS + 1) * BIAS_ROUNDS);
        CU_ASSERT_EQUAL(ft_atomic_load_i8(&a->ob_mutex.bias), FT_BIAS_OFF);
        CU_ASSERT(no_open_sections());
        FT_DECREF(a);
    }
    /* Twenty of its objects revoked: this thread has stopped biasing (the
     * later rounds took the path without a membarrier), and its new
     * objects' locks are plain mutexes. */
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&ft_lock_bias_self), 0);
    LockObj *b = lock_obj_new();
    FT_BEGIN_CRITICAL_SECTION(b);
    CU_ASSERT_EQUAL(ft_atomic_load_i8(&b->ob_mutex.held), 0);
    CU_ASSERT(ft_mutex_is_locked(&b->ob_mutex.mutex));
    FT_END_CRITICAL_SECTION();
    FT_DECREF(b);
}

static void test_bias_revoked_under_owner(void)
{
    run_as_owner(bias_revoked_under_owner);
}
#endif

void test_register_lock(void)
{
    CU_pSuite s = CU_add_suite("lock", NULL, NULL);
    CU_add_test(s, "FtMutex", test_mutex_basic);
    CU_add_test(s, "FtMutex, 4 threads", test_mutex_contended);
    CU_add_test(s, "critical sections nest", test_sections_nest);
    CU_add_test(s, "critical lock re-enters", test_crit_lock_reenters);
    CU_add_test(s, "callable forms", test_callable_forms);
#if defined(FT_LOCKS_ACTIVE)
    CU_add_test(s, "section counts exactly, 4 threads",
                test_section_counts_exactly);
    CU_add_test(s, "SECTION2 in opposite orders", test_section2_opposite_orders);
    CU_add_test(s, "nested sections in opposite orders",
                test_nested_opposite_orders);
    CU_add_test(s, "critical lock mixed with sections",
                test_crit_lock_with_sections);
    CU_add_test(s, "pooled records go back", test_pool_records_return);
#endif
#if defined(FT_LOCKS_ACTIVE) && defined(FT_LOCKS_OWNER)
    CU_add_test(s, "owner's bias hold excludes others", test_bias_hold_excludes);
    CU_add_test(s, "bias revoked while the owner counts",
                test_bias_revoked_under_owner);
#endif
}
