/* objects/iter.c — the iterator types behind the built-ins: the sequence
 * iterator (classes with only __getitem__), iter(callable, sentinel),
 * enumerate, zip, map, filter and reversed. Each is a class: calling it
 * runs tp_new.
 *
 * Free-threaded builds: the iterators that keep state of their own
 * (position, result tuple, the exhausted mark) advance inside a critical
 * section on the iterator, so threads sharing one get each item once and
 * never release its references twice. map and filter keep no state.
 * Calls into Python inside a section may suspend it and let another
 * sharer in (even exhaust the iterator), so the objects called are held
 * by a reference of our own for the duration of the call.
 */
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/lock.h"

#include <string.h>

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

static FtObject *iter_repr(FtObject *op)
{
    return ft_str_from_format("<%s object at %p>", ft_type_name(FT_TYPE(op)),
                              (void *)op);
}

/* tp_new did all the work; the same arguments reaching tp_init are fine. */
static int noop_init(FtObject *self, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    return 0;
}

static int no_kwargs(const char *fname, FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError, "%s() takes no keyword arguments",
                      fname);
        return -1;
    }
    return 0;
}

/* The end of a sequence protocol: IndexError or StopIteration. */
static int swallow_end_of_sequence(void)
{
    if (ft_err_matches(FtExc_IndexError) ||
        ft_err_matches(FtExc_StopIteration)) {
        ft_err_clear();
        return 1;
    }
    return 0;
}

/* ---- sequence iterator -------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *seq; /* NULL once exhausted */
    int64_t index;
} SeqIter;
FT_OBJECT_LOCK_CHECK(SeqIter);

FtObject *ft_seqiter_new(FtObject *seq)
{
    SeqIter *it = (SeqIter *)ft_object_new(&FtSeqIter_Type);
    if (it == NULL)
        return NULL;
    it->seq = FT_NEWREF(seq);
    it->index = 0;
    return (FtObject *)it;
}

static void seqiter_dealloc(FtObject *op)
{
    FT_XDECREF(((SeqIter *)op)->seq);
    ft_object_free(op);
}

static FtObject *seqiter_next_locked(FtObject *op)
{
    SeqIter *it = (SeqIter *)op;
    if (it->seq == NULL)
        return NULL;
    /* Claim the position before calling __getitem__, which may let a
     * sharer in; give it back on an error if nobody moved on since. */
    int64_t idx = it->index;
    FtObject *i = ft_int_from_i64(idx);
    if (i == NULL)
        return NULL;
    it->index = idx + 1;
    FtObject *seq = FT_NEWREF(it->seq);
    FtObject *item = ft_object_getitem(seq, i);
    FT_DECREF(seq);
    FT_DECREF(i);
    if (item != NULL)
        return item;
    if (it->index == idx + 1)
        it->index = idx;
    if (swallow_end_of_sequence())
        FT_CLEAR(it->seq);
    return NULL;
}

static FtObject *seqiter_next(FtObject *op)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(op);
    res = seqiter_next_locked(op);
    FT_END_CRITICAL_SECTION();
    return res;
}

FtType FtSeqIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_dealloc = seqiter_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = seqiter_next,
};

/* ---- iter(callable, sentinel) ----------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *func; /* NULL once exhausted */
    FtObject *sentinel;
} CallIter;
FT_OBJECT_LOCK_CHECK(CallIter);

FtObject *ft_calliter_new(FtObject *callable, FtObject *sentinel)
{
    CallIter *it = (CallIter *)ft_object_new(&FtCallIter_Type);
    if (it == NULL)
        return NULL;
    it->func = FT_NEWREF(callable);
    it->sentinel = FT_NEWREF(sentinel);
    return (FtObject *)it;
}

static void calliter_dealloc(FtObject *op)
{
    FT_XDECREF(((CallIter *)op)->func);
    FT_XDECREF(((CallIter *)op)->sentinel);
    ft_object_free(op);
}

