/* objects/dict.c — dict: the compact, insertion-ordered hash table behind
 * every namespace (dense entries + sparse int8..int64 index, open
 * addressing with CPython's perturbed probing), the dict.h API, and the
 * dict type's slots and methods. Views and iterators: objects/dict_views.c.
 */
#include "objects/dict_impl.h"
#include "objects/typeobject.h"
#include "runtime/atomics.h"
#include "runtime/lock.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

#include <limits.h>
#include <string.h>

#define D(op) ((FtDictObject *)(op))
#define PERTURB_SHIFT 5
#define MIN_SIZE 8
/* Two thirds of the index slots may hold entries. */
#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* Versions come from one counter, so (dict, version) never repeats even
 * when a dict is freed and another one takes its address. With a GIL a
 * plain increment; without one, dicts change under their own locks in
 * parallel, so the counter is an atomic add (the one place this file
 * looks at which locking the build uses). */
/* keys_version (see dict.h) draws from the same counter: a key set change
 * is a change, so both versions move then. Every place that moves entries
 * to another address or adds/removes one calls KEYS_CHANGED. Without a GIL
 * the two fields are stored atomically too (readers outside the lock use
 * FT_DICT_VERSION / FT_DICT_KEYS_VERSION). */
#if defined(FT_LOCKS_ACTIVE)
/* Each thread takes versions from a block of its own, so a dict write costs
 * no atomic add on one counter every thread shares; versions stay unique
 * (they are compared for equality only). */
#define VERSION_BLOCK ((uint64_t)1 << 20)
static ft_atomic_t dict_version_counter;
static __thread uint64_t version_next, version_end;
static uint64_t next_version_block(void)
{
    uint64_t start =
        (uint64_t)ft_atomic_add(&dict_version_counter, VERSION_BLOCK);
    version_next = start + 2; /* start + 1 is returned now; never 0 */
    version_end = start + VERSION_BLOCK + 1;
    return start + 1;
}
static inline uint64_t next_version(void)
{
    if (__builtin_expect(version_next != version_end, 1))
        return version_next++;
    return next_version_block();
}
#define NEXT_VERSION() next_version()
#define SET_VERSION(field, v)                                                  \
    ft_atomic_store((volatile ft_atomic_t *)&(field), (ft_atomic_t)(v))
#define KEYS_CHANGED(mp)                                                       \
    do {                                                                       \
        uint64_t v_ = NEXT_VERSION();                                          \
        SET_VERSION((mp)->keys_version, v_);                                   \
        SET_VERSION((mp)->version, v_);                                        \
    } while (0)
#else
static uint64_t dict_version_counter;
#define NEXT_VERSION() (++dict_version_counter)
#define SET_VERSION(field, v) ((field) = (v))
#define KEYS_CHANGED(mp) ((mp)->keys_version = (mp)->version = NEXT_VERSION())
#endif

/* Free-threaded builds: every operation on a dict runs inside a critical
 * section on it (dict-to-dict operations on both), and values leave the
 * section INCREF'd. Hashing happens before the section; __eq__ of keys runs
 * inside it, and lookup() restarts when the table or the entry changed
 * meanwhile (the section may have been suspended during the comparison,
 * and the comparison itself may have written to the dict).
 *
 * The exception is the hot read: looking up an exact str key (globals,
 * builtins, attributes) takes no lock at all (get_lockfree). So that it
 * cannot crash or see a half-made entry, writers keep four rules:
 *   - a table is published (mp->keys) with a release store, and a table a
 *     reader may still be probing is freed only after a grace period
 *     (runtime/qsbr.h: KEYS_RETIRE);
 *   - an entry is filled before the release store of its index slot, and
 *     an appended entry is never rewritten in place except key and value
 *     (atomic stores: ENTRY_STORE) — so popitem does not reuse its slot;
 *   - a key or value leaving a published table keeps its reference until
 *     a grace period has passed (ft_qsbr_defer_decref), so a reader that
 *     has just loaded it can still take a reference;
 *   - index slots are written with release stores (dk_set_index).
 * With a GIL all of this is plain stores and immediate releases. */
FT_OBJECT_LOCK_CHECK(FtDictObject);

/* After taking a dict off the free list: the list link overlaid the lock
 * field, if the build has one (a zero-length memset otherwise). */
#define RESET_LOCK_FIELD(op)                                                   \
    memset((char *)(op) + sizeof(FtObject), 0,                                 \
           offsetof(FtDictObject, used) - sizeof(FtObject))

/* Every new or cleared dict shares this read-only table: nothing is
 * allocated until the first insertion (most instance dicts and kwargs
 * dicts stay small, many stay empty). */
