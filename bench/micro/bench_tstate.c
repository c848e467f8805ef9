/* bench/micro/bench_tstate.c — ft_tstate_get() in the configured lookup
 * (--with-tstate=tls reads a thread-local pointer; list scans the list of
 * thread states), with a given number of other threads holding a state:
 * with `list` the main thread's state, created first, is found last.
 */
#include "bench/micro/micro.h"

#include <pthread.h>

#define MAX_OTHERS 64

/* Threads that hold a state and wait until they are told to go. */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int ready; /* threads that have their state (or failed to get one) */
    int failed;
    int stop;
} Parked;

static void *parked_main(void *p)
{
    Parked *k = (Parked *)p;
    FtThreadState *ts = ft_tstate_new();
    pthread_mutex_lock(&k->mu);
    k->ready++;
    k->failed += ts == NULL;
    pthread_cond_broadcast(&k->cv);
    while (!k->stop)
        pthread_cond_wait(&k->cv, &k->mu);
    pthread_mutex_unlock(&k->mu);
    if (ts != NULL)
        ft_tstate_delete(ts); /* touched no object: nothing to release */
    return NULL;
}

static void bm_tstate_get(ftb_state *st)
{
    Parked k = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};
    pthread_t t[MAX_OTHERS];
    long others = ftb_arg(st), started = 0;
    if (others > MAX_OTHERS)
        others = MAX_OTHERS;
    while (started < others &&
           pthread_create(&t[started], NULL, parked_main, &k) == 0)
        started++;
    pthread_mutex_lock(&k.mu);
    while (k.ready < started)
        pthread_cond_wait(&k.cv, &k.mu);
    int failed = k.failed;
    pthread_mutex_unlock(&k.mu);

    FtThreadState *expected = ft_tstate_get(), *ts = NULL;
    if (started < others || failed) {
        ftb_skip_with_error(st, "cannot start the other threads");
    } else {
        while (ftb_keep_running_batch(st, MICRO_BATCH)) {
            for (int i = 0; i < MICRO_BATCH; i++) {
                ts = ft_tstate_get();
                MICRO_USE(ts);
            }
        }
        ftb_set_items_processed(st, ftb_iterations(st));
        if (ts != expected)
            ftb_skip_with_error(st, "found another thread's state");
    }

    pthread_mutex_lock(&k.mu);
    k.stop = 1;
    pthread_cond_broadcast(&k.cv);
    pthread_mutex_unlock(&k.mu);
    for (long i = 0; i < started; i++)
        pthread_join(t[i], NULL);
}

void micro_register_tstate(void)
{
    ftb_register("tstate_get/" MICRO_TSTATE, bm_tstate_get, 1, 1, "others");
    ftb_register("tstate_get/" MICRO_TSTATE, bm_tstate_get, 1, 8, "others");
}
