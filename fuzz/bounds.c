/* fuzz/bounds.c — the step, memory and time bounds of the run harness
 * (the protocol is in bounds.h): the breaker hook and the watchdog thread.
 */
#include "fuzz/bounds.h"
#include "interp/frame.h"
#include "objects/object.h"
#include "runtime/atomics.h"
#include "runtime/signals.h"

#include <pthread.h>
#include <sanitizer/allocator_interface.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static int (*runtime_hook)(FtThreadState *ts);
/* Main thread only. */
static int active;
static long steps_left;
static size_t memory_cap;
/* Set by the watchdog, read by the hook. */
static volatile uint32_t expired;

static int bounded_hook(FtThreadState *ts)
{
    int r = runtime_hook != NULL ? runtime_hook(ts) : 0;
    if (!active || !ft_signals_is_main_thread())
        return r;
    ft_atomic_store_u32(ft_eval_breaker_ptr(), 1); /* see the next check */
    if (r < 0)
        return -1;
    if (--steps_left < 0 || ft_atomic_load_u32(&expired)) {
        steps_left = 0;
        ft_err_set_string(FtExc_KeyboardInterrupt,
                          "the fuzz harness's step or time budget is spent");
        return -1;
    }
    if ((steps_left & 63) == 0 &&
        __sanitizer_get_current_allocated_bytes() > memory_cap) {
        ft_err_no_memory();
        return -1;
    }
    return 0;
}

/* ---- the watchdog ---- */

/* The watchdog wakes up every WATCH_MS on its own rather than being
 * signalled at every begin and end, which would cost a thread switch per
 * input; the mutex makes "expired" and the interrupt request belong to
 * the program that is running when they happen, never to the next one. */
#define WATCH_MS 20
static pthread_mutex_t wd_mutex = PTHREAD_MUTEX_INITIALIZER;
static int wd_running; /* a program runs; under wd_mutex */
static struct timespec wd_deadline;
static pthread_t main_thread;
static int nudge_signal;

static void on_nudge(int sig) { (void)sig; }

static void add_ms(struct timespec *t, long ms)
{
    t->tv_sec += ms / 1000;
    t->tv_nsec += (ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static int passed(const struct timespec *now, const struct timespec *t)
{
    return now->tv_sec > t->tv_sec ||
           (now->tv_sec == t->tv_sec && now->tv_nsec >= t->tv_nsec);
}

static void *watchdog(void *arg)
{
    (void)arg;
    struct timespec pause = {0, WATCH_MS * 1000000L}, now;
    for (;;) {
        nanosleep(&pause, NULL);
        pthread_mutex_lock(&wd_mutex);
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (wd_running && passed(&now, &wd_deadline)) {
            /* Again at every wake-up until the program is over: it may
             * catch KeyboardInterrupt. */
            ft_atomic_store_u32(&expired, 1);
            ft_signals_request_interrupt();
            pthread_kill(main_thread, nudge_signal);
        }
        pthread_mutex_unlock(&wd_mutex);
    }
    return NULL;
}

int ft_fuzz_bounds_init(void)
{
    runtime_hook = ft_eval_breaker_hook;
    ft_eval_breaker_hook = bounded_hook;

    /* No SA_RESTART: the nudge is there to make a sleep return EINTR. */
    nudge_signal = SIGRTMIN;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_nudge;
    sigaction(nudge_signal, &sa, NULL);

    main_thread = pthread_self();
    pthread_t t;
    if (pthread_create(&t, NULL, watchdog, NULL) != 0) {
        fputs("ftpy-fuzz: cannot start the watchdog thread\n", stderr);
        return -1;
    }
    pthread_detach(t);
    return 0;
}

void ft_fuzz_bounds_begin(void)
{
    /* An interrupt the watchdog asked for as the previous program ended. */
    if (ft_signals_handle() < 0)
        ft_err_clear();
    steps_left = FT_FUZZ_STEPS;
    memory_cap = __sanitizer_get_current_allocated_bytes() + FT_FUZZ_MEMORY;
    ft_atomic_store_u32(&expired, 0);
    active = 1;
    ft_atomic_store_u32(ft_eval_breaker_ptr(), 1);

    pthread_mutex_lock(&wd_mutex);
    wd_running = 1;
    clock_gettime(CLOCK_MONOTONIC, &wd_deadline);
    add_ms(&wd_deadline, FT_FUZZ_DEADLINE_MS);
    pthread_mutex_unlock(&wd_mutex);
}

void ft_fuzz_bounds_end(void)
{
    pthread_mutex_lock(&wd_mutex);
    wd_running = 0;
    pthread_mutex_unlock(&wd_mutex);
    active = 0;
}
