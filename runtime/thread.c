/* runtime/thread.c — starting OS threads that run Python code. A new thread
 * makes its own FtThreadState, reports back to its creator (so a failure is
 * an exception there, not a lost thread), takes the GIL, runs, and then
 * deletes its state under the GIL and gives the GIL up for good.
 */
#include "runtime/thread.h"
#include "objects/object.h"
#include "runtime/atomics.h"
#include "runtime/gil.h"
#include "runtime/refcount.h"
#include "runtime/tstate.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>

static volatile ft_atomic_t running;    /* threads between start and exit */
static volatile ft_atomic_t stack_size; /* 0: the system default */
static unsigned long main_ident;

/* The process's first thread runs static constructors: that is the main
 * thread, whatever thread later imports _thread first. */
__attribute__((constructor)) static void remember_main_thread(void)
{
    main_ident = (unsigned long)pthread_self();
}

unsigned long ft_thread_main_ident(void)
{
    return main_ident;
}

unsigned long ft_thread_get_ident(void)
{
    return (unsigned long)pthread_self();
}

long ft_thread_running(void)
{
    return (long)ft_atomic_load(&running);
}

size_t ft_thread_get_stack_size(void)
{
    return (size_t)ft_atomic_load(&stack_size);
}

int ft_thread_set_stack_size(size_t size)
{
    if (size != 0) {
        /* Ask pthreads itself whether it would take the size. */
        pthread_attr_t attr;
        int ok = size >= 32768 && pthread_attr_init(&attr) == 0;
        if (ok) {
            ok = pthread_attr_setstacksize(&attr, size) == 0;
            pthread_attr_destroy(&attr);
        }
        if (!ok) {
            ft_err_format(FtExc_ValueError, "size not valid: %zd bytes",
                          (ssize_t)size);
            return -1;
        }
    }
    ft_atomic_store(&stack_size, (ft_atomic_t)size);
    return 0;
}

/* What the creator hands over; lives on the creator's stack until the new
 * thread has reported whether it could make its state. */
typedef struct {
    ft_thread_func func;
    void *arg;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int state; /* 0 starting, 1 running, -1 no thread state */
} Start;

static void report(Start *s, int state)
{
    pthread_mutex_lock(&s->mutex);
    s->state = state;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->mutex);
}

static void *bootstrap(void *p)
{
    Start *s = p;
    FtThreadState *ts = ft_tstate_new();
    if (ts == NULL) {
        report(s, -1);
        ft_atomic_add(&running, (ft_atomic_t)-1);
        return NULL;
    }
    ft_thread_func func = s->func;
    void *arg = s->arg;
    report(s, 1); /* s is gone from here on */

    ft_gil_acquire(ts);
    ft_rc_thread_init(ts);
    func(arg);
    if (ft_err_occurred()) /* func's contract says none; never leak one */
        ft_err_clear();
    ft_rc_thread_exit(ts);
    ft_tstate_delete(ts);
    ft_atomic_add(&running, (ft_atomic_t)-1);
    ft_gil_release_exit();
    return NULL;
}

int ft_thread_start(ft_thread_func func, void *arg, unsigned long *ident)
{
    Start s = {.func = func, .arg = arg, .state = 0};
    pthread_attr_t attr;
    pthread_t tid;
    if (pthread_mutex_init(&s.mutex, NULL) != 0)
        goto fail;
    if (pthread_cond_init(&s.cond, NULL) != 0) {
        pthread_mutex_destroy(&s.mutex);
        goto fail;
    }
    int rc = pthread_attr_init(&attr);
    size_t size = ft_thread_get_stack_size();
    if (rc == 0 && size != 0)
        rc = pthread_attr_setstacksize(&attr, size);
    if (rc == 0) {
        /* Nobody joins OS threads: threading.Thread.join waits on a lock
         * the thread releases at its end (mod_thread.c's sentinel). */
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        ft_atomic_add(&running, 1);
        rc = pthread_create(&tid, &attr, bootstrap, &s);
        if (rc != 0)
            ft_atomic_add(&running, (ft_atomic_t)-1);
        pthread_attr_destroy(&attr);
    }
    if (rc == 0) {
        /* Only ft_tstate_new runs before the report: no GIL needed there,
         * so waiting with the GIL held cannot deadlock. Without a GIL the
         * new thread may have to wait in ft_tstate_new for a stopped world
         * to restart, so this thread counts as stopped meanwhile (and its
         * object locks are released, as around any blocking wait). */
        FtThreadState *self = ft_tstate_get();
        if (self != NULL)
            ft_cs_suspend_all(self);
        ft_gc_detach();
        pthread_mutex_lock(&s.mutex);
        while (s.state == 0)
            pthread_cond_wait(&s.cond, &s.mutex);
        pthread_mutex_unlock(&s.mutex);
        ft_gc_attach();
        if (self != NULL)
            ft_cs_resume(self);
    }
    pthread_cond_destroy(&s.cond);
    pthread_mutex_destroy(&s.mutex);
    if (rc == 0 && s.state == 1) {
        *ident = (unsigned long)tid;
        return 0;
    }
fail:
    ft_err_set_string(FtExc_RuntimeError, "can't start new thread");
    return -1;
}
