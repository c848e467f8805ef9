/* interp/mod_gc.c — the `gc` module: the cycle collector's controls
 * (runtime/gc.c does the work). Same names and results as CPython's:
 * collect, enable, disable, isenabled, get_count, get_threshold,
 * set_threshold, get_objects, and the `garbage` list (always empty: every
 * unreachable object is freed, finalizers or not, as since CPython 3.4).
 * ftpy adds get_stats()'s pause figures under its own name, _pause_stats().
 */
#include "interp/modules.h"

#include <stdlib.h>

#include "objects/object.h"

static FtObject *gc_collect(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    (void)self;
    static const char *const kwlist[] = {"generation", NULL};
    FtObject *a[1] = {NULL};
    if (ft_arg_parse("collect", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    int gen = 2;
    if (a[0] != NULL) {
        if (ft_number_as_c_int(a[0], &gen) < 0)
            return NULL;
        if (gen < 0 || gen > 2) {
            ft_err_set_string(FtExc_ValueError, "invalid generation");
            return NULL;
        }
    }
    ssize_t n = ft_gc_collect(gen);
    if (n < 0)
        return NULL;
    return ft_int_from_i64(n);
}

static FtObject *gc_enable(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (ft_arg_count("enable", nargs, 0, 0) < 0)
        return NULL;
    ft_gc_enable(1);
    FT_RETURN_NONE;
}

static FtObject *gc_disable(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (ft_arg_count("disable", nargs, 0, 0) < 0)
        return NULL;
    ft_gc_enable(0);
    FT_RETURN_NONE;
}

static FtObject *gc_isenabled(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (ft_arg_count("isenabled", nargs, 0, 0) < 0)
        return NULL;
    return FT_NEWREF(ft_gc_isenabled() ? FT_True : FT_False);
}

static FtObject *triple(const long v[3])
{
    FtObject *t = ft_tuple_new(3);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < 3; i++) {
        FtObject *n = ft_int_from_i64(v[i]);
        if (n == NULL) {
            FT_DECREF(t);
            return NULL;
        }
        FT_TUPLE_SET(t, i, n);
    }
    return t;
}

static FtObject *gc_get_count(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (ft_arg_count("get_count", nargs, 0, 0) < 0)
        return NULL;
    long c[3];
    ft_gc_get_count(c);
    return triple(c);
}

static FtObject *gc_get_threshold(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (ft_arg_count("get_threshold", nargs, 0, 0) < 0)
        return NULL;
    long th[3];
    ft_gc_get_threshold(th);
    return triple(th);
}

/* set_threshold(threshold0[, threshold1[, threshold2]]) */
static FtObject *gc_set_threshold(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    (void)self;
    if (ft_arg_no_kwargs("set_threshold", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3) {
        ft_err_format(FtExc_TypeError,
                      "set_threshold expected at %s %d argument%s, got %zd",
                      nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3,
                      nargs < 1 ? "" : "s", (ssize_t)nargs);
        return NULL;
    }
    long th[3];
    ft_gc_get_threshold(th);
    for (size_t i = 0; i < nargs; i++) {
        int v;
        if (ft_number_as_c_int(args[i], &v) < 0)
            return NULL;
        th[i] = v;
    }
    ft_gc_set_threshold(th);
    FT_RETURN_NONE;
}

typedef struct {
    FtObject **items;
    size_t n, cap;
    int failed;
} Collected;

/* With the world stopped: no allocation of objects here, only of the
 * C array, and references taken. */
static void collect_one(FtObject *op, void *arg)
{
    Collected *c = arg;
    if (c->failed)
        return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 1024;
        FtObject **a = realloc(c->items, cap * sizeof *a);
        if (a == NULL) {
            c->failed = 1;
            return;
        }
        c->items = a;
        c->cap = cap;
    }
    FT_INCREF(op);
    c->items[c->n++] = op;
}

static FtObject *gc_get_objects(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    (void)self;
    static const char *const kwlist[] = {"generation", NULL};
    FtObject *a[1] = {NULL};
    if (ft_arg_parse("get_objects", args, nargs, kwnames, kwlist, 0, 1, a) <
        0)
        return NULL;
    if (a[0] != NULL && a[0] != FT_None) {
        ft_err_set_string(FtExc_ValueError,
                          "get_objects(generation=...) is not supported");
        return NULL;
    }
    Collected c = {NULL, 0, 0, 0};
    ft_gc_for_each(collect_one, &c);
    FtObject *list = c.failed ? NULL : ft_list_new((ssize_t)c.n);
    for (size_t i = 0; i < c.n; i++) {
        if (list != NULL)
            FT_LIST_ITEMS(list)[i] = c.items[i]; /* steals */
        else
            FT_DECREF(c.items[i]);
    }
    free(c.items);
    if (list == NULL && c.failed)
        return ft_err_no_memory();
    return list;
}

/* (last pause in seconds, total pause in seconds, collections) */
static FtObject *gc_pause_stats(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    (void)self, (void)args, (void)kwnames;
    if (ft_arg_count("_pause_stats", nargs, 0, 0) < 0)
        return NULL;
    uint64_t last, total, n;
    ft_gc_pause_stats(&last, &total, &n);
    FtObject *t = ft_tuple_new(3);
    if (t == NULL)
        return NULL;
    FtObject *v[3] = {ft_float_from_double((double)last / 1e9),
                      ft_float_from_double((double)total / 1e9),
                      ft_int_from_i64((int64_t)n)};
    for (int i = 0; i < 3; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < 3; j++)
                FT_XDECREF(v[j]);
            FT_DECREF(t);
            return NULL;
        }
    }
    for (int i = 0; i < 3; i++)
        FT_TUPLE_SET(t, i, v[i]);
    return t;
}

static FtMethodDef gc_functions[] = {
    {"collect", gc_collect, FT_METH_KEYWORDS, NULL},
    {"enable", gc_enable, 0, NULL},
    {"disable", gc_disable, 0, NULL},
    {"isenabled", gc_isenabled, 0, NULL},
    {"get_count", gc_get_count, 0, NULL},
    {"get_threshold", gc_get_threshold, 0, NULL},
    {"set_threshold", gc_set_threshold, 0, NULL},
    {"get_objects", gc_get_objects, FT_METH_KEYWORDS, NULL},
    {"_pause_stats", gc_pause_stats, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_gc_create(void)
{
    FtObject *m = ft_module_new("gc");
    if (m == NULL)
        return NULL;
    FtObject *garbage = ft_list_new(0);
    if (garbage == NULL || ft_module_add_functions(m, gc_functions) < 0 ||
        ft_module_add_object(m, "garbage", garbage) < 0) {
        FT_XDECREF(garbage);
        FT_DECREF(m);
        return NULL;
    }
    FT_DECREF(garbage);
    return m;
}
