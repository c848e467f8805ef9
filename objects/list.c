/* objects/list.c — list: the growable array (CPython's over-allocation
 * policy), its slots and methods. Sorting lives in objects/list_sort.c,
 * the iterators in objects/list_iter.c.
 */
#include "objects/object.h"
#include "interp/frame.h"
#include "runtime/atomics.h"
#include "runtime/lock.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

#include <limits.h>
#include <string.h>

#define L(op) ((FtListObject *)(op))

/* Free-threaded builds: every operation below runs inside a critical
 * section on the list (two-list operations on both, in address order), so
 * each one is atomic as in CPython. Anything read out of a list is
 * INCREF'd before its section ends. Code that calls back into Python
 * inside a section (comparisons, reprs, key functions) re-reads size and
 * items afterwards: the section may have been suspended meanwhile. In GIL
 * builds the section macros are bare braces.
 *
 * The exception is the hot read: list[i] with an int takes no lock
 * (ft_list_get_fast in list.h loads items with acquire, the size relaxed
 * and the slot with acquire; checks i against the size it loaded and
 * against the capacity stored in front of the array it loaded; falls back
 * to the locked path on a NULL slot). So that it can neither crash nor
 * return a freed object, writers keep five rules (FT_LIST_LOCKFREE_READS;
 * with a GIL all of it compiles to plain stores and immediate releases):
 *   - every store into a published array's slots, l->size and l->items is
 *     atomic (SLOT_STORE, SIZE_STORE, ITEMS_PUBLISH; memmove becomes
 *     list_move), so no reader sees a torn pointer; slots and l->items
 *     are release stores, so a reader that loads a pointer also sees the
 *     object (or array) it points to fully initialised (on x86 all of
 *     these are plain movs);
 *   - a published array is never realloc'd in place or freed at once: a
 *     new one is filled (capacity word, the live items, NULL after them),
 *     published with a release store, and the old one retired with
 *     ft_qsbr_defer_free (items_retire) — a reader that loaded the old
 *     pointer reads memory that stays valid until its next quiescent
 *     state, and every pointer in it was an item of the list when it was
 *     retired;
 *   - in the current array the slots from l->size up are NULL whenever no
 *     operation is moving them: new arrays are NULL-filled and shrinking
 *     stores NULL into the slots it gives up (list_resize). A reader
 *     holding an older, larger size, or one whose load of a just-filled
 *     slot is not ordered after the size it read, finds NULL or a live
 *     item there, never a pointer left behind by an item released long
 *     ago;
 *   - a reference leaving the list (overwrite, del, remove, slice
 *     assignment, clear, pop) is dropped with ft_qsbr_defer_decref, after
 *     its slot was overwritten; pop hands the list's reference to the
 *     caller, so it takes one more and defers that;
 *   - sort detaches the array (items NULL, size 0) and writes the sorted
 *     order back into it with atomic stores: a reader that loaded it
 *     before finds each slot holding its old or its new item.
 * So a non-NULL slot a reader loads holds an object that was in the list
 * at some moment since the reader's last quiescent state, and that stays
 * alive until its next one: FT_NEWREF is safe without CPython's
 * compare-and-retry. A list no other thread can see yet (ft_list_new and
 * its callers, copies, concatenations) is written plainly, and
 * list_dealloc releases at once: no thread can read a list it holds no
 * reference to. */
FT_OBJECT_LOCK_CHECK(FtListObject);
#if defined(FT_LIST_LOCKFREE_READS) != defined(FT_QSBR_ACTIVE)
#error "objects/list.h and runtime/qsbr.h disagree about lock-free reads"
#endif

/* ---- storage ------------------------------------------------------------------ */

/* Every allocation, resize and release of an item array goes through
 * these functions. With lock-free reads the array starts one word early:
 * [capacity, items[0], items[1], ...], FT_LIST_ITEMS pointing at items[0].
 * With a GIL they are the plain allocator calls. */
#if defined(FT_LIST_LOCKFREE_READS)
#define ITEMS_BASE(items) ((ssize_t *)(items) - 1)

static FtObject **items_wrap(ssize_t *base, size_t cap)
{
    if (base == NULL)
        return NULL;
    base[0] = (ssize_t)cap;
    return (FtObject **)(base + 1);
}

/* Slots uninitialised. */
static FtObject **items_alloc(size_t cap)
{
    return items_wrap(ft_mem_alloc((cap + 1) * sizeof(FtObject *)), cap);
}

static FtObject **items_calloc(size_t cap)
{
    return items_wrap(ft_mem_calloc(cap + 1, sizeof(FtObject *)), cap);
}

/* Only for an array no other thread can be reading (NULL on failure, the
 * old array kept). */
static FtObject **items_realloc(FtObject **items, size_t cap)
{
    ssize_t *base = items != NULL ? ITEMS_BASE(items) : NULL;
    return items_wrap(ft_mem_realloc(base, (cap + 1) * sizeof(FtObject *)),
                      cap);
}

static void items_free(FtObject **items)
{
    if (items != NULL)
        ft_mem_free(ITEMS_BASE(items));
}

static void items_free_cb(void *base) { ft_mem_free(base); }

/* Deferred releases are batched by count (runtime/qsbr.c), but a list
 * growing by appends retires ever larger arrays, which would pile up to
 * about eight times the list's own array before the batch is full: from
 * this capacity on, ask for a quiescent state at the next eval-loop check
 * (the array retired the time before is released then). */
#define RETIRE_NUDGE_CAP 8192

static void retire_base(FtObject **items, void (*release)(void *))
{
    ft_qsbr_defer_free(ITEMS_BASE(items), release);
    if (FT_LIST_CAPACITY(items) >= RETIRE_NUDGE_CAP)
        ft_atomic_store_u32(ft_eval_breaker_ptr(), 1);
}

/* A published array that has just been replaced or emptied: freed after a
 * grace period. Its references have moved on or are dropped by the
 * caller. */
static void items_retire(FtObject **items)
{
    if (items != NULL)
        retire_base(items, items_free_cb);
}

/* After a grace period: drops the references in the array (the slots past
 * the list's last size are NULL) and frees it. */
static void items_discard_cb(void *base)
{
    ssize_t cap = ((ssize_t *)base)[0];
    FtObject **items = (FtObject **)((ssize_t *)base + 1);
    for (ssize_t i = cap - 1; i >= 0; i--)
        FT_XDECREF(items[i]);
    ft_mem_free(base);
}

void ft_list_items_discard_(FtObject **items, ssize_t n)
{
    (void)n;
    if (items != NULL)
        retire_base(items, items_discard_cb);
}

#else
static FtObject **items_alloc(size_t cap)
{
    return ft_mem_alloc(cap * sizeof(FtObject *));
}

static FtObject **items_calloc(size_t cap)
{
    return ft_mem_calloc(cap, sizeof(FtObject *));
}

