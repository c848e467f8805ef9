/* objects/object.h — the object model every part of ftpy shares: the object
 * header, type objects and their slots, the generic ("abstract") operations
 * the eval loop calls, errors, and the per-type headers.
 *
 * Ownership: every function returns a new reference unless its comment says
 * "borrowed". A function that can fail returns NULL (or -1) with an
 * exception set (see objects/exceptions.h) — exactly one way per function.
 */
#ifndef FT_OBJECTS_OBJECT_H
#define FT_OBJECTS_OBJECT_H

#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>

#include "runtime/alloc.h"
#include "runtime/atomics.h"
#include "runtime/refcount.h"
#include "runtime/gc.h"

typedef int64_t ft_hash_t;

/* Every object starts with FT_OBJECT_HEAD; variable-size ones (tuple) use
 * FT_VAR_HEAD, which adds the item count. */
#define FT_OBJECT_HEAD FtObject ob_base;
typedef struct {
    FT_OBJECT_HEAD
    ssize_t ob_size;
} FtVarObject;
#define FT_VAR_HEAD FtVarObject ob_base;

#define FT_TYPE(op) (((FtObject *)(op))->ob_type)
#define FT_SIZE(op) (((FtVarObject *)(op))->ob_size)

/* ---- slot signatures ---------------------------------------------------- */

/* Vectorcall convention, used by every call in ftpy: `args` holds `nargs`
 * positional values followed by one value per name in `kwnames` (a tuple of
 * str, or NULL when there are no keyword arguments). Arguments are borrowed. */
typedef FtObject *(*ft_callfunc)(FtObject *callable, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames);
typedef void (*ft_destructor)(FtObject *);
typedef FtObject *(*ft_unaryfunc)(FtObject *);
typedef FtObject *(*ft_binaryfunc)(FtObject *, FtObject *);
typedef FtObject *(*ft_binopfunc)(FtObject *a, FtObject *b, int op);
typedef FtObject *(*ft_unaryopfunc)(FtObject *a, int op);
typedef FtObject *(*ft_richcmpfunc)(FtObject *a, FtObject *b, int op);
typedef ft_hash_t (*ft_hashfunc)(FtObject *);  /* -1 = error */
typedef int (*ft_inquiry)(FtObject *);         /* -1 = error */
typedef ssize_t (*ft_lenfunc)(FtObject *);     /* -1 = error */
typedef int (*ft_objobjproc)(FtObject *, FtObject *); /* -1 = error */
/* value == NULL means delete. Returns 0 or -1. */
typedef int (*ft_setitemfunc)(FtObject *o, FtObject *key, FtObject *value);
typedef FtObject *(*ft_getattrfunc)(FtObject *o, FtObject *name);
typedef int (*ft_setattrfunc)(FtObject *o, FtObject *name, FtObject *value);
/* obj may be NULL when the descriptor is looked up on the type itself. */
typedef FtObject *(*ft_descrgetfunc)(FtObject *descr, FtObject *obj,
                                     FtObject *type);
typedef int (*ft_descrsetfunc)(FtObject *descr, FtObject *obj,
                               FtObject *value);
/* tp_new(type, args...) creates an instance; tp_init(self, args...) fills
 * it in and returns 0 or -1. `type(...)` calls tp_new then, if the result is
 * an instance of the type, tp_init. */
typedef FtObject *(*ft_newfunc)(FtType *type, FtObject *const *args,
                                size_t nargs, FtObject *kwnames);
typedef int (*ft_initfunc)(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames);

/* Built-in functions and methods: `self` is the module (or NULL) for
 * functions and the bound object for methods. Without FT_METH_KEYWORDS the
 * caller rejects keyword arguments before calling, so kwnames is NULL. */
typedef FtObject *(*ft_cfunc)(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames);
#define FT_METH_KEYWORDS 0x1
#define FT_METH_STATIC 0x2 /* in tp_methods: a staticmethod, self = NULL */
#define FT_METH_CLASS 0x4  /* in tp_methods: a classmethod, self = the type */

typedef struct FtMethodDef {
    const char *name;
    ft_cfunc func;
    int flags;
    const char *doc;
} FtMethodDef;

