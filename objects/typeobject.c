/* objects/typeobject.c — `type`: readying static types, creating classes
 * (C3 MRO, instance layout, __module__/__qualname__), attribute lookup
 * along the MRO with a global method cache, the subclass registry that
 * invalidation walks, and the type object's own attributes.
 * The slot table and slot wrappers live in typeobject_slots.c.
 */
#include "objects/object.h"

#include <stdlib.h>
#include <string.h>

#include "interp/eval.h"
#include "interp/modules.h"
#include "objects/deferred.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "runtime/lock.h"

/* The method cache, the version counter and the subclass registry are
 * process-wide: protected by the GIL, or without one changed only under
 * FT_CRIT_LOCK(), with cache entries read through their sequence numbers
 * (typeobject.h). */
FtMCacheEntry ft_mcache[1u << FT_MCACHE_BITS];

/* Versions are never reused, so a cache entry can never match a type that
 * changed or a new type at a recycled address. 0 means "no version". */
static uint64_t next_version = 1;

static const char *tname(FtObject *o) { return FT_TYPE(o)->tp_name; }

static FtObject *intern_once(FtObject **slot, const char *s)
{
    return ft_intern_static(slot, s);
}

/* ---- subclass registry -------------------------------------------------------
 * base -> direct subclasses, as raw pointers: a subclass holds a reference
 * to its bases, never the reverse, and removes itself when it dies. Static
 * types have no room for the list, so it lives in this side table. */

typedef struct {
    FtType *base;
    FtType **subs;
    ssize_t n, cap;
} SubList;

static SubList *subtab;
static size_t subtab_cap, subtab_used;

static size_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x;
}

static SubList *sub_find(FtType *base)
{
    if (subtab_cap == 0)
        return NULL;
    size_t mask = subtab_cap - 1, i = ptr_hash(base) & mask;
    while (subtab[i].base != NULL) {
        if (subtab[i].base == base)
            return &subtab[i];
        i = (i + 1) & mask;
    }
    return NULL;
}

static int sub_grow(void)
{
    size_t ncap = subtab_cap ? subtab_cap * 2 : 64;
    SubList *nt = ft_mem_calloc(ncap, sizeof(SubList));
    if (nt == NULL)
        return -1;
    for (size_t k = 0; k < subtab_cap; k++) {
        if (subtab[k].base == NULL)
            continue;
        size_t i = ptr_hash(subtab[k].base) & (ncap - 1);
        while (nt[i].base != NULL)
            i = (i + 1) & (ncap - 1);
        nt[i] = subtab[k];
    }
    ft_mem_free(subtab);
    subtab = nt;
    subtab_cap = ncap;
    return 0;
}

static int sub_add(FtType *base, FtType *sub)
{
    SubList *e = sub_find(base);
    if (e == NULL) {
        if ((subtab_used + 1) * 2 > subtab_cap && sub_grow() < 0)
            return -1;
        size_t mask = subtab_cap - 1, i = ptr_hash(base) & mask;
        while (subtab[i].base != NULL)
            i = (i + 1) & mask;
        e = &subtab[i];
        e->base = base;
        subtab_used++;
    }
    if (e->n == e->cap) {
        ssize_t ncap = e->cap ? e->cap * 2 : 4;
        FtType **ns = ft_mem_realloc(e->subs, (size_t)ncap * sizeof(FtType *));
        if (ns == NULL)
            return -1;
        e->subs = ns;
        e->cap = ncap;
    }
    e->subs[e->n++] = sub;
    return 0;
}

static void sub_remove(FtType *base, FtType *sub)
{
    SubList *e = sub_find(base);
    if (e == NULL)
        return;
    for (ssize_t i = 0; i < e->n; i++) {
        if (e->subs[i] == sub) {
            memmove(&e->subs[i], &e->subs[i + 1],
                    (size_t)(e->n - i - 1) * sizeof(FtType *));
            e->n--;
            return;
        }
    }
}

FtType **ft_type_subclasses(FtType *t, ssize_t *n)
{
    SubList *e = sub_find(t);
    *n = e != NULL ? e->n : 0;
    return e != NULL ? e->subs : NULL;
}

/* The registry changes and is walked only under the critical lock. */
static int register_subclass(FtType *t)
{
    FtObject *bases = t->tp_bases;
    int r = 0;
    FT_CRIT_LOCK();
    for (ssize_t i = 0; bases != NULL && i < FT_TUPLE_SIZE(bases); i++)
        if (sub_add((FtType *)FT_TUPLE_GET(bases, i), t) < 0) {
            r = -1;
            break;
        }
    FT_CRIT_UNLOCK();
    return r;
}

/* ---- lookup and invalidation ---------------------------------------------- */

/* Deallocs look names up (__del__) while an exception may be propagating:
 * only an error raised by the lookup itself is dropped here (a class dict
 * key with a failing __eq__; with str keys that cannot happen). */
static void drop_new_error(FtObject *before)
{
    FtObject *now = ft_err_occurred();
    if (now != NULL && now != before)
        ft_err_clear();
}

static FtObject *find_in_mro(FtType *t, FtObject *name)
{
    FtObject *before = ft_err_occurred();
    if (t->tp_mro == NULL && !(t->tp_flags & FT_TPFLAGS_READY)) {
        ft_type_ready(t);
        drop_new_error(before);
    }
    ft_hash_t hash = ft_str_hash(name);
    FtObject *mro = t->tp_mro;
    FtObject *v = NULL;
    if (mro == NULL) {
        for (; t != NULL && v == NULL; t = t->tp_base)
            if (t->tp_dict != NULL)
                v = ft_dict_get_hashed(t->tp_dict, name, hash);
    } else {
        ssize_t n = FT_TUPLE_SIZE(mro);
        for (ssize_t i = 0; i < n && v == NULL; i++) {
            FtObject *dict = ((FtType *)FT_TUPLE_GET(mro, i))->tp_dict;
            if (dict != NULL)
                v = ft_dict_get_hashed(dict, name, hash);
        }
    }
    if (v == NULL) {
        drop_new_error(before);
        return NULL;
    }
    FT_DECREF(v); /* borrowed: the dict keeps it */
    return v;
}

/* Rewrites a cache entry. Without a GIL fillers race (lookups that miss
 * fill without the critical lock): one that finds the entry being written,
 * or loses the CAS, leaves it to the other. */
static void mcache_fill(FtMCacheEntry *e, uint64_t version, FtObject *name,
                        FtObject *value)
{
#if defined(FT_GIL_NONE)
    ft_atomic_t s = ft_atomic_load(&e->seq);
    /* Odd before the new fields can be seen: a full-barrier RMW. */
    if ((s & 1) || !ft_atomic_cas_full(&e->seq, s, s + 1))
        return;
    /* Release stores: a reader whose acquire load sees one of them then
     * sees the odd sequence number too, and retries. */
    ft_atomic_store_release((volatile ft_atomic_t *)&e->version, version);
    ft_atomic_store_ptr_release((void *volatile *)&e->name, name);
    ft_atomic_store_ptr_release((void *volatile *)&e->value, value);
    ft_atomic_store_release(&e->seq, s + 2);
#else
    e->version = version;
    e->name = name;
    e->value = value;
#endif
}

/* tp_version is read without the critical lock in free-threaded builds;
 * a release store, so that a lookup which reads the new version (acquire)
 * also sees the dict change, or the finished type, that came before it. */
static void set_version(FtType *t, uint64_t v)
{
#if defined(FT_GIL_NONE)
    ft_atomic_store_release((volatile ft_atomic_t *)&t->tp_version, v);
#else
    t->tp_version = v;
#endif
}

