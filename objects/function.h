/* objects/function.h — Python functions, closure cells, code objects and
 * generators: the objects the compiler and the eval loop create (their
 * layouts live in interp/code.h and interp/frame.h; this is the interface
 * the rest of the object layer may use).
 */
#include "objects/object.h" /* this header is part of object.h */
#include "runtime/lock.h"   /* FT_OBJECT_LOCK_FIELDS */

#ifndef FT_OBJECTS_FUNCTION_H
#define FT_OBJECTS_FUNCTION_H

extern FtType FtFunction_Type;
extern FtType FtCell_Type;
extern FtType FtCode_Type;
extern FtType FtGenerator_Type;

typedef struct {
    FT_OBJECT_HEAD
    FtObject *code;       /* FtCodeObject */
    FtObject *globals;    /* dict */
    FtObject *builtins;   /* dict */
    FtObject *name;       /* str */
    FtObject *qualname;   /* str */
    FtObject *defaults;   /* tuple or NULL */
    FtObject *kwdefaults; /* dict or NULL */
    FtObject *closure;    /* tuple of cells or NULL */
    FtObject *doc;        /* or NULL */
    FtObject *dict;       /* function attributes, or NULL */
    FtObject *module;     /* __module__ or NULL */
    FtObject *annotations; /* dict, or NULL until first asked for */
} FtFunctionObject;

#define FT_FUNCTION_CHECK(o) (FT_TYPE(o) == &FtFunction_Type)

/* Without a GIL a cell takes no lock, as list[i] and dict reads do not:
 * ref is read with an acquire load and replaced with an atomic exchange,
 * and what a write replaces is released only after a grace period
 * (runtime/qsbr.h), so a reader that has just loaded the old value can
 * still take its reference. With a GIL, plain loads and stores. */
typedef struct {
    FT_OBJECT_HEAD
    FtObject *ref; /* NULL while empty; only through the functions below */
} FtCellObject;

FtObject *ft_cell_new(FtObject *value); /* value may be NULL */

/* The contents as a new reference, or NULL (no exception) when empty. */
static inline FtObject *ft_cell_get(FtObject *cell)
{
    FtObject **slot = &((FtCellObject *)cell)->ref;
#if defined(FT_GIL_NONE)
    FtObject *v =
        (FtObject *)ft_atomic_load_ptr_acquire((void *const volatile *)slot);
#else
    FtObject *v = *slot;
#endif
    if (v != NULL)
        FT_INCREF(v);
    return v;
}

/* Puts value (a reference the cell takes over; NULL empties the cell) in
 * the cell and returns the old contents, a reference the caller must give
 * to ft_qsbr_defer_decref rather than drop (NULL when it was empty). */
static inline FtObject *ft_cell_exchange(FtObject *cell, FtObject *value)
{
    FtObject **slot = &((FtCellObject *)cell)->ref;
#if defined(FT_GIL_NONE)
    return (FtObject *)ft_atomic_exchange_ptr_full((void *volatile *)slot,
                                                   value);
#else
    FtObject *old = *slot;
    *slot = value;
    return old;
#endif
}

/* Replaces the contents (value borrowed; NULL empties the cell). */
void ft_cell_set(FtObject *cell, FtObject *value);
#if !defined(FT_GIL_NONE)
/* Empties the cell if it holds v: 1 and the cell's reference to v passes
 * to the caller, else 0. GIL builds only: without one, a reader may have
 * loaded v and not yet taken its reference. */
int ft_cell_take_if(FtObject *cell, FtObject *v);
#endif

/* Borrowed: the code object's function name and file name (str). */
FtObject *ft_code_name(FtObject *code);
FtObject *ft_code_filename(FtObject *code);

/* Runs a class body: func's code with `ns` as its locals dict. Returns
 * the body's result (the __class__ cell when a method uses super() or
 * __class__, else None), new ref. Used by __build_class__. */
FtObject *ft_function_exec_class_body(FtObject *func, FtObject *ns);
/* For zero-argument super(): the class from the current frame's __class__
 * cell and the frame's first argument, both new references. -1 + RuntimeError
 * "super(): no arguments" / "super(): __class__ cell not found". */
int ft_frame_super_args(FtType **cls, FtObject **self);

#endif
