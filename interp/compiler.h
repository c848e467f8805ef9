/* interp/compiler.h — AST to code objects: symbol tables (interp/symtable.c)
 * then bytecode (interp/compiler.c).
 */
#ifndef FT_INTERP_COMPILER_H
#define FT_INTERP_COMPILER_H

#include "interp/ast.h"

/* Compiles a parsed module (mode as given to ft_parse). In FT_PARSE_SINGLE
 * mode expression statements print their repr like the REPL. Returns a
 * code object, or NULL + SyntaxError ("'return' outside function"...). */
FtObject *ft_compile(FtAstModule *mod, const char *filename, int mode);

/* 1 (the default): the assembler fuses LOAD_FAST; LOAD_FAST|LOAD_CONST; op
 * (interp/eval_fused.h). ft_runtime_init sets 0 when FTPY_NO_FUSED is in
 * the environment, to measure what the fusion saves; set before anything
 * is compiled and never changed after. */
extern int ft_compiler_fuse_operands;

#endif
