/* objects/weakref.c — weak references (weakref.ref): the reference type,
 * the table that finds an object's weak references, and the clearing that
 * the deallocation of a weakly referenced object does.
 *
 * Where the references live. Objects carry no weak-reference slot (none of
 * the layouts changes, and objects that are never weakly referenced pay no
 * memory): a weak reference sits in a table keyed by its referent's
 * address, split into WR_STRIPES stripes, each a leaf FtMutex over a
 * chained hash table. The deallocation of an object of a type that can be
 * weakly referenced (instances of classes, functions, classes) calls
 * ft_weakref_clear, which looks the object up only while some weak
 * reference exists in the process (one relaxed counter load otherwise).
 *
 * The protocol, and why ref() is safe without a GIL. A weak reference's
 * wr_object is read and written only under its stripe's lock, and it is
 * non-NULL exactly while the reference is linked in the table.
 *   - ref() locks the stripe, reads wr_object and, if set, takes a strong
 *     reference with ft_rc_try_incref (runtime/refcount.h), which fails if
 *     the count has already reached 0.
 *   - The deallocation of the referent happens after its count reached 0
 *     and before its memory is freed it locks the same stripe, sets
 *     wr_object to NULL and unlinks the references.
 * So while ref() holds the lock the referent's memory is valid (its
 * deallocation has not got past the lock), and the count alone decides:
 * ft_rc_try_incref either adds a reference before the count reaches 0 —
 * then the decrement that would have freed it sees the extra reference
 * and nothing is freed — or it sees 0 and ref() returns None. Under biased
 * counting the owner thread may free an untouched object without any
 * atomic read-modify-write, so making a weak reference first moves the
 * referent to the WEAKREF state (ft_rc_set_maybe_weakref), after which
 * every path to 0 goes through the CAS that ft_rc_try_incref races
 * against. Resurrection by __del__ re-initialises the count; the class
 * dealloc marks the object again (typeobject.c).
 *
 * Callbacks run after the lock is released, each with a reference to its
 * weak reference taken under the lock (a weak reference that is itself
 * being freed gets no callback, as in CPython). No code runs and nothing
 * blocks or allocates while a stripe lock is held, except the growth of a
 * stripe's bucket array (plain calloc), so the locks are leaves.
 */
#include "objects/object.h"
#include "objects/typeobject.h"
#include "objects/weakref.h"
#include "runtime/lock.h"

#include <stdlib.h>
#include <string.h>

/* interp/mod_sys.c: writes to sys.stderr. */
int ft_sys_write_stderr_cstr(const char *s);

#define WR_STRIPES 64

typedef struct {
    FtMutex lock;
    size_t nbuckets; /* a power of two, or 0 before first use */
    size_t count;
    FtWeakref **buckets;
} WrStripe;

static WrStripe stripes[WR_STRIPES];
/* Weak references linked in the table, over all stripes. */
static ssize_t live_refs;

