/* runtime/gil.c — the global interpreter lock behind runtime/gil.h, in the
 * variant configure chose (FT_GIL_NEW or FT_GIL_LEGACY; FT_GIL_NONE keeps
 * only the interval settings), and the eval-breaker hook that serves it
 * and the signals (runtime/signals.c).
 *
 * new (Python 3.2, as David Beazley described it):
 *   `locked` under a mutex; a waiter sleeps on `cond` for one switch
 *   interval; if it wakes by timeout and no switch happened meanwhile
 *   (switch_number unchanged) it sets drop_request and the holder's eval
 *   breaker. The holder drops the GIL at its next breaker check and, because
 *   drop_request is set, waits on `switch_cond` until some other thread has
 *   taken it (FORCE_SWITCHING): without that wait the holder, still on CPU,
 *   would usually win the mutex back at once.
 * legacy (Python 2's thread_pthread.h lock without semaphores):
 *   a `locked` flag with a mutex and a `released` condition; every
 *   check-interval instructions the holder releases and immediately
 *   re-acquires, with no hand-off, so the OS usually gives it straight
 *   back to the same thread (the convoy effect).
 */
#include "runtime/gil.h"
#include "interp/frame.h"
#include "runtime/atomics.h"

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ---- settings (every variant) -------------------------------------------- */

/* In microseconds, as CPython keeps it: setswitchinterval(1e-9) reads back
 * as 0.0, and a wait is never shorter than 1 us. Atomic: waiters read it
 * without the GIL. */
static volatile ft_atomic_t switch_interval_us =
    (ft_atomic_t)(FT_GIL_SWITCH_INTERVAL_DEFAULT * 1e6);
static volatile ft_atomic_t check_interval = FT_GIL_CHECK_INTERVAL_DEFAULT;

void ft_gil_set_switch_interval(double seconds)
{
    double us = seconds * 1e6;
    if (us > 1e12) /* a thousand days is forever enough */
        us = 1e12;
    ft_atomic_store(&switch_interval_us, us > 0 ? (ft_atomic_t)us : 0);
}

double ft_gil_get_switch_interval(void)
{
    return (double)ft_atomic_load(&switch_interval_us) * 1e-6;
}

/* Stored as given (sys.getcheckinterval reads it back); a value <= 0
 * acts as 1, a yield after every instruction. */
void ft_gil_set_check_interval(int ticks)
{
    ft_atomic_store(&check_interval, (ft_atomic_t)(long)ticks);
}

int ft_gil_get_check_interval(void)
{
    return (int)(long)ft_atomic_load(&check_interval);
}

#if !defined(FT_GIL_NONE)

static void take_gil(FtThreadState *ts);
static void drop_gil(FtThreadState *ts);

/* Whether this thread holds the GIL; only its own thread writes it. */
static __thread int held_here;

static void check(int rc, const char *what)
{
    if (rc != 0) {
        fprintf(stderr, "ftpy: fatal: GIL %s failed (error %d)\n", what, rc);
        abort();
    }
}
#define CHECK(call) check((call), #call)

/* ---- new: switch interval, drop request, forced switching ---------------- */
#if defined(FT_GIL_NEW)

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond; /* signalled when the GIL is dropped */
    int locked;          /* under mutex */
    /* Counts hand-overs to a different thread (under mutex): a waiter whose
     * interval passed with this unchanged saw no switch and asks for one. */
    unsigned long switch_number;
    /* The holder's eval breaker, where a drop request is delivered (under
     * mutex, valid while locked). */
    volatile uint32_t *holder_breaker;
    /* Set by a waiter (under mutex), read by the holder without it. */
    volatile ft_atomic_t drop_request;
    /* FORCE_SWITCHING: the last thread that took the GIL (written under
     * both mutexes) and the condition a dropping holder waits on until it
     * changes. */
    pthread_mutex_t switch_mutex;
    pthread_cond_t switch_cond;
    FtThreadState *last_holder;
} gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .switch_mutex = PTHREAD_MUTEX_INITIALIZER,
    .switch_cond = PTHREAD_COND_INITIALIZER,
};