static FtObject *type_lookup_locked(FtType *t, FtObject *name)
{
    if (!FT_STR_CHECK(name))
        return NULL;
    if (FT_STR_CHECK_EXACT(name) && ((FtStrObject *)name)->interned &&
        t->tp_version != 0) {
        FtMCacheEntry *e = &ft_mcache[ft_mcache_index(t->tp_version, name)];
        if (e->version == t->tp_version && e->name == name)
            return e->value;
        FtObject *v = find_in_mro(t, name);
        mcache_fill(e, t->tp_version, name, v);
        return v;
    }
    return find_in_mro(t, name);
}

#if defined(FT_GIL_NONE)
/* A method-cache miss without the critical lock, so that threads missing
 * at once do not queue on it. Class dicts change only under the critical
 * lock, and each change is followed by a new version for the class and
 * its subclasses (release stores, set_version), so: the MRO walk reads
 * the dicts lock-free (what it finds stays alive until this thread's
 * next quiescent state, as class dicts defer their releases), and the
 * result goes into the cache only if the version it read first (acquire)
 * is still the type's afterwards. A type without a version yet (being
 * readied) takes the locked path. */
static int lookup_unlocked(FtType *t, FtObject *name, FtObject **out)
{
    uint64_t version =
        ft_atomic_load_acquire((const volatile ft_atomic_t *)&t->tp_version);
    if (version == 0 || !FT_STR_CHECK_EXACT(name))
        return 0;
    FtObject *v = find_in_mro(t, name);
    if (((FtStrObject *)name)->interned &&
        ft_atomic_load_acquire((const volatile ft_atomic_t *)&t->tp_version) ==
            version)
        mcache_fill(&ft_mcache[ft_mcache_index(version, name)], version, name,
                    v);
    *out = v;
    return 1;
}
#endif

/* The method cache entries, tp_version and the class dicts of heap types
 * change only under the critical lock (type_setattr, ft_type_modified),
 * so a lookup under it sees a consistent state. */
FtObject *ft_type_lookup(FtType *t, FtObject *name)
{
    FtObject *v;
#if defined(FT_GIL_NONE)
    if (ft_mcache_probe(t, name, &v) || lookup_unlocked(t, name, &v))
        return v;
#endif
    FT_CRIT_LOCK();
    v = type_lookup_locked(t, name);
    FT_CRIT_UNLOCK();
    return v;
}

#if defined(FT_GIL_NONE)
/* The lookup's result stays alive until this thread's next quiescent
 * state (class dicts defer releasing replaced values), so taking the
 * reference right after it is safe. */
FtObject *ft_type_lookup_ref(FtType *t, FtObject *name)
{
    FtObject *v = ft_type_lookup(t, name);
    if (v != NULL)
        FT_INCREF(v);
    return v;
}
#endif

static uint64_t new_version(void)
{
    uint64_t v;
    FT_CRIT_LOCK();
    v = next_version++;
    FT_CRIT_UNLOCK();
    return v;
}

void ft_type_modified(FtType *t)
{
    FT_CRIT_LOCK();
    set_version(t, next_version++);
    ssize_t n;
    FtType **subs = ft_type_subclasses(t, &n);
    for (ssize_t i = 0; i < n; i++)
        ft_type_modified(subs[i]);
    FT_CRIT_UNLOCK();
}

/* ---- names ------------------------------------------------------------------- */

static const char *short_name(FtType *t)
{
    const char *dot = strrchr(t->tp_name, '.');
    return dot != NULL ? dot + 1 : t->tp_name;
}

FtObject *ft_type_qualname(FtType *t)
{
    if (FT_IS_HEAPEXT(t) && ((FtHeapType *)t)->qualname != NULL)
        return FT_NEWREF(((FtHeapType *)t)->qualname);
    if (t->tp_name_obj != NULL)
        return FT_NEWREF(t->tp_name_obj);
    return ft_str_from_cstr(short_name(t));
}

FtObject *ft_type_module(FtType *t)
{
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE) {
        if (t->tp_dict != NULL) {
            FtObject *m = ft_dict_get(t->tp_dict, FT_ID(__module__));
            if (m != NULL)
                return m;
            if (ft_err_occurred())
                ft_err_clear();
        }
        return ft_str_intern_cstr("builtins");
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot != NULL)
        return ft_str_from_len(t->tp_name, dot - t->tp_name);
    return ft_str_intern_cstr("builtins");
}

/* ---- C3 linearisation ----------------------------------------------------- */

static int tail_contains(FtObject **seq, ssize_t head, ssize_t len, FtObject *c)
{
    for (ssize_t k = head + 1; k < len; k++)
        if (seq[k] == c)
            return 1;
    return 0;
}

static void mro_error(FtObject ***seqs, ssize_t *heads, ssize_t *lens,
                      ssize_t nseq)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ft_sb_append_cstr(&sb, "Cannot create a consistent method resolution\n"
                           "order (MRO) for bases ");
    int first = 1;
    for (ssize_t i = 0; i < nseq; i++) {
        if (heads[i] >= lens[i])
            continue;
        FtObject *c = seqs[i][heads[i]];
        int seen = 0;
        for (ssize_t j = 0; j < i && !seen; j++)
            seen = heads[j] < lens[j] && seqs[j][heads[j]] == c;
        if (seen)
            continue;
        if (!first)
            ft_sb_append_cstr(&sb, ", ");
        ft_sb_append_cstr(&sb, short_name((FtType *)c));
        first = 0;
    }
    FtObject *msg = ft_sb_finish(&sb);
    if (msg != NULL) {
        ft_err_set_value(FtExc_TypeError, msg);
        FT_DECREF(msg);
    }
}

/* mro(t) = [t] + merge(mro(b1), ..., mro(bn), [b1, ..., bn]) */
static FtObject *compute_mro(FtType *t)
{
    FtObject *bases = t->tp_bases;
    ssize_t nb = FT_TUPLE_SIZE(bases), nseq = nb + 1, total = 1;
    for (ssize_t i = 0; i < nb; i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(bases, i);
        if (b->tp_mro == NULL && ft_type_ready(b) < 0)
            return NULL;
        if (b->tp_mro == NULL) {
            ft_err_format(FtExc_TypeError, "base '%s' is not ready", b->tp_name);
            return NULL;
        }
        total += FT_TUPLE_SIZE(b->tp_mro);
    }
    FtObject ***seqs = ft_mem_alloc((size_t)nseq * sizeof(FtObject **));
    ssize_t *heads = ft_mem_calloc((size_t)nseq, sizeof(ssize_t));
    ssize_t *lens = ft_mem_alloc((size_t)nseq * sizeof(ssize_t));
    FtObject **out = ft_mem_alloc((size_t)total * sizeof(FtObject *));
    FtObject *result = NULL;
    if (seqs == NULL || heads == NULL || lens == NULL || out == NULL)
        goto done;
    for (ssize_t i = 0; i < nb; i++) {
        FtObject *m = ((FtType *)FT_TUPLE_GET(bases, i))->tp_mro;
        seqs[i] = ((FtTupleObject *)m)->items;
        lens[i] = FT_TUPLE_SIZE(m);
    }
    seqs[nb] = ((FtTupleObject *)bases)->items;
    lens[nb] = nb;

    ssize_t nout = 0;
    out[nout++] = (FtObject *)t;
    for (;;) {
        int remaining = 0, progressed = 0;
        for (ssize_t i = 0; i < nseq; i++) {
            if (heads[i] >= lens[i])
                continue;
            remaining = 1;
            FtObject *c = seqs[i][heads[i]];
            int bad = 0;
            for (ssize_t j = 0; j < nseq && !bad; j++)
                bad = tail_contains(seqs[j], heads[j], lens[j], c);
            if (bad)
                continue;
            out[nout++] = c;
            for (ssize_t j = 0; j < nseq; j++)
                if (heads[j] < lens[j] && seqs[j][heads[j]] == c)
                    heads[j]++;
            progressed = 1;
            break;
        }
        if (!remaining)
            break;
        if (!progressed) {
            mro_error(seqs, heads, lens, nseq);
            goto done;
        }
    }
    result = ft_tuple_from_array(out, nout);
done:
    ft_mem_free(seqs);
    ft_mem_free(heads);
    ft_mem_free(lens);
    ft_mem_free(out);
    return result;
}

