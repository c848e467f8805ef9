/* objects/call.c — calling objects through the vectorcall convention:
 * ft_call and its shorthands, f(*args, **kwargs), o.name(...), and the
 * "prepend self" helpers that bound methods and slot functions use without
 * allocating for small argument counts.
 */
#include "objects/object.h"

#include <string.h>

#include "objects/typeobject.h"
#include "runtime/tstate.h"

#define SMALL_ARGS 8

FtObject *ft_call(FtObject *callable, FtObject *const *args, size_t nargs,
                  FtObject *kwnames)
{
    ft_callfunc f = FT_TYPE(callable)->tp_call;
    if (f == NULL) {
        ft_err_format(FtExc_TypeError, "'%s' object is not callable",
                      FT_TYPE(callable)->tp_name);
        return NULL;
    }
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) == 0)
        kwnames = NULL;
    return f(callable, args, nargs, kwnames);
}

FtObject *ft_call0(FtObject *callable) { return ft_call(callable, NULL, 0, NULL); }

FtObject *ft_call1(FtObject *callable, FtObject *a)
{
    return ft_call(callable, &a, 1, NULL);
}

FtObject *ft_call2(FtObject *callable, FtObject *a, FtObject *b)
{
    FtObject *args[2] = {a, b};
    return ft_call(callable, args, 2, NULL);
}

FtObject *ft_call_prepend(FtObject *callable, FtObject *self,
                          FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    size_t nkw = kwnames != NULL ? (size_t)FT_TUPLE_SIZE(kwnames) : 0;
    size_t total = nargs + nkw + 1;
    FtObject *small[SMALL_ARGS];
    FtObject **buf = small;
    if (total > SMALL_ARGS) {
        buf = ft_mem_alloc(total * sizeof(FtObject *));
        if (buf == NULL)
            return NULL;
    }
    buf[0] = self;
    if (nargs + nkw > 0)
        memcpy(buf + 1, args, (nargs + nkw) * sizeof(FtObject *));
    FtObject *r = ft_call(callable, buf, nargs + 1, kwnames);
    if (buf != small)
        ft_mem_free(buf);
    return r;
}

FtObject *ft_call_special(FtObject *self, FtObject *name,
                          FtObject *const *args, size_t nargs,
                          FtObject *kwnames, int *missing)
{
    FtType *t = FT_TYPE(self);
    FtObject *f = ft_type_lookup_ref(t, name);
    if (f == NULL) {
        if (missing != NULL) {
            *missing = 1;
            return NULL;
        }
        return ft_attribute_error(self, name);
    }
    FtType *ft = FT_TYPE(f);
    FtObject *r;
    if (ft == &FtFunction_Type || ft == &FtMethodDescr_Type ||
        ft == &FtWrapperDescr_Type) {
        r = ft_call_prepend(f, self, args, nargs, kwnames);
    } else if (ft->tp_descr_get != NULL) {
        FtObject *bound = ft->tp_descr_get(f, self, (FtObject *)t);
        r = NULL;
        if (bound != NULL) {
            r = ft_call(bound, args, nargs, kwnames);
            FT_DECREF(bound);
        }
    } else {
        r = ft_call(f, args, nargs, kwnames);
    }
    FT_DECREF(f);
    return r;
}

FtObject *ft_call_tuple_dict(FtObject *callable, FtObject *args,
                             FtObject *kwargs)
{
    FtObject *tuple;
    if (FT_TUPLE_CHECK(args)) {
        tuple = FT_NEWREF(args);
    } else if (FT_LIST_CHECK(args)) {
        /* One copy taken under the list's lock: another thread may change
         * the list, and the callee may too. */
        tuple = ft_list_as_tuple(args);
        if (tuple == NULL)
            return NULL;
    } else {
        ft_err_format(FtExc_TypeError,
                      "argument after * must be an iterable, not %s",
                      FT_TYPE(args)->tp_name);
        return NULL;
    }
    FtObject *const *items = ((FtTupleObject *)tuple)->items;
    ssize_t n = FT_TUPLE_SIZE(tuple);
    ssize_t nk = kwargs != NULL ? ft_dict_size(kwargs) : 0;
    if (nk == 0) {
        FtObject *r = ft_call(callable, items, (size_t)n, NULL);
        FT_DECREF(tuple);
        return r;
    }
    size_t total = (size_t)(n + nk);
    FtObject *small[SMALL_ARGS];
    FtObject **buf = small;
    if (total > SMALL_ARGS) {
        buf = ft_mem_alloc(total * sizeof(FtObject *));
        if (buf == NULL) {
            FT_DECREF(tuple);
            return NULL;
        }
    }
    FtObject *kwnames = ft_tuple_new(nk);
    FtObject *r = NULL;
    ssize_t pos = 0, k = 0;
    FtObject *key, *value;
    int bad_key = 0;
    if (kwnames == NULL)
        goto out;
    for (ssize_t i = 0; i < n; i++)
        buf[i] = FT_NEWREF(items[i]);
    /* References taken inside the dict's section: another thread, or the
     * callee, may change the dict they came from. */
    FT_BEGIN_CRITICAL_SECTION(kwargs);
    while (k < nk && ft_dict_next(kwargs, &pos, &key, &value)) {
        if (!FT_STR_CHECK(key)) {
            bad_key = 1;
            break;
        }
        FT_TUPLE_SET(kwnames, k, FT_NEWREF(key));
        buf[n + k] = FT_NEWREF(value);
        k++;
    }
    FT_END_CRITICAL_SECTION();
    if (bad_key) {
        ft_err_set_string(FtExc_TypeError, "keywords must be strings");
        goto out;
    }
    if (k < nk) {
        ft_err_set_string(FtExc_RuntimeError,
                          "dictionary changed size during iteration");
        goto out;
    }
    r = ft_call(callable, buf, (size_t)n, kwnames);
out:
    if (kwnames != NULL) {
        /* a tuple is only ever released fully filled */
        for (ssize_t i = k; i < nk; i++)
            FT_TUPLE_SET(kwnames, i, FT_NEWREF(FT_None));
        FT_DECREF(kwnames);
        for (ssize_t i = 0; i < n + k; i++)
            FT_DECREF(buf[i]);
    }
    if (buf != small)
        ft_mem_free(buf);
    FT_DECREF(tuple);
    return r;
}

FtObject *ft_call_method(FtObject *o, FtObject *name, FtObject *const *args,
                         size_t nargs)
{
    FtObject *m;
    int kind = ft_object_get_method(o, name, &m);
    if (kind < 0)
        return NULL;
    FtObject *r;
    if (kind == 1)
        r = ft_call_prepend(m, o, args, nargs, NULL);
    else
        r = ft_call(m, args, nargs, NULL);
    FT_DECREF(m);
    return r;
}

int ft_callable(FtObject *o) { return FT_TYPE(o)->tp_call != NULL; }
