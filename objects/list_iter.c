/* objects/list_iter.c — list_iterator and list_reverseiterator: each
 * next() reads one item under the list's critical section, so an iterator
 * shared between threads hands out every position once.
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

static void listiter_dealloc(FtObject *op)
{
    FT_XDECREF(((ListIter *)op)->list);
    ft_object_free(op);
}

/* The item is read and INCREF'd, and the index moved, under the list's
 * section, so an iterator shared between threads hands out each position
 * once. Exhausted: it->list NULL (GIL builds) or, in free-threaded ones,
 * the index parked at SSIZE_MAX / -1 for good (FT_ITER_KEEPS_SEQ), so
 * it->list never changes while other threads may read it. */
static FtObject *iter_step(FtObject *op, ssize_t step)
{
    ListIter *it = (ListIter *)op;
    FtObject *l = it->list;
    if (l == NULL)
        return NULL;
    FtObject *res = NULL;
    int done = 0;
    FT_BEGIN_CRITICAL_SECTION(l);
    if (it->index >= 0 && it->index < L(l)->size) {
        res = FT_NEWREF(L(l)->items[it->index]);
        it->index += step;
    } else if (FT_ITER_KEEPS_SEQ) {
        it->index = step > 0 ? SSIZE_MAX : -1;
    } else {
        it->list = NULL;
        done = 1;
    }
    FT_END_CRITICAL_SECTION();
    if (done)
        FT_DECREF(l);
    return res;
}

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
        FT_BEGIN_CRITICAL_SECTION(l);
        ssize_t size = L(l)->size;
        if (FT_TYPE(self) == &FtListRevIter_Type)
            n = it->index < size ? it->index + 1 : 0;
        else
            n = size - it->index;
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
