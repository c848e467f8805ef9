/* interp/import.h — the import system (interp/import.c): finding modules
 * on sys.path and in packages, running their source once, relative
 * imports, per-module import locks, and sys.path's start-up value.
 */
#ifndef FT_INTERP_IMPORT_H
#define FT_INTERP_IMPORT_H

#include "objects/object.h"

/* __import__(name, globals, None, fromlist, level): new reference to what
 * the IMPORT_NAME instruction pushes (the top-level package for `import
 * a.b`, the named module when fromlist is non-empty), or NULL with
 * ImportError / ModuleNotFoundError / the module body's exception.
 * globals may be NULL (only level 0 then makes sense); fromlist may be
 * NULL or None. */
FtObject *ft_import_name_level(FtObject *name, FtObject *globals,
                               FtObject *fromlist, int level);

/* ft_import_module(name) (declared in objects/module.h) imports the
 * absolute dotted name and returns that module itself (not its top-level
 * package). */

/* Raises type(msg, name=name, path=path) (ImportError or a subclass;
 * name and path may be NULL for None); steals msg, which may be NULL (an
 * exception is set already then). */
void ft_import_error(FtType *type, FtObject *msg, FtObject *name,
                     FtObject *path);

/* Fills sys.path: first (the script's directory, or "" for -c, stdin
 * and the interactive loop; NULL leaves that entry out), then the
 * PYTHONPATH entries, then ftpy's library folder. 0 / -1. */
int ft_import_init_path(const char *first);

/* ftpy's library folder (absolute, no trailing slash), or NULL if none
 * was found. Computed once. */
const char *ft_import_libdir(void);

#endif
