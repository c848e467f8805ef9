/* interp/code.h — code objects: the compiler's output and the eval loop's
 * input. A code object is immutable once built, except for its inline
 * caches, which belong to the eval loop.
 */
#ifndef FT_INTERP_CODE_H
#define FT_INTERP_CODE_H

#include "interp/opcode.h"
#include "objects/object.h"

/* co_flags, as in CPython */
#define FT_CO_OPTIMIZED 0x0001   /* locals are fast slots */
#define FT_CO_NEWLOCALS 0x0002   /* a fresh frame per call */
#define FT_CO_VARARGS 0x0004     /* has *args */
#define FT_CO_VARKEYWORDS 0x0008 /* has **kwargs */
#define FT_CO_NESTED 0x0010
#define FT_CO_GENERATOR 0x0020
#define FT_CO_NOFREE 0x0040 /* no cell or free variables */

/* One inline-cache slot. What the fields mean is up to the instruction
 * that owns the slot (see interp/eval.c); values are never owned: they are
 * only trusted while the recorded version still matches. */
typedef struct {
    uint64_t version;  /* dict or type version the entry was filled under */
    uint64_t version2; /* a second version (e.g. builtins for LOAD_GLOBAL) */
    FtObject *value;   /* borrowed */
    ssize_t index;     /* e.g. an entry index in a dict */
    void *type;        /* the type the entry is valid for */
    uint64_t seq;      /* fills made, two each (interp/inline_cache.h) */
} FtInlineCache;

typedef struct {
    FT_OBJECT_HEAD
    int co_argcount;        /* positional parameters incl. positional-only */
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_nlocals;         /* = len(co_varnames) */
    int co_stacksize;       /* maximum value-stack depth */
    int co_flags;
    int co_firstlineno;
    ft_codeunit *co_code;   /* owned array of co_ncode words */
    ssize_t co_ncode;
    int32_t *co_lines;      /* owned: the source line of every word */
    FtObject *co_consts;    /* tuple */
    FtObject *co_names;     /* tuple of interned str: globals, attributes */
    FtObject *co_varnames;  /* tuple of str: parameters first, then locals */
    FtObject *co_cellvars;  /* tuple of str */
    FtObject *co_freevars;  /* tuple of str */
    /* For each cellvar that is also a parameter, the parameter's index
     * (else -1); NULL when no parameter is a cell. */
    int *co_cell2arg;
    FtObject *co_filename;  /* str */
    FtObject *co_name;      /* str */
    FtObject *co_qualname;  /* str */
    int co_ncaches;
    FtInlineCache *co_caches; /* owned, zeroed, co_ncaches entries */
} FtCodeObject;

#define FT_CODE_CHECK(o) (FT_TYPE(o) == &FtCode_Type)

/* Builds a code object; takes new references to the tuples/strings and
 * ownership of the code, lines and cell2arg arrays (freed with ft_mem_free). */
FtObject *ft_code_new(int argcount, int posonlyargcount, int kwonlyargcount,
                      int nlocals, int stacksize, int flags, int firstlineno,
                      ft_codeunit *code, ssize_t ncode, int32_t *lines,
                      FtObject *consts, FtObject *names, FtObject *varnames,
                      FtObject *cellvars, FtObject *freevars, int *cell2arg,
                      FtObject *filename, FtObject *name, FtObject *qualname,
                      int ncaches);

/* The source line of the instruction at word index i. */
static inline int ft_code_line(FtCodeObject *co, ssize_t i)
{
    return (i >= 0 && i < co->co_ncode) ? co->co_lines[i] : co->co_firstlineno;
}

/* Prints a disassembly to stdout (debugging aid). */
void ft_code_dump(FtObject *code);

#endif