/* Computed attributes of built-in types (function.__name__, exc.args...). */
typedef FtObject *(*ft_getter)(FtObject *self);
typedef int (*ft_setter)(FtObject *self, FtObject *value); /* NULL = del */
typedef struct FtGetSetDef {
    const char *name;
    ft_getter get;
    ft_setter set; /* NULL: read-only */
} FtGetSetDef;

/* Binary operators: one slot, `tp_binop(a, b, op)`. As in CPython, the
 * dispatcher calls type(a)'s slot first and type(b)'s slot next if the first
 * returned NotImplemented (type(b)'s first when it is a proper subclass of
 * type(a)); so a slot must check which operand is its own type, e.g. float's
 * slot is called with (int, float). Reflected dunders (__radd__) are how user
 * classes see the second call. */
enum {
    FT_OP_ADD,
    FT_OP_SUB,
    FT_OP_MUL,
    FT_OP_TRUEDIV,
    FT_OP_FLOORDIV,
    FT_OP_MOD,
    FT_OP_POW,
    FT_OP_LSHIFT,
    FT_OP_RSHIFT,
    FT_OP_AND,
    FT_OP_OR,
    FT_OP_XOR,
    FT_OP_MATMUL,
    FT_OP__COUNT
};
/* "+", "-", ... for error messages; indexed by FT_OP_*. */
extern const char *const ft_op_symbols[FT_OP__COUNT];

enum { FT_UNARY_NEG, FT_UNARY_POS, FT_UNARY_INVERT, FT_UNARY_ABS };

/* Rich comparison operators, CPython's numbering. */
enum { FT_LT, FT_LE, FT_EQ, FT_NE, FT_GT, FT_GE };

/* A comparison operator (FT_LT .. FT_GE) applied to two C ints or doubles:
 * the fast paths of the eval loop and of ft_object_richcompare_bool. */
static inline int ft_compare_int(int op, int64_t x, int64_t y)
{
    switch (op) {
    case FT_LT: return x < y;
    case FT_LE: return x <= y;
    case FT_EQ: return x == y;
    case FT_NE: return x != y;
    case FT_GT: return x > y;
    default: return x >= y;
    }
}

static inline int ft_compare_double(int op, double x, double y)
{
    switch (op) {
    case FT_LT: return x < y;
    case FT_LE: return x <= y;
    case FT_EQ: return x == y;
    case FT_NE: return x != y;
    case FT_GT: return x > y;
    default: return x >= y;
    }
}

/* ---- type objects ------------------------------------------------------- */

#define FT_TPFLAGS_HEAPTYPE 0x1   /* created by a class statement */
#define FT_TPFLAGS_BASETYPE 0x2   /* may be subclassed */
#define FT_TPFLAGS_READY 0x4      /* ft_type_ready() has run */
/* Its instances refer to no other object: freeing one frees nothing else,
 * so ft_dealloc spares them its depth bound. Never inherited. */
#define FT_TPFLAGS_LEAF 0x8
#define FT_TPFLAGS_INT_SUBCLASS 0x10
#define FT_TPFLAGS_STR_SUBCLASS 0x20
#define FT_TPFLAGS_TUPLE_SUBCLASS 0x40
#define FT_TPFLAGS_LIST_SUBCLASS 0x80
#define FT_TPFLAGS_DICT_SUBCLASS 0x100
#define FT_TPFLAGS_TYPE_SUBCLASS 0x200
#define FT_TPFLAGS_EXC_SUBCLASS 0x400 /* BaseException and subclasses */
/* Instances carry a cycle-collector pre-header and are tracked
 * (runtime/gc.h); the type fills tp_traverse. */
#define FT_TPFLAGS_HAVE_GC 0x800

struct FtType {
    FT_OBJECT_HEAD /* ob_type is &FtType_Type (or a metaclass) */
    const char *tp_name;
    ssize_t tp_basicsize;
    ssize_t tp_itemsize; /* >0 for variable-size objects (tuple) */
    unsigned long tp_flags;

