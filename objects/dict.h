/* objects/dict.h — dict: insertion-ordered hash table (a dense entry array
 * plus a sparse index), used for every namespace: module globals, class
 * and instance __dict__, keyword arguments.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_DICT_H
#define FT_OBJECTS_DICT_H

#define FT_DICT_CHECK_EXACT(o) (FT_TYPE(o) == &FtDict_Type)
#define FT_DICT_CHECK(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_DICT_SUBCLASS) != 0)

FtObject *ft_dict_new(void);
/* New reference to d[key], or NULL: with no exception if the key is
 * missing, with one if hashing or comparing failed. */
FtObject *ft_dict_get(FtObject *d, FtObject *key);
FtObject *ft_dict_get_str(FtObject *d, const char *key);
/* Same, with the key's hash already known (str keys cache theirs). */
FtObject *ft_dict_get_hashed(FtObject *d, FtObject *key, ft_hash_t hash);
int ft_dict_set(FtObject *d, FtObject *key, FtObject *value); /* borrowed */
int ft_dict_set_str(FtObject *d, const char *key, FtObject *value);
int ft_dict_del(FtObject *d, FtObject *key); /* KeyError if missing */
int ft_dict_contains(FtObject *d, FtObject *key); /* 1/0/-1 */
ssize_t ft_dict_size(FtObject *d);
/* Iterates entries in order: start with *pos = 0; returns 1 and borrowed
 * key/value, or 0 at the end. Only for a dict no other thread mutates
 * meanwhile (the caller holds it in a critical section or owns it). */
int ft_dict_next(FtObject *d, ssize_t *pos, FtObject **key, FtObject **value);
FtObject *ft_dict_copy(FtObject *d);
/* d.update(other): other is a dict, or a mapping with keys(), or an
 * iterable of pairs. */
int ft_dict_update(FtObject *d, FtObject *other);
FtObject *ft_dict_keys_list(FtObject *d);
FtObject *ft_dict_items_list(FtObject *d);
void ft_dict_clear(FtObject *d);
/* Changes every time d is modified (for the eval loop's lookup caches). */
uint64_t ft_dict_version(FtObject *d);

/* ---- additions (containers owner) ---- */

/* The dict object's layout, exposed only so the eval loop can read the
 * version and size inline; the table itself is private to dict.c. */
#include "runtime/lock.h" /* FT_OBJECT_LOCK_FIELDS */

struct FtDictKeys;
typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS /* the dict's lock (inline object locks only) */
    ssize_t used;     /* number of live items */
    uint64_t version; /* unique across all dicts; new value on every change */
    struct FtDictKeys *keys;
    /* Unique across all dicts and never 0, like version, but renewed only
     * when the set of keys or the place of their entries changes: a key
     * added or removed, the table rebuilt, replaced or cleared. Replacing
     * the value of an existing key keeps it. */
    uint64_t keys_version;
} FtDictObject;
/* Raw reads without a lock: exact in GIL builds; in free-threaded ones
 * only a hint unless the caller holds d's critical section. */
#define FT_DICT_SIZE(o) (((FtDictObject *)(o))->used)
/* version and keys_version change under the dict's lock; in free-threaded
 * builds dict.c writes them with relaxed atomic stores so that lock-free
 * readers (the eval loop's caches) can read them, through these two macros
 * and never directly: a plain read would be a data race there. */
#if defined(FT_LOCKS_ACTIVE)
FT_ATOMIC_STATIC_ASSERT_(sizeof(uint64_t) == sizeof(ft_atomic_t),
                         "dict versions are atomic words");
#define FT_DICT_VERSION(o)                                                     \
    ((uint64_t)ft_atomic_load(                                                 \
        (const volatile ft_atomic_t *)&((FtDictObject *)(o))->version))
#define FT_DICT_KEYS_VERSION(o)                                                \
    ((uint64_t)ft_atomic_load(                                                 \
        (const volatile ft_atomic_t *)&((FtDictObject *)(o))->keys_version))
#else
#define FT_DICT_VERSION(o) (((FtDictObject *)(o))->version)
#define FT_DICT_KEYS_VERSION(o) (((FtDictObject *)(o))->keys_version)
#endif

extern FtType FtDictKeys_Type;       /* dict_keys */
extern FtType FtDictValues_Type;     /* dict_values */
extern FtType FtDictItems_Type;      /* dict_items */
extern FtType FtDictKeyIter_Type;    /* dict_keyiterator */
extern FtType FtDictValueIter_Type;  /* dict_valueiterator */
extern FtType FtDictItemIter_Type;   /* dict_itemiterator */
extern FtType FtDictRevKeyIter_Type; /* dict_reversekeyiterator */

/* The hash dict and set use for a key: the cached hash for exact str,
 * the value for exact int, else ft_object_hash (-1 + TypeError for
 * unhashable keys). */
static inline ft_hash_t ft_dict_hash_key(FtObject *key)
{
    if (FT_STR_CHECK_EXACT(key)) {
        ft_hash_t h = ft_str_cached_hash((FtStrObject *)key);
        return h != -1 ? h : ft_str_hash(key);
    }
    if (FT_INT_CHECK_EXACT(key)) {
        /* |v| below the hash modulus 2**61 - 1 hashes to itself; the rest
         * (big ints included) take int's hash, so that equal floats and
         * ints still meet. */
        const uint64_t m = ((uint64_t)1 << 61) - 1;
        int64_t v = FT_INT_VALUE(key);
        if ((uint64_t)v + (m - 1) < 2 * m - 1)
            return v == -1 ? -2 : v;
    }
    return ft_object_hash(key);
}

/* ft_dict_next accepts NULL for key or value when only one is wanted. */
/* ft_dict_next that also gives the hash stored with the key, so that a
 * copy need not call the key's __hash__ again (CPython does not). */
int ft_dict_next_hash(FtObject *d, ssize_t *pos, FtObject **key,
                      FtObject **value, ft_hash_t *hash);

/* Like ft_dict_set with the key's hash already known. */
int ft_dict_set_hashed(FtObject *d, FtObject *key, ft_hash_t hash,
                       FtObject *value);
/* Removes key and returns its value (new ref); NULL with no exception if
 * the key is missing, NULL with one on error. */
FtObject *ft_dict_pop(FtObject *d, FtObject *key);
/* d.setdefault(key, dflt): the existing value or dflt after inserting it. */
FtObject *ft_dict_setdefault(FtObject *d, FtObject *key, FtObject *dflt);
FtObject *ft_dict_values_list(FtObject *d);
/* d.update(**kw)-style merge: 1 = override existing keys, 0 = keep them. */
int ft_dict_merge(FtObject *d, FtObject *other, int override);

/* Borrowed: the address of key's value slot in d's entry table, so a
 * cache can re-read the current value; NULL with no exception when the
 * key is absent or a comparison failed. The address stays valid, and the
 * slot keeps belonging to key, while d's keys_version is unchanged (d is
 * an exact dict or a subclass). */
FtObject **ft_dict_value_slot(FtObject *d, FtObject *key, ft_hash_t hash);
#define FT_DICT_HAS_KEYS_VERSION 1

/* For list(o) / list.extend(o): if o is an exact dict or a keys, values
 * or items view, sets *handled = 1 and returns a new list of its keys /
 * values / (key, value) pairs taken in one critical section (so copying
 * a dict other threads change never fails halfway), or NULL with an
 * exception. Otherwise *handled = 0 and NULL. */
FtObject *ft_dict_snapshot_list(FtObject *o, int *handled);

/* Frees the calling thread's cache of small dict tables. */
void ft_dict_thread_cleanup(void);

#endif
