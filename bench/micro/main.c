/* bench/micro/main.c — ftpy-micro: brings the runtime up as the ftpy
 * command does, registers the microbenchmarks that this build's variants
 * make meaningful, and hands the command line to Google Benchmark.
 */
#include "bench/micro/micro.h"
#include "runtime/init.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

FtThreadState *micro_thread_enter(ftb_state *st)
{
    if (ftb_thread_index(st) == 0)
        return NULL;
    FtThreadState *ts = ft_tstate_new();
    if (ts == NULL) {
        ftb_skip_with_error(st, "cannot allocate a thread state");
        return NULL;
    }
    ft_rc_thread_init(ts);
    return ts;
}

void micro_thread_leave(FtThreadState *ts)
{
    if (ts != NULL)
        ft_tstate_delete(ts); /* also ends biased ownership */
}

/* The cost of the timing loop itself, to read the other numbers against. */
static void bm_empty_loop(ftb_state *st)
{
    while (ftb_keep_running_batch(st, MICRO_BATCH)) {
        for (int i = 0; i < MICRO_BATCH; i++)
            MICRO_CLOBBER();
    }
    ftb_set_items_processed(st, ftb_iterations(st));
}

static void *nothing(void *arg) { return arg; }

/* glibc drops the lock prefix from its mutexes (and other atomics) while a
 * process has never had a second thread: pthread_mutex_lock + unlock cost
 * about 5 ns instead of 25 here. Every build of an interpreter with threads
 * pays the real price, so the benchmarks run after one thread has existed
 * (the flag never goes back). */
static int become_multithreaded(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, nothing, NULL) != 0)
        return -1;
    return pthread_join(t, NULL) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf(
                "usage: %s [GOOGLE-BENCHMARK-OPTIONS...]\n"
                "Microbenchmarks of this build's reference counting, object\n"
                "locks, thread-state lookup, list append and dict get/set;\n"
                "--benchmark_list_tests lists them. Google Benchmark's\n"
                "options:\n",
                argv[0]);
            fflush(stdout);
            char help[] = "--help";
            char *hargv[] = {argv[0], help, NULL};
            int hargc = 2;
            return ftb_run(&hargc, hargv); /* prints its usage and exits */
        }
    }
    if (become_multithreaded() < 0) {
        fprintf(stderr, "ftpy-micro: cannot start a thread\n");
        return 2;
    }
    if (ft_runtime_init() < 0)
        return 2;
    ftb_register("empty_loop", bm_empty_loop, 1, -1, NULL);
    micro_register_refcount();
    micro_register_locks();
    micro_register_containers();
    /* Last: with --with-tstate=list the states its helper threads leave
     * behind stay on the list and would lengthen every later scan. */
    micro_register_tstate();
    int rc = ftb_run(&argc, argv);
    ft_runtime_fini();
    return rc;
}
