/* interp/mod_thread.c — the _thread module: start_new_thread and what a
 * started thread does around the Python call (report an uncaught
 * exception, drop its thread-local values, release its sentinel locks),
 * thread identity, the C excepthook threading uses, and the exit-time
 * join of non-daemon threads. Locks live in mod_thread_lock.c, thread-local
 * objects in mod_thread_local.c.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* syscall(SYS_gettid) */
#endif
#include "interp/mod_thread.h"
#include "interp/modules.h"
#include "objects/deferred.h"
#include "objects/object.h"
#include "runtime/qsbr.h"
#include "runtime/thread.h"
#include "runtime/tstate.h"

#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

double ft_thread_timeout_max(void); /* mod_thread_lock.c */

/* ---- what a started thread runs ------------------------------------------ */

typedef struct {
    FtObject *func, *args, *kwargs; /* owned; kwargs may be NULL */
} Boot;

/* Locks the thread holds until it ends (_set_sentinel): threading's join()
 * waits on them, so it returns only once the thread is really done. */
static __thread FtObject *thread_sentinels;

static void write_stderr_obj(FtObject *s)
{
    if (s != NULL && FT_STR_CHECK(s))
        ft_sys_write_stderr_cstr(ft_str_cstr(s));
}

/* CPython's "unraisable" report for the function of a raw thread. */
static void report_uncaught(FtObject *func)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL || ft_type_check(exc, FtExc_SystemExit)) {
        FT_XDECREF(exc); /* thread.exit() / sys.exit(): a quiet end */
        return;
    }
    FtObject *r = ft_object_repr(func);
    if (r == NULL)
        ft_err_clear();
    ft_sys_write_stderr_cstr("Exception ignored in thread started by: ");
    if (r != NULL)
        write_stderr_obj(r);
    else
        ft_sys_write_stderr_cstr("<object repr() failed>");
    ft_sys_write_stderr_cstr("\n");
    FT_XDECREF(r);
    ft_err_print_exception(exc);
    FT_DECREF(exc);
    ft_err_clear();
}

static void release_sentinels(void)
{
    FtObject *list = thread_sentinels;
    if (list == NULL)
        return;
    thread_sentinels = NULL;
    for (ssize_t i = 0; i < FT_LIST_SIZE(list); i++)
        ft_thread_lock_release(FT_LIST_ITEMS(list)[i]);
    FT_DECREF(list);
}

static void thread_body(void *p)
{
    Boot *b = p;
    FtObject *r = ft_call_tuple_dict(b->func, b->args, b->kwargs);
    if (r == NULL)
        report_uncaught(b->func);
    FT_XDECREF(r);
    FT_DECREF(b->func);
    FT_DECREF(b->args);
    FT_XDECREF(b->kwargs);
    ft_mem_free(b);
    ft_thread_local_thread_exit();
    /* Destructors may still run here (objects other threads handed back to
     * this owner): before ft_qsbr_flush, after which this thread runs no
     * Python code. Idempotent, so runtime/thread.c's later call is idle. */
    ft_rc_thread_exit(ft_tstate_get());
    /* What this thread dropped is released by the others from now on. */
    ft_qsbr_flush();
    release_sentinels();
}

/* ---- module functions ------------------------------------------------------ */

static FtObject *ident_to_int(unsigned long ident)
{
    return ft_int_from_i64((int64_t)ident);
}

