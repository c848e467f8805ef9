/* tests/unit/test_gil.c — the GIL (runtime/gil.c) under real threads:
 * mutual exclusion (an exact plain-counter total, never two holders),
 * the new GIL's forced switching (a waiter gets in within a bounded time
 * while another thread spins through breaker checks), the legacy GIL's
 * tick-driven yields, and the sys interval settings.
 */
#include <CUnit/Basic.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interp/frame.h"
#include "objects/object.h"
#include "runtime/atomics.h"
#include "runtime/gil.h"

#if !defined(FT_GIL_NONE)

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

static void nap_ms(int ms)
{
    struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* What the eval loop does between instructions: count a tick (legacy) and
 * look at the breaker (backward jumps and calls). */
static void eval_point(FtThreadState *ts)
{
    FT_GIL_TICK(ts);
    if (ft_atomic_load_u32(ft_eval_breaker_ptr()))
        ft_eval_handle_breaker(ts);
}

/* ---- mutual exclusion ------------------------------------------------- */

enum { N_THREADS = 4, N_ITER = 200000, SAVE_EVERY = 1000 };

static long counter; /* plain: only the GIL protects it */
static volatile ft_atomic_t holders, max_holders, started;

static void enter_held(void)
{
    ft_atomic_t h = ft_atomic_add_full(&holders, 1) + 1;
    ft_atomic_t m = ft_atomic_load(&max_holders);
    while (h > m && !ft_atomic_cas_full(&max_holders, m, h))
        m = ft_atomic_load(&max_holders);
}

static void leave_held(void) { ft_atomic_add_full(&holders, (ft_atomic_t)-1); }

static void *counter_thread(void *arg)
{
    FtThreadState *ts = ft_tstate_new();
    ft_gil_acquire(ts);
    ft_atomic_inc(&started);
    for (int i = 1; i <= N_ITER; i++) {
        /* If the GIL let two threads in, both would sit between enter
         * and leave now and then (and the total would come out short). */
        enter_held();
        counter++;
        leave_held();
        eval_point(ts); /* may hand the GIL over */
        if (i % SAVE_EVERY == 0) {
            FT_BEGIN_ALLOW_THREADS
            sched_yield();
            FT_END_ALLOW_THREADS
        }
    }
    ft_tstate_delete(ts);
    ft_gil_release_exit();
    return arg;
}

static void test_counter_exact(void)
{
    counter = 0;
    ft_atomic_store(&holders, 0);
    ft_atomic_store(&max_holders, 0);
    ft_atomic_store(&started, 0);
    CU_ASSERT_TRUE(ft_gil_held());
    pthread_t th[N_THREADS];
    int created = 0;
    FT_BEGIN_ALLOW_THREADS
    CU_ASSERT_FALSE(ft_gil_held());
    for (int i = 0; i < N_THREADS; i++)
        if (pthread_create(&th[i], NULL, counter_thread, NULL) == 0)
            created++;
    for (int i = 0; i < created; i++)
        pthread_join(th[i], NULL);
    FT_END_ALLOW_THREADS
    CU_ASSERT_TRUE(ft_gil_held());
    CU_ASSERT_EQUAL(created, N_THREADS);
    CU_ASSERT_EQUAL(counter, (long)created * N_ITER);
    CU_ASSERT_EQUAL(ft_atomic_load(&max_holders), 1);
    CU_ASSERT_EQUAL(ft_atomic_load(&holders), 0);
}

/* The eval loop's hold on the GIL is not the only user: a thread that
 * releases it around a blocking call must get it back with errno intact. */
static void test_errno_preserved(void)
{
    errno = 0;
    FT_BEGIN_ALLOW_THREADS
    errno = EINTR;
    FT_END_ALLOW_THREADS
    CU_ASSERT_EQUAL(errno, EINTR);
    errno = 0;
}

/* ---- thread-state lookup under churn ---------------------------------- */

/* Threads come and go (with --with-tstate=list their states are linked,
 * marked dead and recycled) while others look themselves up without any
 * lock: everyone must always find their own state. */
enum { N_CHURN = 3, CHURN_ROUNDS = 300, LOOKUPS = 50 };
static volatile ft_atomic_t lookup_errors, churn_done;

static void *churn_thread(void *arg)
{
    for (int r = 0; r < CHURN_ROUNDS; r++) {
        FtThreadState *ts = ft_tstate_new();
        if (ts == NULL) {
            ft_atomic_inc(&lookup_errors);
            break;
        }
        for (int i = 0; i < LOOKUPS; i++)
            if (ft_tstate_get() != ts)
                ft_atomic_inc(&lookup_errors);
        ft_tstate_delete(ts); /* nothing cached: needs no GIL */
        if (ft_tstate_get() != NULL)
            ft_atomic_inc(&lookup_errors);
    }
    ft_atomic_inc(&churn_done);
    return arg;
}

static void test_tstate_lookup_churn(void)
{
    ft_atomic_store(&lookup_errors, 0);
    ft_atomic_store(&churn_done, 0);
    pthread_t th[N_CHURN];
    int created = 0;
    FT_BEGIN_ALLOW_THREADS
    FtThreadState *me = ft_gil_saved_;
    for (int i = 0; i < N_CHURN; i++)
        if (pthread_create(&th[i], NULL, churn_thread, NULL) == 0)
            created++;
    while (ft_atomic_load(&churn_done) < (ft_atomic_t)created)
        if (ft_tstate_get() != me)
            ft_atomic_inc(&lookup_errors);
    for (int i = 0; i < created; i++)
        pthread_join(th[i], NULL);
    FT_END_ALLOW_THREADS
    CU_ASSERT_EQUAL(created, N_CHURN);
    CU_ASSERT_EQUAL(ft_atomic_load(&lookup_errors), 0);
}

/* ---- switching -------------------------------------------------------- */

static volatile ft_atomic_t spin_holding, spin_stop;

static void *spinner(void *arg)
{
    FtThreadState *ts = ft_tstate_new();
    ft_gil_acquire(ts);
    ft_atomic_store(&spin_holding, 1);
    volatile unsigned long work = 0;
    /* Gives up after 2 s, so a GIL that never switches fails the test
     * instead of hanging it. */
    double give_up = now() + 2.0;
    while (!ft_atomic_load(&spin_stop) && now() < give_up) {
        for (int i = 0; i < 100; i++)
            work += (unsigned long)i;
        eval_point(ts);
    }
    ft_tstate_delete(ts);
    ft_gil_release_exit();
    return arg;
}

/* Starts a spinner that holds the GIL and measures how long the calling
 * thread then waits to get it back. */
static double wait_behind_spinner(void)
{
    ft_atomic_store(&spin_holding, 0);
    ft_atomic_store(&spin_stop, 0);
    pthread_t th;
    FtThreadState *me = ft_gil_save();
    if (pthread_create(&th, NULL, spinner, NULL) != 0) {
        ft_gil_restore(me);
        return -1;
    }
    while (!ft_atomic_load(&spin_holding))
        nap_ms(1);
    nap_ms(20); /* let it run a while on its own */
    double t0 = now();
    ft_gil_restore(me);
    double waited = now() - t0;
    ft_atomic_store(&spin_stop, 1);
    FT_BEGIN_ALLOW_THREADS
    pthread_join(th, NULL);
    FT_END_ALLOW_THREADS
    if (getenv("GIL_TEST_VERBOSE")) fprintf(stderr, "[waited %.4f s]\n", waited);
    return waited;
}

#if defined(FT_GIL_NEW)
/* The switch interval passes, the waiter sets the drop request, the
 * spinner drops at its next breaker check and waits for the hand-off:
 * the waiter is in after about one interval (5 ms), far below 200 ms. */
static void test_forced_switch(void)
{
    double waited = wait_behind_spinner();
    CU_ASSERT_TRUE(waited >= 0);
    CU_ASSERT_TRUE(waited < 0.2);
    CU_ASSERT_TRUE(ft_gil_held());
}

/* A longer interval makes the waiter wait longer before asking: proof
 * that the interval, not chance, triggers the switch. And the first request
 * suffices: without the forced hand-off the spinner, still on CPU, mostly
 * wins the lock back and the waiter needs several intervals (measured
 * 0.6-1.2 s here with that wait removed). */
static void test_switch_interval_used(void)
{
    double old = ft_gil_get_switch_interval();
    ft_gil_set_switch_interval(0.1);
    double waited = wait_behind_spinner();
    ft_gil_set_switch_interval(old);
    CU_ASSERT_TRUE(waited >= 0.09);
    CU_ASSERT_TRUE(waited < 0.19);
}
#endif

#if defined(FT_GIL_LEGACY)
/* Each tick expiry releases the lock: with a check interval of 1 the
 * spinner yields at every point, and the waiter gets in eventually (how
 * soon is up to the OS: no hand-off, so no bound is asserted but a
 * generous one). */
static void test_legacy_yields(void)
{
    int old = ft_gil_get_check_interval();
    ft_gil_set_check_interval(1);
    double waited = wait_behind_spinner();
    ft_gil_set_check_interval(old);
    CU_ASSERT_TRUE(waited >= 0);
    CU_ASSERT_TRUE(waited < 30.0);
}
#endif

/* ---- sys settings ----------------------------------------------------- */

static FtObject *sys_call(const char *name, FtObject *arg)
{
    FtObject *modname = ft_str_from_cstr("sys");
    FtObject *sys = ft_import_module(modname);
    FT_DECREF(modname);
    if (sys == NULL)
        return NULL;
    FtObject *meth = ft_str_from_cstr(name);
    FtObject *r = ft_call_method(sys, meth, &arg, arg != NULL ? 1 : 0);
    FT_DECREF(meth);
    FT_DECREF(sys);
    return r;
}

static int raised(FtType *type, const char *msg)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return 0;
    int ok = ft_type_check(exc, type);
    FtObject *s = ft_object_str(exc);
    if (s == NULL)
        ft_err_clear();
    else
        ok = ok && strcmp(ft_str_cstr(s), msg) == 0;
    FT_XDECREF(s);
    FT_DECREF(exc);
    return ok;
}