static FtObject **items_realloc(FtObject **items, size_t cap)
{
    return ft_mem_realloc(items, cap * sizeof(FtObject *));
}

static void items_free(FtObject **items) { ft_mem_free(items); }

void ft_list_items_discard_(FtObject **items, ssize_t n)
{
    for (ssize_t i = n - 1; i >= 0; i--)
        FT_XDECREF(items[i]);
    ft_mem_free(items);
}

#endif

/* References taken out of a list: without a GIL dropped after a grace
 * period (a reader may have just loaded them), with one at once. */
static void drop_refs(FtObject **refs, ssize_t n)
{
    for (ssize_t i = n - 1; i >= 0; i--)
        ft_qsbr_defer_decref(refs[i]);
}
#define DROP_REF(op) ft_qsbr_defer_decref(op)
#define DROP_XREF(op) ft_qsbr_defer_decref(op)

#define SLOT_STORE(items, i, v) FT_LIST_SLOT_STORE_(items, i, v)
#define SIZE_STORE(l, n) FT_LIST_SIZE_STORE_(l, n)
#define ITEMS_PUBLISH(l, a) FT_LIST_ITEMS_PUBLISH_(l, a)

/* l->items[dst:dst+n] = l->items[src:src+n] (overlapping), as memmove.
 * With lock-free reads slot by slot, each store atomic, in the order that
 * reads every slot before overwriting it: each slot goes from its old
 * value to its new one in one store, and every value it holds is a live
 * item of the list. (Building the moved array aside and publishing it
 * instead was 4x slower on tests/threads/ft_list_ops.py: a fresh big
 * allocation per insert(0), and the old one is only freed after a grace
 * period.) */
static void list_move(FtListObject *l, ssize_t dst, ssize_t src, ssize_t n)
{
    FtObject **items = l->items;
    if (n <= 0 || dst == src)
        return;
#if defined(FT_LIST_LOCKFREE_READS)
    if (dst < src) {
        for (ssize_t i = 0; i < n; i++)
            SLOT_STORE(items, dst + i, items[src + i]);
    } else {
        for (ssize_t i = n - 1; i >= 0; i--)
            SLOT_STORE(items, dst + i, items[src + i]);
    }
#else
    memmove(items + dst, items + src, (size_t)n * sizeof(FtObject *));
#endif
}

/* Replaces the array by one of new_alloc slots holding the first `keep`
 * items (with lock-free reads the other slots are NULL, and a published
 * array is retired through QSBR, as readers may still hold it). On failure
 * (MemoryError) the list is as it was. */
static int list_set_array(FtListObject *l, size_t new_alloc, ssize_t keep,
                          int published)
{
    if (new_alloc > (size_t)SSIZE_MAX / sizeof(FtObject *) - 1) {
        ft_err_no_memory();
        return -1;
    }
    FtObject **old = l->items, **items;
#if defined(FT_LIST_LOCKFREE_READS)
    if (new_alloc == 0) {
        items = NULL;
    } else if (!published) {
        items = items_realloc(old, new_alloc);
        if (items != NULL)
            for (size_t i = (size_t)keep; i < new_alloc; i++)
                items[i] = NULL;
    } else {
        items = items_alloc(new_alloc);
        if (items != NULL) {
            /* Not published yet: plain stores. */
            if (keep > 0)
                memcpy(items, old, (size_t)keep * sizeof(FtObject *));
            for (size_t i = (size_t)keep; i < new_alloc; i++)
                items[i] = NULL;
        }
    }
    if (items == NULL && new_alloc > 0)
        return -1;
    ITEMS_PUBLISH(l, items);
    if (published)
        items_retire(old);
    else if (new_alloc == 0)
        items_free(old);
#else
    (void)published;
    (void)keep;
    if (new_alloc == 0) {
        items_free(old);
        items = NULL;
    } else {
        items = items_realloc(old, new_alloc);
        if (items == NULL)
            return -1;
    }
    l->items = items;
#endif
    l->allocated = (ssize_t)new_alloc;
    return 0;
}

/* The capacity for newsize items: about 1/8 extra, so that appends are
 * amortised O(1) without wasting much, or exactly newsize when it jumps
 * far beyond the current size. */
static size_t grown_capacity(ssize_t size, ssize_t newsize)
{
    if (newsize == 0)
        return 0;
    size_t new_alloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) &
                       ~(size_t)3;
    if (newsize - size > (ssize_t)(new_alloc - newsize))
        new_alloc = ((size_t)newsize + 3) & ~(size_t)3;
    return new_alloc;
}

/* Sets the size and makes the array fit newsize items, with CPython's
 * growth pattern (about 1/8 extra, so appends are amortised O(1) without
 * wasting much). Growing may fail (MemoryError); shrinking never does (it
 * keeps the larger array if it must). With lock-free reads the new slots
 * are NULL and the slots given up are NULLed (the caller has moved or
 * taken their references); `published` 0 is for a list no other thread can
 * see yet, whose array may be realloc'd in place. With a GIL the new slots
 * are uninitialised. */
static int list_resize_impl(FtListObject *l, ssize_t newsize, int published)
{
    ssize_t allocated = l->allocated, size = l->size;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
#if defined(FT_LIST_LOCKFREE_READS)
        for (ssize_t i = newsize; i < size; i++)
            SLOT_STORE(l->items, i, NULL);
#endif
        SIZE_STORE(l, newsize);
        return 0;
    }
    size_t new_alloc = grown_capacity(size, newsize);
    if (list_set_array(l, new_alloc, size < newsize ? size : newsize,
                       published) < 0) {
        if (newsize > size)
            return -1;
        ft_err_clear(); /* shrinking: keep the larger array */
#if defined(FT_LIST_LOCKFREE_READS)
        for (ssize_t i = newsize; i < size; i++)
            SLOT_STORE(l->items, i, NULL);
#endif
    }
    SIZE_STORE(l, newsize);
    return 0;
}

/* Makes room for `extra` more items without changing the size (locked, or
 * `published` 0). */
static int list_reserve(FtListObject *l, ssize_t extra, int published)
{
    if (extra <= l->allocated - l->size)
        return 0;
    if (extra > SSIZE_MAX - l->size) {
        ft_err_no_memory();
        return -1;
    }
    return list_set_array(l, grown_capacity(l->size, l->size + extra),
                          l->size, published);
}

#define list_resize(l, n) list_resize_impl(l, n, 1)

