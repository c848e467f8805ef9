/* interp/mod_collections.c — the _collections module: deque (a ring buffer
 * of references) and its two iterators. lib/collections/__init__.py builds
 * the rest of the collections package on top of it.
 *
 * Free-threaded builds: every operation runs inside the deque's critical
 * section, so append, appendleft, pop, popleft, extend and extendleft are
 * each atomic, as in CPython. extend materialises its argument first
 * (outside the section: iterating runs Python code), then adds all of it
 * in one section. Items a bounded deque drops, and anything else an
 * operation releases, are DECREF'd after the section ends, when the deque
 * is consistent again (a __del__ may look at it). len() reads the size
 * with an atomic load; writers store it atomically under the lock.
 * Comparisons (count, index, remove, `in`) call __eq__ inside the section;
 * as with list, the section may be suspended meanwhile, so they re-check
 * the deque's state counter after each call.
 */
#include "objects/object.h"
#include "interp/modules.h"
#include "objects/typeobject.h"
#include "runtime/atomics.h"
#include "runtime/lock.h"

#include <limits.h>
#include <string.h>

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject **items; /* ring of cap slots; cap is 0 or a power of two */
    ssize_t cap;
    ssize_t head;   /* slot of the first item */
    ssize_t size;   /* stored atomically: len() reads it without the lock */
    ssize_t maxlen; /* -1: unbounded; __init__ stores it atomically under
                       the lock, so the maxlen getter may read it without */
    uint64_t state; /* bumped by every change of length or order */
} DequeObject;

FT_OBJECT_LOCK_CHECK(DequeObject);

extern FtType FtDeque_Type;
static FtType DequeIter_Type;
static FtType DequeRevIter_Type;

#define D(op) ((DequeObject *)(op))
#define DEQUE_CHECK(op) ft_type_check((FtObject *)(op), &FtDeque_Type)
#define SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])
#define MIN_CAP 8

static void set_size(DequeObject *d, ssize_t n)
{
    ft_atomic_store_ssize(&d->size, n);
}

/* ---- storage (caller holds the lock) ----------------------------------------- */

/* Moves the items to a new ring of newcap slots (>= size), first at 0. */
static int ring_resize(DequeObject *d, ssize_t newcap)
{
    if ((size_t)newcap > (size_t)SSIZE_MAX / sizeof(FtObject *)) {
        ft_err_no_memory();
        return -1;
    }
    FtObject **items = ft_mem_alloc((size_t)newcap * sizeof(FtObject *));
    if (items == NULL) {
        ft_err_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < d->size; i++)
        items[i] = SLOT(d, i);
    ft_mem_free(d->items);
    d->items = items;
    d->cap = newcap;
    d->head = 0;
    return 0;
}

static int ring_reserve(DequeObject *d, ssize_t extra)
{
    if (d->size + extra <= d->cap)
        return 0;
    ssize_t cap = d->cap > 0 ? d->cap : MIN_CAP;
    while (cap < d->size + extra) {
        if (cap > SSIZE_MAX / 2) {
            ft_err_no_memory();
            return -1;
        }
        cap *= 2;
    }
    return ring_resize(d, cap);
}

/* Gives memory back once the ring is mostly empty; failing is harmless. */
static void ring_maybe_shrink(DequeObject *d)
{
    if (d->cap > MIN_CAP && d->size <= d->cap / 4) {
        FtObject *exc = ft_err_fetch();
        if (ring_resize(d, d->cap / 2) < 0)
            ft_err_clear();
        ft_err_restore(exc);
    }
}

static FtObject *take_back(DequeObject *d)
{
    FtObject *v = SLOT(d, d->size - 1);
    set_size(d, d->size - 1);
    d->state++;
    return v;
}

static FtObject *take_front(DequeObject *d)
{
    FtObject *v = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    set_size(d, d->size - 1);
    d->state++;
    return v;
}

/* Adds item (stolen) at one end; room must have been reserved. Returns the
 * item a full bounded deque dropped from the other end (the caller
 * releases it after the section), or NULL. */
static FtObject *put_back(DequeObject *d, FtObject *item)
{
    if (d->maxlen == 0)
        return item;
    FtObject *dropped = d->size == d->maxlen ? take_front(d) : NULL;
    SLOT(d, d->size) = item;
    set_size(d, d->size + 1);
    d->state++;
    return dropped;
}

static FtObject *put_front(DequeObject *d, FtObject *item)
{
    if (d->maxlen == 0)
        return item;
    FtObject *dropped = d->size == d->maxlen ? take_back(d) : NULL;
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = item;
    set_size(d, d->size + 1);
    d->state++;
    return dropped;
}

/* The items a deque held, taken out of it to be released outside its
 * critical section. */
typedef struct {
    FtObject **items;
    ssize_t cap, head, size;
} DetachedRing;

static DetachedRing detach_items(DequeObject *d)
{
    DetachedRing r = {d->items, d->cap, d->head, d->size};
    d->items = NULL;
    d->cap = 0;
    d->head = 0;
    set_size(d, 0);
    d->state++;
    return r;
}

