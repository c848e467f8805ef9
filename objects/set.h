/* objects/set.h — set: a hash table of keys. */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_SET_H
#define FT_OBJECTS_SET_H

#define FT_SET_CHECK(o) ft_type_check((FtObject *)(o), &FtSet_Type)
/* frozenset: a set that its constructor fills and nothing changes after
 * (the set functions below must not be used on one once it is seen). */
extern FtType FtFrozenSet_Type;
#define FT_FROZENSET_CHECK(o) ft_type_check((FtObject *)(o), &FtFrozenSet_Type)
/* set or frozenset (or a subclass of either). */
#define FT_ANYSET_CHECK(o) (FT_SET_CHECK(o) || FT_FROZENSET_CHECK(o))

FtObject *ft_set_new(FtObject *iterable); /* iterable may be NULL */
int ft_set_add(FtObject *set, FtObject *key);
int ft_set_discard(FtObject *set, FtObject *key); /* 1 found, 0 not, -1 */
int ft_set_contains(FtObject *set, FtObject *key);
ssize_t ft_set_size(FtObject *set);

/* ---- additions (containers owner) ---- */

extern FtType FtSetIter_Type; /* set_iterator */

/* set OP= iterable for op = FT_OP_OR (update), FT_OP_AND
 * (intersection_update), FT_OP_SUB (difference_update) or FT_OP_XOR
 * (symmetric_difference_update); other may be any iterable. 0 or -1. */
int ft_set_update_op(FtObject *set, FtObject *other, int op);
int ft_set_clear(FtObject *set);
/* Removes and returns an arbitrary element; KeyError "pop from an empty
 * set". */
FtObject *ft_set_pop(FtObject *set);
/* Walks the keys with the hashes the set stored: start with *pos = 0;
 * 1 with a borrowed key, or 0 at the end. Only inside the set's critical
 * section (or for a set no other thread can see). */
int ft_set_next_entry(FtObject *set, ssize_t *pos, FtObject **key,
                      ft_hash_t *hash);

#endif