/* ---- readying static types ---------------------------------------------------- */

static int dict_set_new(FtObject *dict, const char *name, FtObject *value)
{
    if (value == NULL)
        return -1;
    int r = ft_dict_set_str(dict, name, value);
    FT_DECREF(value);
    return r;
}

static int add_methods(FtType *t)
{
    for (FtMethodDef *def = t->tp_methods; def != NULL && def->name != NULL;
         def++) {
        FtObject *key = ft_str_intern_cstr(def->name);
        if (key == NULL)
            return -1;
        int has = ft_dict_contains(t->tp_dict, key);
        FT_DECREF(key);
        if (has != 0) {
            if (has < 0)
                return -1;
            continue;
        }
        FtObject *v, *inner;
        if (def->flags & FT_METH_STATIC) {
            inner = ft_cfunction_new(def, NULL);
            v = inner != NULL ? ft_staticmethod_new(inner) : NULL;
            FT_XDECREF(inner);
        } else if (def->flags & FT_METH_CLASS) {
            inner = ft_methoddescr_new(t, def);
            v = inner != NULL ? ft_classmethod_new(inner) : NULL;
            FT_XDECREF(inner);
        } else {
            v = ft_methoddescr_new(t, def);
        }
        if (dict_set_new(t->tp_dict, def->name, v) < 0)
            return -1;
    }
    return 0;
}

static int add_getset(FtType *t)
{
    for (FtGetSetDef *def = t->tp_getset; def != NULL && def->name != NULL;
         def++) {
        FtObject *key = ft_str_intern_cstr(def->name);
        if (key == NULL)
            return -1;
        int has = ft_dict_contains(t->tp_dict, key);
        FT_DECREF(key);
        if (has != 0) {
            if (has < 0)
                return -1;
            continue;
        }
        if (dict_set_new(t->tp_dict, def->name, ft_getsetdescr_new(t, def)) < 0)
            return -1;
    }
    return 0;
}

/* Types of this file's own objects that the integrator may not list. */
static FtType *const internal_types[] = {
    &FtType_Type,        &FtNone_Type,        &FtNotImplemented_Type,
    &FtEllipsis_Type,    &FtCFunction_Type,   &FtMethodDescr_Type,
    &FtGetSetDescr_Type, &FtWrapperDescr_Type, &FtMethod_Type,
    &FtStaticMethod_Type, &FtClassMethod_Type, &FtProperty_Type,
    &FtSuper_Type,       &FtModule_Type,
};

static int type_ready(FtType *t);

#ifdef FT_DEBUG
/* References a static type keeps for good once ready (its dict, MRO,
 * method descriptors): measured as the debug total's change across the
 * outermost ft_type_ready of a static type, exact with a GIL. C modules
 * ready their types on first import, after runtime/init.c took its start
 * value, so the exit check leaves these out as it does interned strings. */
static ssize_t static_type_refs;
static __thread int ready_depth;

ssize_t ft_type_static_refs(void) { return static_type_refs; }

/* The total without interned strings (the names in the type's dict),
 * which the exit check already leaves out. */
static ssize_t total_but_interned(void)
{
    FT_CRIT_LOCK(); /* the intern table changes only under it */
    ssize_t n = ft_atomic_load_ssize(&ft_rc_total) - ft_str_intern_refs();
    FT_CRIT_UNLOCK();
    return n;
}
#endif

int ft_type_ready(FtType *t)
{
    if (t->tp_flags & (FT_TPFLAGS_READY | FT_TPFLAGS_READYING))
        return 0;
#ifdef FT_DEBUG
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE) && ready_depth == 0) {
        ssize_t before = total_but_interned();
        ready_depth++;
        int r = type_ready(t);
        ready_depth--;
        static_type_refs += total_but_interned() - before;
        return r;
    }
#endif
    return type_ready(t);
}

static int type_ready(FtType *t)
{
    t->tp_flags |= FT_TPFLAGS_READYING;
    if (t->ob_base.ob_type == NULL) {
        t->ob_base.ob_type = &FtType_Type;
        ft_rc_init((FtObject *)t);
    }
    FtType *base = t->tp_base;
    if (base == NULL && t != &FtBaseObject_Type)
        base = t->tp_base = &FtBaseObject_Type;
    if (base != NULL && !(base->tp_flags & FT_TPFLAGS_READY) &&
        ft_type_ready(base) < 0)
        goto fail;
    if (t->tp_dict == NULL && (t->tp_dict = ft_dict_new()) == NULL)
        goto fail;
    if (add_methods(t) < 0 || add_getset(t) < 0 || ft_slots_add_wrappers(t) < 0)
        goto fail;
    int has = ft_dict_contains(t->tp_dict, FT_ID(__doc__));
    if (has < 0)
        goto fail;
    if (!has) {
        FtObject *doc = t->tp_doc != NULL ? ft_str_from_cstr(t->tp_doc)
                                          : FT_NEWREF(FT_None);
        if (dict_set_new(t->tp_dict, "__doc__", doc) < 0)
            goto fail;
    }
    if (t->tp_bases == NULL) {
        t->tp_bases = base != NULL ? ft_tuple_pack(1, (FtObject *)base)
                                   : ft_tuple_new(0);
        if (t->tp_bases == NULL)
            goto fail;
    }
    if (base != NULL) {
        if (t->tp_basicsize == 0) {
            t->tp_basicsize = base->tp_basicsize;
            t->tp_itemsize = base->tp_itemsize;
        }
        if (t->tp_dictoffset == 0)
            t->tp_dictoffset = base->tp_dictoffset;
        ft_slots_inherit(t, base);
        t->tp_flags |= base->tp_flags & FT_TPFLAGS_SUBCLASS_MASK;
    }
    if (t->tp_hash == NULL || t->tp_hash == ft_object_hash_not_implemented) {
        /* list.__hash__ is None, so subclasses see "unhashable" too */
        has = ft_dict_contains(t->tp_dict, FT_ID(__hash__));
        if (has < 0 ||
            (!has && ft_dict_set(t->tp_dict, FT_ID(__hash__), FT_None) < 0))
            goto fail;
    }
    if (t->tp_mro == NULL && (t->tp_mro = compute_mro(t)) == NULL)
        goto fail;
    if (register_subclass(t) < 0)
        goto fail;
    set_version(t, new_version());
    t->tp_flags = (t->tp_flags & ~FT_TPFLAGS_READYING) | FT_TPFLAGS_READY;
    ft_deferred_mark((FtObject *)t); /* shared by threads */
    if (t == &FtBaseObject_Type) {
        for (size_t i = 0; i < sizeof internal_types / sizeof internal_types[0];
             i++)
            if (ft_type_ready(internal_types[i]) < 0)
                return -1;
    }
    return 0;
fail:
    t->tp_flags &= ~FT_TPFLAGS_READYING;
    return -1;
}

/* ---- instances of classes ------------------------------------------------------ */

