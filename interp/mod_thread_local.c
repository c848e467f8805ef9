/* interp/mod_thread_local.c — _thread._local (threading.local): an object
 * whose attributes are per thread. Each local keeps a dict from thread key
 * (the ident as an int) to that thread's __dict__; a thread that ends
 * drops its entry from every live local, so its values die with it.
 */
#include "interp/mod_thread.h"
#include "objects/object.h"
#include "runtime/lock.h"
#include "runtime/thread.h"

typedef struct FtLocalObject {
    FT_OBJECT_HEAD
    FtObject *dicts;   /* thread key -> that thread's __dict__ */
    FtObject *args;    /* the constructor's arguments, positional then
                          keyword values, for a subclass's __init__ */
    FtObject *kwnames; /* their keyword names, or NULL */
    struct FtLocalObject *prev, *next; /* every live local */
} FtLocalObject;

#define LO(o) ((FtLocalObject *)(o))

/* Every live local, so that an ending thread can find its values; under
 * FT_CRIT_LOCK (nothing in GIL builds, where the GIL is the lock). */
static FtLocalObject *all_locals;

/* The calling thread's key, made once per thread and dropped when the
 * thread ends (ft_thread_local_thread_exit). Borrowed. */
static __thread FtObject *thread_key;

static FtObject *current_key(void)
{
    if (thread_key == NULL)
        thread_key = ft_int_from_i64((int64_t)ft_thread_get_ident());
    return thread_key;
}

static int local_tp_init(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return 0; /* tp_new checked the arguments */
}

/* Runs the class's own __init__ for a thread that has not seen self yet. */
static int call_init(FtObject *self)
{
    FtType *t = FT_TYPE(self);
    if (t->tp_init == local_tp_init)
        return 0;
    FtLocalObject *lo = LO(self);
    ssize_t n = lo->args ? FT_TUPLE_SIZE(lo->args) : 0;
    ssize_t nkw = lo->kwnames ? FT_TUPLE_SIZE(lo->kwnames) : 0;
    FtObject *const *items =
        lo->args ? &FT_TUPLE_GET(lo->args, 0) : (FtObject *const *)NULL;
    FT_INCREF(self);
    int r = t->tp_init(self, items, (size_t)(n - nkw), lo->kwnames);
    FT_DECREF(self);
    return r;
}

/* This thread's __dict__ of self (new reference), made on first use. */
static FtObject *thread_dict(FtObject *self)
{
    FtObject *key = current_key();
    if (key == NULL)
        return NULL;
    FtObject *d = ft_dict_get(LO(self)->dicts, key);
    if (d != NULL || ft_err_occurred())
        return d;
    d = ft_dict_new();
    if (d == NULL || ft_dict_set(LO(self)->dicts, key, d) < 0) {
        FT_XDECREF(d);
        return NULL;
    }
    if (call_init(self) < 0) {
        FtObject *exc = ft_err_fetch();
        FtObject *gone = ft_dict_pop(LO(self)->dicts, key);
        FT_XDECREF(gone);
        ft_err_restore(exc);
        FT_DECREF(d);
        return NULL;
    }
    return d;
}

static FtObject *local_tp_new(FtType *type, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    ssize_t nkw = kwnames ? FT_TUPLE_SIZE(kwnames) : 0;
    if ((nargs > 0 || nkw > 0) && type->tp_init == local_tp_init) {
        ft_err_set_string(FtExc_TypeError,
                          "Initialization arguments are not supported");
        return NULL;
    }
    FtLocalObject *self = (FtLocalObject *)ft_object_new(type);
    if (self == NULL)
        return NULL;
    self->dicts = ft_dict_new();
    if (self->dicts == NULL)
        goto fail;
    if (nargs > 0 || nkw > 0) {
        self->args = ft_tuple_from_array(args, (ssize_t)nargs + nkw);
        if (self->args == NULL)
            goto fail;
        if (nkw > 0)
            self->kwnames = FT_NEWREF(kwnames);
    }
    FT_CRIT_LOCK();
    self->next = all_locals;
    if (all_locals != NULL)
        all_locals->prev = self;
    all_locals = self;
    FT_CRIT_UNLOCK();
    /* The creating thread's dict exists now, so the __init__ that type()
     * calls next fills it instead of being called a second time. */
    FtObject *key = current_key();
    FtObject *d = key ? ft_dict_new() : NULL;
    int r = d ? ft_dict_set(self->dicts, key, d) : -1;
    FT_XDECREF(d);
    if (r < 0) {
        FT_DECREF(self);
        return NULL;
    }
    return (FtObject *)self;
fail:
    FT_DECREF(self);
    return NULL;
}