static FtListObject *list_alloc(FtType *type)
{
    if (type == &FtList_Type) {
        FtThreadState *ts = ft_tstate_get();
        FT_FREELIST_LOCK();
        FtObject *op = ts->freelist[FT_FL_LIST];
        if (op != NULL) {
            ts->freelist[FT_FL_LIST] = FT_FREELIST_NEXT(op);
            ts->freelist_len[FT_FL_LIST]--;
        }
        FT_FREELIST_UNLOCK();
        if (op != NULL) {
            ft_rc_init(op);
            /* The free-list link overlaid the lock field (if any): unlock.
             * (A zero-length memset in builds without one.) */
            memset((char *)op + sizeof(FtObject), 0,
                   offsetof(FtListObject, size) - sizeof(FtObject));
            L(op)->size = 0;
            L(op)->allocated = 0;
            L(op)->items = NULL;
            ft_gc_track(op);
            return L(op);
        }
    }
    return (FtListObject *)ft_object_new(type);
}

FtObject *ft_list_new(ssize_t size)
{
    if (size < 0) {
        ft_err_set_string(FtExc_SystemError, "negative list size");
        return NULL;
    }
    if ((size_t)size > (size_t)SSIZE_MAX / sizeof(FtObject *))
        return ft_err_no_memory();
    FtListObject *l = list_alloc(&FtList_Type);
    if (l == NULL)
        return NULL;
    if (size > 0) {
        l->items = items_calloc((size_t)size);
        if (l->items == NULL) {
            FT_DECREF(l);
            return NULL;
        }
        l->size = l->allocated = size;
    }
    return (FtObject *)l;
}

FtObject *ft_list_from_array(FtObject *const *items, ssize_t n)
{
    FtObject *l = ft_list_new(n);
    if (l == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        L(l)->items[i] = FT_NEWREF(items[i]);
    return l;
}

/* l[lo:hi] (clamped) as a new list; the caller holds l's section. The
 * allocation may wait for a lock and so suspend the section (e.g. a
 * global free-list lock): if the list changed size meanwhile, try again
 * with the new size. Copying the items themselves never suspends. */
static FtObject *list_copy_locked(FtListObject *l, ssize_t lo, ssize_t hi)
{
    for (;;) {
        ssize_t size = l->size;
        ssize_t a = lo < 0 ? 0 : lo > size ? size : lo;
        ssize_t b = hi > size ? size : hi < a ? a : hi;
        FtObject *res = ft_list_new(b - a);
        if (res == NULL || l->size == size) {
            for (ssize_t i = 0; res != NULL && i < b - a; i++)
                L(res)->items[i] = FT_NEWREF(l->items[a + i]);
            return res;
        }
        FT_DECREF(res);
    }
}

/* l[start:stop:step] (bounds not yet adjusted) as a new list; the caller
 * holds l's section. As list_copy_locked, starts over if the allocation
 * let the list change size. */
static FtObject *list_copy_step_locked(FtListObject *l, ssize_t start,
                                       ssize_t stop, ssize_t step)
{
    for (;;) {
        ssize_t size = l->size, a = start, b = stop;
        ssize_t n = ft_slice_adjust(size, &a, &b, step);
        FtObject *res = ft_list_new(n);
        if (res == NULL || l->size == size) {
            /* Each index from the start: stepping once past the last
             * one could overflow. */
            for (ssize_t k = 0; res != NULL && k < n; k++)
                L(res)->items[k] = FT_NEWREF(l->items[a + k * step]);
            return res;
        }
        FT_DECREF(res);
    }
}

static int list_extend_impl(FtObject *list, FtObject *iterable,
                            int published);

FtObject *ft_list_from_iterable(FtObject *iterable)
{
    /* Exact types only: a subclass may override __iter__. */
    if (FT_LIST_CHECK_EXACT(iterable)) {
        FtObject *res;
        FT_BEGIN_CRITICAL_SECTION(iterable);
        res = list_copy_locked(L(iterable), 0, SSIZE_MAX);
        FT_END_CRITICAL_SECTION();
        return res;
    }
    if (FT_TUPLE_CHECK_EXACT(iterable))
        return ft_list_from_array(((FtTupleObject *)iterable)->items,
                                  FT_SIZE(iterable));
    FtObject *l = ft_list_new(0);
    if (l == NULL)
        return NULL;
    if (list_extend_impl(l, iterable, 0) < 0) {
        FT_DECREF(l);
        return NULL;
    }
    return l;
}

/* `published`: see list_resize_impl. */
static int app1_slow(FtListObject *l, FtObject *item, int published)
{
    ssize_t n = l->size;
    if (list_resize_impl(l, n + 1, published) < 0)
        return -1;
    SLOT_STORE(l->items, n, FT_NEWREF(item));
    return 0;
}

/* The slot is filled before the size covers it. */
static inline int list_append_locked(FtListObject *l, FtObject *item)
{
    ssize_t n = l->size;
    if (n < l->allocated) {
        SLOT_STORE(l->items, n, FT_NEWREF(item));
        SIZE_STORE(l, n + 1);
        return 0;
    }
    return app1_slow(l, item, 1);
}

/* Appends item, stealing the reference (also on failure). */
static inline int list_append_steal(FtListObject *l, FtObject *item,
                                    int published)
{
    ssize_t n = l->size;
    if (n < l->allocated) {
        SLOT_STORE(l->items, n, item);
        SIZE_STORE(l, n + 1);
        return 0;
    }
    int r = app1_slow(l, item, published);
    FT_DECREF(item);
    return r;
}

int ft_list_append(FtObject *list, FtObject *item)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_append_locked(L(list), item);
    FT_END_CRITICAL_SECTION();
    return r;
}

static int extend_array(FtListObject *l, FtObject *const *src, ssize_t m,
                        int published)
{
    ssize_t n = l->size;
    if (m == 0)
        return 0;
    if (m > SSIZE_MAX - n)
        return ft_err_no_memory(), -1;
    int self = src == l->items;
    if (list_resize_impl(l, n + m, published) < 0)
        return -1;
    if (self)
        src = l->items; /* l.extend(l): the array may have moved */
    for (ssize_t i = 0; i < m; i++)
        SLOT_STORE(l->items, n + i, FT_NEWREF(src[i]));
    return 0;
}

/* A list built from a builtin sized iterable (a range, a set, a str) gets
 * its whole array up front, so that an impossible size (list(range(2**40)))
 * raises MemoryError at once instead of growing until the machine runs out
 * of memory. Only builtin types' lengths are asked for: they run no user
 * code. */
static int reserve_for_builtin_len(FtListObject *l, FtObject *iterable,
                                   int published)
{
    FtType *t = FT_TYPE(iterable);
    if ((t->tp_flags & FT_TPFLAGS_HEAPTYPE) || t->tp_len == NULL)
        return 0;
    ssize_t n = t->tp_len(iterable);
    if (n < 0) {
        if (!ft_err_matches(FtExc_TypeError))
            return -1;
        ft_err_clear();
        return 0;
    }
    int r;
    if (!published)
        return list_reserve(l, n, 0);
    FT_BEGIN_CRITICAL_SECTION(l);
    r = list_reserve(l, n, 1);
    FT_END_CRITICAL_SECTION();
    return r;
}

