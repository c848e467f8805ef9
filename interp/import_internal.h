/* interp/import_internal.h — what interp/import.c and interp/import_path.c
 * share and nobody else needs.
 */
#ifndef FT_INTERP_IMPORT_INTERNAL_H
#define FT_INTERP_IMPORT_INTERNAL_H

#include "objects/object.h"

/* sys.path (new reference; any iterable will do, as in CPython), or NULL
 * with an exception if sys has none. */
FtObject *ft_import_sys_path(void);

/* Looks for module `leaf` in each directory of path (a list of str; other
 * entries are skipped): DIR/leaf/__init__.py (a package: *pkgdir gets
 * DIR/leaf) before DIR/leaf.py. 1 found (*filename and *pkgdir malloc'd,
 * *pkgdir NULL for a plain module), 0 not found, -1 error. */
int ft_import_find_file(FtObject *path, const char *leaf, char **filename,
                        char **pkgdir);

/* A source file's text, malloc'd and NUL-terminated, or NULL with an
 * exception (ImportError if unreadable, SyntaxError for a NUL byte). */
char *ft_import_read_source(const char *filename);

#endif
