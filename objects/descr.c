/* objects/descr.c — the callable and descriptor objects of the type system:
 * built-in functions / bound C methods, method, getset and slot-wrapper
 * descriptors, bound Python methods, property, staticmethod, classmethod
 * and super.
 */
#include "objects/object.h"

#include <stdio.h>
#include <string.h>

#include "objects/typeobject.h"
#include "runtime/tstate.h"

/* ---- the collector's slots (runtime/gc.h) ---------------------------------- */

static int cfunction_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FT_VISIT(((FtCFunctionObject *)o)->self);
    return 0;
}

/* Every descriptor starts with its owner type (a counted reference). */
static int descr_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FT_VISIT(((FtMethodDescrObject *)o)->type);
    return 0;
}

static int sm_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FT_VISIT(((FtStaticMethodObject *)o)->callable);
    return 0;
}

static int sm_gc_clear(FtObject *o)
{
    FT_CLEAR(((FtStaticMethodObject *)o)->callable);
    return 0;
}

static const char *tname(FtObject *o) { return FT_TYPE(o)->tp_name; }

static FtObject *addr_str(FtObject *o)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%p", (void *)o);
    return ft_str_from_cstr(buf);
}

static FtObject *doc_or_none(const char *doc)
{
    if (doc == NULL)
        FT_RETURN_NONE;
    return ft_str_from_cstr(doc);
}

/* "list.append" for error messages and __qualname__ */
static FtObject *qualified(FtType *t, const char *name)
{
    FtObject *qn = ft_type_qualname(t);
    if (qn == NULL)
        return NULL;
    FtObject *r = ft_str_from_format("%U.%s", qn, name);
    FT_DECREF(qn);
    return r;
}

/* ---- built-in functions and bound C methods ------------------------------ */

FtObject *ft_cfunction_new(FtMethodDef *def, FtObject *self)
{
    FtCFunctionObject *f =
        (FtCFunctionObject *)ft_object_new(&FtCFunction_Type);
    if (f == NULL)
        return NULL;
    f->def = def;
    f->self = self;
    FT_XINCREF(self);
    return (FtObject *)f;
}

static void cfunction_dealloc(FtObject *o)
{
    FtCFunctionObject *f = (FtCFunctionObject *)o;
    FT_CLEAR(f->self);
    ft_object_free(o);
}

static int is_function_self(FtObject *self)
{
    return self == NULL || FT_TYPE(self) == &FtModule_Type ||
           ft_type_check(self, &FtModule_Type);
}

static FtObject *cfunction_qualname(FtObject *o)
{
    FtCFunctionObject *f = (FtCFunctionObject *)o;
    if (is_function_self(f->self))
        return ft_str_from_cstr(f->def->name);
    FtType *owner = FT_TYPE_CHECK(f->self) ? (FtType *)f->self : FT_TYPE(f->self);
    return qualified(owner, f->def->name);
}

static FtObject *cfunction_call(FtObject *callable, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    FtCFunctionObject *f = (FtCFunctionObject *)callable;
    if (kwnames != NULL && !(f->def->flags & FT_METH_KEYWORDS)) {
        if (FT_TUPLE_SIZE(kwnames) > 0) {
            FtObject *qn = cfunction_qualname(callable);
            if (qn != NULL) {
                ft_err_format(FtExc_TypeError,
                              "%U() takes no keyword arguments", qn);
                FT_DECREF(qn);
            }
            return NULL;
        }
        kwnames = NULL;
    }
    return f->def->func(f->self, args, nargs, kwnames);
}

static FtObject *cfunction_repr(FtObject *o)
{
    FtCFunctionObject *f = (FtCFunctionObject *)o;
    if (is_function_self(f->self))
        return ft_str_from_format("<built-in function %s>", f->def->name);
    FtObject *addr = addr_str(f->self);
    if (addr == NULL)
        return NULL;
    FtObject *r = ft_str_from_format("<built-in method %s of %s object at %U>",
                                     f->def->name, tname(f->self), addr);
    FT_DECREF(addr);
    return r;
}

static FtObject *cfunction_richcompare(FtObject *a, FtObject *b, int op)
{
    if ((op != FT_EQ && op != FT_NE) || FT_TYPE(b) != &FtCFunction_Type)
        FT_RETURN_NOTIMPLEMENTED;
    FtCFunctionObject *x = (FtCFunctionObject *)a, *y = (FtCFunctionObject *)b;
    int eq = x->def == y->def && x->self == y->self;
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

static ft_hash_t cfunction_hash(FtObject *o)
{
    FtCFunctionObject *f = (FtCFunctionObject *)o;
    ft_hash_t h = ft_hash_pointer(f->def) ^ ft_hash_pointer(f->self);
    return h == -1 ? -2 : h;
}

static FtObject *cfunction_get_name(FtObject *o)
{
    return ft_str_from_cstr(((FtCFunctionObject *)o)->def->name);
}

static FtObject *cfunction_get_doc(FtObject *o)
{
    return doc_or_none(((FtCFunctionObject *)o)->def->doc);
}

static FtObject *cfunction_get_self(FtObject *o)
{
    FtObject *self = ((FtCFunctionObject *)o)->self;
    if (self == NULL)
        FT_RETURN_NONE;
    return FT_NEWREF(self);
}

static FtObject *cfunction_get_module(FtObject *o)
{
    FtObject *self = ((FtCFunctionObject *)o)->self;
    if (self != NULL && FT_MODULE_CHECK(self))
        return FT_NEWREF(((FtModuleObject *)self)->name);
    FT_RETURN_NONE;
}

static FtGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL},
    {"__qualname__", cfunction_qualname, NULL},
    {"__doc__", cfunction_get_doc, NULL},
    {"__self__", cfunction_get_self, NULL},
    {"__module__", cfunction_get_module, NULL},
    {NULL, NULL, NULL},
};

