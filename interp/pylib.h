/* interp/pylib.h — modules written in Python (interp/lib/NAME.py) and
 * compiled into the binary as text: interp/lib/embed.sh turns the files
 * into the generated pylib_sources.c at build time.
 */
#ifndef FT_INTERP_PYLIB_H
#define FT_INTERP_PYLIB_H

#include "objects/object.h"

typedef struct {
    const char *name;   /* the module name, e.g. "threading" */
    const char *source; /* the file's text, NUL-terminated */
} FtPyLibSource;

/* Every embedded module, ended by a {NULL, NULL} entry (generated). */
extern const FtPyLibSource ft_pylib_sources[];

/* Creates module `name` by running its embedded source (new reference),
 * or NULL + ModuleNotFoundError / the error the source raised. The module
 * is in sys.modules while its code runs (circular imports find it) and
 * taken out again if that code fails. Tracebacks call its file
 * "<frozen NAME>", as CPython names its frozen modules. */
FtObject *ft_pylib_module(const char *name);

#endif
