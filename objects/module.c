/* objects/module.c — module objects (attributes live in the module's dict)
 * and the table of built-in modules that `import` finds, with the
 * sys.modules dict that caches them. Importing itself (files, packages,
 * import locks) is interp/import.c.
 */
#include "objects/deferred.h"
#include "objects/object.h"

#include <string.h>

#include "interp/mod_thread.h"
#include "interp/modules.h"
#include "objects/typeobject.h"
#include "runtime/lock.h"

FtObject *ft_module_new(const char *name)
{
    FtModuleObject *m = (FtModuleObject *)ft_object_new(&FtModule_Type);
    if (m == NULL)
        return NULL;
    m->name = ft_str_from_cstr(name);
    m->dict = ft_dict_new();
    if (m->name == NULL || m->dict == NULL ||
        ft_dict_set(m->dict, FT_ID(__name__), m->name) < 0 ||
        ft_dict_set(m->dict, FT_ID(__doc__), FT_None) < 0 ||
        ft_dict_set_str(m->dict, "__package__", FT_None) < 0 ||
        ft_dict_set_str(m->dict, "__loader__", FT_None) < 0 ||
        ft_dict_set_str(m->dict, "__spec__", FT_None) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    ft_deferred_mark((FtObject *)m); /* shared by threads */
    return (FtObject *)m;
}

int ft_module_add_functions(FtObject *module, FtMethodDef *defs)
{
    for (FtMethodDef *def = defs; def->name != NULL; def++) {
        FtObject *f = ft_cfunction_new(def, module);
        if (f == NULL)
            return -1;
        int r = ft_module_add_object(module, def->name, f);
        FT_DECREF(f);
        if (r < 0)
            return -1;
    }
    return 0;
}

int ft_module_add_object(FtObject *module, const char *name, FtObject *value)
{
    FtObject *key = ft_str_intern_cstr(name);
    if (key == NULL)
        return -1;
    int r = ft_dict_set(FT_MODULE_DICT(module), key, value);
    FT_DECREF(key);
    return r;
}

int ft_module_add_int(FtObject *module, const char *name, int64_t value)
{
    FtObject *v = ft_int_from_i64(value);
    if (v == NULL)
        return -1;
    int r = ft_module_add_object(module, name, v);
    FT_DECREF(v);
    return r;
}

static void module_dealloc(FtObject *o)
{
    FtModuleObject *m = (FtModuleObject *)o;
    ft_deferred_forget(o);
    FT_CLEAR(m->dict);
    FT_CLEAR(m->name);
    ft_object_free(o);
}

static FtObject *module_name(FtObject *o)
{
    FtModuleObject *m = (FtModuleObject *)o;
    if (m->dict != NULL) {
        FtObject *n = ft_dict_get(m->dict, FT_ID(__name__));
        if (n != NULL && FT_STR_CHECK(n))
            return n;
        FT_XDECREF(n);
        if (ft_err_occurred())
            ft_err_clear();
    }
    if (m->name != NULL)
        return FT_NEWREF(m->name);
    return ft_str_from_cstr("?");
}

/* 1 if sys.modules holds module `mname`.`name` and its body is running:
 * a submodule its package cannot show yet (circular imports). */
static int uninitialized_submodule(FtObject *mname, FtObject *name)
{
    FtObject *full = ft_str_from_format("%U.%U", mname, name);
    FtObject *sub = full ? ft_dict_get(ft_modules_dict(), full) : NULL;
    int r = sub != NULL && FT_MODULE_CHECK(sub) && ft_module_is_initializing(sub);
    FT_XDECREF(sub);
    FT_XDECREF(full);
    if (ft_err_occurred())
        ft_err_clear();
    return r;
}

static FtObject *module_getattr(FtObject *o, FtObject *name)
{
    FtObject *r = ft_generic_getattr_ex(o, name, 1);
    if (r != NULL || ft_err_occurred())
        return r;
    FtObject *mname = module_name(o);
    if (mname == NULL)
        return NULL;
    if (ft_module_is_initializing(o))
        ft_err_format(FtExc_AttributeError,
                      "partially initialized module '%U' has no attribute "
                      "'%U' (most likely due to a circular import)",
                      mname, name);
    else if (FT_STR_CHECK(name) && uninitialized_submodule(mname, name))
        ft_err_format(FtExc_AttributeError,
                      "cannot access submodule '%U' of module '%U' (most "
                      "likely due to a circular import)",
                      name, mname);
    else
        ft_err_format(FtExc_AttributeError, "module '%U' has no attribute '%U'",
                      mname, name);
    FT_DECREF(mname);
    return NULL;
}

static FtObject *module_repr(FtObject *o)
{
    FtModuleObject *m = (FtModuleObject *)o;
    FtObject *name = module_name(o), *r;
    if (name == NULL)
        return NULL;
    FtObject *file = m->dict != NULL ? ft_dict_get(m->dict, FT_ID(__file__)) : NULL;
    if (file != NULL && FT_STR_CHECK(file))
        r = ft_str_from_format("<module %R from %R>", name, file);
    else
        r = ft_str_from_format("<module %R (built-in)>", name);
    if (file == NULL && ft_err_occurred())
        ft_err_clear();
    FT_XDECREF(file);
    FT_DECREF(name);
    return r;
}

static FtObject *module_tp_new(FtType *t, FtObject *const *args, size_t nargs,
                               FtObject *kwnames)
{
    static const char *const kwlist[] = {"name", "doc", NULL};
    FtObject *a[2];
    if (ft_arg_parse("module", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    if (!FT_STR_CHECK(a[0])) {
        ft_err_format(FtExc_TypeError,
                      "module.__init__() argument 'name' must be str, not %s",
                      FT_TYPE(a[0])->tp_name);
        return NULL;
    }
    FtObject *m = ft_module_new(ft_str_cstr(a[0]));
    if (m != NULL && a[1] != NULL &&
        ft_dict_set(FT_MODULE_DICT(m), FT_ID(__doc__), a[1]) < 0)
        FT_CLEAR(m);
    return m;
}

static int module_tp_init(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return 0; /* tp_new did the work */
}

static FtObject *module_get_dict(FtObject *o)
{
    FtModuleObject *m = (FtModuleObject *)o;
    if (m->dict == NULL && (m->dict = ft_dict_new()) == NULL)
        return NULL;
    return FT_NEWREF(m->dict);
}

static FtObject *module_dir(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__dir__", nargs, 0, 0) < 0)
        return NULL;
    FtModuleObject *m = (FtModuleObject *)self;
    return m->dict != NULL ? ft_dict_keys_list(m->dict) : ft_list_new(0);
}

static FtMethodDef module_methods[] = {
    {"__dir__", module_dir, 0, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL},
    {NULL, NULL, NULL},
};

static int module_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FT_VISIT(((FtModuleObject *)o)->dict);
    FT_VISIT(((FtModuleObject *)o)->name);
    return 0;
}

FtType FtModule_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "module",
    .tp_basicsize = sizeof(FtModuleObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_repr = module_repr,
    .tp_getattr = module_getattr,
    .tp_setattr = ft_object_generic_setattr,
    .tp_new = module_tp_new,
    .tp_init = module_tp_init,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(FtModuleObject, dict),
    .tp_doc = "Create a module object.\n\nThe name must be a string; the "
              "optional doc argument can have any type.",
};

/* ---- the built-in module table ------------------------------------------- */

static const struct {
    const char *name;
    FtObject *(*create)(void);
} builtin_modules[] = {
    {"builtins", ft_mod_builtins_create},
    {"sys", ft_mod_sys_create},
    {"time", ft_mod_time_create},
    {"math", ft_mod_math_create},
    {"gc", ft_mod_gc_create},
    {"errno", ft_mod_errno_create},
    {"posix", ft_mod_posix_create},
    {"io", ft_mod_io_create},
    {"_collections", ft_mod_collections_create},
    {"_operator", ft_mod_operator_create},
    {"_itertools", ft_mod_itertools_create},
    {"_functools", ft_mod_functools_create},
    {"_random", ft_mod_random_create},
    {"_weakref", ft_mod_weakref_create},
    {"os", ft_mod_os_create},
    {"posixpath", ft_mod_posixpath_create},
    {"_thread", ft_mod_thread_create},
    {"threading", ft_mod_threading_create},
};

static FtObject *modules_dict;

FtObject *ft_modules_dict(void)
{
    FtObject *d = __atomic_load_n(&modules_dict, __ATOMIC_ACQUIRE);
    if (d != NULL)
        return d;
    FT_CRIT_LOCK();
    if (modules_dict == NULL)
        __atomic_store_n(&modules_dict, ft_dict_new(), __ATOMIC_RELEASE);
    d = modules_dict;
    FT_CRIT_UNLOCK();
    return d;
}

FtModuleCreate ft_module_find_builtin(FtObject *name)
{
    if (!FT_STR_CHECK(name))
        return NULL;
    for (size_t i = 0; i < sizeof builtin_modules / sizeof builtin_modules[0];
         i++)
        if (ft_str_eq_cstr(name, builtin_modules[i].name))
            return builtin_modules[i].create;
    return NULL;
}

FtObject *ft_builtins_dict(void)
{
    static FtObject *builtins;
    /* Once set it never changes, so readers take no lock. Importing takes
     * no global lock either: the import lock of "builtins" makes every
     * thread that gets here first get the same module. */
    FtObject *r = __atomic_load_n(&builtins, __ATOMIC_ACQUIRE);
    if (r != NULL)
        return r;
    FtObject *name = ft_str_intern_cstr("builtins");
    FtObject *m = name != NULL ? ft_import_module(name) : NULL;
    FT_XDECREF(name);
    if (m == NULL)
        return NULL;
    /* borrowed: sys.modules keeps the module alive until exit */
    __atomic_store_n(&builtins, FT_MODULE_DICT(m), __ATOMIC_RELEASE);
    FT_DECREF(m);
    return FT_MODULE_DICT(m);
}