/* Objects resurrected by their __del__: it never runs twice (PEP 442).
 * Resurrection is rare, so a plain array will do; any thread may free a
 * resurrected object, so the array is shared, under its own lock, and
 * n_resurrected is also read without it to skip the lock when empty. */
static FtMutex resurrected_lock = FT_MUTEX_INIT;
static FtObject **resurrected;
static ft_atomic_t n_resurrected;
static size_t cap_resurrected;

static int forget_resurrected(FtObject *self)
{
    int found = 0;
    ft_mutex_lock(&resurrected_lock);
    size_t n = (size_t)ft_atomic_load(&n_resurrected);
    for (size_t i = 0; i < n; i++) {
        if (resurrected[i] == self) {
            resurrected[i] = resurrected[n - 1];
            ft_atomic_store(&n_resurrected, n - 1);
            found = 1;
            break;
        }
    }
    ft_mutex_unlock(&resurrected_lock);
    return found;
}

static void remember_resurrected(FtObject *self)
{
    ft_mutex_lock(&resurrected_lock);
    size_t n = (size_t)ft_atomic_load(&n_resurrected);
    if (n == cap_resurrected) {
        size_t ncap = cap_resurrected ? cap_resurrected * 2 : 8;
        /* realloc, not ft_mem_realloc: no exception can be raised here. */
        FtObject **a = realloc(resurrected, ncap * sizeof *a);
        if (a == NULL) {
            ft_mutex_unlock(&resurrected_lock);
            return;
        }
        resurrected = a;
        cap_resurrected = ncap;
    }
    resurrected[n] = self;
    ft_atomic_store(&n_resurrected, n + 1);
    ft_mutex_unlock(&resurrected_lock);
}

/* Calls self.__del__() (the caller holds a reference), reporting an
 * exception as CPython does. */
static void run_del(FtObject *self)
{
    /* a dealloc can run while an exception propagates: keep it */
    FtObject *saved = ft_err_fetch();
    FtObject *r = ft_call_special(self, FT_ID(__del__), NULL, 0, NULL, NULL);
    if (r == NULL) {
        FtObject *f = ft_type_lookup_ref(FT_TYPE(self), FT_ID(__del__));
        FtObject *exc = ft_err_fetch();
        FtObject *fr = f != NULL ? ft_object_repr(f) : NULL;
        FT_XDECREF(f);
        if (fr == NULL)
            ft_err_clear();
        ft_sys_write_stderr_cstr("Exception ignored in: ");
        ft_sys_write_stderr_cstr(fr != NULL ? ft_str_cstr(fr) : "__del__");
        ft_sys_write_stderr_cstr("\n");
        FT_XDECREF(fr);
        ft_err_restore(exc);
        ft_err_print();
    }
    FT_XDECREF(r);
    ft_err_restore(saved);
}

/* Runs self.__del__() with self temporarily alive again. Returns 1 if the
 * object was resurrected (__del__ stored a reference somewhere) or is
 * being freed by the nested dealloc this triggers, so the caller must not
 * touch it any more; 0 to go on freeing it. A tracked object remembers
 * that its finalizer ran in its collector pre-header (also when the
 * collector ran it), others in the resurrected array. */
static int call_finalizer(FtObject *self)
{
    if (self == ft_dealloc_finalized ||
        ft_type_lookup_fast(FT_TYPE(self), FT_ID(__del__)) == NULL)
        return 0;
    int gc = ft_gc_is_gc(self);
    if (gc) {
        if (FT_GC_HEAD(self)->bits & FT_GC_FINALIZED)
            return 0;
        FT_GC_HEAD(self)->bits |= FT_GC_FINALIZED;
    } else if (ft_atomic_load(&n_resurrected) != 0 &&
               forget_resurrected(self)) {
        return 0;
    }
    ft_rc_init(self);
    ft_weakref_mark(self); /* rc_init reset the biased weakref state */
    run_del(self);
    if (ft_refcnt(self) > 1) {
        if (gc)
            ft_gc_track(self); /* ft_dealloc untracked it */
        else
            remember_resurrected(self);
    }
    FtObject *prev = ft_dealloc_finalized;
    ft_dealloc_finalized = self;
    FT_DECREF(self); /* frees it here unless __del__ resurrected it */
    ft_dealloc_finalized = prev;
    return 1;
}

/* The C base whose dealloc releases the instance's C fields. */
static void subtype_dealloc(FtObject *self)
{
    if (call_finalizer(self))
        return;
    ft_weakref_clear(self);
    FtType *t = FT_TYPE(self);
    FtType *b = t;
    while (b->tp_dealloc == subtype_dealloc)
        b = b->tp_base;
    if (t->tp_dictoffset != 0 && b->tp_dictoffset == 0) {
        /* the dict slot was added by a class: release it here */
        FtObject **dp = ft_object_dict_ptr(self);
        FT_CLEAR(*dp);
    }
    b->tp_dealloc(self); /* ends in ft_object_free, which drops t */
}

/* The collector's slots for instances of classes: the class (each
 * instance holds a reference to it), the dict slot a class added, then
 * the C base's own references. */
static FtType *c_base(FtType *t)
{
    while (t->tp_dealloc == subtype_dealloc)
        t = t->tp_base;
    return t;
}

static int subtype_traverse(FtObject *self, ft_visitproc visit, void *arg)
{
    FtType *t = FT_TYPE(self), *b = c_base(t);
    if (t->tp_dictoffset != 0 && b->tp_dictoffset == 0)
        FT_VISIT(*ft_object_dict_ptr(self));
    FT_VISIT(t);
    return b->tp_traverse != NULL ? b->tp_traverse(self, visit, arg) : 0;
}

/* Only on garbage: no other thread can be reading the dict slot. */
static int subtype_clear(FtObject *self)
{
    FtType *t = FT_TYPE(self), *b = c_base(t);
    if (t->tp_dictoffset != 0 && b->tp_dictoffset == 0)
        FT_CLEAR(*ft_object_dict_ptr(self));
    return b->tp_clear != NULL ? b->tp_clear(self) : 0;
}

/* The collector's finalizer call; the caller holds a reference and has
 * marked the object finalized. */
static int subtype_finalize(FtObject *self)
{
    if (ft_type_lookup_fast(FT_TYPE(self), FT_ID(__del__)) == NULL)
        return 0;
    run_del(self);
    return 1;
}

static FtObject *subtype_get_dict(FtObject *self)
{
    FtObject **dp = ft_object_dict_ptr(self);
    if (dp == NULL)
        return ft_attribute_error(self, FT_ID(__dict__));
    FtObject *d = ft_object_dict_get_or_create(dp);
    return d != NULL ? FT_NEWREF(d) : NULL;
}

static int subtype_set_dict(FtObject *self, FtObject *value)
{
    FtObject **dp = ft_object_dict_ptr(self);
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (dp == NULL || !FT_DICT_CHECK(value)) {
        ft_err_format(FtExc_TypeError,
                      "__dict__ must be set to a dictionary, not a '%s'",
                      tname(value));
        return -1;
    }
    ft_object_dict_replace(dp, FT_NEWREF(value));
    return 0;
}

static FtGetSetDef subtype_dict_getset = {"__dict__", subtype_get_dict,
                                          subtype_set_dict};

/* ---- creating classes --------------------------------------------------------- */

