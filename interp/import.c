/* interp/import.c — `import`: resolving relative names, importing each
 * package of a dotted name in turn, running a module's source once under
 * its own import lock, binding submodules on their parents, `from` lists.
 * Where files are found: interp/import_path.c.
 *
 * Import locks. sys.modules is an ordinary (internally locked) dict; what
 * needs protecting is a module *body*, which runs Python code for as long
 * as it likes. Each module name being imported gets a lock record in one
 * small table (`locks`), created by the first importer and freed when no
 * thread holds or waits for it. The table, the records and the list of
 * waiting threads are guarded by one leaf mutex, `tab`, held only for a
 * few pointer operations and never while Python code runs, a module body
 * executes or the GIL is taken; a module lock itself is not a mutex but
 * the record's owner field, changed under `tab`.
 *
 *   import NAME:  m = sys.modules.get(NAME)
 *     found, and nobody imports NAME now (`in_flight` is 0, or NAME has no
 *       record or one owned by this thread): use m. The common case: one
 *       dict lookup and one atomic load.
 *     found, but another thread is running its body: acquire NAME's lock,
 *       release it at once (wait for the body to finish), use m.
 *     missing: import the parent package first (before taking NAME's
 *       lock, so that lock is never held while waiting for a parent's),
 *       then acquire NAME's lock, look again (another thread may have finished
 *       it meanwhile), and only if still missing: find the file, create
 *       the module, put it in sys.modules, run its body, bind it on the
 *       parent; take it out of sys.modules if the body raises. Release.
 *
 * What it guarantees, to every thread, with or without a GIL: a module's
 * body runs at most once per successful import (a failed one may be
 * retried by the next importer, as in CPython); a thread never sees a
 * module another thread is still initialising, except in the circular
 * case below, as CPython; two different modules' bodies run at the same
 * time in different threads (no global lock is held while a body runs).
 *
 * Why module locks cannot deadlock. A thread holds module locks only for
 * bodies it is running, nested in import order, and before it waits for
 * one it walks the waits-for chain under `tab`: the
 * owner of the lock it wants, the lock that owner waits for (the waiters
 * list), that lock's owner, and so on. If the chain comes back to the
 * thread itself, waiting would close a cycle: it does not wait, and goes
 * on with the partly initialised module, exactly as CPython's _ModuleLock
 * does for circular imports between threads. Every waiter registers its
 * edge in the same `tab` critical region in which it checked the chain,
 * so of the threads that would form a cycle the last one to register
 * sees the whole of it: no cycle of sleeping threads can form. A thread
 * re-entering a lock it owns (a module importing itself, directly or
 * through others) never waits. `tab` is a leaf: its holders block on
 * nothing else, and a waiter gives up the GIL (FT_BEGIN_ALLOW_THREADS,
 * which in free-threaded builds also suspends its critical sections and
 * leaves QSBR) before it sleeps, and takes it back only after dropping
 * `tab`. Imports must not be started under FT_CRIT_LOCK. (A body that
 * waits for something else, such as an Event that only another thread's
 * blocked import would set, can still hang, as in CPython.)
 */
#include "interp/import.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interp/eval.h"
#include "interp/import_internal.h"
#include "interp/parser.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"

/* ---- the module locks -------------------------------------------------- */

typedef struct ImportLock {
    struct ImportLock *next;
    FtObject *name;       /* the module's full name (a reference) */
    FtThreadState *owner; /* NULL when free */
    int depth;            /* the owner's nested acquisitions */
    int users;            /* threads that hold, wait for or are about to */
} ImportLock;

typedef struct Waiter { /* on the waiting thread's C stack */
    struct Waiter *next;
    FtThreadState *ts;
    ImportLock *lock;
} Waiter;

static pthread_mutex_t tab = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tab_cond = PTHREAD_COND_INITIALIZER;
static ImportLock *locks;
static Waiter *waiters;
static long in_flight; /* records in `locks`; read without `tab` */

/* Under tab. */
static ImportLock *lock_find(FtObject *name)
{
    for (ImportLock *l = locks; l != NULL; l = l->next)
        if (ft_str_eq(l->name, name))
            return l;
    return NULL;
}

