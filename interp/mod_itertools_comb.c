/* interp/mod_itertools_comb.c — the _itertools iterators that combine
 * several inputs: zip_longest, product, permutations, combinations and
 * combinations_with_replacement (the module itself: mod_itertools.c).
 */
#include "interp/mod_itertools.h"

#include <string.h>

/* ---- zip_longest ------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject **iters; /* an entry is NULL once its iterator ran out */
    ssize_t n;
    ssize_t active; /* iterators not yet exhausted */
    FtObject *fill;
} ZipLongest;
FT_OBJECT_LOCK_CHECK(ZipLongest);

static FtObject *ziplongest_new(FtType *type, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    FtObject *fill = FT_None;
    ssize_t nkw = kwnames != NULL ? FT_TUPLE_SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        if (!ft_str_eq_cstr(FT_TUPLE_GET(kwnames, k), "fillvalue")) {
            ft_err_set_string(FtExc_TypeError, "zip_longest() got an "
                                               "unexpected keyword argument");
            return NULL;
        }
        fill = args[nargs + (size_t)k];
    }
    ZipLongest *z = (ZipLongest *)ft_object_new(type);
    if (z == NULL)
        return NULL;
    z->fill = FT_NEWREF(fill);
    if (nargs > 0) {
        z->iters = ft_mem_calloc(nargs, sizeof(FtObject *));
        if (z->iters == NULL) {
            FT_DECREF(z);
            return ft_err_no_memory();
        }
    }
    for (size_t i = 0; i < nargs; i++) {
        z->iters[i] = ft_object_iter(args[i]);
        if (z->iters[i] == NULL) {
            FT_DECREF(z);
            return NULL;
        }
        z->n = z->active = (ssize_t)i + 1;
    }
    return (FtObject *)z;
}

static FtObject *ziplongest_next_locked(ZipLongest *z)
{
    if (z->active == 0)
        return NULL;
    FtObject *r = ft_tuple_new(z->n);
    if (r == NULL)
        return NULL;
    for (ssize_t i = 0; i < z->n; i++) {
        FtObject *item;
        if (z->iters[i] == NULL) {
            item = FT_NEWREF(z->fill);
        } else {
            FtObject *it = FT_NEWREF(z->iters[i]);
            item = ft_iter_next(it);
            if (item == NULL) {
                int err = ft_err_occurred() != NULL;
                if (!err && z->iters[i] == it) {
                    FT_CLEAR(z->iters[i]);
                    z->active--;
                }
                FT_DECREF(it);
                if (err || z->active == 0) {
                    /* items past i are still NULL: dealloc skips them */
                    FT_DECREF(r);
                    return NULL;
                }
                item = FT_NEWREF(z->fill);
            } else {
                FT_DECREF(it);
            }
        }
        FT_TUPLE_SET(r, i, item);
    }
    return r;
}

static FtObject *ziplongest_next(FtObject *op)
{
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = ziplongest_next_locked((ZipLongest *)op);
    FT_END_CRITICAL_SECTION();
    return r;
}

static int ziplongest_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    ZipLongest *z = (ZipLongest *)op;
    for (ssize_t i = 0; i < z->n; i++)
        FT_VISIT(z->iters[i]);
    FT_VISIT(z->fill);
    return 0;
}

static int ziplongest_clear(FtObject *op)
{
    ZipLongest *z = (ZipLongest *)op;
    for (ssize_t i = 0; i < z->n; i++)
        FT_CLEAR(z->iters[i]);
    z->active = 0;
    FT_CLEAR(z->fill);
    return 0;
}

static void ziplongest_dealloc(FtObject *op)
{
    ziplongest_clear(op);
    ft_mem_free(((ZipLongest *)op)->iters);
    ft_object_free(op);
}

FtType FtItZipLongest_Type = {
    ITER_TYPE_HEAD(
        "zip_longest", ZipLongest,
        "zip_longest(*iterables, fillvalue=None) --> zip_longest object"),
    .tp_new = ziplongest_new,
    .tp_iternext = ziplongest_next,
    .tp_dealloc = ziplongest_dealloc,
    .tp_traverse = ziplongest_traverse,
    .tp_clear = ziplongest_clear,
};

/* ---- product, permutations, combinations -------------------------------- */

