/* objects/tuple.c — tuple: the immutable sequence, its shared empty
 * instance, per-thread free lists for lengths 1..4 (tuples are created and
 * dropped constantly: argument packing, multiple return values, unpacking)
 * and tuple_iterator.
 */
#include "objects/object.h"
#include "runtime/tstate.h"

#include <limits.h>
#include <string.h>

static FtObject *empty_tuple;

FtObject *ft_tuple_empty(void)
{
    if (empty_tuple == NULL) {
        empty_tuple = ft_object_new_var(&FtTuple_Type, 0);
        if (empty_tuple == NULL)
            return NULL;
    }
    return FT_NEWREF(empty_tuple);
}

FtObject *ft_tuple_new(ssize_t n)
{
    if (n <= 0) {
        if (n < 0) {
            ft_err_set_string(FtExc_SystemError, "negative tuple size");
            return NULL;
        }
        return ft_tuple_empty();
    }
    if (n <= 4) {
        FtThreadState *ts = ft_tstate_get();
        int k = FT_FL_TUPLE1 + (int)n - 1;
        FT_FREELIST_LOCK();
        FtObject *op = ts->freelist[k];
        if (op != NULL) {
            ts->freelist[k] = FT_FREELIST_NEXT(op);
            ts->freelist_len[k]--;
        }
        FT_FREELIST_UNLOCK();
        if (op != NULL) {
            ft_rc_init(op);
            FT_SIZE(op) = n;
            memset(((FtTupleObject *)op)->items, 0, n * sizeof(FtObject *));
            ft_gc_track(op);
            return op;
        }
    }
    if ((size_t)n > ((size_t)SSIZE_MAX - sizeof(FtTupleObject)) /
                        sizeof(FtObject *))
        return ft_err_no_memory();
    return ft_object_new_var(&FtTuple_Type, n);
}

FtObject *ft_tuple_from_array(FtObject *const *items, ssize_t n)
{
    FtObject *t = ft_tuple_new(n);
    if (t == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(t, i, FT_NEWREF(items[i]));
    return t;
}

FtObject *ft_tuple_pack(ssize_t n, ...)
{
    FtObject *t = ft_tuple_new(n);
    if (t == NULL)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(t, i, FT_NEWREF(va_arg(ap, FtObject *)));
    va_end(ap);
    return t;
}

FtObject *ft_tuple_from_iterable(FtObject *iterable)
{
    if (FT_TUPLE_CHECK_EXACT(iterable))
        return FT_NEWREF(iterable);
    if (FT_LIST_CHECK_EXACT(iterable))
        return ft_list_as_tuple(iterable);
    FtObject *list = ft_list_from_iterable(iterable);
    if (list == NULL)
        return NULL;
    /* Move the references out of the temporary list instead of copying. */
    ssize_t n = FT_LIST_SIZE(list);
    FtObject *t = ft_tuple_new(n);
    if (t != NULL && n > 0) { /* an empty list may have no array */
        memcpy(((FtTupleObject *)t)->items, FT_LIST_ITEMS(list),
               n * sizeof(FtObject *));
        FT_LIST_SIZE(list) = 0;
    }
    FT_DECREF(list);
    return t;
}

FtObject *ft_tuple_slice(FtObject *t, ssize_t lo, ssize_t hi)
{
    ssize_t n = FT_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > n)
        hi = n;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == n && FT_TUPLE_CHECK_EXACT(t))
        return FT_NEWREF(t);
    return ft_tuple_from_array(((FtTupleObject *)t)->items + lo, hi - lo);
}

/* ---- slots ---------------------------------------------------------------- */

static void tuple_dealloc(FtObject *op)
{
    ssize_t n = FT_SIZE(op);
    FtObject **items = ((FtTupleObject *)op)->items;
    for (ssize_t i = n - 1; i >= 0; i--)
        FT_XDECREF(items[i]);
    if (n >= 1 && n <= 4 && FT_TUPLE_CHECK_EXACT(op)) {
        FtThreadState *ts = ft_tstate_get();
        int k = FT_FL_TUPLE1 + (int)n - 1;
        int pushed = 0;
        FT_FREELIST_LOCK();
        if (ts->freelist_len[k] < FT_FREELIST_MAX) {
            FT_FREELIST_NEXT(op) = ts->freelist[k];
            ts->freelist[k] = op;
            ts->freelist_len[k]++;
            pushed = 1;
        }
        FT_FREELIST_UNLOCK();
        if (pushed)
            return;
    }
    if (op == empty_tuple)
        empty_tuple = NULL; /* over-released; never hand out a dead one */
    ft_object_free(op);
}