static FtObject *thread_start_new_thread(FtObject *self, FtObject *const *args,
                                         size_t nargs, FtObject *kwnames)
{
    if (ft_arg_no_kwargs("start_new_thread", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 3) {
        ft_err_format(FtExc_TypeError,
                      "start_new_thread expected at %s %d arguments, got %zd",
                      nargs < 2 ? "least" : "most", nargs < 2 ? 2 : 3,
                      (ssize_t)nargs);
        return NULL;
    }
    if (!ft_callable(args[0])) {
        ft_err_set_string(FtExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!FT_TUPLE_CHECK(args[1])) {
        ft_err_set_string(FtExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    FtObject *kwargs = nargs > 2 ? args[2] : NULL;
    if (kwargs != NULL && !FT_DICT_CHECK(kwargs)) {
        ft_err_set_string(FtExc_TypeError,
                          "optional 3rd arg must be a dictionary");
        return NULL;
    }
    Boot *b = ft_mem_alloc(sizeof *b);
    if (b == NULL)
        return NULL;
    /* Before the first extra thread exists: objects/deferred.h. */
    ft_deferred_threads_starting();
    b->func = FT_NEWREF(args[0]);
    b->args = FT_NEWREF(args[1]);
    b->kwargs = kwargs ? FT_NEWREF(kwargs) : NULL;
    unsigned long ident;
    if (ft_thread_start(thread_body, b, &ident) < 0) {
        FT_DECREF(b->func);
        FT_DECREF(b->args);
        FT_XDECREF(b->kwargs);
        ft_mem_free(b);
        return NULL;
    }
    return ident_to_int(ident);
}

static FtObject *thread_allocate_lock(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("allocate_lock", nargs, 0, 0) < 0)
        return NULL;
    return ft_thread_lock_new();
}

static FtObject *thread_get_ident(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("get_ident", nargs, 0, 0) < 0)
        return NULL;
    return ident_to_int(ft_thread_get_ident());
}

static FtObject *thread_get_native_id(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("get_native_id", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64((int64_t)syscall(SYS_gettid));
}

static FtObject *thread_main_ident(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_main_thread_ident", nargs, 0, 0) < 0)
        return NULL;
    return ident_to_int(ft_thread_main_ident());
}

static FtObject *thread_exit(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("exit", nargs, 0, 0) < 0)
        return NULL;
    ft_err_set_none(FtExc_SystemExit);
    return NULL;
}

static FtObject *thread_count(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_count", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(ft_thread_running());
}

static FtObject *thread_stack_size(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("stack_size", nargs, 0, 1) < 0)
        return NULL;
    size_t old = ft_thread_get_stack_size();
    if (nargs == 1) {
        if (!FT_INT_CHECK(args[0])) {
            ft_err_format(FtExc_TypeError,
                          "'%s' object cannot be interpreted as an integer",
                          ft_type_name(FT_TYPE(args[0])));
            return NULL;
        }
        int64_t v = ft_int_clamped(args[0]);
        if (v < 0) {
            ft_err_set_string(FtExc_ValueError,
                              "size must be 0 or a positive value");
            return NULL;
        }
        if (ft_thread_set_stack_size((size_t)v) < 0)
            return NULL;
    }
    return ft_int_from_i64((int64_t)old);
}

static FtObject *thread_interrupt_main(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"signum", NULL};
    FtObject *a[1];
    if (ft_arg_parse("interrupt_main", args, nargs, kwnames, kwlist, 0, 1, a) <
        0)
        return NULL;
    if (a[0] != NULL && (!FT_INT_CHECK(a[0]) || ft_int_clamped(a[0]) != SIGINT)) {
        ft_err_set_string(FtExc_ValueError,
                          "interrupt_main() supports only signal.SIGINT");
        return NULL;
    }
    /* As if Ctrl-C had been pressed: the handler of runtime/signals.c (or
     * nothing, if the process ignores SIGINT, as CPython does then). */
    raise(SIGINT);
    FT_RETURN_NONE;
}

static FtObject *thread_daemon_threads_allowed(FtObject *self,
                                               FtObject *const *args,
                                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("daemon_threads_allowed", nargs, 0, 0) < 0)
        return NULL;
    FT_RETURN_TRUE;
}

/* A lock, held, that the calling thread releases when it ends. */
static FtObject *thread_set_sentinel(FtObject *self, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_set_sentinel", nargs, 0, 0) < 0)
        return NULL;
    if (thread_sentinels == NULL && (thread_sentinels = ft_list_new(0)) == NULL)
        return NULL;
    FtObject *lock = ft_thread_lock_new();
    if (lock == NULL)
        return NULL;
    if (ft_thread_lock_acquire(lock) < 0 ||
        ft_list_append(thread_sentinels, lock) < 0) {
        FT_DECREF(lock);
        return NULL;
    }
    return lock;
}

static FtObject *getattr_or_none(FtObject *o, const char *name)
{
    FtObject *v = ft_object_getattr_str(o, name);
    if (v == NULL) {
        ft_err_clear();
        v = FT_NEWREF(FT_None);
    }
    return v;
}

/* threading.excepthook's default: "Exception in thread NAME:" and the
 * traceback on sys.stderr; SystemExit is ignored silently. */
static FtObject *thread_excepthook(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_excepthook", nargs, 1, 1) < 0)
        return NULL;
    FtObject *type = getattr_or_none(args[0], "exc_type");
    FtObject *value = getattr_or_none(args[0], "exc_value");
    FtObject *thread = getattr_or_none(args[0], "thread");
    if (ft_exception_class_check(type) &&
        ft_type_is_subtype((FtType *)type, FtExc_SystemExit))
        goto done;
    FtObject *name = thread != FT_None ? ft_object_getattr_str(thread, "name")
                                       : NULL;
    if (name == NULL)
        ft_err_clear();
    FtObject *line =
        name != NULL && FT_STR_CHECK(name)
            ? ft_str_from_format("Exception in thread %U:\n", name)
            : ft_str_from_format("Exception in thread %zd:\n",
                                 (ssize_t)ft_thread_get_ident());
    FT_XDECREF(name);
    if (line == NULL)
        ft_err_clear();
    write_stderr_obj(line);
    FT_XDECREF(line);
    if (ft_exception_check(value)) {
        ft_err_print_exception(value);
    } else if (ft_exception_class_check(type)) {
        ft_sys_write_stderr_cstr(ft_type_name((FtType *)type));
        ft_sys_write_stderr_cstr("\n");
    }
    ft_err_clear();
done:
    FT_DECREF(type);
    FT_DECREF(value);
    FT_DECREF(thread);
    FT_RETURN_NONE;
}

