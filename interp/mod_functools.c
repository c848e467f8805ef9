/* interp/mod_functools.c — the _functools module: partial and reduce, the
 * two pieces of functools that sit in hot call paths. lib/functools.py
 * builds the rest (wraps, lru_cache, singledispatch...) on top.
 *
 * A partial object never changes after construction (its keywords dict
 * is the user's to mutate, and dicts lock themselves), so calling one from
 * many threads needs no lock of its own.
 */
#include "interp/modules.h"
#include "objects/dict.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/gc.h"

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

static FtObject *partial_new(FtType *type, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
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
static FtObject *partial_call(FtObject *op, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
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
    FtObject *r = name != NULL ? ft_str_from_format("%U(%R", name, p->fn)
                               : NULL;
    FT_XDECREF(name);
    for (ssize_t i = 0; r != NULL && i < FT_TUPLE_SIZE(p->args); i++) {
        FtObject *part =
            ft_str_from_format(", %R", FT_TUPLE_GET(p->args, i));
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
    if (ft_type_ready(&Partial_Type) < 0)
        return NULL;
    FtObject *m = ft_module_new("_functools");
    if (m == NULL)
        return NULL;
    if (ft_module_add_functions(m, functools_methods) < 0 ||
        ft_module_add_object(m, "partial", (FtObject *)&Partial_Type) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}
