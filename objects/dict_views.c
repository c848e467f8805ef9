/* objects/dict_views.c — what dict.keys()/values()/items() return (live
 * views: len, iteration, `in`, repr, set operations on keys and items)
 * and the dict iterators, which raise RuntimeError when the dict changes
 * size underneath them.
 */
#include "objects/dict_impl.h"
#include "runtime/lock.h"

#include <string.h>

/* Free-threaded builds: every read of a dict's table happens in a critical
 * section on the dict, and keys/values leave it INCREF'd. An iterator
 * advances under its dict's section, so concurrent changes give
 * "dictionary changed size during iteration" (as in CPython), never a
 * crash. */

#define D(op) ((FtDictObject *)(op))

/* FT_ITER_KEEPS_SEQ (runtime/lock.h): an exhausted iterator marks itself
 * with left = -1. The items iterator's result-tuple reuse is GIL-only. */

/* ---- iterators ----------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *dict; /* NULL once exhausted */
    ssize_t pos;    /* next entry to look at (reverse: the one before) */
    ssize_t used;   /* the dict's size when iteration began, -1 after error */
    ssize_t left;   /* items still expected */
    FtObject *result; /* items iterator: a pair tuple reused while unshared */
} DictIter;

FtObject *ft_dictiter_new(FtObject *dict, FtType *type)
{
    DictIter *it = (DictIter *)ft_object_new(type);
    if (it == NULL)
        return NULL;
    it->dict = FT_NEWREF(dict);
    it->result = NULL;
    FT_BEGIN_CRITICAL_SECTION(dict);
    it->used = D(dict)->used;
    it->left = it->used;
    it->pos = type == &FtDictRevKeyIter_Type ? D(dict)->keys->nentries - 1 : 0;
    FT_END_CRITICAL_SECTION();
    return (FtObject *)it;
}

static void dictiter_dealloc(FtObject *op)
{
    DictIter *it = (DictIter *)op;
    FT_XDECREF(it->dict);
    FT_XDECREF(it->result);
    ft_object_free(op);
}

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

/* The next live entry, or NULL at the end / on error (exception set).
 * Called with it->dict's section held. */
static FtDictEntry *dictiter_advance_locked(DictIter *it)
{
    FtObject *d = it->dict;
    if (it->left < 0)
        return NULL; /* exhausted (free-threaded builds) */
    if (it->used != D(d)->used) {
        ft_err_set_string(FtExc_RuntimeError,
                          "dictionary changed size during iteration");
        it->used = -1; /* stays broken, like CPython */
        return NULL;
    }
    FtDictKeys *dk = D(d)->keys;
    ssize_t i = it->pos, n = dk->nentries;
    if (FT_TYPE(it) == &FtDictRevKeyIter_Type) {
        if (i >= n)
            i = n - 1;
        while (i >= 0 && dk->entries[i].key == NULL)
            i--;
        if (i < 0)
            goto end;
        it->pos = i - 1;
    } else {
        while (i < n && dk->entries[i].key == NULL)
            i++;
        if (i >= n)
            goto end;
        it->pos = i + 1;
    }
    if (it->left == 0) {
        ft_err_set_string(FtExc_RuntimeError,
                          "dictionary keys changed during iteration");
        goto end;
    }
    it->left--;
    return &dk->entries[i];
end:
    if (FT_ITER_KEEPS_SEQ)
        it->left = -1;
    else
        it->dict = NULL; /* the caller drops the reference */
    return NULL;
}

/* Advances the iterator under its dict's section: 1 and new references in
 * *key / *value (either may be NULL when not wanted), or 0 at the end or
 * on error. With a GIL the dict reference of an exhausted iterator is
 * dropped after the section. */
