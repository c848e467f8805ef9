/* objects/range.c — range (lazy arithmetic sequence) with its fast
 * iterator (the engine of `for i in range(n)`), slice objects and the
 * index conversions every sequence uses for subscripts and slices.
 */
#include "objects/object.h"
#include "runtime/atomics.h"

#include <limits.h>

/* ---- index conversions ------------------------------------------------------ */

static int has_index(FtObject *o)
{
    return ft_type_lookup(FT_TYPE(o), FT_ID(__index__)) != NULL;
}

int ft_seq_index(FtObject *key, const char *tname, ssize_t *out)
{
    if (FT_INT_CHECK(key)) {
        int64_t v;
        if (ft_int_as_index(key, &v) < 0)
            return -1;
        *out = (ssize_t)v;
        return 0;
    }
    if (has_index(key)) {
        int64_t v;
        if (ft_number_as_i64(key, &v) < 0)
            return -1;
        *out = (ssize_t)v;
        return 0;
    }
    ft_err_format(FtExc_TypeError,
                  "%s indices must be integers or slices, not %s", tname,
                  ft_type_name(FT_TYPE(key)));
    return -1;
}

int ft_slice_index(FtObject *v, ssize_t *out)
{
    if (v == NULL || v == FT_None)
        return 0;
    if (FT_INT_CHECK(v)) {
        *out = (ssize_t)ft_int_clamped(v); /* slices clamp, as CPython */
        return 0;
    }
    if (has_index(v)) {
        int64_t x;
        if (ft_number_as_i64(v, &x) < 0)
            return -1;
        *out = (ssize_t)x;
        return 0;
    }
    ft_err_set_string(FtExc_TypeError,
                      "slice indices must be integers or None or have an "
                      "__index__ method");
    return -1;
}

/* Types filled in entirely by tp_new: the arguments reach tp_init too and
 * are already dealt with. */
static int noop_init(FtObject *self, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    return 0;
}

/* ---- slice --------------------------------------------------------------------- */

#define SL(op) ((FtSliceObject *)(op))

/* One spare slice per thread: `a[i:j]` builds and drops one each time. */
static __thread FtObject *slice_cache;

FtObject *ft_slice_new(FtObject *start, FtObject *stop, FtObject *step)
{
    FtObject *op = slice_cache;
    if (op != NULL) {
        slice_cache = NULL;
        ft_rc_init(op);
    } else {
        op = ft_object_new(&FtSlice_Type);
        if (op == NULL)
            return NULL;
    }
    SL(op)->start = FT_NEWREF(start ? start : FT_None);
    SL(op)->stop = FT_NEWREF(stop ? stop : FT_None);
    SL(op)->step = FT_NEWREF(step ? step : FT_None);
    return op;
}

void ft_slice_thread_cleanup(void)
{
    if (slice_cache != NULL) {
        ft_object_free(slice_cache);
        slice_cache = NULL;
    }
}

static void slice_dealloc(FtObject *op)
{
    FT_CLEAR(SL(op)->start);
    FT_CLEAR(SL(op)->stop);
    FT_CLEAR(SL(op)->step);
    if (slice_cache == NULL) {
        slice_cache = op;
        return;
    }
    ft_object_free(op);
}

/* Clamps start/stop to the sequence the way slice.indices() does and
 * returns the number of items selected. */