static void create_lock(void)
{
    /* Timeouts on the monotonic clock: a wall-clock jump must not stall or
     * hurry switching. */
    pthread_condattr_t attr;
    CHECK(pthread_condattr_init(&attr));
    CHECK(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC));
    CHECK(pthread_cond_init(&gil.cond, &attr));
    pthread_condattr_destroy(&attr);
}

static void deadline_after_us(struct timespec *t, unsigned long us)
{
    clock_gettime(CLOCK_MONOTONIC, t);
    t->tv_sec += (time_t)(us / 1000000);
    t->tv_nsec += (long)(us % 1000000) * 1000;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static void take_gil(FtThreadState *ts)
{
    int saved_errno = errno; /* callers test errno after END_ALLOW_THREADS */
    CHECK(pthread_mutex_lock(&gil.mutex));
    while (gil.locked) {
        unsigned long switches = gil.switch_number;
        unsigned long us = ft_atomic_load(&switch_interval_us);
        struct timespec deadline;
        deadline_after_us(&deadline, us >= 1 ? us : 1);
        int rc = pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline);
        if (rc == ETIMEDOUT && gil.locked && gil.switch_number == switches) {
            /* A whole interval without a switch: ask the holder to drop. */
            ft_atomic_store(&gil.drop_request, 1);
            ft_atomic_store_u32(gil.holder_breaker, 1);
        } else if (rc != 0 && rc != ETIMEDOUT) {
            check(rc, "pthread_cond_timedwait");
        }
    }
    gil.locked = 1;
    gil.holder_breaker = ft_eval_breaker_ptr();
    CHECK(pthread_mutex_lock(&gil.switch_mutex));
    if (gil.last_holder != ts) {
        gil.last_holder = ts;
        gil.switch_number++;
    }
    /* Wakes a holder waiting in drop_gil for this hand-over. */
    CHECK(pthread_cond_signal(&gil.switch_cond));
    CHECK(pthread_mutex_unlock(&gil.switch_mutex));
    /* Whatever was requested has been granted by this take; a thread still
     * waiting asks again after its own interval. */
    ft_atomic_store(&gil.drop_request, 0);
    held_here = 1;
    CHECK(pthread_mutex_unlock(&gil.mutex));
    errno = saved_errno;
}

/* ts NULL: no forced switch (the thread is leaving). */
static void drop_gil(FtThreadState *ts)
{
    CHECK(pthread_mutex_lock(&gil.mutex));
    held_here = 0;
    gil.locked = 0;
    CHECK(pthread_cond_signal(&gil.cond));
    CHECK(pthread_mutex_unlock(&gil.mutex));
    if (ts == NULL || !ft_atomic_load(&gil.drop_request))
        return;
    /* Someone asked for the GIL: do not compete for it before they have
     * it. The requester is still in take_gil (only taking the GIL ends
     * that), so last_holder is bound to change. */
    CHECK(pthread_mutex_lock(&gil.switch_mutex));
    while (gil.last_holder == ts)
        CHECK(pthread_cond_wait(&gil.switch_cond, &gil.switch_mutex));
    CHECK(pthread_mutex_unlock(&gil.switch_mutex));
}

/* At a breaker check: give the GIL to the thread that asked for it. */
static void yield_if_requested(FtThreadState *ts)
{
    if (ft_atomic_load(&gil.drop_request)) {
        drop_gil(ts);
        take_gil(ts);
    }
}

/* ---- legacy: tick counter, release and re-acquire ------------------------ */
#elif defined(FT_GIL_LEGACY)

static struct {
    pthread_mutex_t mut;
    pthread_cond_t released; /* signalled after `locked` went to 0 */
    int locked;              /* under mut */
    /* Threads blocked in take_gil: when none, an expired tick has no one to
     * let in and skips the release (as Python 2 had no lock to release
     * before the first thread started), so one thread pays only the tick. */
    volatile ft_atomic_t waiters;
} gil = {
    .mut = PTHREAD_MUTEX_INITIALIZER,
    .released = PTHREAD_COND_INITIALIZER,
};

