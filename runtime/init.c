/* runtime/init.c — start-up and shut-down order of the whole runtime. */
#include "runtime/init.h"
#include "runtime/lock.h"
#include "interp/compiler.h"
#include "interp/modules.h"
#include "objects/deferred.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/gil.h"
#include "runtime/tstate.h"

#include <stdio.h>
#include <stdlib.h>

#ifdef FT_DEBUG
static ssize_t rc_total_at_start;
static FtObject *modules_at_start; /* list of the names imported by then */

/* The debug reference total is meant to catch leaks, so at exit it must
 * not count what the runtime keeps for good: modules the program imported
 * are released here, and references to interned strings (which live until
 * exit, like immortal objects) are left out of both ends of the comparison
 * (counted_total). */
static void release_program_tables(void)
{
    FtObject *modules = ft_modules_dict();
    FtObject *names = modules ? ft_dict_keys_list(modules) : NULL;
    if (names != NULL && modules_at_start != NULL) {
        for (ssize_t i = 0; i < FT_LIST_SIZE(names); i++) {
            FtObject *name = FT_LIST_ITEMS(names)[i];
            int known = ft_object_contains(modules_at_start, name);
            FtObject *m = known == 0 ? ft_dict_get(modules, name) : NULL;
            if (m != NULL) {
                ft_dict_del(modules, name);
                if (FT_MODULE_CHECK(m))
                    ft_dict_clear(FT_MODULE_DICT(m));
                FT_DECREF(m);
            }
        }
    }
    FT_XDECREF(names);
    /* sys.path was filled for the program after the start value was taken
     * (interp/import_path.c): give sys the empty list it started with. */
    FtObject *sys = modules ? ft_dict_get_str(modules, "sys") : NULL;
    FtObject *empty = sys ? ft_list_new(0) : NULL;
    if (empty != NULL)
        ft_object_setattr_str(sys, "path", empty);
    FT_XDECREF(empty);
    FT_XDECREF(sys);
    ft_err_clear();
    ft_exceptions_reset_memory_error();
}

static ssize_t counted_total(void)
{
    return ft_rc_total - ft_str_intern_refs() - ft_type_static_refs();
}
#endif

int ft_runtime_init(void)
{
    ft_mem_limit_init();
    if (getenv("FTPY_NO_FUSED") != NULL)
        ft_compiler_fuse_operands = 0;
    if (ft_deferred_init() < 0) /* FTPY_DEFER */
        return -1;
    if (ft_lock_init() < 0) /* FTPY_LOCK_BIAS */
        return -1;
    FtThreadState *ts = ft_tstate_new();
    if (ts == NULL) {
        fprintf(stderr, "ftpy: cannot allocate the thread state\n");
        return -1;
    }
    /* Biased refcounts: objects the main thread allocates are biased
     * towards it (a no-op in the other variants). */
    ft_rc_thread_init(ts);
    ft_gil_init(); /* the main thread holds the GIL from here on */
    if (ft_objects_init() < 0) {
        fprintf(stderr, "ftpy: cannot initialise the object layer\n");
        return -1;
    }
    ft_rc_immortalize_singletons(); /* --enable-immortal */
    FtObject *builtins = ft_builtins_dict(); /* borrowed; imports builtins */
    /* sys is set up now: print() and tracebacks reach it anyway. */
    FtObject *sys_name = builtins ? ft_str_intern_cstr("sys") : NULL;
    FtObject *sys = sys_name ? ft_import_module(sys_name) : NULL;
    FT_XDECREF(sys_name);
    if (sys == NULL) {
        ft_err_print();
        return -1;
    }
    FT_DECREF(sys);
    /* _thread too, as CPython does at start-up: its lock types are static
     * types made ready on first import, whose tables would otherwise
     * count as leaks of any program that uses a lock (abc, weakref...). */
    FtObject *thread_name = ft_str_intern_cstr("_thread");
    FtObject *thread = thread_name ? ft_import_module(thread_name) : NULL;
    FT_XDECREF(thread_name);
    if (thread == NULL) {
        ft_err_print();
        return -1;
    }
    FT_DECREF(thread);
#ifdef FT_DEBUG
    FtObject *modules = ft_modules_dict();
    modules_at_start = modules ? ft_dict_keys_list(modules) : NULL;
    rc_total_at_start = counted_total();
#endif
    return 0;
}

void ft_runtime_fini(void)
{
    fflush(stdout);
#ifdef FT_DEBUG
    release_program_tables();
    if (getenv("FTPY_SHOWREFS") != NULL)
        fprintf(stderr, "[ftpy] reference total delta: %zd\n",
                counted_total() - rc_total_at_start);
    FT_CLEAR(modules_at_start); /* counted in the start value too */
#endif
}