static void release_ring(DetachedRing r)
{
    for (ssize_t i = 0; i < r.size; i++)
        FT_DECREF(r.items[(r.head + i) & (r.cap - 1)]);
    ft_mem_free(r.items);
}

static void release_items(FtObject **items, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        FT_DECREF(items[i]);
    ft_mem_free(items);
}

static void deque_clear_all(DequeObject *d)
{
    DetachedRing r;
    FT_BEGIN_CRITICAL_SECTION(d);
    r = detach_items(d);
    FT_END_CRITICAL_SECTION();
    release_ring(r);
}

/* A new list of the items (one section: a consistent snapshot). */
static FtObject *deque_snapshot(DequeObject *d)
{
    FtObject *list = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    list = ft_list_new(d->size);
    if (list != NULL)
        for (ssize_t i = 0; i < d->size; i++)
            FT_LIST_ITEMS(list)[i] = FT_NEWREF(SLOT(d, i));
    FT_END_CRITICAL_SECTION();
    return list;
}

/* ---- adding and removing ------------------------------------------------------- */

static int deque_push(DequeObject *d, FtObject *item, int left)
{
    FtObject *dropped = NULL;
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION(d);
    if (ring_reserve(d, 1) < 0) {
        r = -1;
    } else {
        FT_INCREF(item);
        dropped = left ? put_front(d, item) : put_back(d, item);
    }
    FT_END_CRITICAL_SECTION();
    FT_XDECREF(dropped);
    return r;
}

static FtObject *deque_take(DequeObject *d, int left)
{
    FtObject *v = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    if (d->size == 0) {
        ft_err_set_string(FtExc_IndexError, "pop from an empty deque");
    } else {
        v = left ? take_front(d) : take_back(d);
        ring_maybe_shrink(d);
    }
    FT_END_CRITICAL_SECTION();
    return v;
}

/* Adds every item of an iterable, in one section. */
static int deque_extend_impl(DequeObject *d, FtObject *iterable, int left)
{
    FtObject *seq = ft_list_from_iterable(iterable);
    if (seq == NULL)
        return -1;
    FtObject **dropped = NULL;
    ssize_t ndropped = 0;
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION(d);
    ssize_t n = FT_LIST_SIZE(seq);
    ssize_t room = d->maxlen >= 0 && d->maxlen < n ? d->maxlen : n;
    if (n > 0 && ring_reserve(d, room) < 0) {
        r = -1;
    } else if (n > 0) {
        /* only a bounded deque drops items */
        if (d->maxlen >= 0 &&
            (dropped = ft_mem_alloc((size_t)n * sizeof(FtObject *))) == NULL) {
            ft_err_no_memory();
            r = -1;
        } else {
            for (ssize_t i = 0; i < n; i++) {
                FtObject *item = FT_NEWREF(FT_LIST_ITEMS(seq)[i]);
                FtObject *x = left ? put_front(d, item) : put_back(d, item);
                if (x != NULL)
                    dropped[ndropped++] = x;
            }
        }
    }
    FT_END_CRITICAL_SECTION();
    if (dropped != NULL)
        release_items(dropped, ndropped);
    FT_DECREF(seq);
    return r;
}

/* Moves the last n items to the front (n may be negative). */
static void rotate_locked(DequeObject *d, int64_t n)
{
    ssize_t len = d->size;
    if (len <= 1)
        return;
    int64_t k = n % len;
    if (k < 0)
        k += len;
    if (k == 0)
        return;
    d->state++;
    if (len == d->cap) {
        d->head = (d->head - k) & (d->cap - 1);
        return;
    }
    if (k <= len / 2) {
        for (int64_t i = 0; i < k; i++) {
            FtObject *v = SLOT(d, len - 1);
            d->head = (d->head - 1) & (d->cap - 1);
            d->items[d->head] = v;
        }
    } else {
        for (int64_t i = 0; i < len - k; i++) {
            FtObject *v = d->items[d->head];
            d->head = (d->head + 1) & (d->cap - 1);
            SLOT(d, len - 1) = v;
        }
    }
}

/* Removes the item at i (0 <= i < size) and returns it. */
static FtObject *remove_at(DequeObject *d, ssize_t i)
{
    FtObject *v = SLOT(d, i);
    if (i < d->size / 2) {
        for (ssize_t j = i; j > 0; j--)
            SLOT(d, j) = SLOT(d, j - 1);
        d->head = (d->head + 1) & (d->cap - 1);
    } else {
        for (ssize_t j = i; j < d->size - 1; j++)
            SLOT(d, j) = SLOT(d, j + 1);
    }
    set_size(d, d->size - 1);
    d->state++;
    return v;
}

/* ---- searching ----------------------------------------------------------------- */

/* Compares items [start, stop) with v. mode 0: first index or -1 (also
 * for `in`); mode 1: count. -2 on error. Caller holds the lock. */