static struct {
    FtDictKeys k;
    int8_t indices[MIN_SIZE];
} empty_keys_storage = {
    {.size = MIN_SIZE, .usable = 0, .nentries = 0, .log2_size = 3,
     .log2_index_bytes = 0, .entries = NULL},
    {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys_storage.k)

/* ---- the table ------------------------------------------------------------ */

static inline ssize_t dk_get_index(const FtDictKeys *dk, size_t i)
{
    const char *ix = FT_DK_INDICES(dk);
    switch (dk->log2_index_bytes) {
    case 0: return ((const int8_t *)ix)[i];
    case 1: return ((const int16_t *)ix)[i];
    case 2: return ((const int32_t *)ix)[i];
    default: return ((const int64_t *)ix)[i];
    }
}

#if defined(FT_QSBR_ACTIVE)
static inline void dk_set_index(FtDictKeys *dk, size_t i, ssize_t v)
{
    char *ix = FT_DK_INDICES(dk);
    switch (dk->log2_index_bytes) {
    case 0: ft_atomic_store_i8_release((int8_t *)ix + i, (int8_t)v); break;
    case 1: ft_atomic_store_i16_release((int16_t *)ix + i, (int16_t)v); break;
    case 2: ft_atomic_store_i32_release((int32_t *)ix + i, (int32_t)v); break;
    default:
        ft_atomic_store_release((ft_atomic_t *)ix + i, (ft_atomic_t)v);
        break;
    }
}

static inline ssize_t dk_load_index(const FtDictKeys *dk, size_t i)
{
    const char *ix = FT_DK_INDICES(dk);
    switch (dk->log2_index_bytes) {
    case 0: return ft_atomic_load_i8_acquire((const int8_t *)ix + i);
    case 1: return ft_atomic_load_i16_acquire((const int16_t *)ix + i);
    case 2: return ft_atomic_load_i32_acquire((const int32_t *)ix + i);
    default:
        return (ssize_t)ft_atomic_load_acquire((const ft_atomic_t *)ix + i);
    }
}

/* Release / acquire: a value stored into a live entry may be an object
 * made just before, whose fields the reader must see initialised. */
#define ENTRY_STORE(field, v)                                                  \
    ft_atomic_store_ptr_release((void *volatile *)&(field), (void *)(v))
#define ENTRY_LOAD(field)                                                      \
    ((FtObject *)ft_atomic_load_ptr_acquire((void *const volatile *)&(field)))
#define KEYS_PUBLISH(mp, dk)                                                   \
    ft_atomic_store_ptr_release((void *volatile *)&(mp)->keys, (dk))
#else
static inline void dk_set_index(FtDictKeys *dk, size_t i, ssize_t v)
{
    char *ix = FT_DK_INDICES(dk);
    switch (dk->log2_index_bytes) {
    case 0: ((int8_t *)ix)[i] = (int8_t)v; break;
    case 1: ((int16_t *)ix)[i] = (int16_t)v; break;
    case 2: ((int32_t *)ix)[i] = (int32_t)v; break;
    default: ((int64_t *)ix)[i] = (int64_t)v; break;
    }
}

#define ENTRY_STORE(field, v) ((field) = (v))
#define KEYS_PUBLISH(mp, dk) ((mp)->keys = (dk))
#endif

/* Small tables are recycled per thread: dicts of a few items are created
 * for every instance and every call with keyword arguments. */
#define KEYS_FREELIST_MAX 64
static __thread FtDictKeys *keys_freelist[KEYS_FREELIST_MAX];
static __thread int keys_freelist_len;

static FtDictKeys *keys_new(ssize_t size)
{
    uint8_t log2 = 3;
    while (((ssize_t)1 << log2) < size)
        log2++;
    size = (ssize_t)1 << log2;
    ssize_t usable = USABLE_FRACTION(size);
    FtDictKeys *dk;
    if (size == MIN_SIZE && keys_freelist_len > 0) {
        dk = keys_freelist[--keys_freelist_len];
    } else {
        uint8_t lib = size <= 128 ? 0 : size <= 0x8000 ? 1
                    : size <= ((ssize_t)1 << 31) ? 2 : 3;
        size_t bytes = sizeof(FtDictKeys) + ((size_t)size << lib) +
                       (size_t)usable * sizeof(FtDictEntry);
        if ((size_t)size > (SIZE_MAX >> 5) / sizeof(FtDictEntry)) {
            ft_err_no_memory();
            return NULL;
        }
        dk = ft_mem_alloc(bytes);
        if (dk == NULL)
            return NULL;
        dk->size = size;
        dk->log2_size = log2;
        dk->log2_index_bytes = lib;
        dk->entries = (FtDictEntry *)(FT_DK_INDICES(dk) + ((size_t)size << lib));
    }
    dk->usable = usable;
    dk->nentries = 0;
    memset(FT_DK_INDICES(dk), 0xff, (size_t)size << dk->log2_index_bytes);
    return dk;
}

static void keys_free(FtDictKeys *dk)
{
    if (dk == EMPTY_KEYS)
        return;
    if (dk->size == MIN_SIZE && keys_freelist_len < KEYS_FREELIST_MAX) {
        keys_freelist[keys_freelist_len++] = dk;
        return;
    }
    ft_mem_free(dk);
}

static void keys_free_cb(void *dk) { keys_free(dk); }

/* A table that was published and has just been replaced: readers may be
 * probing it still (its entries' references have moved on or were
 * released by the caller). */
static void keys_retire(FtDictKeys *dk)
{
    if (dk != EMPTY_KEYS)
        ft_qsbr_defer_free(dk, keys_free_cb);
}

void ft_dict_thread_cleanup(void)
{
    while (keys_freelist_len > 0)
        ft_mem_free(keys_freelist[--keys_freelist_len]);
}

static inline int str_equal(FtObject *a, FtObject *b)
{
    return FT_STR_NBYTES(a) == FT_STR_NBYTES(b) &&
           memcmp(FT_STR_DATA(a), FT_STR_DATA(b), (size_t)FT_STR_NBYTES(a)) == 0;
}

/* A lookup whose comparisons keep rebuilding the table gives up after
 * this many restarts instead of looping forever (CPython loops). */
#define LOOKUP_MAX_RESTARTS 1000
#define DKIX_RESTART (-4)

/* ek (entry ix of dk, same hash as key) == key through Python code: 1, 0,
 * DKIX_ERROR, or DKIX_RESTART when the comparison replaced the table or
 * the entry (as CPython, the probe goes on in the same table when only
 * other entries or values changed: anything else would let an __eq__
 * that writes to the dict restart the probe forever). Kept out of
 * lookup() so that its loop stays small for the common keys. */
static __attribute__((noinline)) ssize_t
compare_entry(FtDictObject *mp, FtDictKeys *dk, size_t mask, ssize_t ix,
              FtObject *ek, FtObject *key)
{
    FT_INCREF(ek);
    int cmp = ft_object_richcompare_bool(ek, key, FT_EQ);
    FT_DECREF(ek);
    if (cmp < 0)
        return DKIX_ERROR;
    /* Only mp->keys is known to be alive now. A table recycled at dk's
     * address shows as a new size (the probe's mask no longer fits) or a
     * new key in the entry. */
    if (mp->keys != dk || (size_t)dk->size - 1 != mask ||
        ix >= dk->nentries || dk->entries[ix].key != ek)
        return DKIX_RESTART;
    return cmp;
}

/* One probe for key: its entry number, DKIX_EMPTY, DKIX_ERROR, or
 * DKIX_RESTART (see compare_entry). Identity first (interned names make
 * that the usual hit), then equal hashes and ==. */
static inline ssize_t probe(FtDictObject *mp, FtObject *key, ft_hash_t hash)
{
    int key_is_str = FT_STR_CHECK_EXACT(key);
    FtDictKeys *dk = mp->keys;
    size_t mask = (size_t)dk->size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        ssize_t ix = dk_get_index(dk, i);
        if (ix >= 0) {
            FtDictEntry *e = &dk->entries[ix];
            FtObject *ek = e->key;
            if (ek == key)
                return ix;
            if (e->hash == hash) {
                if (key_is_str && FT_STR_CHECK_EXACT(ek)) {
                    if (str_equal(ek, key))
                        return ix;
                } else {
                    ssize_t cmp = compare_entry(mp, dk, mask, ix, ek, key);
                    if (cmp != 0)
                        return cmp > 0 ? ix : cmp;
                }
            }
        } else if (ix == DKIX_EMPTY) {
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* A comparison changed the table: probe again, a bounded number of times
 * (out of line: only Python __eq__ methods get here). */
static __attribute__((noinline)) ssize_t
probe_again(FtDictObject *mp, FtObject *key, ft_hash_t hash)
{
    for (int restarts = 0; restarts < LOOKUP_MAX_RESTARTS; restarts++) {
        ssize_t ix = probe(mp, key, hash);
        if (ix != DKIX_RESTART)
            return ix;
    }
    ft_err_set_string(FtExc_RuntimeError, "dictionary changed during lookup");
    return DKIX_ERROR;
}

/* The dict's entry for key (see dict_impl.h). A comparison can run Python
 * code that changes the dict: see compare_entry. */
static inline ssize_t lookup(FtDictObject *mp, FtObject *key, ft_hash_t hash)
{
    ssize_t ix = probe(mp, key, hash);
    if (__builtin_expect(ix == DKIX_RESTART, 0))
        return probe_again(mp, key, hash);
    return ix;
}

ssize_t ft_dict_lookup_entry(FtDictObject *mp, FtObject *key, ft_hash_t hash)
{
    return lookup(mp, key, hash);
}

/* The index slot that points at entry ix (no comparisons needed). */
static size_t slot_of_entry(FtDictKeys *dk, ft_hash_t hash, ssize_t ix)
{
    size_t mask = (size_t)dk->size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dk_get_index(dk, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* A free index slot (empty or dummy) for a key known to be absent. */
static size_t find_empty_slot(FtDictKeys *dk, ft_hash_t hash)
{
    size_t mask = (size_t)dk->size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dk_get_index(dk, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Moves the live entries, in order, into a table of at least
 * minsize slots (dropping deleted entries and dummies). */
static int dict_resize(FtDictObject *mp, ssize_t minsize)
{
    FtDictKeys *old = mp->keys;
    ssize_t size = MIN_SIZE;
    while (size < minsize)
        size <<= 1;
    FtDictKeys *dk = keys_new(size);
    if (dk == NULL)
        return -1;
    ssize_t n = mp->used;
    if (old->nentries == n) {
        if (n > 0)
            memcpy(dk->entries, old->entries, (size_t)n * sizeof(FtDictEntry));
    } else {
        FtDictEntry *src = old->entries, *dst = dk->entries;
        for (ssize_t i = 0, j = 0; j < n; i++)
            if (src[i].key != NULL)
                dst[j++] = src[i];
    }
    for (ssize_t i = 0; i < n; i++)
        dk_set_index(dk, find_empty_slot(dk, dk->entries[i].hash), i);
    dk->nentries = n;
    dk->usable -= n;
    KEYS_PUBLISH(mp, dk);
    KEYS_CHANGED(mp);
    keys_retire(old);
    return 0;
}

/* CPython's growth rate: three times the live items. */
static int dict_grow(FtDictObject *mp)
{
    return dict_resize(mp, mp->used * 3);
}

/* Appends a new entry for a key known to be absent; borrowed refs. */
static int insert_new(FtDictObject *mp, FtObject *key, ft_hash_t hash,
                      FtObject *value)
{
    if (mp->keys->usable <= 0 && dict_grow(mp) < 0)
        return -1;
    FtDictKeys *dk = mp->keys;
    ssize_t n = dk->nentries;
    FtDictEntry *e = &dk->entries[n];
    e->hash = hash;
    e->key = FT_NEWREF(key);
    e->value = FT_NEWREF(value);
    dk_set_index(dk, find_empty_slot(dk, hash), n);
    dk->nentries = n + 1;
    dk->usable--;
    mp->used++;
    KEYS_CHANGED(mp);
    return 0;
}

static int insert(FtDictObject *mp, FtObject *key, ft_hash_t hash,
                  FtObject *value)
{
    ssize_t ix = lookup(mp, key, hash);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY)
        return insert_new(mp, key, hash, value);
    FtDictEntry *e = &mp->keys->entries[ix];
    FtObject *old = e->value;
    ENTRY_STORE(e->value, FT_NEWREF(value));
    SET_VERSION(mp->version, NEXT_VERSION());
    ft_qsbr_defer_decref(old);
    return 0;
}

/* Unlinks entry ix; the caller owns (and drops) the returned key and
 * value refs. The table's own refs are released after a grace period. */
static void unlink_entry(FtDictObject *mp, ssize_t ix, FtObject **key,
                         FtObject **value)
{
    FtDictKeys *dk = mp->keys;
    FtDictEntry *e = &dk->entries[ix];
    dk_set_index(dk, slot_of_entry(dk, e->hash, ix), DKIX_DUMMY);
    *key = FT_NEWREF(e->key);
    *value = FT_NEWREF(e->value);
    ft_qsbr_defer_decref(e->key);
    ft_qsbr_defer_decref(e->value);
    ENTRY_STORE(e->key, NULL);
    ENTRY_STORE(e->value, NULL);
    mp->used--;
    KEYS_CHANGED(mp);
}

static void release_keys(FtDictKeys *dk)
{
    if (dk == EMPTY_KEYS)
        return;
    FtDictEntry *e = dk->entries;
    for (ssize_t i = 0, n = dk->nentries; i < n; i++) {
        if (e[i].key != NULL) {
            FT_DECREF(e[i].key);
            FT_DECREF(e[i].value);
        }
    }
    keys_free(dk);
}

static void release_keys_cb(void *dk) { release_keys(dk); }

/* ---- the C API ------------------------------------------------------------- */

static void dict_init_fields(FtDictObject *mp)
{
    mp->used = 0;
    mp->keys = EMPTY_KEYS;
    KEYS_CHANGED(mp);
}

FtObject *ft_dict_new(void)
{
    FtThreadState *ts = ft_tstate_get();
    FT_FREELIST_LOCK();
    FtObject *op = ts->freelist[FT_FL_DICT];
    if (op != NULL) {
        ts->freelist[FT_FL_DICT] = FT_FREELIST_NEXT(op);
        ts->freelist_len[FT_FL_DICT]--;
    }
    FT_FREELIST_UNLOCK();
    if (op != NULL) {
        ft_rc_init(op);
        RESET_LOCK_FIELD(op);
        dict_init_fields(D(op));
        ft_gc_track(op);
        return op;
    } else {
        op = ft_object_new(&FtDict_Type);
        if (op == NULL)
            return NULL;
    }
    dict_init_fields(D(op));
    return op;
}

static inline FtObject *get_hashed_locked(FtObject *d, FtObject *key,
                                          ft_hash_t hash)
{
    ssize_t ix = lookup(D(d), key, hash);
    if (ix < 0)
        return NULL;
    return FT_NEWREF(D(d)->keys->entries[ix].value);
}

#if defined(FT_QSBR_ACTIVE)
/* Keys the lock-free lookup handles: their == runs no Python code. */
static inline int key_lockfree(FtObject *key)
{
    return FT_STR_CHECK_EXACT(key) || FT_INT_CHECK_EXACT(key);
}

/* The lock-free lookup of an exact str or int key: 1 with *out a new
 * reference, 0 when the key is absent, -1 when only the locked path can
 * tell (a key of another type with the same hash needs __eq__, or an entry
 * changed under the probe). See the rules at the top of this file. */
static int get_lockfree(FtDictObject *mp, FtObject *key, ft_hash_t hash,
                        FtObject **out)
{
    FtDictKeys *dk =
        ft_atomic_load_ptr_acquire((void *const volatile *)&mp->keys);
    size_t mask = (size_t)dk->size - 1;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        ssize_t ix = dk_load_index(dk, i);
        if (ix >= 0) {
            FtDictEntry *e = &dk->entries[ix];
            FtObject *ek = ENTRY_LOAD(e->key);
            int same = ek == key;
            if (!same && ek != NULL && e->hash == hash) {
                if (FT_TYPE(ek) != FT_TYPE(key))
                    return -1;
                same = FT_INT_CHECK_EXACT(key)
                           ? FT_INT_VALUE(ek) == FT_INT_VALUE(key) &&
                                 (FT_INT_IS_SMALL(key) ||
                                  ft_int_compare(ek, key) == 0)
                           : str_equal(ek, key);
            }
            if (same) {
                FtObject *v = ENTRY_LOAD(e->value);
                if (v == NULL)
                    return -1; /* deleted under us */
                *out = FT_NEWREF(v);
                return 1;
            }
        } else if (ix == DKIX_EMPTY) {
            return 0;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}
#endif

FtObject *ft_dict_get_hashed(FtObject *d, FtObject *key, ft_hash_t hash)
{
    FtObject *res;
#if defined(FT_QSBR_ACTIVE)
    if (key_lockfree(key)) {
        int found = get_lockfree(D(d), key, hash, &res);
        if (found >= 0)
            return found ? res : NULL;
    }
#endif
    FT_BEGIN_CRITICAL_SECTION(d);
    res = get_hashed_locked(d, key, hash);
    FT_END_CRITICAL_SECTION();
    return res;
}

FtObject *ft_dict_get(FtObject *d, FtObject *key)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return NULL;
    return ft_dict_get_hashed(d, key, hash);
}

FtObject *ft_dict_get_str(FtObject *d, const char *key)
{
    FtObject *k = ft_str_from_cstr(key);
    if (k == NULL)
        return NULL;
    FtObject *v = ft_dict_get(d, k);
    FT_DECREF(k);
    return v;
}

int ft_dict_set_hashed(FtObject *d, FtObject *key, ft_hash_t hash,
                       FtObject *value)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(d);
    r = insert(D(d), key, hash, value);
    FT_END_CRITICAL_SECTION();
    return r;
}

int ft_dict_set(FtObject *d, FtObject *key, FtObject *value)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return -1;
    return ft_dict_set_hashed(d, key, hash, value);
}

int ft_dict_set_str(FtObject *d, const char *key, FtObject *value)
{
    FtObject *k = ft_str_intern_cstr(key);
    if (k == NULL)
        return -1;
    int r = ft_dict_set(d, k, value);
    FT_DECREF(k);
    return r;
}

int ft_dict_del(FtObject *d, FtObject *key)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return -1;
    ssize_t ix;
    FtObject *k = NULL, *v = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    ix = lookup(D(d), key, hash);
    if (ix >= 0)
        unlink_entry(D(d), ix, &k, &v);
    FT_END_CRITICAL_SECTION();
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY) {
        ft_err_set_key(key);
        return -1;
    }
    FT_DECREF(k);
    FT_DECREF(v);
    return 0;
}

FtObject *ft_dict_pop(FtObject *d, FtObject *key)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return NULL;
    FtObject *k = NULL, *v = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    if (D(d)->used != 0) {
        ssize_t ix = lookup(D(d), key, hash);
        if (ix >= 0)
            unlink_entry(D(d), ix, &k, &v);
    }
    FT_END_CRITICAL_SECTION();
    FT_XDECREF(k);
    return v;
}

FtObject *ft_dict_setdefault(FtObject *d, FtObject *key, FtObject *dflt)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return NULL;
    FtObject *res = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    ssize_t ix = lookup(D(d), key, hash);
    if (ix >= 0)
        res = FT_NEWREF(D(d)->keys->entries[ix].value);
    else if (ix == DKIX_EMPTY && insert_new(D(d), key, hash, dflt) == 0)
        res = FT_NEWREF(dflt);
    FT_END_CRITICAL_SECTION();
    return res;
}