static double sys_float(const char *name)
{
    FtObject *r = sys_call(name, NULL);
    double d = r != NULL && FT_FLOAT_CHECK(r) ? FT_FLOAT_VALUE(r) : -1;
    if (r == NULL)
        ft_err_clear();
    FT_XDECREF(r);
    return d;
}

static void test_switchinterval_validation(void)
{
    const char *msg = "switch interval must be strictly positive";
    FtObject *v = ft_int_from_i64(0);
    CU_ASSERT_PTR_NULL(sys_call("setswitchinterval", v));
    CU_ASSERT_TRUE(raised(FtExc_ValueError, msg));
    FT_DECREF(v);
    v = ft_float_from_double(-0.5);
    CU_ASSERT_PTR_NULL(sys_call("setswitchinterval", v));
    CU_ASSERT_TRUE(raised(FtExc_ValueError, msg));
    FT_DECREF(v);
    v = ft_str_from_cstr("0.1");
    CU_ASSERT_PTR_NULL(sys_call("setswitchinterval", v));
    CU_ASSERT_TRUE(raised(FtExc_TypeError, "must be real number, not str"));
    FT_DECREF(v);
    CU_ASSERT_DOUBLE_EQUAL(sys_float("getswitchinterval"), 0.005, 1e-12);

    v = ft_float_from_double(0.001);
    FtObject *r = sys_call("setswitchinterval", v);
    CU_ASSERT_PTR_EQUAL(r, FT_None);
    FT_XDECREF(r);
    FT_DECREF(v);
    CU_ASSERT_DOUBLE_EQUAL(sys_float("getswitchinterval"), 0.001, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(ft_gil_get_switch_interval(), 0.001, 1e-12);
    v = ft_int_from_i64(2);
    FT_XDECREF(sys_call("setswitchinterval", v));
    FT_DECREF(v);
    CU_ASSERT_DOUBLE_EQUAL(sys_float("getswitchinterval"), 2.0, 1e-12);
    ft_gil_set_switch_interval(0.005);
    CU_ASSERT_FALSE(ft_err_occurred());
}

static void test_checkinterval(void)
{
    FtObject *r = sys_call("getcheckinterval", NULL);
    CU_ASSERT_TRUE(r != NULL && FT_INT_CHECK(r) && FT_INT_VALUE(r) == 100);
    FT_XDECREF(r);
    FtObject *v = ft_int_from_i64(1000);
    r = sys_call("setcheckinterval", v);
    CU_ASSERT_PTR_EQUAL(r, FT_None);
    FT_XDECREF(r);
    FT_DECREF(v);
    CU_ASSERT_EQUAL(ft_gil_get_check_interval(), 1000);
    v = ft_float_from_double(1.5);
    CU_ASSERT_PTR_NULL(sys_call("setcheckinterval", v));
    CU_ASSERT_TRUE(raised(FtExc_TypeError,
                          "'float' object cannot be interpreted as an integer"));
    FT_DECREF(v);
    ft_gil_set_check_interval(100);
}

#endif /* !FT_GIL_NONE */

void test_register_gil(void)
{
    CU_pSuite s = CU_add_suite("gil", NULL, NULL);
#if !defined(FT_GIL_NONE)
    CU_add_test(s, "two threads never hold it; exact count", test_counter_exact);
    CU_add_test(s, "errno survives ALLOW_THREADS", test_errno_preserved);
    CU_add_test(s, "thread-state lookup under churn", test_tstate_lookup_churn);
#if defined(FT_GIL_NEW)
    CU_add_test(s, "forced switch within 200 ms", test_forced_switch);
    CU_add_test(s, "switch interval drives it", test_switch_interval_used);
#endif
#if defined(FT_GIL_LEGACY)
    CU_add_test(s, "tick expiry yields", test_legacy_yields);
#endif
    CU_add_test(s, "setswitchinterval validation",
                test_switchinterval_validation);
    CU_add_test(s, "check interval", test_checkinterval);
#else
    (void)s;
#endif
}