static size_t align_ptr(size_t n)
{
    return (n + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
}

/* t lays out more than base's fields (a dict slot added by a class does not
 * count): such a type constrains multiple inheritance. */
static int extra_ivars(FtType *t, FtType *base)
{
    if (t->tp_itemsize != base->tp_itemsize)
        return 1;
    ssize_t size = t->tp_basicsize;
    if (FT_IS_HEAPEXT(t) && t->tp_dictoffset != 0 && base->tp_dictoffset == 0 &&
        (size_t)size == align_ptr((size_t)base->tp_basicsize) + sizeof(void *))
        return 0;
    return size != base->tp_basicsize;
}

static FtType *solid_base(FtType *t)
{
    if (t->tp_base == NULL)
        return t;
    FtType *b = solid_base(t->tp_base);
    return extra_ivars(t, t->tp_base) ? t : b;
}

static FtType *best_base(FtObject *bases)
{
    FtType *winner = NULL, *base = NULL;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(bases); i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(bases, i);
        FtType *candidate = solid_base(b);
        if (winner == NULL) {
            winner = candidate;
            base = b;
        } else if (ft_type_is_subtype(winner, candidate)) {
            continue;
        } else if (ft_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = b;
        } else {
            ft_err_set_string(FtExc_TypeError,
                              "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static FtType *calculate_metaclass(FtType *meta, FtObject *bases)
{
    FtType *winner = meta;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(bases); i++) {
        FtType *tmp = FT_TYPE(FT_TUPLE_GET(bases, i));
        if (ft_type_is_subtype(winner, tmp))
            continue;
        if (ft_type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        ft_err_set_string(FtExc_TypeError,
                          "metaclass conflict: the metaclass of a derived class "
                          "must be a (non-strict) subclass of the metaclasses "
                          "of all its bases");
        return NULL;
    }
    return winner;
}

static int check_bases(FtObject *bases)
{
    ssize_t n = FT_TUPLE_SIZE(bases);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *b = FT_TUPLE_GET(bases, i);
        if (!FT_TYPE_CHECK(b)) {
            ft_err_set_string(FtExc_TypeError, "bases must be types");
            return -1;
        }
        FtType *bt = (FtType *)b;
        if (!(bt->tp_flags & (FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HEAPTYPE |
                              FT_TPFLAGS_EXC_SUBCLASS))) {
            ft_err_format(FtExc_TypeError,
                          "type '%s' is not an acceptable base type",
                          bt->tp_name);
            return -1;
        }
        if (!(bt->tp_flags & FT_TPFLAGS_READY) && ft_type_ready(bt) < 0)
            return -1;
        for (ssize_t j = 0; j < i; j++) {
            if (FT_TUPLE_GET(bases, j) == b) {
                ft_err_format(FtExc_TypeError, "duplicate base class %s",
                              short_name(bt));
                return -1;
            }
        }
    }
    return 0;
}

/* Replaces a plain function stored under name by ctor(function). */
static int wrap_implicit(FtObject *dict, FtObject *name,
                         FtObject *(*ctor)(FtObject *))
{
    FtObject *v = ft_dict_get(dict, name);
    if (v == NULL)
        return ft_err_occurred() ? -1 : 0;
    int r = 0;
    if (FT_TYPE(v) == &FtFunction_Type) {
        FtObject *w = ctor(v);
        r = w != NULL ? ft_dict_set(dict, name, w) : -1;
        FT_XDECREF(w);
    }
    FT_DECREF(v);
    return r;
}

static int set_class_names(FtHeapType *ht, FtObject *name)
{
    FtType *t = &ht->type;
    FtObject *dict = t->tp_dict;
    t->tp_name_obj = FT_NEWREF(name);
    t->tp_name = ft_str_cstr(name);

    FtObject *qn = ft_dict_get(dict, FT_ID(__qualname__));
    if (qn != NULL) {
        if (!FT_STR_CHECK(qn)) {
            ft_err_format(FtExc_TypeError,
                          "type __qualname__ must be a str, not %s", tname(qn));
            FT_DECREF(qn);
            return -1;
        }
        ht->qualname = qn;
        if (ft_dict_del(dict, FT_ID(__qualname__)) < 0)
            return -1;
    } else {
        if (ft_err_occurred())
            return -1;
        ht->qualname = FT_NEWREF(name);
    }

    int has = ft_dict_contains(dict, FT_ID(__module__));
    if (has < 0)
        return -1;
    if (!has) {
        FtObject *globals = ft_eval_globals();
        if (globals != NULL) {
            FtObject *mod = ft_dict_get(globals, FT_ID(__name__));
            if (mod != NULL) {
                int r = ft_dict_set(dict, FT_ID(__module__), mod);
                FT_DECREF(mod);
                if (r < 0)
                    return -1;
            } else if (ft_err_occurred()) {
                return -1;
            }
        }
    }
    has = ft_dict_contains(dict, FT_ID(__doc__));
    if (has < 0 || (!has && ft_dict_set(dict, FT_ID(__doc__), FT_None) < 0))
        return -1;
    return 0;
}

static int set_layout(FtType *t, FtType *base)
{
    t->tp_basicsize = base->tp_basicsize;
    t->tp_itemsize = base->tp_itemsize;
    t->tp_dictoffset = base->tp_dictoffset;
    if (t->tp_dictoffset != 0)
        return 0;
    /* str and tuple keep their items inline without an item size we could
     * place a dict after: their subclasses get no instance dict */
    if (base->tp_itemsize == 0 &&
        (base->tp_flags & (FT_TPFLAGS_STR_SUBCLASS | FT_TPFLAGS_TUPLE_SUBCLASS)))
        return 0;
    if (t->tp_itemsize != 0) {
        /* var-size: the dict is the last word after the items */
        t->tp_dictoffset = -(ssize_t)sizeof(FtObject *);
        t->tp_basicsize += (ssize_t)sizeof(FtObject *);
    } else {
        t->tp_basicsize = (ssize_t)align_ptr((size_t)t->tp_basicsize);
        t->tp_dictoffset = t->tp_basicsize;
        t->tp_basicsize += (ssize_t)sizeof(FtObject *);
    }
    FtObject *d = ft_getsetdescr_new(t, &subtype_dict_getset);
    if (d == NULL)
        return -1;
    int has = ft_dict_contains(t->tp_dict, FT_ID(__dict__));
    int r = has < 0 ? -1 : has ? 0 : ft_dict_set(t->tp_dict, FT_ID(__dict__), d);
    FT_DECREF(d);
    return r;
}

/* Calls value.__set_name__(t, key) for every class attribute that has it. */
static int call_set_names(FtType *t)
{
    FtObject *items = ft_dict_items_list(t->tp_dict);
    if (items == NULL)
        return -1;
    int r = 0;
    for (ssize_t i = 0; i < FT_LIST_SIZE(items) && r == 0; i++) {
        FtObject *pair = FT_LIST_ITEMS(items)[i];
        FtObject *value = FT_TUPLE_GET(pair, 1);
        if (ft_type_lookup_fast(FT_TYPE(value), FT_ID(__set_name__)) == NULL)
            continue;
        FtObject *args[2] = {(FtObject *)t, FT_TUPLE_GET(pair, 0)};
        FtObject *res =
            ft_call_special(value, FT_ID(__set_name__), args, 2, NULL, NULL);
        if (res == NULL)
            r = -1;
        FT_XDECREF(res);
    }
    FT_DECREF(items);
    return r;
}

/* super(t, t).__init_subclass__(**kw), skipping object's no-op; kw are the
 * class statement's keywords (kwvalues[i] named by kwnames[i]). */
static int call_init_subclass(FtType *t, FtObject *const *kwvalues,
                              FtObject *kwnames)
{
    FtObject *mro = t->tp_mro;
    for (ssize_t i = 1; i < FT_TUPLE_SIZE(mro); i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(mro, i);
        if (b == &FtBaseObject_Type)
            break;
        if (b->tp_dict == NULL)
            continue;
        FtObject *f = ft_dict_get(b->tp_dict, FT_ID(__init_subclass__));
        if (f == NULL) {
            if (ft_err_occurred())
                return -1;
            continue;
        }
        FtObject *bound;
        if (FT_TYPE(f)->tp_descr_get != NULL)
            bound = FT_TYPE(f)->tp_descr_get(f, NULL, (FtObject *)t);
        else
            bound = FT_NEWREF(f);
        FT_DECREF(f);
        if (bound == NULL)
            return -1;
        FtObject *r = ft_call(bound, kwvalues, 0, kwnames);
        FT_DECREF(bound);
        if (r == NULL)
            return -1;
        FT_DECREF(r);
        return 0;
    }
    /* object.__init_subclass__ takes no keywords */
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError,
                      "%s.__init_subclass__() takes no keyword arguments",
                      t->tp_name);
        return -1;
    }
    return 0;
}

static FtObject *type_new_impl(FtType *meta, FtObject *name, FtObject *bases,
                               FtObject *ns, FtObject *const *kwvalues,
                               FtObject *kwnames)
{
    if (FT_TUPLE_SIZE(bases) == 0)
        bases = ft_tuple_pack(1, (FtObject *)&FtBaseObject_Type);
    else
        FT_INCREF(bases);
    if (bases == NULL)
        return NULL;
    FtType *base;
    if (check_bases(bases) < 0 || (base = best_base(bases)) == NULL) {
        FT_DECREF(bases);
        return NULL;
    }
    FtHeapType *ht = (FtHeapType *)ft_object_new(meta);
    if (ht == NULL) {
        FT_DECREF(bases);
        return NULL;
    }
    FtType *t = &ht->type;
    t->tp_flags = FT_TPFLAGS_HEAPTYPE | FT_TPFLAGS_BASETYPE |
                  FT_TPFLAGS_HEAPEXT | FT_TPFLAGS_READYING |
                  (base->tp_flags & FT_TPFLAGS_SUBCLASS_MASK);
    t->tp_bases = bases;
    t->tp_base = (FtType *)FT_NEWREF(base);
    t->tp_dealloc = subtype_dealloc;
    FtType *cb = c_base(base);
    if (cb == &FtBaseObject_Type || (cb->tp_flags & FT_TPFLAGS_HAVE_GC)) {
        /* instances can be in cycles; other C bases (int, str...) free
         * their instances their own way, without the pre-header */
        t->tp_flags |= FT_TPFLAGS_HAVE_GC;
        t->tp_traverse = subtype_traverse;
        t->tp_clear = subtype_clear;
        t->tp_finalize = subtype_finalize;
    }
    t->tp_dict = ft_dict_copy(ns);
    if (t->tp_dict == NULL || set_class_names(ht, name) < 0)
        goto fail;

    FtObject *dict = t->tp_dict;
    static FtObject *class_getitem;
    if (intern_once(&class_getitem, "__class_getitem__") == NULL ||
        wrap_implicit(dict, FT_ID(__new__), ft_staticmethod_new) < 0 ||
        wrap_implicit(dict, FT_ID(__init_subclass__), ft_classmethod_new) < 0 ||
        wrap_implicit(dict, class_getitem, ft_classmethod_new) < 0)
        goto fail;
    /* defining __eq__ without __hash__ makes instances unhashable */
    int has_eq = ft_dict_contains(dict, FT_ID(__eq__));
    int has_hash = ft_dict_contains(dict, FT_ID(__hash__));
    if (has_eq < 0 || has_hash < 0 ||
        (has_eq && !has_hash && ft_dict_set(dict, FT_ID(__hash__), FT_None) < 0))
        goto fail;
    if (set_layout(t, base) < 0)
        goto fail;
    if ((t->tp_mro = compute_mro(t)) == NULL)
        goto fail;
    set_version(t, new_version());
    ft_slots_fixup(t);
    if (register_subclass(t) < 0)
        goto fail;
    t->tp_flags = (t->tp_flags & ~FT_TPFLAGS_READYING) | FT_TPFLAGS_READY;
    if (call_set_names(t) < 0 || call_init_subclass(t, kwvalues, kwnames) < 0) {
        FT_DECREF(t);
        return NULL;
    }
    ft_deferred_mark((FtObject *)t); /* shared by threads */
    return (FtObject *)t;
fail:
    t->tp_flags &= ~FT_TPFLAGS_READYING;
    FT_DECREF(t);
    return NULL;
}

FtObject *ft_type_new_class(FtObject *name, FtObject *bases, FtObject *ns)
{
    FtObject *owned = NULL;
    if (bases == NULL)
        bases = owned = ft_tuple_new(0);
    if (bases == NULL)
        return NULL;
    FtObject *r = NULL;
    FtType *meta = calculate_metaclass(&FtType_Type, bases);
    if (meta == &FtType_Type) {
        r = type_new_impl(meta, name, bases, ns, NULL, NULL);
    } else if (meta != NULL) {
        /* a metaclass may override __new__ / __init__ / __call__ */
        FtObject *args[3] = {name, bases, ns};
        r = ft_call((FtObject *)meta, args, 3, NULL);
    }
    FT_XDECREF(owned);
    return r;
}

/* ---- the type object's slots ------------------------------------------------- */

static void type_dealloc(FtObject *o)
{
    FtType *t = (FtType *)o;
    if (!FT_IS_HEAPEXT(t))
        return; /* static types are never freed */
    ft_weakref_clear(o);
    ft_deferred_forget(o);
    FtObject *bases = t->tp_bases;
    FT_CRIT_LOCK();
    for (ssize_t i = 0; bases != NULL && i < FT_TUPLE_SIZE(bases); i++)
        sub_remove((FtType *)FT_TUPLE_GET(bases, i), t);
    FT_CRIT_UNLOCK();
    FT_CLEAR(t->tp_dict);
    FT_CLEAR(t->tp_bases);
    FT_CLEAR(t->tp_mro);
    FT_CLEAR(t->tp_base);
    FT_CLEAR(t->tp_name_obj);
    FT_CLEAR(((FtHeapType *)t)->qualname);
    ft_object_free(o);
}

/* Heap types only (static ones have no pre-header and are never
 * tracked). The metatype's reference is subtype_traverse's to visit. The
 * subclass registry holds no references. */
static int type_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtType *t = (FtType *)o;
    if (!FT_IS_HEAPEXT(t))
        return 0;
    FT_VISIT(t->tp_dict);
    FT_VISIT(t->tp_bases);
    FT_VISIT(t->tp_mro);
    FT_VISIT(t->tp_base);
    FT_VISIT(t->tp_name_obj);
    FT_VISIT(((FtHeapType *)t)->qualname);
    return 0;
}