static void create_lock(void) {}

/* FT_GIL_TICK yields when the count goes below 0: after n instructions. */
static int ticks_start(void)
{
    int n = ft_gil_get_check_interval();
    return (n > 0 ? n : 1) - 1;
}

static void take_gil(FtThreadState *ts)
{
    int saved_errno = errno;
    CHECK(pthread_mutex_lock(&gil.mut));
    if (gil.locked) {
        ft_atomic_inc(&gil.waiters);
        while (gil.locked)
            CHECK(pthread_cond_wait(&gil.released, &gil.mut));
        ft_atomic_add(&gil.waiters, (ft_atomic_t)-1);
    }
    gil.locked = 1;
    held_here = 1;
    CHECK(pthread_mutex_unlock(&gil.mut));
    ts->gil_ticks = ticks_start();
    errno = saved_errno;
}

static void drop_gil(FtThreadState *ts)
{
    CHECK(pthread_mutex_lock(&gil.mut));
    held_here = 0;
    gil.locked = 0;
    CHECK(pthread_mutex_unlock(&gil.mut));
    /* Signalled after the unlock, as Python 2 did: the woken waiter then
     * still has to win the mutex against the releaser, which is running. */
    CHECK(pthread_cond_signal(&gil.released));
}

void ft_gil_tick_expired(FtThreadState *ts)
{
    ts->gil_ticks = ticks_start();
    if (ft_atomic_load(&gil.waiters) == 0)
        return;
    drop_gil(ts);
    /* No hand-off: this thread is on CPU and usually takes it back. */
    take_gil(ts);
}

static void yield_if_requested(FtThreadState *ts) { (void)ts; }

#else
#error "runtime/gil.c: no GIL variant defined (config.h)"
#endif

/* ---- new and legacy -------------------------------------------------- */

void ft_gil_acquire(FtThreadState *ts)
{
    assert(!held_here && "GIL: acquire by a thread that holds it");
    take_gil(ts);
}

FtThreadState *ft_gil_save(void)
{
    assert(held_here && "GIL: save by a thread that does not hold it");
    FtThreadState *ts = ft_tstate_get();
    drop_gil(ts);
    return ts;
}

void ft_gil_restore(FtThreadState *ts)
{
    assert(!held_here && "GIL: restore by a thread that holds it");
    take_gil(ts);
}

void ft_gil_release_exit(void)
{
    assert(held_here && "GIL: release by a thread that does not hold it");
    drop_gil(NULL);
}

int ft_gil_held(void)
{
    return held_here;
}

#else  /* FT_GIL_NONE */

static void yield_if_requested(FtThreadState *ts) { (void)ts; }

#endif /* !FT_GIL_NONE */

/* ---- every variant ---------------------------------------------------- */

/* The eval loop calls this when ft_eval_breaker was set: signals first
 * (the main thread turns SIGINT into KeyboardInterrupt), then a GIL drop
 * request; first, merges of biased reference counts. */
static int breaker_hook(FtThreadState *ts)
{
    /* Biased refcounts: objects other threads handed back (a no-op in the
     * other variants). */
    ft_rc_merge_queue(ts);
    /* Lock-free readers: this is a quiescent state (runtime/qsbr.h). */
    ft_qsbr_poll(ts);
    if (ft_signals_pending() && ft_signals_handle() < 0)
        return -1;
    yield_if_requested(ts);
    /* Stop-the-world requests and automatic collections. */
    return ft_gc_safe_point(ts);
}

void ft_gil_init(void)
{
    static int initialised;
    if (initialised)
        return;
    initialised = 1;
    ft_eval_breaker_hook = breaker_hook;
    ft_signals_init();
#if !defined(FT_GIL_NONE)
    create_lock();
    take_gil(ft_tstate_get());
#endif
}