FtType FtCFunction_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(FtCFunctionObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = cfunction_dealloc,
    .tp_traverse = cfunction_traverse,
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_richcompare = cfunction_richcompare,
    .tp_call = cfunction_call,
    .tp_getset = cfunction_getset,
};

/* ---- method descriptors: list.append in list's dict ----------------------- */

FtObject *ft_methoddescr_new(FtType *t, FtMethodDef *def)
{
    FtMethodDescrObject *d =
        (FtMethodDescrObject *)ft_object_new(&FtMethodDescr_Type);
    if (d == NULL)
        return NULL;
    d->type = t;
    d->def = def;
    FT_INCREF(t);
    return (FtObject *)d;
}

static void descr_dealloc(FtObject *o)
{
    /* every descriptor starts with its owner type */
    FtMethodDescrObject *d = (FtMethodDescrObject *)o;
    FT_CLEAR(d->type);
    ft_object_free(o);
}

static int descr_check(FtType *owner, const char *name, FtObject *obj)
{
    if (ft_type_check(obj, owner))
        return 0;
    ft_err_format(FtExc_TypeError,
                  "descriptor '%s' for '%s' objects doesn't apply to a '%s' "
                  "object",
                  name, owner->tp_name, tname(obj));
    return -1;
}

static FtObject *methoddescr_call(FtObject *callable, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    FtMethodDescrObject *d = (FtMethodDescrObject *)callable;
    if (nargs < 1) {
        ft_err_format(FtExc_TypeError, "unbound method %s.%s() needs an argument",
                      d->type->tp_name, d->def->name);
        return NULL;
    }
    FtObject *self = args[0];
    if (d->def->flags & FT_METH_CLASS) {
        /* reached through a classmethod: self is the class */
        if (!FT_TYPE_CHECK(self) || !ft_type_is_subtype((FtType *)self, d->type)) {
            ft_err_format(FtExc_TypeError,
                          "descriptor '%s' for type '%s' needs a subtype of "
                          "'%s', not '%s'",
                          d->def->name, d->type->tp_name, d->type->tp_name,
                          tname(self));
            return NULL;
        }
    } else if (FT_TYPE(self) != d->type &&
               descr_check(d->type, d->def->name, self) < 0) {
        return NULL;
    }
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0 &&
        !(d->def->flags & FT_METH_KEYWORDS)) {
        ft_err_format(FtExc_TypeError, "%s.%s() takes no keyword arguments",
                      d->type->tp_name, d->def->name);
        return NULL;
    }
    return d->def->func(self, args + 1, nargs - 1, kwnames);
}

static FtObject *methoddescr_get(FtObject *descr, FtObject *obj, FtObject *type)
{
    FtMethodDescrObject *d = (FtMethodDescrObject *)descr;
    if (obj == NULL)
        return FT_NEWREF(descr);
    if (descr_check(d->type, d->def->name, obj) < 0)
        return NULL;
    return ft_cfunction_new(d->def, obj);
}

static FtObject *methoddescr_repr(FtObject *o)
{
    FtMethodDescrObject *d = (FtMethodDescrObject *)o;
    return ft_str_from_format("<method '%s' of '%s' objects>", d->def->name,
                              d->type->tp_name);
}

static FtObject *methoddescr_get_name(FtObject *o)
{
    return ft_str_from_cstr(((FtMethodDescrObject *)o)->def->name);
}

static FtObject *methoddescr_get_qualname(FtObject *o)
{
    FtMethodDescrObject *d = (FtMethodDescrObject *)o;
    return qualified(d->type, d->def->name);
}

static FtObject *methoddescr_get_doc(FtObject *o)
{
    return doc_or_none(((FtMethodDescrObject *)o)->def->doc);
}

static FtObject *descr_get_objclass(FtObject *o)
{
    return FT_NEWREF(((FtMethodDescrObject *)o)->type);
}

static FtGetSetDef methoddescr_getset[] = {
    {"__name__", methoddescr_get_name, NULL},
    {"__qualname__", methoddescr_get_qualname, NULL},
    {"__doc__", methoddescr_get_doc, NULL},
    {"__objclass__", descr_get_objclass, NULL},
    {NULL, NULL, NULL},
};