    ft_destructor tp_dealloc;
    ft_unaryfunc tp_repr;
    ft_unaryfunc tp_str;
    ft_hashfunc tp_hash;
    ft_richcmpfunc tp_richcompare; /* returns NotImplemented if unsure */
    ft_inquiry tp_bool;
    ft_lenfunc tp_len;
    ft_binaryfunc tp_getitem;
    ft_setitemfunc tp_setitem;
    ft_objobjproc tp_contains; /* NULL: fall back to iteration */
    ft_unaryfunc tp_iter;
    /* Returns the next item, or NULL with no exception set when exhausted
     * (NULL with an exception set is an error). */
    ft_unaryfunc tp_iternext;
    ft_callfunc tp_call;
    ft_getattrfunc tp_getattr; /* NULL: ft_object_generic_getattr */
    ft_setattrfunc tp_setattr; /* NULL: ft_object_generic_setattr */
    ft_descrgetfunc tp_descr_get;
    ft_descrsetfunc tp_descr_set;
    ft_binopfunc tp_binop;
    ft_binopfunc tp_inplace; /* a += b etc.; NULL or NotImplemented: binop */
    ft_unaryopfunc tp_unary;
    ft_newfunc tp_new;
    ft_initfunc tp_init;

    FtMethodDef *tp_methods; /* NULL-name terminated; copied into tp_dict */
    FtGetSetDef *tp_getset;  /* NULL-name terminated; copied into tp_dict */
    FtType *tp_base;         /* single base for static types */
    FtObject *tp_bases;      /* tuple of types (filled by ft_type_ready) */
    FtObject *tp_mro;        /* tuple of types, C3 order */
    FtObject *tp_dict;       /* dict of attributes */
    /* Offset of an `FtObject *` slot holding the instance __dict__, or 0. */
    ssize_t tp_dictoffset;
    const char *tp_doc;
    /* Bumped whenever tp_dict (or a base's) changes, so the eval loop can
     * cache attribute lookups by version. */
    uint64_t tp_version;
    /* For heap types: the class name as a str object and __module__. */
    FtObject *tp_name_obj;
    /* The cycle collector (runtime/gc.h), for types with
     * FT_TPFLAGS_HAVE_GC: visit every owned reference; drop references to
     * break a cycle (may be NULL); run the finalizer of an object found in
     * cyclic garbage, returning 1 if it ran code (may be NULL). */
    ft_traverseproc tp_traverse;
    ft_inquiry tp_clear;
    ft_inquiry tp_finalize;
};

/* The object has a cycle-collector pre-header (runtime/gc.h): its type
 * has FT_TPFLAGS_HAVE_GC, and it is not a statically allocated type. */
static inline int ft_gc_is_gc(FtObject *op)
{
    FtType *t = op->ob_type;
    if (!(t->tp_flags & FT_TPFLAGS_HAVE_GC))
        return 0;
    return !(t->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) ||
           (((FtType *)op)->tp_flags & FT_TPFLAGS_HEAPTYPE);
}

/* Static type initialisation: designated initialisers on these macros. */
#define FT_STATIC_OBJECT_INIT(type) {FT_RC_STATIC_INIT, .ob_type = (type)}
#define FT_TYPE_HEAD_INIT .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type)

/* ---- the built-in types (defined in objects/\*.c) ------------------------ */

extern FtType FtType_Type;      /* type */
extern FtType FtBaseObject_Type;/* object */
extern FtType FtNone_Type;
extern FtType FtNotImplemented_Type;
extern FtType FtEllipsis_Type;
extern FtType FtBool_Type;
extern FtType FtInt_Type;
extern FtType FtFloat_Type;
extern FtType FtStr_Type;
extern FtType FtList_Type;
extern FtType FtTuple_Type;
extern FtType FtDict_Type;
extern FtType FtSet_Type;
extern FtType FtRange_Type;
extern FtType FtSlice_Type;
extern FtType FtModule_Type;
extern FtType FtCFunction_Type;   /* built-in function or bound C method */
extern FtType FtMethodDescr_Type; /* unbound C method in a type's dict */
extern FtType FtGetSetDescr_Type;
extern FtType FtMethod_Type;      /* bound Python method */
extern FtType FtProperty_Type;
extern FtType FtStaticMethod_Type;
extern FtType FtClassMethod_Type;
extern FtType FtSuper_Type;

/* Singletons: statically allocated, never freed. */
extern FtObject ft_none_object;
extern FtObject ft_notimplemented_object;
extern FtObject ft_ellipsis_object;
#define FT_None (&ft_none_object)
#define FT_NotImplemented (&ft_notimplemented_object)
#define FT_Ellipsis (&ft_ellipsis_object)
#define FT_RETURN_NONE return FT_NEWREF(FT_None)
#define FT_RETURN_NOTIMPLEMENTED return FT_NEWREF(FT_NotImplemented)