static ssize_t search_locked(DequeObject *d, FtObject *v, ssize_t start,
                             ssize_t stop, int count, FtType *mut_exc)
{
    uint64_t state = d->state;
    ssize_t found = 0;
    for (ssize_t i = start; i < stop && i < d->size; i++) {
        FtObject *item = FT_NEWREF(SLOT(d, i));
        int eq = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (eq < 0)
            return -2;
        if (d->state != state) {
            ft_err_set_string(mut_exc, "deque mutated during iteration");
            return -2;
        }
        if (eq) {
            if (!count)
                return i;
            found++;
        }
    }
    return count ? found : -1;
}

/* ---- helpers for arguments -------------------------------------------------- */

/* A deque index: an int or an object with __index__. */
static int deque_index_arg(FtObject *key, ssize_t *out)
{
    static FtObject *index_name;
    int64_t v;
    if (FT_INT_CHECK(key)) {
        if (ft_int_as_index(key, &v) < 0)
            return -1;
    } else {
        if (ft_intern_static(&index_name, "__index__") == NULL)
            return -1;
        if (ft_type_lookup(FT_TYPE(key), index_name) == NULL) {
            ft_err_format(FtExc_TypeError,
                          "sequence index must be integer, not '%s'",
                          ft_type_name(FT_TYPE(key)));
            return -1;
        }
        if (ft_number_as_i64(key, &v) < 0)
            return -1;
    }
    *out = (ssize_t)v;
    return 0;
}

/* index()'s start and stop: clamped like slice bounds, but None is no
 * default here. */
static int bound_arg(FtObject *o, ssize_t *out)
{
    static FtObject *index_name;
    if (!FT_INT_CHECK(o)) {
        if (ft_intern_static(&index_name, "__index__") == NULL)
            return -1;
        if (ft_type_lookup(FT_TYPE(o), index_name) == NULL) {
            ft_err_set_string(FtExc_TypeError,
                              "slice indices must be integers or have an "
                              "__index__ method");
            return -1;
        }
    }
    return ft_slice_index(o, out);
}

static int parse_maxlen(FtObject *o, ssize_t *out)
{
    *out = -1;
    if (o == NULL || o == FT_None)
        return 0;
    if (!FT_INT_CHECK(o)) {
        ft_err_set_string(FtExc_TypeError, "an integer is required");
        return -1;
    }
    int64_t v;
    if (ft_int_as_index(o, &v) < 0)
        return -1;
    if (v < 0) {
        ft_err_set_string(FtExc_ValueError, "maxlen must be non-negative");
        return -1;
    }
    *out = (ssize_t)v;
    return 0;
}

static ssize_t get_maxlen(DequeObject *d)
{
    return ft_atomic_load_ssize(&d->maxlen);
}

/* ---- construction ------------------------------------------------------------- */

static FtObject *deque_tp_new(FtType *type, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    FtObject *op = ft_object_new(type);
    if (op != NULL)
        D(op)->maxlen = -1;
    return op;
}

static int deque_tp_init(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    static const char *const kwlist[] = {"iterable", "maxlen", NULL};
    FtObject *out[2] = {NULL, NULL};
    ssize_t maxlen;
    if (ft_arg_parse("deque", args, nargs, kwnames, kwlist, 0, 2, out) < 0 ||
        parse_maxlen(out[1], &maxlen) < 0)
        return -1;
    /* emptied and re-bounded in one step: sections read maxlen plainly */
    DetachedRing r;
    FT_BEGIN_CRITICAL_SECTION(self);
    r = detach_items(D(self));
    ft_atomic_store_ssize(&D(self)->maxlen, maxlen);
    FT_END_CRITICAL_SECTION();
    release_ring(r);
    if (out[0] != NULL)
        return deque_extend_impl(D(self), out[0], 0);
    return 0;
}

/* A deque of the same type and maxlen holding the same items. */
static FtObject *deque_copy_of(FtObject *self)
{
    ssize_t maxlen = get_maxlen(D(self));
    if (FT_TYPE(self) == &FtDeque_Type) {
        FtObject *r = deque_tp_new(&FtDeque_Type, NULL, 0, NULL);
        if (r == NULL)
            return NULL;
        D(r)->maxlen = maxlen;
        FtObject *items = deque_snapshot(D(self));
        if (items == NULL || deque_extend_impl(D(r), items, 0) < 0) {
            FT_XDECREF(items);
            FT_DECREF(r);
            return NULL;
        }
        FT_DECREF(items);
        return r;
    }
    /* a subclass: type(d)(d) or type(d)(d, maxlen), as CPython */
    if (maxlen < 0)
        return ft_call1((FtObject *)FT_TYPE(self), self);
    FtObject *m = ft_int_from_i64(maxlen);
    if (m == NULL)
        return NULL;
    FtObject *r = ft_call2((FtObject *)FT_TYPE(self), self, m);
    FT_DECREF(m);
    return r;
}

/* ---- methods -------------------------------------------------------------- */