static void local_dealloc(FtObject *op)
{
    FtLocalObject *self = LO(op);
    FT_CRIT_LOCK();
    if (self->prev != NULL)
        self->prev->next = self->next;
    else if (all_locals == self)
        all_locals = self->next;
    if (self->next != NULL)
        self->next->prev = self->prev;
    FT_CRIT_UNLOCK();
    FT_CLEAR(self->dicts);
    FT_CLEAR(self->args);
    FT_CLEAR(self->kwnames);
    ft_object_free(op);
}

static int is_dict_name(FtObject *name)
{
    return FT_STR_CHECK(name) && ft_str_eq(name, FT_ID(__dict__));
}

static int is_data_descr(FtObject *descr)
{
    return descr != NULL && FT_TYPE(descr)->tp_descr_set != NULL;
}

static FtObject *no_attribute(FtObject *self, FtObject *name)
{
    ft_err_format(FtExc_AttributeError, "'%s' object has no attribute '%U'",
                  FT_TYPE(self)->tp_name, name);
    return NULL;
}

/* Generic lookup with this thread's dict as the instance dict. */
static FtObject *local_getattr(FtObject *self, FtObject *name)
{
    FtObject *d = thread_dict(self);
    if (d == NULL)
        return NULL;
    if (is_dict_name(name))
        return d;
    FtType *t = FT_TYPE(self);
    FtObject *descr = ft_type_lookup(t, name);
    FtObject *r = NULL;
    FT_XINCREF(descr);
    if (is_data_descr(descr) && FT_TYPE(descr)->tp_descr_get != NULL) {
        r = FT_TYPE(descr)->tp_descr_get(descr, self, (FtObject *)t);
        goto done;
    }
    r = ft_dict_get(d, name);
    if (r != NULL || ft_err_occurred())
        goto done;
    if (descr != NULL) {
        if (FT_TYPE(descr)->tp_descr_get != NULL)
            r = FT_TYPE(descr)->tp_descr_get(descr, self, (FtObject *)t);
        else
            r = FT_NEWREF(descr);
        goto done;
    }
    no_attribute(self, name);
done:
    FT_XDECREF(descr);
    FT_DECREF(d);
    return r;
}

static int local_setattr(FtObject *self, FtObject *name, FtObject *value)
{
    if (is_dict_name(name)) {
        ft_err_format(FtExc_AttributeError,
                      "'%s' object attribute '__dict__' is read-only",
                      FT_TYPE(self)->tp_name);
        return -1;
    }
    FtObject *d = thread_dict(self);
    if (d == NULL)
        return -1;
    int r;
    FtObject *descr = ft_type_lookup(FT_TYPE(self), name);
    if (is_data_descr(descr)) {
        FT_INCREF(descr);
        r = FT_TYPE(descr)->tp_descr_set(descr, self, value);
        FT_DECREF(descr);
    } else if (value != NULL) {
        r = ft_dict_set(d, name, value);
    } else {
        r = ft_dict_del(d, name);
        if (r < 0 && ft_err_matches(FtExc_KeyError)) {
            ft_err_clear();
            no_attribute(self, name);
        }
    }
    FT_DECREF(d);
    return r;
}

FtType FtThreadLocal_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(FtLocalObject),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = local_dealloc,
    .tp_getattr = local_getattr,
    .tp_setattr = local_setattr,
    .tp_new = local_tp_new,
    .tp_init = local_tp_init,
    .tp_doc = "Thread-local data",
};

void ft_thread_local_thread_exit(void)
{
    FtObject *key = thread_key;
    if (key == NULL)
        return; /* this thread never touched a local */
    /* Take the values out first and let them go after the walk: their
     * destructors may create or destroy locals. */
    FtObject *gone = ft_list_new(0);
    FT_CRIT_LOCK();
    for (FtLocalObject *lo = all_locals; lo != NULL && gone != NULL;
         lo = lo->next) {
        FtObject *d = ft_dict_pop(lo->dicts, key);
        if (d != NULL && ft_list_append(gone, d) < 0)
            FT_CLEAR(gone); /* out of memory: d goes now, the rest stays */
        FT_XDECREF(d);
    }
    FT_CRIT_UNLOCK();
    if (ft_err_occurred())
        ft_err_clear();
    FT_XDECREF(gone);
    if (ft_err_occurred())
        ft_err_clear();
    thread_key = NULL;
    FT_DECREF(key);
}