/* A class always refers to itself through its MRO: keep only the bases
 * there, and empty its dict. */
static int type_gc_clear(FtObject *o)
{
    FtType *t = (FtType *)o;
    if (!FT_IS_HEAPEXT(t))
        return 0;
    FtObject *mro = t->tp_mro;
    if (mro != NULL && FT_TUPLE_SIZE(mro) > 0 && FT_TUPLE_GET(mro, 0) == o) {
        FtObject *rest = ft_tuple_slice(mro, 1, FT_TUPLE_SIZE(mro));
        if (rest == NULL) {
            ft_err_clear();
        } else {
            t->tp_mro = rest;
            FT_DECREF(mro);
        }
    }
    if (t->tp_dict != NULL)
        ft_dict_clear(t->tp_dict);
    ft_type_modified(t);
    return 0;
}

static FtObject *type_repr(FtObject *o)
{
    FtType *t = (FtType *)o;
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE))
        return ft_str_from_format("<class '%s'>", t->tp_name);
    FtObject *mod = ft_type_module(t), *qn = ft_type_qualname(t), *r;
    if (qn == NULL) {
        FT_XDECREF(mod);
        return NULL;
    }
    if (mod != NULL && FT_STR_CHECK(mod) && !ft_str_eq_cstr(mod, "builtins"))
        r = ft_str_from_format("<class '%U.%U'>", mod, qn);
    else
        r = ft_str_from_format("<class '%U'>", qn);
    FT_XDECREF(mod);
    FT_DECREF(qn);
    return r;
}