static FtObject *m_append(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("deque.append", nargs, 1, 1) < 0 ||
        deque_push(D(self), args[0], 0) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_appendleft(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deque.appendleft", nargs, 1, 1) < 0 ||
        deque_push(D(self), args[0], 1) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_pop(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (ft_arg_count("deque.pop", nargs, 0, 0) < 0)
        return NULL;
    return deque_take(D(self), 0);
}

static FtObject *m_popleft(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deque.popleft", nargs, 0, 0) < 0)
        return NULL;
    return deque_take(D(self), 1);
}

static FtObject *m_extend(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("deque.extend", nargs, 1, 1) < 0 ||
        deque_extend_impl(D(self), args[0], 0) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_extendleft(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deque.extendleft", nargs, 1, 1) < 0 ||
        deque_extend_impl(D(self), args[0], 1) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_rotate(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    int64_t n = 1;
    if (ft_arg_count("deque.rotate", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && ft_number_as_i64(args[0], &n) < 0)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    rotate_locked(D(self), n);
    FT_END_CRITICAL_SECTION();
    FT_RETURN_NONE;
}

static FtObject *m_clear(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("deque.clear", nargs, 0, 0) < 0)
        return NULL;
    deque_clear_all(D(self));
    FT_RETURN_NONE;
}

static FtObject *m_copy(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("deque.copy", nargs, 0, 0) < 0)
        return NULL;
    return deque_copy_of(self);
}

static FtObject *m_copy_dunder(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deque.__copy__", nargs, 0, 0) < 0)
        return NULL;
    return deque_copy_of(self);
}

static FtObject *m_count(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    ssize_t r;
    if (ft_arg_count("deque.count", nargs, 1, 1) < 0)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    r = search_locked(D(self), args[0], 0, SSIZE_MAX, 1,
                      FtExc_RuntimeError);
    FT_END_CRITICAL_SECTION();
    return r < 0 ? NULL : ft_int_from_i64(r);
}

static FtObject *m_index(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    ssize_t start = 0, stop = SSIZE_MAX, r;
    if (nargs < 1 || nargs > 3) {
        ft_err_format(FtExc_TypeError, "index() takes at %s (%zd given)",
                      nargs < 1 ? "least 1 argument" : "most 3 arguments",
                      (ssize_t)nargs);
        return NULL;
    }
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &stop) < 0))
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    ssize_t n = D(self)->size;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0 && (stop += n) < 0)
        stop = 0;
    r = search_locked(D(self), args[0], start, stop, 0, FtExc_RuntimeError);
    FT_END_CRITICAL_SECTION();
    if (r == -1)
        ft_err_format(FtExc_ValueError, "%R is not in deque", args[0]);
    return r < 0 ? NULL : ft_int_from_i64(r);
}