FtType FtMethodDescr_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(FtMethodDescrObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = methoddescr_repr,
    .tp_call = methoddescr_call,
    .tp_descr_get = methoddescr_get,
    .tp_getset = methoddescr_getset,
};

/* ---- getset descriptors ----------------------------------------------------- */

FtObject *ft_getsetdescr_new(FtType *t, FtGetSetDef *def)
{
    FtGetSetDescrObject *d =
        (FtGetSetDescrObject *)ft_object_new(&FtGetSetDescr_Type);
    if (d == NULL)
        return NULL;
    d->type = t;
    d->def = def;
    FT_INCREF(t);
    return (FtObject *)d;
}

static FtObject *getset_get(FtObject *descr, FtObject *obj, FtObject *type)
{
    FtGetSetDescrObject *d = (FtGetSetDescrObject *)descr;
    if (obj == NULL)
        return FT_NEWREF(descr);
    if (descr_check(d->type, d->def->name, obj) < 0)
        return NULL;
    if (d->def->get == NULL) {
        ft_err_format(FtExc_AttributeError,
                      "attribute '%s' of '%s' objects is not readable",
                      d->def->name, d->type->tp_name);
        return NULL;
    }
    return d->def->get(obj);
}

static int getset_set(FtObject *descr, FtObject *obj, FtObject *value)
{
    FtGetSetDescrObject *d = (FtGetSetDescrObject *)descr;
    if (descr_check(d->type, d->def->name, obj) < 0)
        return -1;
    if (d->def->set == NULL) {
        ft_err_format(FtExc_AttributeError,
                      "attribute '%s' of '%s' objects is not writable",
                      d->def->name, d->type->tp_name);
        return -1;
    }
    return d->def->set(obj, value);
}

static FtObject *getset_repr(FtObject *o)
{
    FtGetSetDescrObject *d = (FtGetSetDescrObject *)o;
    return ft_str_from_format("<attribute '%s' of '%s' objects>", d->def->name,
                              d->type->tp_name);
}

static FtObject *getset_get_name(FtObject *o)
{
    return ft_str_from_cstr(((FtGetSetDescrObject *)o)->def->name);
}

static FtObject *getset_get_qualname(FtObject *o)
{
    FtGetSetDescrObject *d = (FtGetSetDescrObject *)o;
    return qualified(d->type, d->def->name);
}

static FtObject *none_getter(FtObject *o) { FT_RETURN_NONE; }

static FtGetSetDef getsetdescr_getset[] = {
    {"__name__", getset_get_name, NULL},
    {"__qualname__", getset_get_qualname, NULL},
    {"__objclass__", descr_get_objclass, NULL},
    {"__doc__", none_getter, NULL},
    {NULL, NULL, NULL},
};

FtType FtGetSetDescr_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(FtGetSetDescrObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = getsetdescr_getset,
};

/* ---- slot wrappers: int.__add__, object.__init__ ---------------------------- */

FtObject *ft_wrapperdescr_new(FtType *t, const FtSlotDef *sd)
{
    FtWrapperDescrObject *d =
        (FtWrapperDescrObject *)ft_object_new(&FtWrapperDescr_Type);
    if (d == NULL)
        return NULL;
    d->type = t;
    d->slot = sd;
    FT_INCREF(t);
    return (FtObject *)d;
}

static const char *wrapper_name(FtWrapperDescrObject *d)
{
    return ft_str_cstr(ft_ids[d->slot->name_idx]);
}

static FtObject *wrapperdescr_call(FtObject *callable, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    FtWrapperDescrObject *d = (FtWrapperDescrObject *)callable;
    if (nargs < 1) {
        ft_err_format(FtExc_TypeError,
                      "descriptor '%s' of '%s' object needs an argument",
                      wrapper_name(d), d->type->tp_name);
        return NULL;
    }
    FtObject *self = args[0];
    if (FT_TYPE(self) != d->type && !ft_type_check(self, d->type)) {
        ft_err_format(FtExc_TypeError,
                      "descriptor '%s' requires a '%s' object but received a "
                      "'%s'",
                      wrapper_name(d), d->type->tp_name, tname(self));
        return NULL;
    }
    return d->slot->wrapper(d->type, d->slot, self, args + 1, nargs - 1,
                            kwnames);
}

static FtObject *wrapperdescr_get(FtObject *descr, FtObject *obj, FtObject *type)
{
    FtWrapperDescrObject *d = (FtWrapperDescrObject *)descr;
    if (obj == NULL)
        return FT_NEWREF(descr);
    if (descr_check(d->type, wrapper_name(d), obj) < 0)
        return NULL;
    return ft_method_new(descr, obj);
}

static FtObject *wrapperdescr_repr(FtObject *o)
{
    FtWrapperDescrObject *d = (FtWrapperDescrObject *)o;
    return ft_str_from_format("<slot wrapper '%s' of '%s' objects>",
                              wrapper_name(d), d->type->tp_name);
}

static FtObject *wrapperdescr_get_name(FtObject *o)
{
    return FT_NEWREF(ft_ids[((FtWrapperDescrObject *)o)->slot->name_idx]);
}

