/* interp/inline_cache.h — reading and filling inline-cache slots
 * (FtInlineCache, interp/code.h) safely in every build.
 *
 * With a GIL a slot is read and written field by field. Without one, many
 * threads run the same code object, so a slot is a small seqlock: a filler
 * takes it by moving `seq` from even to odd with a CAS (a filler that loses
 * simply does not fill), stores the fields and makes `seq` even again with a
 * release store; a reader copies the fields between two reads of `seq` and
 * uses the copy only if both were the same even number. A copy can thus
 * never mix two fills. What a copy points to (a class attribute, a module
 * attribute, a dict value slot) stays alive until the reader's next
 * quiescent state even if it is replaced meanwhile, because dicts release
 * replaced values and tables only after a grace period (runtime/qsbr.h);
 * the versions in the copy, checked against the live ones, say whether it
 * is still current.
 */
#ifndef FT_INTERP_INLINE_CACHE_H
#define FT_INTERP_INLINE_CACHE_H

#include "interp/code.h"
#include "runtime/atomics.h"

/* A slot is refilled at most this many times, then left as it is: a site
 * that sees objects of many types (a base-class method running on the
 * instances of several subclasses) would otherwise refill it, and look
 * the entry up again first, on nearly every execution, and without a GIL
 * each refill writes a line every thread running the code reads. `seq`
 * counts fills, two per fill, in every build. */
#define FT_IC_FILL_LIMIT 64

#if defined(FT_GIL_NONE)

#define FT_IC_FIELD_LOAD_(c, f)                                                \
    ft_atomic_load_acquire((const volatile ft_atomic_t *)&(c)->f)

/* A consistent copy of *c in *out, or an empty entry (nothing matches it)
 * when a filler was busy. Returns out. */
static inline FtInlineCache *ft_ic_snapshot(FtInlineCache *c,
                                            FtInlineCache *out)
{
    ft_atomic_t s = FT_IC_FIELD_LOAD_(c, seq);
    out->version = FT_IC_FIELD_LOAD_(c, version);
    out->version2 = FT_IC_FIELD_LOAD_(c, version2);
    out->value = (FtObject *)FT_IC_FIELD_LOAD_(c, value);
    out->index = (ssize_t)FT_IC_FIELD_LOAD_(c, index);
    out->type = (void *)FT_IC_FIELD_LOAD_(c, type);
    /* The acquire loads above keep this one after them. */
    if ((s & 1) || ft_atomic_load((const volatile ft_atomic_t *)&c->seq) != s)
        out->type = NULL;
    return out;
}

#define FT_IC_FIELD_STORE_(c, f, v)                                            \
    ft_atomic_store_release((volatile ft_atomic_t *)&(c)->f, (ft_atomic_t)(v))

/* Fills all of a slot at once, or nothing when another thread is filling
 * it at the same moment. */
static inline void ft_ic_fill(FtInlineCache *c, void *type, uint64_t version,
                              uint64_t version2, FtObject *value,
                              ssize_t index)
{
    /* Rewriting what the slot already holds would only make every thread
     * that reads it miss in its cache. */
    FtInlineCache cur;
    ft_ic_snapshot(c, &cur);
    if (cur.type == type && cur.version == version &&
        cur.version2 == version2 && cur.value == value && cur.index == index)
        return;
    ft_atomic_t s = ft_atomic_load((const volatile ft_atomic_t *)&c->seq);
    if ((s & 1) || s >= 2 * FT_IC_FILL_LIMIT ||
        !ft_atomic_cas_full((volatile ft_atomic_t *)&c->seq, s, s + 1))
        return;
    FT_IC_FIELD_STORE_(c, version, version);
    FT_IC_FIELD_STORE_(c, version2, version2);
    FT_IC_FIELD_STORE_(c, value, value);
    FT_IC_FIELD_STORE_(c, index, index);
    FT_IC_FIELD_STORE_(c, type, type);
    ft_atomic_store_release((volatile ft_atomic_t *)&c->seq, s + 2);
}

#else

static inline FtInlineCache *ft_ic_snapshot(FtInlineCache *c,
                                            FtInlineCache *out)
{
    (void)out;
    return c;
}

static inline void ft_ic_fill(FtInlineCache *c, void *type, uint64_t version,
                              uint64_t version2, FtObject *value,
                              ssize_t index)
{
    if (c->seq >= 2 * FT_IC_FILL_LIMIT)
        return;
    c->seq += 2;
    c->type = type;
    c->version = version;
    c->version2 = version2;
    c->value = value;
    c->index = index;
}

#endif

/* 1 once the slot has been filled FT_IC_FILL_LIMIT times: a filler can
 * skip working out the entry. */
static inline int ft_ic_gave_up(FtInlineCache *c)
{
    return ft_atomic_load((const volatile ft_atomic_t *)&c->seq) >=
           2 * FT_IC_FILL_LIMIT;
}

/* The value in a dict value slot a LOAD_GLOBAL entry recorded (NULL once
 * the entry was deleted): an acquire load without a GIL, since dict.c
 * stores values with release stores. */
static inline FtObject *ft_ic_load_value_slot(void *slot)
{
    return (FtObject *)ft_atomic_load_ptr_acquire((void *const volatile *)slot);
}

#endif
