/* interp/mod_itertools.c — the _itertools module: the iterator building
 * blocks that hot loops use (count, repeat, cycle, chain, islice, pairwise,
 * starmap, compress, takewhile, dropwhile, filterfalse, accumulate,
 * zip_longest, product, permutations, combinations and
 * combinations_with_replacement). lib/itertools.py adds groupby and tee.
 *
 * Free-threaded builds: every iterator that keeps state of its own advances
 * inside a critical section on itself, as objects/iter.c's zip does, so
 * threads sharing one get each item once. A call into Python inside the
 * section may suspend it and let a sharer in, so objects we call are held
 * by a reference of our own for the duration of the call. Iterators with no
 * state besides their one input (starmap, filterfalse) take no lock.
 */
#include "interp/mod_itertools.h"
#include "interp/modules.h"

#include <string.h>

/* ft_arg_parse with CPython's wording for a keyword its function lacks:
 * "'x' is an invalid keyword argument for count()". */
static int parse_args(const char *fname, FtObject *const *args, size_t nargs,
                      FtObject *kwnames, const char *const *kwlist, size_t min,
                      size_t maxpos, FtObject **out)
{
    ssize_t nkw = kwnames != NULL ? FT_TUPLE_SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        FtObject *key = FT_TUPLE_GET(kwnames, k);
        size_t j = 0;
        while (kwlist[j] != NULL && !ft_str_eq_cstr(key, kwlist[j]))
            j++;
        if (kwlist[j] == NULL || kwlist[j][0] == '\0') {
            ft_err_format(FtExc_TypeError,
                          "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
    }
    return ft_arg_parse(fname, args, nargs, kwnames, kwlist, min, maxpos, out);
}

/* Number of positional arguments, with "NAME expected N arguments, got M"
 * and "NAME() takes no keyword arguments". */
static int fixed_args(const char *fname, size_t nargs, FtObject *kwnames,
                      size_t min, size_t max)
{
    if (ft_arg_no_kwargs(fname, kwnames) < 0)
        return -1;
    if (min == 1 && max == 1 && nargs != 1) { /* not "takes exactly one" */
        ft_err_format(FtExc_TypeError, "%s expected 1 argument, got %zd", fname,
                      (ssize_t)nargs);
        return -1;
    }
    return ft_arg_count(fname, nargs, min, max);
}

/* ---- count ------------------------------------------------------------- */

/* Counting by a small int step from a small int runs on C integers (fast
 * mode, cur == NULL); anything else, or overflowing int64, on objects. */
typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    int64_t icur, istep;
    FtObject *cur; /* NULL in fast mode */
    FtObject *step;
} Count;
FT_OBJECT_LOCK_CHECK(Count);

static int is_number(FtObject *o)
{
    if (FT_INT_CHECK(o) || FT_FLOAT_CHECK(o))
        return 1;
    static const char *const names[] = {"__index__", "__int__", "__float__",
                                        "__complex__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        FtObject *m = ft_object_getattr_str((FtObject *)FT_TYPE(o), names[i]);
        if (m != NULL) {
            FT_DECREF(m);
            return 1;
        }
        ft_err_clear();
    }
    return 0;
}