static int dictiter_advance(DictIter *it, FtObject **key, FtObject **value)
{
    FtObject *d = it->dict;
    if (d == NULL)
        return 0;
    int found = 0, done = 0;
    FT_BEGIN_CRITICAL_SECTION(d);
    FtDictEntry *e = dictiter_advance_locked(it);
    if (e != NULL) {
        if (key != NULL)
            *key = FT_NEWREF(e->key);
        if (value != NULL)
            *value = FT_NEWREF(e->value);
        found = 1;
    } else {
        done = it->dict == NULL;
    }
    FT_END_CRITICAL_SECTION();
    if (done)
        FT_DECREF(d);
    return found;
}

static FtObject *dictiter_nextkey(FtObject *op)
{
    FtObject *k;
    return dictiter_advance((DictIter *)op, &k, NULL) ? k : NULL;
}

static FtObject *dictiter_nextvalue(FtObject *op)
{
    FtObject *v;
    return dictiter_advance((DictIter *)op, NULL, &v) ? v : NULL;
}

static FtObject *dictiter_nextitem(FtObject *op)
{
    DictIter *it = (DictIter *)op;
    FtObject *k, *v;
    if (!dictiter_advance(it, &k, &v))
        return NULL;
    FtObject *r = it->result;
    if (r != NULL && ft_refcnt(r) == 1) {
        /* Nobody kept the previous pair (`for k, v in d.items()`
         * unpacked it): refill it instead of allocating. Never in
         * free-threaded builds (it->result stays NULL there): two threads
         * sharing the iterator could both see the count 1 and refill the
         * same tuple. */
        FtObject *ok = FT_TUPLE_GET(r, 0), *ov = FT_TUPLE_GET(r, 1);
        FT_TUPLE_SET(r, 0, k);
        FT_TUPLE_SET(r, 1, v);
        FT_DECREF(ok);
        FT_DECREF(ov);
        return FT_NEWREF(r);
    }
    r = ft_tuple_new(2);
    if (r == NULL) {
        FT_DECREF(k);
        FT_DECREF(v);
        return NULL;
    }
    FT_TUPLE_SET(r, 0, k);
    FT_TUPLE_SET(r, 1, v);
    if (!FT_ITER_KEEPS_SEQ)
        FT_SETREF(it->result, FT_NEWREF(r));
    return r;
}

static FtObject *dictiter_length_hint(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    DictIter *it = (DictIter *)self;
    ssize_t n = 0;
    FtObject *d = it->dict;
    if (d != NULL) {
        FT_BEGIN_CRITICAL_SECTION(d);
        if (it->used == D(d)->used && it->left > 0)
            n = it->left;
        FT_END_CRITICAL_SECTION();
    }
    return ft_int_from_i64(n);
}

static FtMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(cname, pyname, next)                                     \
    FtType cname = {                                                           \
        .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),                        \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(DictIter),                                      \
        .tp_dealloc = dictiter_dealloc,                                        \
        .tp_iter = iter_self,                                                  \
        .tp_iternext = next,                                                   \
        .tp_methods = dictiter_methods,                                        \
    }

DICTITER_TYPE(FtDictKeyIter_Type, "dict_keyiterator", dictiter_nextkey);
DICTITER_TYPE(FtDictValueIter_Type, "dict_valueiterator", dictiter_nextvalue);
DICTITER_TYPE(FtDictItemIter_Type, "dict_itemiterator", dictiter_nextitem);
DICTITER_TYPE(FtDictRevKeyIter_Type, "dict_reversekeyiterator",
              dictiter_nextkey);

/* ---- views ------------------------------------------------------------------ */

FtObject *ft_dict_snapshot_list(FtObject *o, int *handled)
{
    FtType *t = FT_TYPE(o);
    *handled = 1;
    if (t == &FtDict_Type || t == &FtDictKeys_Type)
        return ft_dict_keys_list(t == &FtDict_Type ? o
                                                    : ((FtDictView *)o)->dict);
    if (t == &FtDictValues_Type)
        return ft_dict_values_list(((FtDictView *)o)->dict);
    if (t == &FtDictItems_Type)
        return ft_dict_items_list(((FtDictView *)o)->dict);
    *handled = 0;
    return NULL;
}

