/* interp/mod_functools.c — the _functools module: partial, reduce and the
 * lru_cache wrapper, the pieces of functools that sit in hot call paths.
 * lib/functools.py builds the rest (wraps, singledispatch...) on top.
 *
 * A partial object never changes after construction (its keywords dict
 * is the user's to mutate, and dicts lock themselves), so calling one from
 * many threads needs no lock of its own. An lru_cache wrapper keeps its
 * table and counters under its own critical section, which is never held
 * while the wrapped function runs.
 */
#include "interp/modules.h"
#include "objects/dict.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/gc.h"
#include "runtime/lock.h"

typedef struct {
    FT_OBJECT_HEAD
    FtObject *fn;
    FtObject *args; /* tuple */
    FtObject *kw;   /* dict */
    FtObject *dict; /* instance __dict__, or NULL */
} Partial;

static FtType Partial_Type;

/* New dict: a copy of base (may be NULL) updated with the keyword
 * arguments kwnames / values. */
static FtObject *merge_keywords(FtObject *base, FtObject *kwnames,
                                FtObject *const *values)
{
    FtObject *d = base != NULL ? ft_dict_copy(base) : ft_dict_new();
    if (d == NULL)
        return NULL;
    ssize_t nkw = kwnames != NULL ? FT_TUPLE_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        if (ft_dict_set(d, FT_TUPLE_GET(kwnames, i), values[i]) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static FtObject *partial_new(FtType *type, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    if (nargs < 1) {
        ft_err_set_string(FtExc_TypeError,
                          "type 'partial' takes at least one argument");
        return NULL;
    }
    FtObject *fn = args[0], *base_args = NULL, *base_kw = NULL;
    if (!ft_callable(fn)) {
        ft_err_set_string(FtExc_TypeError,
                          "the first argument must be callable");
        return NULL;
    }
    /* partial(partial(f, a), b) is partial(f, a, b) */
    if (FT_TYPE(fn) == &Partial_Type && type == &Partial_Type) {
        Partial *inner = (Partial *)fn;
        fn = inner->fn;
        base_args = inner->args;
        base_kw = inner->kw;
    }
    ssize_t nbase = base_args != NULL ? FT_TUPLE_SIZE(base_args) : 0;
    FtObject *pargs = ft_tuple_new(nbase + (ssize_t)nargs - 1);
    if (pargs == NULL)
        return NULL;
    for (ssize_t i = 0; i < nbase; i++)
        FT_TUPLE_SET(pargs, i, FT_NEWREF(FT_TUPLE_GET(base_args, i)));
    for (size_t i = 1; i < nargs; i++)
        FT_TUPLE_SET(pargs, nbase + (ssize_t)i - 1, FT_NEWREF(args[i]));
    FtObject *kw = merge_keywords(base_kw, kwnames, args + nargs);
    if (kw == NULL) {
        FT_DECREF(pargs);
        return NULL;
    }
    Partial *p = (Partial *)ft_object_new(type);
    if (p == NULL) {
        FT_DECREF(pargs);
        FT_DECREF(kw);
        return NULL;
    }
    p->fn = FT_NEWREF(fn);
    p->args = pargs;
    p->kw = kw;
    return (FtObject *)p;
}

static int partial_init(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return 0;
}

/* fn(*self.args, *args, **{**self.keywords, **kwargs}) through one flat
 * argument array, as a vector call. */
static FtObject *partial_call(FtObject *op, FtObject *const *args, size_t nargs,
                              FtObject *kwnames)
{
    Partial *p = (Partial *)op;
    ssize_t nbase = FT_TUPLE_SIZE(p->args);
    ssize_t ncallkw = kwnames != NULL ? FT_TUPLE_SIZE(kwnames) : 0;
    FtObject *kw = NULL, *names = kwnames;
    ssize_t nkw = ncallkw;
    if (ft_dict_size(p->kw) > 0) {
        kw = merge_keywords(p->kw, kwnames, args + nargs);
        if (kw == NULL)
            return NULL;
        nkw = ft_dict_size(kw);
        names = ft_tuple_new(nkw);
        if (names == NULL) {
            FT_DECREF(kw);
            return NULL;
        }
    }
    ssize_t npos = nbase + (ssize_t)nargs, total = npos + nkw;
    FtObject *stackbuf[8];
    FtObject **argv = stackbuf;
    if (total > 8) {
        argv = ft_mem_alloc((size_t)total * sizeof(FtObject *));
        if (argv == NULL) {
            FT_XDECREF(kw);
            if (kw != NULL)
                FT_DECREF(names);
            return NULL;
        }
    }
    for (ssize_t i = 0; i < nbase; i++)
        argv[i] = FT_TUPLE_GET(p->args, i);
    for (size_t i = 0; i < nargs; i++)
        argv[nbase + (ssize_t)i] = args[i];
    if (kw != NULL) {
        /* the tuple and the dict own the keys and values: borrow them */
        ssize_t pos = 0, k = 0;
        FtObject *key, *value;
        while (k < nkw && ft_dict_next(kw, &pos, &key, &value)) {
            FT_TUPLE_SET(names, k, FT_NEWREF(key));
            argv[npos + k++] = value;
        }
        nkw = k;
    } else {
        for (ssize_t i = 0; i < nkw; i++)
            argv[npos + i] = args[nargs + (size_t)i];
    }
    FtObject *fn = FT_NEWREF(p->fn);
    FtObject *r = ft_call(fn, argv, (size_t)npos, nkw > 0 ? names : NULL);
    FT_DECREF(fn);
    if (argv != stackbuf)
        ft_mem_free(argv);
    if (kw != NULL) {
        FT_DECREF(names);
        FT_DECREF(kw);
    }
    return r;
}

static FtObject *partial_repr(FtObject *op)
{
    Partial *p = (Partial *)op;
    FtType *t = FT_TYPE(op);
    FtObject *name = (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
                         ? ft_type_qualname(t)
                         : ft_str_from_cstr(t->tp_name);
    FtObject *r =
        name != NULL ? ft_str_from_format("%U(%R", name, p->fn) : NULL;
    FT_XDECREF(name);
    for (ssize_t i = 0; r != NULL && i < FT_TUPLE_SIZE(p->args); i++) {
        FtObject *part = ft_str_from_format(", %R", FT_TUPLE_GET(p->args, i));
        FtObject *n = part != NULL ? ft_str_concat(r, part) : NULL;
        FT_XDECREF(part);
        FT_SETREF(r, n);
    }
    FtObject *items = r != NULL ? ft_dict_items_list(p->kw) : NULL;
    for (ssize_t i = 0; items != NULL && r != NULL && i < ft_list_size(items);
         i++) {
        FtObject *kv = ft_list_get(items, i);
        FtObject *part =
            kv != NULL ? ft_str_from_format(", %S=%R", FT_TUPLE_GET(kv, 0),
                                            FT_TUPLE_GET(kv, 1))
                       : NULL;
        FT_XDECREF(kv);
        FtObject *n = part != NULL ? ft_str_concat(r, part) : NULL;
        FT_XDECREF(part);
        FT_SETREF(r, n);
    }
    if (items == NULL)
        FT_CLEAR(r);
    FT_XDECREF(items);
    if (r == NULL)
        return NULL;
    FtObject *close = ft_str_from_cstr(")");
    FtObject *n = close != NULL ? ft_str_concat(r, close) : NULL;
    FT_XDECREF(close);
    FT_DECREF(r);
    return n;
}

static FtObject *partial_get_func(FtObject *op)
{
    return FT_NEWREF(((Partial *)op)->fn);
}

static FtObject *partial_get_args(FtObject *op)
{
    return FT_NEWREF(((Partial *)op)->args);
}

static FtObject *partial_get_keywords(FtObject *op)
{
    return FT_NEWREF(((Partial *)op)->kw);
}

static FtObject *partial_get_dict(FtObject *op)
{
    FtObject *d = ft_object_dict_get_or_create(&((Partial *)op)->dict);
    return d != NULL ? FT_NEWREF(d) : NULL;
}

static FtGetSetDef partial_getset[] = {
    {"__dict__", partial_get_dict, NULL},
    {"func", partial_get_func, NULL},
    {"args", partial_get_args, NULL},
    {"keywords", partial_get_keywords, NULL},
    {NULL, NULL, NULL},
};

static int partial_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    Partial *p = (Partial *)op;
    FT_VISIT(p->fn);
    FT_VISIT(p->args);
    FT_VISIT(p->kw);
    FT_VISIT(p->dict);
    return 0;
}

static int partial_clear(FtObject *op)
{
    Partial *p = (Partial *)op;
    FT_CLEAR(p->fn);
    FT_CLEAR(p->args);
    FT_CLEAR(p->kw);
    FT_CLEAR(p->dict);
    return 0;
}

static void partial_dealloc(FtObject *op)
{
    partial_clear(op);
    ft_object_free(op);
}

static FtType Partial_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(Partial),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = partial_dealloc,
    .tp_traverse = partial_traverse,
    .tp_clear = partial_clear,
    .tp_repr = partial_repr,
    .tp_call = partial_call,
    .tp_new = partial_new,
    .tp_init = partial_init,
    .tp_getset = partial_getset,
    .tp_dictoffset = offsetof(Partial, dict),
    .tp_doc = "partial(func, *args, **keywords) - new function with partial "
              "application\n    of the given arguments and keywords.\n",
};

/* ---- lru_cache --------------------------------------------------------- */

/* The cache dict's order is the recency order: a hit moves its entry to
 * the end, and a bounded cache evicts from the front. */
typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS
    FtObject *fn;
    FtObject *cache;     /* dict key -> result */
    FtObject *info_type; /* CacheInfo(hits, misses, maxsize, currsize) */
    FtObject *dict;      /* instance __dict__ (update_wrapper fills it) */
    ssize_t maxsize;     /* -1: unbounded */
    int typed;
    ssize_t hits, misses; /* under the section */
} Lru;
FT_OBJECT_LOCK_CHECK(Lru);

