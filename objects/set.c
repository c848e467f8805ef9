/* objects/set.c — set and frozenset: an open-addressing hash table of keys
 * (short linear probe runs, then CPython's perturbed jumps, so sets of
 * small ints come out in the same order as in CPython), the set algebra
 * and set_iterator. frozenset shares set's layout and code; it is filled
 * once by its constructor and never changed after, and hashes its keys'
 * stored hashes (an order-independent mix, so equal frozensets hash
 * equal).
 */
#include "objects/object.h"
#include "runtime/lock.h"

#include <limits.h>
#include <string.h>

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    FtObject *key; /* NULL: never used; &dummy: deleted */
    ft_hash_t hash;
} SetEntry;

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS /* the set's lock (inline object locks only) */
    ssize_t fill;  /* active + deleted slots */
    ssize_t used;  /* active slots */
    ssize_t mask;  /* table size - 1 */
    SetEntry *table;
    ssize_t finger; /* where pop() looks next */
    ssize_t hash;   /* frozenset: -1 until computed (atomic) */
    SetEntry smalltable[SET_MINSIZE];
} FtSetObject;

#define S(op) ((FtSetObject *)(op))

/* Free-threaded builds: every operation runs inside a critical section on
 * the set (set-to-set operations on both; results under construction are
 * private and need none). Keys are hashed before the section; __eq__ runs
 * inside it and entry_matches() makes the probe restart when the table
 * changed meanwhile. Keys leave a section INCREF'd. */
FT_OBJECT_LOCK_CHECK(FtSetObject);

/* FT_ITER_KEEPS_SEQ (runtime/lock.h): an exhausted iterator marks itself
 * with pos = SSIZE_MAX. */

/* Marks deleted slots so probe chains stay intact; never a real key. Its
 * hash is stored as -1, which no real key has. */
static FtObject dummy_key;
#define DUMMY (&dummy_key)

static inline int str_equal(FtObject *a, FtObject *b)
{
    return FT_STR_NBYTES(a) == FT_STR_NBYTES(b) &&
           memcmp(FT_STR_DATA(a), FT_STR_DATA(b), (size_t)FT_STR_NBYTES(a)) == 0;
}

/* A lookup whose comparisons keep rebuilding the table gives up after
 * this many restarts instead of looping forever (CPython loops). */
#define LOOKUP_MAX_RESTARTS 1000

/* Compares an entry's key with key (same hash). 1/0/-1, or 2 when the
 * comparison changed the table or the entry (the caller restarts; as in
 * CPython, changes elsewhere in the same table let the probe go on). The
 * size is checked too: the small table is reused in place. */
static int entry_matches(FtSetObject *so, SetEntry *entry, FtObject *key)
{
    FtObject *startkey = entry->key;
    if (startkey == key)
        return 1;
    if (FT_STR_CHECK_EXACT(startkey) && FT_STR_CHECK_EXACT(key))
        return str_equal(startkey, key);
    SetEntry *table = so->table;
    ssize_t mask = so->mask;
    FT_INCREF(startkey);
    int cmp = ft_object_richcompare_bool(startkey, key, FT_EQ);
    FT_DECREF(startkey);
    if (cmp < 0)
        return -1;
    if (table != so->table || mask != so->mask || entry->key != startkey)
        return 2;
    return cmp;
}

/* entry_matches said 2: 0 to probe again, -1 (RuntimeError) when the
 * table has been rebuilt too many times for one lookup. */
static int restart_ok(int *restarts)
{
    if (++*restarts <= LOOKUP_MAX_RESTARTS)
        return 0;
    ft_err_set_string(FtExc_RuntimeError, "set changed during lookup");
    return -1;
}

/* The slot holding key, or the first never-used slot of its probe chain
 * (key NULL) if absent; NULL on error. */
