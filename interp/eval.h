/* interp/eval.h — the bytecode interpreter's entry points. */
#ifndef FT_INTERP_EVAL_H
#define FT_INTERP_EVAL_H

#include "objects/object.h"

/* Runs a module-level code object with the given globals (and locals; pass
 * the same dict for module code). Returns the result or NULL + exception. */
FtObject *ft_eval_code(FtObject *code, FtObject *globals, FtObject *locals);

/* Parses, compiles and runs source as module __main__ in globals.
 * mode is FT_PARSE_FILE/SINGLE/EVAL (interp/parser.h). */
FtObject *ft_run_string(const char *source, const char *filename,
                        FtObject *globals, int mode);

/* The calling thread's innermost frame's globals (borrowed), or NULL. */
FtObject *ft_eval_globals(void);

#endif