/* xxHash-style mixing (the primes are xxHash64's), so equal tuples hash
 * equal and small-int tuples spread well over a power-of-two table. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

ft_hash_t ft_tuple_hash_items(FtObject *const *items, ssize_t n)
{
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        ft_hash_t lane = ft_dict_hash_key(items[i]);
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (ft_hash_t)acc;
}

static ft_hash_t tuple_hash(FtObject *op)
{
    return ft_tuple_hash_items(((FtTupleObject *)op)->items, FT_SIZE(op));
}

static ssize_t tuple_len(FtObject *op) { return FT_SIZE(op); }

static int enter_recursive(const char *where)
{
    FtThreadState *ts = ft_tstate_get();
    if (++ts->recursion_depth > ts->recursion_limit &&
        ts->recursion_headroom == 0) {
        --ts->recursion_depth;
        ft_err_format(FtExc_RecursionError,
                      "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

static void leave_recursive(void) { ft_tstate_get()->recursion_depth--; }

static FtObject *tuple_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_TUPLE_CHECK(a) || !FT_TUPLE_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    ssize_t na = FT_SIZE(a), nb = FT_SIZE(b), i;
    FtObject **ia = ((FtTupleObject *)a)->items;
    FtObject **ib = ((FtTupleObject *)b)->items;
    if ((op == FT_EQ || op == FT_NE) && na != nb)
        return ft_bool_from(op == FT_NE);
    if (enter_recursive(" in comparison") < 0)
        return NULL;
    for (i = 0; i < na && i < nb; i++) {
        int k = ft_object_richcompare_bool(ia[i], ib[i], FT_EQ);
        if (k < 0) {
            leave_recursive();
            return NULL;
        }
        if (!k)
            break;
    }
    FtObject *res;
    if (i >= na || i >= nb) {
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
    } else if (op == FT_EQ) {
        res = ft_bool_from(0);
    } else if (op == FT_NE) {
        res = ft_bool_from(1);
    } else {
        res = ft_object_richcompare(ia[i], ib[i], op);
    }
    leave_recursive();
    return res;
}

static FtObject *tuple_item(FtObject *t, ssize_t i)
{
    ssize_t n = FT_SIZE(t);
    if (i < 0)
        i += n;
    if ((size_t)i >= (size_t)n) {
        ft_err_set_string(FtExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return FT_NEWREF(FT_TUPLE_GET(t, i));
}

static FtObject *tuple_getitem(FtObject *t, FtObject *key)
{
    if (FT_INT_CHECK_EXACT(key)) {
        int64_t i;
        if (ft_int_as_index(key, &i) < 0)
            return NULL;
        return tuple_item(t, (ssize_t)i);
    }
    if (FT_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        ssize_t n = ft_slice_unpack(key, FT_SIZE(t), &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (step == 1)
            return ft_tuple_slice(t, start, start + n);
        FtObject *res = ft_tuple_new(n);
        if (res == NULL)
            return NULL;
        for (ssize_t i = 0; i < n; i++)
            FT_TUPLE_SET(res, i, FT_NEWREF(FT_TUPLE_GET(t, start + i * step)));
        return res;
    }
    ssize_t i;
    if (ft_seq_index(key, "tuple", &i) < 0)
        return NULL;
    return tuple_item(t, i);
}

static int tuple_contains(FtObject *t, FtObject *v)
{
    for (ssize_t i = 0; i < FT_SIZE(t); i++) {
        int k = ft_object_richcompare_bool(FT_TUPLE_GET(t, i), v, FT_EQ);
        if (k != 0)
            return k;
    }
    return 0;
}

static FtObject *tuple_repr(FtObject *t)
{
    ssize_t n = FT_SIZE(t);
    if (n == 0)
        return ft_str_from_cstr("()");
    if (enter_recursive(" while getting the repr of an object") < 0)
        return NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, '(') < 0)
        goto fail;
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0 && ft_sb_append(&sb, ", ", 2) < 0)
            goto fail;
        if (ft_sb_append_repr(&sb, FT_TUPLE_GET(t, i)) < 0)
            goto fail;
    }
    if (n == 1 && ft_sb_append_char(&sb, ',') < 0)
        goto fail;
    if (ft_sb_append_char(&sb, ')') < 0)
        goto fail;
    leave_recursive();
    return ft_sb_finish(&sb);
fail:
    leave_recursive();
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *tuple_concat(FtObject *a, FtObject *b)
{
    ssize_t na = FT_SIZE(a), nb = FT_SIZE(b);
    if (nb == 0 && FT_TUPLE_CHECK_EXACT(a))
        return FT_NEWREF(a);
    if (na == 0 && FT_TUPLE_CHECK_EXACT(b))
        return FT_NEWREF(b);
    if (na > SSIZE_MAX / 2 || nb > SSIZE_MAX / 2)
        return ft_err_no_memory();
    FtObject *t = ft_tuple_new(na + nb);
    if (t == NULL)
        return NULL;
    for (ssize_t i = 0; i < na; i++)
        FT_TUPLE_SET(t, i, FT_NEWREF(FT_TUPLE_GET(a, i)));
    for (ssize_t i = 0; i < nb; i++)
        FT_TUPLE_SET(t, na + i, FT_NEWREF(FT_TUPLE_GET(b, i)));
    return t;
}

static FtObject *tuple_repeat(FtObject *a, int64_t count)
{
    ssize_t n = FT_SIZE(a);
    if (count <= 0 || n == 0)
        return ft_tuple_empty();
    if (count == 1 && FT_TUPLE_CHECK_EXACT(a))
        return FT_NEWREF(a);
    if (count > SSIZE_MAX / (ssize_t)sizeof(FtObject *) / n)
        return ft_err_no_memory();
    FtObject *t = ft_tuple_new(n * (ssize_t)count);
    if (t == NULL)
        return NULL;
    ssize_t k = 0;
    for (int64_t c = 0; c < count; c++)
        for (ssize_t i = 0; i < n; i++)
            FT_TUPLE_SET(t, k++, FT_NEWREF(FT_TUPLE_GET(a, i)));
    return t;
}

/* The sequence half of `seq * n`: n must be an int or have __index__. A
 * user class gets the chance to answer through its reflected method. */
