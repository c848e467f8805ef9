/* objects/typeobject.h — internals shared by the type-system files (object.c,
 * abstract.c, call.c, typeobject*.c, descr.c, module.c): the heap-type
 * layout, descriptor object layouts, the slot table and the method cache.
 * Nothing outside those files should need this header.
 */
#ifndef FT_OBJECTS_TYPEOBJECT_H
#define FT_OBJECTS_TYPEOBJECT_H

#include "objects/object.h"
#include "runtime/atomics.h"
#include "runtime/lock.h"

/* Private tp_flags bits (high bits, away from the public ones). */
#define FT_TPFLAGS_HEAPEXT (1UL << 30)   /* the struct is an FtHeapType */
#define FT_TPFLAGS_READYING (1UL << 29)  /* ft_type_ready() in progress */
/* __abstractmethods__ is set and non-empty: object.__new__ refuses it. */
#define FT_TPFLAGS_IS_ABSTRACT (1UL << 28)
#define FT_TPFLAGS_SUBCLASS_MASK                                               \
    (FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_STR_SUBCLASS |                       \
     FT_TPFLAGS_TUPLE_SUBCLASS | FT_TPFLAGS_LIST_SUBCLASS |                    \
     FT_TPFLAGS_DICT_SUBCLASS | FT_TPFLAGS_TYPE_SUBCLASS |                     \
     FT_TPFLAGS_EXC_SUBCLASS)

/* A class made by a class statement: FtType plus what only heap types have.
 * FtType_Type's tp_basicsize is sizeof(FtHeapType). */
typedef struct {
    FtType type;
    FtObject *qualname; /* str */
} FtHeapType;

#define FT_IS_HEAPEXT(t) ((((FtType *)(t))->tp_flags & FT_TPFLAGS_HEAPEXT) != 0)
#define FT_TYPE_CHECK(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) != 0)

/* ---- descriptor and method objects (descr.c) ---- */

typedef struct {
    FT_OBJECT_HEAD
    FtMethodDef *def;
    FtObject *self; /* module, bound object, type, or NULL */
} FtCFunctionObject;

typedef struct {
    FT_OBJECT_HEAD
    FtType *type;
    FtMethodDef *def;
} FtMethodDescrObject;

typedef struct {
    FT_OBJECT_HEAD
    FtType *type;
    FtGetSetDef *def;
} FtGetSetDescrObject;

typedef struct {
    FT_OBJECT_HEAD
    FtObject *func; /* first field: the free-list link */
    FtObject *self;
} FtMethodObject;

typedef struct {
    FT_OBJECT_HEAD
    FtObject *callable;
} FtStaticMethodObject; /* also classmethod */

struct FtSlotDef;
typedef struct {
    FT_OBJECT_HEAD
    FtType *type; /* the type whose C slot is wrapped */
    const struct FtSlotDef *slot;
} FtWrapperDescrObject;

/* "slot wrapper": object.__init__, int.__add__ ... */
extern FtType FtWrapperDescr_Type;

FtObject *ft_methoddescr_new(FtType *t, FtMethodDef *def);
FtObject *ft_getsetdescr_new(FtType *t, FtGetSetDef *def);
FtObject *ft_wrapperdescr_new(FtType *t, const struct FtSlotDef *sd);
FtObject *ft_staticmethod_new(FtObject *callable);
FtObject *ft_classmethod_new(FtObject *callable);

/* ---- the slot table (typeobject_slots.c) ---- */

typedef void (*ft_anyslot)(void);
/* Calls the C slot `sd` of `owner` for a Python-level call of the dunder. */
typedef FtObject *(*ft_wrapperfunc)(FtType *owner, const struct FtSlotDef *sd,
                                   FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames);
typedef struct FtSlotDef {
    int name_idx;           /* FT_IDX_* of the dunder */
    size_t offset;          /* offsetof(FtType, tp_xxx) */
    ft_anyslot generic;     /* slot function that calls the Python dunder */
    ft_wrapperfunc wrapper; /* NULL: no slot wrapper (__getattr__) */
    int op;                 /* FT_OP_*, FT_LT.., FT_UNARY_* */
} FtSlotDef;