ssize_t ft_slice_adjust(ssize_t length, ssize_t *start, ssize_t *stop,
                        ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int ft_slice_indices(FtObject *slice, ssize_t *start, ssize_t *stop,
                     ssize_t *step)
{
    FtSliceObject *s = SL(slice);
    *step = 1;
    if (ft_slice_index(s->step, step) < 0)
        return -1;
    if (*step == 0) {
        ft_err_set_string(FtExc_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (*step < -SSIZE_MAX)
        *step = -SSIZE_MAX; /* so that -step cannot overflow */
    *start = *step < 0 ? SSIZE_MAX : 0;
    if (ft_slice_index(s->start, start) < 0)
        return -1;
    *stop = *step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    if (ft_slice_index(s->stop, stop) < 0)
        return -1;
    return 0;
}

ssize_t ft_slice_unpack(FtObject *slice, ssize_t length, ssize_t *start,
                        ssize_t *stop, ssize_t *step)
{
    if (ft_slice_indices(slice, start, stop, step) < 0)
        return -1;
    return ft_slice_adjust(length, start, stop, *step);
}

static FtObject *slice_repr(FtObject *op)
{
    return ft_str_from_format("slice(%R, %R, %R)", SL(op)->start,
                              SL(op)->stop, SL(op)->step);
}

static FtObject *slice_as_tuple(FtObject *op)
{
    return ft_tuple_pack(3, SL(op)->start, SL(op)->stop, SL(op)->step);
}

static FtObject *slice_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_SLICE_CHECK(a) || !FT_SLICE_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *ta = slice_as_tuple(a);
    if (ta == NULL)
        return NULL;
    FtObject *tb = slice_as_tuple(b);
    if (tb == NULL) {
        FT_DECREF(ta);
        return NULL;
    }
    FtObject *res = ft_object_richcompare(ta, tb, op);
    FT_DECREF(ta);
    FT_DECREF(tb);
    return res;
}

static FtObject *slice_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0 || nargs > 3) {
        ft_err_format(FtExc_TypeError, "slice expected at %s %d argument%s, got %zd",
                      nargs == 0 ? "least" : "most", nargs == 0 ? 1 : 3,
                      nargs == 0 ? "" : "s", (ssize_t)nargs);
        return NULL;
    }
    if (nargs == 1)
        return ft_slice_new(NULL, args[0], NULL);
    return ft_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static FtObject *slice_indices(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("indices", nargs, 1, 1) < 0)
        return NULL;
    int64_t length;
    if (ft_number_as_i64(args[0], &length) < 0)
        return NULL;
    if (length < 0) {
        ft_err_set_string(FtExc_ValueError, "length should not be negative");
        return NULL;
    }
    ssize_t start, stop, step;
    if (ft_slice_unpack(self, (ssize_t)length, &start, &stop, &step) < 0)
        return NULL;
    FtObject *a = ft_int_from_i64(start), *b = ft_int_from_i64(stop),
             *c = ft_int_from_i64(step);
    FtObject *res = (a && b && c) ? ft_tuple_pack(3, a, b, c) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    FT_XDECREF(c);
    return res;
}

static FtObject *slice_get_start(FtObject *op) { return FT_NEWREF(SL(op)->start); }
static FtObject *slice_get_stop(FtObject *op) { return FT_NEWREF(SL(op)->stop); }
static FtObject *slice_get_step(FtObject *op) { return FT_NEWREF(SL(op)->step); }

static FtGetSetDef slice_getset[] = {
    {"start", slice_get_start, NULL},
    {"stop", slice_get_stop, NULL},
    {"step", slice_get_step, NULL},
    {NULL, NULL, NULL},
};