static FtObject *calliter_next_locked(FtObject *op)
{
    CallIter *it = (CallIter *)op;
    if (it->func == NULL)
        return NULL;
    FtObject *func = FT_NEWREF(it->func);
    FtObject *r = ft_call0(func);
    FT_DECREF(func);
    if (r == NULL) {
        if (ft_err_matches(FtExc_StopIteration)) {
            ft_err_clear();
            FT_CLEAR(it->func);
            FT_CLEAR(it->sentinel);
        }
        return NULL;
    }
    if (it->sentinel == NULL) { /* exhausted by a sharer meanwhile */
        FT_DECREF(r);
        return NULL;
    }
    FtObject *sentinel = FT_NEWREF(it->sentinel);
    int eq = ft_object_richcompare_bool(r, sentinel, FT_EQ);
    FT_DECREF(sentinel);
    if (eq == 0)
        return r;
    FT_DECREF(r);
    if (eq > 0) {
        FT_CLEAR(it->func);
        FT_CLEAR(it->sentinel);
    }
    return NULL;
}

static FtObject *calliter_next(FtObject *op)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(op);
    res = calliter_next_locked(op);
    FT_END_CRITICAL_SECTION();
    return res;
}

FtType FtCallIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_dealloc = calliter_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = calliter_next,
};

/* ---- enumerate --------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *it;
    int64_t index;
    FtObject *big_index; /* the next index once it is past int64, or NULL */
    FtObject *result; /* the last pair, refilled while no one else holds it */
} Enumerate;
FT_OBJECT_LOCK_CHECK(Enumerate);

static FtObject *enumerate_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"iterable", "start", NULL};
    FtObject *out[2] = {NULL, NULL};
    if (ft_arg_parse("enumerate", args, nargs, kwnames, kwlist, 1, 2, out) < 0)
        return NULL;
    FtObject *start = NULL;
    if (out[1] != NULL && (start = ft_number_index(out[1])) == NULL)
        return NULL;
    FtObject *it = ft_object_iter(out[0]);
    if (it == NULL) {
        FT_XDECREF(start);
        return NULL;
    }
    Enumerate *en = (Enumerate *)ft_object_new(type);
    if (en == NULL) {
        FT_DECREF(it);
        FT_XDECREF(start);
        return NULL;
    }
    en->it = it;
    en->index = 0;
    en->big_index = NULL;
    if (start != NULL && FT_INT_IS_SMALL(start))
        en->index = FT_INT_VALUE(start);
    else if (start != NULL)
        en->big_index = FT_NEWREF(start);
    FT_XDECREF(start);
    en->result = NULL;
    return (FtObject *)en;
}

static void enumerate_dealloc(FtObject *op)
{
    Enumerate *en = (Enumerate *)op;
    FT_XDECREF(en->it);
    FT_XDECREF(en->big_index);
    FT_XDECREF(en->result);
    ft_object_free(op);
}

/* A 2-tuple (a, b), stealing both: reuses *cache when only the iterator
 * holds it (the usual `for i, x in ...` unpacks and drops each pair). */
static FtObject *pair_steal(FtObject **cache, FtObject *a, FtObject *b)
{
    FtObject *r = *cache;
    if (r != NULL && ft_rc_is_unique(r)) {
        FtObject *oa = FT_TUPLE_GET(r, 0), *ob = FT_TUPLE_GET(r, 1);
        FT_TUPLE_SET(r, 0, a);
        FT_TUPLE_SET(r, 1, b);
        FT_DECREF(oa);
        FT_DECREF(ob);
        return FT_NEWREF(r);
    }
    r = ft_tuple_new(2);
    if (r == NULL) {
        FT_DECREF(a);
        FT_DECREF(b);
        return NULL;
    }
    FT_TUPLE_SET(r, 0, a);
    FT_TUPLE_SET(r, 1, b);
    FT_SETREF(*cache, FT_NEWREF(r));
    return r;
}

static FtObject *enumerate_next_locked(FtObject *op)
{
    Enumerate *en = (Enumerate *)op;
    FtObject *item = ft_iter_next(en->it);
    if (item == NULL)
        return NULL;
    FtObject *idx, *next = NULL;
    if (en->big_index != NULL) {
        idx = FT_NEWREF(en->big_index);
        FtObject *one = ft_int_from_i64(1);
        next = one ? ft_int_binop(idx, one, FT_OP_ADD) : NULL;
        FT_XDECREF(one);
        if (next == NULL) {
            FT_DECREF(idx);
            FT_DECREF(item);
            return NULL;
        }
    } else {
        idx = ft_int_from_i64(en->index);
        if (idx != NULL && en->index == INT64_MAX)
            next = ft_int_from_u64((uint64_t)INT64_MAX + 1);
        if (idx == NULL || (en->index == INT64_MAX && next == NULL)) {
            FT_XDECREF(idx);
            FT_DECREF(item);
            return NULL;
        }
        if (next == NULL)
            en->index++;
    }
    if (next != NULL)
        FT_SETREF(en->big_index, next);
    return pair_steal(&en->result, idx, item);
}