/* NAME's record with one more user, created if needed; NULL on no memory. */
static ImportLock *lock_get(FtObject *name)
{
    ImportLock *fresh = calloc(1, sizeof *fresh);
    if (fresh == NULL) {
        ft_err_no_memory();
        return NULL;
    }
    pthread_mutex_lock(&tab);
    ImportLock *l = lock_find(name);
    if (l == NULL) {
        l = fresh;
        fresh = NULL;
        l->name = FT_NEWREF(name);
        l->next = locks;
        locks = l;
        __atomic_add_fetch(&in_flight, 1, __ATOMIC_SEQ_CST);
    }
    l->users++;
    pthread_mutex_unlock(&tab);
    free(fresh);
    return l;
}

static void lock_put(ImportLock *l)
{
    FtObject *name = NULL;
    pthread_mutex_lock(&tab);
    if (--l->users == 0) {
        ImportLock **p = &locks;
        while (*p != l)
            p = &(*p)->next;
        *p = l->next;
        __atomic_sub_fetch(&in_flight, 1, __ATOMIC_SEQ_CST);
        name = l->name;
    } else {
        l = NULL;
    }
    pthread_mutex_unlock(&tab);
    if (l != NULL) {
        FT_DECREF(name);
        free(l);
    }
}

/* Under tab: would `me` waiting for l close a cycle of waiting threads? */
static int would_deadlock(const ImportLock *l, const FtThreadState *me)
{
    const FtThreadState *t = l->owner;
    for (int hops = 0; t != NULL && hops < 10000; hops++) {
        if (t == me)
            return 1;
        const ImportLock *next = NULL;
        for (const Waiter *w = waiters; w != NULL; w = w->next)
            if (w->ts == t) {
                next = w->lock;
                break;
            }
        if (next == NULL)
            return 0;
        t = next->owner;
    }
    return 0;
}

enum { ACQ_ERROR = -1, ACQ_DEADLOCK = 0, ACQ_OK = 1 };

/* Sleeps (without the GIL) until l is free or, on the main thread, a
 * signal is pending. Called and returns under tab; registers and
 * unregisters me as a waiter for l. */
static int lock_wait(ImportLock *l, FtThreadState *me)
{
    Waiter w = {waiters, me, l};
    waiters = &w;
    pthread_mutex_unlock(&tab);
    int sliced = ft_signals_is_main_thread(), interrupted = 0;
    FT_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&tab);
    while (l->owner != NULL && !interrupted) {
        if (sliced) {
            struct timespec t;
            clock_gettime(CLOCK_REALTIME, &t);
            t.tv_nsec += 50 * 1000000L;
            if (t.tv_nsec >= 1000000000L) {
                t.tv_sec++;
                t.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&tab_cond, &tab, &t);
            interrupted = ft_signals_pending();
        } else {
            pthread_cond_wait(&tab_cond, &tab);
        }
    }
    Waiter **p = &waiters;
    while (*p != &w)
        p = &(*p)->next;
    *p = w.next;
    pthread_mutex_unlock(&tab);
    FT_END_ALLOW_THREADS
    if (interrupted && ft_signals_handle() < 0)
        return -1;
    pthread_mutex_lock(&tab);
    return 0;
}

static int lock_acquire(ImportLock *l)
{
    FtThreadState *me = ft_tstate_get();
    pthread_mutex_lock(&tab);
    for (;;) {
        if (l->owner == NULL || l->owner == me) {
            l->owner = me;
            l->depth++;
            pthread_mutex_unlock(&tab);
            return ACQ_OK;
        }
        if (would_deadlock(l, me)) {
            pthread_mutex_unlock(&tab);
            return ACQ_DEADLOCK;
        }
        if (lock_wait(l, me) < 0)
            return ACQ_ERROR; /* tab is not held */
    }
}

static void lock_release(ImportLock *l)
{
    pthread_mutex_lock(&tab);
    if (--l->depth == 0) {
        l->owner = NULL;
        pthread_cond_broadcast(&tab_cond);
    }
    pthread_mutex_unlock(&tab);
}

/* Waits until no other thread is running NAME's body; 0, or -1 if a
 * signal handler raised. */
static int wait_initialized(FtObject *name)
{
    if (__atomic_load_n(&in_flight, __ATOMIC_SEQ_CST) == 0)
        return 0;
    FtThreadState *me = ft_tstate_get();
    pthread_mutex_lock(&tab);
    ImportLock *l = lock_find(name);
    if (l == NULL || l->owner == NULL || l->owner == me) {
        pthread_mutex_unlock(&tab);
        return 0;
    }
    l->users++;
    pthread_mutex_unlock(&tab);
    int r = lock_acquire(l);
    if (r == ACQ_OK)
        lock_release(l);
    lock_put(l);
    return r == ACQ_ERROR ? -1 : 0;
}