static FtObject *wrapperdescr_get_qualname(FtObject *o)
{
    FtWrapperDescrObject *d = (FtWrapperDescrObject *)o;
    return qualified(d->type, wrapper_name(d));
}

static FtGetSetDef wrapperdescr_getset[] = {
    {"__name__", wrapperdescr_get_name, NULL},
    {"__qualname__", wrapperdescr_get_qualname, NULL},
    {"__objclass__", descr_get_objclass, NULL},
    {"__doc__", none_getter, NULL},
    {NULL, NULL, NULL},
};

FtType FtWrapperDescr_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(FtWrapperDescrObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_descr_get = wrapperdescr_get,
    .tp_getset = wrapperdescr_getset,
};

/* ---- bound methods ---------------------------------------------------------- */

/* Bound methods are created on every `obj.method` that is not called at
 * once and by super(): recycle them through the per-thread free list. */
FtObject *ft_method_new(FtObject *func, FtObject *self)
{
    FtThreadState *ts = ft_tstate_get();
    FtMethodObject *m = NULL;
    if (ts != NULL) {
        FT_FREELIST_LOCK();
        m = ts->freelist[FT_FL_METHOD];
        if (m != NULL) {
            ts->freelist[FT_FL_METHOD] = (void *)m->func;
            ts->freelist_len[FT_FL_METHOD]--;
        }
        FT_FREELIST_UNLOCK();
    }
    if (m != NULL) {
        ft_rc_init((FtObject *)m);
        m->func = FT_NEWREF(func);
        m->self = FT_NEWREF(self);
        ft_gc_track((FtObject *)m);
        return (FtObject *)m;
    }
    m = (FtMethodObject *)ft_object_new(&FtMethod_Type);
    if (m == NULL)
        return NULL;
    m->func = FT_NEWREF(func);
    m->self = FT_NEWREF(self);
    return (FtObject *)m;
}

static void method_dealloc(FtObject *o)
{
    FtMethodObject *m = (FtMethodObject *)o;
    FtObject *func = m->func, *self = m->self;
    FtThreadState *ts = ft_tstate_get();
    int kept = 0;
    if (ts != NULL) {
        FT_FREELIST_LOCK();
        if (ts->freelist_len[FT_FL_METHOD] < FT_FREELIST_MAX) {
            m->func = (FtObject *)ts->freelist[FT_FL_METHOD];
            m->self = NULL;
            ts->freelist[FT_FL_METHOD] = m;
            ts->freelist_len[FT_FL_METHOD]++;
            kept = 1;
        }
        FT_FREELIST_UNLOCK();
    }
    if (!kept)
        ft_object_free(o);
    FT_DECREF(func);
    FT_DECREF(self);
}

static FtObject *method_call(FtObject *callable, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    FtMethodObject *m = (FtMethodObject *)callable;
    return ft_call_prepend(m->func, m->self, args, nargs, kwnames);
}

static FtObject *method_repr(FtObject *o)
{
    FtMethodObject *m = (FtMethodObject *)o;
    FtType *ft = FT_TYPE(m->func);
    FtObject *addr, *r;
    if (ft == &FtWrapperDescr_Type || ft == &FtMethodDescr_Type) {
        /* CPython's method-wrapper / builtin method look */
        addr = addr_str(m->self);
        if (addr == NULL)
            return NULL;
        if (ft == &FtWrapperDescr_Type)
            r = ft_str_from_format(
                "<method-wrapper '%s' of %s object at %U>",
                wrapper_name((FtWrapperDescrObject *)m->func), tname(m->self),
                addr);
        else
            r = ft_str_from_format(
                "<built-in method %s of %s object at %U>",
                ((FtMethodDescrObject *)m->func)->def->name, tname(m->self),
                addr);
        FT_DECREF(addr);
        return r;
    }
    FtObject *name = ft_object_lookup_attr(m->func, FT_ID(__qualname__));
    if (name == NULL && !ft_err_occurred())
        name = ft_object_lookup_attr(m->func, FT_ID(__name__));
    if (name == NULL && ft_err_occurred())
        return NULL;
    if (name != NULL && !FT_STR_CHECK(name))
        FT_CLEAR(name);
    if (name != NULL)
        r = ft_str_from_format("<bound method %U of %R>", name, m->self);
    else
        r = ft_str_from_format("<bound method ? of %R>", m->self);
    FT_XDECREF(name);
    return r;
}

static FtObject *method_getattr(FtObject *o, FtObject *name)
{
    FtObject *r = ft_generic_getattr_ex(o, name, 1);
    if (r != NULL || ft_err_occurred())
        return r;
    return ft_object_getattr(((FtMethodObject *)o)->func, name);
}

