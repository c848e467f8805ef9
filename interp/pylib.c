/* interp/pylib.c — importing the modules written in Python that are
 * embedded in the binary (interp/lib/NAME.py, through the generated
 * pylib_sources.c), and the import-table entries that use it.
 */
#include "interp/pylib.h"
#include "interp/eval.h"
#include "interp/mod_thread.h"
#include "interp/modules.h"
#include "interp/parser.h"
#include "runtime/lock.h"

#include <string.h>

/* Called by the import system (interp/import.c) under the import lock of
 * `name`, so no other thread runs the code a second time or sees the
 * module before it is complete (except in a circular import, as with any
 * module); the module is in sys.modules while its code runs. */
FtObject *ft_pylib_module(const char *name)
{
    const FtPyLibSource *src = ft_pylib_sources;
    while (src->name != NULL && strcmp(src->name, name) != 0)
        src++;
    if (src->name == NULL) {
        ft_err_format(FtExc_ModuleNotFoundError, "No module named '%s'", name);
        return NULL;
    }
    FtObject *modules = ft_modules_dict();
    FtObject *m = modules ? ft_module_new(name) : NULL;
    FtObject *key = m ? ft_str_intern_cstr(name) : NULL;
    if (key == NULL || ft_dict_set(modules, key, m) < 0) {
        FT_XDECREF(key);
        FT_XDECREF(m);
        return NULL;
    }
    FtObject *filename = ft_str_from_format("<frozen %s>", name);
    FtObject *r = filename ? ft_run_string(src->source, ft_str_cstr(filename),
                                           FT_MODULE_DICT(m), FT_PARSE_FILE)
                           : NULL;
    FT_XDECREF(filename);
    if (r == NULL) {
        FtObject *exc = ft_err_fetch();
        FtObject *gone = ft_dict_pop(modules, key);
        FT_XDECREF(gone);
        ft_err_clear();
        ft_err_restore(exc);
        FT_CLEAR(m);
    }
    FT_XDECREF(r);
    FT_DECREF(key);
    return m;
}

FtObject *ft_mod_threading_create(void)
{
    return ft_pylib_module("threading");
}

FtObject *ft_mod_os_create(void) { return ft_pylib_module("os"); }

FtObject *ft_mod_posixpath_create(void)
{
    return ft_pylib_module("posixpath");
}
