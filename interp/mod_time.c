/* interp/mod_time.c — the time module: clocks (time, perf_counter,
 * monotonic, process_time, thread_time and their _ns forms) and sleep,
 * which releases the GIL and wakes up for Ctrl-C.
 */
#include "interp/modules.h"
#include "objects/object.h"
#include "runtime/gil.h"

#include <errno.h>
#include <math.h>
#include <time.h>

static int read_clock(clockid_t id, struct timespec *ts)
{
    if (clock_gettime(id, ts) != 0) {
        ft_err_format(FtExc_OSError, "clock_gettime failed: errno %d", errno);
        return -1;
    }
    return 0;
}

static FtObject *clock_seconds(clockid_t id)
{
    struct timespec ts;
    if (read_clock(id, &ts) < 0)
        return NULL;
    return ft_float_from_double((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static FtObject *clock_ns(clockid_t id)
{
    struct timespec ts;
    if (read_clock(id, &ts) < 0)
        return NULL;
    return ft_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FUNCS(NAME, ID)                                                  \
    static FtObject *time_##NAME(FtObject *self, FtObject *const *args,        \
                                 size_t nargs, FtObject *kwnames)              \
    {                                                                          \
        if (ft_arg_count(#NAME, nargs, 0, 0) < 0)                              \
            return NULL;                                                       \
        return clock_seconds(ID);                                              \
    }                                                                          \
    static FtObject *time_##NAME##_ns(FtObject *self, FtObject *const *args,   \
                                      size_t nargs, FtObject *kwnames)         \
    {                                                                          \
        if (ft_arg_count(#NAME "_ns", nargs, 0, 0) < 0)                        \
            return NULL;                                                       \
        return clock_ns(ID);                                                   \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* Sleeps without the GIL until a monotonic deadline. A signal cuts
 * nanosleep short (EINTR); the main thread then runs what it asked for
 * (KeyboardInterrupt ends the sleep, as in CPython) and otherwise sleeps
 * on for the time that is left. */
static FtObject *sleep_for(double secs)
{
    struct timespec deadline;
    if (read_clock(CLOCK_MONOTONIC, &deadline) < 0)
        return NULL;
    double whole = floor(secs);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((secs - whole) * 1e9);
    while (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    for (;;) {
        int err;
        if (ft_signals_handle() < 0) /* arrived before we went to sleep */
            return NULL;
        FT_BEGIN_ALLOW_THREADS
        err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        FT_END_ALLOW_THREADS
        if (err == 0)
            break;
        if (err != EINTR) {
            ft_err_format(FtExc_OSError, "clock_nanosleep failed: errno %d",
                          err);
            return NULL;
        }
    }
    FT_RETURN_NONE;
}

static FtObject *time_sleep(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (ft_arg_count("sleep", nargs, 1, 1) < 0)
        return NULL;
    double secs;
    if (FT_INT_CHECK(args[0]))
        secs = (double)ft_int_clamped(args[0]);
    else if (FT_FLOAT_CHECK(args[0]))
        secs = FT_FLOAT_VALUE(args[0]);
    else {
        ft_err_format(FtExc_TypeError,
                      "'%s' object cannot be interpreted as an integer",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    if (isnan(secs)) {
        ft_err_set_string(FtExc_ValueError, "Invalid value NaN (not a number)");
        return NULL;
    }
    if (secs < 0) {
        ft_err_set_string(FtExc_ValueError,
                          "sleep length must be non-negative");
        return NULL;
    }
    if (secs > 9.2e9) {
        ft_err_set_string(FtExc_OverflowError,
                          "timestamp out of range for platform time_t");
        return NULL;
    }
    return sleep_for(secs);
}

static FtMethodDef time_methods[] = {
    {"time", time_time, 0,
     "time() -> floating point number\n\nReturn the current time in seconds "
     "since the Epoch."},
    {"time_ns", time_time_ns, 0, NULL},
    {"perf_counter", time_perf_counter, 0,
     "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, 0, NULL},
    {"monotonic", time_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, 0, NULL},
    {"process_time", time_process_time, 0,
     "Process time for profiling: sum of the kernel and user-space CPU "
     "time."},
    {"process_time_ns", time_process_time_ns, 0, NULL},
    {"thread_time", time_thread_time, 0, NULL},
    {"thread_time_ns", time_thread_time_ns, 0, NULL},
    {"sleep", time_sleep, 0,
     "sleep(seconds)\n\nDelay execution for a given number of seconds."},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_time_create(void)
{
    FtObject *m = ft_module_new("time");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, time_methods) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