static FtObject *m_insert(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    int64_t i;
    int r = 0;
    if (nargs != 2) {
        ft_err_format(FtExc_TypeError,
                      "insert() takes exactly 2 arguments (%zd given)",
                      (ssize_t)nargs);
        return NULL;
    }
    if (ft_number_as_i64(args[0], &i) < 0)
        return NULL;
    DequeObject *d = D(self);
    FT_BEGIN_CRITICAL_SECTION(d);
    if (d->maxlen >= 0 && d->size >= d->maxlen) {
        ft_err_set_string(FtExc_IndexError,
                          "deque already at its maximum size");
        r = -1;
    } else if (ring_reserve(d, 1) < 0) {
        r = -1;
    } else {
        ssize_t n = d->size;
        if (i < 0 && (i += n) < 0)
            i = 0;
        if (i > n)
            i = n;
        set_size(d, n + 1);
        for (ssize_t j = n; j > (ssize_t)i; j--)
            SLOT(d, j) = SLOT(d, j - 1);
        SLOT(d, i) = FT_NEWREF(args[1]);
        d->state++;
    }
    FT_END_CRITICAL_SECTION();
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_remove(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    FtObject *removed = NULL;
    ssize_t r;
    if (ft_arg_count("deque.remove", nargs, 1, 1) < 0)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    r = search_locked(D(self), args[0], 0, SSIZE_MAX, 0, FtExc_IndexError);
    if (r >= 0)
        removed = remove_at(D(self), r);
    FT_END_CRITICAL_SECTION();
    if (r == -1)
        ft_err_format(FtExc_ValueError, "%R is not in deque", args[0]);
    if (r < 0)
        return NULL;
    FT_DECREF(removed);
    FT_RETURN_NONE;
}

static FtObject *m_reverse(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deque.reverse", nargs, 0, 0) < 0)
        return NULL;
    DequeObject *d = D(self);
    FT_BEGIN_CRITICAL_SECTION(d);
    for (ssize_t i = 0, j = d->size - 1; i < j; i++, j--) {
        FtObject *t = SLOT(d, i);
        SLOT(d, i) = SLOT(d, j);
        SLOT(d, j) = t;
    }
    if (d->size > 1)
        d->state++;
    FT_END_CRITICAL_SECTION();
    FT_RETURN_NONE;
}

static FtObject *deque_iter_new(FtObject *self, int reverse);

static FtObject *m_reversed(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deque.__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return deque_iter_new(self, 1);
}

/* (type(d), ((), maxlen), __dict__ or None, iter(d)): what copy and
 * deepcopy rebuild a deque from. */
static FtObject *m_reduce(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    ssize_t maxlen = get_maxlen(D(self));
    FtObject *m = maxlen < 0 ? FT_NEWREF(FT_None) : ft_int_from_i64(maxlen);
    FtObject *empty = ft_tuple_empty();
    FtObject *cargs = m && empty ? ft_tuple_pack(2, empty, m) : NULL;
    FT_XDECREF(m);
    FT_XDECREF(empty);
    FtObject **dp = ft_object_dict_ptr(self);
    FtObject *dict = dp != NULL ? ft_object_dict_load(dp) : NULL;
    if (dict == NULL || ft_dict_size(dict) == 0)
        dict = FT_None;
    FtObject *it = cargs ? deque_iter_new(self, 0) : NULL;
    FtObject *r = it ? ft_tuple_pack(4, (FtObject *)FT_TYPE(self), cargs,
                                     dict, it)
                     : NULL;
    FT_XDECREF(cargs);
    FT_XDECREF(it);
    return r;
}

static FtObject *m_sizeof(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    ssize_t cap;
    FT_BEGIN_CRITICAL_SECTION(self);
    cap = D(self)->cap;
    FT_END_CRITICAL_SECTION();
    return ft_int_from_i64((int64_t)(sizeof(DequeObject) +
                                     (size_t)cap * sizeof(FtObject *)));
}

/* deque[int] in annotations: ftpy has no GenericAlias, the class stands
 * in (as for list[int]). */
static FtObject *m_class_getitem(FtObject *cls, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__class_getitem__", nargs, 1, 1) < 0)
        return NULL;
    return FT_NEWREF(cls);
}

static FtMethodDef deque_methods[] = {
    {"append", m_append, 0, "Add an element to the right side of the deque."},
    {"appendleft", m_appendleft, 0,
     "Add an element to the left side of the deque."},
    {"pop", m_pop, 0, "Remove and return the rightmost element."},
    {"popleft", m_popleft, 0, "Remove and return the leftmost element."},
    {"extend", m_extend, 0,
     "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", m_extendleft, 0,
     "Extend the left side of the deque with elements from the iterable"},
    {"rotate", m_rotate, 0,
     "Rotate the deque n steps to the right (default n=1).  If n is "
     "negative, rotates left."},
    {"clear", m_clear, 0, "Remove all elements from the deque."},
    {"copy", m_copy, 0, "Return a shallow copy of a deque."},
    {"__copy__", m_copy_dunder, 0, "Return a shallow copy of a deque."},
    {"count", m_count, 0, "D.count(value) -> integer -- return number of "
                          "occurrences of value"},
    {"index", m_index, 0, "D.index(value, [start, [stop]]) -> integer -- "
                          "return first index of value."},
    {"insert", m_insert, 0, "D.insert(index, object) -- insert object "
                            "before index"},
    {"remove", m_remove, 0, "D.remove(value) -- remove first occurrence of "
                            "value."},
    {"reverse", m_reverse, 0, "D.reverse() -- reverse *IN PLACE*"},
    {"__reversed__", m_reversed, 0,
     "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__reduce__", m_reduce, 0, "Return state information for pickling."},
    {"__class_getitem__", m_class_getitem, FT_METH_CLASS,
     "See PEP 585"},
    {"__sizeof__", m_sizeof, 0, "D.__sizeof__() -- size of D in memory, in "
                                "bytes"},
    {NULL, NULL, 0, NULL},
};

static FtObject *get_maxlen_attr(FtObject *self)
{
    ssize_t m = get_maxlen(D(self));
    if (m < 0)
        FT_RETURN_NONE;
    return ft_int_from_i64(m);
}

static FtGetSetDef deque_getset[] = {
    {"maxlen", get_maxlen_attr, NULL},
    {NULL, NULL, NULL},
};

/* ---- slots ---------------------------------------------------------------------- */

static void deque_dealloc(FtObject *op)
{
    DequeObject *d = D(op);
    for (ssize_t i = 0; i < d->size; i++)
        FT_DECREF(SLOT(d, i));
    ft_mem_free(d->items);
    ft_object_free(op);
}

/* The collector calls these with the world stopped (traverse) or on
 * garbage no other thread can reach (clear). */
static int deque_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    DequeObject *d = D(op);
    for (ssize_t i = 0; i < d->size; i++)
        FT_VISIT(SLOT(d, i));
    return 0;
}

static int deque_gc_clear(FtObject *op)
{
    release_ring(detach_items(D(op)));
    return 0;
}

static ssize_t deque_len(FtObject *op)
{
    return ft_atomic_load_ssize(&D(op)->size);
}

static FtObject *deque_repr(FtObject *op)
{
    int r = ft_repr_enter(op);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("[...]") : NULL;
    FtObject *items = deque_snapshot(D(op));
    FtObject *res = NULL;
    if (items != NULL) {
        const char *name = ft_type_name(FT_TYPE(op));
        const char *dot = strrchr(name, '.');
        if (dot != NULL)
            name = dot + 1;
        ssize_t maxlen = get_maxlen(D(op));
        if (maxlen < 0)
            res = ft_str_from_format("%s(%R)", name, items);
        else
            res = ft_str_from_format("%s(%R, maxlen=%zd)", name, items,
                                     maxlen);
        FT_DECREF(items);
    }
    ft_repr_leave(op);
    return res;
}