static FtType Lru_Type;

/* The key of one call: the argument itself for one int or str, else a
 * tuple of the arguments, the keyword names and values after a marker,
 * and the types when typed (the same keys as CPython's, so the same hits).
 * The marker is this type object: static, unique, never freed. */
static FtObject *lru_make_key(FtObject *const *args, size_t nargs,
                              FtObject *kwnames, int typed)
{
    ssize_t nkw = kwnames != NULL ? FT_TUPLE_SIZE(kwnames) : 0;
    if (nkw == 0 && nargs == 1 && !typed &&
        (FT_INT_CHECK_EXACT(args[0]) || FT_TYPE(args[0]) == &FtStr_Type))
        return FT_NEWREF(args[0]);
    ssize_t n = (ssize_t)nargs + (nkw ? 1 + 2 * nkw : 0) +
                (typed ? (ssize_t)nargs + nkw : 0);
    FtObject *key = ft_tuple_new(n);
    if (key == NULL)
        return NULL;
    ssize_t k = 0;
    for (size_t i = 0; i < nargs; i++)
        FT_TUPLE_SET(key, k++, FT_NEWREF(args[i]));
    if (nkw) {
        FT_TUPLE_SET(key, k++, FT_NEWREF(&Lru_Type));
        for (ssize_t i = 0; i < nkw; i++) {
            FT_TUPLE_SET(key, k++, FT_NEWREF(FT_TUPLE_GET(kwnames, i)));
            FT_TUPLE_SET(key, k++, FT_NEWREF(args[nargs + (size_t)i]));
        }
    }
    if (typed) {
        for (size_t i = 0; i < nargs + (size_t)nkw; i++)
            FT_TUPLE_SET(key, k++, FT_NEWREF(FT_TYPE(args[i])));
    }
    return key;
}