static FtObject *method_richcompare(FtObject *a, FtObject *b, int op)
{
    if ((op != FT_EQ && op != FT_NE) || FT_TYPE(b) != &FtMethod_Type)
        FT_RETURN_NOTIMPLEMENTED;
    FtMethodObject *x = (FtMethodObject *)a, *y = (FtMethodObject *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = ft_object_richcompare_bool(x->func, y->func, FT_EQ);
        if (eq < 0)
            return NULL;
    }
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

static ft_hash_t method_hash(FtObject *o)
{
    FtMethodObject *m = (FtMethodObject *)o;
    ft_hash_t h = ft_object_hash(m->func);
    if (h == -1)
        return -1;
    h ^= ft_hash_pointer(m->self);
    return h == -1 ? -2 : h;
}

static FtObject *method_get_func(FtObject *o)
{
    return FT_NEWREF(((FtMethodObject *)o)->func);
}

static FtObject *method_get_self(FtObject *o)
{
    return FT_NEWREF(((FtMethodObject *)o)->self);
}

static FtObject *method_get_doc(FtObject *o)
{
    FtObject *r = ft_object_lookup_attr(((FtMethodObject *)o)->func,
                                        FT_ID(__doc__));
    if (r == NULL && !ft_err_occurred())
        FT_RETURN_NONE;
    return r;
}

static FtGetSetDef method_getset[] = {
    {"__func__", method_get_func, NULL},
    {"__self__", method_get_self, NULL},
    {"__doc__", method_get_doc, NULL},
    {NULL, NULL, NULL},
};

static int method_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FT_VISIT(((FtMethodObject *)o)->func);
    FT_VISIT(((FtMethodObject *)o)->self);
    return 0;
}

/* types.MethodType(function, instance) */
static FtObject *method_tp_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_no_kwargs("method", kwnames) < 0 ||
        ft_arg_count("method", nargs, 2, 2) < 0)
        return NULL;
    if (!ft_callable(args[0])) {
        ft_err_set_string(FtExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (args[1] == FT_None) {
        ft_err_set_string(FtExc_TypeError, "instance must not be None");
        return NULL;
    }
    return ft_method_new(args[0], args[1]);
}

FtType FtMethod_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "method",
    .tp_new = method_tp_new,
    .tp_basicsize = sizeof(FtMethodObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = method_dealloc,
    .tp_traverse = method_traverse,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_richcompare = method_richcompare,
    .tp_call = method_call,
    .tp_getattr = method_getattr,
    .tp_getset = method_getset,
};

/* ---- staticmethod / classmethod ------------------------------------------- */

static FtObject *wrapper_new(FtType *t, FtObject *callable)
{
    FtStaticMethodObject *sm = (FtStaticMethodObject *)ft_object_new(t);
    if (sm == NULL)
        return NULL;
    sm->callable = FT_NEWREF(callable);
    return (FtObject *)sm;
}

FtObject *ft_staticmethod_new(FtObject *callable)
{
    return wrapper_new(&FtStaticMethod_Type, callable);
}

FtObject *ft_classmethod_new(FtObject *callable)
{
    return wrapper_new(&FtClassMethod_Type, callable);
}

static void sm_dealloc(FtObject *o)
{
    FT_CLEAR(((FtStaticMethodObject *)o)->callable);
    ft_object_free(o);
}

static FtObject *sm_tp_new(FtType *t, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError, "%s() takes no keyword arguments",
                      t->tp_name);
        return NULL;
    }
    if (nargs != 1) {
        ft_err_format(FtExc_TypeError, "%s expected 1 argument, got %zd",
                      t == &FtClassMethod_Type ? "classmethod" : "staticmethod",
                      (ssize_t)nargs);
        return NULL;
    }
    return wrapper_new(t, args[0]);
}

static int sm_init(FtObject *self, FtObject *const *args, size_t nargs,
                   FtObject *kwnames)
{
    return 0; /* tp_new did the work */
}

static FtObject *sm_get(FtObject *descr, FtObject *obj, FtObject *type)
{
    return FT_NEWREF(((FtStaticMethodObject *)descr)->callable);
}

static FtObject *sm_call(FtObject *callable, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return ft_call(((FtStaticMethodObject *)callable)->callable, args, nargs,
                   kwnames);
}

static FtObject *sm_repr(FtObject *o)
{
    return ft_str_from_format("<%s(%R)>", tname(o),
                              ((FtStaticMethodObject *)o)->callable);
}

static FtObject *sm_get_func(FtObject *o)
{
    return FT_NEWREF(((FtStaticMethodObject *)o)->callable);
}

static FtObject *sm_get_doc(FtObject *o)
{
    FtObject *r = ft_object_lookup_attr(((FtStaticMethodObject *)o)->callable,
                                        FT_ID(__doc__));
    if (r == NULL && !ft_err_occurred())
        FT_RETURN_NONE;
    return r;
}

/* True when f.__isabstractmethod__ is true (abc.abstractmethod): 1/0/-1. */
static int is_abstract_callable(FtObject *f)
{
    static FtObject *name;
    if (f == NULL)
        return 0;
    FtObject *nm = ft_intern_static(&name, "__isabstractmethod__");
    FtObject *v = nm != NULL ? ft_object_lookup_attr(f, nm) : NULL;
    if (v == NULL)
        return ft_err_occurred() ? -1 : 0;
    int r = ft_object_is_true(v);
    FT_DECREF(v);
    return r;
}

