/* interp/mod_weakref.c — the _weakref module: the C half of weakref
 * (lib/weakref.py builds the dictionaries, WeakSet and finalize on it).
 * The reference type and its thread-safety live in objects/weakref.c.
 */
#include "interp/modules.h"
#include "objects/object.h"
#include "objects/weakref.h"

static FtObject *wr_getweakrefcount(FtObject *self, FtObject *const *args,
                                    size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getweakrefcount", nargs, 1, 1) < 0)
        return NULL;
    return ft_int_from_i64(ft_weakref_count(args[0]));
}

static FtObject *wr_getweakrefs(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getweakrefs", nargs, 1, 1) < 0)
        return NULL;
    return ft_weakref_list(args[0]);
}

static FtMethodDef weakref_methods[] = {
    {"getweakrefcount", wr_getweakrefcount, 0,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, 0,
     "Return a list of all weak reference objects pointing to 'object'."},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_weakref_create(void)
{
    FtObject *m = ft_module_new("_weakref");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, weakref_methods) < 0 ||
        ft_module_add_object(m, "ref", (FtObject *)&FtWeakref_Type) < 0 ||
        ft_module_add_object(m, "ReferenceType", (FtObject *)&FtWeakref_Type) <
            0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