static ft_hash_t deque_unhashable(FtObject *op)
{
    ft_err_format(FtExc_TypeError, "unhashable type: '%s'",
                  ft_type_name(FT_TYPE(op)));
    return -1;
}

static FtObject *deque_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!DEQUE_CHECK(a) || !DEQUE_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *la = deque_snapshot(D(a));
    FtObject *lb = la ? deque_snapshot(D(b)) : NULL;
    FtObject *r = lb ? ft_object_richcompare(la, lb, op) : NULL;
    FT_XDECREF(la);
    FT_XDECREF(lb);
    return r;
}

static FtObject *deque_getitem(FtObject *op, FtObject *key)
{
    ssize_t i;
    FtObject *v = NULL;
    if (deque_index_arg(key, &i) < 0)
        return NULL;
    DequeObject *d = D(op);
    FT_BEGIN_CRITICAL_SECTION(d);
    ssize_t n = d->size;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        ft_err_set_string(FtExc_IndexError, "deque index out of range");
    else
        v = FT_NEWREF(SLOT(d, i));
    FT_END_CRITICAL_SECTION();
    return v;
}

static int deque_setitem(FtObject *op, FtObject *key, FtObject *value)
{
    ssize_t i;
    FtObject *old = NULL;
    int r = 0;
    if (deque_index_arg(key, &i) < 0)
        return -1;
    DequeObject *d = D(op);
    FT_BEGIN_CRITICAL_SECTION(d);
    ssize_t n = d->size;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n) {
        ft_err_set_string(FtExc_IndexError, "deque index out of range");
        r = -1;
    } else if (value == NULL) {
        old = remove_at(d, i);
        ring_maybe_shrink(d);
    } else {
        old = SLOT(d, i);
        SLOT(d, i) = FT_NEWREF(value);
    }
    FT_END_CRITICAL_SECTION();
    FT_XDECREF(old);
    return r;
}

static int deque_contains(FtObject *op, FtObject *v)
{
    ssize_t r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = search_locked(D(op), v, 0, SSIZE_MAX, 0, FtExc_RuntimeError);
    FT_END_CRITICAL_SECTION();
    return r == -2 ? -1 : r >= 0;
}

/* Repeats the items in place, n times in all (n <= 0 empties). */
static int deque_irepeat(FtObject *self, int64_t n)
{
    if (n <= 0) {
        deque_clear_all(D(self));
        return 0;
    }
    FtObject *items = deque_snapshot(D(self));
    if (items == NULL)
        return -1;
    ssize_t maxlen = get_maxlen(D(self));
    ssize_t len = FT_LIST_SIZE(items);
    /* a bounded deque keeps only its last maxlen items: skip the rest */
    int64_t rounds = n - 1;
    if (maxlen >= 0 && len > 0 && rounds > maxlen / len + 1)
        rounds = maxlen / len + 1;
    if (maxlen < 0 && len > 0 && rounds > (SSIZE_MAX / 16) / len) {
        FT_DECREF(items);
        ft_err_no_memory();
        return -1;
    }
    int r = 0;
    for (int64_t k = 0; k < rounds && len > 0 && r == 0; k++)
        r = deque_extend_impl(D(self), items, 0);
    FT_DECREF(items);
    return r;
}

static int repeat_count(FtObject *n, int64_t *out)
{
    static FtObject *index_name;
    if (!FT_INT_CHECK(n)) {
        if (ft_intern_static(&index_name, "__index__") == NULL)
            return -1;
        if (ft_type_lookup(FT_TYPE(n), index_name) == NULL) {
            ft_err_format(FtExc_TypeError,
                          "can't multiply sequence by non-int of type '%s'",
                          ft_type_name(FT_TYPE(n)));
            return -1;
        }
    }
    return ft_number_as_i64(n, out);
}