int ft_dict_contains(FtObject *d, FtObject *key)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return -1;
    ssize_t ix;
    FT_BEGIN_CRITICAL_SECTION(d);
    ix = lookup(D(d), key, hash);
    FT_END_CRITICAL_SECTION();
    if (ix == DKIX_ERROR)
        return -1;
    return ix >= 0;
}

ssize_t ft_dict_size(FtObject *d)
{
    ssize_t n;
    FT_BEGIN_CRITICAL_SECTION(d);
    n = D(d)->used;
    FT_END_CRITICAL_SECTION();
    return n;
}

int ft_dict_next(FtObject *d, ssize_t *pos, FtObject **key, FtObject **value)
{
    return ft_dict_next_hash(d, pos, key, value, NULL);
}

/* Borrowed key/value: callers own d or hold it in a critical section
 * (see dict.h); this function takes no lock. */
int ft_dict_next_hash(FtObject *d, ssize_t *pos, FtObject **key,
                      FtObject **value, ft_hash_t *hash)
{
    FtDictKeys *dk = D(d)->keys;
    ssize_t i = *pos, n = dk->nentries;
    if (i < 0)
        return 0;
    while (i < n && dk->entries[i].key == NULL)
        i++;
    if (i >= n)
        return 0;
    *pos = i + 1;
    if (key != NULL)
        *key = dk->entries[i].key;
    if (value != NULL)
        *value = dk->entries[i].value;
    if (hash != NULL)
        *hash = dk->entries[i].hash;
    return 1;
}

