/* objects/dict_impl.h — private to dict.c and dict_views.c: the layout of
 * the hash table behind FtDictObject. Not for other parts (use dict.h).
 *
 * A table is one block: this header, then `size` indices (int8, int16,
 * int32 or int64, whichever holds an entry number), then room for
 * `usable` entries. Entries are appended in insertion order; an index slot
 * holds an entry number, DKIX_EMPTY or DKIX_DUMMY (a deleted entry, so
 * probe chains stay intact). Deleted entries keep their place (key NULL)
 * until the next resize compacts them.
 */
#ifndef FT_OBJECTS_DICT_IMPL_H
#define FT_OBJECTS_DICT_IMPL_H

#include "objects/object.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

typedef struct {
    ft_hash_t hash;
    FtObject *key; /* NULL: deleted */
    FtObject *value;
} FtDictEntry;

struct FtDictKeys {
    ssize_t size;     /* index slots, a power of two */
    ssize_t usable;   /* entries that can still be appended */
    ssize_t nentries; /* entries appended so far, deleted ones included */
    uint8_t log2_size;
    uint8_t log2_index_bytes; /* 0..3: int8 .. int64 indices */
    FtDictEntry *entries;     /* inside the same block, after the indices */
};
typedef struct FtDictKeys FtDictKeys;

#define FT_DK_INDICES(dk) ((char *)((dk) + 1))

/* The dict's entry for key (hash known): its number, DKIX_EMPTY, or
 * DKIX_ERROR when a comparison raised (or kept rebuilding the table:
 * RuntimeError). The caller holds mp's critical section (free-threaded
 * builds); the number is only valid inside it. */
ssize_t ft_dict_lookup_entry(FtDictObject *mp, FtObject *key, ft_hash_t hash);

/* "dict_keys", "dict_values", "dict_items" view objects: {dict}. */
typedef struct {
    FT_OBJECT_HEAD
    FtObject *dict;
} FtDictView;

FtObject *ft_dictview_new(FtObject *dict, FtType *type);
/* Iterators over a dict: kind is one of the Iter types in dict.h. */
FtObject *ft_dictiter_new(FtObject *dict, FtType *type);

#endif