static FtObject *seq_count_arg(FtObject *n, int64_t *count)
{
    if (FT_INT_CHECK(n))
        return ft_int_as_count(n, count) < 0 ? NULL : n;
    if (ft_type_lookup(FT_TYPE(n), FT_ID(__index__)) != NULL) {
        if (ft_number_as_i64(n, count) < 0)
            return NULL;
        return n;
    }
    if (FT_TYPE(n)->tp_flags & FT_TPFLAGS_HEAPTYPE)
        return FT_NotImplemented;
    ft_err_format(FtExc_TypeError,
                  "can't multiply sequence by non-int of type '%s'",
                  ft_type_name(FT_TYPE(n)));
    return NULL;
}

static FtObject *tuple_binop(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD) {
        if (!FT_TUPLE_CHECK(a))
            FT_RETURN_NOTIMPLEMENTED;
        if (FT_TUPLE_CHECK(b))
            return tuple_concat(a, b);
        if (FT_TYPE(b)->tp_flags & FT_TPFLAGS_HEAPTYPE)
            FT_RETURN_NOTIMPLEMENTED;
        ft_err_format(FtExc_TypeError,
                      "can only concatenate tuple (not \"%s\") to tuple",
                      ft_type_name(FT_TYPE(b)));
        return NULL;
    }
    if (op == FT_OP_MUL) {
        FtObject *seq = FT_TUPLE_CHECK(a) ? a : b;
        FtObject *other = seq == a ? b : a;
        int64_t count;
        FtObject *r = seq_count_arg(other, &count);
        if (r == NULL)
            return NULL;
        if (r == FT_NotImplemented)
            FT_RETURN_NOTIMPLEMENTED;
        return tuple_repeat(seq, count);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *tuple_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError,
                          "tuple() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "tuple expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *t = nargs ? ft_tuple_from_iterable(args[0]) : ft_tuple_empty();
    if (t == NULL || type == &FtTuple_Type)
        return t;
    /* A subclass instance: copy into an object of the right type. */
    ssize_t n = FT_SIZE(t);
    FtObject *res = ft_object_new_var(type, n);
    if (res != NULL)
        for (ssize_t i = 0; i < n; i++)
            FT_TUPLE_SET(res, i, FT_NEWREF(FT_TUPLE_GET(t, i)));
    FT_DECREF(t);
    return res;
}

