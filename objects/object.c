/* objects/object.c — object allocation (ft_object_new / ft_object_free), the
 * `object` base type every class derives from, the None / NotImplemented /
 * Ellipsis singletons and the operator symbol table.
 */
#include "objects/object.h"

#include <stdio.h>
#include <string.h>

#include "objects/typeobject.h"

const char *const ft_op_symbols[FT_OP__COUNT] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
};

/* ---- allocation --------------------------------------------------------- */

static size_t var_size(FtType *type, ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize;
    if (type->tp_itemsize != 0 && nitems > 0)
        size += (size_t)nitems * (size_t)type->tp_itemsize;
    /* round up so that a dict pointer at the end (var-size heap classes)
     * is aligned */
    return (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
}

/* Containers get the collector's pre-header in front and are tracked at
 * once: their fields are zeroed, which every tp_traverse accepts. */
static FtObject *alloc_object(FtType *type, size_t size)
{
    int gc = (type->tp_flags & FT_TPFLAGS_HAVE_GC) != 0;
    char *mem = ft_mem_calloc(1, size + (gc ? sizeof(FtGcHead) : 0));
    if (mem == NULL)
        return NULL;
    FtObject *op = (FtObject *)(mem + (gc ? sizeof(FtGcHead) : 0));
    op->ob_type = type;
    ft_rc_init(op);
    if (type->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_INCREF(type);
    if (gc)
        ft_gc_track(op);
    return op;
}

FtObject *ft_object_new(FtType *type)
{
    return alloc_object(type, var_size(type, 0));
}

FtObject *ft_object_new_var(FtType *type, ssize_t nitems)
{
    FtObject *op = alloc_object(type, var_size(type, nitems));
    if (op != NULL)
        FT_SIZE(op) = nitems;
    return op;
}

void ft_object_free(FtObject *op)
{
    FtType *type = FT_TYPE(op);
    if (type->tp_flags & FT_TPFLAGS_HAVE_GC) {
        ft_gc_untrack(op);
        ft_mem_free(ft_gc_mem(op));
    } else {
        ft_mem_free(op);
    }
    if (type->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(type);
}

/* ---- object ------------------------------------------------------------- */

ft_hash_t ft_hash_pointer(const void *p)
{
    /* the low bits of an address are always zero: rotate them away */
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    ft_hash_t h = (ft_hash_t)y;
    return h == -1 ? -2 : h;
}

static void object_dealloc(FtObject *self) { ft_object_free(self); }

static FtObject *object_repr(FtObject *self) { return ft_slot_default_repr(self); }

static FtObject *object_str(FtObject *self)
{
    FtType *t = FT_TYPE(self);
    if (t->tp_repr == NULL)
        return object_repr(self);
    return ft_object_repr(self);
}

static ft_hash_t object_hash(FtObject *self) { return ft_hash_pointer(self); }

static FtObject *object_richcompare(FtObject *a, FtObject *b, int op)
{
    FtObject *r;
    switch (op) {
    case FT_EQ:
        /* identity; anything else is for the other operand to decide */
        return FT_NEWREF(a == b ? FT_True : FT_NotImplemented);
    case FT_NE: {
        /* != inverts __eq__ unless that is not implemented */
        ft_richcmpfunc f = FT_TYPE(a)->tp_richcompare;
        if (f == NULL)
            FT_RETURN_NOTIMPLEMENTED;
        r = f(a, b, FT_EQ);
        if (r != NULL && r != FT_NotImplemented) {
            int t = ft_object_is_true(r);
            FT_DECREF(r);
            if (t < 0)
                return NULL;
            return ft_bool_from(!t);
        }
        return r;
    }
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

static int excess_args(size_t nargs, FtObject *kwnames)
{
    return nargs > 0 || (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0);
}

/* "Can't instantiate abstract class X with abstract methods f, g" */
static FtObject *abstract_error(FtType *t)
{
    static FtObject *name;
    FtObject *nm = ft_intern_static(&name, "__abstractmethods__");
    FtObject *am = nm != NULL ? ft_type_lookup_ref(t, nm) : NULL;
    FtObject *list = am != NULL ? ft_list_from_iterable(am) : NULL;
    FT_XDECREF(am);
    if (list == NULL || ft_list_sort(list, NULL, 0) < 0) {
        FT_XDECREF(list);
        return NULL;
    }
    FtObject *sep = ft_str_from_cstr(", ");
    FtObject *joined = sep != NULL ? ft_str_join(sep, list) : NULL;
    FT_XDECREF(sep);
    if (joined != NULL)
        ft_err_format(FtExc_TypeError,
                      "Can't instantiate abstract class %s with abstract "
                      "method%s %U",
                      ft_type_name(t), FT_LIST_SIZE(list) > 1 ? "s" : "",
                      joined);
    FT_DECREF(list);
    FT_XDECREF(joined);
    return NULL;
}

FtObject *ft_object_default_new(FtType *t, FtObject *const *args, size_t nargs,
                                FtObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (t->tp_new != ft_object_default_new) {
            ft_err_set_string(FtExc_TypeError,
                              "object.__new__() takes exactly one argument "
                              "(the type to instantiate)");
            return NULL;
        }
        if (t->tp_init == ft_object_default_init) {
            ft_err_format(FtExc_TypeError, "%s() takes no arguments",
                          ft_type_name(t));
            return NULL;
        }
    }
    if (t->tp_flags & FT_TPFLAGS_IS_ABSTRACT)
        return abstract_error(t);
    if (t->tp_itemsize != 0)
        return ft_object_new_var(t, 0);
    return ft_object_new(t);
}

int ft_object_default_init(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        FtType *t = FT_TYPE(self);
        if (t->tp_init != ft_object_default_init) {
            ft_err_set_string(FtExc_TypeError,
                              "object.__init__() takes exactly one argument "
                              "(the instance to initialize)");
            return -1;
        }
        if (t->tp_new == ft_object_default_new) {
            ft_err_format(FtExc_TypeError, "%s() takes no arguments",
                          ft_type_name(t));
            return -1;
        }
    }
    return 0;
}

static FtObject *object_format(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!FT_STR_CHECK(args[0])) {
        ft_err_format(FtExc_TypeError,
                      "__format__() argument must be str, not %s",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    if (FT_STR_NBYTES(args[0]) > 0) {
        ft_err_format(FtExc_TypeError,
                      "unsupported format string passed to %s.__format__",
                      ft_type_name(FT_TYPE(self)));
        return NULL;
    }
    return ft_object_str(self);
}

static FtObject *object_init_subclass(FtObject *cls, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError,
                      "%s.__init_subclass__() takes no keyword arguments",
                      ft_type_name((FtType *)cls));
        return NULL;
    }
    if (nargs > 0) {
        ft_err_format(FtExc_TypeError,
                      "%s.__init_subclass__() takes no arguments (%zd given)",
                      ft_type_name((FtType *)cls), (ssize_t)nargs);
        return NULL;
    }
    FT_RETURN_NONE;
}

/* The default hook that ABCMeta.__subclasscheck__ consults. */
static FtObject *object_subclasshook(FtObject *cls, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    FT_RETURN_NOTIMPLEMENTED;
}

/* Adds the keys of every dict along t's MRO to `names`. */
static int merge_mro_keys(FtObject *names, FtType *t)
{
    FtObject *mro = t->tp_mro;
    if (mro == NULL)
        return 0;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(mro); i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(mro, i);
        if (b->tp_dict != NULL && ft_dict_update(names, b->tp_dict) < 0)
            return -1;
    }
    return 0;
}

static FtObject *object_dir(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__dir__", nargs, 0, 0) < 0)
        return NULL;
    FtObject *names = ft_dict_new();
    if (names == NULL)
        return NULL;
    FtObject **dictptr = ft_object_dict_ptr(self);
    FtObject *own = dictptr != NULL ? ft_object_dict_load(dictptr) : NULL;
    if ((own != NULL && FT_DICT_CHECK(own) && ft_dict_update(names, own) < 0) ||
        merge_mro_keys(names, FT_TYPE(self)) < 0) {
        FT_DECREF(names);
        return NULL;
    }
    FtObject *list = ft_dict_keys_list(names);
    FT_DECREF(names);
    return list;
}

static FtObject *object_get_class(FtObject *self)
{
    return FT_NEWREF(FT_TYPE(self));
}

static FtMethodDef object_methods[] = {
    {"__format__", object_format, 0, "Default object formatter."},
    {"__init_subclass__", object_init_subclass,
     FT_METH_CLASS | FT_METH_KEYWORDS,
     "This method is called when a class is subclassed."},
    {"__dir__", object_dir, 0, "Default dir() implementation."},
    {"__subclasshook__", object_subclasshook,
     FT_METH_CLASS | FT_METH_KEYWORDS,
     "Abstract classes can override this to customize issubclass()."},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef object_getset[] = {
    {"__class__", object_get_class, NULL},
    {NULL, NULL, NULL},
};

FtType FtBaseObject_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "object",
    .tp_basicsize = sizeof(FtObject),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattr = ft_object_generic_getattr,
    .tp_setattr = ft_object_generic_setattr,
    .tp_new = ft_object_default_new,
    .tp_init = ft_object_default_init,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new "
              "featureless\ninstance that has no instance attributes and "
              "cannot be given any.\n",
};

/* ---- None, NotImplemented, Ellipsis -------------------------------------- */

/* The singletons are static: a count that reaches zero means a missing
 * INCREF somewhere, and freeing static memory would be worse. */
static void singleton_dealloc(FtObject *self) { (void)self; }

static FtObject *cached_name(FtObject **slot, const char *text)
{
    FtObject *s = ft_intern_static(slot, text);
    return s != NULL ? FT_NEWREF(s) : NULL;
}

static FtObject *none_repr(FtObject *self)
{
    static FtObject *s;
    return cached_name(&s, "None");
}

static int none_bool(FtObject *self) { return 0; }

static FtObject *singleton_new(FtType *t, FtObject *const *args, size_t nargs,
                               FtObject *kwnames, FtObject *value)
{
    if (excess_args(nargs, kwnames)) {
        ft_err_format(FtExc_TypeError, "%s takes no arguments", t->tp_name);
        return NULL;
    }
    return FT_NEWREF(value);
}

static FtObject *none_new(FtType *t, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return singleton_new(t, args, nargs, kwnames, FT_None);
}

FtType FtNone_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_bool = none_bool,
    .tp_new = none_new,
};

static FtObject *notimpl_repr(FtObject *self)
{
    static FtObject *s;
    return cached_name(&s, "NotImplemented");
}

static FtObject *notimpl_new(FtType *t, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    return singleton_new(t, args, nargs, kwnames, FT_NotImplemented);
}

FtType FtNotImplemented_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimpl_repr,
    .tp_new = notimpl_new,
};

static FtObject *ellipsis_repr(FtObject *self)
{
    static FtObject *s;
    return cached_name(&s, "Ellipsis");
}

static FtObject *ellipsis_new(FtType *t, FtObject *const *args, size_t nargs,
                              FtObject *kwnames)
{
    return singleton_new(t, args, nargs, kwnames, FT_Ellipsis);
}

FtType FtEllipsis_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_new = ellipsis_new,
};

FtObject ft_none_object = FT_STATIC_OBJECT_INIT(&FtNone_Type);
FtObject ft_notimplemented_object =
    FT_STATIC_OBJECT_INIT(&FtNotImplemented_Type);
FtObject ft_ellipsis_object = FT_STATIC_OBJECT_INIT(&FtEllipsis_Type);
