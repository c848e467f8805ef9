/* interp/future.h — future statements (interp/future.c): the features a
 * module turns on, found before compiling it.
 */
#ifndef FT_INTERP_FUTURE_H
#define FT_INTERP_FUTURE_H

#include "interp/ast.h"
#include "interp/parser.h"

/* The one feature that changes how ftpy compiles: annotations are kept
 * as strings, not evaluated (PEP 563). Same value as CPython's flag. */
#define FT_FUTURE_ANNOTATIONS 0x1000000

#define FT_FUTURE_MISPLACED                                                    \
    "from __future__ imports must occur at the beginning of the file"

typedef struct {
    int flags;  /* FT_FUTURE_* */
    int lineno; /* line of the last valid future statement (0: none) */
} FtFuture;

/* Reads the future statements at the top of a module (after its
 * docstring). 0, or -1 with SyntaxError: an unknown feature ("future
 * feature X is not defined"), `braces`, or a future statement on the
 * same line after another statement. */
int ft_future_parse(FtAstModule *mod, int mode, const char *filename,
                    FtFuture *ff);

/* 1 if s is a future statement after the module's top (the compiler then
 * raises FT_FUTURE_MISPLACED at it), wherever it is: a later line, or a
 * function body. */
int ft_future_misplaced(const FtFuture *ff, const FtAstStmt *s);

#endif