/* The combinatoric iterators index into pools materialised as tuples up
 * front, so stepping them calls no Python code: the critical section is
 * never suspended, and an item dropped from a result tuple is still held
 * by its pool. The last result is reused in place when the caller let go
 * of it (as zip does). */
typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *pool;   /* tuple; product: a tuple of tuples */
    FtObject *result; /* last tuple yielded; NULL before the first */
    ssize_t *indices;
    ssize_t *cycles; /* permutations only */
    ssize_t n;       /* len(pool); product: the number of pools */
    ssize_t r;       /* result length */
    int stopped;
} Comb;
FT_OBJECT_LOCK_CHECK(Comb);

static FtObject *comb_make(FtType *type, FtObject *pool, ssize_t n, ssize_t r,
                           int with_cycles)
{
    Comb *c = (Comb *)ft_object_new(type);
    if (c == NULL) {
        FT_DECREF(pool);
        return NULL;
    }
    c->pool = pool;
    c->n = n;
    c->r = r;
    size_t ni = (size_t)(n > r ? n : r) + 1;
    c->indices = ft_mem_calloc(ni, sizeof(ssize_t));
    if (c->indices == NULL ||
        (with_cycles &&
         (c->cycles = ft_mem_calloc((size_t)r + 1, sizeof(ssize_t))) == NULL)) {
        FT_DECREF(c);
        return ft_err_no_memory();
    }
    return (FtObject *)c;
}

/* The first result: pool[indices[i]] (product: pools[i][indices[i]]). */
static FtObject *comb_first(Comb *c, int product)
{
    FtObject *t = ft_tuple_new(c->r);
    if (t == NULL)
        return NULL;
    for (ssize_t i = 0; i < c->r; i++) {
        FtObject *pool = product ? FT_TUPLE_GET(c->pool, i) : c->pool;
        FT_TUPLE_SET(t, i, FT_NEWREF(FT_TUPLE_GET(pool, c->indices[i])));
    }
    c->result = FT_NEWREF(t);
    return t;
}

/* A tuple to write the next result into: the last one when nobody else
 * holds it, else a fresh copy that becomes the last one. New reference. */
static FtObject *comb_result(Comb *c)
{
    FtObject *r = c->result;
    if (ft_rc_is_unique(r))
        return FT_NEWREF(r);
    FtObject *t = ft_tuple_new(c->r);
    if (t == NULL)
        return NULL;
    for (ssize_t i = 0; i < c->r; i++)
        FT_TUPLE_SET(t, i, FT_NEWREF(FT_TUPLE_GET(r, i)));
    FT_SETREF(c->result, FT_NEWREF(t));
    return t;
}

static void tuple_put(FtObject *t, ssize_t i, FtObject *v)
{
    FtObject *old = FT_TUPLE_GET(t, i);
    FT_TUPLE_SET(t, i, FT_NEWREF(v));
    FT_DECREF(old); /* never the last reference: the pool holds one */
}

static int comb_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(((Comb *)op)->pool);
    FT_VISIT(((Comb *)op)->result);
    return 0;
}

static int comb_clear(FtObject *op)
{
    FT_CLEAR(((Comb *)op)->pool);
    FT_CLEAR(((Comb *)op)->result);
    ((Comb *)op)->stopped = 1;
    return 0;
}

static void comb_dealloc(FtObject *op)
{
    comb_clear(op);
    ft_mem_free(((Comb *)op)->indices);
    ft_mem_free(((Comb *)op)->cycles);
    ft_object_free(op);
}

/* Runs step (which fills the reused result, or stops) in the section. */
static FtObject *comb_next(FtObject *op, int (*step)(Comb *, FtObject *),
                           int product)
{
    Comb *c = (Comb *)op;
    FtObject *r = NULL;
    FT_BEGIN_CRITICAL_SECTION(op);
    if (c->stopped || c->pool == NULL) {
        r = NULL;
    } else if (c->result == NULL) {
        r = comb_first(c, product);
    } else if ((r = comb_result(c)) != NULL && !step(c, r)) {
        c->stopped = 1;
        FT_CLEAR(c->result);
        FT_CLEAR(r);
    }
    FT_END_CRITICAL_SECTION();
    return r;
}

#define COMB_SLOTS                                                             \
    .tp_dealloc = comb_dealloc, .tp_traverse = comb_traverse,                  \
    .tp_clear = comb_clear