static FtObject *deque_binop(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD && DEQUE_CHECK(a)) {
        if (!DEQUE_CHECK(b)) {
            ft_err_format(FtExc_TypeError,
                          "can only concatenate deque (not \"%s\") to deque",
                          ft_type_name(FT_TYPE(b)));
            return NULL;
        }
        FtObject *r = deque_copy_of(a);
        if (r != NULL && deque_extend_impl(D(r), b, 0) < 0)
            FT_CLEAR(r);
        return r;
    }
    if (op == FT_OP_MUL) {
        FtObject *dq = DEQUE_CHECK(a) ? a : b, *n = dq == a ? b : a;
        int64_t count;
        if (repeat_count(n, &count) < 0)
            return NULL;
        FtObject *r = deque_copy_of(dq);
        if (r != NULL && deque_irepeat(r, count) < 0)
            FT_CLEAR(r);
        return r;
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *deque_inplace(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD) {
        if (deque_extend_impl(D(a), b, 0) < 0)
            return NULL;
        return FT_NEWREF(a);
    }
    if (op == FT_OP_MUL) {
        int64_t count;
        if (repeat_count(b, &count) < 0 || deque_irepeat(a, count) < 0)
            return NULL;
        return FT_NEWREF(a);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *deque_tp_iter(FtObject *op) { return deque_iter_new(op, 0); }

FtType FtDeque_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(DequeObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = deque_dealloc,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_gc_clear,
    .tp_repr = deque_repr,
    .tp_hash = deque_unhashable,
    .tp_richcompare = deque_richcompare,
    .tp_len = deque_len,
    .tp_getitem = deque_getitem,
    .tp_setitem = deque_setitem,
    .tp_contains = deque_contains,
    .tp_iter = deque_tp_iter,
    .tp_binop = deque_binop,
    .tp_inplace = deque_inplace,
    .tp_new = deque_tp_new,
    .tp_init = deque_tp_init,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like "
              "sequence optimized for data accesses near its endpoints.",
};

/* ---- iterators -------------------------------------------------------------------
 * An iterator's fields change only inside its deque's critical section, so
 * threads may share one. */

typedef struct {
    FT_OBJECT_HEAD
    DequeObject *deque;
    ssize_t index;   /* next position from the iterator's end */
    ssize_t counter; /* items left */
    uint64_t state;  /* the deque's state when the iterator was made */
} DequeIterObject;

#define DI(op) ((DequeIterObject *)(op))

static FtObject *deque_iter_new(FtObject *self, int reverse)
{
    DequeIterObject *it =
        (DequeIterObject *)ft_object_new(reverse ? &DequeRevIter_Type
                                                 : &DequeIter_Type);
    if (it == NULL)
        return NULL;
    it->deque = (DequeObject *)FT_NEWREF(self);
    FT_BEGIN_CRITICAL_SECTION(self);
    it->state = D(self)->state;
    it->counter = D(self)->size;
    FT_END_CRITICAL_SECTION();
    return (FtObject *)it;
}

static FtObject *deque_iter_next_impl(FtObject *op, int reverse)
{
    DequeIterObject *it = DI(op);
    DequeObject *d = it->deque;
    FtObject *v = NULL;
    FT_BEGIN_CRITICAL_SECTION(d);
    if (d->state != it->state) {
        it->counter = 0;
        ft_err_set_string(FtExc_RuntimeError,
                          "deque mutated during iteration");
    } else if (it->counter > 0) {
        ssize_t i = reverse ? d->size - 1 - it->index : it->index;
        v = FT_NEWREF(SLOT(d, i));
        it->index++;
        it->counter--;
    }
    FT_END_CRITICAL_SECTION();
    return v;
}

static FtObject *deque_iter_next(FtObject *op)
{
    return deque_iter_next_impl(op, 0);
}

static FtObject *deque_reviter_next(FtObject *op)
{
    return deque_iter_next_impl(op, 1);
}

static FtObject *deque_iter_self(FtObject *op) { return FT_NEWREF(op); }

static void deque_iter_dealloc(FtObject *op)
{
    FT_DECREF(DI(op)->deque);
    ft_object_free(op);
}

static int deque_iter_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(DI(op)->deque);
    return 0;
}

static FtObject *deque_iter_length_hint(FtObject *self,
                                        FtObject *const *args, size_t nargs,
                                        FtObject *kwnames)
{
    ssize_t n;
    FT_BEGIN_CRITICAL_SECTION(DI(self)->deque);
    n = DI(self)->counter;
    FT_END_CRITICAL_SECTION();
    return ft_int_from_i64(n);
}

static FtMethodDef deque_iter_methods[] = {
    {"__length_hint__", deque_iter_length_hint, 0,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static FtType DequeIter_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIterObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = deque_iter_dealloc,
    .tp_traverse = deque_iter_traverse,
    .tp_iter = deque_iter_self,
    .tp_iternext = deque_iter_next,
    .tp_methods = deque_iter_methods,
};

static FtType DequeRevIter_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIterObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = deque_iter_dealloc,
    .tp_traverse = deque_iter_traverse,
    .tp_iter = deque_iter_self,
    .tp_iternext = deque_reviter_next,
    .tp_methods = deque_iter_methods,
};

/* ---- _tuplegetter: namedtuple's field descriptors --------------------------------
 * A data descriptor reading item `index` of a tuple; immutable, so shared
 * between threads freely. */

typedef struct {
    FT_OBJECT_HEAD
    ssize_t index;
    FtObject *doc;
} TupleGetterObject;

#define TG(op) ((TupleGetterObject *)(op))

static FtObject *tuplegetter_new(FtType *type, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    int64_t index;
    if (ft_arg_no_kwargs("_tuplegetter", kwnames) < 0 ||
        ft_arg_count("_tuplegetter", nargs, 2, 2) < 0 ||
        ft_number_as_i64(args[0], &index) < 0)
        return NULL;
    FtObject *op = ft_object_new(type);
    if (op == NULL)
        return NULL;
    TG(op)->index = (ssize_t)index;
    TG(op)->doc = FT_NEWREF(args[1]);
    return op;
}

static FtObject *tuplegetter_get(FtObject *descr, FtObject *obj,
                                 FtObject *type)
{
    if (obj == NULL || obj == FT_None)
        return FT_NEWREF(descr);
    ssize_t i = TG(descr)->index;
    if (!FT_TUPLE_CHECK(obj)) {
        ft_err_format(FtExc_TypeError,
                      "descriptor for index '%zd' for tuple subclasses "
                      "doesn't apply to '%s' object",
                      i, ft_type_name(FT_TYPE(obj)));
        return NULL;
    }
    if (i < 0 || i >= FT_TUPLE_SIZE(obj)) {
        ft_err_set_string(FtExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return FT_NEWREF(FT_TUPLE_GET(obj, i));
}

static int tuplegetter_set(FtObject *descr, FtObject *obj, FtObject *value)
{
    ft_err_set_string(FtExc_AttributeError, value == NULL
                                                ? "can't delete attribute"
                                                : "can't set attribute");
    return -1;
}

static FtObject *tuplegetter_get_doc(FtObject *self)
{
    return FT_NEWREF(TG(self)->doc);
}

static FtGetSetDef tuplegetter_getset[] = {
    {"__doc__", tuplegetter_get_doc, NULL},
    {NULL, NULL, NULL},
};

static void tuplegetter_dealloc(FtObject *op)
{
    FT_XDECREF(TG(op)->doc);
    ft_object_free(op);
}

static int tuplegetter_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(TG(op)->doc);
    return 0;
}

static FtType TupleGetter_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(TupleGetterObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = tuplegetter_dealloc,
    .tp_traverse = tuplegetter_traverse,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_new = tuplegetter_new,
    .tp_getset = tuplegetter_getset,
};

/* ---- _count_elements: Counter's tally loop ---------------------------------------- */

/* mapping[x] = mapping.get(x, 0) + 1 for every x of iterable; straight on
 * the dict when mapping's class keeps dict's get and __setitem__. */
static FtObject *count_elements(FtObject *module, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    static FtObject *get_name, *setitem_name;
    if (ft_arg_count("_count_elements", nargs, 2, 2) < 0 ||
        ft_intern_static(&get_name, "get") == NULL ||
        ft_intern_static(&setitem_name, "__setitem__") == NULL)
        return NULL;
    FtObject *mapping = args[0];
    FtType *t = FT_TYPE(mapping);
    int fast = FT_DICT_CHECK(mapping) &&
               ft_type_lookup(t, get_name) ==
                   ft_type_lookup(&FtDict_Type, get_name) &&
               ft_type_lookup(t, setitem_name) ==
                   ft_type_lookup(&FtDict_Type, setitem_name);
    FtObject *it = ft_object_iter(args[1]);
    if (it == NULL)
        return NULL;
    FtObject *one = ft_int_from_i64(1), *zero = ft_int_from_i64(0);
    FtObject *key;
    int err = one == NULL || zero == NULL;
    while (!err && (key = ft_iter_next(it)) != NULL) {
        FtObject *old;
        if (fast) {
            old = ft_dict_get(mapping, key);
            if (old == NULL && !ft_err_occurred())
                old = FT_NEWREF(zero);
        } else {
            FtObject *margs[2] = {key, zero};
            old = ft_call_method(mapping, get_name, margs, 2);
        }
        FtObject *v = old != NULL ? ft_number_binop(old, one, FT_OP_ADD)
                                  : NULL;
        FT_XDECREF(old);
        if (v == NULL ||
            (fast ? ft_dict_set(mapping, key, v)
                  : ft_object_setitem(mapping, key, v)) < 0)
            err = 1;
        FT_XDECREF(v);
        FT_DECREF(key);
    }
    FT_DECREF(it);
    FT_XDECREF(one);
    FT_XDECREF(zero);
    if (err || ft_err_occurred())
        return NULL;
    FT_RETURN_NONE;
}

static FtMethodDef collections_functions[] = {
    {"_count_elements", count_elements, 0,
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

/* ---- the module ------------------------------------------------------------------ */

FtObject *ft_mod_collections_create(void)
{
    FtType *types[] = {&FtDeque_Type, &DequeIter_Type, &DequeRevIter_Type,
                       &TupleGetter_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->tp_flags & FT_TPFLAGS_READY) &&
            ft_type_ready(types[i]) < 0)
            return NULL;
    FtObject *m = ft_module_new("_collections");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, collections_functions) < 0 ||
        ft_module_add_object(m, "deque", (FtObject *)&FtDeque_Type) < 0 ||
        ft_module_add_object(m, "_deque_iterator",
                             (FtObject *)&DequeIter_Type) < 0 ||
        ft_module_add_object(m, "_deque_reverse_iterator",
                             (FtObject *)&DequeRevIter_Type) < 0 ||
        ft_module_add_object(m, "_tuplegetter",
                             (FtObject *)&TupleGetter_Type) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
