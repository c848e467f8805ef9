/* runtime/refcount.c — the slow side of reference counting: the debug
 * build's global reference total, the mutex variant's global mutex,
 * immortality, and the biased variant's merges (its queues and owner ids
 * are in runtime/biased.c; deallocation is in runtime/dealloc.c). The
 * protocols are described at the top of runtime/refcount.h.
 */
#include "objects/object.h"

#ifdef FT_DEBUG
ssize_t ft_rc_total;
#endif

#if defined(FT_REFCOUNT_MUTEX)
pthread_mutex_t ft_rc_mutex = PTHREAD_MUTEX_INITIALIZER;
#endif

void ft_rc_incref_call(FtObject *op) { ft_incref(op); }
void ft_rc_decref_call(FtObject *op) { ft_decref(op); }

void ft_rc_init_static(FtObject *op)
{
#if defined(FT_REFCOUNT_PLAIN)
    op->ob_refcnt = 1;
#elif defined(FT_REFCOUNT_BIASED)
    ft_atomic_store_u32(&op->ob_ref_local, 0);
    ft_atomic_store_u32(&op->ob_tid, 0);
    ft_atomic_store_ssize(&op->ob_ref_shared, FT_RC_SHARED(1, FT_RC_MERGED));
#else
    ft_atomic_store_ssize(&op->ob_refcnt, 1);
#endif
}

void ft_rc_make_immortal(FtObject *op)
{
#ifdef FT_IMMORTAL
    if (ft_rc_is_immortal(op))
        return;
    /* Its references are never given back: take them out of the total. */
    FT_RC_TOTAL_ADD(-ft_refcnt(op));
#if defined(FT_REFCOUNT_PLAIN)
    op->ob_refcnt = FT_RC_IMMORTAL_REFCNT;
#elif defined(FT_REFCOUNT_BIASED)
    /* The local word first: non-owners test it before touching shared.
     * The shared count is made huge rather than 0: a thread that read the
     * local word just before this and is about to change the shared count
     * can then neither bring it to 0 (a free) nor below (objects/deferred.h
     * immortalizes objects other threads may be counting). */
    ft_atomic_store_u32(&op->ob_ref_local, FT_RC_LOCAL_IMMORTAL);
    ft_atomic_store_u32(&op->ob_tid, 0);
    ft_atomic_store_ssize(&op->ob_ref_shared,
                          FT_RC_SHARED(FT_RC_IMMORTAL_SHARED, FT_RC_MERGED));
#else
    ft_atomic_store_ssize(&op->ob_refcnt, FT_RC_IMMORTAL_REFCNT);
#endif
#else
    (void)op;
#endif
}

void ft_rc_immortalize_singletons(void)
{
#ifdef FT_IMMORTAL
    ft_rc_make_immortal(FT_None);
    ft_rc_make_immortal(FT_True);
    ft_rc_make_immortal(FT_False);
    ft_rc_make_immortal(FT_NotImplemented);
    ft_rc_make_immortal(FT_Ellipsis);
    for (int i = 0; i <= FT_SMALL_INT_MAX - FT_SMALL_INT_MIN; i++)
        ft_rc_make_immortal(&ft_small_ints[i].ob_base);
#endif
}

#ifdef FT_IMMORTAL
/* Only objects nobody else can be changing the count of may be made
 * immortal: the compiler's fresh constants (biased: owned by us, or already
 * unowned and not yet shared) and objects that already are. */
static int may_immortalize(FtObject *op)
{
#if defined(FT_REFCOUNT_BIASED)
    return ft_rc_is_owner(op);
#else
    (void)op;
    return 1;
#endif
}
#endif

void ft_rc_immortalize_consts(FtObject *consts)
{
#ifdef FT_IMMORTAL
    if (consts == NULL || !FT_TUPLE_CHECK(consts))
        return;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(consts); i++) {
        FtObject *c = FT_TUPLE_GET(consts, i);
        FtType *t = FT_TYPE(c);
        if (t == &FtTuple_Type)
            ft_rc_immortalize_consts(c);
        else if ((t == &FtStr_Type || t == &FtInt_Type || t == &FtFloat_Type ||
                  t == &FtBool_Type || t == &FtBytes_Type) &&
                 may_immortalize(c))
            ft_rc_make_immortal(c);
    }
#else
    (void)consts;
#endif
}

#if defined(FT_REFCOUNT_BIASED)

/* The three transitions of ob_ref_shared; each is a CAS loop so that the
 * state bits and the count change together. */

/* A non-owner (or, after a merge, anyone) gives back one reference. */
void ft_rc_decref_shared(FtObject *op)
{
    ssize_t old = ft_atomic_load_ssize(&op->ob_ref_shared);
    ssize_t nv;
    int queue;
    for (;;) {
        /* Untouched (owned, count 0): subtracting would go negative, so
         * keep the count and give our reference to the queue instead.
         * A weakly referenced count 0 is untouched too (QUEUED replaces
         * WEAKREF: both keep the owner on the CAS path). */
        queue = old == 0 || old == FT_RC_WEAKREF;
        nv = queue ? FT_RC_QUEUED : old - FT_RC_SHARED(1, 0);
        ssize_t seen = ft_atomic_fetch_cas_ssize_full(&op->ob_ref_shared,
                                                      old, nv);
        if (seen == old)
            break;
        old = seen;
    }
    if (queue)
        ft_rc_queue_object(op);
    else if (nv == FT_RC_SHARED(0, FT_RC_MERGED))
        ft_dealloc(op);
}