/* ---- allocation --------------------------------------------------------- */

/* Allocates type->tp_basicsize (+ nitems * tp_itemsize) zeroed bytes, sets
 * the header (one reference; heap types get a reference from each instance)
 * and, for var objects, ob_size = nitems. NULL + MemoryError on failure. */
FtObject *ft_object_new(FtType *type);
FtObject *ft_object_new_var(FtType *type, ssize_t nitems);
/* Frees the memory of an object whose fields were already released; drops
 * the heap type's reference. The usual last line of a tp_dealloc. */
void ft_object_free(FtObject *op);

/* ---- generic operations (objects/abstract.c) ----------------------------- */

FtObject *ft_object_repr(FtObject *o);
FtObject *ft_object_str(FtObject *o);
FtObject *ft_object_format(FtObject *o, FtObject *spec); /* format(o, spec) */
ft_hash_t ft_object_hash(FtObject *o); /* -1 + TypeError if unhashable */
/* The tp_hash of an unhashable type (list, dict, set...): raises TypeError
 * "unhashable type". Readying the type sets its __hash__ to None, as for a
 * type without tp_hash, so subclasses and `T.__hash__ is None` agree. */
ft_hash_t ft_object_hash_not_implemented(FtObject *o);
int ft_object_is_true(FtObject *o);    /* 1, 0, or -1 on error */
int ft_object_not(FtObject *o);
FtObject *ft_object_richcompare(FtObject *a, FtObject *b, int op);
/* 1/0/-1; for FT_EQ/FT_NE identical objects compare equal without a call. */
int ft_object_richcompare_bool(FtObject *a, FtObject *b, int op);

FtObject *ft_object_getattr(FtObject *o, FtObject *name);
FtObject *ft_object_getattr_str(FtObject *o, const char *name);
/* Like getattr, but returns NULL with NO exception when the attribute is
 * simply missing (AttributeError swallowed); other errors stay set. */
FtObject *ft_object_lookup_attr(FtObject *o, FtObject *name);
int ft_object_setattr(FtObject *o, FtObject *name, FtObject *value);
int ft_object_setattr_str(FtObject *o, const char *name, FtObject *value);
int ft_object_delattr(FtObject *o, FtObject *name);
int ft_object_hasattr(FtObject *o, FtObject *name); /* 1/0/-1 */
FtObject *ft_object_generic_getattr(FtObject *o, FtObject *name);
int ft_object_generic_setattr(FtObject *o, FtObject *name, FtObject *value);
/* The method-call fast path: looks name up on o without creating a bound
 * method. Returns 1 and sets *method to an unbound function (call it with o
 * as the first argument), 0 and sets *method to an ordinary attribute value
 * (call it as is), or -1 on error (*method = NULL). *method is a new ref. */
int ft_object_get_method(FtObject *o, FtObject *name, FtObject **method);
/* Address of o's instance dict slot, or NULL if its type has none. */
FtObject **ft_object_dict_ptr(FtObject *o);
/* The dict in an instance dict slot, or NULL (borrowed). Without a GIL
 * another thread may install the dict at any moment or replace it
 * (`o.__dict__ = d`, which releases the old one only after a grace period,
 * runtime/qsbr.h), so the slot is read with an acquire load, and what it
 * gives stays valid until the caller's next quiescent state. */
static inline FtObject *ft_object_dict_load(FtObject **dp)
{
    return (FtObject *)ft_atomic_load_ptr_acquire((void *const volatile *)dp);
}
/* The dict in the slot, created if there is none yet (borrowed; NULL with
 * MemoryError). */
FtObject *ft_object_dict_get_or_create(FtObject **dp);
/* Puts value (stolen, a dict) in the slot; the old dict is released after
 * a grace period. */
void ft_object_dict_replace(FtObject **dp, FtObject *value);

FtObject *ft_object_getitem(FtObject *o, FtObject *key);
int ft_object_setitem(FtObject *o, FtObject *key, FtObject *value);
int ft_object_delitem(FtObject *o, FtObject *key);
ssize_t ft_object_len(FtObject *o);
int ft_object_contains(FtObject *container, FtObject *item); /* `in` */