/* tuple is filled by tp_new; extra arguments reach here and are fine. */
static int tuple_init(FtObject *self, FtObject *const *args, size_t nargs,
                      FtObject *kwnames)
{
    return 0;
}

/* ---- iterator --------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *seq; /* NULL once exhausted */
    ssize_t index;
} TupleIter;

static FtObject *tuple_iter(FtObject *t)
{
    TupleIter *it = (TupleIter *)ft_object_new(&FtTupleIter_Type);
    if (it == NULL)
        return NULL;
    it->seq = FT_NEWREF(t);
    it->index = 0;
    return (FtObject *)it;
}

static void tupleiter_dealloc(FtObject *op)
{
    FT_XDECREF(((TupleIter *)op)->seq);
    ft_object_free(op);
}

static FtObject *tupleiter_next(FtObject *op)
{
    TupleIter *it = (TupleIter *)op;
    FtObject *t = it->seq;
    if (t == NULL)
        return NULL;
    if (it->index < FT_SIZE(t))
        return FT_NEWREF(FT_TUPLE_GET(t, it->index++));
    it->seq = NULL;
    FT_DECREF(t);
    return NULL;
}

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

static FtObject *tupleiter_length_hint(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    TupleIter *it = (TupleIter *)self;
    return ft_int_from_i64(it->seq ? FT_SIZE(it->seq) - it->index : 0);
}

static FtMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtTupleIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_dealloc = tupleiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

/* ---- methods ---------------------------------------------------------- */

static FtObject *tuple_index(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("index", nargs, 1, 3) < 0)
        return NULL;
    ssize_t n = FT_SIZE(self), start = 0, stop = n;
    if (nargs > 1 && ft_slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && ft_slice_index(args[2], &stop) < 0)
        return NULL;
    if (start < 0 && (start += n) < 0)
        start = 0;
    if (stop < 0)
        stop += n;
    for (ssize_t i = start; i < stop && i < FT_SIZE(self); i++) {
        int k = ft_object_richcompare_bool(FT_TUPLE_GET(self, i), args[0],
                                           FT_EQ);
        if (k < 0)
            return NULL;
        if (k)
            return ft_int_from_i64(i);
    }
    ft_err_set_string(FtExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static FtObject *tuple_count(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("count", nargs, 1, 1) < 0)
        return NULL;
    int64_t c = 0;
    for (ssize_t i = 0; i < FT_SIZE(self); i++) {
        int k = ft_object_richcompare_bool(FT_TUPLE_GET(self, i), args[0],
                                           FT_EQ);
        if (k < 0)
            return NULL;
        c += k;
    }
    return ft_int_from_i64(c);
}

static FtMethodDef tuple_methods[] = {
    {"index", tuple_index, 0, NULL},
    {"count", tuple_count, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* Tuples are immutable: a cycle through one is broken at a mutable
 * member, so there is no tp_clear. */
static int tuple_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FtObject **items = ((FtTupleObject *)op)->items;
    for (ssize_t i = FT_SIZE(op) - 1; i >= 0; i--)
        FT_VISIT(items[i]);
    return 0;
}

FtType FtTuple_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(FtTupleObject),
    .tp_itemsize = sizeof(FtObject *),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_TUPLE_SUBCLASS |
                FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = tuple_dealloc,
    .tp_traverse = tuple_traverse,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_len = tuple_len,
    .tp_getitem = tuple_getitem,
    .tp_contains = tuple_contains,
    .tp_iter = tuple_iter,
    .tp_binop = tuple_binop,
    .tp_new = tuple_new,
    .tp_init = tuple_init,
    .tp_methods = tuple_methods,
    .tp_doc = "Built-in immutable sequence.",
};