/* A table with the same entries as dk (deleted ones too, which stay
 * deleted), refs taken. */
static FtDictKeys *clone_keys(FtDictKeys *dk)
{
    FtDictKeys *nk;
    if (dk->size == MIN_SIZE && keys_freelist_len > 0) {
        nk = keys_freelist[--keys_freelist_len];
    } else {
        size_t bytes = (size_t)((char *)(dk->entries + USABLE_FRACTION(dk->size)) -
                                (char *)dk);
        nk = ft_mem_alloc(bytes);
        if (nk == NULL)
            return NULL;
    }
    size_t used_bytes = (size_t)((char *)(dk->entries + dk->nentries) - (char *)dk);
    memcpy(nk, dk, used_bytes);
    nk->entries = (FtDictEntry *)((char *)nk + ((char *)dk->entries - (char *)dk));
    for (ssize_t i = 0; i < nk->nentries; i++) {
        FT_XINCREF(nk->entries[i].key);
        FT_XINCREF(nk->entries[i].value);
    }
    return nk;
}

static FtObject *dict_copy_locked(FtObject *d)
{
    FtObject *res = ft_dict_new();
    if (res == NULL)
        return NULL;
    FtDictKeys *dk = D(d)->keys;
    if (D(d)->used == 0)
        return res;
    if (D(d)->used >= dk->nentries * 2 / 3) {
        /* Few deleted entries: copy the table as it is, as CPython does
         * (so no key's __eq__ runs, which could change d meanwhile). */
        FtDictKeys *nk = clone_keys(dk);
        if (nk == NULL) {
            FT_DECREF(res);
            return NULL;
        }
        D(res)->keys = nk;
        D(res)->used = D(d)->used;
        KEYS_CHANGED(D(res));
        return res;
    }
    if (ft_dict_merge(res, d, 1) < 0) {
        FT_DECREF(res);
        return NULL;
    }
    return res;
}

