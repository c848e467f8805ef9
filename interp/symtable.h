/* interp/symtable.h — symbol tables: which names each scope (module, class,
 * function, lambda, comprehension) binds, and whether every name a scope
 * uses is local, global, free or a cell. Private to the compiler
 * (interp/compiler*.c), which asks it how to load and store each name.
 */
#ifndef FT_INTERP_SYMTABLE_H
#define FT_INTERP_SYMTABLE_H

#include "interp/ast.h"

/* How deeply the symbol table and the compiler may recurse into an AST
 * before giving up with RecursionError("maximum recursion depth exceeded
 * during compilation"), as CPython does. The parser's own nesting limit
 * does not bound left-recursive chains (a+a+...+a, a.b.c..., f()()...),
 * which it builds in a loop. Measured: a program nested to this limit
 * compiles in about 300 KB of C stack at -O2 (~150 bytes a level) and
 * 860 KB in the ASan build, so it fits a 1 MB thread stack (the parser's
 * own limit of 1000 levels needs about the same). */
#define FT_COMPILE_MAX_DEPTH 2000

/* Sets that RecursionError; returns -1. */
int ft_compile_recursion_error(void);
/* 0, or -1 + that RecursionError when the C stack is nearly used up. */
int ft_compile_check_stack(void);

/* Whether a visitor at `depth` may go one level deeper: 0, or -1 + that
 * RecursionError at FT_COMPILE_MAX_DEPTH or when the C stack itself is
 * nearly used up (a thread given a small stack_size()), which is checked
 * every few levels. */
static inline int ft_compile_check_depth(int depth)
{
    if (depth >= FT_COMPILE_MAX_DEPTH)
        return ft_compile_recursion_error();
    if ((depth & 7) == 7)
        return ft_compile_check_stack();
    return 0;
}

/* ---- string-keyed map (names to small ints), shared with the compiler ---- */

typedef struct {
    const char *key;
    unsigned hash;
    int value;
} FtStrMapSlot;

typedef struct {
    FtStrMapSlot *slots; /* cap entries, key NULL = empty */
    int cap;             /* power of two or 0 */
    int n;
    const char **order;  /* keys in insertion order */
} FtStrMap;

void ft_strmap_init(FtStrMap *m);
void ft_strmap_clear(FtStrMap *m);
/* The value stored for key, or -1. */
int ft_strmap_get(const FtStrMap *m, const char *key);
/* Stores key -> value (the key string is borrowed: it must outlive the
 * map). 0 or -1 + MemoryError. */
int ft_strmap_set(FtStrMap *m, const char *key, int value);
/* The index of key in insertion order, adding it if new: -1 on MemoryError. */
int ft_strmap_index(FtStrMap *m, const char *key);

/* ---- symbols ---- */

/* Definition flags, recorded while walking a scope. */
#define FT_DEF_GLOBAL 0x001     /* `global x` */
#define FT_DEF_LOCAL 0x002      /* assigned in this scope */
#define FT_DEF_PARAM 0x004      /* a parameter */
#define FT_DEF_NONLOCAL 0x008   /* `nonlocal x` */
#define FT_DEF_USE 0x010        /* read in this scope */
#define FT_DEF_FREE_CLASS 0x040 /* free in a method, and bound in the class */
#define FT_DEF_IMPORT 0x080     /* bound by import */
#define FT_DEF_ANNOT 0x100      /* annotated (x: T) */
#define FT_DEF_BOUND (FT_DEF_LOCAL | FT_DEF_PARAM | FT_DEF_IMPORT)

/* Resolved scopes, the result of the analysis. */
enum {
    FT_SCOPE_NONE = 0, /* the name does not occur in the scope */
    FT_SCOPE_LOCAL,
    FT_SCOPE_GLOBAL_EXPLICIT,
    FT_SCOPE_GLOBAL_IMPLICIT,
    FT_SCOPE_FREE,
    FT_SCOPE_CELL
};

typedef enum {
    FT_BLOCK_MODULE,
    FT_BLOCK_CLASS,
    FT_BLOCK_FUNCTION /* def, lambda, comprehension, generator expression */
} FtBlockType;

typedef enum {
    FT_COMP_NONE,
    FT_COMP_LIST,
    FT_COMP_SET,
    FT_COMP_DICT,
    FT_COMP_GENEXP
} FtCompKind;

typedef struct {
    const char *name; /* mangled */
    int flags;        /* FT_DEF_* */
    int scope;        /* FT_SCOPE_* (after analysis) */
    int dir_lineno, dir_col; /* where `global`/`nonlocal` declared it */
} FtSymbol;

typedef struct FtSymEntry FtSymEntry;
struct FtSymEntry {
    FtBlockType type;
    const char *name;     /* "top", the def/class name, "lambda", "listcomp"... */
    const void *node;     /* the AST node that opened the scope */
    int lineno, col;
    FtSymEntry *parent;
    FtSymEntry **children; /* in source order */
    int n_children, cap_children;

    FtSymbol *symbols;   /* in first-seen order */
    int n_symbols, cap_symbols;
    FtStrMap index;      /* name -> position in symbols */

    const char **params; /* parameters in co_varnames order (mangled) */
    int n_params, cap_params;

    FtCompKind comprehension;
    unsigned is_generator : 1;
    unsigned has_varargs : 1;
    unsigned has_varkeywords : 1;
    unsigned nested : 1;      /* a function inside a function */
    unsigned has_free : 1;    /* has free variables */
    unsigned child_free : 1;  /* some child has free variables */
    unsigned needs_class_closure : 1; /* class: methods use __class__ */
};

typedef struct FtSymTable FtSymTable;

/* Builds and analyses the symbol table of a parsed module (mode is
 * FT_PARSE_FILE/SINGLE/EVAL). NULL + SyntaxError (e.g. "no binding for
 * nonlocal 'x' found") or MemoryError. */
FtSymTable *ft_symtable_build(FtAstModule *mod, int mode, const char *filename);
void ft_symtable_free(FtSymTable *st);

/* Borrowed: the module's entry. */
FtSymEntry *ft_symtable_top(FtSymTable *st);
/* Borrowed: the child scope of `parent` opened by `node`, or NULL. */
FtSymEntry *ft_symtable_child(FtSymTable *st, const FtSymEntry *parent,
                              const void *node);
/* The resolved FT_SCOPE_* of an (already mangled) name in a scope. */
int ft_symtable_scope(FtSymEntry *ste, const char *name);
/* Borrowed symbol, or NULL. */
FtSymbol *ft_symtable_lookup(FtSymEntry *ste, const char *name);

/* Private-name mangling inside class `privname` (NULL outside classes):
 * "__x" -> "_C__x". The result is name itself or a string owned by the
 * table; NULL + MemoryError. */
const char *ft_symtable_mangle(FtSymTable *st, const char *privname,
                               const char *name);
/* Raises SyntaxError(msg) at lineno and 0-based byte column col0, with
 * the source line read from the file (as CPython's compiler does) when
 * it can be read. Used by the symbol table and the compiler. */
void ft_compile_syntax_error(const char *filename, int lineno, int col0,
                             const char *msg);

/* A copy of n bytes of s, owned by the table (freed with it). */
char *ft_symtable_strndup(FtSymTable *st, const char *s, size_t n);

#endif