static FtObject *enumerate_next(FtObject *op)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(op);
    res = enumerate_next_locked(op);
    FT_END_CRITICAL_SECTION();
    return res;
}

FtType FtEnumerate_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(Enumerate),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = enumerate_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = enumerate_next,
    .tp_new = enumerate_new,
    .tp_init = noop_init,
    .tp_doc = "Return an enumerate object.",
};

/* ---- zip --------------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *iters; /* tuple of iterators; NULL once exhausted */
    FtObject *result;
    int strict;
} Zip;
FT_OBJECT_LOCK_CHECK(Zip);

/* New tuple of iter(x) for each argument. */
static FtObject *iter_all(FtObject *const *args, size_t n)
{
    FtObject *iters = ft_tuple_new((ssize_t)n);
    if (iters == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        FtObject *it = ft_object_iter(args[i]);
        if (it == NULL) {
            FT_DECREF(iters);
            return NULL;
        }
        FT_TUPLE_SET(iters, (ssize_t)i, it);
    }
    return iters;
}

static FtObject *zip_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    int strict = 0;
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *name = FT_TUPLE_GET(kwnames, i);
        if (!ft_str_eq_cstr(name, "strict")) {
            ft_err_format(FtExc_TypeError,
                          "zip() got an unexpected keyword argument '%U'",
                          name);
            return NULL;
        }
        if ((strict = ft_object_is_true(args[nargs + i])) < 0)
            return NULL;
    }
    FtObject *iters = iter_all(args, nargs);
    if (iters == NULL)
        return NULL;
    Zip *z = (Zip *)ft_object_new(type);
    if (z == NULL) {
        FT_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->result = NULL;
    z->strict = strict;
    return (FtObject *)z;
}

static void zip_dealloc(FtObject *op)
{
    Zip *z = (Zip *)op;
    FT_XDECREF(z->iters);
    FT_XDECREF(z->result);
    ft_object_free(op);
}

/* zip(strict=True): iterator i ran out; the others must be exhausted too.
 * CPython's wording: "argument 2 ... argument 1", "argument 3 ...
 * arguments 1-2". */
static void zip_strict_check(FtObject *iters, ssize_t i)
{
    if (i > 0) {
        ft_err_format(FtExc_ValueError,
                      "zip() argument %zd is shorter than argument%s%zd",
                      i + 1, i == 1 ? " " : "s 1-", i);
        return;
    }
    for (ssize_t j = 1; j < FT_SIZE(iters); j++) {
        FtObject *item = ft_iter_next(FT_TUPLE_GET(iters, j));
        if (item != NULL) {
            FT_DECREF(item);
            ft_err_format(FtExc_ValueError,
                          "zip() argument %zd is longer than argument%s%zd",
                          j + 1, j == 1 ? " " : "s 1-", j);
            return;
        }
        if (ft_err_occurred())
            return;
    }
}

static FtObject *zip_next_locked(FtObject *op)
{
    Zip *z = (Zip *)op;
    if (z->iters == NULL)
        return NULL;
    ssize_t n = FT_SIZE(z->iters);
    if (n == 0)
        return NULL;
    FtObject *r = z->result;
    int reuse = r != NULL && ft_rc_is_unique(r);
    if (reuse) {
        FT_INCREF(r); /* ours while we fill it: a sharer won't reuse it */
    } else {
        r = ft_tuple_new(n);
        if (r == NULL)
            return NULL;
    }
    FtObject *iters = FT_NEWREF(z->iters);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *item = ft_iter_next(FT_TUPLE_GET(iters, i));
        if (item == NULL) {
            /* a fresh tuple's items past i are NULL: dealloc skips them */
            FT_DECREF(r);
            if (z->strict && !ft_err_occurred())
                zip_strict_check(iters, i);
            if (!ft_err_occurred())
                FT_CLEAR(z->iters);
            FT_DECREF(iters);
            return NULL;
        }
        FtObject *old = FT_TUPLE_GET(r, i);
        FT_TUPLE_SET(r, i, item);
        FT_XDECREF(old);
    }
    FT_DECREF(iters);
    if (!reuse)
        FT_SETREF(z->result, FT_NEWREF(r));
    return r;
}