/* ---- errors with .name and .path ----------------------------------------- */

void ft_import_error(FtType *type, FtObject *msg, FtObject *name,
                     FtObject *path)
{
    if (msg == NULL)
        return;
    FtObject *kw = ft_tuple_new(2);
    FtObject *k0 = ft_str_intern_cstr("name"), *k1 = ft_str_intern_cstr("path");
    if (kw != NULL && k0 != NULL && k1 != NULL) {
        FT_TUPLE_SET(kw, 0, k0);
        FT_TUPLE_SET(kw, 1, k1);
        k0 = k1 = NULL;
        FtObject *args[3] = {msg, name ? name : FT_None, path ? path : FT_None};
        FtObject *exc = ft_call((FtObject *)type, args, 1, kw);
        if (exc != NULL) {
            ft_err_set_exc(exc);
            FT_DECREF(exc);
        }
    }
    FT_XDECREF(k0);
    FT_XDECREF(k1);
    FT_XDECREF(kw);
    FT_DECREF(msg);
}

static void not_found(FtObject *name)
{
    ft_import_error(FtExc_ModuleNotFoundError,
                 ft_str_from_format("No module named %R", name), name, NULL);
}

/* ---- loading one module -------------------------------------------------- */

static FtObject *find_and_load(FtObject *name);

/* Runs the source file of module `name` in a fresh module, which is in
 * sys.modules while it runs and taken out again if it fails. */
static FtObject *exec_file(FtObject *name, const char *filename,
                           const char *pkgdir, FtObject *parent)
{
    char *src = ft_import_read_source(filename);
    if (src == NULL)
        return NULL;
    FtObject *modules = ft_modules_dict();
    FtObject *m = ft_module_new(ft_str_cstr(name));
    FtObject *file = ft_str_from_cstr(filename);
    FtObject *pkgpath = NULL, *empty = NULL;
    FtObject *d = m ? FT_MODULE_DICT(m) : NULL;
    int ok = m != NULL && file != NULL;
    if (ok && pkgdir != NULL) {
        FtObject *dir = ft_str_from_cstr(pkgdir);
        pkgpath = dir ? ft_list_from_array(&dir, 1) : NULL;
        FT_XDECREF(dir);
        ok = pkgpath != NULL &&
             ft_dict_set_str(d, "__package__", name) == 0 &&
             ft_dict_set_str(d, "__path__", pkgpath) == 0;
    } else if (ok) {
        empty = parent ? NULL : ft_str_from_cstr("");
        ok = (parent || empty) &&
             ft_dict_set_str(d, "__package__", parent ? parent : empty) == 0;
    }
    FtObject *builtins = ok ? ft_builtins_dict() : NULL;
    ok = ok && builtins != NULL && ft_dict_set(d, FT_ID(__file__), file) == 0 &&
         ft_dict_set_str(d, "__cached__", FT_None) == 0 &&
         ft_dict_set(d, FT_ID(__builtins__), builtins) == 0 &&
         ft_dict_set(modules, name, m) == 0;
    FT_XDECREF(file);
    FT_XDECREF(pkgpath);
    FT_XDECREF(empty);
    if (!ok) {
        free(src);
        FT_XDECREF(m);
        return NULL;
    }
    const char *text = src;
    if (memcmp(text, "\xEF\xBB\xBF", 3) == 0) /* a UTF-8 BOM */
        text += 3;
    ft_module_set_initializing(m, 1);
    FtObject *r = ft_run_string(text, filename, d, FT_PARSE_FILE);
    ft_module_set_initializing(m, 0);
    free(src);
    if (r == NULL) {
        FtObject *exc = ft_err_fetch();
        FtObject *gone = ft_dict_pop(modules, name);
        FT_XDECREF(gone);
        ft_err_clear();
        ft_err_restore(exc);
        FT_DECREF(m);
        return NULL;
    }
    FT_DECREF(r);
    /* A module may replace itself in sys.modules: importers get that. */
    FtObject *now = ft_dict_get(modules, name);
    if (now != NULL) {
        FT_DECREF(m);
        return now;
    }
    if (ft_err_occurred()) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}

/* Creates module `name` (which sys.modules lacks); the caller holds its
 * lock and has imported the parent package (`parent`, NULL if none). */