/* _print_exception(exc, header): header, then exc with its traceback, on
 * sys.stderr (for an excepthook that failed). */
static FtObject *thread_print_exception(FtObject *self, FtObject *const *args,
                                        size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_print_exception", nargs, 2, 2) < 0)
        return NULL;
    write_stderr_obj(args[1]);
    if (ft_exception_check(args[0]))
        ft_err_print_exception(args[0]);
    ft_err_clear();
    FT_RETURN_NONE;
}

static FtMethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, FT_METH_KEYWORDS,
     "start_new_thread(function, args[, kwargs]) -> ident\n\nStart a thread "
     "that calls function(*args, **kwargs) and ends when it returns."},
    {"start_new", thread_start_new_thread, FT_METH_KEYWORDS, NULL},
    {"allocate_lock", thread_allocate_lock, 0,
     "allocate_lock() -> lock object"},
    {"allocate", thread_allocate_lock, 0, NULL},
    {"get_ident", thread_get_ident, 0,
     "get_ident() -> integer\n\nA non-zero integer that identifies the "
     "current thread among the threads that exist at the same time."},
    {"get_native_id", thread_get_native_id, 0,
     "get_native_id() -> integer\n\nThe thread id the kernel knows."},
    {"exit", thread_exit, 0, "exit()\n\nEnd the thread (raises SystemExit)."},
    {"exit_thread", thread_exit, 0, NULL},
    {"_count", thread_count, 0,
     "_count() -> integer\n\nThreads started by this module still running."},
    {"stack_size", thread_stack_size, 0,
     "stack_size([size]) -> size\n\nThe stack size of threads created from "
     "now on (0: the system default); returns the previous one."},
    {"interrupt_main", thread_interrupt_main, FT_METH_KEYWORDS,
     "interrupt_main(signum=SIGINT)\n\nRaise KeyboardInterrupt in the main "
     "thread soon."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, 0, NULL},
    {"_set_sentinel", thread_set_sentinel, 0, NULL},
    {"_main_thread_ident", thread_main_ident, 0, NULL},
    {"_excepthook", thread_excepthook, 0, NULL},
    {"_print_exception", thread_print_exception, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* Called when the builtins module is made, so that the types (kept for
 * good) exist before the debug reference total takes its start value. */
int ft_mod_thread_ready_types(void)
{
    FtType *types[] = {&FtThreadLock_Type, &FtThreadRLock_Type,
                       &FtThreadLocal_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->tp_flags & FT_TPFLAGS_READY) &&
            ft_type_ready(types[i]) < 0)
            return -1;
    return 0;
}

FtObject *ft_mod_thread_create(void)
{
    if (ft_mod_thread_ready_types() < 0)
        return NULL;
    FtObject *m = ft_module_new("_thread");
    if (m == NULL)
        return NULL;
    FtObject *tmax = ft_float_from_double(ft_thread_timeout_max());
    int ok = tmax != NULL && ft_module_add_functions(m, thread_methods) == 0 &&
             ft_module_add_object(m, "LockType",
                                  (FtObject *)&FtThreadLock_Type) == 0 &&
             ft_module_add_object(m, "lock", (FtObject *)&FtThreadLock_Type) ==
                 0 &&
             ft_module_add_object(m, "RLock",
                                  (FtObject *)&FtThreadRLock_Type) == 0 &&
             ft_module_add_object(m, "_local",
                                  (FtObject *)&FtThreadLocal_Type) == 0 &&
             ft_module_add_object(m, "error",
                                  (FtObject *)FtExc_RuntimeError) == 0 &&
             ft_module_add_object(m, "TIMEOUT_MAX", tmax) == 0;
    FT_XDECREF(tmax);
    if (!ok) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}

/* ---- the end of the main program ------------------------------------------ */

int ft_thread_shutdown(void)
{
    FtObject *pending = ft_err_fetch();
    FtObject *modules = ft_modules_dict();
    FtObject *threading = modules ? ft_dict_get_str(modules, "threading") : NULL;
    if (threading != NULL) {
        FtObject *name = ft_str_intern_cstr("_shutdown");
        FtObject *r = name ? ft_call_method(threading, name, NULL, 0) : NULL;
        FT_XDECREF(name);
        FT_XDECREF(r);
        FT_DECREF(threading);
    }
    ft_err_print(); /* if any; SystemExit stays quiet, as at top level */
    ft_err_restore(pending);
    return ft_thread_running() > 0;
}