/* Static types: puts slot wrappers for t's own (non-inherited) slots into
 * tp_dict. Called by ft_type_ready before inheritance. */
int ft_slots_add_wrappers(FtType *t);
/* Static types: copies NULL slots from base (CPython's rules). */
void ft_slots_inherit(FtType *t, FtType *base);
/* Heap types: sets every slot from the dunders found along the MRO. */
void ft_slots_fixup(FtType *t);
/* After `C.name = v` / `del C.name`: recomputes the slots named by name in
 * t and its subclasses. */
void ft_slots_update(FtType *t, FtObject *name);
/* 1 if o is some type's `__new__` built-in (self = that type). */
int ft_is_tp_new_wrapper(FtObject *o);
FtObject *ft_slot_default_repr(FtObject *o);

/* ---- typeobject.c ---- */

FtObject *ft_type_qualname(FtType *t); /* new ref str */
FtObject *ft_type_module(FtType *t);   /* new ref str, or NULL (no error) */
/* Direct subclasses (borrowed array, valid until the next class is made). */
FtType **ft_type_subclasses(FtType *t, ssize_t *n);
ft_hash_t ft_hash_pointer(const void *p);

/* The method cache: (tp_version, interned name) -> borrowed value or NULL.
 * tp_version changes whenever t's or a base's dict changes, and versions are
 * never reused, so a hit is always current.
 *
 * Without a GIL, entries are read and filled without a lock: each entry
 * has a sequence number that a filler makes odd with a CAS while it
 * rewrites the entry (a filler that finds it odd, or loses the CAS, does
 * not fill), and a reader treats the entry as a miss when the number was
 * odd or changed across its reads (a seqlock), so it never uses a torn
 * entry. A miss walks the MRO without the critical lock too
 * (typeobject.c, lookup_unlocked). tp_version is then read and written
 * atomically. A value found this way stays alive until the reader's next
 * quiescent state even if the class attribute is replaced meanwhile: class
 * dicts defer releasing replaced values (runtime/qsbr.h). */
#define FT_MCACHE_BITS 12
typedef struct {
    ft_atomic_t seq; /* free-threaded builds only */
    uint64_t version;
    FtObject *name;
    FtObject *value;
} FtMCacheEntry;
extern FtMCacheEntry ft_mcache[1u << FT_MCACHE_BITS];

static inline size_t ft_mcache_index(uint64_t version, FtObject *name)
{
    uint64_t h = (version * 0x9E3779B97F4A7C15ull) ^ ((uintptr_t)name >> 4);
    return (size_t)((h ^ (h >> 29)) & ((1u << FT_MCACHE_BITS) - 1));
}

#if defined(FT_GIL_NONE)
static inline uint64_t ft_type_version(FtType *t)
{
    return ft_atomic_load((const volatile ft_atomic_t *)&t->tp_version);
}
/* The seqlock probe: 1 with *value (borrowed, maybe NULL: "not there") on a
 * hit, 0 on a miss or a torn read. */
static inline int ft_mcache_probe(FtType *t, FtObject *name, FtObject **value)
{
    uint64_t version = ft_type_version(t);
    FtMCacheEntry *e = &ft_mcache[ft_mcache_index(version, name)];
    ft_atomic_t s = ft_atomic_load_acquire(&e->seq);
    if (s & 1)
        return 0;
    /* Acquire loads keep the second read of seq after them (a fence would
     * do too, but ThreadSanitizer does not model fences). */
    uint64_t ev =
        ft_atomic_load_acquire((const volatile ft_atomic_t *)&e->version);
    void *en = ft_atomic_load_ptr_acquire((void *const volatile *)&e->name);
    void *val = ft_atomic_load_ptr_acquire((void *const volatile *)&e->value);
    if (ft_atomic_load(&e->seq) != s || ev != version || en != name ||
        version == 0)
        return 0;
    *value = val;
    return 1;
}
#else
static inline uint64_t ft_type_version(FtType *t) { return t->tp_version; }
#endif