static FtObject *load_unlocked(FtObject *name, FtObject *parent)
{
    FtObject *modules = ft_modules_dict(), *path, *pm = NULL;
    FtModuleCreate create = ft_module_find_builtin(name);
    if (create != NULL) {
        FtObject *m = create();
        if (m == NULL)
            return NULL;
        FtObject *now = ft_dict_get(modules, name);
        if (now != NULL) { /* it registered itself (embedded Python ones) */
            FT_DECREF(m);
            return now;
        }
        if (ft_err_occurred() || ft_dict_set(modules, name, m) < 0) {
            FT_DECREF(m);
            return NULL;
        }
        return m;
    }
    const char *full = ft_str_cstr(name);
    const char *dot = strrchr(full, '.');
    const char *leaf = dot ? dot + 1 : full;
    if (leaf[0] == '\0') { /* "a." names no file */
        not_found(name);
        return NULL;
    }
    if (parent != NULL) {
        pm = ft_dict_get(modules, parent);
        if (pm == NULL) {
            if (!ft_err_occurred())
                not_found(name);
            return NULL;
        }
        static FtObject *path_id;
        if (ft_intern_static(&path_id, "__path__") == NULL) {
            FT_DECREF(pm);
            return NULL;
        }
        path = ft_object_lookup_attr(pm, path_id);
        if (path == NULL) {
            if (!ft_err_occurred())
                ft_import_error(FtExc_ModuleNotFoundError,
                             ft_str_from_format("No module named %R; %R is not a package",
                                                name, parent),
                             name, NULL);
            FT_DECREF(pm);
            return NULL;
        }
    } else {
        path = ft_import_sys_path();
        if (path == NULL)
            return NULL;
    }
    char *filename = NULL, *pkgdir = NULL;
    int found = ft_import_find_file(path, leaf, &filename, &pkgdir);
    FT_DECREF(path);
    FtObject *m = NULL;
    if (found == 0)
        not_found(name);
    else if (found > 0)
        m = exec_file(name, filename, pkgdir, parent);
    free(filename);
    free(pkgdir);
    if (m != NULL && pm != NULL) {
        FtObject *attr = ft_str_from_cstr(leaf);
        if (attr == NULL || ft_object_setattr(pm, attr, m) < 0) {
            if (ft_err_matches(FtExc_AttributeError)) {
                ft_err_clear(); /* CPython only warns */
            } else {
                FT_CLEAR(m);
            }
        }
        FT_XDECREF(attr);
    }
    FT_XDECREF(pm);
    return m;
}

/* The package part of a dotted name ("a.b" for "a.b.c"), or NULL (no
 * exception) for a top-level name; -1 in *err on failure. */
static FtObject *parent_name(FtObject *name, int *err)
{
    const char *s = ft_str_cstr(name);
    const char *dot = strrchr(s, '.');
    *err = 0;
    if (dot == NULL || dot == s) /* ".a" has no parent, as in CPython */
        return NULL;
    FtObject *p = ft_str_from_len(s, dot - s);
    if (p == NULL)
        *err = -1;
    return p;
}

/* Imports the absolute dotted name `name` (each package first) and
 * returns that module: a new reference. */
static FtObject *find_and_load(FtObject *name)
{
    FtObject *modules = ft_modules_dict();
    if (modules == NULL)
        return NULL;
    FtObject *m = ft_dict_get(modules, name);
    if (m == FT_None) {
        FT_DECREF(m);
        ft_import_error(FtExc_ModuleNotFoundError,
                     ft_str_from_format("import of %U halted; None in sys.modules",
                                        name),
                     name, NULL);
        return NULL;
    }
    if (m != NULL) {
        if (wait_initialized(name) < 0)
            FT_CLEAR(m);
        return m;
    }
    if (ft_err_occurred())
        return NULL;
    int err;
    FtObject *parent = parent_name(name, &err);
    if (err < 0)
        return NULL;
    if (parent != NULL) {
        FtObject *pm = find_and_load(parent);
        if (pm == NULL) {
            FT_DECREF(parent);
            return NULL;
        }
        FT_DECREF(pm);
    }
    ImportLock *l = lock_get(name);
    if (l == NULL) {
        FT_XDECREF(parent);
        return NULL;
    }
    int r = lock_acquire(l);
    if (r != ACQ_ERROR) {
        m = ft_dict_get(modules, name); /* done while we waited? */
        if (m == NULL && !ft_err_occurred()) {
            if (r == ACQ_OK)
                m = load_unlocked(name, parent);
            else
                ft_err_format(FtExc_ImportError,
                              "deadlock detected by _ModuleLock(%R)", name);
        }
        if (r == ACQ_OK)
            lock_release(l);
    }
    lock_put(l);
    FT_XDECREF(parent);
    return m;
}

