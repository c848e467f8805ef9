/* bench/micro/bench_locks.c — an object critical section (acquire, one
 * increment, release) in the configured object-lock variant: one thread;
 * two threads on one shared list (contended); two threads on a list each
 * (contended only where the variant shares locks between objects).
 * Builds with a GIL have no object locks and register nothing here.
 */
#include "bench/micro/micro.h"

#if defined(MICRO_THREADED)

/* Guarded by shared_list's lock; reset by thread 0 before each run. */
static FtObject *shared_list;
static long shared_count;

static void cs_loop(ftb_state *st, FtObject *o, long *count)
{
    while (ftb_keep_running_batch(st, MICRO_BATCH)) {
        for (int i = 0; i < MICRO_BATCH; i++) {
            FT_BEGIN_CRITICAL_SECTION(o);
            (*count)++;
            MICRO_CLOBBER();
            FT_END_CRITICAL_SECTION();
        }
    }
    ftb_set_items_processed(st, ftb_iterations(st));
}

/* One section per iteration on a list of the calling thread's own. */
static void bm_lock_private(ftb_state *st)
{
    FtThreadState *ts = micro_thread_enter(st);
    FtObject *o = ft_list_new(0);
    long count = 0;
    if (o == NULL) {
        ftb_skip_with_error(st, "out of memory");
    } else {
        cs_loop(st, o, &count);
        if (count != ftb_iterations(st))
            ftb_skip_with_error(st, "the section ran a wrong number of times");
        FT_DECREF(o);
    }
    micro_thread_leave(ts);
}

static void bm_lock_shared(ftb_state *st)
{
    FtThreadState *ts = micro_thread_enter(st);
    /* No thread enters its loop before thread 0 has done this: the first
     * ftb_keep_running_batch waits for all threads. */
    if (ftb_thread_index(st) == 0)
        shared_count = 0;
    cs_loop(st, shared_list, &shared_count);
    /* ... and the last one returns only when all threads are done. */
    if (ftb_thread_index(st) == 0 &&
        shared_count != ftb_iterations(st) * ftb_threads(st))
        ftb_skip_with_error(st, "lost updates under the object lock");
    micro_thread_leave(ts);
}

void micro_register_locks(void)
{
    ftb_register("lock_unlock/" MICRO_LOCKS "/" MICRO_TSTATE, bm_lock_private,
                 1, -1, NULL);
    shared_list = ft_list_new(0); /* kept until exit */
    if (shared_list != NULL)
        ftb_register("lock_unlock_shared/" MICRO_LOCKS "/" MICRO_TSTATE,
                     bm_lock_shared, 2, -1, NULL);
    ftb_register("lock_unlock_private/" MICRO_LOCKS "/" MICRO_TSTATE,
                 bm_lock_private, 2, -1, NULL);
}

#else

void micro_register_locks(void) {}

#endif
