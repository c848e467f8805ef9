/* interp/mod_thread_lock.c — _thread.lock (what threading.Lock() returns)
 * and _thread.RLock: a flag under a pthread mutex with a condition variable
 * on the monotonic clock. A blocked acquire waits with the GIL released; in
 * the main thread it wakes every SLICE to let a signal (Ctrl-C) through.
 */
#include "interp/mod_thread.h"
#include "objects/object.h"
#include "runtime/gil.h"
#include "runtime/qsbr.h"
#include "runtime/thread.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

/* How often a main thread blocked on a lock looks for signals. */
#define SLICE_NS 20000000L
/* CPython's TIMEOUT_MAX on 64-bit Linux: the largest timeout in whole
 * seconds whose nanoseconds fit an int64. */
#define TIMEOUT_MAX_S 9223372036.0

/* ---- the primitive --------------------------------------------------------- */

typedef struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond; /* signalled when `locked` goes to 0 */
    int locked;          /* under mutex */
} TLock;

static int tlock_init(TLock *l)
{
    pthread_condattr_t attr;
    if (pthread_mutex_init(&l->mutex, NULL) != 0)
        return -1;
    if (pthread_condattr_init(&attr) != 0) {
        pthread_mutex_destroy(&l->mutex);
        return -1;
    }
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    int rc = pthread_cond_init(&l->cond, &attr);
    pthread_condattr_destroy(&attr);
    if (rc != 0) {
        pthread_mutex_destroy(&l->mutex);
        return -1;
    }
    l->locked = 0;
    return 0;
}

static void tlock_fini(TLock *l)
{
    pthread_cond_destroy(&l->cond);
    pthread_mutex_destroy(&l->mutex);
}

static int tlock_try(TLock *l)
{
    pthread_mutex_lock(&l->mutex);
    int got = !l->locked;
    l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    return got;
}

static void tlock_release(TLock *l)
{
    pthread_mutex_lock(&l->mutex);
    l->locked = 0;
    pthread_cond_signal(&l->cond);
    pthread_mutex_unlock(&l->mutex);
}

static int tlock_is_locked(TLock *l)
{
    pthread_mutex_lock(&l->mutex);
    int r = l->locked;
    pthread_mutex_unlock(&l->mutex);
    return r;
}