static FtObject *type_call(FtObject *callable, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    FtType *t = (FtType *)callable;
    if (t == &FtType_Type && nargs == 1 && kwnames == NULL)
        return FT_NEWREF(FT_TYPE(args[0]));
    if (t->tp_new == NULL) {
        ft_err_format(FtExc_TypeError, "cannot create '%s' instances",
                      t->tp_name);
        return NULL;
    }
    FtObject *obj = t->tp_new(t, args, nargs, kwnames);
    if (obj == NULL)
        return NULL;
    FtType *ot = FT_TYPE(obj);
    if (ot != t && !ft_type_is_subtype(ot, t))
        return obj; /* __new__ returned something else: no __init__ */
    if (ot->tp_init != NULL && ot->tp_init(obj, args, nargs, kwnames) < 0) {
        FT_DECREF(obj);
        return NULL;
    }
    return obj;
}

static FtObject *type_tp_new(FtType *meta, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    size_t nkw = kwnames != NULL ? (size_t)FT_TUPLE_SIZE(kwnames) : 0;
    if (meta == &FtType_Type && nargs == 1 && nkw == 0)
        return FT_NEWREF(FT_TYPE(args[0]));
    if (nargs != 3) {
        if (meta == &FtType_Type)
            ft_err_set_string(FtExc_TypeError, "type() takes 1 or 3 arguments");
        else
            ft_err_format(FtExc_TypeError,
                          "type.__new__() takes exactly 3 arguments (%zd given)",
                          (ssize_t)(nargs + nkw));
        return NULL;
    }
    static const char *const what[] = {"str", "tuple", "dict"};
    int ok[3] = {FT_STR_CHECK(args[0]), FT_TUPLE_CHECK(args[1]),
                 FT_DICT_CHECK(args[2])};
    for (int i = 0; i < 3; i++) {
        if (!ok[i]) {
            ft_err_format(FtExc_TypeError,
                          "type.__new__() argument %d must be %s, not %s", i + 1,
                          what[i], tname(args[i]));
            return NULL;
        }
    }
    FtType *winner = calculate_metaclass(meta, args[1]);
    if (winner == NULL)
        return NULL;
    if (winner != meta && winner->tp_new != type_tp_new)
        return winner->tp_new(winner, args, nargs, kwnames);
    return type_new_impl(winner, args[0], args[1], args[2], args + 3,
                         nkw != 0 ? kwnames : NULL);
}

static int type_init(FtObject *self, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    if (nargs != 1 && nargs != 3) {
        ft_err_set_string(FtExc_TypeError,
                          "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static FtObject *type_getattr(FtObject *o, FtObject *name)
{
    FtType *t = (FtType *)o, *meta = FT_TYPE(o);
    if (!FT_STR_CHECK(name)) {
        ft_err_format(FtExc_TypeError, "attribute name must be string, not '%s'",
                      tname(name));
        return NULL;
    }
    FtObject *ma = ft_type_lookup_ref(meta, name), *r;
    ft_descrgetfunc mget = NULL;
    if (ma != NULL) {
        mget = FT_TYPE(ma)->tp_descr_get;
        if (mget != NULL && FT_TYPE(ma)->tp_descr_set != NULL) {
            r = mget(ma, o, (FtObject *)meta);
            FT_DECREF(ma);
            return r;
        }
    }
    FtObject *attr = ft_type_lookup_ref(t, name);
    if (attr != NULL) {
        FT_XDECREF(ma);
        ft_descrgetfunc get = FT_TYPE(attr)->tp_descr_get;
        if (get != NULL) {
            r = get(attr, NULL, o);
            FT_DECREF(attr);
            return r;
        }
        return attr;
    }
    if (mget != NULL) {
        r = mget(ma, o, (FtObject *)meta);
        FT_DECREF(ma);
        return r;
    }
    if (ma != NULL)
        return ma;
    return ft_attribute_error(o, name);
}

static int immutable_error(FtType *t, FtObject *name)
{
    ft_err_format(FtExc_TypeError,
                  "cannot set '%U' attribute of immutable type '%s'", name,
                  t->tp_name);
    return -1;
}

static int type_setattr(FtObject *o, FtObject *name, FtObject *value)
{
    FtType *t = (FtType *)o;
    if (!FT_STR_CHECK(name)) {
        ft_err_format(FtExc_TypeError, "attribute name must be string, not '%s'",
                      tname(name));
        return -1;
    }
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE))
        return immutable_error(t, name);
    FtObject *ma = ft_type_lookup_ref(FT_TYPE(o), name);
    if (ma != NULL) {
        if (FT_TYPE(ma)->tp_descr_set != NULL) {
            int r = FT_TYPE(ma)->tp_descr_set(ma, o, value);
            FT_DECREF(ma);
            return r;
        }
        FT_DECREF(ma);
    }
    int r, abstract = 0;
    int is_abstract_name = ft_str_eq_cstr(name, "__abstractmethods__");
    if (is_abstract_name && value != NULL &&
        (abstract = ft_object_is_true(value)) < 0)
        return -1;
    /* Replace, invalidate and update slots in one critical-lock section, so
     * lookups (which take their references under the same lock) never see
     * the new dict with an old version. The replaced value is kept alive
     * until the lock is released: its release may run arbitrary code. */
    FtObject *old = NULL;
    FT_CRIT_LOCK();
#if defined(FT_GIL_NONE)
    old = ft_dict_get(t->tp_dict, name);
#endif
    if (value != NULL) {
        r = ft_dict_set(t->tp_dict, name, value);
    } else {
        r = ft_dict_del(t->tp_dict, name);
        if (r < 0 && ft_err_matches(FtExc_KeyError)) {
            ft_err_clear();
            ft_attribute_error(o, name);
        }
    }
    if (r == 0) {
        ft_type_modified(t);
        ft_slots_update(t, name);
        if (is_abstract_name)
            t->tp_flags = abstract ? t->tp_flags | FT_TPFLAGS_IS_ABSTRACT
                                   : t->tp_flags & ~FT_TPFLAGS_IS_ABSTRACT;
    }
    FT_CRIT_UNLOCK();
    FT_XDECREF(old);
    if (r < 0)
        return -1;
    return 0;
}

/* ---- type's attributes ------------------------------------------------------- */

static int check_settable(FtType *t, const char *attr, FtObject *value)
{
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        ft_err_format(FtExc_TypeError,
                      "cannot set '%s' attribute of immutable type '%s'", attr,
                      t->tp_name);
        return -1;
    }
    if (value == NULL) {
        ft_err_format(FtExc_TypeError, "cannot delete '%s' attribute of type '%s'",
                      attr, t->tp_name);
        return -1;
    }
    return 0;
}

static FtObject *type_get_name(FtObject *o)
{
    FtType *t = (FtType *)o;
    if (t->tp_name_obj != NULL)
        return FT_NEWREF(t->tp_name_obj);
    return ft_str_from_cstr(short_name(t));
}