static uint64_t addr_hash(const void *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p >> 4;
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

static WrStripe *stripe_of(const void *p)
{
    return &stripes[addr_hash(p) % WR_STRIPES];
}

static FtWeakref **bucket_of(WrStripe *s, const void *p)
{
    return &s->buckets[(addr_hash(p) / WR_STRIPES) & (s->nbuckets - 1)];
}

/* Doubles the bucket array (under the stripe lock). 0, or -1 when out of
 * memory (the caller then keeps the old array: chains just get longer). */
static int stripe_grow(WrStripe *s)
{
    size_t n = s->nbuckets ? s->nbuckets * 2 : 16;
    FtWeakref **nb = calloc(n, sizeof *nb);
    if (nb == NULL)
        return -1;
    for (size_t i = 0; i < s->nbuckets; i++) {
        FtWeakref *w = s->buckets[i];
        while (w != NULL) {
            FtWeakref *next = w->next;
            FtWeakref **b = &nb[(addr_hash(w->wr_object) / WR_STRIPES) & (n - 1)];
            w->prev = NULL;
            w->next = *b;
            if (*b != NULL)
                (*b)->prev = w;
            *b = w;
            w = next;
        }
    }
    free(s->buckets);
    s->buckets = nb;
    s->nbuckets = n;
    return 0;
}

/* Links w (wr_object set) at the head of its bucket: newest first, so
 * callbacks run newest first, as in CPython. Under the stripe lock. */
static int link_ref(WrStripe *s, FtWeakref *w)
{
    if ((s->nbuckets == 0 || s->count >= 2 * s->nbuckets) &&
        stripe_grow(s) < 0 && s->nbuckets == 0)
        return -1;
    FtWeakref **b = bucket_of(s, w->wr_object);
    w->prev = NULL;
    w->next = *b;
    if (*b != NULL)
        (*b)->prev = w;
    *b = w;
    s->count++;
    ft_atomic_add_ssize(&live_refs, 1);
    return 0;
}

/* Unlinks w and marks it dead. Under the stripe lock. */
static void unlink_ref(WrStripe *s, FtWeakref *w)
{
    if (w->prev != NULL)
        w->prev->next = w->next;
    else
        *bucket_of(s, w->wr_object) = w->next;
    if (w->next != NULL)
        w->next->prev = w->prev;
    w->prev = w->next = NULL;
    w->wr_object = NULL;
    s->count--;
    ft_atomic_add_ssize(&live_refs, -1);
}

/* ---- what can be weakly referenced ---------------------------------------- */

static int slots_name_weakref(FtType *t)
{
    static FtObject *slots_name;
    if (ft_intern_static(&slots_name, "__slots__") == NULL) {
        ft_err_clear();
        return 0;
    }
    FtObject *mro = t->tp_mro;
    for (ssize_t i = 0; mro != NULL && i < FT_TUPLE_SIZE(mro); i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(mro, i);
        if (!(b->tp_flags & FT_TPFLAGS_HEAPTYPE) || b->tp_dict == NULL)
            continue;
        FtObject *sl = ft_dict_get(b->tp_dict, slots_name);
        if (sl == NULL) {
            ft_err_clear();
            continue;
        }
        int found = 0;
        if (FT_STR_CHECK(sl)) {
            found = ft_str_eq_cstr(sl, "__weakref__");
        } else if (FT_TUPLE_CHECK(sl) || FT_LIST_CHECK(sl)) {
            FtObject *seq = FT_TUPLE_CHECK(sl) ? FT_NEWREF(sl)
                                               : ft_list_as_tuple(sl);
            for (ssize_t j = 0; seq != NULL && j < FT_TUPLE_SIZE(seq); j++) {
                FtObject *x = FT_TUPLE_GET(seq, j);
                if (FT_STR_CHECK(x) && ft_str_eq_cstr(x, "__weakref__"))
                    found = 1;
            }
            FT_XDECREF(seq);
        }
        FT_DECREF(sl);
        if (found)
            return 1;
    }
    ft_err_clear();
    return 0;
}

/* Instances of classes (unless __slots__ leaves out both __dict__ and
 * __weakref__, or the C base is a variable-size type such as int or
 * tuple), functions and classes, as in CPython; the kinds whose
 * deallocation calls ft_weakref_clear. */
static int weakrefable(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    if (t == &FtFunction_Type || (t->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS))
        return 1;
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE))
        return 0;
    if (t->tp_flags & (FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_STR_SUBCLASS |
                       FT_TPFLAGS_TUPLE_SUBCLASS))
        return 0;
    FtType *b = t;
    while (b->tp_base != NULL && (b->tp_flags & FT_TPFLAGS_HEAPTYPE))
        b = b->tp_base;
    if (b->tp_itemsize != 0 || b == &FtBytes_Type)
        return 0;
    return t->tp_dictoffset != 0 || slots_name_weakref(t);
}

/* ---- the public side ---------------------------------------------------------- */

FtObject *ft_weakref_get(FtObject *ref)
{
    FtWeakref *w = (FtWeakref *)ref;
    WrStripe *s = &stripes[w->stripe];
    ft_mutex_lock(&s->lock);
    FtObject *o = w->wr_object;
    if (o != NULL && !ft_rc_try_incref(o))
        o = NULL;
    ft_mutex_unlock(&s->lock);
    return o;
}