static FtObject *lru_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_no_kwargs("_lru_cache_wrapper", kwnames) < 0 ||
        ft_arg_count("_lru_cache_wrapper", nargs, 4, 4) < 0)
        return NULL;
    if (!ft_callable(args[0])) {
        ft_err_set_string(FtExc_TypeError,
                          "the first argument must be callable");
        return NULL;
    }
    ssize_t maxsize = -1;
    if (args[1] != FT_None) {
        int64_t v;
        if (ft_number_as_i64(args[1], &v) < 0)
            return NULL;
        maxsize = v < 0 ? 0 : (ssize_t)v;
    }
    int typed = ft_object_is_true(args[2]);
    if (typed < 0)
        return NULL;
    FtObject *cache = ft_dict_new();
    if (cache == NULL)
        return NULL;
    Lru *l = (Lru *)ft_object_new(type);
    if (l == NULL) {
        FT_DECREF(cache);
        return NULL;
    }
    l->fn = FT_NEWREF(args[0]);
    l->cache = cache;
    l->info_type = FT_NEWREF(args[3]);
    l->maxsize = maxsize;
    l->typed = typed;
    return (FtObject *)l;
}

/* Under the section: the cached result (new ref) and a hit counted, or
 * NULL and a miss counted (NULL with an exception on error). */
