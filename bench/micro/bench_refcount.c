/* bench/micro/bench_refcount.c — FT_INCREF + FT_DECREF pairs in the
 * configured refcount variant: one thread; two threads on one shared
 * object; two threads on private objects; and (biased) a thread that does
 * not own the object.
 */
#include "bench/micro/micro.h"

#include <pthread.h>

/* One pair per iteration, with the count stored and reloaded between the
 * two halves as in real code. */
static void rc_loop(ftb_state *st, FtObject *o)
{
    while (ftb_keep_running_batch(st, MICRO_BATCH)) {
        for (int i = 0; i < MICRO_BATCH; i++) {
            FT_INCREF(o);
            MICRO_CLOBBER();
            FT_DECREF(o);
            MICRO_CLOBBER();
        }
    }
    ftb_set_items_processed(st, ftb_iterations(st));
}

/* Pairs must leave the count where it was; anything else is a lost
 * update (which is also what plain counts do without a GIL). */
static void rc_check(ftb_state *st, FtObject *o, ssize_t before)
{
    if (ft_refcnt(o) != before)
        ftb_skip_with_error(st, "reference count changed: lost updates");
}

static void bm_incref_decref(ftb_state *st)
{
    FtObject *o = ft_list_new(0);
    if (o == NULL) {
        ftb_skip_with_error(st, "out of memory");
        return;
    }
    ssize_t before = ft_refcnt(o);
    rc_loop(st, o);
    rc_check(st, o, before);
    FT_DECREF(o);
}

#if defined(MICRO_THREADED)

/* Made by the main thread (Google Benchmark's thread 0), so with biased
 * counts thread 0 takes the owner path and thread 1 the shared one. */
static FtObject *shared_obj;

static void bm_incref_decref_shared(ftb_state *st)
{
    FtThreadState *ts = micro_thread_enter(st);
    ssize_t before = ft_refcnt(shared_obj);
    rc_loop(st, shared_obj);
    /* The loop ends at a barrier: every thread's pairs are done here. */
    if (ftb_thread_index(st) == 0)
        rc_check(st, shared_obj, before);
    micro_thread_leave(ts);
}

static void bm_incref_decref_private(ftb_state *st)
{
    FtThreadState *ts = micro_thread_enter(st);
    FtObject *o = ft_list_new(0); /* owned by this thread when biased */
    if (o == NULL) {
        ftb_skip_with_error(st, "out of memory");
    } else {
        ssize_t before = ft_refcnt(o);
        rc_loop(st, o);
        rc_check(st, o, before);
        FT_DECREF(o);
    }
    micro_thread_leave(ts);
}

#endif

#if defined(MICRO_BIASED)

/* A thread that owns one object and keeps it (and its owner id) alive
 * until told to let go, so the benchmark thread is a non-owner. */
typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    FtObject *obj;
    int state; /* 0 starting, 1 object ready (or failed), 2 release it */
} Owner;

static void *owner_main(void *p)
{
    Owner *w = (Owner *)p;
    FtThreadState *ts = ft_tstate_new();
    if (ts != NULL)
        ft_rc_thread_init(ts);
    FtObject *o = ts != NULL ? ft_list_new(0) : NULL;
    pthread_mutex_lock(&w->mu);
    w->obj = o;
    w->state = 1;
    pthread_cond_broadcast(&w->cv);
    while (w->state != 2)
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
    if (o != NULL)
        FT_DECREF(o); /* the owner's last reference: freed right here */
    if (ts != NULL)
        ft_tstate_delete(ts);
    return NULL;
}

static void bm_incref_decref_nonowner(ftb_state *st)
{
    Owner w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0};
    pthread_t t;
    if (pthread_create(&t, NULL, owner_main, &w) != 0) {
        ftb_skip_with_error(st, "cannot start the owner thread");
        return;
    }
    pthread_mutex_lock(&w.mu);
    while (w.state != 1)
        pthread_cond_wait(&w.cv, &w.mu);
    pthread_mutex_unlock(&w.mu);
    if (w.obj == NULL) {
        ftb_skip_with_error(st, "the owner thread could not allocate");
    } else if (ft_rc_is_owner(w.obj)) {
        ftb_skip_with_error(st, "the object is owned by the benchmark thread");
    } else {
        ssize_t before = ft_refcnt(w.obj);
        rc_loop(st, w.obj);
        rc_check(st, w.obj, before);
    }
    pthread_mutex_lock(&w.mu);
    w.state = 2;
    pthread_cond_broadcast(&w.cv);
    pthread_mutex_unlock(&w.mu);
    pthread_join(t, NULL);
}

#endif

void micro_register_refcount(void)
{
    ftb_register("incref_decref/" MICRO_RC, bm_incref_decref, 1, -1, NULL);
#if defined(MICRO_THREADED)
    shared_obj = ft_list_new(0); /* kept until exit */
    if (shared_obj != NULL) {
        ftb_register("incref_decref_shared/" MICRO_RC, bm_incref_decref_shared,
                     2, -1, NULL);
    }
    ftb_register("incref_decref_private/" MICRO_RC, bm_incref_decref_private, 2,
                 -1, NULL);
#endif
#if defined(MICRO_BIASED)
    ftb_register("incref_decref_nonowner/" MICRO_RC, bm_incref_decref_nonowner,
                 1, -1, NULL);
#endif
}