static void report_callback_error(FtObject *cb)
{
    FtObject *exc = ft_err_fetch();
    FtObject *r = ft_object_repr(cb);
    if (r == NULL)
        ft_err_clear();
    ft_sys_write_stderr_cstr("Exception ignored in: ");
    ft_sys_write_stderr_cstr(r != NULL ? ft_str_cstr(r) : "<callback>");
    ft_sys_write_stderr_cstr("\n");
    FT_XDECREF(r);
    ft_err_restore(exc);
    ft_err_print();
}

/* Kills op's weak references and chains those whose callbacks must run
 * onto `pending` through their (now unused) bucket links, each with a
 * reference; in_gc: the collector's call, which skips weak references that
 * are garbage themselves, as CPython does. */
static FtWeakref *kill_refs(FtObject *op, FtWeakref *pending, int in_gc)
{
    if (ft_atomic_load_ssize(&live_refs) == 0)
        return pending;
    WrStripe *s = stripe_of(op);
    ft_mutex_lock(&s->lock);
    FtWeakref *w = s->nbuckets != 0 ? *bucket_of(s, op) : NULL;
    while (w != NULL) {
        FtWeakref *next = w->next;
        if (w->wr_object == op) {
            unlink_ref(s, w);
            if (w->wr_callback != NULL &&
                !(in_gc && ft_gc_in_garbage((FtObject *)w)) &&
                ft_rc_try_incref((FtObject *)w)) {
                w->next = pending;
                pending = w;
            }
        }
        w = next;
    }
    ft_mutex_unlock(&s->lock);
    return pending;
}

/* Calls the callbacks of a chain made by kill_refs, oldest reference last
 * (the chain is newest first, as CPython's list is), and drops them. */
static void run_callbacks(FtWeakref *pending)
{
    FtObject *saved = ft_err_fetch();
    while (pending != NULL) {
        FtWeakref *w = pending;
        pending = w->next;
        w->next = NULL;
        WrStripe *s = &stripes[w->stripe];
        ft_mutex_lock(&s->lock);
        FtObject *cb = w->wr_callback;
        w->wr_callback = NULL;
        ft_mutex_unlock(&s->lock);
        if (cb != NULL) {
            FtObject *r = ft_call1(cb, (FtObject *)w);
            if (r == NULL)
                report_callback_error(cb);
            FT_XDECREF(r);
            FT_DECREF(cb);
        }
        FT_DECREF(w);
    }
    ft_err_restore(saved);
}

/* kill_refs chains onto the head, which reverses the bucket order: put it
 * back so that callbacks run newest first. */
static FtWeakref *reverse_chain(FtWeakref *w)
{
    FtWeakref *out = NULL;
    while (w != NULL) {
        FtWeakref *next = w->next;
        w->next = out;
        out = w;
        w = next;
    }
    return out;
}

void ft_weakref_clear(FtObject *op)
{
    FtWeakref *pending = kill_refs(op, NULL, 0);
    if (pending != NULL)
        run_callbacks(reverse_chain(pending));
}

static FtObject *gc_kill(FtObject *op, FtObject *pending)
{
    return (FtObject *)kill_refs(op, (FtWeakref *)pending, 1);
}

static void gc_run(FtObject *pending)
{
    run_callbacks(reverse_chain((FtWeakref *)pending));
}

void ft_weakref_init(void)
{
    ft_gc_kill_weakrefs = gc_kill;
    ft_gc_run_weakref_callbacks = gc_run;
}

void ft_weakref_mark(FtObject *op)
{
    if (ft_atomic_load_ssize(&live_refs) != 0)
        ft_rc_set_maybe_weakref(op);
}