FtObject *ft_import_module(FtObject *name)
{
    if (!FT_STR_CHECK(name)) {
        ft_err_set_string(FtExc_TypeError, "module name must be a string");
        return NULL;
    }
    return find_and_load(name);
}

/* ---- relative names and from-lists ---------------------------------------- */

/* The package a relative import in `globals` is relative to (new ref). */
static FtObject *calc_package(FtObject *globals)
{
    FtObject *package = ft_dict_get_str(globals, "__package__");
    if (package != NULL && package != FT_None) {
        if (!FT_STR_CHECK(package)) {
            FT_DECREF(package);
            ft_err_set_string(FtExc_TypeError, "package must be a string");
            return NULL;
        }
        return package;
    }
    FT_XDECREF(package);
    FtObject *spec = ft_dict_get_str(globals, "__spec__");
    if (spec != NULL && spec != FT_None) {
        package = ft_object_getattr_str(spec, "parent");
        FT_DECREF(spec);
        if (package != NULL && !FT_STR_CHECK(package)) {
            FT_DECREF(package);
            ft_err_set_string(FtExc_TypeError, "__spec__.parent must be a string");
            return NULL;
        }
        return package;
    }
    FT_XDECREF(spec);
    FtObject *name = ft_dict_get(globals, FT_ID(__name__));
    if (name == NULL) {
        if (!ft_err_occurred())
            ft_err_set_string(FtExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!FT_STR_CHECK(name)) {
        FT_DECREF(name);
        ft_err_set_string(FtExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    static FtObject *path_id;
    int has_path = ft_intern_static(&path_id, "__path__")
                       ? ft_dict_contains(globals, path_id)
                       : -1;
    if (has_path != 0) {
        if (has_path < 0)
            FT_CLEAR(name);
        return name;
    }
    const char *s = ft_str_cstr(name);
    const char *dot = strrchr(s, '.');
    package = ft_str_from_len(s, dot ? dot - s : 0);
    FT_DECREF(name);
    return package;
}

static FtObject *resolve_name(FtObject *name, FtObject *globals, int level)
{
    if (globals == NULL || !FT_DICT_CHECK(globals)) {
        ft_err_set_string(globals == NULL ? FtExc_KeyError : FtExc_TypeError,
                          globals == NULL ? "'__name__' not in globals"
                                          : "globals must be a dict");
        return NULL;
    }
    FtObject *package = calc_package(globals);
    if (package == NULL)
        return NULL;
    const char *p = ft_str_cstr(package);
    ssize_t last = FT_STR_NBYTES(package);
    if (last == 0) {
        FT_DECREF(package);
        ft_err_set_string(FtExc_ImportError,
                          "attempted relative import with no known parent package");
        return NULL;
    }
    for (int up = 1; up < level; up++) {
        while (last > 0 && p[last - 1] != '.')
            last--;
        if (last == 0) {
            FT_DECREF(package);
            ft_err_set_string(FtExc_ImportError,
                              "attempted relative import beyond top-level package");
            return NULL;
        }
        last--; /* the dot */
    }
    FtObject *base = ft_str_from_len(p, last);
    FT_DECREF(package);
    if (base == NULL || FT_STR_NBYTES(name) == 0)
        return base;
    FtObject *r = ft_str_from_format("%U.%U", base, name);
    FT_DECREF(base);
    return r;
}

/* `from package import x`: x may be a submodule not imported yet. */
static int handle_fromlist(FtObject *module, FtObject *fromlist, int recursive)
{
    FtObject *items = ft_list_from_iterable(fromlist);
    if (items == NULL)
        return -1;
    FtObject *mname = NULL;
    int rc = 0;
    for (ssize_t i = 0; i < FT_LIST_SIZE(items) && rc == 0; i++) {
        FtObject *x = FT_LIST_ITEMS(items)[i];
        if (!FT_STR_CHECK(x)) {
            FtObject *where = recursive ? ft_object_getattr(module, FT_ID(__name__))
                                        : NULL;
            if (!recursive)
                ft_err_format(FtExc_TypeError,
                              "Item in ``from list'' must be str, not %s",
                              ft_type_name(FT_TYPE(x)));
            else if (where != NULL)
                ft_err_format(FtExc_TypeError, "Item in %S.__all__ must be str, not %s",
                              where, ft_type_name(FT_TYPE(x)));
            FT_XDECREF(where);
            rc = -1;
            break;
        }
        if (ft_str_eq_cstr(x, "*")) {
            static FtObject *all_id;
            if (recursive || ft_intern_static(&all_id, "__all__") == NULL)
                continue;
            FtObject *all = ft_object_lookup_attr(module, all_id);
            if (all != NULL) {
                rc = handle_fromlist(module, all, 1);
                FT_DECREF(all);
            } else if (ft_err_occurred()) {
                rc = -1;
            }
            continue;
        }
        int has = ft_object_hasattr(module, x);
        if (has != 0) {
            rc = has < 0 ? -1 : 0;
            continue;
        }
        if (mname == NULL &&
            (mname = ft_object_getattr(module, FT_ID(__name__))) == NULL) {
            rc = -1;
            break;
        }
        FtObject *sub = ft_str_from_format("%S.%U", mname, x);
        FtObject *m = sub ? find_and_load(sub) : NULL;
        if (m != NULL) {
            FT_DECREF(m);
        } else if (sub != NULL && ft_err_matches(FtExc_ModuleNotFoundError)) {
            /* A missing submodule is not an error here: IMPORT_FROM will
             * say "cannot import name" if the attribute is missing too. */
            FtObject *exc = ft_err_fetch();
            FtObject *ename = ft_object_getattr(exc, FT_ID(name));
            int same = ename != NULL && FT_STR_CHECK(ename) && ft_str_eq(ename, sub);
            FT_XDECREF(ename);
            ft_err_clear();
            if (same) {
                FT_DECREF(exc);
            } else {
                ft_err_restore(exc);
                rc = -1;
            }
        } else {
            rc = -1;
        }
        FT_XDECREF(sub);
    }
    FT_XDECREF(mname);
    FT_DECREF(items);
    return rc;
}

static int fromlist_nonempty(FtObject *fromlist)
{
    if (fromlist == NULL || fromlist == FT_None)
        return 0;
    return ft_object_is_true(fromlist);
}

FtObject *ft_import_name_level(FtObject *name, FtObject *globals,
                               FtObject *fromlist, int level)
{
    if (!FT_STR_CHECK(name)) {
        ft_err_set_string(FtExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        ft_err_set_string(FtExc_ValueError, "level must be >= 0");
        return NULL;
    }
    FtObject *abs;
    if (level > 0) {
        abs = resolve_name(name, globals, level);
        if (abs == NULL)
            return NULL;
    } else {
        if (FT_STR_NBYTES(name) == 0) {
            ft_err_set_string(FtExc_ValueError, "Empty module name");
            return NULL;
        }
        abs = FT_NEWREF(name);
    }
    FtObject *m = find_and_load(abs);
    int from = m ? fromlist_nonempty(fromlist) : 0;
    if (m == NULL || from < 0) {
        FT_DECREF(abs);
        FT_XDECREF(m);
        return NULL;
    }
    if (from) {
        static FtObject *path_id;
        int pkg = ft_intern_static(&path_id, "__path__") ? ft_object_hasattr(m, path_id) : -1;
        if (pkg < 0 || (pkg > 0 && handle_fromlist(m, fromlist, 0) < 0))
            FT_CLEAR(m);
        FT_DECREF(abs);
        return m;
    }
    /* `import a.b.c` binds (and so pushes) the top-level package a. */
    const char *s = ft_str_cstr(name);
    const char *dot = strchr(s, '.');
    if (dot == NULL || (level > 0 && FT_STR_NBYTES(name) == 0)) {
        FT_DECREF(abs);
        return m;
    }
    FT_DECREF(m);
    if (level == 0) { /* imported already: this finds it */
        FT_DECREF(abs);
        FtObject *front = ft_str_from_len(s, dot - s);
        FtObject *r = front ? ft_import_name_level(front, NULL, NULL, 0) : NULL;
        FT_XDECREF(front);
        return r;
    }
    ssize_t cut = FT_STR_NBYTES(name) - (dot - s);
    FtObject *top = ft_str_from_len(ft_str_cstr(abs), FT_STR_NBYTES(abs) - cut);
    FT_DECREF(abs);
    if (top == NULL)
        return NULL;
    FtObject *r = ft_dict_get(ft_modules_dict(), top);
    if (r == NULL && !ft_err_occurred())
        ft_err_format(FtExc_KeyError, "%R not in sys.modules as expected", top);
    FT_DECREF(top);
    return r;
}