#define V(op) ((FtDictView *)(op))

FtObject *ft_dictview_new(FtObject *dict, FtType *type)
{
    FtDictView *v = (FtDictView *)ft_object_new(type);
    if (v == NULL)
        return NULL;
    v->dict = FT_NEWREF(dict);
    return (FtObject *)v;
}

static void view_dealloc(FtObject *op)
{
    FT_XDECREF(V(op)->dict);
    ft_object_free(op);
}

static ssize_t view_len(FtObject *op) { return ft_dict_size(V(op)->dict); }

static FtObject *keys_iter(FtObject *op)
{
    return ft_dictiter_new(V(op)->dict, &FtDictKeyIter_Type);
}

static FtObject *values_iter(FtObject *op)
{
    return ft_dictiter_new(V(op)->dict, &FtDictValueIter_Type);
}

static FtObject *items_iter(FtObject *op)
{
    return ft_dictiter_new(V(op)->dict, &FtDictItemIter_Type);
}

static int keys_contains(FtObject *op, FtObject *key)
{
    return ft_dict_contains(V(op)->dict, key);
}

/* As CPython, which has no `in` for values and so iterates: a comparison
 * that changes the dict's size ends the search with the iterator's
 * RuntimeError. */
static int values_contains(FtObject *op, FtObject *value)
{
    FtObject *it = values_iter(op);
    if (it == NULL)
        return -1;
    FtObject *v;
    int r = 0;
    while (r == 0 && (v = dictiter_nextvalue(it)) != NULL) {
        r = ft_object_richcompare_bool(v, value, FT_EQ);
        FT_DECREF(v);
    }
    FT_DECREF(it);
    if (r == 0 && ft_err_occurred())
        return -1;
    return r;
}

static int items_contains(FtObject *op, FtObject *item)
{
    if (!FT_TUPLE_CHECK(item) || FT_SIZE(item) != 2)
        return 0;
    FtObject *key = FT_TUPLE_GET(item, 0);
    ft_hash_t hash = ft_dict_hash_key(key);
    if (hash == -1)
        return -1;
    FtDictObject *mp = D(V(op)->dict);
    ssize_t ix;
    FtObject *v = NULL;
    FT_BEGIN_CRITICAL_SECTION(mp);
    ix = ft_dict_lookup_entry(mp, key, hash);
    if (ix >= 0)
        v = FT_NEWREF(mp->keys->entries[ix].value);
    FT_END_CRITICAL_SECTION();
    if (ix < 0)
        return ix == DKIX_ERROR ? -1 : 0;
    int r = ft_object_richcompare_bool(v, FT_TUPLE_GET(item, 1), FT_EQ);
    FT_DECREF(v);
    return r;
}

/* dict_keys(['a', 'b']): the view's name around the repr of its list. */
static FtObject *view_repr(FtObject *op)
{
    int r = ft_repr_enter(op);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("...") : NULL;
    FtObject *list = ft_list_from_iterable(op);
    FtObject *res = NULL;
    if (list != NULL) {
        res = ft_str_from_format("%s(%R)", FT_TYPE(op)->tp_name, list);
        FT_DECREF(list);
    }
    ft_repr_leave(op);
    return res;
}

static int is_setlike(FtObject *o)
{
    return FT_ANYSET_CHECK(o) || FT_TYPE(o) == &FtDictKeys_Type ||
           FT_TYPE(o) == &FtDictItems_Type;
}

/* 1 if every item of a is in b. */
static int all_contained_in(FtObject *a, FtObject *b)
{
    FtObject *it = ft_object_iter(a);
    if (it == NULL)
        return -1;
    FtObject *x;
    int r = 1;
    while (r == 1 && (x = ft_iter_next(it)) != NULL) {
        r = ft_object_contains(b, x);
        FT_DECREF(x);
    }
    FT_DECREF(it);
    if (r == 1 && ft_err_occurred())
        return -1;
    return r;
}