FtObject *ft_dict_copy(FtObject *d)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(d);
    res = dict_copy_locked(d);
    FT_END_CRITICAL_SECTION();
    return res;
}

/* Both dicts are held (SECTION2) by the caller. */
static int merge_from_dict(FtDictObject *mp, FtDictObject *other,
                           int override)
{
    if (other == mp || other->used == 0)
        return 0;
    if (mp->used == 0 && override && FT_DICT_CHECK_EXACT(mp) &&
        other->keys->nentries == other->used) {
        FtDictKeys *nk = clone_keys(other->keys);
        if (nk == NULL)
            return -1;
        FtDictKeys *old = mp->keys;
        KEYS_PUBLISH(mp, nk);
        mp->used = other->used;
        KEYS_CHANGED(mp);
        keys_retire(old);
        return 0;
    }
    /* Make room once instead of growing step by step. */
    if (mp->keys->usable < other->used &&
        dict_resize(mp, (mp->used + other->used) * 3 / 2 + 1) < 0)
        return -1;
    /* CPython's test for "other changed": its number of entries (a
     * deletion alone does not count). */
    ssize_t nentries = other->keys->nentries;
    for (ssize_t i = 0; i < other->keys->nentries; i++) {
        FtDictEntry *e = &other->keys->entries[i];
        if (e->key == NULL)
            continue;
        FtObject *k = FT_NEWREF(e->key), *v = FT_NEWREF(e->value);
        ft_hash_t hash = e->hash;
        int r;
        if (override) {
            r = insert(mp, k, hash, v);
        } else {
            ssize_t ix = lookup(mp, k, hash);
            r = ix == DKIX_ERROR ? -1
                : ix == DKIX_EMPTY ? insert_new(mp, k, hash, v) : 0;
        }
        FT_DECREF(k);
        FT_DECREF(v);
        if (r < 0)
            return -1;
        if (other->keys->nentries != nentries) {
            ft_err_set_string(FtExc_RuntimeError,
                              "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

static int set_or_keep(FtObject *d, FtObject *key, FtObject *value,
                       int override)
{
    if (override)
        return ft_dict_set(d, key, value);
    int has = ft_dict_contains(d, key);
    if (has != 0)
        return has < 0 ? -1 : 0;
    return ft_dict_set(d, key, value);
}

static int merge_from_mapping(FtObject *d, FtObject *other, int override)
{
    FtObject *keys = ft_call_method(other, FT_ID(keys), NULL, 0);
    if (keys == NULL)
        return -1;
    FtObject *it = ft_object_iter(keys);
    FT_DECREF(keys);
    if (it == NULL)
        return -1;
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        FtObject *value = ft_object_getitem(other, key);
        int r = value ? set_or_keep(d, key, value, override) : -1;
        FT_XDECREF(value);
        FT_DECREF(key);
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

/* One element of dict(iterable): a key/value pair. */
static int merge_pair(FtObject *d, FtObject *item, ssize_t i, int override)
{
    FtObject *seq = NULL;
    FtObject *const *kv;
    ssize_t n;
    if (FT_TUPLE_CHECK(item)) {
        kv = ((FtTupleObject *)item)->items;
        n = FT_SIZE(item);
    } else if (FT_LIST_CHECK(item)) {
        seq = ft_list_as_tuple(item); /* a snapshot of a shared list */
        if (seq == NULL)
            return -1;
        kv = ((FtTupleObject *)seq)->items;
        n = FT_SIZE(seq);
    } else {
        seq = ft_tuple_from_iterable(item);
        if (seq == NULL) {
            if (ft_err_matches(FtExc_TypeError)) {
                ft_err_clear();
                ft_err_format(FtExc_TypeError,
                              "cannot convert dictionary update sequence "
                              "element #%zd to a sequence",
                              i);
            }
            return -1;
        }
        kv = ((FtTupleObject *)seq)->items;
        n = FT_SIZE(seq);
    }
    int r;
    if (n != 2) {
        ft_err_format(FtExc_ValueError,
                      "dictionary update sequence element #%zd has length "
                      "%zd; 2 is required",
                      i, n);
        r = -1;
    } else {
        FtObject *k = FT_NEWREF(kv[0]), *v = FT_NEWREF(kv[1]);
        r = set_or_keep(d, k, v, override);
        FT_DECREF(k);
        FT_DECREF(v);
    }
    FT_XDECREF(seq);
    return r;
}

static int merge_from_pairs(FtObject *d, FtObject *iterable, int override)
{
    FtObject *it = ft_object_iter(iterable);
    if (it == NULL)
        return -1;
    FtObject *item;
    for (ssize_t i = 0; (item = ft_iter_next(it)) != NULL; i++) {
        int r = merge_pair(d, item, i, override);
        FT_DECREF(item);
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

static FtObject *dict_iter(FtObject *op);

int ft_dict_merge(FtObject *d, FtObject *other, int override)
{
    /* Straight from the table unless a subclass changed iteration. */
    if (FT_DICT_CHECK(other) && FT_TYPE(other)->tp_iter == dict_iter) {
        int r;
        FT_BEGIN_CRITICAL_SECTION2(d, other);
        r = merge_from_dict(D(d), D(other), override);
        FT_END_CRITICAL_SECTION2();
        return r;
    }
    FtObject *keys = ft_object_lookup_attr(other, FT_ID(keys));
    if (keys != NULL) {
        FT_DECREF(keys);
        return merge_from_mapping(d, other, override);
    }
    if (ft_err_occurred())
        return -1;
    return merge_from_pairs(d, other, override);
}

int ft_dict_update(FtObject *d, FtObject *other)
{
    return ft_dict_merge(d, other, 1);
}

/* The caller holds d's section. Allocating may wait for a lock and so
 * suspend it (a global free-list lock): then d may have changed, which
 * the version shows, and the copy starts over. */
static FtObject *entries_list_locked(FtObject *d, int what)
{
    FtDictObject *mp = D(d);
restart:;
    uint64_t version = mp->version;
    FtObject *list = ft_list_new(mp->used);
    if (list == NULL)
        return NULL;
    if (mp->version != version) {
        FT_DECREF(list);
        goto restart;
    }
    ssize_t j = 0;
    for (ssize_t i = 0; i < mp->keys->nentries && j < mp->used; i++) {
        FtDictEntry *e = &mp->keys->entries[i];
        if (e->key == NULL)
            continue;
        FtObject *item;
        if (what == 0) {
            item = FT_NEWREF(e->key);
        } else if (what == 1) {
            item = FT_NEWREF(e->value);
        } else {
            /* our own references first: the allocation may suspend */
            FtObject *k = FT_NEWREF(e->key), *v = FT_NEWREF(e->value);
            item = ft_tuple_new(2);
            if (item != NULL) {
                FT_TUPLE_SET(item, 0, k);
                FT_TUPLE_SET(item, 1, v);
            } else {
                FT_DECREF(k);
                FT_DECREF(v);
            }
            if (item == NULL || mp->version != version) {
                FT_XDECREF(item);
                FT_LIST_SIZE(list) = j; /* release what was filled */
                FT_DECREF(list);
                if (item == NULL)
                    return NULL;
                goto restart;
            }
        }
        FT_LIST_ITEMS(list)[j++] = item;
    }
    return list;
}

static FtObject *entries_list(FtObject *d, int what)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(d);
    res = entries_list_locked(d, what);
    FT_END_CRITICAL_SECTION();
    return res;
}

FtObject *ft_dict_keys_list(FtObject *d) { return entries_list(d, 0); }
FtObject *ft_dict_values_list(FtObject *d) { return entries_list(d, 1); }
FtObject *ft_dict_items_list(FtObject *d) { return entries_list(d, 2); }

void ft_dict_clear(FtObject *d)
{
    FtDictObject *mp = D(d);
    FtDictKeys *old;
    FT_BEGIN_CRITICAL_SECTION(d);
    old = mp->keys;
    KEYS_PUBLISH(mp, EMPTY_KEYS);
    mp->used = 0;
    KEYS_CHANGED(mp);
    FT_END_CRITICAL_SECTION();
    /* After the dict is consistent again, and after readers are done. */
    if (old != EMPTY_KEYS)
        ft_qsbr_defer_free(old, release_keys_cb);
}

uint64_t ft_dict_version(FtObject *d) { return FT_DICT_VERSION(d); }

/* The lookup is locked; the slot it returns is the caller's business (see
 * dict.h): in a free-threaded build it is only stable while the caller
 * holds d's section or otherwise knows no other thread changes d. */
FtObject **ft_dict_value_slot(FtObject *d, FtObject *key, ft_hash_t hash)
{
    FtObject **slot = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    ssize_t ix = lookup(D(d), key, hash);
    if (ix >= 0)
        slot = &D(d)->keys->entries[ix].value;
    else if (ix == DKIX_ERROR)
        ft_err_clear();
    FT_END_CRITICAL_SECTION();
    return slot;
}

/* ---- slots ------------------------------------------------------------------ */

static void dict_dealloc(FtObject *op)
{
    FtDictKeys *dk = D(op)->keys;
    D(op)->keys = EMPTY_KEYS;
    D(op)->used = 0;
    if (dk != NULL && dk != EMPTY_KEYS)
        release_keys(dk);
    if (FT_DICT_CHECK_EXACT(op)) {
        FtThreadState *ts = ft_tstate_get();
        int pushed = 0;
        FT_FREELIST_LOCK();
        if (ts->freelist_len[FT_FL_DICT] < FT_FREELIST_MAX) {
            FT_FREELIST_NEXT(op) = ts->freelist[FT_FL_DICT];
            ts->freelist[FT_FL_DICT] = op;
            ts->freelist_len[FT_FL_DICT]++;
            pushed = 1;
        }
        FT_FREELIST_UNLOCK();
        if (pushed)
            return;
    }
    ft_object_free(op);
}

static FtObject *dict_repr_locked(FtObject *op)
{
    FtDictObject *mp = D(op);
    if (mp->used == 0)
        return ft_str_from_cstr("{}");
    int r = ft_repr_enter(op);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("{...}") : NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, '{') < 0)
        goto fail;
    int first = 1;
    /* Re-read the table each step: a repr may change the dict. */
    for (ssize_t i = 0; i < mp->keys->nentries; i++) {
        FtDictEntry *e = &mp->keys->entries[i];
        if (e->key == NULL)
            continue;
        FtObject *k = FT_NEWREF(e->key), *v = FT_NEWREF(e->value);
        int bad = (!first && ft_sb_append(&sb, ", ", 2) < 0) ||
                  ft_sb_append_repr(&sb, k) < 0 ||
                  ft_sb_append(&sb, ": ", 2) < 0 ||
                  ft_sb_append_repr(&sb, v) < 0;
        FT_DECREF(k);
        FT_DECREF(v);
        if (bad)
            goto fail;
        first = 0;
    }
    if (ft_sb_append_char(&sb, '}') < 0)
        goto fail;
    ft_repr_leave(op);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(op);
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *dict_repr(FtObject *op)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(op);
    res = dict_repr_locked(op);
    FT_END_CRITICAL_SECTION();
    return res;
}

/* 1 if a and b hold equal items, 0 if not, -1 on error. Both are held
 * (SECTION2); comparisons may let other threads change either, so the
 * table is re-read every step. */
static int dict_equal(FtDictObject *a, FtDictObject *b)
{
    if (a->used != b->used)
        return 0;
    for (ssize_t i = 0; i < a->keys->nentries; i++) {
        FtDictEntry *e = &a->keys->entries[i];
        if (e->key == NULL)
            continue;
        FtObject *k = FT_NEWREF(e->key), *av = FT_NEWREF(e->value);
        ft_hash_t hash = e->hash;
        ssize_t ix = lookup(b, k, hash);
        int r;
        if (ix == DKIX_ERROR) {
            r = -1;
        } else if (ix == DKIX_EMPTY) {
            r = 0;
        } else {
            FtObject *bv = FT_NEWREF(b->keys->entries[ix].value);
            r = ft_object_richcompare_bool(av, bv, FT_EQ);
            FT_DECREF(bv);
        }
        FT_DECREF(k);
        FT_DECREF(av);
        if (r <= 0)
            return r;
    }
    return 1;
}

static FtObject *dict_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_DICT_CHECK(a) || !FT_DICT_CHECK(b) ||
        (op != FT_EQ && op != FT_NE))
        FT_RETURN_NOTIMPLEMENTED;
    int r;
    FT_BEGIN_CRITICAL_SECTION2(a, b);
    r = dict_equal(D(a), D(b));
    FT_END_CRITICAL_SECTION2();
    if (r < 0)
        return NULL;
    return ft_bool_from(op == FT_EQ ? r : !r);
}

static ssize_t dict_len(FtObject *op) { return ft_dict_size(op); }

/* Calls the special method `descr` found on type(self) as self.name(arg). */
static FtObject *call_special(FtObject *descr, FtObject *self, FtObject *arg)
{
    ft_descrgetfunc get = FT_TYPE(descr)->tp_descr_get;
    if (get == NULL)
        return ft_call1(descr, arg);
    FtObject *bound = get(descr, self, (FtObject *)FT_TYPE(self));
    if (bound == NULL)
        return NULL;
    FtObject *res = ft_call1(bound, arg);
    FT_DECREF(bound);
    return res;
}

static FtObject *missing_name(void)
{
    static FtObject *name;
    return ft_intern_static(&name, "__missing__");
}

static FtObject *dict_getitem(FtObject *op, FtObject *key)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return NULL;
    ssize_t ix;
    FtObject *res = NULL;
#if defined(FT_QSBR_ACTIVE)
    if (key_lockfree(key)) {
        int found = get_lockfree(D(op), key, hash, &res);
        if (found > 0)
            return res;
        if (found == 0)
            goto missing;
    }
#endif
    FT_BEGIN_CRITICAL_SECTION(op);
    ix = lookup(D(op), key, hash);
    if (ix >= 0)
        res = FT_NEWREF(D(op)->keys->entries[ix].value);
    FT_END_CRITICAL_SECTION();
    if (ix >= 0)
        return res;
    if (ix == DKIX_ERROR)
        return NULL;
#if defined(FT_QSBR_ACTIVE)
missing:
#endif
    if (!FT_DICT_CHECK_EXACT(op)) {
        FtObject *name = missing_name();
        FtObject *missing = name ? ft_type_lookup(FT_TYPE(op), name) : NULL;
        if (missing != NULL) {
            FT_INCREF(missing);
            FtObject *res = call_special(missing, op, key);
            FT_DECREF(missing);
            return res;
        }
    }
    ft_err_set_key(key);
    return NULL;
}

static int dict_setitem(FtObject *op, FtObject *key, FtObject *value)
{
    if (value == NULL)
        return ft_dict_del(op, key);
    return ft_dict_set(op, key, value);
}

static int dict_contains(FtObject *op, FtObject *key)
{
    return ft_dict_contains(op, key);
}

static FtObject *dict_iter(FtObject *op)
{
    return ft_dictiter_new(op, &FtDictKeyIter_Type);
}

static FtObject *dict_binop(FtObject *a, FtObject *b, int op)
{
    if (op != FT_OP_OR || !FT_DICT_CHECK(a) || !FT_DICT_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *res = ft_dict_copy(a);
    if (res != NULL && ft_dict_merge(res, b, 1) < 0)
        FT_CLEAR(res);
    return res;
}

static FtObject *dict_inplace(FtObject *a, FtObject *b, int op)
{
    if (op != FT_OP_OR || !FT_DICT_CHECK(a))
        FT_RETURN_NOTIMPLEMENTED;
    if (ft_dict_merge(a, b, 1) < 0)
        return NULL;
    return FT_NEWREF(a);
}

static FtObject *dict_new(FtType *type, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (type == &FtDict_Type)
        return ft_dict_new();
    FtObject *op = ft_object_new(type);
    if (op != NULL)
        dict_init_fields(D(op));
    return op;
}

/* dict.update / dict() arguments: one optional positional (mapping or
 * pairs) and keyword items. */
static int update_args(FtObject *self, const char *fname, FtObject *const *args,
                       size_t nargs, FtObject *kwnames)
{
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError, "%s expected at most 1 argument, got %zd",
                      fname, (ssize_t)nargs);
        return -1;
    }
    if (nargs == 1 && ft_dict_merge(self, args[0], 1) < 0)
        return -1;
    if (kwnames != NULL) {
        ssize_t nk = FT_SIZE(kwnames);
        for (ssize_t i = 0; i < nk; i++)
            if (ft_dict_set(self, FT_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return -1;
    }
    return 0;
}

static int dict_init(FtObject *self, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    return update_args(self, "dict", args, nargs, kwnames);
}

/* ---- methods -------------------------------------------------------------- */

static FtObject *m_keys(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("dict.keys", nargs, 0, 0) < 0)
        return NULL;
    return ft_dictview_new(self, &FtDictKeys_Type);
}

static FtObject *m_values(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("dict.values", nargs, 0, 0) < 0)
        return NULL;
    return ft_dictview_new(self, &FtDictValues_Type);
}

