/* tests/unit/test_qsbr.c — deferred releases (runtime/qsbr.h): nothing is
 * released while a thread that may still read it has not passed a quiescent
 * state, everything is once they all have, and lock-free dict reads racing
 * with writers only ever see live values of the right key.
 */
#include "unit.h"

#include "interp/frame.h"
#include "objects/dict.h"
#include "runtime/atomics.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#if !defined(FT_QSBR_ACTIVE)

/* With a GIL a deferred release is the release itself. */
static void test_gil_releases_at_once(void)
{
    FtObject *s = ft_str_from_cstr("qsbr probe");
    ssize_t r0 = ft_refcnt(s);
    FT_INCREF(s);
    ft_qsbr_defer_decref(s);
    CU_ASSERT_EQUAL(ft_refcnt(s), r0);
    CU_ASSERT_EQUAL(ft_qsbr_pending(), 0);
    FT_DECREF(s);
}

#else

static void settle(void) { ft_qsbr_poll(ft_tstate_get()); }

static void test_single_thread(void)
{
    FtObject *s = ft_str_from_cstr("qsbr probe");
    ssize_t r0 = ft_refcnt(s);
    FT_INCREF(s);
    ft_qsbr_defer_decref(s);
    /* Still owned by the deferred item until a quiescent state. */
    CU_ASSERT_EQUAL(ft_refcnt(s), r0 + 1);
    CU_ASSERT(ft_qsbr_pending() >= 1);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(s), r0);
    CU_ASSERT_EQUAL(ft_qsbr_pending(), 0);
    FT_DECREF(s);
}

/* A second thread that is online and does not poll until told to. */
static ft_atomic_t other_state; /* 0 start, 1 online, 7 advance now,
                                   8 advanced, 2 poll now, 3 polled,
                                   4 go offline, 5 offline, 6 leave */
static ft_atomic_t other_saw_breaker;

static void wait_state(ft_atomic_t want)
{
    while (ft_atomic_load_acquire(&other_state) != want)
        sched_yield();
}

static void *other_main(void *unused)
{
    (void)unused;
    FtThreadState *ts = ft_tstate_new();
    ft_atomic_store_release(&other_state, 1);
    wait_state(7);
    /* Advance the sequence with a deferral of its own, and report. */
    ft_qsbr_defer_decref(ft_str_from_cstr("qsbr other's item"));
    ft_qsbr_poll(ts);
    ft_atomic_store_release(&other_state, 8);
    wait_state(2);
    /* The main thread's poll asked this thread for a quiescent state. */
    if (ft_eval_breaker_get() != 0)
        ft_atomic_store(&other_saw_breaker, 1);
    ft_qsbr_poll(ts);
    ft_atomic_store_release(&other_state, 3);
    wait_state(4);
    ft_qsbr_offline();
    ft_atomic_store_release(&other_state, 5);
    wait_state(6);
    ft_qsbr_online();
    ft_tstate_delete(ts);
    return NULL;
}

static void test_waits_for_other_thread(void)
{
    pthread_t t;
    ft_atomic_store(&other_state, 0);
    ft_atomic_store(&other_saw_breaker, 0);
    pthread_create(&t, NULL, other_main, NULL);
    wait_state(1);

    FtObject *s = ft_str_from_cstr("qsbr probe two");
    FtObject *z = ft_str_from_cstr("qsbr probe three");
    ssize_t r0 = ft_refcnt(s), z0 = ft_refcnt(z);
    FT_INCREF(s);
    ft_qsbr_defer_decref(s);
    /* The other thread advances the sequence and reports past it; then z
     * is unlinked. The other thread may have read z before that, so z
     * must wait for its next quiescent state, advance or not. */
    ft_atomic_store_release(&other_state, 7);
    wait_state(8);
    FT_INCREF(z);
    ft_qsbr_defer_decref(z);
    settle();
    /* The other thread might be reading: nothing released yet. A thread
     * behind is asked to poll only for items that outlived one of our
     * polls, so it is the second poll here that asks it (checked below
     * through other_saw_breaker). */
    CU_ASSERT_EQUAL(ft_refcnt(s), r0 + 1);
    CU_ASSERT_EQUAL(ft_refcnt(z), z0 + 1);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(s), r0 + 1);

    ft_atomic_store_release(&other_state, 2);
    wait_state(3);
    CU_ASSERT_EQUAL(ft_atomic_load(&other_saw_breaker), 1);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(s), r0);
    CU_ASSERT_EQUAL(ft_refcnt(z), z0);

    /* An offline thread is not waited for. */
    ft_atomic_store_release(&other_state, 4);
    wait_state(5);
    FT_INCREF(s);
    ft_qsbr_defer_decref(s);
    settle();
    CU_ASSERT_EQUAL(ft_refcnt(s), r0);

    ft_atomic_store_release(&other_state, 6);
    pthread_join(t, NULL);
    FT_DECREF(s);
    FT_DECREF(z);
    settle();
    CU_ASSERT_EQUAL(ft_qsbr_pending(), 0);
}