static FtObject *lru_lookup(Lru *l, FtObject *key, ft_hash_t hash)
{
    FtObject *r = ft_dict_get_hashed(l->cache, key, hash);
    if (r != NULL) {
        l->hits++;
        if (l->maxsize > 0) {
            /* most recently used: move to the end */
            FtObject *old = ft_dict_pop(l->cache, key);
            if (old == NULL || ft_dict_set_hashed(l->cache, key, hash, r) < 0) {
                FT_XDECREF(old);
                FT_DECREF(r);
                return NULL;
            }
            FT_DECREF(old);
        }
    } else if (!ft_err_occurred()) {
        l->misses++;
    }
    return r;
}

/* Under the section: stores key -> result, evicting the least recently
 * used entry of a full bounded cache (unless another thread stored key
 * meanwhile). */
static int lru_store(Lru *l, FtObject *key, ft_hash_t hash, FtObject *result)
{
    if (l->maxsize > 0 && ft_dict_size(l->cache) >= l->maxsize) {
        FtObject *have = ft_dict_get_hashed(l->cache, key, hash);
        if (have == NULL) {
            if (ft_err_occurred())
                return -1;
            ssize_t pos = 0;
            FtObject *oldest = NULL;
            if (ft_dict_next(l->cache, &pos, &oldest, NULL)) {
                FT_INCREF(oldest);
                FtObject *v = ft_dict_pop(l->cache, oldest);
                FT_DECREF(oldest);
                if (v == NULL && ft_err_occurred())
                    return -1;
                FT_XDECREF(v);
            }
        }
        FT_XDECREF(have);
    }
    return ft_dict_set_hashed(l->cache, key, hash, result);
}

static FtObject *lru_call(FtObject *op, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    Lru *l = (Lru *)op;
    if (l->maxsize == 0) {
        FT_BEGIN_CRITICAL_SECTION(op);
        l->misses++;
        FT_END_CRITICAL_SECTION();
        return ft_call(l->fn, args, nargs, kwnames);
    }
    FtObject *key = lru_make_key(args, nargs, kwnames, l->typed);
    if (key == NULL)
        return NULL;
    ft_hash_t hash = ft_object_hash(key); /* outside: may run Python */
    if (hash == -1) {
        FT_DECREF(key);
        return NULL;
    }
    FtObject *r;
    FT_BEGIN_CRITICAL_SECTION(op);
    r = lru_lookup(l, key, hash);
    FT_END_CRITICAL_SECTION();
    if (r == NULL && !ft_err_occurred()) {
        /* the call runs outside the section: recursion and other threads
         * go on meanwhile */
        r = ft_call(l->fn, args, nargs, kwnames);
        if (r != NULL) {
            int rc;
            FT_BEGIN_CRITICAL_SECTION(op);
            rc = lru_store(l, key, hash, r);
            FT_END_CRITICAL_SECTION();
            if (rc < 0)
                FT_CLEAR(r);
        }
    }
    FT_DECREF(key);
    return r;
}

static FtObject *lru_cache_info(FtObject *op, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    Lru *l = (Lru *)op;
    ssize_t hits, misses, size;
    FT_BEGIN_CRITICAL_SECTION(op);
    hits = l->hits;
    misses = l->misses;
    size = ft_dict_size(l->cache);
    FT_END_CRITICAL_SECTION();
    FtObject *v[4] = {ft_int_from_i64(hits), ft_int_from_i64(misses),
                      l->maxsize < 0 ? FT_NEWREF(FT_None)
                                     : ft_int_from_i64(l->maxsize),
                      ft_int_from_i64(size)};
    FtObject *r = NULL;
    if (v[0] != NULL && v[1] != NULL && v[2] != NULL && v[3] != NULL)
        r = ft_call(l->info_type, v, 4, NULL);
    for (int i = 0; i < 4; i++)
        FT_XDECREF(v[i]);
    return r;
}