/* ft_list_extend; `published` 0 when no other thread can see the list
 * (ft_list_from_iterable), see list_resize_impl. */
static int list_extend_impl(FtObject *list, FtObject *iterable, int published)
{
    FtListObject *l = L(list);
    if (FT_LIST_CHECK_EXACT(iterable) || iterable == list) {
        int r;
        FT_BEGIN_CRITICAL_SECTION2(list, iterable);
        r = extend_array(l, L(iterable)->items, L(iterable)->size, published);
        FT_END_CRITICAL_SECTION2();
        return r;
    }
    if (FT_TUPLE_CHECK_EXACT(iterable)) {
        int r;
        FT_BEGIN_CRITICAL_SECTION(list);
        r = extend_array(l, ((FtTupleObject *)iterable)->items,
                         FT_SIZE(iterable), published);
        FT_END_CRITICAL_SECTION();
        return r;
    }
    /* A dict or dict view: one atomic snapshot, then as a list. */
    int handled;
    FtObject *snap = ft_dict_snapshot_list(iterable, &handled);
    if (handled) {
        if (snap == NULL)
            return -1;
        int r = list_extend_impl(list, snap, published);
        FT_DECREF(snap);
        return r;
    }
    /* Any other iterable runs outside the list's section; each item is
     * appended atomically, unless no other thread can see the list. */
    if (reserve_for_builtin_len(l, iterable, published) < 0)
        return -1;
    FtObject *it = ft_object_iter(iterable);
    if (it == NULL)
        return -1;
    ft_unaryfunc next = FT_TYPE(it)->tp_iternext;
    for (;;) {
        FtObject *item = next ? next(it) : ft_iter_next(it);
        if (item == NULL)
            break;
        int r;
        if (!published) {
            r = list_append_steal(l, item, 0);
        } else {
            FT_BEGIN_CRITICAL_SECTION(list);
            r = list_append_steal(l, item, 1);
            FT_END_CRITICAL_SECTION();
        }
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred()) {
        /* A generator that returns a value ends with StopIteration(value):
         * that is the end too, as in ft_iter_next. */
        if (!ft_err_matches(FtExc_StopIteration))
            return -1;
        ft_err_clear();
    }
    return 0;
}

int ft_list_extend(FtObject *list, FtObject *iterable)
{
    return list_extend_impl(list, iterable, 1);
}

static int list_insert_locked(FtObject *list, ssize_t index, FtObject *item)
{
    FtListObject *l = L(list);
    ssize_t n = l->size;
    if (list_resize(l, n + 1) < 0)
        return -1;
    if (index < 0) {
        index += n;
        if (index < 0)
            index = 0;
    }
    if (index > n)
        index = n;
    list_move(l, index + 1, index, n - index);
    SLOT_STORE(l->items, index, FT_NEWREF(item));
    return 0;
}

int ft_list_insert(FtObject *list, ssize_t index, FtObject *item)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_insert_locked(list, index, item);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtObject *list_get_locked(FtObject *list, ssize_t index)
{
    FtListObject *l = L(list);
    if (index < 0)
        index += l->size;
    if ((size_t)index >= (size_t)l->size) {
        ft_err_set_string(FtExc_IndexError, "list index out of range");
        return NULL;
    }
    return FT_NEWREF(l->items[index]);
}

FtObject *ft_list_get(FtObject *list, ssize_t index)
{
    FtObject *r;
#if defined(FT_LIST_LOCKFREE_READS)
    int k = ft_list_get_fast(list, index, &r);
    if (k > 0)
        return r;
    if (k == 0) {
        ft_err_set_string(FtExc_IndexError, "list index out of range");
        return NULL;
    }
#endif
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_get_locked(list, index);
    FT_END_CRITICAL_SECTION();
    return r;
}

static int list_set_locked(FtObject *list, ssize_t index, FtObject *item)
{
    FtListObject *l = L(list);
    if (index < 0)
        index += l->size;
    if ((size_t)index >= (size_t)l->size) {
        ft_err_set_string(FtExc_IndexError,
                          "list assignment index out of range");
        return -1;
    }
    FtObject *old = l->items[index];
    SLOT_STORE(l->items, index, FT_NEWREF(item));
    DROP_XREF(old); /* NULL while a new list is being filled */
    return 0;
}

int ft_list_set(FtObject *list, ssize_t index, FtObject *item)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_set_locked(list, index, item);
    FT_END_CRITICAL_SECTION();
    return r;
}

/* Without a GIL one atomic load, no lock: the size at some moment during
 * the call, which is all a lock would give too. */
ssize_t ft_list_size(FtObject *list)
{
#if defined(FT_LIST_LOCKFREE_READS)
    return ft_atomic_load_ssize(&L(list)->size);
#else
    return L(list)->size;
#endif
}

static int list_reverse_locked(FtObject *list)
{
    FtListObject *l = L(list);
    FtObject **items = l->items;
    for (ssize_t lo = 0, hi = l->size - 1; lo < hi; lo++, hi--) {
        FtObject *t = items[lo];
        SLOT_STORE(items, lo, items[hi]);
        SLOT_STORE(items, hi, t);
    }
    return 0;
}

int ft_list_reverse(FtObject *list)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_reverse_locked(list);
    FT_END_CRITICAL_SECTION();
    return r;
}

FtObject *ft_list_as_tuple(FtObject *list)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = ft_tuple_from_array(L(list)->items, L(list)->size);
    FT_END_CRITICAL_SECTION();
    return r;
}