static inline FtObject *ft_type_lookup_fast(FtType *t, FtObject *name)
{
#if defined(FT_GIL_NONE)
    FtObject *v;
    if (ft_mcache_probe(t, name, &v))
        return v;
    return ft_type_lookup(t, name);
#else
    FtMCacheEntry *e = &ft_mcache[ft_mcache_index(t->tp_version, name)];
    if (e->version == t->tp_version && e->name == name && e->version != 0)
        return e->value;
    return ft_type_lookup(t, name);
#endif
}

/* Like ft_type_lookup_fast, but a new reference (or NULL, no exception).
 * Without a GIL the reference is taken right after the lookup, before the
 * thread's next quiescent state, so a value that class attribute
 * assignment replaces meanwhile is still alive (class dicts defer their
 * releases). Callers that dereference the result must use this form;
 * ft_type_lookup's borrowed result is only good for NULL tests and
 * identity comparisons there. */
#if defined(FT_GIL_NONE)
FtObject *ft_type_lookup_ref(FtType *t, FtObject *name);
#else
static inline FtObject *ft_type_lookup_ref(FtType *t, FtObject *name)
{
    FtObject *v = ft_type_lookup_fast(t, name);
    if (v != NULL)
        FT_INCREF(v);
    return v;
}
#endif

#ifdef FT_DEBUG
/* What static types readied after start-up hold for good: the debug
 * reference total leaves it out (runtime/init.c). */
ssize_t ft_type_static_refs(void);
#endif

/* A process-wide interned string created on first use (borrowed; kept for
 * good), e.g. a dunder name a C function needs. Filled under the critical
 * lock and published with a release store, so racing first users neither
 * both fill the slot nor read it torn. NULL with an exception on failure. */
static inline FtObject *ft_intern_static(FtObject **slot, const char *s)
{
    FtObject *v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (v != NULL)
        return v;
    FT_CRIT_LOCK();
    v = *slot;
    if (v == NULL) {
        v = ft_str_intern_cstr(s);
        __atomic_store_n(slot, v, __ATOMIC_RELEASE);
    }
    FT_CRIT_UNLOCK();
    return v;
}

/* ---- abstract.c / call.c ---- */

/* types.NAME(a, b), importing lib/types.py on first use: the Python side
 * of list[int] and int | str. *name_slot caches the interned name. */
FtObject *ft_types_call2(FtObject **name_slot, const char *name, FtObject *a,
                         FtObject *b);

/* Generic getattr; with suppress, a missing attribute gives NULL and no
 * exception (hasattr, getattr with a default, module lookups). */
FtObject *ft_generic_getattr_ex(FtObject *o, FtObject *name, int suppress);
/* Raises AttributeError "'T' object has no attribute 'x'" and returns NULL. */
FtObject *ft_attribute_error(FtObject *o, FtObject *name);
/* `item in c` by iterating c. */
int ft_contains_by_iter(FtObject *c, FtObject *item);
/* callable(self, *args, **kw) without building a tuple. */
FtObject *ft_call_prepend(FtObject *callable, FtObject *self,
                          FtObject *const *args, size_t nargs,
                          FtObject *kwnames);
/* Looks name up on type(self) (not the instance) and calls it bound to
 * self. With *missing != NULL a missing name gives NULL, no exception and
 * *missing = 1. */
FtObject *ft_call_special(FtObject *self, FtObject *name,
                          FtObject *const *args, size_t nargs,
                          FtObject *kwnames, int *missing);

/* object.c: the base type's slots, which typeobject.c compares against */
FtObject *ft_object_default_new(FtType *t, FtObject *const *args, size_t nargs,
                                FtObject *kwnames);
int ft_object_default_init(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames);

#endif