static FtObject *abstract_result(int r)
{
    return r < 0 ? NULL : ft_bool_from(r);
}

static FtObject *sm_get_isabstract(FtObject *o)
{
    return abstract_result(
        is_abstract_callable(((FtStaticMethodObject *)o)->callable));
}

static FtGetSetDef sm_getset[] = {
    {"__func__", sm_get_func, NULL},
    {"__isabstractmethod__", sm_get_isabstract, NULL},
    {"__wrapped__", sm_get_func, NULL},
    {"__doc__", sm_get_doc, NULL},
    {NULL, NULL, NULL},
};

FtType FtStaticMethod_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(FtStaticMethodObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = sm_dealloc,
    .tp_traverse = sm_traverse,
    .tp_clear = sm_gc_clear,
    .tp_repr = sm_repr,
    .tp_call = sm_call,
    .tp_descr_get = sm_get,
    .tp_new = sm_tp_new,
    .tp_init = sm_init,
    .tp_getset = sm_getset,
};

static FtObject *cm_get(FtObject *descr, FtObject *obj, FtObject *type)
{
    if (type == NULL)
        type = (FtObject *)FT_TYPE(obj);
    return ft_method_new(((FtStaticMethodObject *)descr)->callable, type);
}

FtType FtClassMethod_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(FtStaticMethodObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = sm_dealloc,
    .tp_traverse = sm_traverse,
    .tp_clear = sm_gc_clear,
    .tp_repr = sm_repr,
    .tp_descr_get = cm_get,
    .tp_new = sm_tp_new,
    .tp_init = sm_init,
    .tp_getset = sm_getset,
};

/* ---- property ---------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *fget, *fset, *fdel, *doc, *name; /* NULL when absent */
    int getter_doc; /* doc was taken from fget */
} FtPropertyObject;

static void property_dealloc(FtObject *o)
{
    FtPropertyObject *p = (FtPropertyObject *)o;
    FT_CLEAR(p->fget);
    FT_CLEAR(p->fset);
    FT_CLEAR(p->fdel);
    FT_CLEAR(p->doc);
    FT_CLEAR(p->name);
    ft_object_free(o);
}

static FtObject *property_tp_new(FtType *t, FtObject *const *args, size_t nargs,
                                 FtObject *kwnames)
{
    return ft_object_new(t);
}

static FtObject *none_to_null(FtObject *o)
{
    return o == NULL || o == FT_None ? NULL : FT_NEWREF(o);
}

static int property_fill(FtPropertyObject *p, FtObject *fget, FtObject *fset,
                         FtObject *fdel, FtObject *doc)
{
    FT_SETREF(p->fget, none_to_null(fget));
    FT_SETREF(p->fset, none_to_null(fset));
    FT_SETREF(p->fdel, none_to_null(fdel));
    FT_SETREF(p->doc, none_to_null(doc));
    p->getter_doc = 0;
    if (p->doc == NULL && p->fget != NULL) {
        FtObject *d = ft_object_lookup_attr(p->fget, FT_ID(__doc__));
        if (d == NULL && ft_err_occurred())
            return -1;
        if (d == FT_None)
            FT_CLEAR(d);
        p->doc = d;
        p->getter_doc = d != NULL;
    }
    return 0;
}

static int property_init(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    FtObject *a[4];
    if (ft_arg_parse("property", args, nargs, kwnames, kwlist, 0, 4, a) < 0)
        return -1;
    return property_fill((FtPropertyObject *)self, a[0], a[1], a[2], a[3]);
}

static FtObject *property_error(FtPropertyObject *p, FtObject *obj,
                                const char *what)
{
    FtObject *qn = ft_type_qualname(FT_TYPE(obj));
    if (qn == NULL)
        return NULL;
    if (p->name != NULL)
        ft_err_format(FtExc_AttributeError,
                      "property %R of %R object has no %s", p->name, qn, what);
    else
        ft_err_format(FtExc_AttributeError, "property of %R object has no %s",
                      qn, what);
    FT_DECREF(qn);
    return NULL;
}

static FtObject *property_get(FtObject *descr, FtObject *obj, FtObject *type)
{
    FtPropertyObject *p = (FtPropertyObject *)descr;
    if (obj == NULL || obj == FT_None)
        return FT_NEWREF(descr);
    if (p->fget == NULL)
        return property_error(p, obj, "getter");
    return ft_call1(p->fget, obj);
}

