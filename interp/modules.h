/* interp/modules.h — constructors of the built-in modules; the import table
 * in objects/module.c maps names to these.
 */
#ifndef FT_INTERP_MODULES_H
#define FT_INTERP_MODULES_H

#include "objects/object.h"

FtObject *ft_mod_builtins_create(void); /* interp/builtins.c */
FtObject *ft_mod_sys_create(void);      /* interp/mod_sys.c */
FtObject *ft_mod_time_create(void);     /* interp/mod_time.c */
FtObject *ft_mod_math_create(void);     /* interp/mod_math.c */
FtObject *ft_mod_gc_create(void);       /* interp/mod_gc.c */
FtObject *ft_mod_errno_create(void);    /* interp/mod_errno.c */
FtObject *ft_mod_posix_create(void);    /* interp/mod_posix.c */
FtObject *ft_mod_io_create(void);       /* interp/mod_io.c */
FtObject *ft_mod_collections_create(void); /* interp/mod_collections.c */
FtObject *ft_mod_operator_create(void); /* interp/mod_operator.c */
FtObject *ft_mod_itertools_create(void); /* interp/mod_itertools.c */
FtObject *ft_mod_functools_create(void); /* interp/mod_functools.c */
FtObject *ft_mod_random_create(void);   /* interp/mod_random.c */
FtObject *ft_mod_weakref_create(void);  /* interp/mod_weakref.c */
FtObject *ft_mod_os_create(void);       /* interp/lib/os.py */
FtObject *ft_mod_posixpath_create(void); /* interp/lib/posixpath.py */

/* sys.argv, set by the command line before the sys module is created. */
void ft_sys_set_argv(int argc, char **argv);
/* Writes to the current sys.stdout / sys.stderr (their write() method), or
 * straight to the C stream while they are the original ones. 0 / -1. */
int ft_sys_write_stdout(FtObject *str);
int ft_sys_write_stderr_cstr(const char *s);

#endif