/* The owner's local count has just reached 0. */
void ft_rc_merge_zero_local(FtObject *op)
{
    ssize_t old = ft_atomic_load_ssize_acquire(&op->ob_ref_shared);
    if (old == 0) {
        /* No other thread ever kept a reference: the object is dead. */
        ft_dealloc(op);
        return;
    }
    /* Give up ownership before publishing MERGED: once MERGED is visible
     * another thread may free the object. */
    ft_atomic_store_u32(&op->ob_tid, 0);
    ssize_t nv;
    for (;;) {
        nv = old - (old & FT_RC_STATE_MASK) + FT_RC_MERGED;
        ssize_t seen = ft_atomic_fetch_cas_ssize_full(&op->ob_ref_shared,
                                                      old, nv);
        if (seen == old)
            break;
        old = seen;
    }
    if (nv == FT_RC_SHARED(0, FT_RC_MERGED))
        ft_dealloc(op);
}

/* Folds the local count into the shared one, adds `extra` and marks the
 * object MERGED (unowned). Called by the owner, or by any thread once the
 * owner has exited (runtime/biased.c orders that through its registry
 * lock). Returns the resulting count; the caller frees at 0. */
ssize_t ft_rc_merge_explicit(FtObject *op, ssize_t extra)
{
    ssize_t local = (ssize_t)ft_atomic_load_u32(&op->ob_ref_local);
    /* Reset the owner's fields first, as in ft_rc_merge_zero_local. */
    ft_atomic_store_u32(&op->ob_ref_local, 0);
    ft_atomic_store_u32(&op->ob_tid, 0);
    ssize_t old = ft_atomic_load_ssize(&op->ob_ref_shared);
    ssize_t n;
    for (;;) {
        n = ft_rc_shared_count(old) + local + extra;
        ssize_t seen = ft_atomic_fetch_cas_ssize_full(
            &op->ob_ref_shared, old, FT_RC_SHARED(n, FT_RC_MERGED));
        if (seen == old)
            break;
        old = seen;
    }
    return n;
}

#endif

/* ---- weak references (the protocol: runtime/refcount.h) ---- */

int ft_rc_try_incref(FtObject *op)
{
    if (ft_rc_is_immortal(op))
        return 1;
#if defined(FT_REFCOUNT_PLAIN)
    if (op->ob_refcnt <= 0)
        return 0;
    ft_incref(op);
    return 1;
#elif defined(FT_REFCOUNT_MUTEX)
    pthread_mutex_lock(&ft_rc_mutex);
    ssize_t n = ft_atomic_load_ssize(&op->ob_refcnt);
    if (n > 0)
        ft_atomic_store_ssize(&op->ob_refcnt, n + 1);
    pthread_mutex_unlock(&ft_rc_mutex);
    if (n > 0)
        FT_RC_TOTAL_ADD(1);
    return n > 0;
#elif defined(FT_REFCOUNT_ATOMIC)
    ssize_t n = ft_atomic_load_ssize(&op->ob_refcnt);
    while (n > 0) {
        if (ft_atomic_cas_ssize_full(&op->ob_refcnt, n, n + 1)) {
            FT_RC_TOTAL_ADD(1);
            return 1;
        }
        n = ft_atomic_load_ssize(&op->ob_refcnt);
    }
    return 0;
#elif defined(FT_REFCOUNT_BIASED)
    if (ft_rc_is_owner(op)) {
        /* only this thread writes the local count */
        uint32_t local = ft_atomic_load_u32(&op->ob_ref_local);
        if (local == 0)
            return 0;
        ft_atomic_store_u32(&op->ob_ref_local, local + 1);
        FT_RC_TOTAL_ADD(1);
        return 1;
    }
    ssize_t old = ft_atomic_load_ssize(&op->ob_ref_shared);
    for (;;) {
        if (old == 0 ||
            ((old & FT_RC_STATE_MASK) == FT_RC_MERGED &&
             ft_rc_shared_count(old) <= 0))
            return 0;
        ssize_t seen = ft_atomic_fetch_cas_ssize_full(
            &op->ob_ref_shared, old, old + FT_RC_SHARED(1, 0));
        if (seen == old)
            break;
        old = seen;
    }
    FT_RC_TOTAL_ADD(1);
    return 1;
#endif
}

void ft_rc_set_maybe_weakref(FtObject *op)
{
#if defined(FT_REFCOUNT_BIASED)
    if (ft_rc_is_immortal(op))
        return;
    ssize_t old = ft_atomic_load_ssize(&op->ob_ref_shared);
    while ((old & FT_RC_STATE_MASK) == 0) {
        ssize_t seen = ft_atomic_fetch_cas_ssize_full(&op->ob_ref_shared, old,
                                                      old | FT_RC_WEAKREF);
        if (seen == old)
            return;
        old = seen;
    }
#else
    (void)op;
#endif
}