int ft_list_unpack_exact(FtObject *list, FtObject **out, ssize_t n)
{
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION(list);
    if (L(list)->size == n) {
        FtObject **items = L(list)->items;
        for (ssize_t i = 0; i < n; i++)
            out[n - 1 - i] = FT_NEWREF(items[i]);
        r = 1;
    }
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtObject *list_pop_locked(FtObject *list, ssize_t index)
{
    FtListObject *l = L(list);
    ssize_t n = l->size;
    if (n == 0) {
        ft_err_set_string(FtExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += n;
    if ((size_t)index >= (size_t)n) {
        ft_err_set_string(FtExc_IndexError, "pop index out of range");
        return NULL;
    }
    FtObject *v = l->items[index];
    list_move(l, index, index + 1, n - index - 1);
    list_resize(l, n - 1); /* shrinking never fails */
#if defined(FT_LIST_LOCKFREE_READS)
    /* The list's reference goes to the caller, who may drop it at once
     * while a reader that loaded v just before is about to take one. */
    FT_INCREF(v);
    ft_qsbr_defer_decref(v);
#endif
    return v;
}

FtObject *ft_list_pop(FtObject *list, ssize_t index)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_pop_locked(list, index);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtObject *list_slice_locked(FtObject *list, ssize_t lo, ssize_t hi)
{
    FtListObject *l = L(list);
    if (lo < 0)
        lo = 0;
    if (hi > l->size)
        hi = l->size;
    if (hi < lo)
        hi = lo;
    return list_copy_locked(l, lo, hi);
}

FtObject *ft_list_slice(FtObject *list, ssize_t lo, ssize_t hi)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_slice_locked(list, lo, hi);
    FT_END_CRITICAL_SECTION();
    return r;
}

static void decref_array(FtObject **items, ssize_t n)
{
    for (ssize_t i = n - 1; i >= 0; i--)
        FT_XDECREF(items[i]);
}

/* A buffer for the n references an operation takes out of the list
 * (stackbuf, room for 8, when they fit). With lock-free reads a big one is
 * an item array, so that refs_release can drop them all in one deferred
 * release. */
#define REFS_STACK 8
static FtObject **refs_buffer(FtObject **stackbuf, ssize_t n)
{
    if (n <= REFS_STACK)
        return stackbuf;
    return items_alloc((size_t)n);
}

/* An unused buffer (on failure). */
static void refs_free(FtObject **buf, FtObject **stackbuf)
{
    if (buf != stackbuf)
        items_free(buf);
}

/* Drops the references collected while the list was being changed, once
 * the list is consistent again (a destructor may look at the list), and
 * the buffer. */
static void refs_release(FtObject **buf, ssize_t n, FtObject **stackbuf)
{
#if defined(FT_LIST_LOCKFREE_READS)
    if (buf == stackbuf)
        drop_refs(buf, n);
    else
        ft_list_items_discard_(buf, n); /* its capacity is n */
#else
    drop_refs(buf, n);
    refs_free(buf, stackbuf);
#endif
}

/* The same, dropping buf[0] first: the order in which CPython releases
 * the items of an extended slice (a destructor can tell). */
static void refs_release_forward(FtObject **buf, ssize_t n,
                                 FtObject **stackbuf)
{
    for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        FtObject *t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
    }
    refs_release(buf, n, stackbuf);
}

/* Empties the list; its array and references are dropped afterwards (with
 * lock-free reads as one deferred release). A list without an array is
 * left alone: during a sort that is the detached list, whose allocated
 * field must keep saying it was not modified (as clearing it in CPython). */
static void list_clear_items(FtListObject *l)
{
    FtObject **items = l->items;
    ssize_t n = l->size;
    if (items == NULL)
        return;
    ITEMS_PUBLISH(l, NULL);
    SIZE_STORE(l, 0);
    l->allocated = 0;
    ft_list_items_discard_(items, n);
}

/* l[lo:hi] = src[0:m] (src NULL and m 0 to delete); src is not l's array. */
static int list_replace(FtListObject *l, ssize_t lo, ssize_t hi,
                        FtObject *const *src, ssize_t m)
{
    ssize_t n = l->size;
    if (lo < 0)
        lo = 0;
    else if (lo > n)
        lo = n;
    if (hi < lo)
        hi = lo;
    else if (hi > n)
        hi = n;
    ssize_t norig = hi - lo;
    ssize_t d = m - norig;
    FtObject *stackbuf[REFS_STACK];
    FtObject **old = refs_buffer(stackbuf, norig);
    if (old == NULL)
        return -1;
    if (norig > 0) /* an empty list may have no array at all */
        memcpy(old, l->items + lo, norig * sizeof(FtObject *));
    if (d < 0) {
        list_move(l, hi + d, hi, n - hi);
        list_resize(l, n + d); /* shrinking never fails */
    } else if (d > 0) {
        if (list_resize(l, n + d) < 0) {
            refs_free(old, stackbuf);
            return -1;
        }
        list_move(l, hi + d, hi, n - hi);
    }
    for (ssize_t i = 0; i < m; i++)
        SLOT_STORE(l->items, lo + i, FT_NEWREF(src[i]));
    refs_release(old, norig, stackbuf);
    return 0;
}

/* Items of an assigned value as an array: lists and tuples directly,
 * anything else through a temporary list (*tmp, to be released).
 * `simple`: for a slice of step 1 (only the error message differs). */
static int value_items(FtObject *v, int simple, FtObject **tmp,
                       FtObject *const **items, ssize_t *n)
{
    *tmp = NULL;
    if (FT_LIST_CHECK(v)) {
        /* A copy: the list might be the target, or change meanwhile. (The
         * caller holds v's section too, so this one is free.) */
        FT_BEGIN_CRITICAL_SECTION(v);
        *tmp = list_copy_locked(L(v), 0, SSIZE_MAX);
        FT_END_CRITICAL_SECTION();
    } else if (FT_TUPLE_CHECK(v)) {
        *items = ((FtTupleObject *)v)->items;
        *n = FT_SIZE(v);
        return 0;
    } else {
        if (FT_TYPE(v)->tp_iter == NULL && FT_TYPE(v)->tp_getitem == NULL) {
            ft_err_set_string(FtExc_TypeError,
                              simple ? "can only assign an iterable"
                                     : "must assign iterable to extended "
                                       "slice");
            return -1;
        }
        *tmp = ft_list_from_iterable(v);
    }
    if (*tmp == NULL)
        return -1;
    *items = L(*tmp)->items;
    *n = L(*tmp)->size;
    return 0;
}

/* Extended slice assignment: the m items of src to l[start::step], m
 * being the slice's length. */
static int list_ass_extended(FtListObject *l, ssize_t start, ssize_t step,
                             FtObject *const *src, ssize_t m)
{
    FtObject *stackbuf[REFS_STACK];
    FtObject **old = refs_buffer(stackbuf, m);
    if (old == NULL)
        return -1;
    for (ssize_t i = 0; i < m; i++) {
        ssize_t cur = start + i * step; /* cur += step could overflow */
        old[i] = l->items[cur];
        SLOT_STORE(l->items, cur, FT_NEWREF(src[i]));
    }
    refs_release_forward(old, m, stackbuf);
    return 0;
}

static int list_ass_slice(FtListObject *l, FtObject *slice, FtObject *v)
{
    ssize_t start, stop, step;
    /* Every __index__ of the bounds runs before the length is read. */
    if (ft_slice_indices(slice, &start, &stop, &step) < 0)
        return -1;
    ssize_t rstart = start, rstop = stop;
    ssize_t len = ft_slice_adjust(l->size, &start, &stop, step);
    if (v == NULL && step == 1)
        return list_replace(l, start, start + len, NULL, 0);
    if (v == NULL) {
        /* Extended deletion: compact the survivors, then drop the rest. */
        if (len == 0)
            return 0;
        if (step < 0) {
            start = start + step * (len - 1);
            step = -step;
        }
        FtObject *stackbuf[REFS_STACK];
        FtObject **garbage = refs_buffer(stackbuf, len);
        if (garbage == NULL)
            return -1;
        ssize_t cur = start, i = 0, dst = start;
        for (ssize_t src = start; src < l->size; src++) {
            if (i < len && src == cur) {
                garbage[i++] = l->items[src];
                if (i < len) /* past the last one it could overflow */
                    cur += step;
            } else {
                SLOT_STORE(l->items, dst++, l->items[src]);
            }
        }
        list_resize(l, l->size - len); /* shrinking never fails */
        refs_release_forward(garbage, len, stackbuf);
        return 0;
    }
    FtObject *tmp;
    FtObject *const *src;
    ssize_t m;
    /* Iterating v runs Python code, which may change the list again. */
    if (value_items(v, step == 1, &tmp, &src, &m) < 0)
        return -1;
    int r;
    if (step == 1) {
        r = list_replace(l, start, start + len, src, m); /* clamps again */
    } else {
        /* CPython keeps the slice it computed before iterating v (and so
         * its error message); the indices are only used while every one
         * is still inside the list. */
        ssize_t last = step > 0 ? start + (len - 1) * step : start;
        if (m == len && len > 0 && last >= l->size) {
            start = rstart;
            stop = rstop;
            len = ft_slice_adjust(l->size, &start, &stop, step);
        }
        if (m != len) {
            ft_err_format(FtExc_ValueError,
                          "attempt to assign sequence of size %zd to "
                          "extended slice of size %zd",
                          m, len);
            r = -1;
        } else {
            r = list_ass_extended(l, start, step, src, m);
        }
    }
    FT_XDECREF(tmp);
    return r;
}

/* ---- slots --------------------------------------------------------------------- */

static void list_dealloc(FtObject *op)
{
    FtListObject *l = L(op);
    if (l->items != NULL) {
        decref_array(l->items, l->size);
        items_free(l->items);
    }
    if (FT_LIST_CHECK_EXACT(op)) {
        FtThreadState *ts = ft_tstate_get();
        int pushed = 0;
        FT_FREELIST_LOCK();
        if (ts->freelist_len[FT_FL_LIST] < FT_FREELIST_MAX) {
            FT_FREELIST_NEXT(op) = ts->freelist[FT_FL_LIST];
            ts->freelist[FT_FL_LIST] = op;
            ts->freelist_len[FT_FL_LIST]++;
            pushed = 1;
        }
        FT_FREELIST_UNLOCK();
        if (pushed)
            return;
    }
    ft_object_free(op);
}

static FtObject *list_repr_locked(FtObject *op)
{
    FtListObject *l = L(op);
    if (l->size == 0)
        return ft_str_from_cstr("[]");
    int r = ft_repr_enter(op);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("[...]") : NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, '[') < 0)
        goto fail;
    /* Re-read the size each time: an item's repr may change the list. */
    for (ssize_t i = 0; i < l->size; i++) {
        if (i > 0 && ft_sb_append(&sb, ", ", 2) < 0)
            goto fail;
        FtObject *item = FT_NEWREF(l->items[i]);
        int k = ft_sb_append_repr(&sb, item);
        FT_DECREF(item);
        if (k < 0)
            goto fail;
    }
    if (ft_sb_append_char(&sb, ']') < 0)
        goto fail;
    ft_repr_leave(op);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(op);
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *list_repr(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = list_repr_locked(op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtObject *list_richcompare_locked(FtObject *a, FtObject *b, int op)
{
    FtListObject *la = L(a), *lb = L(b);
    if ((op == FT_EQ || op == FT_NE) && la->size != lb->size)
        return ft_bool_from(op == FT_NE);
    FtThreadState *ts = ft_tstate_get();
    if (++ts->recursion_depth > ts->recursion_limit &&
        ts->recursion_headroom == 0) {
        --ts->recursion_depth;
        ft_err_set_string(FtExc_RecursionError,
                          "maximum recursion depth exceeded in comparison");
        return NULL;
    }
    FtObject *res = NULL;
    ssize_t i;
    for (i = 0; i < la->size && i < lb->size; i++) {
        FtObject *x = la->items[i], *y = lb->items[i];
        if (x == y)
            continue;
        FT_INCREF(x);
        FT_INCREF(y);
        int k = ft_object_richcompare_bool(x, y, FT_EQ);
        FT_DECREF(x);
        FT_DECREF(y);
        if (k < 0)
            goto done;
        if (!k)
            break;
    }
    if (i >= la->size || i >= lb->size) {
        ssize_t na = la->size, nb = lb->size;
        int r;
        switch (op) {
        case FT_LT: r = na < nb; break;
        case FT_LE: r = na <= nb; break;
        case FT_EQ: r = na == nb; break;
        case FT_NE: r = na != nb; break;
        case FT_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        res = ft_bool_from(r);
    } else if (op == FT_EQ || op == FT_NE) {
        res = ft_bool_from(op == FT_NE);
    } else {
        FtObject *x = FT_NEWREF(la->items[i]), *y = FT_NEWREF(lb->items[i]);
        res = ft_object_richcompare(x, y, op);
        FT_DECREF(x);
        FT_DECREF(y);
    }
done:
    ts->recursion_depth--;
    return res;
}

static FtObject *list_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_LIST_CHECK(a) || !FT_LIST_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION2(a, b);
    res = list_richcompare_locked(a, b, op);
    FT_END_CRITICAL_SECTION2();
    return res;
}

static ssize_t list_len(FtObject *op) { return ft_list_size(op); }

/* Slices and __index__ keys (list_getitem takes exact ints itself). */
static FtObject *list_getitem_locked(FtObject *op, FtObject *key)
{
    FtListObject *l = L(op);
    ssize_t i;
    if (FT_SLICE_CHECK(key)) {
        /* The bounds' __index__ may change the list: the length is read
         * after them. */
        ssize_t start, stop, step;
        if (ft_slice_indices(key, &start, &stop, &step) < 0)
            return NULL;
        if (step == 1) {
            ft_slice_adjust(l->size, &start, &stop, step);
            return list_copy_locked(l, start, stop);
        }
        return list_copy_step_locked(l, start, stop, step);
    } else if (ft_seq_index(key, "list", &i) < 0) {
        return NULL;
    }
    return list_get_locked(op, i);
}

static FtObject *list_getitem(FtObject *op, FtObject *key)
{
    FtObject *r;
    /* the lock-free read, where there is one */
    if (FT_INT_CHECK_EXACT(key) && FT_INT_IS_SMALL(key))
        return ft_list_get(op, (ssize_t)FT_INT_VALUE(key));
    FT_BEGIN_CRITICAL_SECTION(op);
    r = list_getitem_locked(op, key);
    FT_END_CRITICAL_SECTION();
    return r;
}

static int list_setitem_locked(FtObject *op, FtObject *key, FtObject *value)
{
    FtListObject *l = L(op);
    ssize_t i;
    if (FT_INT_CHECK_EXACT(key) && FT_INT_IS_SMALL(key)) {
        i = (ssize_t)FT_INT_VALUE(key);
    } else if (FT_SLICE_CHECK(key)) {
        return list_ass_slice(l, key, value);
    } else if (ft_seq_index(key, "list", &i) < 0) {
        return -1;
    }
    if (i < 0)
        i += l->size;
    if ((size_t)i >= (size_t)l->size) {
        ft_err_set_string(FtExc_IndexError,
                          "list assignment index out of range");
        return -1;
    }
    FtObject *old = l->items[i];
    if (value == NULL) {
        list_move(l, i, i + 1, l->size - i - 1);
        list_resize(l, l->size - 1); /* shrinking never fails */
    } else {
        SLOT_STORE(l->items, i, FT_NEWREF(value));
    }
    DROP_REF(old);
    return 0;
}

static int list_setitem(FtObject *op, FtObject *key, FtObject *value)
{
    int r;
    if (value != NULL && FT_LIST_CHECK(value) && FT_SLICE_CHECK(key)) {
        /* a[i:j] = b: atomic with respect to both lists */
        FT_BEGIN_CRITICAL_SECTION2(op, value);
        r = list_setitem_locked(op, key, value);
        FT_END_CRITICAL_SECTION2();
    } else {
        FT_BEGIN_CRITICAL_SECTION(op);
        r = list_setitem_locked(op, key, value);
        FT_END_CRITICAL_SECTION();
    }
    return r;
}

static int list_contains_locked(FtObject *op, FtObject *v)
{
    FtListObject *l = L(op);
    for (ssize_t i = 0; i < l->size; i++) {
        FtObject *item = l->items[i];
        if (item == v)
            return 1;
        FT_INCREF(item);
        int k = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (k != 0)
            return k;
    }
    return 0;
}

static int list_contains(FtObject *op, FtObject *v)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = list_contains_locked(op, v);
    FT_END_CRITICAL_SECTION();
    return r;
}

/* Mirrors tuple.c: a user class on the other side gets a chance through
 * its reflected method; a built-in one gets CPython's message. */
static int repeat_count(FtObject *n, int64_t *count)
{
    if (FT_INT_CHECK(n))
        return ft_int_as_count(n, count) < 0 ? -1 : 1;
    if (ft_type_lookup(FT_TYPE(n), FT_ID(__index__)) != NULL)
        return ft_number_as_i64(n, count) < 0 ? -1 : 1;
    if (FT_TYPE(n)->tp_flags & FT_TPFLAGS_HEAPTYPE)
        return 0;
    ft_err_format(FtExc_TypeError,
                  "can't multiply sequence by non-int of type '%s'",
                  ft_type_name(FT_TYPE(n)));
    return -1;
}

static FtObject *list_repeat_locked(FtListObject *l, int64_t count)
{
    ssize_t n = l->size;
    if (count <= 0 || n == 0)
        return ft_list_new(0);
    if (count > SSIZE_MAX / (ssize_t)sizeof(FtObject *) / n)
        return ft_err_no_memory();
    FtObject *res = ft_list_new(n * (ssize_t)count);
    if (res == NULL)
        return NULL;
    FtObject **dst = L(res)->items;
    for (int64_t c = 0; c < count; c++)
        for (ssize_t i = 0; i < n; i++)
            *dst++ = FT_NEWREF(l->items[i]);
    return res;
}

static FtObject *list_repeat(FtListObject *l, int64_t count)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(l);
    res = list_repeat_locked(l, count);
    FT_END_CRITICAL_SECTION();
    return res;
}

