/* interp/parser.h — source text to AST: the tokenizer (interp/tokenizer.c)
 * and a recursive-descent parser (interp/parser.c). Nodes live in an arena
 * (interp/arena.c) freed in one go after compiling.
 */
#ifndef FT_INTERP_PARSER_H
#define FT_INTERP_PARSER_H

#include "interp/ast.h"

enum {
    FT_PARSE_FILE,   /* a module: statements until end of input */
    FT_PARSE_SINGLE, /* one interactive statement (the REPL) */
    FT_PARSE_EVAL    /* a single expression */
};

/* Parses source (UTF-8, NUL terminated). NULL + SyntaxError (or
 * IndentationError) with filename, line, column and source line set. */
FtAstModule *ft_parse(FtArena *arena, const char *source, const char *filename,
                      int mode);

/* For the REPL: 1 if source is an incomplete statement that more lines
 * could finish (open bracket, trailing ':' block, continuation...). */
int ft_parse_is_incomplete(const char *source);

#endif
