/* objects/list_iter.c — list_iterator and list_reverseiterator. An
 * iterator shared between threads hands out every position once: in
 * free-threaded builds next() claims its position with one CAS on the
 * index and reads the item without the list's lock (objects/list.h);
 * with a GIL it is a plain read. The iterator of a `for` statement, which
 * only its frame can reach, moves its index with a plain store.
 */
#include "objects/object.h"
#include "runtime/lock.h"
#include "runtime/tstate.h"

#include <limits.h>

#define L(op) ((FtListObject *)(op))

/* ---- iterators ----------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *list; /* NULL once exhausted */
    ssize_t index;
    int frame_private; /* ft_list_iter_new_private: no other thread's */
} ListIter;

FtObject *ft_list_iter_new(FtObject *list, int reverse)
{
    ListIter *it = (ListIter *)ft_object_new(reverse ? &FtListRevIter_Type
                                                     : &FtListIter_Type);
    if (it == NULL)
        return NULL;
    it->list = FT_NEWREF(list);
    it->index = reverse ? ft_list_size(list) - 1 : 0;
    return (FtObject *)it;
}

FtObject *ft_list_iter_new_private(FtObject *list)
{
    FtObject *it = ft_list_iter_new(list, 0);
    if (it != NULL)
        ((ListIter *)it)->frame_private = 1;
    return it;
}

static void listiter_dealloc(FtObject *op)
{
    FT_XDECREF(((ListIter *)op)->list);
    ft_object_free(op);
}

#if defined(FT_LIST_LOCKFREE_READS)
/* list[i] (i >= 0) under the list's section, for when the lock-free read
 * cannot tell: 1 with *out a new reference, 0 past the end. */
static int get_locked(FtObject *l, ssize_t i, FtObject **out)
{
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION(l);
    if (i < L(l)->size) {
        *out = FT_NEWREF(L(l)->items[i]);
        r = 1;
    }
    FT_END_CRITICAL_SECTION();
    return r;
}

/* Reads the item at the index without the lock, then claims the index by
 * moving it with a CAS; a thread that loses the race drops what it read
 * and tries again. The item a reader loaded stays alive until its next
 * quiescent state (list.c's rules), so taking a reference to it is safe
 * even if it was replaced meanwhile. Exhausted: the index parked at
 * SSIZE_MAX / -1 for good; it->list never changes while other threads may
 * read it (FT_ITER_KEEPS_SEQ). A frame-private iterator is only ever
 * stepped by the thread running its frame (a generator's frame passes
 * between threads with acquire and release), so a plain store claims. */
static FtObject *iter_step(FtObject *op, ssize_t step)
{
    ListIter *it = (ListIter *)op;
    FtObject *l = it->list;
    if (it->frame_private) {
        ssize_t i = ft_atomic_load_ssize(&it->index);
        FtObject *v;
        int r = i < 0 || i == SSIZE_MAX ? 0 : ft_list_get_fast(l, i, &v);
        if (r < 0)
            r = get_locked(l, i, &v);
        ft_atomic_store_ssize(&it->index, r ? i + step : SSIZE_MAX);
        return r ? v : NULL;
    }
    for (;;) {
        ssize_t i = ft_atomic_load_ssize(&it->index);
        if (i < 0 || i == SSIZE_MAX)
            return NULL;
        FtObject *v;
        int r = ft_list_get_fast(l, i, &v);
        if (r < 0)
            r = get_locked(l, i, &v);
        if (r == 0) {
            /* Past the end: park the index, unless another thread moved
             * it meanwhile (then look again). */
            if (ft_atomic_cas_ssize_full(&it->index, i,
                                         step > 0 ? SSIZE_MAX : -1))
                return NULL;
            continue;
        }
        if (ft_atomic_cas_ssize_full(&it->index, i, i + step))
            return v;
        FT_DECREF(v);
    }
}
#else
/* With a GIL: exhausted, it->list becomes NULL. */
static FtObject *iter_step(FtObject *op, ssize_t step)
{
    ListIter *it = (ListIter *)op;
    FtObject *l = it->list;
    if (l == NULL)
        return NULL;
    if (it->index >= 0 && it->index < L(l)->size) {
        FtObject *res = FT_NEWREF(L(l)->items[it->index]);
        it->index += step;
        return res;
    }
    it->list = NULL;
    FT_DECREF(l);
    return NULL;
}
#endif

static FtObject *listiter_next(FtObject *op) { return iter_step(op, 1); }
static FtObject *listrevit_next(FtObject *op) { return iter_step(op, -1); }

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

static FtObject *listiter_length_hint(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    ListIter *it = (ListIter *)self;
    ssize_t n = 0;
    FtObject *l = it->list;
    if (l != NULL) {
        /* The index moves without the list's lock (iter_step). */
        ssize_t i = ft_atomic_load_ssize(&it->index);
        FT_BEGIN_CRITICAL_SECTION(l);
        ssize_t size = L(l)->size;
        if (FT_TYPE(self) == &FtListRevIter_Type)
            n = i < size ? i + 1 : 0;
        else
            n = size - i;
        FT_END_CRITICAL_SECTION();
    }
    return ft_int_from_i64(n < 0 ? 0 : n);
}

static FtMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtListIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

FtType FtListRevIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = listrevit_next,
    .tp_methods = listiter_methods,
};