static FtObject *zip_next(FtObject *op)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(op);
    res = zip_next_locked(op);
    FT_END_CRITICAL_SECTION();
    return res;
}

FtType FtZip_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "zip",
    .tp_basicsize = sizeof(Zip),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = zip_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
    .tp_init = noop_init,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input "
              "is exhausted.",
};

/* ---- map ------------------------------------------------------------------------ */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *func;
    FtObject *iters; /* tuple of iterators */
} Map;

static FtObject *map_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (no_kwargs("map", kwnames) < 0)
        return NULL;
    if (nargs < 2) {
        ft_err_set_string(FtExc_TypeError,
                          "map() must have at least two arguments.");
        return NULL;
    }
    FtObject *iters = iter_all(args + 1, nargs - 1);
    if (iters == NULL)
        return NULL;
    Map *m = (Map *)ft_object_new(type);
    if (m == NULL) {
        FT_DECREF(iters);
        return NULL;
    }
    m->func = FT_NEWREF(args[0]);
    m->iters = iters;
    return (FtObject *)m;
}

static void map_dealloc(FtObject *op)
{
    Map *m = (Map *)op;
    FT_XDECREF(m->func);
    FT_XDECREF(m->iters);
    ft_object_free(op);
}

static FtObject *map_next(FtObject *op)
{
    Map *m = (Map *)op;
    ssize_t n = FT_SIZE(m->iters);
    FtObject *stackbuf[8];
    FtObject **items = stackbuf;
    if (n > 8) {
        items = ft_mem_alloc((size_t)n * sizeof(FtObject *));
        if (items == NULL)
            return NULL;
    }
    ssize_t got = 0;
    FtObject *res = NULL;
    for (; got < n; got++) {
        items[got] = ft_iter_next(FT_TUPLE_GET(m->iters, got));
        if (items[got] == NULL)
            goto done;
    }
    res = ft_call(m->func, items, (size_t)n, NULL);
done:
    for (ssize_t i = 0; i < got; i++)
        FT_DECREF(items[i]);
    if (items != stackbuf)
        ft_mem_free(items);
    return res;
}

FtType FtMap_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "map",
    .tp_basicsize = sizeof(Map),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = map_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = map_next,
    .tp_new = map_new,
    .tp_init = noop_init,
    .tp_doc = "map(func, *iterables) --> map object",
};

/* ---- filter -------------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *func; /* None: keep true items */
    FtObject *it;
} Filter;

