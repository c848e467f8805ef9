/* objects/module.h — module objects and the table of built-in modules
 * that `import` can find (builtins, sys, time, math, ...).
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_MODULE_H
#define FT_OBJECTS_MODULE_H

typedef struct {
    FT_OBJECT_HEAD
    FtObject *dict;
    FtObject *name;
    /* 1 while the import system runs the module's body (CPython's
     * __spec__._initializing): for the "partially initialized module"
     * messages. Read and written atomically. */
    int initializing;
} FtModuleObject;

#define FT_MODULE_CHECK(o) ft_type_check((FtObject *)(o), &FtModule_Type)
#define FT_MODULE_DICT(o) (((FtModuleObject *)(o))->dict)

FtObject *ft_module_new(const char *name);
static inline int ft_module_is_initializing(FtObject *m)
{
    return __atomic_load_n(&((FtModuleObject *)m)->initializing, __ATOMIC_ACQUIRE);
}
static inline void ft_module_set_initializing(FtObject *m, int v)
{
    __atomic_store_n(&((FtModuleObject *)m)->initializing, v, __ATOMIC_RELEASE);
}
/* Adds C functions from a NULL-terminated table to the module. */
int ft_module_add_functions(FtObject *module, FtMethodDef *defs);
int ft_module_add_object(FtObject *module, const char *name, FtObject *value);
int ft_module_add_int(FtObject *module, const char *name, int64_t value);

/* Imports the absolute dotted module name (a built-in module, or one
 * found on sys.path) and returns that module: new ref, or NULL with
 * ModuleNotFoundError "No module named 'x'" or what its body raised.
 * Defined in interp/import.c; not to be called under FT_CRIT_LOCK. */
FtObject *ft_import_module(FtObject *name);
/* The constructor of the built-in module called name, or NULL (no
 * exception) if there is none. */
typedef FtObject *(*FtModuleCreate)(void);
FtModuleCreate ft_module_find_builtin(FtObject *name);
/* The builtins module's dict (borrowed; lives until exit). */
FtObject *ft_builtins_dict(void);
/* The dict of imported modules, name -> module (borrowed; it is
 * sys.modules). Created on first use. */
FtObject *ft_modules_dict(void);

#endif