/* keys and items views compare like sets (==, !=, <, <=, >, >=). */
static FtObject *view_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!is_setlike(a) || !is_setlike(b))
        FT_RETURN_NOTIMPLEMENTED;
    ssize_t na = FT_ANYSET_CHECK(a) ? ft_set_size(a) : view_len(a);
    ssize_t nb = FT_ANYSET_CHECK(b) ? ft_set_size(b) : view_len(b);
    int r;
    switch (op) {
    case FT_EQ:
    case FT_NE:
        r = na == nb ? all_contained_in(a, b) : 0;
        if (r >= 0 && op == FT_NE)
            r = !r;
        break;
    case FT_LT: r = na < nb ? all_contained_in(a, b) : 0; break;
    case FT_LE: r = na <= nb ? all_contained_in(a, b) : 0; break;
    case FT_GT: r = na > nb ? all_contained_in(b, a) : 0; break;
    default: r = na >= nb ? all_contained_in(b, a) : 0; break;
    }
    return r < 0 ? NULL : ft_bool_from(r);
}

/* d.keys() | other and friends: the result is a set; other may be any
 * iterable (and may be the left operand). */
static FtObject *view_binop(FtObject *a, FtObject *b, int op)
{
    if (op != FT_OP_OR && op != FT_OP_AND && op != FT_OP_SUB &&
        op != FT_OP_XOR)
        FT_RETURN_NOTIMPLEMENTED;
    /* A keys view on the left starts from its dict, as in CPython: the
     * keys go in with their stored hashes, no __hash__ runs. */
    FtObject *res = ft_set_new(FT_TYPE(a) == &FtDictKeys_Type ? V(a)->dict : a);
    if (res == NULL) {
        if (!ft_err_matches(FtExc_TypeError))
            return NULL;
        ft_err_clear();
        FT_RETURN_NOTIMPLEMENTED;
    }
    if (ft_set_update_op(res, b, op) < 0) {
        FT_DECREF(res);
        if (!ft_err_matches(FtExc_TypeError))
            return NULL;
        ft_err_clear();
        FT_RETURN_NOTIMPLEMENTED;
    }
    return res;
}

static FtObject *keys_isdisjoint(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("isdisjoint", nargs, 1, 1) < 0)
        return NULL;
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    FtObject *x;
    int r = 0;
    while (r == 0 && (x = ft_iter_next(it)) != NULL) {
        r = ft_object_contains(self, x);
        FT_DECREF(x);
    }
    FT_DECREF(it);
    if (r < 0 || ft_err_occurred())
        return NULL;
    return ft_bool_from(!r);
}

static FtObject *keys_reversed(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return ft_dictiter_new(V(self)->dict, &FtDictRevKeyIter_Type);
}

static FtMethodDef keys_methods[] = {
    {"isdisjoint", keys_isdisjoint, 0, NULL},
    {"__reversed__", keys_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static FtMethodDef items_methods[] = {
    {"isdisjoint", keys_isdisjoint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* Views only come from dict methods. */
static FtObject *view_new(FtType *type, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    ft_err_format(FtExc_TypeError, "cannot create '%s' instances",
                  ft_type_name(type));
    return NULL;
}

FtType FtDictKeys_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(FtDictView),
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_len = view_len,
    .tp_contains = keys_contains,
    .tp_iter = keys_iter,
    .tp_binop = view_binop,
    .tp_new = view_new,
    .tp_methods = keys_methods,
};

FtType FtDictItems_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(FtDictView),
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_richcompare = view_richcompare,
    .tp_len = view_len,
    .tp_contains = items_contains,
    .tp_iter = items_iter,
    .tp_binop = view_binop,
    .tp_new = view_new,
    .tp_methods = items_methods,
};

FtType FtDictValues_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(FtDictView),
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_len = view_len,
    .tp_contains = values_contains,
    .tp_iter = values_iter,
    .tp_new = view_new,
};