static FtObject *filter_new(FtType *type, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (no_kwargs("filter", kwnames) < 0)
        return NULL;
    if (nargs != 2) {
        ft_err_format(FtExc_TypeError, "filter expected 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *it = ft_object_iter(args[1]);
    if (it == NULL)
        return NULL;
    Filter *f = (Filter *)ft_object_new(type);
    if (f == NULL) {
        FT_DECREF(it);
        return NULL;
    }
    f->func = FT_NEWREF(args[0]);
    f->it = it;
    return (FtObject *)f;
}

static void filter_dealloc(FtObject *op)
{
    Filter *f = (Filter *)op;
    FT_XDECREF(f->func);
    FT_XDECREF(f->it);
    ft_object_free(op);
}

static FtObject *filter_next(FtObject *op)
{
    Filter *f = (Filter *)op;
    int plain = f->func == FT_None || f->func == (FtObject *)&FtBool_Type;
    for (;;) {
        FtObject *item = ft_iter_next(f->it);
        if (item == NULL)
            return NULL;
        int ok;
        if (plain) {
            ok = ft_object_is_true(item);
        } else {
            FtObject *r = ft_call1(f->func, item);
            if (r == NULL) {
                FT_DECREF(item);
                return NULL;
            }
            ok = ft_object_is_true(r);
            FT_DECREF(r);
        }
        if (ok > 0)
            return item;
        FT_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

FtType FtFilter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "filter",
    .tp_basicsize = sizeof(Filter),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = filter_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
    .tp_init = noop_init,
    .tp_doc = "filter(function or None, iterable) --> filter object",
};

/* ---- reversed ------------------------------------------------------------------ */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *seq; /* NULL once exhausted */
    ssize_t index;
} Reversed;
FT_OBJECT_LOCK_CHECK(Reversed);

static FtObject *reversed_name(void)
{
    static FtObject *name;
    return ft_intern_static(&name, "__reversed__");
}

static FtObject *reversed_new(FtType *type, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (no_kwargs("reversed", kwnames) < 0)
        return NULL;
    if (nargs != 1) {
        ft_err_format(FtExc_TypeError, "reversed expected 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *seq = args[0];
    FtObject *name = reversed_name();
    if (name == NULL)
        return NULL;
    FtObject *meth = ft_type_lookup(FT_TYPE(seq), name);
    if (meth != NULL && meth != FT_None) {
        /* seq.__reversed__(), looked up on the type like every dunder. */
        ft_descrgetfunc get = FT_TYPE(meth)->tp_descr_get;
        FT_INCREF(meth);
        FtObject *bound = get ? get(meth, seq, (FtObject *)FT_TYPE(seq))
                              : FT_NEWREF(meth);
        FT_DECREF(meth);
        if (bound == NULL)
            return NULL;
        FtObject *res = ft_call0(bound);
        FT_DECREF(bound);
        return res;
    }
    FtType *t = FT_TYPE(seq);
    if (meth == FT_None || t->tp_getitem == NULL || t->tp_len == NULL ||
        FT_DICT_CHECK(seq)) {
        ft_err_format(FtExc_TypeError, "'%s' object is not reversible",
                      ft_type_name(t));
        return NULL;
    }
    ssize_t n = ft_object_len(seq);
    if (n < 0)
        return NULL;
    Reversed *r = (Reversed *)ft_object_new(type);
    if (r == NULL)
        return NULL;
    r->seq = FT_NEWREF(seq);
    r->index = n - 1;
    return (FtObject *)r;
}

static void reversed_dealloc(FtObject *op)
{
    FT_XDECREF(((Reversed *)op)->seq);
    ft_object_free(op);
}

static FtObject *reversed_next_locked(FtObject *op)
{
    Reversed *r = (Reversed *)op;
    if (r->seq == NULL)
        return NULL;
    if (r->index >= 0) {
        /* Claimed before the call, as in seqiter_next_locked. */
        int64_t idx = r->index;
        FtObject *i = ft_int_from_i64(idx);
        if (i == NULL)
            return NULL;
        r->index = idx - 1;
        FtObject *seq = FT_NEWREF(r->seq);
        FtObject *item = ft_object_getitem(seq, i);
        FT_DECREF(seq);
        FT_DECREF(i);
        if (item != NULL)
            return item;
        if (r->index == idx - 1)
            r->index = idx;
        if (!swallow_end_of_sequence())
            return NULL;
    }
    r->index = -1;
    FT_CLEAR(r->seq);
    return NULL;
}

static FtObject *reversed_next(FtObject *op)
{
    FtObject *res;
    FT_BEGIN_CRITICAL_SECTION(op);
    res = reversed_next_locked(op);
    FT_END_CRITICAL_SECTION();
    return res;
}

static FtObject *reversed_length_hint(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    Reversed *r = (Reversed *)self;
    int64_t n;
    FT_BEGIN_CRITICAL_SECTION(self);
    n = r->seq ? r->index + 1 : 0;
    FT_END_CRITICAL_SECTION();
    return ft_int_from_i64(n);
}

static FtMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtReversed_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(Reversed),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = reversed_dealloc,
    .tp_repr = iter_repr,
    .tp_iter = iter_self,
    .tp_iternext = reversed_next,
    .tp_new = reversed_new,
    .tp_init = noop_init,
    .tp_methods = reversed_methods,
    .tp_doc = "Return a reverse iterator over the values of the given "
              "sequence.",
};