static int type_set_name(FtObject *o, FtObject *value)
{
    FtType *t = (FtType *)o;
    if (check_settable(t, "__name__", value) < 0)
        return -1;
    if (!FT_STR_CHECK(value)) {
        ft_err_format(FtExc_TypeError,
                      "can only assign string to %s.__name__, not '%s'",
                      t->tp_name, tname(value));
        return -1;
    }
    FT_INCREF(value);
    FT_SETREF(t->tp_name_obj, value);
    t->tp_name = ft_str_cstr(value);
    return 0;
}

static FtObject *type_get_qualname(FtObject *o)
{
    return ft_type_qualname((FtType *)o);
}

static int type_set_qualname(FtObject *o, FtObject *value)
{
    FtType *t = (FtType *)o;
    if (check_settable(t, "__qualname__", value) < 0)
        return -1;
    if (!FT_STR_CHECK(value)) {
        ft_err_format(FtExc_TypeError,
                      "can only assign string to %s.__qualname__, not '%s'",
                      t->tp_name, tname(value));
        return -1;
    }
    if (!FT_IS_HEAPEXT(t))
        return immutable_error(t, FT_ID(__qualname__));
    FT_INCREF(value);
    FT_SETREF(((FtHeapType *)t)->qualname, value);
    return 0;
}

static FtObject *type_get_module(FtObject *o)
{
    FtObject *m = ft_type_module((FtType *)o);
    if (m == NULL && !ft_err_occurred())
        ft_err_set_value(FtExc_AttributeError, FT_ID(__module__));
    return m;
}

static int type_set_dict_entry(FtType *t, FtObject *key, FtObject *value)
{
    if (ft_dict_set(t->tp_dict, key, value) < 0)
        return -1;
    ft_type_modified(t);
    return 0;
}

static int type_set_module(FtObject *o, FtObject *value)
{
    FtType *t = (FtType *)o;
    if (check_settable(t, "__module__", value) < 0)
        return -1;
    return type_set_dict_entry(t, FT_ID(__module__), value);
}

static FtObject *type_get_doc(FtObject *o)
{
    FtType *t = (FtType *)o;
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        if (t->tp_doc != NULL)
            return ft_str_from_cstr(t->tp_doc);
        FT_RETURN_NONE;
    }
    FtObject *d = ft_dict_get(t->tp_dict, FT_ID(__doc__));
    if (d == NULL) {
        if (ft_err_occurred())
            return NULL;
        FT_RETURN_NONE;
    }
    ft_descrgetfunc get = FT_TYPE(d)->tp_descr_get;
    if (get != NULL) {
        FtObject *r = get(d, NULL, o);
        FT_DECREF(d);
        return r;
    }
    return d;
}

static int type_set_doc(FtObject *o, FtObject *value)
{
    FtType *t = (FtType *)o;
    if (check_settable(t, "__doc__", value) < 0)
        return -1;
    return type_set_dict_entry(t, FT_ID(__doc__), value);
}

static FtObject *type_get_bases(FtObject *o)
{
    FtObject *b = ((FtType *)o)->tp_bases;
    return b != NULL ? FT_NEWREF(b) : ft_tuple_new(0);
}

static FtObject *type_get_base(FtObject *o)
{
    FtType *b = ((FtType *)o)->tp_base;
    if (b == NULL)
        FT_RETURN_NONE;
    return FT_NEWREF((FtObject *)b);
}

static FtObject *type_get_mro(FtObject *o)
{
    FtObject *m = ((FtType *)o)->tp_mro;
    return m != NULL ? FT_NEWREF(m) : FT_NEWREF(FT_None);
}

static FtObject *type_get_dict(FtObject *o)
{
    FtType *t = (FtType *)o;
    return t->tp_dict != NULL ? ft_dict_copy(t->tp_dict) : ft_dict_new();
}

static FtGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__doc__", type_get_doc, type_set_doc},
    {"__bases__", type_get_bases, NULL},
    {"__base__", type_get_base, NULL},
    {"__mro__", type_get_mro, NULL},
    {"__dict__", type_get_dict, NULL},
    {NULL, NULL, NULL},
};

static FtObject *type_mro_method(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("mro", nargs, 0, 0) < 0)
        return NULL;
    FtType *t = (FtType *)self;
    FtObject *mro = t->tp_mro != NULL ? FT_NEWREF(t->tp_mro) : compute_mro(t);
    if (mro == NULL)
        return NULL;
    FtObject *list = ft_list_from_array(((FtTupleObject *)mro)->items,
                                        FT_TUPLE_SIZE(mro));
    FT_DECREF(mro);
    return list;
}

static FtObject *type_subclasses_method(FtObject *self, FtObject *const *args,
                                        size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__subclasses__", nargs, 0, 0) < 0)
        return NULL;
    ssize_t n;
    FtObject *r;
    FT_CRIT_LOCK();
    FtType **subs = ft_type_subclasses((FtType *)self, &n);
    r = ft_list_from_array((FtObject *const *)subs, n);
    FT_CRIT_UNLOCK();
    return r;
}

static FtObject *type_instancecheck(FtObject *self, FtObject *const *args,
                                    size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__instancecheck__", nargs, 1, 1) < 0)
        return NULL;
    return ft_bool_from(ft_type_check(args[0], (FtType *)self));
}

static FtObject *type_subclasscheck(FtObject *self, FtObject *const *args,
                                    size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__subclasscheck__", nargs, 1, 1) < 0)
        return NULL;
    /* the plain check: ft_object_issubclass would call a metaclass's
     * override, which may be what called us through super() */
    if (!FT_TYPE_CHECK(args[0])) {
        ft_err_set_string(FtExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    return ft_bool_from(ft_type_is_subtype((FtType *)args[0], (FtType *)self));
}

static FtObject *type_dir(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("__dir__", nargs, 0, 0) < 0)
        return NULL;
    FtObject *names = ft_dict_new();
    FtObject *mro = ((FtType *)self)->tp_mro;
    if (names == NULL)
        return NULL;
    for (ssize_t i = 0; mro != NULL && i < FT_TUPLE_SIZE(mro); i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(mro, i);
        if (b->tp_dict != NULL && ft_dict_update(names, b->tp_dict) < 0) {
            FT_DECREF(names);
            return NULL;
        }
    }
    FtObject *list = ft_dict_keys_list(names);
    FT_DECREF(names);
    return list;
}

static FtObject *type_prepare(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    return ft_dict_new();
}

/* int | str (PEP 604): types.UnionType, or NotImplemented when an operand
 * is not a type-like value. */
static FtObject *type_binop(FtObject *a, FtObject *b, int op)
{
    static FtObject *or_name;
    if (op != FT_OP_OR)
        FT_RETURN_NOTIMPLEMENTED;
    return ft_types_call2(&or_name, "_type_or", a, b);
}

static FtMethodDef type_methods[] = {
    {"mro", type_mro_method, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, 0,
     "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, 0,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, 0,
     "Check if a class is a subclass."},
    {"__dir__", type_dir, 0, "Specialized __dir__ implementation for types."},
    {"__prepare__", type_prepare, FT_METH_CLASS | FT_METH_KEYWORDS,
     "Create the namespace for the class statement"},
    {NULL, NULL, 0, NULL},
};

FtType FtType_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "type",
    .tp_basicsize = sizeof(FtHeapType),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_TYPE_SUBCLASS |
                FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = type_dealloc,
    .tp_traverse = type_traverse,
    .tp_clear = type_gc_clear,
    .tp_repr = type_repr,
    .tp_call = type_call,
    .tp_getattr = type_getattr,
    .tp_binop = type_binop,
    .tp_setattr = type_setattr,
    .tp_new = type_tp_new,
    .tp_init = type_init,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_dictoffset = offsetof(FtType, tp_dict),
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
};