/* A list of op's live weak references (new references), or its count. */
static FtObject *refs_of(FtObject *op, ssize_t *count)
{
    FtObject *list = count == NULL ? ft_list_new(0) : NULL;
    if (count == NULL && list == NULL)
        return NULL;
    ssize_t n = 0;
    if (ft_atomic_load_ssize(&live_refs) == 0)
        goto done;
    WrStripe *s = stripe_of(op);
    /* Collected under the lock into a C array, appended after it. */
    FtObject *small[16], **got = small;
    size_t ngot = 0, cap = 16;
    ft_mutex_lock(&s->lock);
    if (s->nbuckets != 0) {
        for (FtWeakref *w = *bucket_of(s, op); w != NULL; w = w->next) {
            if (w->wr_object != op)
                continue;
            n++;
            if (count != NULL || !ft_rc_try_incref((FtObject *)w))
                continue;
            if (ngot == cap) {
                FtObject **ng = malloc(2 * cap * sizeof *ng);
                if (ng == NULL) {
                    FT_DECREF(w);
                    continue;
                }
                memcpy(ng, got, ngot * sizeof *ng);
                if (got != small)
                    free(got);
                got = ng;
                cap *= 2;
            }
            got[ngot++] = (FtObject *)w;
        }
    }
    ft_mutex_unlock(&s->lock);
    for (size_t i = 0; i < ngot; i++) {
        if (list != NULL && ft_list_append(list, got[i]) < 0)
            FT_CLEAR(list);
        FT_DECREF(got[i]);
    }
    if (got != small)
        free(got);
done:
    if (count != NULL)
        *count = n;
    return list;
}

ssize_t ft_weakref_count(FtObject *op)
{
    ssize_t n = 0;
    refs_of(op, &n);
    return n;
}

FtObject *ft_weakref_list(FtObject *op) { return refs_of(op, NULL); }

/* ---- the ref type ---------------------------------------------------------------- */

#define WR(o) ((FtWeakref *)(o))

FtObject *ft_weakref_new(FtType *type, FtObject *ob, FtObject *callback)
{
    if (!weakrefable(ob)) {
        ft_err_format(FtExc_TypeError, "cannot create weak reference to '%s' "
                                       "object",
                      ft_type_name(FT_TYPE(ob)));
        return NULL;
    }
    if (callback == FT_None)
        callback = NULL;
    WrStripe *s = stripe_of(ob);
    int basic = type == &FtWeakref_Type && callback == NULL;
    FtWeakref *w = (FtWeakref *)ft_object_new(type);
    if (w == NULL)
        return NULL;
    w->hash = -1;
    w->stripe = (uint32_t)(s - stripes);
    w->wr_callback = callback != NULL ? FT_NEWREF(callback) : NULL;
    /* Both may now be revived by ft_rc_try_incref from other threads. */
    ft_rc_set_maybe_weakref(ob);
    ft_rc_set_maybe_weakref((FtObject *)w);
    ft_mutex_lock(&s->lock);
    if (basic && s->nbuckets != 0) {
        /* One callback-less ref per object is shared, as in CPython. */
        for (FtWeakref *o = *bucket_of(s, ob); o != NULL; o = o->next) {
            if (o->wr_object == ob && FT_TYPE(o) == &FtWeakref_Type &&
                o->wr_callback == NULL && ft_rc_try_incref((FtObject *)o)) {
                ft_mutex_unlock(&s->lock);
                FT_DECREF(w); /* not linked: its dealloc unlinks nothing */
                return (FtObject *)o;
            }
        }
    }
    w->wr_object = ob;
    int r = link_ref(s, w);
    if (r < 0)
        w->wr_object = NULL;
    ft_mutex_unlock(&s->lock);
    if (r < 0) {
        FT_DECREF(w);
        return ft_err_no_memory();
    }
    return (FtObject *)w;
}

static FtObject *wr_tp_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    /* __new__(type, ob, callback=None): subclasses may pass more to
     * their __init__, as weakref.KeyedRef does */
    if (nargs < 1) {
        ft_err_set_string(FtExc_TypeError,
                          "__new__ expected at least 1 argument, got 0");
        return NULL;
    }
    if (nargs > 2 && type == &FtWeakref_Type) {
        ft_err_format(FtExc_TypeError,
                      "__new__ expected at most 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (type == &FtWeakref_Type && ft_arg_no_kwargs("ref", kwnames) < 0)
        return NULL;
    return ft_weakref_new(type, args[0], nargs > 1 ? args[1] : NULL);
}

static int wr_tp_init(FtObject *self, FtObject *const *args, size_t nargs,
                      FtObject *kwnames)
{
    return 0;
}

static void wr_unlink_self(FtWeakref *w)
{
    WrStripe *s = &stripes[w->stripe];
    ft_mutex_lock(&s->lock);
    if (w->wr_object != NULL)
        unlink_ref(s, w);
    ft_mutex_unlock(&s->lock);
}

static void wr_dealloc(FtObject *op)
{
    wr_unlink_self(WR(op));
    FT_CLEAR(WR(op)->wr_callback);
    ft_object_free(op);
}

static int wr_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(WR(op)->wr_callback);
    return 0;
}