static FtObject *m_items(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("dict.items", nargs, 0, 0) < 0)
        return NULL;
    return ft_dictview_new(self, &FtDictItems_Type);
}

static FtObject *m_get(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (ft_arg_count("get", nargs, 1, 2) < 0)
        return NULL;
    FtObject *v = ft_dict_get(self, args[0]);
    if (v != NULL || ft_err_occurred())
        return v;
    return FT_NEWREF(nargs > 1 ? args[1] : FT_None);
}

static FtObject *m_setdefault(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("setdefault", nargs, 1, 2) < 0)
        return NULL;
    return ft_dict_setdefault(self, args[0], nargs > 1 ? args[1] : FT_None);
}

static FtObject *m_pop(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (ft_arg_count("pop", nargs, 1, 2) < 0)
        return NULL;
    FtObject *v = ft_dict_pop(self, args[0]);
    if (v != NULL || ft_err_occurred())
        return v;
    if (nargs > 1)
        return FT_NEWREF(args[1]);
    ft_err_set_key(args[0]);
    return NULL;
}

static FtObject *m_popitem(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("dict.popitem", nargs, 0, 0) < 0)
        return NULL;
    FtDictObject *mp = D(self);
    FtObject *res = ft_tuple_new(2);
    if (res == NULL)
        return NULL;
    int empty = 0;
    FT_BEGIN_CRITICAL_SECTION(self);
    if (mp->used == 0) {
        empty = 1;
    } else {
        FtDictKeys *dk = mp->keys;
        ssize_t i = dk->nentries - 1;
        while (dk->entries[i].key == NULL)
            i--;
        FtObject *k, *v;
        unlink_entry(mp, i, &k, &v);
#if !defined(FT_QSBR_ACTIVE)
        /* LIFO: the tail is all deleted entries now. */
        dk->nentries = i;
#else
        /* Not without a GIL: a lock-free reader may still be looking at
         * entry i. Compact instead once the deleted tail outgrows the
         * live part, so popping everything stays linear. */
        if (dk->nentries - mp->used > mp->used + MIN_SIZE &&
            dict_resize(mp, mp->used * 3 / 2 + 1) < 0)
            ft_err_clear();
#endif
        FT_TUPLE_SET(res, 0, k);
        FT_TUPLE_SET(res, 1, v);
    }
    FT_END_CRITICAL_SECTION();
    if (empty) {
        FT_DECREF(res);
        ft_err_set_string(FtExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    return res;
}

static FtObject *m_update(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (update_args(self, "update", args, nargs, kwnames) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_copy(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("dict.copy", nargs, 0, 0) < 0)
        return NULL;
    return ft_dict_copy(self);
}

static FtObject *m_clear(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("dict.clear", nargs, 0, 0) < 0)
        return NULL;
    ft_dict_clear(self);
    FT_RETURN_NONE;
}

/* dict.fromkeys(dict_or_set, value) into a new exact dict: with the
 * hashes the source stored, as CPython, so no key's __hash__ runs. Each
 * key is taken with a reference in the source's section (an __eq__ may
 * change the source; the walk goes on in it as it is then). */
static int fromkeys_hashed(FtObject *d, FtObject *src, FtObject *value)
{
    int is_dict = FT_DICT_CHECK_EXACT(src);
    ssize_t pos = 0;
    for (;;) {
        FtObject *key;
        ft_hash_t hash;
        int more;
        FT_BEGIN_CRITICAL_SECTION(src);
        more = is_dict ? ft_dict_next_hash(src, &pos, &key, NULL, &hash)
                       : ft_set_next_entry(src, &pos, &key, &hash);
        if (more)
            FT_INCREF(key);
        FT_END_CRITICAL_SECTION();
        if (!more)
            return 0;
        int r = ft_dict_set_hashed(d, key, hash, value);
        FT_DECREF(key);
        if (r < 0)
            return -1;
    }
}

/* dict.fromkeys(iterable, value=None): self is the class. */
static FtObject *m_fromkeys(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    FtObject *value = nargs > 1 ? args[1] : FT_None;
    int exact = self == (FtObject *)&FtDict_Type;
    FtObject *d = exact ? ft_dict_new() : ft_call0(self);
    if (d == NULL)
        return NULL;
    if (exact && (FT_DICT_CHECK_EXACT(args[0]) ||
                  FT_TYPE(args[0]) == &FtSet_Type)) {
        if (fromkeys_hashed(d, args[0], value) < 0)
            FT_CLEAR(d);
        return d;
    }
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL) {
        FT_DECREF(d);
        return NULL;
    }
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        int r = exact ? ft_dict_set(d, key, value)
                      : ft_object_setitem(d, key, value);
        FT_DECREF(key);
        if (r < 0)
            break;
    }
    FT_DECREF(it);
    if (ft_err_occurred()) {
        FT_DECREF(d);
        return NULL;
    }
    return d;
}