/* Readers look keys up without locks while a writer replaces, deletes,
 * re-inserts and resizes. Every value is an int that names its key, so a
 * reader seeing a freed or foreign object fails (or the sanitizers do). */
#define NKEYS 16
#define READERS 2
#define WRITES 20000
static FtObject *dict, *keys[NKEYS];
static ft_atomic_t writer_done, bad_reads, good_reads, readers_started;

static void *reader_main(void *unused)
{
    (void)unused;
    FtThreadState *ts = ft_tstate_new();
    ft_atomic_add_full(&readers_started, 1);
    long n = 0;
    while (!ft_atomic_load_acquire(&writer_done)) {
        int k = (int)(n % NKEYS);
        FtObject *v = ft_dict_get(dict, keys[k]);
        if (v != NULL) {
            if (!FT_INT_CHECK(v) || FT_INT_VALUE(v) % 1000 != k)
                ft_atomic_add_full(&bad_reads, 1);
            else
                ft_atomic_add(&good_reads, 1);
            FT_DECREF(v);
        }
        if (++n % 64 == 0)
            ft_qsbr_poll(ts);
    }
    ft_tstate_delete(ts);
    return NULL;
}

static void test_lockfree_dict_reads(void)
{
    char name[32];
    dict = ft_dict_new();
    for (int k = 0; k < NKEYS; k++) {
        snprintf(name, sizeof name, "key%d", k);
        keys[k] = ft_str_intern_cstr(name);
    }
    ft_atomic_store(&writer_done, 0);
    ft_atomic_store(&bad_reads, 0);
    ft_atomic_store(&good_reads, 0);
    ft_atomic_store(&readers_started, 0);
    pthread_t t[READERS];
    for (int i = 0; i < READERS; i++)
        pthread_create(&t[i], NULL, reader_main, NULL);
    while (ft_atomic_load_acquire(&readers_started) < READERS)
        sched_yield();
    /* WRITES rounds, and on a busy machine more until the readers have
     * really read something (at most ten times as many). */
    for (int w = 0; w < WRITES || (ft_atomic_load(&good_reads) < 1000 &&
                                   w < 10 * WRITES);
         w++) {
        int k = w % NKEYS;
        /* Large values: fresh objects each time, not shared small ints. */
        FtObject *v = ft_int_from_i64(1000000 + (int64_t)w * 1000 + k);
        if (w % 7 == 0)
            ft_dict_del(dict, keys[k]) < 0 ? ft_err_clear() : (void)0;
        else
            ft_dict_set(dict, keys[k], v);
        FT_DECREF(v);
        if (w % 997 == 0)
            ft_dict_clear(dict); /* the table goes away under the readers */
        if (w % 64 == 0)
            settle();
    }
    ft_atomic_store_release(&writer_done, 1);
    for (int i = 0; i < READERS; i++)
        pthread_join(t[i], NULL);
    settle();
    CU_ASSERT_EQUAL(ft_atomic_load(&bad_reads), 0);
    CU_ASSERT(ft_atomic_load(&good_reads) > 0);
    CU_ASSERT_EQUAL(ft_qsbr_pending(), 0);
    FT_DECREF(dict);
    for (int k = 0; k < NKEYS; k++)
        FT_DECREF(keys[k]);
}

#endif

void test_register_qsbr(void)
{
    CU_pSuite s = CU_add_suite("qsbr", NULL, NULL);
#if !defined(FT_QSBR_ACTIVE)
    CU_add_test(s, "with a GIL: released at once", test_gil_releases_at_once);
#else
    CU_add_test(s, "one thread: released at its quiescent state",
                test_single_thread);
    CU_add_test(s, "waits for an online thread, not an offline one",
                test_waits_for_other_thread);
#if !defined(FT_UNSAFE_REFCOUNT) /* its racing counts would crash it */
    CU_add_test(s, "lock-free dict reads against writers, 2 readers",
                test_lockfree_dict_reads);
#endif
#endif
}