static FtObject *list_concat_locked(FtObject *a, FtObject *b)
{
    ssize_t na = L(a)->size, nb = L(b)->size;
    if (na > SSIZE_MAX / 16 || nb > SSIZE_MAX / 16)
        return ft_err_no_memory();
    FtObject *res = ft_list_new(na + nb);
    if (res == NULL)
        return NULL;
    for (ssize_t i = 0; i < na; i++)
        L(res)->items[i] = FT_NEWREF(L(a)->items[i]);
    for (ssize_t i = 0; i < nb; i++)
        L(res)->items[na + i] = FT_NEWREF(L(b)->items[i]);
    return res;
}

static FtObject *list_binop(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD) {
        if (!FT_LIST_CHECK(a))
            FT_RETURN_NOTIMPLEMENTED;
        if (!FT_LIST_CHECK(b)) {
            if (FT_TYPE(b)->tp_flags & FT_TPFLAGS_HEAPTYPE)
                FT_RETURN_NOTIMPLEMENTED;
            ft_err_format(FtExc_TypeError,
                          "can only concatenate list (not \"%s\") to list",
                          ft_type_name(FT_TYPE(b)));
            return NULL;
        }
        FtObject *res;
        FT_BEGIN_CRITICAL_SECTION2(a, b);
        res = list_concat_locked(a, b);
        FT_END_CRITICAL_SECTION2();
        return res;
    }
    if (op == FT_OP_MUL) {
        FtObject *seq = FT_LIST_CHECK(a) ? a : b;
        int64_t count;
        int r = repeat_count(seq == a ? b : a, &count);
        if (r < 0)
            return NULL;
        if (r == 0)
            FT_RETURN_NOTIMPLEMENTED;
        return list_repeat(L(seq), count);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *list_irepeat_locked(FtListObject *l, int64_t count)
{
    ssize_t n = l->size;
    if (count <= 0 || n == 0) {
        list_clear_items(l);
        return FT_NEWREF(l);
    }
    if (count > SSIZE_MAX / (ssize_t)sizeof(FtObject *) / n)
        return ft_err_no_memory();
    if (list_resize(l, n * (ssize_t)count) < 0)
        return NULL;
    for (ssize_t i = n; i < l->size; i++)
        SLOT_STORE(l->items, i, FT_NEWREF(l->items[i - n]));
    return FT_NEWREF(l);
}

static FtObject *list_inplace(FtObject *a, FtObject *b, int op)
{
    if (!FT_LIST_CHECK(a))
        FT_RETURN_NOTIMPLEMENTED;
    FtListObject *l = L(a);
    if (op == FT_OP_ADD) {
        if (ft_list_extend(a, b) < 0)
            return NULL;
        return FT_NEWREF(a);
    }
    if (op == FT_OP_MUL) {
        int64_t count;
        int r = repeat_count(b, &count);
        if (r < 0)
            return NULL;
        if (r == 0)
            FT_RETURN_NOTIMPLEMENTED;
        FtObject *res;
        FT_BEGIN_CRITICAL_SECTION(a);
        res = list_irepeat_locked(l, count);
        FT_END_CRITICAL_SECTION();
        return res;
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *list_new(FtType *type, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return (FtObject *)list_alloc(type);
}

static int list_init(FtObject *self, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "list expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return -1;
    }
    FT_BEGIN_CRITICAL_SECTION(self);
    if (L(self)->size > 0)
        list_clear_items(L(self));
    FT_END_CRITICAL_SECTION();
    if (nargs == 1)
        return ft_list_extend(self, args[0]);
    return 0;
}

static FtObject *list_iter(FtObject *op) { return ft_list_iter_new(op, 0); }

/* ---- methods ------------------------------------------------------------------- */

static FtObject *m_append(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("list.append", nargs, 1, 1) < 0)
        return NULL;
    if (ft_list_append(self, args[0]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_extend(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("list.extend", nargs, 1, 1) < 0)
        return NULL;
    if (ft_list_extend(self, args[0]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_insert(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    int64_t i;
    if (ft_arg_count("insert", nargs, 2, 2) < 0)
        return NULL;
    if (ft_number_as_i64(args[0], &i) < 0)
        return NULL;
    if (ft_list_insert(self, (ssize_t)i, args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_pop(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    int64_t i = -1;
    if (ft_arg_count("pop", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && ft_number_as_i64(args[0], &i) < 0)
        return NULL;
    return ft_list_pop(self, (ssize_t)i);
}

/* Finds value in l[start:stop]: its index, -1 if absent, -2 on error. */
static ssize_t list_find(FtListObject *l, FtObject *v, ssize_t start,
                         ssize_t stop)
{
    for (ssize_t i = start; i < stop && i < l->size; i++) {
        FtObject *item = FT_NEWREF(l->items[i]);
        int k = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (k < 0)
            return -2;
        if (k)
            return i;
    }
    return -1;
}

static FtObject *m_remove(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("list.remove", nargs, 1, 1) < 0)
        return NULL;
    /* Find and delete in one section (the comparisons may let another
     * thread in; list_find re-reads the size after each one). */
    ssize_t i;
    FtObject *v = NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    i = list_find(L(self), args[0], 0, L(self)->size);
    if (i >= 0)
        v = list_pop_locked(self, i);
    FT_END_CRITICAL_SECTION();
    if (i == -2)
        return NULL;
    if (i == -1) {
        ft_err_set_string(FtExc_ValueError, "list.remove(x): x not in list");
        return NULL;
    }
    if (v == NULL)
        return NULL;
    FT_DECREF(v);
    FT_RETURN_NONE;
}

static FtObject *m_index(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("index", nargs, 1, 3) < 0)
        return NULL;
    ssize_t start = 0, stop = SSIZE_MAX;
    if (nargs > 1 && ft_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && ft_slice_index(args[2], &stop) < 0)
        return NULL;
    ssize_t i;
    FT_BEGIN_CRITICAL_SECTION(self);
    ssize_t n = L(self)->size;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    i = list_find(L(self), args[0], start, stop);
    FT_END_CRITICAL_SECTION();
    if (i == -2)
        return NULL;
    if (i == -1) {
        ft_err_format(FtExc_ValueError, "%R is not in list", args[0]);
        return NULL;
    }
    return ft_int_from_i64(i);
}

static FtObject *m_count(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("list.count", nargs, 1, 1) < 0)
        return NULL;
    FtListObject *l = L(self);
    int64_t c = 0;
    int err = 0;
    FT_BEGIN_CRITICAL_SECTION(self);
    for (ssize_t i = 0; i < l->size; i++) {
        FtObject *item = FT_NEWREF(l->items[i]);
        int k = ft_object_richcompare_bool(item, args[0], FT_EQ);
        FT_DECREF(item);
        if (k < 0) {
            err = 1;
            break;
        }
        c += k;
    }
    FT_END_CRITICAL_SECTION();
    if (err)
        return NULL;
    return ft_int_from_i64(c);
}

static FtObject *m_clear(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("list.clear", nargs, 0, 0) < 0)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    list_clear_items(L(self));
    FT_END_CRITICAL_SECTION();
    FT_RETURN_NONE;
}

static FtObject *m_copy(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("list.copy", nargs, 0, 0) < 0)
        return NULL;
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(self);
    res = list_copy_locked(L(self), 0, SSIZE_MAX);
    FT_END_CRITICAL_SECTION();
    return res;
}

static FtObject *m_reverse(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("list.reverse", nargs, 0, 0) < 0)
        return NULL;
    ft_list_reverse(self);
    FT_RETURN_NONE;
}

static FtObject *m_reversed(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return ft_list_iter_new(self, 1);
}

static FtObject *m_sort(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    static const char *const kwlist[] = {"key", "reverse", NULL};
    FtObject *out[2] = {NULL, NULL};
    if (nargs > 0) {
        ft_err_set_string(FtExc_TypeError,
                          "sort() takes no positional arguments");
        return NULL;
    }
    if (ft_arg_parse("sort", args, nargs, kwnames, kwlist, 0, 0, out) < 0)
        return NULL;
    int reverse = 0;
    if (out[1] != NULL && (reverse = ft_object_is_true(out[1])) < 0)
        return NULL;
    FtObject *key = out[0] == FT_None ? NULL : out[0];
    if (ft_list_sort(self, key, reverse) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtMethodDef list_methods[] = {
    {"append", m_append, 0, NULL},
    {"extend", m_extend, 0, NULL},
    {"insert", m_insert, 0, NULL},
    {"pop", m_pop, 0, NULL},
    {"remove", m_remove, 0, NULL},
    {"index", m_index, 0, NULL},
    {"count", m_count, 0, NULL},
    {"clear", m_clear, 0, NULL},
    {"copy", m_copy, 0, NULL},
    {"reverse", m_reverse, 0, NULL},
    {"sort", m_sort, FT_METH_KEYWORDS, NULL},
    {"__reversed__", m_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* The collector calls these with the world stopped (traverse) or on
 * garbage no other thread can reach (clear): no lock needed. A list being
 * sorted has no array: its items are counted but not visited, so they
 * look referenced from outside, which is safe. */
static int list_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FtListObject *l = L(op);
    FtObject **items = l->items;
    if (items == NULL)
        return 0;
    for (ssize_t i = 0, n = l->size; i < n; i++)
        FT_VISIT(items[i]);
    return 0;
}

static int list_gc_clear(FtObject *op)
{
    list_clear_items(L(op));
    return 0;
}

FtType FtList_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "list",
    .tp_basicsize = sizeof(FtListObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_LIST_SUBCLASS |
                FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = list_dealloc,
    .tp_traverse = list_traverse,
    .tp_clear = list_gc_clear,
    .tp_repr = list_repr,
    .tp_richcompare = list_richcompare,
    .tp_len = list_len,
    .tp_getitem = list_getitem,
    .tp_setitem = list_setitem,
    .tp_contains = list_contains,
    .tp_iter = list_iter,
    .tp_binop = list_binop,
    .tp_inplace = list_inplace,
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.",
};