static int property_set(FtObject *descr, FtObject *obj, FtObject *value)
{
    FtPropertyObject *p = (FtPropertyObject *)descr;
    FtObject *f = value == NULL ? p->fdel : p->fset;
    if (f == NULL) {
        property_error(p, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    FtObject *r = value == NULL ? ft_call1(f, obj) : ft_call2(f, obj, value);
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

/* p.getter(f) / p.setter(f) / p.deleter(f): a copy with one function
 * replaced (which = 0, 1, 2). */
static FtObject *property_copy(FtObject *self, FtObject *f, int which)
{
    FtPropertyObject *p = (FtPropertyObject *)self;
    FtObject *fget = which == 0 ? f : p->fget;
    FtObject *fset = which == 1 ? f : p->fset;
    FtObject *fdel = which == 2 ? f : p->fdel;
    /* a doc taken from the old getter follows the new getter */
    FtObject *doc = p->getter_doc && which == 0 ? NULL : p->doc;
    FtObject *args[4] = {fget ? fget : FT_None, fset ? fset : FT_None,
                         fdel ? fdel : FT_None, doc ? doc : FT_None};
    FtObject *np;
    if (FT_TYPE(self) == &FtProperty_Type) {
        np = ft_object_new(&FtProperty_Type);
        if (np != NULL && property_fill((FtPropertyObject *)np, args[0],
                                        args[1], args[2], args[3]) < 0)
            FT_CLEAR(np);
    } else {
        np = ft_call((FtObject *)FT_TYPE(self), args, 4, NULL);
    }
    if (np != NULL && FT_TYPE(np) == FT_TYPE(self)) {
        FtPropertyObject *q = (FtPropertyObject *)np;
        if (p->getter_doc && which != 0)
            q->getter_doc = 1;
        FT_XINCREF(p->name);
        FT_SETREF(q->name, p->name);
    }
    return np;
}

static FtObject *property_getter(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getter", nargs, 1, 1) < 0)
        return NULL;
    return property_copy(self, args[0], 0);
}

static FtObject *property_setter(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("setter", nargs, 1, 1) < 0)
        return NULL;
    return property_copy(self, args[0], 1);
}

static FtObject *property_deleter(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("deleter", nargs, 1, 1) < 0)
        return NULL;
    return property_copy(self, args[0], 2);
}

static FtObject *property_set_name(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__set_name__", nargs, 2, 2) < 0)
        return NULL;
    FtPropertyObject *p = (FtPropertyObject *)self;
    FT_INCREF(args[1]);
    FT_SETREF(p->name, args[1]);
    FT_RETURN_NONE;
}

static FtMethodDef property_methods[] = {
    {"getter", property_getter, 0, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, 0, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, 0, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, 0, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static FtObject *prop_field(FtObject *v)
{
    if (v == NULL)
        FT_RETURN_NONE;
    return FT_NEWREF(v);
}
static FtObject *property_get_fget(FtObject *o)
{
    return prop_field(((FtPropertyObject *)o)->fget);
}
static FtObject *property_get_fset(FtObject *o)
{
    return prop_field(((FtPropertyObject *)o)->fset);
}
static FtObject *property_get_fdel(FtObject *o)
{
    return prop_field(((FtPropertyObject *)o)->fdel);
}
static FtObject *property_get_doc(FtObject *o)
{
    return prop_field(((FtPropertyObject *)o)->doc);
}
static int property_set_doc(FtObject *o, FtObject *value)
{
    FtPropertyObject *p = (FtPropertyObject *)o;
    FT_SETREF(p->doc, none_to_null(value));
    p->getter_doc = 0;
    return 0;
}

static FtObject *property_get_isabstract(FtObject *o)
{
    FtPropertyObject *p = (FtPropertyObject *)o;
    int r = is_abstract_callable(p->fget);
    if (r == 0)
        r = is_abstract_callable(p->fset);
    if (r == 0)
        r = is_abstract_callable(p->fdel);
    return abstract_result(r);
}

static FtGetSetDef property_getset[] = {
    {"fget", property_get_fget, NULL},
    {"__isabstractmethod__", property_get_isabstract, NULL},
    {"fset", property_get_fset, NULL},
    {"fdel", property_get_fdel, NULL},
    {"__doc__", property_get_doc, property_set_doc},
    {NULL, NULL, NULL},
};

static int property_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtPropertyObject *p = (FtPropertyObject *)o;
    FT_VISIT(p->fget);
    FT_VISIT(p->fset);
    FT_VISIT(p->fdel);
    FT_VISIT(p->doc);
    FT_VISIT(p->name);
    return 0;
}

static int property_gc_clear(FtObject *o)
{
    FtPropertyObject *p = (FtPropertyObject *)o;
    FT_CLEAR(p->fget);
    FT_CLEAR(p->fset);
    FT_CLEAR(p->fdel);
    FT_CLEAR(p->doc);
    FT_CLEAR(p->name);
    return 0;
}

FtType FtProperty_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "property",
    .tp_basicsize = sizeof(FtPropertyObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_clear = property_gc_clear,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_new = property_tp_new,
    .tp_init = property_init,
    .tp_methods = property_methods,
    .tp_getset = property_getset,
};

/* ---- super -------------------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtType *type;      /* the class named by super(type, obj) */
    FtObject *obj;     /* instance or class, or NULL (unbound super) */
    FtType *obj_type;  /* where the MRO comes from */
} FtSuperObject;

static void super_dealloc(FtObject *o)
{
    FtSuperObject *su = (FtSuperObject *)o;
    FT_CLEAR(su->type);
    FT_CLEAR(su->obj);
    FT_CLEAR(su->obj_type);
    ft_object_free(o);
}

static FtType *super_check(FtType *type, FtObject *obj)
{
    if (FT_TYPE_CHECK(obj) && ft_type_is_subtype((FtType *)obj, type))
        return (FtType *)obj;
    if (ft_type_is_subtype(FT_TYPE(obj), type))
        return FT_TYPE(obj);
    ft_err_set_string(FtExc_TypeError,
                      "super(type, obj): obj must be an instance or subtype of "
                      "type");
    return NULL;
}

/* A super object of type t for (type, obj); obj may be NULL. */
static FtObject *super_make(FtType *t, FtType *type, FtObject *obj)
{
    FtType *obj_type = NULL;
    if (obj != NULL) {
        obj_type = super_check(type, obj);
        if (obj_type == NULL)
            return NULL;
    }
    FtSuperObject *su = (FtSuperObject *)ft_object_new(t);
    if (su == NULL)
        return NULL;
    su->type = (FtType *)FT_NEWREF(type);
    FT_XINCREF(obj);
    su->obj = obj;
    FT_XINCREF(obj_type);
    su->obj_type = obj_type;
    return (FtObject *)su;
}

static FtObject *super_tp_new(FtType *t, FtObject *const *args, size_t nargs,
                              FtObject *kwnames)
{
    FtType *type;
    FtObject *obj = NULL;
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_set_string(FtExc_TypeError, "super() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0) {
        if (ft_frame_super_args(&type, &obj) < 0)
            return NULL;
        FtObject *su = super_make(t, type, obj);
        FT_DECREF(type);
        FT_DECREF(obj);
        return su;
    } else if (nargs <= 2) {
        if (!FT_TYPE_CHECK(args[0])) {
            ft_err_format(FtExc_TypeError,
                          "super() argument 1 must be a type, not %s",
                          tname(args[0]));
            return NULL;
        }
        type = (FtType *)args[0];
        if (nargs == 2 && args[1] != FT_None)
            obj = args[1];
    } else {
        ft_err_format(FtExc_TypeError, "super() expected at most 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    return super_make(t, type, obj);
}

static int super_init(FtObject *self, FtObject *const *args, size_t nargs,
                      FtObject *kwnames)
{
    return 0; /* tp_new did the work */
}

static FtObject *super_getattr(FtObject *o, FtObject *name)
{
    FtSuperObject *su = (FtSuperObject *)o;
    FtType *start = su->obj_type;
    if (start != NULL && FT_STR_CHECK(name) &&
        !ft_str_eq(name, FT_ID(__class__)) && start->tp_mro != NULL) {
        FtObject *mro = start->tp_mro;
        ssize_t n = FT_TUPLE_SIZE(mro), i = 0;
        while (i < n && FT_TUPLE_GET(mro, i) != (FtObject *)su->type)
            i++;
        for (i++; i < n; i++) {
            FtObject *dict = ((FtType *)FT_TUPLE_GET(mro, i))->tp_dict;
            if (dict == NULL)
                continue;
            FtObject *res = ft_dict_get(dict, name);
            if (res == NULL) {
                if (ft_err_occurred())
                    return NULL;
                continue;
            }
            ft_descrgetfunc get = FT_TYPE(res)->tp_descr_get;
            if (get != NULL) {
                FtObject *obj = su->obj == (FtObject *)start ? NULL : su->obj;
                FtObject *bound = get(res, obj, (FtObject *)start);
                FT_DECREF(res);
                return bound;
            }
            return res;
        }
    }
    return ft_object_generic_getattr(o, name);
}

static FtObject *super_repr(FtObject *o)
{
    FtSuperObject *su = (FtSuperObject *)o;
    if (su->obj_type != NULL)
        return ft_str_from_format("<super: <class '%s'>, <%s object>>",
                                  su->type->tp_name, su->obj_type->tp_name);
    return ft_str_from_format("<super: <class '%s'>, NULL>", su->type->tp_name);
}

static FtObject *super_get_thisclass(FtObject *o)
{
    return FT_NEWREF(((FtSuperObject *)o)->type);
}

static FtObject *super_get_self(FtObject *o)
{
    FtObject *obj = ((FtSuperObject *)o)->obj;
    if (obj == NULL)
        FT_RETURN_NONE;
    return FT_NEWREF(obj);
}

static FtObject *super_get_self_class(FtObject *o)
{
    FtType *t = ((FtSuperObject *)o)->obj_type;
    if (t == NULL)
        FT_RETURN_NONE;
    return FT_NEWREF((FtObject *)t);
}

static FtGetSetDef super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL},
    {"__self__", super_get_self, NULL},
    {"__self_class__", super_get_self_class, NULL},
    {NULL, NULL, NULL},
};

static int super_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtSuperObject *su = (FtSuperObject *)o;
    FT_VISIT(su->type);
    FT_VISIT(su->obj);
    FT_VISIT(su->obj_type);
    return 0;
}

FtType FtSuper_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "super",
    .tp_basicsize = sizeof(FtSuperObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattr = super_getattr,
    .tp_new = super_tp_new,
    .tp_init = super_init,
    .tp_getset = super_getset,
};