static void ts_add_ns(struct timespec *t, long long ns)
{
    t->tv_sec += (time_t)(ns / 1000000000LL);
    t->tv_nsec += (long)(ns % 1000000000LL);
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static int ts_before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec ||
           (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

enum { WAIT_TIMEOUT = 0, WAIT_ACQUIRED = 1, WAIT_SLICE = 2 };

/* Runs without the GIL: waits until the lock is ours, `deadline` (NULL:
 * none) has passed, or — if `sliced` — one slice has passed. */
static int tlock_wait(TLock *l, const struct timespec *deadline, int sliced)
{
    struct timespec wake;
    const struct timespec *until = deadline;
    if (sliced) {
        clock_gettime(CLOCK_MONOTONIC, &wake);
        ts_add_ns(&wake, SLICE_NS);
        if (deadline == NULL || ts_before(&wake, deadline))
            until = &wake;
    }
    int r = WAIT_ACQUIRED;
    pthread_mutex_lock(&l->mutex);
    while (l->locked) {
        int rc = until != NULL
                     ? pthread_cond_timedwait(&l->cond, &l->mutex, until)
                     : pthread_cond_wait(&l->cond, &l->mutex);
        if (rc == ETIMEDOUT && l->locked) {
            r = until == deadline ? WAIT_TIMEOUT : WAIT_SLICE;
            break;
        }
    }
    if (r == WAIT_ACQUIRED)
        l->locked = 1;
    pthread_mutex_unlock(&l->mutex);
    return r;
}

/* timeout_ns < 0: forever; 0: do not wait. 1 acquired, 0 timed out, -1 a
 * signal handler raised. */
static int tlock_acquire(TLock *l, long long timeout_ns)
{
    if (tlock_try(l))
        return 1;
    if (timeout_ns == 0)
        return 0;
    struct timespec deadline;
    if (timeout_ns > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        ts_add_ns(&deadline, timeout_ns);
    }
    /* Only the main thread handles signals, so only it wakes up to look;
     * it takes the GIL back only when there is something to handle, not
     * every slice (that would force a GIL switch on whoever is running). */
    int sliced = ft_signals_is_main_thread();
    for (;;) {
        int r;
        FT_BEGIN_ALLOW_THREADS
        do
            r = tlock_wait(l, timeout_ns > 0 ? &deadline : NULL, sliced);
        while (r == WAIT_SLICE && !ft_signals_pending());
        FT_END_ALLOW_THREADS
        if (r != WAIT_SLICE)
            return r;
        if (ft_signals_handle() < 0)
            return -1;
    }
}

/* ---- acquire()'s arguments, checked as CPython 3.11 does ----------------- */

static int int_arg(FtObject *o, int64_t *out)
{
    if (!FT_INT_CHECK(o)) {
        ft_err_format(FtExc_TypeError,
                      "'%s' object cannot be interpreted as an integer",
                      ft_type_name(FT_TYPE(o)));
        return -1;
    }
    return ft_int_as_i64(o, out);
}

/* acquire(blocking=True, timeout=-1) -> timeout in ns (-1 forever, 0 try). */
static int parse_acquire(const char *fname, FtObject *const *args,
                         size_t nargs, FtObject *kwnames, long long *timeout_ns)
{
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    FtObject *a[2];
    if (ft_arg_parse(fname, args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return -1;
    int64_t blocking = 1;
    if (a[0] != NULL && int_arg(a[0], &blocking) < 0)
        return -1;
    double t = -1;
    if (a[1] != NULL) {
        if (FT_FLOAT_CHECK(a[1])) {
            t = FT_FLOAT_VALUE(a[1]);
        } else {
            int64_t v;
            if (int_arg(a[1], &v) < 0)
                return -1;
            t = (double)v;
        }
        if (isnan(t)) {
            ft_err_set_string(FtExc_ValueError,
                              "Invalid value NaN (not a number)");
            return -1;
        }
        if (t > TIMEOUT_MAX_S || t < -TIMEOUT_MAX_S) {
            ft_err_set_string(FtExc_OverflowError,
                              "timestamp out of range for platform time_t");
            return -1;
        }
    }
    if (!blocking && t != -1) {
        ft_err_set_string(FtExc_ValueError,
                          "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        ft_err_set_string(FtExc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking)
        *timeout_ns = 0;
    else if (t < 0)
        *timeout_ns = -1;
    else
        *timeout_ns = (long long)(t * 1e9) > 0 ? (long long)(t * 1e9)
                      : t > 0                   ? 1
                                                : 0;
    return 0;
}

/* ---- _thread.lock ---------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    TLock lock;
} LockObject;

#define LOCK(o) (&((LockObject *)(o))->lock)

/* A new object of `type`, whose struct starts like LockObject (RLock's
 * does too), with its TLock made. */
static FtObject *lock_object_new(FtType *type)
{
    LockObject *self = (LockObject *)ft_object_new(type);
    if (self == NULL)
        return NULL;
    if (tlock_init(&self->lock) < 0) {
        /* dealloc must not destroy what was never made */
        ft_object_free((FtObject *)self);
        ft_err_set_string(FtExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    return (FtObject *)self;
}

FtObject *ft_thread_lock_new(void)
{
    return lock_object_new(&FtThreadLock_Type);
}

int ft_thread_lock_acquire(FtObject *lock)
{
    return tlock_acquire(LOCK(lock), -1) < 0 ? -1 : 1;
}

void ft_thread_lock_release(FtObject *lock)
{
    tlock_release(LOCK(lock));
}

static void lock_dealloc(FtObject *self)
{
    tlock_fini(LOCK(self));
    ft_object_free(self);
}

static FtObject *lock_tp_new(FtType *type, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    ft_err_format(FtExc_TypeError, "cannot create '%s' instances",
                  type->tp_name);
    return NULL;
}

static FtObject *lock_repr(FtObject *self)
{
    return ft_str_from_format("<%s %s object at %p>",
                              tlock_is_locked(LOCK(self)) ? "locked"
                                                          : "unlocked",
                              FT_TYPE(self)->tp_name, (void *)self);
}

static FtObject *lock_acquire(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    long long timeout_ns;
    if (parse_acquire("acquire", args, nargs, kwnames, &timeout_ns) < 0)
        return NULL;
    int r = tlock_acquire(LOCK(self), timeout_ns);
    if (r < 0)
        return NULL;
    return ft_bool_from(r);
}

static FtObject *lock_release(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("release", nargs, 0, 0) < 0)
        return NULL;
    TLock *l = LOCK(self);
    pthread_mutex_lock(&l->mutex);
    int was = l->locked;
    pthread_mutex_unlock(&l->mutex);
    if (!was) {
        ft_err_set_string(FtExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    tlock_release(l);
    /* threading's join() ends by acquiring and releasing the thread's
     * sentinel: let what that thread dropped on its way out (left for a
     * grace period, runtime/qsbr.h) be released before the joiner reads
     * the results. After the release, so a __del__ may take this lock. */
    ft_qsbr_adopt_orphans();
    FT_RETURN_NONE;
}

static FtObject *lock_exit(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    return lock_release(self, NULL, 0, NULL);
}

static FtObject *lock_locked(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("locked", nargs, 0, 0) < 0)
        return NULL;
    return ft_bool_from(tlock_is_locked(LOCK(self)));
}

static FtMethodDef lock_methods[] = {
    {"acquire", lock_acquire, FT_METH_KEYWORDS,
     "acquire(blocking=True, timeout=-1) -> bool\n\nLock the lock, waiting "
     "at most timeout seconds if blocking; True if it was acquired."},
    {"acquire_lock", lock_acquire, FT_METH_KEYWORDS, NULL},
    {"__enter__", lock_acquire, FT_METH_KEYWORDS, NULL},
    {"release", lock_release, 0,
     "release()\n\nRelease the lock; any thread may release it."},
    {"release_lock", lock_release, 0, NULL},
    {"__exit__", lock_exit, 0, NULL},
    {"locked", lock_locked, 0, "locked() -> bool"},
    {"locked_lock", lock_locked, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtThreadLock_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(LockObject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_new = lock_tp_new,
    .tp_methods = lock_methods,
    .tp_doc = "A lock object is a synchronization primitive.",
};

/* ---- _thread.RLock ----------------------------------------------------------
 * owner and count are only written by the owning thread; another thread
 * reading a stale owner can never mistake it for its own ident. Without a
 * GIL those reads race with the owner's writes, so both fields are relaxed
 * atomics (a plain mov on x86; keeps ThreadSanitizer's reports meaningful). */

typedef struct {
    FT_OBJECT_HEAD
    TLock lock;
    ft_atomic_t owner; /* 0: nobody */
    ft_atomic_t count;
} RLockObject;

#define RL(o) ((RLockObject *)(o))
#define OWNER(r) ((unsigned long)ft_atomic_load(&(r)->owner))
#define COUNT(r) ((unsigned long)ft_atomic_load(&(r)->count))
#define SET_OWNER(r, v) ft_atomic_store(&(r)->owner, (ft_atomic_t)(v))
#define SET_COUNT(r, v) ft_atomic_store(&(r)->count, (ft_atomic_t)(v))

_Static_assert(offsetof(RLockObject, lock) == offsetof(LockObject, lock),
               "lock_object_new makes RLocks too");

static FtObject *rlock_tp_new(FtType *type, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    return lock_object_new(type);
}

static int rlock_tp_init(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return 0; /* like CPython's, RLock(...) ignores its arguments */
}

static void rlock_dealloc(FtObject *self)
{
    tlock_fini(&RL(self)->lock);
    ft_object_free(self);
}

static FtObject *rlock_repr(FtObject *self)
{
    /* idents are pthread_t addresses: below 2**63, so %zd prints them */
    return ft_str_from_format("<%s %s object owner=%zd count=%zd at %p>",
                              COUNT(RL(self)) ? "locked" : "unlocked",
                              FT_TYPE(self)->tp_name, (ssize_t)OWNER(RL(self)),
                              (ssize_t)COUNT(RL(self)), (void *)self);
}

static FtObject *rlock_acquire(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    long long timeout_ns;
    if (parse_acquire("acquire", args, nargs, kwnames, &timeout_ns) < 0)
        return NULL;
    RLockObject *r = RL(self);
    unsigned long me = ft_thread_get_ident();
    if (OWNER(r) == me && COUNT(r) > 0) {
        if (COUNT(r) == (unsigned long)-1) {
            ft_err_set_string(FtExc_OverflowError,
                              "Internal lock count overflowed");
            return NULL;
        }
        SET_COUNT(r, COUNT(r) + 1);
        FT_RETURN_TRUE;
    }
    int got = tlock_acquire(&r->lock, timeout_ns);
    if (got < 0)
        return NULL;
    if (got) {
        SET_OWNER(r, me);
        SET_COUNT(r, 1);
    }
    return ft_bool_from(got);
}

static int rlock_check_owned(RLockObject *r)
{
    if (OWNER(r) != ft_thread_get_ident() || COUNT(r) == 0) {
        ft_err_set_string(FtExc_RuntimeError,
                          "cannot release un-acquired lock");
        return -1;
    }
    return 0;
}

static FtObject *rlock_release(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("release", nargs, 0, 0) < 0)
        return NULL;
    RLockObject *r = RL(self);
    if (rlock_check_owned(r) < 0)
        return NULL;
    unsigned long n = COUNT(r) - 1;
    SET_COUNT(r, n);
    if (n == 0) {
        SET_OWNER(r, 0);
        tlock_release(&r->lock);
    }
    FT_RETURN_NONE;
}

static FtObject *rlock_exit(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    return rlock_release(self, NULL, 0, NULL);
}

static FtObject *rlock_is_owned(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_is_owned", nargs, 0, 0) < 0)
        return NULL;
    RLockObject *r = RL(self);
    return ft_bool_from(OWNER(r) == ft_thread_get_ident() && COUNT(r) > 0);
}

/* For Condition.wait: release however deep, remember how deep. */
static FtObject *rlock_release_save(FtObject *self, FtObject *const *args,
                                    size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_release_save", nargs, 0, 0) < 0)
        return NULL;
    RLockObject *r = RL(self);
    if (COUNT(r) == 0) {
        ft_err_set_string(FtExc_RuntimeError,
                          "cannot release un-acquired lock");
        return NULL;
    }
    FtObject *count = ft_int_from_i64((int64_t)COUNT(r));
    FtObject *owner = count ? ft_int_from_i64((int64_t)OWNER(r)) : NULL;
    FtObject *state = owner ? ft_tuple_pack(2, count, owner) : NULL;
    FT_XDECREF(count);
    FT_XDECREF(owner);
    if (state == NULL)
        return NULL;
    SET_COUNT(r, 0);
    SET_OWNER(r, 0);
    tlock_release(&r->lock);
    return state;
}

static FtObject *rlock_acquire_restore(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_acquire_restore", nargs, 1, 1) < 0)
        return NULL;
    FtObject *state = args[0];
    if (!FT_TUPLE_CHECK(state) || FT_TUPLE_SIZE(state) != 2 ||
        !FT_INT_CHECK(FT_TUPLE_GET(state, 0)) ||
        !FT_INT_CHECK(FT_TUPLE_GET(state, 1))) {
        ft_err_set_string(FtExc_TypeError,
                          "_acquire_restore() argument must be a (count, "
                          "owner) tuple");
        return NULL;
    }
    RLockObject *r = RL(self);
    if (tlock_acquire(&r->lock, -1) < 0)
        return NULL;
    SET_OWNER(r, ft_int_clamped(FT_TUPLE_GET(state, 1)));
    SET_COUNT(r, ft_int_clamped(FT_TUPLE_GET(state, 0)));
    FT_RETURN_NONE;
}

static FtMethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, FT_METH_KEYWORDS,
     "acquire(blocking=True, timeout=-1) -> bool\n\nLock the lock; a thread "
     "that already owns it just counts one level deeper."},
    {"__enter__", rlock_acquire, FT_METH_KEYWORDS, NULL},
    {"release", rlock_release, 0,
     "release()\n\nUndo one acquire(); only the owner may call it."},
    {"__exit__", rlock_exit, 0, NULL},
    {"_is_owned", rlock_is_owned, 0, NULL},
    {"_release_save", rlock_release_save, 0, NULL},
    {"_acquire_restore", rlock_acquire_restore, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtThreadRLock_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLockObject),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_new = rlock_tp_new,
    .tp_init = rlock_tp_init,
    .tp_methods = rlock_methods,
};

/* ---- module constants ------------------------------------------------------ */

double ft_thread_timeout_max(void);
double ft_thread_timeout_max(void)
{
    return TIMEOUT_MAX_S;
}
