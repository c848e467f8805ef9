/* interp/unparse.h — writing an expression's AST back as source text
 * (interp/unparse.c), for annotations kept as strings.
 */
#ifndef FT_INTERP_UNPARSE_H
#define FT_INTERP_UNPARSE_H

#include "interp/ast.h"
#include "objects/object.h"

/* The annotation's text as CPython stores it under `from __future__
 * import annotations` (new str), or NULL with an exception: SyntaxError
 * for the kinds of expression it does not write back (lambdas,
 * comprehensions, f-strings, yield), MemoryError. */
FtObject *ft_unparse_annotation(const FtAstExpr *e);

#endif