static FtObject *count_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static const char *const kwlist[] = {"start", "step", NULL};
    FtObject *a[2];
    if (parse_args("count", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    FtObject *start = a[0], *step = a[1];
    if ((start != NULL && !is_number(start)) ||
        (step != NULL && !is_number(step))) {
        ft_err_set_string(FtExc_TypeError, "a number is required");
        return NULL;
    }
    Count *c = (Count *)ft_object_new(type);
    if (c == NULL)
        return NULL;
    c->step = step != NULL ? FT_NEWREF(step) : ft_int_from_i64(1);
    if (c->step == NULL)
        goto fail;
    /* As CPython: a step of 1 counts an int start (even a bool) as plain
     * ints; other steps from a plain int give the same ints either way. */
    int64_t s = 0, st = 1;
    int fast = (start == NULL || FT_INT_CHECK(start)) && FT_INT_CHECK(c->step);
    if (fast && start != NULL && ft_int_as_i64(start, &s) < 0) {
        ft_err_clear();
        fast = 0;
    }
    if (fast && ft_int_as_i64(c->step, &st) < 0) {
        ft_err_clear();
        fast = 0;
    }
    if (fast && st != 1 && start != NULL && !FT_INT_CHECK_EXACT(start))
        fast = 0;
    if (fast) {
        c->icur = s;
        c->istep = st;
    } else {
        c->cur = start != NULL ? FT_NEWREF(start) : ft_int_from_i64(0);
        if (c->cur == NULL)
            goto fail;
    }
    return (FtObject *)c;
fail:
    FT_DECREF(c);
    return NULL;
}

static FtObject *count_next_locked(Count *c)
{
    if (c->cur == NULL) {
        int64_t v = c->icur, nv;
        if (!__builtin_add_overflow(v, c->istep, &nv)) {
            c->icur = nv;
            return ft_int_from_i64(v);
        }
        /* leave fast mode: the rest runs on int objects */
        c->cur = ft_int_from_i64(v);
        if (c->cur == NULL)
            return NULL;
    }
    FtObject *next = ft_number_binop(c->cur, c->step, FT_OP_ADD);
    if (next == NULL)
        return NULL;
    FtObject *r = c->cur;
    c->cur = next;
    return r;
}

static FtObject *count_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = count_next_locked((Count *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

/* "%U(...)" with the type's short name, as CPython's reprs use. */
static FtObject *repr_call(FtObject *op, const char *fmt, FtObject *a,
                           FtObject *b)
{
    FtObject *name = ft_type_qualname(FT_TYPE(op));
    if (name == NULL)
        return NULL;
    FtObject *r = ft_str_from_format(fmt, name, a, b);
    FT_DECREF(name);
    return r;
}

static FtObject *count_repr(FtObject *op)
{
    Count *c = (Count *)op;
    FtObject *cur, *step = NULL;
    FT_BEGIN_CRITICAL_SECTION(op);
    cur = c->cur != NULL ? FT_NEWREF(c->cur) : ft_int_from_i64(c->icur);
    step = FT_NEWREF(c->step);
    FT_END_CRITICAL_SECTION();
    FtObject *r = NULL;
    if (cur != NULL) {
        int64_t s;
        int one =
            FT_INT_CHECK_EXACT(step) && ft_int_as_i64(step, &s) == 0 && s == 1;
        ft_err_clear();
        if (one)
            r = repr_call(op, "%U(%R)", cur, NULL);
        else
            r = repr_call(op, "%U(%R, %R)", cur, step);
    }
    FT_XDECREF(cur);
    FT_DECREF(step);
    return r;
}

static int count_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(((Count *)op)->cur);
    FT_VISIT(((Count *)op)->step);
    return 0;
}

static int count_clear(FtObject *op)
{
    FT_CLEAR(((Count *)op)->cur);
    FT_CLEAR(((Count *)op)->step);
    return 0;
}

static void count_dealloc(FtObject *op)
{
    count_clear(op);
    ft_object_free(op);
}

static FtType Count_Type = {
    ITER_TYPE_HEAD("count", Count,
                   "Return a count object whose .__next__() method returns "
                   "consecutive values."),
    .tp_new = count_new,
    .tp_iternext = count_next,
    .tp_repr = count_repr,
    .tp_dealloc = count_dealloc,
    .tp_traverse = count_traverse,
    .tp_clear = count_clear,
};

/* ---- repeat ------------------------------------------------------------ */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *obj;
    int64_t left; /* -1: forever */
} Repeat;
FT_OBJECT_LOCK_CHECK(Repeat);

static FtObject *repeat_new(FtType *type, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    static const char *const kwlist[] = {"object", "times", NULL};
    FtObject *a[2];
    if (parse_args("repeat", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    ssize_t n = -1;
    if (a[1] != NULL) {
        if (arg_ssize(a[1], &n) < 0)
            return NULL;
        if (n < 0)
            n = 0;
    }
    Repeat *r = (Repeat *)ft_object_new(type);
    if (r == NULL)
        return NULL;
    r->obj = FT_NEWREF(a[0]);
    r->left = n;
    return (FtObject *)r;
}

static FtObject *repeat_next(FtObject *op)
{
    Repeat *r = (Repeat *)op;
    FtObject *res = NULL;
    FT_BEGIN_CRITICAL_SECTION(op);
    if (r->left != 0) {
        if (r->left > 0)
            r->left--;
        res = FT_NEWREF(r->obj);
    }
    FT_END_CRITICAL_SECTION();
    return res;
}

static FtObject *repeat_repr(FtObject *op)
{
    Repeat *r = (Repeat *)op;
    int64_t left = __atomic_load_n(&r->left, __ATOMIC_RELAXED);
    if (left < 0)
        return repr_call(op, "%U(%R)", r->obj, NULL);
    FtObject *n = ft_int_from_i64(left);
    if (n == NULL)
        return NULL;
    FtObject *res = repr_call(op, "%U(%R, %R)", r->obj, n);
    FT_DECREF(n);
    return res;
}

static FtObject *repeat_length_hint(FtObject *op, FtObject *const *args,
                                    size_t nargs, FtObject *kwnames)
{
    int64_t left = __atomic_load_n(&((Repeat *)op)->left, __ATOMIC_RELAXED);
    if (left < 0) {
        ft_err_set_string(FtExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return ft_int_from_i64(left);
}

static FtMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int repeat_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(((Repeat *)op)->obj);
    return 0;
}

static int repeat_clear(FtObject *op)
{
    FT_CLEAR(((Repeat *)op)->obj);
    return 0;
}

static void repeat_dealloc(FtObject *op)
{
    repeat_clear(op);
    ft_object_free(op);
}

static FtType Repeat_Type = {
    ITER_TYPE_HEAD(
        "repeat", Repeat,
        "repeat(object [,times]) -> create an iterator which returns the "
        "object for the specified number of times."),
    .tp_new = repeat_new,
    .tp_iternext = repeat_next,
    .tp_repr = repeat_repr,
    .tp_methods = repeat_methods,
    .tp_dealloc = repeat_dealloc,
    .tp_traverse = repeat_traverse,
    .tp_clear = repeat_clear,
};

/* ---- iterators over one or two inputs ------------------------------------ */

/* One layout serves cycle, pairwise, starmap, compress, takewhile,
 * dropwhile, filterfalse and accumulate: an input iterator, a function or
 * second iterator, one saved object and a small state word. */
typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *it;    /* NULL once exhausted */
    FtObject *func;  /* function, selectors, or cycle's saved list */
    FtObject *saved; /* pairwise's previous item, accumulate's total */
    FtObject *extra; /* accumulate's initial value */
    ssize_t state;   /* cycle's position; takewhile/dropwhile's flag */
} Simple;
FT_OBJECT_LOCK_CHECK(Simple);

static FtObject *simple_make(FtType *type, FtObject *iterable, FtObject *func)
{
    FtObject *it = ft_object_iter(iterable);
    if (it == NULL)
        return NULL;
    Simple *s = (Simple *)ft_object_new(type);
    if (s == NULL) {
        FT_DECREF(it);
        return NULL;
    }
    s->it = it;
    s->func = func != NULL ? FT_NEWREF(func) : NULL;
    return (FtObject *)s;
}

static int simple_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    Simple *s = (Simple *)op;
    FT_VISIT(s->it);
    FT_VISIT(s->func);
    FT_VISIT(s->saved);
    FT_VISIT(s->extra);
    return 0;
}

static int simple_clear(FtObject *op)
{
    Simple *s = (Simple *)op;
    FT_CLEAR(s->it);
    FT_CLEAR(s->func);
    FT_CLEAR(s->saved);
    FT_CLEAR(s->extra);
    return 0;
}

static void simple_dealloc(FtObject *op)
{
    simple_clear(op);
    ft_object_free(op);
}

/* The next item of s->it under the caller's lock, holding our own reference
 * to the iterator across the call; drops the iterator at its end. */
static FtObject *simple_step(Simple *s)
{
    if (s->it == NULL)
        return NULL;
    FtObject *it = FT_NEWREF(s->it);
    FtObject *item = ft_iter_next(it);
    if (item == NULL && !ft_err_occurred() && s->it == it)
        FT_CLEAR(s->it);
    FT_DECREF(it);
    return item;
}

#define SIMPLE_SLOTS                                                           \
    .tp_dealloc = simple_dealloc, .tp_traverse = simple_traverse,              \
    .tp_clear = simple_clear

/* cycle: func is the list of items seen on the first pass. */
static FtObject *cycle_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (fixed_args("cycle", nargs, kwnames, 1, 1) < 0)
        return NULL;
    FtObject *saved = ft_list_new(0);
    if (saved == NULL)
        return NULL;
    FtObject *r = simple_make(type, args[0], saved);
    FT_DECREF(saved);
    return r;
}

static FtObject *cycle_next_locked(Simple *s)
{
    if (s->it != NULL) {
        FtObject *item = simple_step(s);
        if (item != NULL) {
            if (ft_list_append(s->func, item) < 0) {
                FT_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (ft_err_occurred())
            return NULL;
    }
    ssize_t n = ft_list_size(s->func);
    if (n == 0)
        return NULL;
    if (s->state >= n)
        s->state = 0;
    return ft_list_get(s->func, s->state++);
}

static FtObject *cycle_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = cycle_next_locked((Simple *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtType Cycle_Type = {
    ITER_TYPE_HEAD(
        "cycle", Simple,
        "Return elements from the iterable until it is exhausted. Then "
        "repeat the sequence indefinitely."),
    SIMPLE_SLOTS,
    .tp_new = cycle_new,
    .tp_iternext = cycle_next,
};

/* pairwise: saved is the previous item. */
static FtObject *pairwise_new(FtType *type, FtObject *const *args, size_t nargs,
                              FtObject *kwnames)
{
    if (fixed_args("pairwise", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return simple_make(type, args[0], NULL);
}

static FtObject *pairwise_next_locked(Simple *s)
{
    if (s->saved == NULL) {
        FtObject *first = simple_step(s);
        if (first == NULL)
            return NULL;
        if (s->saved != NULL) { /* a sharer got there while we called */
            FT_DECREF(first);
        } else {
            s->saved = first;
        }
    }
    FtObject *item = simple_step(s);
    if (item == NULL) {
        FT_CLEAR(s->saved);
        return NULL;
    }
    FtObject *prev = s->saved;
    s->saved = FT_NEWREF(item);
    FtObject *r = ft_tuple_new(2);
    if (r == NULL) {
        FT_DECREF(prev);
        FT_DECREF(item);
        return NULL;
    }
    FT_TUPLE_SET(r, 0, prev);
    FT_TUPLE_SET(r, 1, item);
    return r;
}

static FtObject *pairwise_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = pairwise_next_locked((Simple *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtType Pairwise_Type = {
    ITER_TYPE_HEAD(
        "pairwise", Simple,
        "Return an iterator of overlapping pairs taken from the input "
        "iterator."),
    SIMPLE_SLOTS,
    .tp_new = pairwise_new,
    .tp_iternext = pairwise_next,
};

/* starmap: no state of its own, so no lock (like map). */
static FtObject *starmap_new(FtType *type, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    if (fixed_args("starmap", nargs, kwnames, 2, 2) < 0)
        return NULL;
    return simple_make(type, args[1], args[0]);
}

static FtObject *starmap_next(FtObject *op)
{
    Simple *s = (Simple *)op;
    FtObject *args = ft_iter_next(s->it);
    if (args == NULL)
        return NULL;
    if (!FT_TUPLE_CHECK_EXACT(args)) {
        FtObject *t = ft_tuple_from_iterable(args);
        FT_DECREF(args);
        if (t == NULL)
            return NULL;
        args = t;
    }
    FtObject *r = ft_call(s->func, ((FtTupleObject *)args)->items,
                          (size_t)FT_TUPLE_SIZE(args), NULL);
    FT_DECREF(args);
    return r;
}

static FtType Starmap_Type = {
    ITER_TYPE_HEAD(
        "starmap", Simple,
        "Return an iterator whose values are returned from the function "
        "evaluated with an argument tuple taken from the given sequence."),
    SIMPLE_SLOTS,
    .tp_new = starmap_new,
    .tp_iternext = starmap_next,
};

/* compress: func holds the selectors' iterator. */
static FtObject *compress_new(FtType *type, FtObject *const *args, size_t nargs,
                              FtObject *kwnames)
{
    static const char *const kwlist[] = {"data", "selectors", NULL};
    FtObject *a[2];
    if (ft_arg_parse("compress", args, nargs, kwnames, kwlist, 2, 2, a) < 0)
        return NULL;
    FtObject *sel = ft_object_iter(a[1]);
    if (sel == NULL)
        return NULL;
    FtObject *r = simple_make(type, a[0], sel);
    FT_DECREF(sel);
    return r;
}

/* Locked although compress has no state of its own: a data item and its
 * selector must be taken together. */
static FtObject *compress_next_locked(Simple *s)
{
    for (;;) {
        FtObject *item = simple_step(s);
        if (item == NULL)
            return NULL;
        FtObject *selectors = FT_NEWREF(s->func);
        FtObject *sel = ft_iter_next(selectors);
        FT_DECREF(selectors);
        if (sel == NULL) {
            FT_DECREF(item);
            return NULL;
        }
        int ok = ft_object_is_true(sel);
        FT_DECREF(sel);
        if (ok > 0)
            return item;
        FT_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static FtObject *compress_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = compress_next_locked((Simple *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtType Compress_Type = {
    ITER_TYPE_HEAD(
        "compress", Simple,
        "Return data elements corresponding to true selector elements."),
    SIMPLE_SLOTS,
    .tp_new = compress_new,
    .tp_iternext = compress_next,
};

/* predicate(item) as 1/0/-1, holding our own reference to the predicate. */
static int call_pred(Simple *s, FtObject *item)
{
    FtObject *f = FT_NEWREF(s->func);
    FtObject *r = ft_call1(f, item);
    FT_DECREF(f);
    if (r == NULL)
        return -1;
    int ok = ft_object_is_true(r);
    FT_DECREF(r);
    return ok;
}

static FtObject *pred_new(const char *name, FtType *type, FtObject *const *args,
                          size_t nargs, FtObject *kwnames)
{
    if (fixed_args(name, nargs, kwnames, 2, 2) < 0)
        return NULL;
    return simple_make(type, args[1], args[0]);
}

/* takewhile: state 1 once the predicate failed. */
static FtObject *takewhile_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    return pred_new("takewhile", type, args, nargs, kwnames);
}

static FtObject *takewhile_next_locked(Simple *s)
{
    if (s->state)
        return NULL;
    FtObject *item = simple_step(s);
    if (item == NULL)
        return NULL;
    int ok = call_pred(s, item);
    if (ok > 0)
        return item;
    FT_DECREF(item);
    if (ok == 0)
        s->state = 1;
    return NULL;
}

static FtObject *takewhile_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = takewhile_next_locked((Simple *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtType Takewhile_Type = {
    ITER_TYPE_HEAD("takewhile", Simple,
                   "Return successive entries from an iterable as long as the "
                   "predicate evaluates to true for each entry."),
    SIMPLE_SLOTS,
    .tp_new = takewhile_new,
    .tp_iternext = takewhile_next,
};

/* dropwhile: state 1 once the predicate failed. */
static FtObject *dropwhile_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    return pred_new("dropwhile", type, args, nargs, kwnames);
}

static FtObject *dropwhile_next_locked(Simple *s)
{
    for (;;) {
        FtObject *item = simple_step(s);
        if (item == NULL || s->state)
            return item;
        int ok = call_pred(s, item);
        if (ok == 0) {
            s->state = 1;
            return item;
        }
        FT_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static FtObject *dropwhile_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = dropwhile_next_locked((Simple *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtType Dropwhile_Type = {
    ITER_TYPE_HEAD(
        "dropwhile", Simple,
        "Drop items from the iterable while predicate(item) is true."),
    SIMPLE_SLOTS,
    .tp_new = dropwhile_new,
    .tp_iternext = dropwhile_next,
};

/* filterfalse: no state of its own, so no lock (like filter). */
static FtObject *filterfalse_new(FtType *type, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    return pred_new("filterfalse", type, args, nargs, kwnames);
}

static FtObject *filterfalse_next(FtObject *op)
{
    Simple *s = (Simple *)op;
    int plain = s->func == FT_None || s->func == (FtObject *)&FtBool_Type;
    for (;;) {
        FtObject *item = ft_iter_next(s->it);
        if (item == NULL)
            return NULL;
        int ok = plain ? ft_object_is_true(item) : call_pred(s, item);
        if (ok == 0)
            return item;
        FT_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static FtType Filterfalse_Type = {
    ITER_TYPE_HEAD("filterfalse", Simple,
                   "Return those items of iterable for which function(item) is "
                   "false."),
    SIMPLE_SLOTS,
    .tp_new = filterfalse_new,
    .tp_iternext = filterfalse_next,
};

/* accumulate: saved is the running total, extra the initial value still
 * to be yielded; func NULL means +. */
static FtObject *accumulate_new(FtType *type, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"iterable", "func", "initial", NULL};
    FtObject *a[3];
    if (parse_args("accumulate", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    FtObject *func = a[1] == FT_None ? NULL : a[1];
    Simple *s = (Simple *)simple_make(type, a[0], func);
    if (s != NULL && a[2] != NULL && a[2] != FT_None)
        s->extra = FT_NEWREF(a[2]);
    return (FtObject *)s;
}

static FtObject *accumulate_next_locked(Simple *s)
{
    if (s->extra != NULL) {
        FtObject *init = s->extra;
        s->extra = NULL;
        FT_SETREF(s->saved, FT_NEWREF(init));
        return init;
    }
    FtObject *item = simple_step(s);
    if (item == NULL)
        return NULL;
    if (s->saved == NULL) {
        s->saved = FT_NEWREF(item);
        return item;
    }
    FtObject *total = FT_NEWREF(s->saved), *r;
    if (s->func == NULL) {
        r = ft_number_binop(total, item, FT_OP_ADD);
    } else {
        FtObject *f = FT_NEWREF(s->func);
        r = ft_call2(f, total, item);
        FT_DECREF(f);
    }
    FT_DECREF(total);
    FT_DECREF(item);
    if (r == NULL)
        return NULL;
    FT_SETREF(s->saved, FT_NEWREF(r));
    return r;
}

static FtObject *accumulate_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = accumulate_next_locked((Simple *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtType Accumulate_Type = {
    ITER_TYPE_HEAD(
        "accumulate", Simple,
        "Return series of accumulated sums (or other binary function "
        "results)."),
    SIMPLE_SLOTS,
    .tp_new = accumulate_new,
    .tp_iternext = accumulate_next,
};

/* ---- chain ------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *source; /* iterator over the iterables; NULL once exhausted */
    FtObject *active; /* iterator of the current iterable, or NULL */
} Chain;
FT_OBJECT_LOCK_CHECK(Chain);

static FtObject *chain_make(FtType *type, FtObject *source)
{
    Chain *c = (Chain *)ft_object_new(type);
    if (c == NULL) {
        FT_DECREF(source);
        return NULL;
    }
    c->source = source;
    return (FtObject *)c;
}

static FtObject *chain_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_no_kwargs("chain", kwnames) < 0)
        return NULL;
    FtObject *t = ft_tuple_from_array(args, (ssize_t)nargs);
    if (t == NULL)
        return NULL;
    FtObject *src = ft_object_iter(t);
    FT_DECREF(t);
    return src != NULL ? chain_make(type, src) : NULL;
}

static FtObject *chain_from_iterable(FtObject *cls, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("from_iterable", nargs, 1, 1) < 0)
        return NULL;
    FtObject *src = ft_object_iter(args[0]);
    return src != NULL ? chain_make((FtType *)cls, src) : NULL;
}

static FtObject *chain_next_locked(Chain *c)
{
    for (;;) {
        if (c->active != NULL) {
            FtObject *act = FT_NEWREF(c->active);
            FtObject *item = ft_iter_next(act);
            if (item != NULL || ft_err_occurred()) {
                FT_DECREF(act);
                return item;
            }
            if (c->active == act)
                FT_CLEAR(c->active);
            FT_DECREF(act);
        }
        if (c->source == NULL)
            return NULL;
        FtObject *src = FT_NEWREF(c->source);
        FtObject *iterable = ft_iter_next(src);
        if (iterable == NULL) {
            if (!ft_err_occurred() && c->source == src)
                FT_CLEAR(c->source);
            FT_DECREF(src);
            return NULL;
        }
        FT_DECREF(src);
        FtObject *it = ft_object_iter(iterable);
        FT_DECREF(iterable);
        if (it == NULL)
            return NULL;
        FT_SETREF(c->active, it);
    }
}

static FtObject *chain_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = chain_next_locked((Chain *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static int chain_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(((Chain *)op)->source);
    FT_VISIT(((Chain *)op)->active);
    return 0;
}

static int chain_clear(FtObject *op)
{
    FT_CLEAR(((Chain *)op)->source);
    FT_CLEAR(((Chain *)op)->active);
    return 0;
}

static void chain_dealloc(FtObject *op)
{
    chain_clear(op);
    ft_object_free(op);
}

static FtMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, FT_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that "
     "evaluates lazily."},
    {NULL, NULL, 0, NULL},
};

static FtType Chain_Type = {
    ITER_TYPE_HEAD(
        "chain", Chain,
        "Return a chain object whose .__next__() method returns elements "
        "from the first iterable until it is exhausted, then elements from "
        "the next iterable, until all of the iterables are exhausted."),
    .tp_new = chain_new,
    .tp_iternext = chain_next,
    .tp_methods = chain_methods,
    .tp_dealloc = chain_dealloc,
    .tp_traverse = chain_traverse,
    .tp_clear = chain_clear,
};

/* ---- islice ------------------------------------------------------------ */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *it; /* NULL once done */
    ssize_t next; /* index of the next item to yield */
    ssize_t stop; /* -1: no stop */
    ssize_t step;
    ssize_t cnt; /* items consumed so far */
} Islice;
FT_OBJECT_LOCK_CHECK(Islice);

/* None -> dflt; an int in 0..maxsize -> itself; else -1 (caller raises). */
static int islice_index(FtObject *o, ssize_t dflt, ssize_t *out)
{
    if (o == FT_None) {
        *out = dflt;
        return 0;
    }
    int64_t v;
    if (!FT_INT_CHECK(o) || ft_int_as_i64(o, &v) < 0 || v < 0) {
        ft_err_clear();
        return -1;
    }
    *out = (ssize_t)v;
    return 0;
}

static FtObject *islice_new(FtType *type, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (fixed_args("islice", nargs, kwnames, 2, 4) < 0)
        return NULL;
    ssize_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (islice_index(args[1], -1, &stop) < 0)
            goto bad_stop;
    } else {
        if (islice_index(args[2], -1, &stop) < 0)
            goto bad_stop;
        if (islice_index(args[1], 0, &start) < 0) {
            ft_err_set_string(FtExc_ValueError,
                              "Indices for islice() must be None or an "
                              "integer: 0 <= x <= sys.maxsize.");
            return NULL;
        }
        if (nargs == 4 && (islice_index(args[3], 1, &step) < 0 || step == 0)) {
            ft_err_set_string(FtExc_ValueError, "Step for islice() must be a "
                                                "positive integer or None.");
            return NULL;
        }
    }
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    Islice *s = (Islice *)ft_object_new(type);
    if (s == NULL) {
        FT_DECREF(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return (FtObject *)s;
bad_stop:
    ft_err_set_string(FtExc_ValueError,
                      "Stop argument for islice() must be None or an integer: "
                      "0 <= x <= sys.maxsize.");
    return NULL;
}

/* The next item of s->it, counted; clears the iterator at its end. */
static FtObject *islice_take(Islice *s)
{
    FtObject *it = FT_NEWREF(s->it);
    FtObject *item = ft_iter_next(it);
    if (item != NULL)
        s->cnt++;
    else if (!ft_err_occurred() && s->it == it)
        FT_CLEAR(s->it);
    FT_DECREF(it);
    return item;
}

static FtObject *islice_next_locked(Islice *s)
{
    while (s->it != NULL && s->cnt < s->next) {
        FtObject *skip = islice_take(s);
        if (skip == NULL)
            return NULL;
        FT_DECREF(skip);
    }
    if (s->it == NULL)
        return NULL;
    if (s->stop != -1 && s->cnt >= s->stop) {
        FT_CLEAR(s->it);
        return NULL;
    }
    FtObject *item = islice_take(s);
    if (item == NULL)
        return NULL;
    ssize_t old = s->next;
    if (__builtin_add_overflow(old, s->step, &s->next) ||
        (s->stop != -1 && s->next > s->stop))
        s->next = s->stop != -1 ? s->stop : INT64_MAX;
    return item;
}

static FtObject *islice_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = islice_next_locked((Islice *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static int islice_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(((Islice *)op)->it);
    return 0;
}

static int islice_clear(FtObject *op)
{
    FT_CLEAR(((Islice *)op)->it);
    return 0;
}

static void islice_dealloc(FtObject *op)
{
    islice_clear(op);
    ft_object_free(op);
}

static FtType Islice_Type = {
    ITER_TYPE_HEAD("islice", Islice,
                   "islice(iterable, stop) --> islice object\n"
                   "islice(iterable, start, stop[, step]) --> islice object"),
    .tp_new = islice_new,
    .tp_iternext = islice_next,
    .tp_dealloc = islice_dealloc,
    .tp_traverse = islice_traverse,
    .tp_clear = islice_clear,
};

/* ---- the module -------------------------------------------------------- */

static FtType *const itertools_types[] = {
    &Count_Type,
    &Repeat_Type,
    &Cycle_Type,
    &Chain_Type,
    &Islice_Type,
    &Pairwise_Type,
    &Starmap_Type,
    &Compress_Type,
    &Takewhile_Type,
    &Dropwhile_Type,
    &Filterfalse_Type,
    &Accumulate_Type,
    &FtItZipLongest_Type,
    &FtItProduct_Type,
    &FtItPermutations_Type,
    &FtItCombinations_Type,
    &FtItCombinationsWR_Type,
};

FtObject *ft_mod_itertools_create(void)
{
    size_t n = sizeof itertools_types / sizeof itertools_types[0];
    for (size_t i = 0; i < n; i++)
        if (ft_type_ready(itertools_types[i]) < 0)
            return NULL;
    FtObject *m = ft_module_new("_itertools");
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *name = strchr(itertools_types[i]->tp_name, '.') + 1;
        if (ft_module_add_object(m, name, (FtObject *)itertools_types[i]) < 0) {
            FT_DECREF(m);
            return NULL;
        }
    }
    return m;
}