static FtMethodDef slice_methods[] = {
    {"indices", slice_indices, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtSlice_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "slice",
    .tp_basicsize = sizeof(FtSliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_richcompare = slice_richcompare,
    .tp_new = slice_new,
    .tp_init = noop_init,
    .tp_methods = slice_methods,
    .tp_getset = slice_getset,
};

/* ---- range --------------------------------------------------------------------- */

#define R(op) ((FtRangeObject *)(op))

/* Number of items, or -1 when it does not fit in 63 bits. Unsigned
 * arithmetic: stop - start may overflow int64. */
static int64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    uint64_t diff, ustep, n;
    if (step > 0 && start < stop) {
        diff = (uint64_t)stop - (uint64_t)start;
        ustep = (uint64_t)step;
    } else if (step < 0 && start > stop) {
        diff = (uint64_t)start - (uint64_t)stop;
        ustep = (uint64_t)0 - (uint64_t)step;
    } else {
        return 0;
    }
    n = (diff - 1) / ustep + 1;
    return n > (uint64_t)INT64_MAX ? -1 : (int64_t)n;
}

/* start + i * step, wrapping like the unsigned arithmetic it is: correct
 * whenever the true value is a valid int64 (which it is for items). */
static inline int64_t range_at(FtRangeObject *r, int64_t i)
{
    return (int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step);
}

FtObject *ft_range_new(int64_t start, int64_t stop, int64_t step)
{
    if (step == 0) {
        ft_err_set_string(FtExc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    FtObject *op = ft_object_new(&FtRange_Type);
    if (op == NULL)
        return NULL;
    R(op)->start = start;
    R(op)->stop = stop;
    R(op)->step = step;
    R(op)->length = range_length(start, stop, step);
    return op;
}

static FtObject *range_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0) {
        ft_err_set_string(FtExc_TypeError,
                          "range expected at least 1 argument, got 0");
        return NULL;
    }
    if (nargs > 3) {
        ft_err_format(FtExc_TypeError,
                      "range expected at most 3 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    int64_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; i++) {
        if (FT_INT_CHECK(args[i])) {
            /* ranges are 64-bit here (CPython's may be any size) */
            if (ft_int_as_i64(args[i], &v[i]) < 0)
                return NULL;
        } else if (ft_number_as_i64(args[i], &v[i]) < 0)
            return NULL;
    }
    if (nargs == 1)
        return ft_range_new(0, v[0], 1);
    return ft_range_new(v[0], v[1], v[2]);
}

static void range_dealloc(FtObject *op) { ft_object_free(op); }

static FtObject *range_repr(FtObject *op)
{
    FtRangeObject *r = R(op);
    if (r->step == 1)
        return ft_str_from_format("range(%lld, %lld)", (long long)r->start,
                                  (long long)r->stop);
    return ft_str_from_format("range(%lld, %lld, %lld)", (long long)r->start,
                              (long long)r->stop, (long long)r->step);
}

static int check_length(FtRangeObject *r)
{
    if (r->length < 0) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
}

static ssize_t range_len(FtObject *op)
{
    if (check_length(R(op)) < 0)
        return -1;
    return (ssize_t)R(op)->length;
}

/* Equal ranges are equal sequences: same length, and the same first item
 * and step where they matter. */
static int range_equal(FtRangeObject *a, FtRangeObject *b)
{
    if (a == b)
        return 1;
    if (a->length != b->length)
        return 0;
    if (a->length == 0)
        return 1;
    if (a->start != b->start)
        return 0;
    return a->length == 1 || a->step == b->step;
}

static FtObject *range_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_RANGE_CHECK(a) || !FT_RANGE_CHECK(b) ||
        (op != FT_EQ && op != FT_NE))
        FT_RETURN_NOTIMPLEMENTED;
    int eq = range_equal(R(a), R(b));
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

static ft_hash_t range_hash(FtObject *op)
{
    FtRangeObject *r = R(op);
    FtObject *items[3];
    items[0] = ft_int_from_i64(r->length);
    items[1] = r->length == 0 ? FT_NEWREF(FT_None) : ft_int_from_i64(r->start);
    items[2] = r->length <= 1 ? FT_NEWREF(FT_None) : ft_int_from_i64(r->step);
    ft_hash_t h = -1;
    if (items[0] && items[1] && items[2])
        h = ft_tuple_hash_items(items, 3);
    for (int i = 0; i < 3; i++)
        FT_XDECREF(items[i]);
    return h;
}

static FtObject *range_item(FtRangeObject *r, int64_t i)
{
    if (check_length(r) < 0)
        return NULL;
    if (i < 0)
        i += r->length;
    if (i < 0 || i >= r->length) {
        ft_err_set_string(FtExc_IndexError, "range object index out of range");
        return NULL;
    }
    return ft_int_from_i64(range_at(r, i));
}

static FtObject *range_slice(FtRangeObject *r, FtObject *slice)
{
    if (check_length(r) < 0)
        return NULL;
    ssize_t start, stop, step;
    if (ft_slice_unpack(slice, (ssize_t)r->length, &start, &stop, &step) < 0)
        return NULL;
    /* ft_slice_unpack clamps a step of -2**63 to -(2**63 - 1); the range
     * keeps the step as given, as in CPython. */
    FtObject *step_obj = SL(slice)->step;
    if (step_obj != NULL && FT_INT_CHECK(step_obj) &&
        ft_int_clamped(step_obj) == INT64_MIN)
        step = INT64_MIN;
    __int128 nstep = (__int128)r->step * step;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    if (nstep > INT64_MAX || nstep < INT64_MIN || nstart > INT64_MAX ||
        nstart < INT64_MIN || nstop > INT64_MAX || nstop < INT64_MIN)
        return ft_int_overflow();
    return ft_range_new((int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
}

static FtObject *range_getitem(FtObject *op, FtObject *key)
{
    if (FT_INT_CHECK_EXACT(key)) {
        int64_t i;
        if (ft_int_as_index(key, &i) < 0)
            return NULL;
        return range_item(R(op), i);
    }
    if (FT_SLICE_CHECK(key))
        return range_slice(R(op), key);
    ssize_t i;
    if (ft_seq_index(key, "range", &i) < 0)
        return NULL;
    return range_item(R(op), i);
}

/* Position of the int v in r, or -1. */
static int64_t range_index_of_int(FtRangeObject *r, int64_t v)
{
    if (r->length == 0)
        return -1;
    __int128 off = (__int128)v - r->start;
    if (r->step > 0 ? (v < r->start || v >= r->stop)
                    : (v > r->start || v <= r->stop))
        return -1;
    if (off % r->step != 0)
        return -1;
    return (int64_t)(off / r->step);
}

/* Position of v in r by comparing every item (v not an int): -1 absent,
 * -2 error. */
static int64_t range_search(FtRangeObject *r, FtObject *v)
{
    if (check_length(r) < 0)
        return -2;
    for (int64_t i = 0; i < r->length; i++) {
        FtObject *item = ft_int_from_i64(range_at(r, i));
        if (item == NULL)
            return -2;
        int k = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (k < 0)
            return -2;
        if (k)
            return i;
    }
    return -1;
}

/* range_index_of_int for an int of any size: one past int64 is never in
 * a 64-bit range. */
static int64_t range_index_of_any_int(FtRangeObject *r, FtObject *v)
{
    int64_t x;
    if (ft_int_as_i64(v, &x) < 0) {
        ft_err_clear();
        return -1;
    }
    return range_index_of_int(r, x);
}

static int range_contains(FtObject *op, FtObject *v)
{
    if (FT_INT_CHECK(v))
        return range_index_of_any_int(R(op), v) >= 0;
    int64_t i = range_search(R(op), v);
    return i == -2 ? -1 : i >= 0;
}

/* ---- range iterator ------------------------------------------------------------ */

/* Threads may share one iterator (workers pulling indices from one
 * iter(range(n))). Each next() claims a position with one atomic
 * fetch-and-add in builds without a GIL (a plain increment with one) and
 * computes the value from it; start, step and len never change, so the
 * claim is the only shared write and every value comes out exactly once,
 * without a lock on the path of `for i in range(n)`. Once exhausted,
 * `taken` may run past len by the number of racing callers; nothing reads
 * more from it than "at least len". */
typedef struct {
    FT_OBJECT_HEAD
    int64_t start;
    int64_t step;
    int64_t len;
    ssize_t taken; /* positions claimed; only through TAKEN_* below */
    int frame_private; /* ft_range_iter_new_private: no other thread's */
} RangeIter;
FT_ATOMIC_STATIC_ASSERT_(sizeof(ssize_t) == sizeof(int64_t),
                         "a range iterator's position is an ssize_t");

#if defined(FT_GIL_NONE)
#define TAKEN_LOAD(it) ft_atomic_load_ssize(&(it)->taken)
#define TAKEN_CLAIM(it) ft_atomic_add_ssize(&(it)->taken, 1)
#define TAKEN_STORE(it, v) ft_atomic_store_ssize(&(it)->taken, (v))
#else
#define TAKEN_LOAD(it) ((it)->taken)
#define TAKEN_CLAIM(it) ((it)->taken++)
#define TAKEN_STORE(it, v) ((it)->taken = (v))
#endif

static FtObject *rangeiter_new(int64_t start, int64_t step, int64_t len)
{
    RangeIter *it = (RangeIter *)ft_object_new(&FtRangeIter_Type);
    if (it == NULL)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    it->taken = 0; /* before the iterator can reach another thread */
    return (FtObject *)it;
}

static FtObject *range_iter(FtObject *op)
{
    FtRangeObject *r = R(op);
    if (check_length(r) < 0)
        return NULL;
    return rangeiter_new(r->start, r->step, r->length);
}

FtObject *ft_range_iter_new_private(FtObject *range)
{
    FtObject *it = range_iter(range);
    if (it != NULL)
        ((RangeIter *)it)->frame_private = 1;
    return it;
}

static void rangeiter_dealloc(FtObject *op) { ft_object_free(op); }

static FtObject *rangeiter_next(FtObject *op)
{
    RangeIter *it = (RangeIter *)op;
    /* The load keeps an exhausted iterator from being written again. */
    int64_t i = TAKEN_LOAD(it);
    if (i >= it->len)
        return NULL;
    /* Only the thread running the loop's frame steps a frame-private one
     * (a generator's frame passes between threads with acquire and
     * release): a plain store claims. */
    if (it->frame_private)
        TAKEN_STORE(it, i + 1);
    else
        i = TAKEN_CLAIM(it);
    if (i >= it->len)
        return NULL;
    /* start + i * step lies between start and stop, so it fits; the
     * unsigned arithmetic only keeps the product from being UB on the way
     * when it exceeds int64 (e.g. range(-2**63, 2**63 - 1)). */
    return ft_int_from_i64(
        (int64_t)((uint64_t)it->start + (uint64_t)i * (uint64_t)it->step));
}

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

static FtObject *rangeiter_length_hint(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    RangeIter *it = (RangeIter *)self;
    int64_t taken = TAKEN_LOAD(it);
    return ft_int_from_i64(taken < it->len ? it->len - taken : 0);
}

static FtMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtRangeIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_dealloc = rangeiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

/* ---- range methods and attributes ---------------------------------------------- */

static FtObject *m_index(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("range.index", nargs, 1, 1) < 0)
        return NULL;
    int64_t i;
    if (FT_INT_CHECK(args[0])) {
        i = range_index_of_any_int(R(self), args[0]);
    } else {
        i = range_search(R(self), args[0]);
        if (i == -2)
            return NULL;
    }
    if (i < 0) {
        ft_err_format(FtExc_ValueError, "%R is not in range", args[0]);
        return NULL;
    }
    return ft_int_from_i64(i);
}

static FtObject *m_count(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("range.count", nargs, 1, 1) < 0)
        return NULL;
    FtRangeObject *r = R(self);
    if (FT_INT_CHECK(args[0]))
        return ft_int_from_i64(range_index_of_any_int(r, args[0]) >= 0);
    if (check_length(r) < 0)
        return NULL;
    int64_t c = 0;
    for (int64_t i = 0; i < r->length; i++) {
        FtObject *item = ft_int_from_i64(range_at(r, i));
        if (item == NULL)
            return NULL;
        int k = ft_object_richcompare_bool(item, args[0], FT_EQ);
        FT_DECREF(item);
        if (k < 0)
            return NULL;
        c += k;
    }
    return ft_int_from_i64(c);
}

static FtObject *m_reversed(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    FtRangeObject *r = R(self);
    if (check_length(r) < 0)
        return NULL;
    int64_t last = r->length > 0 ? range_at(r, r->length - 1) : r->start;
    return rangeiter_new(last, (int64_t)((uint64_t)0 - (uint64_t)r->step),
                         r->length);
}

static FtObject *get_start(FtObject *op) { return ft_int_from_i64(R(op)->start); }
static FtObject *get_stop(FtObject *op) { return ft_int_from_i64(R(op)->stop); }
static FtObject *get_step(FtObject *op) { return ft_int_from_i64(R(op)->step); }

static FtGetSetDef range_getset[] = {
    {"start", get_start, NULL},
    {"stop", get_stop, NULL},
    {"step", get_step, NULL},
    {NULL, NULL, NULL},
};

static FtMethodDef range_methods[] = {
    {"index", m_index, 0, NULL},
    {"count", m_count, 0, NULL},
    {"__reversed__", m_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtRange_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "range",
    .tp_basicsize = sizeof(FtRangeObject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_len = range_len,
    .tp_getitem = range_getitem,
    .tp_contains = range_contains,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_init = noop_init,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object",
};