static FtObject *lru_cache_clear(FtObject *op, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    Lru *l = (Lru *)op;
    FtObject *fresh = ft_dict_new(), *old;
    if (fresh == NULL)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(op);
    old = l->cache;
    l->cache = fresh;
    l->hits = l->misses = 0;
    FT_END_CRITICAL_SECTION();
    FT_DECREF(old); /* outside: the results' destructors may run code */
    FT_RETURN_NONE;
}

static FtMethodDef lru_methods[] = {
    {"cache_info", lru_cache_info, 0, "Report cache statistics"},
    {"cache_clear", lru_cache_clear, 0, "Clear the cache and cache statistics"},
    {NULL, NULL, 0, NULL},
};

/* As a method: bound to the instance, like a function. */
static FtObject *lru_descr_get(FtObject *op, FtObject *obj, FtObject *type)
{
    if (obj == NULL || obj == FT_None)
        return FT_NEWREF(op);
    return ft_method_new(op, obj);
}

static FtObject *lru_get_dict(FtObject *op)
{
    FtObject *d = ft_object_dict_get_or_create(&((Lru *)op)->dict);
    return d != NULL ? FT_NEWREF(d) : NULL;
}

static FtGetSetDef lru_getset[] = {
    {"__dict__", lru_get_dict, NULL},
    {NULL, NULL, NULL},
};

static int lru_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    Lru *l = (Lru *)op;
    FT_VISIT(l->fn);
    FT_VISIT(l->cache);
    FT_VISIT(l->info_type);
    FT_VISIT(l->dict);
    return 0;
}

static int lru_clear(FtObject *op)
{
    Lru *l = (Lru *)op;
    FT_CLEAR(l->fn);
    FT_CLEAR(l->cache);
    FT_CLEAR(l->info_type);
    FT_CLEAR(l->dict);
    return 0;
}

static void lru_dealloc(FtObject *op)
{
    lru_clear(op);
    ft_object_free(op);
}

static FtType Lru_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(Lru),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = lru_dealloc,
    .tp_traverse = lru_traverse,
    .tp_clear = lru_clear,
    .tp_call = lru_call,
    .tp_descr_get = lru_descr_get,
    .tp_new = lru_new,
    .tp_init = partial_init,
    .tp_methods = lru_methods,
    .tp_getset = lru_getset,
    .tp_dictoffset = offsetof(Lru, dict),
    .tp_doc = "Create a cached callable that wraps another function.",
};

/* ---- reduce ------------------------------------------------------------ */

static FtObject *functools_reduce(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("reduce", nargs, 2, 3) < 0)
        return NULL;
    FtObject *fn = args[0];
    FtObject *it = ft_object_iter(args[1]);
    if (it == NULL) {
        if (ft_err_matches(FtExc_TypeError)) {
            ft_err_clear();
            ft_err_set_string(FtExc_TypeError,
                              "reduce() arg 2 must support iteration");
        }
        return NULL;
    }
    FtObject *acc = nargs == 3 ? FT_NEWREF(args[2]) : NULL;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        if (acc == NULL) {
            acc = item;
            continue;
        }
        FtObject *r = ft_call2(fn, acc, item);
        FT_DECREF(item);
        FT_DECREF(acc);
        acc = r;
        if (acc == NULL)
            break;
    }
    FT_DECREF(it);
    if (ft_err_occurred()) {
        FT_XDECREF(acc);
        return NULL;
    }
    if (acc == NULL)
        ft_err_set_string(FtExc_TypeError,
                          "reduce() of empty iterable with no initial value");
    return acc;
}

static FtMethodDef functools_methods[] = {
    {"reduce", functools_reduce, 0,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of "
     "two arguments cumulatively to the items of a sequence or iterable, "
     "from left to right, so as to reduce the iterable to a single value."},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_functools_create(void)
{
    if (ft_type_ready(&Partial_Type) < 0 || ft_type_ready(&Lru_Type) < 0)
        return NULL;
    FtObject *m = ft_module_new("_functools");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, functools_methods) < 0 ||
        ft_module_add_object(m, "partial", (FtObject *)&Partial_Type) < 0 ||
        ft_module_add_object(m, "_lru_cache_wrapper", (FtObject *)&Lru_Type) <
            0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
