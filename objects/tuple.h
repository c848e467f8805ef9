/* objects/tuple.h — tuple: an immutable, variable-size array of references.
 * Small tuples are recycled through per-thread free lists.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_TUPLE_H
#define FT_OBJECTS_TUPLE_H

typedef struct {
    FT_VAR_HEAD
    FtObject *items[];
} FtTupleObject;

#define FT_TUPLE_CHECK_EXACT(o) (FT_TYPE(o) == &FtTuple_Type)
#define FT_TUPLE_CHECK(o)                                                      \
    ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_TUPLE_SUBCLASS) != 0)
#define FT_TUPLE_SIZE(o) FT_SIZE(o)
/* Borrowed item access; SET steals the reference and is only for filling
 * a tuple that no one else has seen yet. */
#define FT_TUPLE_GET(o, i) (((FtTupleObject *)(o))->items[i])
#define FT_TUPLE_SET(o, i, v) (((FtTupleObject *)(o))->items[i] = (v))

/* A tuple of n NULL items to be filled with FT_TUPLE_SET. */
FtObject *ft_tuple_new(ssize_t n);
/* Tuple of copies of n references (each incref'd). */
FtObject *ft_tuple_from_array(FtObject *const *items, ssize_t n);
FtObject *ft_tuple_pack(ssize_t n, ...); /* borrowed args, incref'd */
FtObject *ft_tuple_from_iterable(FtObject *iterable);
FtObject *ft_tuple_slice(FtObject *t, ssize_t lo, ssize_t hi);
/* The shared empty tuple (new reference). */
FtObject *ft_tuple_empty(void);

/* ---- additions (containers owner) ---- */

extern FtType FtTupleIter_Type; /* tuple_iterator */

/* The hash of a tuple with these items (CPython's xxHash-based mix); -1 if
 * an item is unhashable. Equal sequences of items hash equal. */
ft_hash_t ft_tuple_hash_items(FtObject *const *items, ssize_t n);

#endif