static SetEntry *set_lookkey(FtSetObject *so, FtObject *key, ft_hash_t hash)
{
    int restarts = 0;
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                int r = entry_matches(so, entry, key);
                if (r < 0)
                    return NULL;
                if (r == 2) {
                    if (restart_ok(&restarts) < 0)
                        return NULL;
                    goto restart;
                }
                if (r)
                    return entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Puts a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, size_t mask, FtObject *key,
                         ft_hash_t hash)
{
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    SetEntry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

static int set_table_resize(FtSetObject *so, ssize_t minused)
{
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    SetEntry *oldtable = so->table;
    SetEntry small_copy[SET_MINSIZE];
    int was_small = oldtable == so->smalltable;
    SetEntry *newtable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (was_small) {
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > SIZE_MAX / sizeof(SetEntry) / 2) {
            ft_err_no_memory();
            return -1;
        }
        newtable = ft_mem_alloc(newsize * sizeof(SetEntry));
        if (newtable == NULL)
            return -1;
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    ssize_t oldmask = so->mask;
    for (ssize_t i = 0; i <= oldmask; i++) {
        FtObject *k = oldtable[i].key;
        if (k != NULL && k != DUMMY)
            insert_clean(newtable, newsize - 1, k, oldtable[i].hash);
    }
    so->table = newtable;
    so->mask = (ssize_t)newsize - 1;
    so->fill = so->used;
    if (!was_small)
        ft_mem_free(oldtable);
    return 0;
}

/* Adds key (borrowed) with a known hash: 0 or -1. */
static int set_add_entry(FtSetObject *so, FtObject *key, ft_hash_t hash)
{
    int restarts = 0;
restart:;
    SetEntry *freeslot = NULL, *entry;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->key == NULL)
                goto found_unused;
            if (entry->hash == hash) {
                int r = entry_matches(so, entry, key);
                if (r < 0)
                    return -1;
                if (r == 2) {
                    if (restart_ok(&restarts) < 0)
                        return -1;
                    goto restart;
                }
                if (r)
                    return 0; /* already present */
            } else if (entry->key == DUMMY && freeslot == NULL) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    /* A comparison may have put a key into the deleted slot seen before
     * it: then the unused one ends the chain just as well. */
    if (freeslot != NULL && freeslot->key == DUMMY) {
        freeslot->key = FT_NEWREF(key);
        freeslot->hash = hash;
        so->used++;
        return 0;
    }
    entry->key = FT_NEWREF(key);
    entry->hash = hash;
    so->fill++;
    so->used++;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int set_add_key(FtSetObject *so, FtObject *key)
{
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return -1;
    int r;
    FT_BEGIN_CRITICAL_SECTION(so);
    r = set_add_entry(so, key, hash);
    FT_END_CRITICAL_SECTION();
    return r;
}

/* 1 removed, 0 absent, -1 error. */
static int set_discard_entry(FtSetObject *so, FtObject *key, ft_hash_t hash)
{
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return 0;
    FtObject *old = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    FT_DECREF(old);
    return 1;
}

static FtObject *set_alloc(FtType *type);
static int update_from_iterable(FtSetObject *so, FtObject *other);

/* The hash a lookup uses. A set key is unhashable, but `s in sets`,
 * remove and discard look it up as the frozenset with its keys, as
 * CPython does: then *key becomes that frozenset (a new reference the
 * caller drops), else it is left alone. -1 on error. */
static ft_hash_t lookup_hash(FtObject **key)
{
    ft_hash_t hash = ft_dict_hash_key(*key);
    if (hash != -1 || !FT_SET_CHECK(*key) || !ft_err_matches(FtExc_TypeError))
        return hash;
    ft_err_clear();
    FtObject *f = set_alloc(&FtFrozenSet_Type);
    if (f == NULL || update_from_iterable(S(f), *key) < 0) {
        FT_XDECREF(f);
        return -1;
    }
    hash = ft_dict_hash_key(f);
    if (hash == -1)
        FT_DECREF(f);
    else
        *key = f;
    return hash;
}

static int set_contains_key(FtSetObject *so, FtObject *key)
{
    FtObject *k = key;
    ft_hash_t hash = lookup_hash(&k);
    if (hash == -1)
        return -1;
    int r;
    FT_BEGIN_CRITICAL_SECTION(so);
    SetEntry *entry = set_lookkey(so, k, hash);
    r = entry == NULL ? -1 : entry->key != NULL;
    FT_END_CRITICAL_SECTION();
    if (k != key)
        FT_DECREF(k);
    return r;
}

static void set_init_fields(FtSetObject *so)
{
    so->fill = so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->finger = 0;
    memset(so->smalltable, 0, sizeof(so->smalltable));
}

int ft_set_clear(FtObject *set)
{
    FtSetObject *so = S(set);
    SetEntry *table;
    ssize_t mask, fill;
    SetEntry small_copy[SET_MINSIZE];
    int was_small = 0;
    FT_BEGIN_CRITICAL_SECTION(set);
    table = so->table;
    mask = so->mask;
    fill = so->fill;
    if (fill != 0) {
        was_small = table == so->smalltable;
        if (was_small) {
            memcpy(small_copy, table, sizeof(small_copy));
            table = small_copy;
        }
        set_init_fields(so); /* consistent before any destructor runs */
    }
    FT_END_CRITICAL_SECTION();
    if (fill == 0)
        return 0;
    for (ssize_t i = 0; i <= mask; i++)
        if (table[i].key != NULL && table[i].key != DUMMY)
            FT_DECREF(table[i].key);
    if (!was_small)
        ft_mem_free(table);
    return 0;
}

/* Exchanges the contents of two sets (for in-place results). */
static void set_swap_bodies(FtSetObject *a, FtSetObject *b)
{
    SetEntry tab[SET_MINSIZE];
    ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    SetEntry *ta = a->table, *tb = b->table;
    memcpy(tab, a->smalltable, sizeof(tab));
    memcpy(a->smalltable, b->smalltable, sizeof(tab));
    memcpy(b->smalltable, tab, sizeof(tab));
    a->table = tb == b->smalltable ? a->smalltable : tb;
    b->table = ta == a->smalltable ? b->smalltable : ta;
    a->finger = b->finger = 0;
}

/* ---- public API -------------------------------------------------------- */

/* Borrowed key and its stored hash; the caller holds the set's section. */
int ft_set_next_entry(FtObject *set, ssize_t *pos, FtObject **key,
                      ft_hash_t *hash)
{
    FtSetObject *so = S(set);
    for (ssize_t i = *pos; i >= 0 && i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (e->key != NULL && e->key != DUMMY) {
            *pos = i + 1;
            *key = e->key;
            *hash = e->hash;
            return 1;
        }
    }
    return 0;
}

static FtObject *set_alloc(FtType *type)
{
    FtObject *op = ft_object_new(type);
    if (op != NULL) {
        set_init_fields(S(op));
        S(op)->hash = -1;
    }
    return op;
}

/* Set algebra answers with the left operand's kind: res, a new set that
 * no one else has seen yet, becomes a frozenset when self is one. set and
 * frozenset share one layout and are static types (instances hold no
 * reference to them), so retyping an unpublished object is safe. */
static FtObject *like_self(FtObject *self, FtObject *res)
{
    if (res != NULL && FT_FROZENSET_CHECK(self))
        FT_TYPE(res) = &FtFrozenSet_Type;
    return res;
}

FtObject *ft_set_new(FtObject *iterable)
{
    FtObject *op = set_alloc(&FtSet_Type);
    if (op != NULL && iterable != NULL &&
        ft_set_update_op(op, iterable, FT_OP_OR) < 0)
        FT_CLEAR(op);
    return op;
}

int ft_set_add(FtObject *set, FtObject *key)
{
    return set_add_key(S(set), key);
}

int ft_set_discard(FtObject *set, FtObject *key)
{
    FtObject *k = key;
    ft_hash_t hash = lookup_hash(&k);
    if (hash == -1)
        return -1;
    int r;
    FT_BEGIN_CRITICAL_SECTION(set);
    r = set_discard_entry(S(set), k, hash);
    FT_END_CRITICAL_SECTION();
    if (k != key)
        FT_DECREF(k);
    return r;
}

int ft_set_contains(FtObject *set, FtObject *key)
{
    return set_contains_key(S(set), key);
}

ssize_t ft_set_size(FtObject *set)
{
    ssize_t n;
    FT_BEGIN_CRITICAL_SECTION(set);
    n = S(set)->used;
    FT_END_CRITICAL_SECTION();
    return n;
}

static FtObject *set_pop_locked(FtSetObject *so)
{
    ssize_t i = so->finger & so->mask;
    SetEntry *entry;
    while ((entry = &so->table[i])->key == NULL || entry->key == DUMMY)
        i = (i + 1) & so->mask;
    FtObject *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = i + 1;
    return key;
}

FtObject *ft_set_pop(FtObject *set)
{
    FtObject *key = NULL;
    FT_BEGIN_CRITICAL_SECTION(set);
    if (S(set)->used != 0)
        key = set_pop_locked(S(set));
    FT_END_CRITICAL_SECTION();
    if (key == NULL)
        ft_err_set_string(FtExc_KeyError, "pop from an empty set");
    return key;
}

/* Adds every key of another set (hashes known); both are held. */
static int merge_set(FtSetObject *so, FtSetObject *other)
{
    if (so == other || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        set_table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0) {
        /* A copy: other's keys are distinct, so no __eq__ (no Python code
         * that could change either set) is needed, as in CPython. */
        for (ssize_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (e->key != NULL && e->key != DUMMY)
                insert_clean(so->table, (size_t)so->mask, FT_NEWREF(e->key),
                             e->hash);
        }
        so->fill = so->used = other->used;
        return 0;
    }
    for (ssize_t i = 0; i <= other->mask; i++) {
        SetEntry *e = &other->table[i];
        if (e->key == NULL || e->key == DUMMY)
            continue;
        FtObject *k = FT_NEWREF(e->key);
        int r = set_add_entry(so, k, e->hash);
        FT_DECREF(k);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int update_from_iterable(FtSetObject *so, FtObject *other)
{
    int r = 0;
    if (FT_ANYSET_CHECK(other)) {
        FT_BEGIN_CRITICAL_SECTION2(so, other);
        r = merge_set(so, S(other));
        FT_END_CRITICAL_SECTION2();
        return r;
    }
    if (FT_DICT_CHECK_EXACT(other)) {
        /* With the hashes the dict stored, as CPython: no key's __hash__
         * runs (which could change the dict). ft_dict_next_hash needs the
         * dict's section; an __eq__ may change the dict, and the walk goes
         * on in the dict as it is then. */
        FT_BEGIN_CRITICAL_SECTION2(so, other);
        ssize_t pos = 0;
        FtObject *k;
        ft_hash_t hash;
        while (ft_dict_next_hash(other, &pos, &k, NULL, &hash)) {
            FT_INCREF(k);
            r = set_add_entry(so, k, hash);
            FT_DECREF(k);
            if (r < 0)
                break;
        }
        FT_END_CRITICAL_SECTION2();
        return r;
    }
    FtObject *it = ft_object_iter(other);
    if (it == NULL)
        return -1;
    FtObject *k;
    while ((k = ft_iter_next(it)) != NULL) {
        int r = set_add_key(so, k);
        FT_DECREF(k);
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

/* A new set with the keys of so that are also in other. */
static FtObject *set_intersection(FtSetObject *so, FtObject *other)
{
    FtObject *res = set_alloc(&FtSet_Type);
    if (res == NULL)
        return NULL;
    if (FT_ANYSET_CHECK(other)) {
        int r = 0;
        FT_BEGIN_CRITICAL_SECTION2(so, other);
        /* CPython's order: look other's keys up in so unless other is the
         * bigger set (it shows when comparisons change the sets). */
        FtSetObject *small = S(other), *big = so;
        if (small->used > big->used) {
            small = so;
            big = S(other);
        }
        for (ssize_t i = 0; i <= small->mask; i++) {
            SetEntry *e = &small->table[i];
            if (e->key == NULL || e->key == DUMMY)
                continue;
            FtObject *k = FT_NEWREF(e->key);
            ft_hash_t hash = e->hash;
            SetEntry *found = set_lookkey(big, k, hash);
            r = found == NULL ? -1
                : found->key != NULL ? set_add_entry(S(res), k, hash) : 0;
            FT_DECREF(k);
            if (r < 0)
                break;
        }
        FT_END_CRITICAL_SECTION2();
        if (r < 0)
            goto fail;
        return res;
    }
    FtObject *it = ft_object_iter(other);
    if (it == NULL)
        goto fail;
    FtObject *k;
    while ((k = ft_iter_next(it)) != NULL) {
        ft_hash_t hash = ft_dict_hash_key(k);
        int r = -1;
        if (hash != -1) {
            FT_BEGIN_CRITICAL_SECTION(so);
            SetEntry *found = set_lookkey(so, k, hash);
            r = found == NULL ? -1 : found->key != NULL;
            FT_END_CRITICAL_SECTION();
        }
        if (r > 0)
            r = set_add_entry(S(res), k, hash);
        FT_DECREF(k);
        if (r < 0) {
            FT_DECREF(it);
            goto fail;
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        goto fail;
    return res;
fail:
    FT_DECREF(res);
    return NULL;
}

static int difference_update(FtSetObject *so, FtObject *other)
{
    if ((FtObject *)so == other)
        return ft_set_clear(other);
    if (FT_ANYSET_CHECK(other)) {
        FtSetObject *o = S(other);
        int r = 0;
        FT_BEGIN_CRITICAL_SECTION2(so, other);
        for (ssize_t i = 0; i <= o->mask; i++) {
            SetEntry *e = &o->table[i];
            if (e->key == NULL || e->key == DUMMY)
                continue;
            FtObject *k = FT_NEWREF(e->key);
            r = set_discard_entry(so, k, e->hash);
            FT_DECREF(k);
            if (r < 0)
                break;
        }
        FT_END_CRITICAL_SECTION2();
        return r < 0 ? -1 : 0;
    }
    FtObject *it = ft_object_iter(other);
    if (it == NULL)
        return -1;
    FtObject *k;
    while ((k = ft_iter_next(it)) != NULL) {
        int r = ft_set_discard((FtObject *)so, k);
        FT_DECREF(k);
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

/* so - other as a new set. Against a set of comparable size, CPython
 * looks each key of so up in other rather than copying so and removing
 * other's keys: the same order here (it shows when comparisons change
 * the sets). */
static FtObject *set_copy_of(FtObject *op);
static FtObject *set_difference(FtSetObject *so, FtObject *other)
{
    if (!FT_ANYSET_CHECK(other) || (FtObject *)so == other ||
        (ft_set_size((FtObject *)so) >> 2) > ft_set_size(other)) {
        FtObject *res = set_copy_of((FtObject *)so);
        if (res != NULL && difference_update(S(res), other) < 0)
            FT_CLEAR(res);
        return res;
    }
    FtObject *res = set_alloc(&FtSet_Type);
    if (res == NULL)
        return NULL;
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION2(so, other);
    for (ssize_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (e->key == NULL || e->key == DUMMY)
            continue;
        FtObject *k = FT_NEWREF(e->key);
        ft_hash_t hash = e->hash;
        SetEntry *found = set_lookkey(S(other), k, hash);
        r = found == NULL ? -1
            : found->key == NULL ? set_add_entry(S(res), k, hash) : 0;
        FT_DECREF(k);
        if (r < 0)
            break;
    }
    FT_END_CRITICAL_SECTION2();
    if (r < 0)
        FT_CLEAR(res);
    return res;
}

static int symmetric_difference_update(FtSetObject *so, FtObject *other)
{
    if ((FtObject *)so == other)
        return ft_set_clear(other);
    FtObject *o = FT_ANYSET_CHECK(other) ? FT_NEWREF(other) : ft_set_new(other);
    if (o == NULL)
        return -1;
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION2(so, o);
    for (ssize_t i = 0; r == 0 && i <= S(o)->mask; i++) {
        SetEntry *e = &S(o)->table[i];
        if (e->key == NULL || e->key == DUMMY)
            continue;
        FtObject *k = FT_NEWREF(e->key);
        ft_hash_t hash = e->hash;
        int found = set_discard_entry(so, k, hash);
        if (found < 0)
            r = -1;
        else if (found == 0)
            r = set_add_entry(so, k, hash);
        FT_DECREF(k);
    }
    FT_END_CRITICAL_SECTION2();
    FT_DECREF(o);
    return r;
}

int ft_set_update_op(FtObject *set, FtObject *other, int op)
{
    FtSetObject *so = S(set);
    switch (op) {
    case FT_OP_OR:
        return update_from_iterable(so, other);
    case FT_OP_AND: {
        if (set == other)
            return 0;
        FtObject *tmp = set_intersection(so, other);
        if (tmp == NULL)
            return -1;
        FT_BEGIN_CRITICAL_SECTION(set);
        set_swap_bodies(so, S(tmp)); /* tmp is private */
        FT_END_CRITICAL_SECTION();
        FT_DECREF(tmp); /* drops the old contents */
        return 0;
    }
    case FT_OP_SUB:
        return difference_update(so, other);
    case FT_OP_XOR:
        return symmetric_difference_update(so, other);
    default:
        ft_err_set_string(FtExc_SystemError, "bad set operation");
        return -1;
    }
}

/* 1 if every key of so is in other (any iterable). */
static int set_issubset(FtSetObject *so, FtObject *other)
{
    FtObject *o = FT_ANYSET_CHECK(other) ? FT_NEWREF(other) : ft_set_new(other);
    if (o == NULL)
        return -1;
    int r = 1;
    FT_BEGIN_CRITICAL_SECTION2(so, o);
    if (so->used > S(o)->used)
        r = 0;
    for (ssize_t i = 0; r == 1 && i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (e->key == NULL || e->key == DUMMY)
            continue;
        FtObject *k = FT_NEWREF(e->key);
        SetEntry *found = set_lookkey(S(o), k, e->hash);
        r = found == NULL ? -1 : found->key != NULL;
        FT_DECREF(k);
    }
    FT_END_CRITICAL_SECTION2();
    FT_DECREF(o);
    return r;
}

/* ---- slots --------------------------------------------------------------- */

static void set_dealloc(FtObject *op)
{
    FtSetObject *so = S(op);
    if (so->table != NULL) {
        for (ssize_t i = 0; i <= so->mask; i++)
            if (so->table[i].key != NULL && so->table[i].key != DUMMY)
                FT_DECREF(so->table[i].key);
        if (so->table != so->smalltable)
            ft_mem_free(so->table);
    }
    ft_object_free(op);
}

/* The keys as a new list, taken atomically. */
static FtObject *set_keys_list(FtSetObject *so)
{
    FtObject *list;
    FT_BEGIN_CRITICAL_SECTION(so);
    list = ft_list_new(so->used);
    if (list != NULL) {
        ssize_t j = 0;
        for (ssize_t i = 0; i <= so->mask && j < so->used; i++) {
            FtObject *k = so->table[i].key;
            if (k != NULL && k != DUMMY)
                FT_LIST_ITEMS(list)[j++] = FT_NEWREF(k);
        }
    }
    FT_END_CRITICAL_SECTION();
    return list;
}

static FtObject *set_repr(FtObject *op)
{
    FtSetObject *so = S(op);
    int exact = FT_TYPE(op) == &FtSet_Type;
    const char *name = ft_type_name(FT_TYPE(op));
    if (ft_set_size(op) == 0)
        return exact ? ft_str_from_cstr("set()")
                     : ft_str_from_format("%s()", name);
    int r = ft_repr_enter(op);
    if (r != 0)
        return r > 0 ? ft_str_from_format("%s(...)", name) : NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (!exact && (ft_sb_append_cstr(&sb, name) < 0 ||
                   ft_sb_append_char(&sb, '(') < 0))
        goto fail;
    if (ft_sb_append_char(&sb, '{') < 0)
        goto fail;
    /* Snapshot the keys: a repr might change the set. */
    FtObject *keys = set_keys_list(so);
    if (keys == NULL)
        goto fail;
    for (ssize_t i = 0; i < FT_LIST_SIZE(keys); i++) {
        if ((i > 0 && ft_sb_append(&sb, ", ", 2) < 0) ||
            ft_sb_append_repr(&sb, FT_LIST_ITEMS(keys)[i]) < 0) {
            FT_DECREF(keys);
            goto fail;
        }
    }
    FT_DECREF(keys);
    if (ft_sb_append_char(&sb, '}') < 0)
        goto fail;
    if (!exact && ft_sb_append_char(&sb, ')') < 0)
        goto fail;
    ft_repr_leave(op);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(op);
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *set_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_ANYSET_CHECK(a) || !FT_ANYSET_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    ssize_t na = ft_set_size(a), nb = ft_set_size(b);
    int r;
    switch (op) {
    case FT_EQ: r = na == nb ? set_issubset(S(a), b) : 0; break;
    case FT_NE:
        r = na == nb ? set_issubset(S(a), b) : 0;
        if (r >= 0)
            r = !r;
        break;
    case FT_LE: r = set_issubset(S(a), b); break;
    case FT_LT: r = na < nb ? set_issubset(S(a), b) : 0; break;
    case FT_GE: r = set_issubset(S(b), a); break;
    default: r = na > nb ? set_issubset(S(b), a) : 0; break;
    }
    return r < 0 ? NULL : ft_bool_from(r);
}

static ssize_t set_len(FtObject *op) { return ft_set_size(op); }

static int set_contains(FtObject *op, FtObject *key)
{
    return set_contains_key(S(op), key);
}

static FtObject *set_copy_of(FtObject *op)
{
    FtObject *res = set_alloc(&FtSet_Type);
    if (res == NULL)
        return NULL;
    int r;
    FT_BEGIN_CRITICAL_SECTION(op); /* res is private */
    r = merge_set(S(res), S(op));
    FT_END_CRITICAL_SECTION();
    if (r < 0)
        FT_CLEAR(res);
    return res;
}

static int is_set_op(int op)
{
    return op == FT_OP_OR || op == FT_OP_AND || op == FT_OP_SUB ||
           op == FT_OP_XOR;
}

static FtObject *set_binop(FtObject *a, FtObject *b, int op)
{
    if (!is_set_op(op) || !FT_ANYSET_CHECK(a) || !FT_ANYSET_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    if (op == FT_OP_AND)
        return like_self(a, set_intersection(S(a), b));
    if (op == FT_OP_SUB)
        return like_self(a, set_difference(S(a), b));
    FtObject *res = set_copy_of(a);
    if (res != NULL && ft_set_update_op(res, b, op) < 0)
        FT_CLEAR(res);
    return like_self(a, res);
}

static FtObject *set_inplace(FtObject *a, FtObject *b, int op)
{
    if (!is_set_op(op) || !FT_ANYSET_CHECK(a) || !FT_ANYSET_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    if (ft_set_update_op(a, b, op) < 0)
        return NULL;
    return FT_NEWREF(a);
}

static FtObject *set_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return set_alloc(type);
}

static int set_init(FtObject *self, FtObject *const *args, size_t nargs,
                    FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "set expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return -1;
    }
    ft_set_clear(self); /* nothing to do for a new set */
    if (nargs == 1)
        return ft_set_update_op(self, args[0], FT_OP_OR);
    return 0;
}

/* ---- iterator -------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *set; /* NULL once exhausted */
    ssize_t pos;
    ssize_t used; /* size when iteration began */
    ssize_t left;
} SetIter;

static FtObject *set_iter(FtObject *op)
{
    SetIter *it = (SetIter *)ft_object_new(&FtSetIter_Type);
    if (it == NULL)
        return NULL;
    it->set = FT_NEWREF(op);
    it->pos = 0;
    it->used = it->left = ft_set_size(op);
    return (FtObject *)it;
}

static void setiter_dealloc(FtObject *op)
{
    FT_XDECREF(((SetIter *)op)->set);
    ft_object_free(op);
}

/* Advances under the set's section (so threads sharing the iterator get
 * each key once); with a GIL an exhausted iterator drops the set. */
static FtObject *setiter_next(FtObject *op)
{
    SetIter *it = (SetIter *)op;
    FtObject *s = it->set;
    if (s == NULL)
        return NULL;
    FtObject *res = NULL;
    int done = 0, changed = 0;
    FT_BEGIN_CRITICAL_SECTION(s);
    FtSetObject *so = S(s);
    if (it->pos == SSIZE_MAX) {
        /* exhausted (free-threaded builds) */
    } else if (it->used != so->used) {
        it->used = -1;
        changed = 1;
    } else {
        ssize_t i = it->pos;
        while (i <= so->mask &&
               (so->table[i].key == NULL || so->table[i].key == DUMMY))
            i++;
        if (i > so->mask) {
            if (FT_ITER_KEEPS_SEQ) {
                it->pos = SSIZE_MAX;
            } else {
                it->set = NULL;
                done = 1;
            }
        } else {
            it->pos = i + 1;
            it->left--;
            res = FT_NEWREF(so->table[i].key);
        }
    }
    FT_END_CRITICAL_SECTION();
    if (changed)
        ft_err_set_string(FtExc_RuntimeError,
                          "Set changed size during iteration");
    if (done)
        FT_DECREF(s);
    return res;
}

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

static FtObject *setiter_length_hint(FtObject *self, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    SetIter *it = (SetIter *)self;
    ssize_t n = 0;
    FtObject *s = it->set;
    if (s != NULL) {
        FT_BEGIN_CRITICAL_SECTION(s);
        if (it->pos != SSIZE_MAX && it->used == S(s)->used)
            n = it->left;
        FT_END_CRITICAL_SECTION();
    }
    return ft_int_from_i64(n);
}

static FtMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtSetIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_dealloc = setiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

/* ---- methods ------------------------------------------------------------ */

static FtObject *m_add(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (ft_arg_count("set.add", nargs, 1, 1) < 0)
        return NULL;
    if (set_add_key(S(self), args[0]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_remove(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("set.remove", nargs, 1, 1) < 0)
        return NULL;
    int r = ft_set_discard(self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0) {
        ft_err_set_key(args[0]);
        return NULL;
    }
    FT_RETURN_NONE;
}

static FtObject *m_discard(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("set.discard", nargs, 1, 1) < 0)
        return NULL;
    if (ft_set_discard(self, args[0]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_pop(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (ft_arg_count("set.pop", nargs, 0, 0) < 0)
        return NULL;
    return ft_set_pop(self);
}

static FtObject *m_clear(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("set.clear", nargs, 0, 0) < 0)
        return NULL;
    ft_set_clear(self);
    FT_RETURN_NONE;
}

static FtObject *m_copy(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("set.copy", nargs, 0, 0) < 0)
        return NULL;
    return set_copy_of(self);
}

/* update(*others) and the other in-place forms. */
static FtObject *update_many(FtObject *self, FtObject *const *args,
                             size_t nargs, int op)
{
    for (size_t i = 0; i < nargs; i++)
        if (ft_set_update_op(self, args[i], op) < 0)
            return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_update(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return update_many(self, args, nargs, FT_OP_OR);
}

static FtObject *m_intersection_update(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    return update_many(self, args, nargs, FT_OP_AND);
}

static FtObject *m_difference_update(FtObject *self, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    return update_many(self, args, nargs, FT_OP_SUB);
}

static FtObject *m_symmetric_difference_update(FtObject *self,
                                               FtObject *const *args,
                                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("symmetric_difference_update", nargs, 1, 1) < 0)
        return NULL;
    return update_many(self, args, nargs, FT_OP_XOR);
}

/* union(*others) and friends: a new set. */
static FtObject *new_from_many(FtObject *self, FtObject *const *args,
                               size_t nargs, int op)
{
    if (op == FT_OP_AND && nargs > 0) {
        FtObject *res = set_intersection(S(self), args[0]);
        for (size_t i = 1; res != NULL && i < nargs; i++)
            if (ft_set_update_op(res, args[i], FT_OP_AND) < 0)
                FT_CLEAR(res);
        return res;
    }
    if (op == FT_OP_SUB && nargs > 0) {
        FtObject *res = set_difference(S(self), args[0]);
        for (size_t i = 1; res != NULL && i < nargs; i++)
            if (ft_set_update_op(res, args[i], FT_OP_SUB) < 0)
                FT_CLEAR(res);
        return res;
    }
    FtObject *res = set_copy_of(self);
    for (size_t i = 0; res != NULL && i < nargs; i++)
        if (ft_set_update_op(res, args[i], op) < 0)
            FT_CLEAR(res);
    return res;
}

static FtObject *new_like_self(FtObject *self, FtObject *const *args,
                               size_t nargs, int op)
{
    return like_self(self, new_from_many(self, args, nargs, op));
}

static FtObject *m_union(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return new_like_self(self, args, nargs, FT_OP_OR);
}

static FtObject *m_intersection(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    return new_like_self(self, args, nargs, FT_OP_AND);
}

static FtObject *m_difference(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    return new_like_self(self, args, nargs, FT_OP_SUB);
}

static FtObject *m_symmetric_difference(FtObject *self, FtObject *const *args,
                                        size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("symmetric_difference", nargs, 1, 1) < 0)
        return NULL;
    return new_like_self(self, args, nargs, FT_OP_XOR);
}

static FtObject *m_issubset(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("set.issubset", nargs, 1, 1) < 0)
        return NULL;
    int r = set_issubset(S(self), args[0]);
    return r < 0 ? NULL : ft_bool_from(r);
}

static FtObject *m_issuperset(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("set.issuperset", nargs, 1, 1) < 0)
        return NULL;
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    FtObject *k;
    int r = 1;
    while (r == 1 && (k = ft_iter_next(it)) != NULL) {
        r = set_contains_key(S(self), k);
        FT_DECREF(k);
    }
    FT_DECREF(it);
    if (r < 0 || (r == 1 && ft_err_occurred()))
        return NULL;
    return ft_bool_from(r);
}

static FtObject *m_isdisjoint(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("set.isdisjoint", nargs, 1, 1) < 0)
        return NULL;
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    FtObject *k;
    int r = 0;
    while (r == 0 && (k = ft_iter_next(it)) != NULL) {
        r = set_contains_key(S(self), k);
        FT_DECREF(k);
    }
    FT_DECREF(it);
    if (r < 0 || (r == 0 && ft_err_occurred()))
        return NULL;
    return ft_bool_from(!r);
}

static FtMethodDef set_methods[] = {
    {"add", m_add, 0, NULL},
    {"remove", m_remove, 0, NULL},
    {"discard", m_discard, 0, NULL},
    {"pop", m_pop, 0, NULL},
    {"clear", m_clear, 0, NULL},
    {"copy", m_copy, 0, NULL},
    {"update", m_update, 0, NULL},
    {"intersection_update", m_intersection_update, 0, NULL},
    {"difference_update", m_difference_update, 0, NULL},
    {"symmetric_difference_update", m_symmetric_difference_update, 0, NULL},
    {"union", m_union, 0, NULL},
    {"intersection", m_intersection, 0, NULL},
    {"difference", m_difference, 0, NULL},
    {"symmetric_difference", m_symmetric_difference, 0, NULL},
    {"issubset", m_issubset, 0, NULL},
    {"issuperset", m_issuperset, 0, NULL},
    {"isdisjoint", m_isdisjoint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* The collector's slots: see list.c's. */
static int set_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FtSetObject *so = S(op);
    if (so->table == NULL)
        return 0;
    for (ssize_t i = 0; i <= so->mask; i++)
        if (so->table[i].key != NULL && so->table[i].key != DUMMY)
            FT_VISIT(so->table[i].key);
    return 0;
}

static int set_gc_clear(FtObject *op)
{
    return ft_set_clear(op);
}

FtType FtSet_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "set",
    .tp_basicsize = sizeof(FtSetObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_gc_clear,
    .tp_repr = set_repr,
    .tp_richcompare = set_richcompare,
    .tp_len = set_len,
    .tp_contains = set_contains,
    .tp_iter = set_iter,
    .tp_binop = set_binop,
    .tp_inplace = set_inplace,
    .tp_new = set_new,
    .tp_init = set_init,
    .tp_methods = set_methods,
    .tp_doc = "Built-in unordered collection of unique elements.",
};

/* ---- frozenset ------------------------------------------------------------- */

static uint64_t mix_key_hash(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
    return h;
}

static ft_hash_t frozenset_hash(FtObject *op)
{
    FtSetObject *so = S(op);
    ssize_t h = ft_atomic_load_ssize(&so->hash);
    if (h != -1)
        return h;
    /* XOR of mixed key hashes: independent of the table's order, so sets
     * built in different orders (or with different table sizes) agree. */
    uint64_t acc = 0;
    for (ssize_t i = 0; i <= so->mask; i++) {
        SetEntry *e = &so->table[i];
        if (e->key != NULL && e->key != DUMMY)
            acc ^= mix_key_hash((uint64_t)e->hash);
    }
    acc ^= ((uint64_t)so->used + 1) * 0x9E3779B97F4A7C15ull;
    acc = mix_key_hash(acc);
    h = (ssize_t)acc;
    if (h == -1)
        h = -2;
    ft_atomic_store_ssize(&so->hash, h);
    return h;
}

static FtObject *frozenset_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError,
                          "frozenset() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "frozenset expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (nargs == 1 && type == &FtFrozenSet_Type &&
        FT_TYPE(args[0]) == &FtFrozenSet_Type)
        return FT_NEWREF(args[0]);
    FtObject *op = set_alloc(type);
    if (op != NULL && nargs == 1 && update_from_iterable(S(op), args[0]) < 0)
        FT_CLEAR(op);
    return op;
}

/* Filled by tp_new; the arguments reach here too and are fine. */
static int frozenset_init(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return 0;
}

static FtObject *m_frozen_copy(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("frozenset.copy", nargs, 0, 0) < 0)
        return NULL;
    if (FT_TYPE(self) == &FtFrozenSet_Type)
        return FT_NEWREF(self);
    return like_self(self, set_copy_of(self));
}

static FtMethodDef frozenset_methods[] = {
    {"copy", m_frozen_copy, 0, NULL},
    {"union", m_union, 0, NULL},
    {"intersection", m_intersection, 0, NULL},
    {"difference", m_difference, 0, NULL},
    {"symmetric_difference", m_symmetric_difference, 0, NULL},
    {"issubset", m_issubset, 0, NULL},
    {"issuperset", m_issuperset, 0, NULL},
    {"isdisjoint", m_isdisjoint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtFrozenSet_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(FtSetObject),
    /* collected like set: same layout, and set algebra retypes new sets */
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_traverse = set_traverse,
    .tp_clear = set_gc_clear,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_len = set_len,
    .tp_contains = set_contains,
    .tp_iter = set_iter,
    .tp_binop = set_binop,
    .tp_new = frozenset_new,
    .tp_init = frozenset_init,
    .tp_methods = frozenset_methods,
    .tp_doc = "Built-in immutable unordered collection of unique elements.",
};