/* product */
static FtObject *product_new(FtType *type, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    ssize_t repeat = 1, nkw = kwnames != NULL ? FT_TUPLE_SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        FtObject *key = FT_TUPLE_GET(kwnames, k);
        if (!ft_str_eq_cstr(key, "repeat")) {
            ft_err_format(FtExc_TypeError,
                          "'%U' is an invalid keyword argument for product()",
                          key);
            return NULL;
        }
        if (arg_ssize(args[nargs + (size_t)k], &repeat) < 0)
            return NULL;
        if (repeat < 0) {
            ft_err_set_string(FtExc_ValueError,
                              "repeat argument cannot be negative");
            return NULL;
        }
    }
    ssize_t n;
    if (__builtin_mul_overflow((ssize_t)nargs, repeat, &n) || n > (1 << 28))
        return ft_err_no_memory();
    if (n == 0)
        nargs = 0; /* as CPython: repeat=0 reads no argument */
    FtObject *base = ft_tuple_new((ssize_t)nargs);
    if (base == NULL)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        FtObject *t = ft_tuple_from_iterable(args[i]);
        if (t == NULL) {
            FT_DECREF(base); /* the slots not yet filled are NULL */
            return NULL;
        }
        FT_TUPLE_SET(base, (ssize_t)i, t);
    }
    FtObject *pools = ft_tuple_new(n);
    if (pools == NULL) {
        FT_DECREF(base);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(pools, i,
                     FT_NEWREF(FT_TUPLE_GET(base, i % (ssize_t)nargs)));
    FT_DECREF(base);
    Comb *c = (Comb *)comb_make(type, pools, n, n, 0);
    if (c != NULL)
        for (ssize_t i = 0; i < n; i++)
            if (FT_TUPLE_SIZE(FT_TUPLE_GET(pools, i)) == 0)
                c->stopped = 1;
    return (FtObject *)c;
}

static int product_step(Comb *c, FtObject *res)
{
    for (ssize_t i = c->n - 1; i >= 0; i--) {
        FtObject *pool = FT_TUPLE_GET(c->pool, i);
        if (++c->indices[i] == FT_TUPLE_SIZE(pool)) {
            c->indices[i] = 0;
            tuple_put(res, i, FT_TUPLE_GET(pool, 0));
            continue;
        }
        tuple_put(res, i, FT_TUPLE_GET(pool, c->indices[i]));
        return 1;
    }
    return 0;
}

static FtObject *product_next(FtObject *op)
{
    return comb_next(op, product_step, 1);
}

FtType FtItProduct_Type = {
    ITER_TYPE_HEAD(
        "product", Comb,
        "Cartesian product of input iterables.  Equivalent to nested "
        "for-loops."),
    COMB_SLOTS,
    .tp_new = product_new,
    .tp_iternext = product_next,
};

/* The pool and r of permutations/combinations; r_obj NULL means len(pool). */
static FtObject *comb_pool(FtObject *iterable, FtObject *r_obj, int strict_int,
                           ssize_t *n, ssize_t *r)
{
    FtObject *pool = ft_tuple_from_iterable(iterable);
    if (pool == NULL)
        return NULL;
    *n = FT_TUPLE_SIZE(pool);
    *r = *n;
    if (r_obj != NULL) {
        if (strict_int && !FT_INT_CHECK(r_obj)) {
            ft_err_set_string(FtExc_TypeError, "Expected int as r");
            goto fail;
        }
        if (arg_ssize(r_obj, r) < 0)
            goto fail;
        if (*r < 0) {
            ft_err_set_string(FtExc_ValueError, "r must be non-negative");
            goto fail;
        }
        if (*r > (1 << 28)) {
            ft_err_no_memory();
            goto fail;
        }
    }
    return pool;
fail:
    FT_DECREF(pool);
    return NULL;
}