static int wr_gc_clear(FtObject *op)
{
    wr_unlink_self(WR(op));
    FT_CLEAR(WR(op)->wr_callback);
    return 0;
}

static FtObject *wr_call(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_no_kwargs("weakref", kwnames) < 0 ||
        ft_arg_count("weakref", nargs, 0, 0) < 0)
        return NULL;
    FtObject *o = ft_weakref_get(self);
    return o != NULL ? o : FT_NEWREF(FT_None);
}

static ft_hash_t wr_hash(FtObject *self)
{
    ft_hash_t h = (ft_hash_t)ft_atomic_load_ssize((ssize_t *)&WR(self)->hash);
    if (h != -1)
        return h;
    FtObject *o = ft_weakref_get(self);
    if (o == NULL) {
        ft_err_set_string(FtExc_TypeError, "weak object has gone away");
        return -1;
    }
    h = ft_object_hash(o);
    FT_DECREF(o);
    if (h != -1)
        ft_atomic_store_ssize((ssize_t *)&WR(self)->hash, (ssize_t)h);
    return h;
}

/* Equal when both referents are alive and equal; identity otherwise. */
static FtObject *wr_richcompare(FtObject *a, FtObject *b, int op)
{
    if ((op != FT_EQ && op != FT_NE) ||
        !ft_type_check(a, &FtWeakref_Type) || !ft_type_check(b, &FtWeakref_Type))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *x = ft_weakref_get(a), *y = ft_weakref_get(b);
    FtObject *r;
    if (x == NULL || y == NULL) {
        int same = a == b;
        r = ft_bool_from(op == FT_EQ ? same : !same);
    } else {
        r = ft_object_richcompare(x, y, op);
    }
    FT_XDECREF(x);
    FT_XDECREF(y);
    return r;
}

static FtObject *wr_repr(FtObject *self)
{
    FtObject *o = ft_weakref_get(self);
    if (o == NULL)
        return ft_str_from_format("<weakref at %p; dead>", (void *)self);
    FtObject *r = ft_str_from_format("<weakref at %p; to '%s' at %p>",
                                     (void *)self, ft_type_name(FT_TYPE(o)),
                                     (void *)o);
    FT_DECREF(o);
    return r;
}

static FtObject *wr_get_callback(FtObject *self)
{
    WrStripe *s = &stripes[WR(self)->stripe];
    ft_mutex_lock(&s->lock);
    FtObject *cb = WR(self)->wr_callback;
    if (cb != NULL)
        FT_INCREF(cb);
    ft_mutex_unlock(&s->lock);
    return cb != NULL ? cb : FT_NEWREF(FT_None);
}

static FtObject *wr_class_getitem(FtObject *cls, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__class_getitem__", nargs, 1, 1) < 0)
        return NULL;
    static FtObject *alias_name;
    return ft_types_call2(&alias_name, "GenericAlias", cls, args[0]);
}

static FtGetSetDef wr_getset[] = {
    {"__callback__", wr_get_callback, NULL},
    {NULL, NULL, NULL},
};

static FtMethodDef wr_methods[] = {
    {"__class_getitem__", wr_class_getitem, FT_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

FtType FtWeakref_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(FtWeakref),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = wr_dealloc,
    .tp_traverse = wr_traverse,
    .tp_clear = wr_gc_clear,
    .tp_repr = wr_repr,
    .tp_hash = wr_hash,
    .tp_richcompare = wr_richcompare,
    .tp_call = wr_call,
    .tp_new = wr_tp_new,
    .tp_init = wr_tp_init,
    .tp_getset = wr_getset,
    .tp_methods = wr_methods,
    .tp_doc = "ref(object[, callback]) -> weak reference to object",
};
