/* objects/weakref.h — weak references (objects/weakref.c has the table and
 * the thread-safety argument): the ref type and what deallocation calls.
 */
#ifndef FT_OBJECTS_WEAKREF_H
#define FT_OBJECTS_WEAKREF_H

#include "objects/object.h"

typedef struct FtWeakref {
    FT_OBJECT_HEAD
    FtObject *wr_object;   /* borrowed; NULL once dead (stripe lock) */
    FtObject *wr_callback; /* owned, or NULL (stripe lock) */
    ft_hash_t hash;        /* -1 until computed */
    struct FtWeakref *prev, *next; /* the referent's bucket chain */
    uint32_t stripe;       /* the table stripe of the referent */
} FtWeakref;

extern FtType FtWeakref_Type; /* weakref.ref */

/* ref(ob, callback): a new weak reference (callback may be NULL or None),
 * or NULL + TypeError when ob's type cannot be weakly referenced. */
FtObject *ft_weakref_new(FtType *type, FtObject *ob, FtObject *callback);
/* The referent (new reference), or NULL (no exception) once it is dead. */
FtObject *ft_weakref_get(FtObject *ref);
/* From the dealloc of a weakly referenceable object, once its count has
 * reached 0 for good: kills its weak references and runs their callbacks. */
void ft_weakref_clear(FtObject *op);
/* After a finalizer re-initialised op's count: restore the refcount state
 * weak references rely on (runtime/refcount.h). */
void ft_weakref_mark(FtObject *op);
/* Installs the cycle collector's hooks (runtime/gc.h). */
void ft_weakref_init(void);
/* weakref.getweakrefcount / getweakrefs. */
ssize_t ft_weakref_count(FtObject *op);
FtObject *ft_weakref_list(FtObject *op);

#endif