FtObject *ft_object_iter(FtObject *o);
/* iter(o) for an iterator no Python code can reach (a `for` statement's
 * in the eval loop, the one unpacking uses): the list and range iterators
 * made here are stepped without the atomic claim that lets threads share
 * one (never hand the result to Python code). */
FtObject *ft_object_iter_private(FtObject *o);
/* Next item, or NULL: check ft_err_occurred() to tell the end from an error. */
FtObject *ft_iter_next(FtObject *it);

FtObject *ft_number_binop(FtObject *a, FtObject *b, int op);
FtObject *ft_number_inplace(FtObject *a, FtObject *b, int op);
FtObject *ft_number_unary(FtObject *a, int op);
/* operator.index(): an int (bool allowed) or an object with __index__. */
int ft_number_as_i64(FtObject *o, int64_t *out);
/* An int (new reference) from an int or __index__; NULL + TypeError. */
FtObject *ft_number_index(FtObject *o);
/* The same, for a value that must fit a C int (OverflowError otherwise). */
int ft_number_as_c_int(FtObject *o, int *out);
/* Converts int/bool/float (and __float__) to a C double. -1 + TypeError. */
int ft_number_as_double(FtObject *o, double *out);

int ft_object_isinstance(FtObject *o, FtObject *cls); /* cls may be a tuple */
int ft_object_issubclass(FtObject *derived, FtObject *cls);
int ft_type_is_subtype(FtType *a, FtType *b); /* walks a's MRO */
static inline int ft_type_check(FtObject *o, FtType *t)
{
    return FT_TYPE(o) == t || ft_type_is_subtype(FT_TYPE(o), t);
}
/* A type's printable name ("int", "Foo"), borrowed C string. */
const char *ft_type_name(FtType *t);

/* ---- calls (objects/call.c) ---------------------------------------------- */

FtObject *ft_call(FtObject *callable, FtObject *const *args, size_t nargs,
                  FtObject *kwnames);
FtObject *ft_call0(FtObject *callable);
FtObject *ft_call1(FtObject *callable, FtObject *a);
FtObject *ft_call2(FtObject *callable, FtObject *a, FtObject *b);
/* f(*args_tuple, **kwargs_dict); kwargs may be NULL. */
FtObject *ft_call_tuple_dict(FtObject *callable, FtObject *args,
                             FtObject *kwargs);
/* o.name(args...) */
FtObject *ft_call_method(FtObject *o, FtObject *name, FtObject *const *args,
                         size_t nargs);
int ft_callable(FtObject *o);

/* Argument checking for C functions: raises TypeError in CPython's words
 * ("len() takes exactly one argument (2 given)") and returns -1, else 0. */
int ft_arg_count(const char *fname, size_t nargs, size_t min, size_t max);
int ft_arg_no_kwargs(const char *fname, FtObject *kwnames);
/* Binds positional and keyword arguments to the names in kwlist (NULL
 * terminated). out[i] receives a borrowed reference or NULL if not given.
 * The first `min` are required; at most `maxpos` may be positional. */
int ft_arg_parse(const char *fname, FtObject *const *args, size_t nargs,
                 FtObject *kwnames, const char *const *kwlist, size_t min,
                 size_t maxpos, FtObject **out);

/* ---- types and classes (objects/typeobject.c) ---------------------------- */

/* Fills in a static type: tp_bases, tp_mro, tp_dict from tp_methods and
 * tp_getset, slots inherited from tp_base. 0 or -1. */
int ft_type_ready(FtType *t);
/* Creates a class, as `class name(bases): ns` does. */
FtObject *ft_type_new_class(FtObject *name, FtObject *bases, FtObject *ns);
/* Looks name up along t's MRO; borrowed, NULL (no error) if absent. */
FtObject *ft_type_lookup(FtType *t, FtObject *name);
/* Marks t and its subclasses' caches stale after tp_dict changed. */
void ft_type_modified(FtType *t);
FtObject *ft_cfunction_new(FtMethodDef *def, FtObject *self);
FtObject *ft_method_new(FtObject *func, FtObject *self); /* bound method */

/* ---- the other headers of the object layer -------------------------------- */

#include "objects/exceptions.h"
#include "objects/ids.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/range.h"
#include "objects/iter.h"
#include "objects/module.h"
#include "objects/function.h"

/* Initialises every built-in type and table; called once at start-up. */
int ft_objects_init(void);

#endif