/* permutations */
static FtObject *permutations_new(FtType *type, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"iterable", "r", NULL};
    FtObject *a[2];
    if (ft_arg_parse("permutations", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    ssize_t n, r;
    FtObject *pool = comb_pool(a[0], a[1] == FT_None ? NULL : a[1], 1, &n, &r);
    if (pool == NULL)
        return NULL;
    Comb *c = (Comb *)comb_make(type, pool, n, r, 1);
    if (c == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        c->indices[i] = i;
    for (ssize_t i = 0; i < r; i++)
        c->cycles[i] = n - i;
    c->stopped = r > n;
    return (FtObject *)c;
}

static int permutations_step(Comb *c, FtObject *res)
{
    ssize_t n = c->n, *ind = c->indices;
    for (ssize_t i = c->r - 1; i >= 0; i--) {
        if (--c->cycles[i] == 0) {
            /* move indices[i] to the end, shifting the rest left */
            ssize_t first = ind[i];
            memmove(&ind[i], &ind[i + 1], (size_t)(n - i - 1) * sizeof *ind);
            ind[n - 1] = first;
            c->cycles[i] = n - i;
            continue;
        }
        ssize_t j = c->cycles[i], t = ind[i];
        ind[i] = ind[n - j];
        ind[n - j] = t;
        for (ssize_t k = i; k < c->r; k++)
            tuple_put(res, k, FT_TUPLE_GET(c->pool, ind[k]));
        return 1;
    }
    return 0;
}

static FtObject *permutations_next(FtObject *op)
{
    return comb_next(op, permutations_step, 0);
}

FtType FtItPermutations_Type = {
    ITER_TYPE_HEAD("permutations", Comb,
                   "Return successive r-length permutations of elements in the "
                   "iterable."),
    COMB_SLOTS,
    .tp_new = permutations_new,
    .tp_iternext = permutations_next,
};

/* combinations and combinations_with_replacement */
static FtObject *combinations_make(const char *name, FtType *type,
                                   FtObject *const *args, size_t nargs,
                                   FtObject *kwnames, int replace)
{
    static const char *const kwlist[] = {"iterable", "r", NULL};
    FtObject *a[2];
    if (ft_arg_parse(name, args, nargs, kwnames, kwlist, 2, 2, a) < 0)
        return NULL;
    ssize_t n, r;
    FtObject *pool = comb_pool(a[0], a[1], 0, &n, &r);
    if (pool == NULL)
        return NULL;
    Comb *c = (Comb *)comb_make(type, pool, n, r, 0);
    if (c == NULL)
        return NULL;
    for (ssize_t i = 0; i < r; i++)
        c->indices[i] = replace ? 0 : i;
    c->stopped = replace ? (n == 0 && r > 0) : r > n;
    return (FtObject *)c;
}

static FtObject *combinations_new(FtType *type, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    return combinations_make("combinations", type, args, nargs, kwnames, 0);
}

static int combinations_step(Comb *c, FtObject *res)
{
    ssize_t n = c->n, r = c->r, *ind = c->indices, i = r - 1;
    while (i >= 0 && ind[i] == i + n - r)
        i--;
    if (i < 0)
        return 0;
    ind[i]++;
    tuple_put(res, i, FT_TUPLE_GET(c->pool, ind[i]));
    for (ssize_t j = i + 1; j < r; j++) {
        ind[j] = ind[j - 1] + 1;
        tuple_put(res, j, FT_TUPLE_GET(c->pool, ind[j]));
    }
    return 1;
}

static FtObject *combinations_next(FtObject *op)
{
    return comb_next(op, combinations_step, 0);
}

FtType FtItCombinations_Type = {
    ITER_TYPE_HEAD("combinations", Comb,
                   "Return successive r-length combinations of elements in the "
                   "iterable."),
    COMB_SLOTS,
    .tp_new = combinations_new,
    .tp_iternext = combinations_next,
};

static FtObject *cwr_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return combinations_make("combinations_with_replacement", type, args, nargs,
                             kwnames, 1);
}

static int cwr_step(Comb *c, FtObject *res)
{
    ssize_t n = c->n, r = c->r, *ind = c->indices, i = r - 1;
    while (i >= 0 && ind[i] == n - 1)
        i--;
    if (i < 0)
        return 0;
    ssize_t v = ind[i] + 1;
    for (ssize_t j = i; j < r; j++) {
        ind[j] = v;
        tuple_put(res, j, FT_TUPLE_GET(c->pool, v));
    }
    return 1;
}

static FtObject *cwr_next(FtObject *op)
{
    return comb_next(op, cwr_step, 0);
}

FtType FtItCombinationsWR_Type = {
    ITER_TYPE_HEAD("combinations_with_replacement", Comb,
                   "Return successive r-length combinations of elements in the "
                   "iterable allowing individual elements to have successive "
                   "repeats."),
    COMB_SLOTS,
    .tp_new = cwr_new,
    .tp_iternext = cwr_next,
};
