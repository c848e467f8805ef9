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
} FtModuleObject;

#define FT_MODULE_CHECK(o) ft_type_check((FtObject *)(o), &FtModule_Type)
#define FT_MODULE_DICT(o) (((FtModuleObject *)(o))->dict)

FtObject *ft_module_new(const char *name);
/* Adds C functions from a NULL-terminated table to the module. */
int ft_module_add_functions(FtObject *module, FtMethodDef *defs);
int ft_module_add_object(FtObject *module, const char *name, FtObject *value);
int ft_module_add_int(FtObject *module, const char *name, int64_t value);

/* Returns the (cached) built-in module called name: new ref, or NULL with
 * ModuleNotFoundError "No module named 'x'". */
FtObject *ft_import_module(FtObject *name);
/* The builtins module's dict (borrowed; lives until exit). */
FtObject *ft_builtins_dict(void);
/* The dict of imported modules, name -> module (borrowed; it is
 * sys.modules). Created on first use. */
FtObject *ft_modules_dict(void);

#endif