static FtObject *m_reversed(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return ft_dictiter_new(self, &FtDictRevKeyIter_Type);
}

static FtMethodDef dict_methods[] = {
    {"keys", m_keys, 0, NULL},
    {"values", m_values, 0, NULL},
    {"items", m_items, 0, NULL},
    {"get", m_get, 0, NULL},
    {"setdefault", m_setdefault, 0, NULL},
    {"pop", m_pop, 0, NULL},
    {"popitem", m_popitem, 0, NULL},
    {"update", m_update, FT_METH_KEYWORDS, NULL},
    {"copy", m_copy, 0, NULL},
    {"clear", m_clear, 0, NULL},
    {"fromkeys", m_fromkeys, FT_METH_CLASS, NULL},
    {"__reversed__", m_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* The collector's slots: see list.c's. A dict's old tables waiting for
 * a grace period still hold their references (uncounted here: safe). */
static int dict_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FtDictKeys *dk = D(op)->keys;
    if (dk == NULL || dk == EMPTY_KEYS)
        return 0;
    FtDictEntry *e = dk->entries;
    for (ssize_t i = 0, n = dk->nentries; i < n; i++) {
        if (e[i].key != NULL) {
            FT_VISIT(e[i].key);
            FT_VISIT(e[i].value);
        }
    }
    return 0;
}

static int dict_gc_clear(FtObject *op)
{
    ft_dict_clear(op);
    return 0;
}

FtType FtDict_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "dict",
    .tp_basicsize = sizeof(FtDictObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_DICT_SUBCLASS |
                FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = dict_dealloc,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_gc_clear,
    .tp_repr = dict_repr,
    .tp_richcompare = dict_richcompare,
    .tp_len = dict_len,
    .tp_getitem = dict_getitem,
    .tp_setitem = dict_setitem,
    .tp_contains = dict_contains,
    .tp_iter = dict_iter,
    .tp_binop = dict_binop,
    .tp_inplace = dict_inplace,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_methods = dict_methods,
    .tp_doc = "Built-in mapping.",
};
