/* objects/exceptions.c — the built-in exception classes and their objects,
 * and the per-thread error indicator (ft_err_*). Printing exceptions and the
 * traceback type live in objects/traceback.c.
 */
#include "objects/object.h"
#include "runtime/tstate.h"

#include <errno.h>
#include <stdio.h>
#include "objects/typeobject.h"
#include "runtime/lock.h"

#include <stdlib.h>
#include <string.h>

#define EXC(o) ((FtBaseExceptionObject *)(o))

static FtObject *prealloc_memory_error;

static void set_with_args(FtType *type, FtObject *const *args, size_t nargs);

/* ---- helpers ------------------------------------------------------------- */

static FtObject *exc_get_dict(FtObject *self) /* borrowed; created lazily */
{
    if (EXC(self)->dict == NULL)
        EXC(self)->dict = ft_dict_new();
    return EXC(self)->dict;
}

/* Attributes kept in the instance dict (SyntaxError.msg, OSError.errno...):
 * the shared layout has no room for them, and they are rare. */
static FtObject *dict_attr_get(FtObject *self, const char *name)
{
    FtObject *d = EXC(self)->dict;
    if (d != NULL) {
        FtObject *v = ft_dict_get_str(d, name);
        if (v != NULL || ft_err_occurred())
            return v;
    }
    FT_RETURN_NONE;
}

static int dict_attr_set(FtObject *self, const char *name, FtObject *value)
{
    FtObject *d = exc_get_dict(self);
    if (d == NULL)
        return -1;
    if (value != NULL)
        return ft_dict_set_str(d, name, value);
    FtObject *key = ft_str_from_cstr(name);
    if (key == NULL)
        return -1;
    int r = ft_dict_contains(d, key);
    if (r > 0)
        r = ft_dict_del(d, key);
    FT_DECREF(key);
    return r < 0 ? -1 : 0;
}

#define DICT_ATTR(NAME)                                                        \
    static FtObject *attr_get_##NAME(FtObject *self)                           \
    {                                                                          \
        return dict_attr_get(self, #NAME);                                     \
    }                                                                          \
    static int attr_set_##NAME(FtObject *self, FtObject *value)                \
    {                                                                          \
        return dict_attr_set(self, #NAME, value);                              \
    }
/* clang-format off */
#define DICT_ATTR_DEF(NAME) {#NAME, attr_get_##NAME, attr_set_##NAME}
/* clang-format on */

static int no_kwargs(FtObject *self, FtObject *kwnames)
{
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError, "%s() takes no keyword arguments",
                      ft_type_name(FT_TYPE(self)));
        return -1;
    }
    return 0;
}

/* Replaces self.args unless it already holds exactly these objects (the
 * usual case: tp_new stored them a moment ago). */
static int exc_store_args(FtObject *self, FtObject *const *args, size_t nargs)
{
    FtObject *old = EXC(self)->args;
    if (old != NULL && FT_TUPLE_SIZE(old) == (ssize_t)nargs) {
        size_t i = 0;
        while (i < nargs && FT_TUPLE_GET(old, i) == args[i])
            i++;
        if (i == nargs)
            return 0;
    }
    FtObject *t =
        nargs ? ft_tuple_from_array(args, (ssize_t)nargs) : ft_tuple_empty();
    if (t == NULL)
        return -1;
    FT_SETREF(EXC(self)->args, t);
    return 0;
}

/* ---- BaseException ------------------------------------------------------- */

static FtObject *exc_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    /* Keyword arguments are for a subclass's __init__; __new__ ignores them
     * like CPython's does. */
    FtObject *self = ft_object_new(type);
    if (self == NULL)
        return NULL;
    EXC(self)->args =
        nargs ? ft_tuple_from_array(args, (ssize_t)nargs) : ft_tuple_empty();
    if (EXC(self)->args == NULL) {
        FT_DECREF(self);
        return NULL;
    }
    return self;
}

static int exc_init(FtObject *self, FtObject *const *args, size_t nargs,
                    FtObject *kwnames)
{
    if (no_kwargs(self, kwnames) < 0)
        return -1;
    return exc_store_args(self, args, nargs);
}

static void exc_dealloc(FtObject *self)
{
    FtBaseExceptionObject *e = EXC(self);
    FT_CLEAR(e->dict);
    FT_CLEAR(e->args);
    FT_CLEAR(e->traceback);
    FT_CLEAR(e->context);
    FT_CLEAR(e->cause);
    ft_object_free(self);
}

static FtObject *exc_str(FtObject *self)
{
    FtObject *args = EXC(self)->args;
    ssize_t n = args ? FT_TUPLE_SIZE(args) : 0;
    if (n == 0)
        return ft_str_from_cstr("");
    if (n == 1)
        return ft_object_str(FT_TUPLE_GET(args, 0));
    return ft_object_str(args);
}

static FtObject *exc_repr(FtObject *self)
{
    FtObject *args = EXC(self)->args;
    const char *name = ft_type_name(FT_TYPE(self));
    if (args != NULL && FT_TUPLE_SIZE(args) == 1)
        return ft_str_from_format("%s(%R)", name, FT_TUPLE_GET(args, 0));
    if (args == NULL || FT_TUPLE_SIZE(args) == 0)
        return ft_str_from_format("%s()", name);
    return ft_str_from_format("%s%R", name, args);
}

static FtObject *exc_m_with_traceback(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("with_traceback", nargs, 1, 1) < 0)
        return NULL;
    FtObject *tb = args[0];
    if (tb != FT_None && FT_TYPE(tb) != &FtTraceback_Type) {
        ft_err_set_string(FtExc_TypeError,
                          "__traceback__ must be a traceback or None");
        return NULL;
    }
    ft_exc_set_traceback(self, tb);
    return FT_NEWREF(self);
}

static FtObject *exc_m_add_note(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("add_note", nargs, 1, 1) < 0)
        return NULL;
    if (!FT_STR_CHECK(args[0])) {
        ft_err_format(FtExc_TypeError, "note must be a str, not '%s'",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    FtObject *d = exc_get_dict(self);
    if (d == NULL)
        return NULL;
    FtObject *notes = ft_dict_get_str(d, "__notes__");
    if (notes == NULL) {
        if (ft_err_occurred())
            return NULL;
        notes = ft_list_new(0);
        if (notes == NULL || ft_dict_set_str(d, "__notes__", notes) < 0) {
            FT_XDECREF(notes);
            return NULL;
        }
    } else if (!FT_LIST_CHECK(notes)) {
        FT_DECREF(notes);
        ft_err_set_string(FtExc_TypeError,
                          "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    int r = ft_list_append(notes, args[0]);
    FT_DECREF(notes);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtMethodDef exc_methods[] = {
    {"with_traceback", exc_m_with_traceback, 0,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and "
     "return self."},
    {"add_note", exc_m_add_note, 0,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static FtObject *exc_get_args_attr(FtObject *self)
{
    FtObject *a = EXC(self)->args;
    return a ? FT_NEWREF(a) : ft_tuple_empty();
}

static int exc_set_args_attr(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "args may not be deleted");
        return -1;
    }
    FtObject *t = ft_tuple_from_iterable(value);
    if (t == NULL)
        return -1;
    FT_SETREF(EXC(self)->args, t);
    return 0;
}

static FtObject *or_none(FtObject *o)
{
    return FT_NEWREF(o != NULL ? o : FT_None);
}

static FtObject *exc_get_tb(FtObject *self)
{
    return or_none(EXC(self)->traceback);
}
static FtObject *exc_get_context(FtObject *self)
{
    return or_none(EXC(self)->context);
}
static FtObject *exc_get_cause(FtObject *self)
{
    return or_none(EXC(self)->cause);
}

static int exc_set_tb(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (value != FT_None && FT_TYPE(value) != &FtTraceback_Type) {
        ft_err_set_string(FtExc_TypeError,
                          "__traceback__ must be a traceback or None");
        return -1;
    }
    ft_exc_set_traceback(self, value);
    return 0;
}

static int exc_set_context_attr(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value != FT_None && !ft_exception_check(value)) {
        ft_err_set_string(FtExc_TypeError, "exception context must be None "
                                           "or derive from BaseException");
        return -1;
    }
    ft_exc_set_context(self, value);
    return 0;
}

static int exc_set_cause_attr(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value != FT_None && !ft_exception_check(value)) {
        ft_err_set_string(FtExc_TypeError, "exception cause must be None "
                                           "or derive from BaseException");
        return -1;
    }
    ft_exc_set_cause(self, value);
    return 0;
}

static FtObject *exc_get_suppress(FtObject *self)
{
    return ft_bool_from(EXC(self)->suppress_context);
}

static int exc_set_suppress(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError,
                          "__suppress_context__ may not be deleted");
        return -1;
    }
    int b = ft_object_is_true(value);
    if (b < 0)
        return -1;
    EXC(self)->suppress_context = (char)b;
    return 0;
}

static FtObject *exc_get_dict_attr(FtObject *self)
{
    FtObject *d = exc_get_dict(self);
    return d ? FT_NEWREF(d) : NULL;
}

static int exc_set_dict_attr(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!FT_DICT_CHECK(value)) {
        ft_err_format(FtExc_TypeError,
                      "__dict__ must be set to a dictionary, not a '%s'",
                      ft_type_name(FT_TYPE(value)));
        return -1;
    }
    FT_INCREF(value);
    FT_SETREF(EXC(self)->dict, value);
    return 0;
}

static FtGetSetDef exc_getset[] = {
    {"args", exc_get_args_attr, exc_set_args_attr},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {"__context__", exc_get_context, exc_set_context_attr},
    {"__cause__", exc_get_cause, exc_set_cause_attr},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {"__dict__", exc_get_dict_attr, exc_set_dict_attr},
    {NULL, NULL, NULL},
};

/* ---- subclasses with their own behaviour --------------------------------- */

/* StopIteration.value and SystemExit.code are derived from args unless
 * assigned, so raising them does not need an instance dict. */
static FtObject *dict_override(FtObject *self, FtObject *name, int *found)
{
    *found = 0;
    FtObject *d = EXC(self)->dict;
    if (d == NULL)
        return NULL;
    FtObject *v = ft_dict_get(d, name);
    if (v != NULL)
        *found = 1;
    return v;
}

static FtObject *stopiter_get_value(FtObject *self)
{
    int found;
    FtObject *v = dict_override(self, FT_ID(value), &found);
    if (found || ft_err_occurred())
        return v;
    FtObject *args = EXC(self)->args;
    if (args != NULL && FT_TUPLE_SIZE(args) > 0)
        return FT_NEWREF(FT_TUPLE_GET(args, 0));
    FT_RETURN_NONE;
}

static int stopiter_set_value(FtObject *self, FtObject *value)
{
    return dict_attr_set(self, "value", value);
}

static FtGetSetDef stopiter_getset[] = {
    {"value", stopiter_get_value, stopiter_set_value},
    {NULL, NULL, NULL},
};

static FtObject *sysexit_get_code(FtObject *self)
{
    static FtObject *name; /* interned once, kept for good */
    if (ft_intern_static(&name, "code") == NULL)
        return NULL;
    int found;
    FtObject *v = dict_override(self, name, &found);
    if (found || ft_err_occurred())
        return v;
    FtObject *args = EXC(self)->args;
    ssize_t n = args ? FT_TUPLE_SIZE(args) : 0;
    if (n == 0)
        FT_RETURN_NONE;
    if (n == 1)
        return FT_NEWREF(FT_TUPLE_GET(args, 0));
    return FT_NEWREF(args);
}

static int sysexit_set_code(FtObject *self, FtObject *value)
{
    return dict_attr_set(self, "code", value);
}

static FtGetSetDef sysexit_getset[] = {
    {"code", sysexit_get_code, sysexit_set_code},
    {NULL, NULL, NULL},
};

static FtObject *keyerror_str(FtObject *self)
{
    FtObject *args = EXC(self)->args;
    if (args != NULL && FT_TUPLE_SIZE(args) == 1)
        return ft_object_repr(FT_TUPLE_GET(args, 0));
    return exc_str(self);
}

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
 */
DICT_ATTR(msg)
DICT_ATTR(filename)
DICT_ATTR(lineno)
DICT_ATTR(offset)
DICT_ATTR(text)
DICT_ATTR(end_lineno)
DICT_ATTR(end_offset)
DICT_ATTR(print_file_and_line)

static int syntax_init(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (no_kwargs(self, kwnames) < 0 || exc_store_args(self, args, nargs) < 0)
        return -1;
    if (nargs >= 1 && dict_attr_set(self, "msg", args[0]) < 0)
        return -1;
    if (nargs != 2)
        return 0;
    FtObject *info = ft_tuple_from_iterable(args[1]);
    if (info == NULL)
        return -1;
    ssize_t n = FT_TUPLE_SIZE(info);
    static const char *const names[] = {"filename", "lineno",     "offset",
                                        "text",     "end_lineno", "end_offset"};
    int r = 0;
    if (n < 4 || n > 6) {
        ft_err_format(FtExc_IndexError, "tuple index out of range");
        r = -1;
    }
    for (ssize_t i = 0; r == 0 && i < n; i++)
        r = dict_attr_set(self, names[i], FT_TUPLE_GET(info, i));
    FT_DECREF(info);
    return r;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static FtObject *syntax_str(FtObject *self)
{
    FtObject *msg = attr_get_msg(self);
    FtObject *fn = msg ? attr_get_filename(self) : NULL;
    FtObject *line = fn ? attr_get_lineno(self) : NULL;
    FtObject *r = NULL;
    if (line != NULL) {
        int have_file = FT_STR_CHECK(fn);
        int have_line = FT_INT_CHECK(line);
        if (have_file && have_line)
            r = ft_str_from_format("%S (%s, line %lld)", msg,
                                   base_name(ft_str_cstr(fn)),
                                   (long long)ft_int_clamped(line));
        else if (have_file)
            r = ft_str_from_format("%S (%s)", msg, base_name(ft_str_cstr(fn)));
        else if (have_line)
            r = ft_str_from_format("%S (line %lld)", msg,
                                   (long long)ft_int_clamped(line));
        else
            r = ft_object_str(msg);
    }
    FT_XDECREF(msg);
    FT_XDECREF(fn);
    FT_XDECREF(line);
    return r;
}

static FtGetSetDef syntax_getset[] = {
    DICT_ATTR_DEF(msg),        DICT_ATTR_DEF(filename),
    DICT_ATTR_DEF(lineno),     DICT_ATTR_DEF(offset),
    DICT_ATTR_DEF(text),       DICT_ATTR_DEF(end_lineno),
    DICT_ATTR_DEF(end_offset), DICT_ATTR_DEF(print_file_and_line),
    {NULL, NULL, NULL},
};

/* ImportError(msg, *, name=None, path=None) */
DICT_ATTR(name)
DICT_ATTR(path)

static int import_init(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (exc_store_args(self, args, nargs) < 0)
        return -1;
    ssize_t nkw = kwnames ? FT_TUPLE_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *k = FT_TUPLE_GET(kwnames, i);
        const char *ks = ft_str_cstr(k);
        if (strcmp(ks, "name") != 0 && strcmp(ks, "path") != 0) {
            ft_err_format(FtExc_TypeError,
                          "'%s' is an invalid keyword argument for %s()", ks,
                          ft_type_name(FT_TYPE(self)));
            return -1;
        }
        if (dict_attr_set(self, ks, args[nargs + i]) < 0)
            return -1;
    }
    if (nargs == 1 && dict_attr_set(self, "msg", args[0]) < 0)
        return -1;
    return 0;
}

static FtObject *import_str(FtObject *self)
{
    FtObject *msg = attr_get_msg(self);
    if (msg == NULL)
        return NULL;
    if (msg != FT_None) {
        FtObject *r = ft_object_str(msg);
        FT_DECREF(msg);
        return r;
    }
    FT_DECREF(msg);
    return exc_str(self);
}

static FtGetSetDef import_getset[] = {
    DICT_ATTR_DEF(msg),
    DICT_ATTR_DEF(name),
    DICT_ATTR_DEF(path),
    {NULL, NULL, NULL},
};

/* OSError(errno, strerror[, filename]) */
DICT_ATTR(errno)
DICT_ATTR(strerror)
DICT_ATTR(filename2)

static FtType *oserror_subtype(FtType *type, FtObject *const *args,
                               size_t nargs);

static FtObject *oserror_new(FtType *type, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    return exc_new(oserror_subtype(type, args, nargs), args, nargs, kwnames);
}

static int oserror_init(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (no_kwargs(self, kwnames) < 0)
        return -1;
    if (nargs < 2 || nargs > 5)
        return exc_store_args(self, args, nargs);
    /* As in CPython, args keeps (errno, strerror) only. */
    if (exc_store_args(self, args, 2) < 0 ||
        dict_attr_set(self, "errno", args[0]) < 0 ||
        dict_attr_set(self, "strerror", args[1]) < 0)
        return -1;
    if (nargs >= 3 && dict_attr_set(self, "filename", args[2]) < 0)
        return -1;
    if (nargs >= 5 && dict_attr_set(self, "filename2", args[4]) < 0)
        return -1;
    return 0;
}

static FtObject *oserror_str(FtObject *self)
{
    FtObject *no = attr_get_errno(self);
    FtObject *se = no ? attr_get_strerror(self) : NULL;
    FtObject *fn = se ? attr_get_filename(self) : NULL;
    FtObject *r = NULL;
    if (fn != NULL) {
        FtObject *fn2 = fn != FT_None ? attr_get_filename2(self) : NULL;
        if (fn2 != NULL && fn2 != FT_None)
            r = ft_str_from_format("[Errno %S] %S: %R -> %R", no, se, fn, fn2);
        else if (fn2 != NULL)
            r = ft_str_from_format("[Errno %S] %S: %R", no, se, fn);
        else if (no != FT_None && se != FT_None)
            r = ft_str_from_format("[Errno %S] %S", no, se);
        else
            r = exc_str(self);
        FT_XDECREF(fn2);
    }
    FT_XDECREF(no);
    FT_XDECREF(se);
    FT_XDECREF(fn);
    return r;
}

static FtGetSetDef oserror_getset[] = {
    DICT_ATTR_DEF(errno),     DICT_ATTR_DEF(strerror), DICT_ATTR_DEF(filename),
    DICT_ATTR_DEF(filename2), {NULL, NULL, NULL},
};

/* ---- the class table ----------------------------------------------------- */

#define EXC_TYPE(NAME, BASE, DOC, ...)                                         \
    static FtType NAME##_type = {                                              \
        .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),                        \
        .tp_name = #NAME,                                                      \
        .tp_basicsize = sizeof(FtBaseExceptionObject),                         \
        .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_EXC_SUBCLASS,             \
        .tp_base = BASE,                                                       \
        .tp_dictoffset = offsetof(FtBaseExceptionObject, dict),                \
        .tp_doc = DOC,                                                         \
        __VA_ARGS__};                                                          \
    FtType *FtExc_##NAME = &NAME##_type;

EXC_TYPE(BaseException, NULL, "Common base class for all exceptions",
         .tp_dealloc = exc_dealloc, .tp_repr = exc_repr, .tp_str = exc_str,
         .tp_new = exc_new, .tp_init = exc_init, .tp_methods = exc_methods,
         .tp_getset = exc_getset)
EXC_TYPE(SystemExit, &BaseException_type,
         "Request to exit from the interpreter.", .tp_getset = sysexit_getset)
EXC_TYPE(KeyboardInterrupt, &BaseException_type, "Program interrupted by user.")
EXC_TYPE(GeneratorExit, &BaseException_type, "Request that a generator exit.")
EXC_TYPE(Exception, &BaseException_type,
         "Common base class for all non-exit exceptions.")
EXC_TYPE(StopIteration, &Exception_type,
         "Signal the end from iterator.__next__().",
         .tp_getset = stopiter_getset)
EXC_TYPE(ArithmeticError, &Exception_type, "Base class for arithmetic errors.")
EXC_TYPE(FloatingPointError, &ArithmeticError_type,
         "Floating point operation failed.")
EXC_TYPE(OverflowError, &ArithmeticError_type,
         "Result too large to be represented.")
EXC_TYPE(ZeroDivisionError, &ArithmeticError_type,
         "Second argument to a division or modulo operation was zero.")
EXC_TYPE(AssertionError, &Exception_type, "Assertion failed.")
EXC_TYPE(AttributeError, &Exception_type, "Attribute not found.")
EXC_TYPE(EOFError, &Exception_type, "Read beyond end of file.")
EXC_TYPE(ImportError, &Exception_type,
         "Import can't find module, or can't find name in module.",
         .tp_init = import_init, .tp_str = import_str,
         .tp_getset = import_getset)
EXC_TYPE(ModuleNotFoundError, &ImportError_type, "Module not found.")
EXC_TYPE(LookupError, &Exception_type, "Base class for lookup errors.")
EXC_TYPE(IndexError, &LookupError_type, "Sequence index out of range.")
EXC_TYPE(KeyError, &LookupError_type, "Mapping key not found.",
         .tp_str = keyerror_str)
EXC_TYPE(MemoryError, &Exception_type, "Out of memory.")
EXC_TYPE(NameError, &Exception_type, "Name not found globally.")
EXC_TYPE(UnboundLocalError, &NameError_type,
         "Local name referenced but not bound to a value.")
EXC_TYPE(OSError, &Exception_type, "Base class for I/O related errors.",
         .tp_new = oserror_new, .tp_init = oserror_init, .tp_str = oserror_str,
         .tp_getset = oserror_getset)
EXC_TYPE(FileNotFoundError, &OSError_type, "File not found.")
EXC_TYPE(FileExistsError, &OSError_type, "File already exists.")
EXC_TYPE(PermissionError, &OSError_type, "Not enough permissions.")
EXC_TYPE(IsADirectoryError, &OSError_type,
         "Operation doesn't work on directories.")
EXC_TYPE(NotADirectoryError, &OSError_type, "Operation only works on directories.")
EXC_TYPE(InterruptedError, &OSError_type, "Interrupted by signal.")
EXC_TYPE(BlockingIOError, &OSError_type, "I/O operation would block.")
EXC_TYPE(ChildProcessError, &OSError_type, "Child process error.")
EXC_TYPE(ProcessLookupError, &OSError_type, "Process not found.")
EXC_TYPE(TimeoutError, &OSError_type, "Timeout expired.")
EXC_TYPE(ConnectionError, &OSError_type, "Connection error.")
EXC_TYPE(BrokenPipeError, &ConnectionError_type, "Broken pipe.")
EXC_TYPE(ConnectionAbortedError, &ConnectionError_type, "Connection aborted.")
EXC_TYPE(ConnectionRefusedError, &ConnectionError_type, "Connection refused.")
EXC_TYPE(ConnectionResetError, &ConnectionError_type, "Connection reset.")
EXC_TYPE(RuntimeError, &Exception_type, "Unspecified run-time error.")
EXC_TYPE(NotImplementedError, &RuntimeError_type,
         "Method or function hasn't been implemented yet.")
EXC_TYPE(RecursionError, &RuntimeError_type, "Recursion limit exceeded.")
EXC_TYPE(ReferenceError, &Exception_type,
         "Weak ref proxy used after referent went away.")
EXC_TYPE(SyntaxError, &Exception_type, "Invalid syntax.",
         .tp_init = syntax_init, .tp_str = syntax_str,
         .tp_getset = syntax_getset)
EXC_TYPE(IndentationError, &SyntaxError_type, "Improper indentation.")
EXC_TYPE(TabError, &IndentationError_type,
         "Improper mixture of spaces and tabs.")
EXC_TYPE(SystemError, &Exception_type,
         "Internal error in the Python interpreter.\n\n"
         "Please report this to the Python maintainer, along with the "
         "traceback,\nthe Python version, and the hardware/OS platform and "
         "version.")
EXC_TYPE(TypeError, &Exception_type, "Inappropriate argument type.")
EXC_TYPE(ValueError, &Exception_type,
         "Inappropriate argument value (of correct type).")
EXC_TYPE(UnicodeError, &ValueError_type, "Unicode related error.")
EXC_TYPE(Warning, &Exception_type, "Base class for warning categories.")
EXC_TYPE(DeprecationWarning, &Warning_type,
         "Base class for warnings about deprecated features.")
EXC_TYPE(RuntimeWarning, &Warning_type,
         "Base class for warnings about dubious runtime behavior.")
EXC_TYPE(UserWarning, &Warning_type,
         "Base class for warnings generated by user code.")

/* Every class, each after its base (the order ft_type_ready needs). */
/* clang-format off */
static FtType *const all_exc_types[] = {
    &BaseException_type, &SystemExit_type, &KeyboardInterrupt_type,
    &GeneratorExit_type, &Exception_type, &StopIteration_type,
    &ArithmeticError_type, &FloatingPointError_type, &OverflowError_type,
    &ZeroDivisionError_type, &AssertionError_type, &AttributeError_type,
    &EOFError_type, &ImportError_type, &ModuleNotFoundError_type,
    &LookupError_type, &IndexError_type, &KeyError_type, &MemoryError_type,
    &NameError_type, &UnboundLocalError_type, &OSError_type,
    &FileNotFoundError_type, &FileExistsError_type, &PermissionError_type,
    &IsADirectoryError_type, &NotADirectoryError_type,
    &InterruptedError_type, &BlockingIOError_type, &ChildProcessError_type,
    &ProcessLookupError_type, &TimeoutError_type, &ConnectionError_type,
    &BrokenPipeError_type, &ConnectionAbortedError_type,
    &ConnectionRefusedError_type, &ConnectionResetError_type,
    &RuntimeError_type, &NotImplementedError_type,
    &RecursionError_type, &SyntaxError_type, &IndentationError_type,
    &TabError_type, &SystemError_type, &TypeError_type, &ValueError_type,
    &UnicodeError_type, &Warning_type, &DeprecationWarning_type,
    &RuntimeWarning_type, &UserWarning_type, &ReferenceError_type
};
/* clang-format on */
#define N_EXC_TYPES (sizeof all_exc_types / sizeof all_exc_types[0])

/* OSError(errno, ...) picks the subclass for the errno, as CPython does. */
static FtType *oserror_subtype(FtType *type, FtObject *const *args,
                               size_t nargs)
{
    if (type != &OSError_type || nargs < 2 || !FT_INT_CHECK(args[0]))
        return type;
    FtType *sub = ft_oserror_type_for_errno(ft_int_clamped(args[0]));
    return sub != NULL ? sub : type;
}

/* The errno -> subclass map of PEP 3151 (POSIX names). */
FtType *ft_oserror_type_for_errno(int64_t err)
{
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &BlockingIOError_type;
    case ECHILD:
        return &ChildProcessError_type;
    case EPIPE:
    case ESHUTDOWN:
        return &BrokenPipeError_type;
    case ECONNABORTED:
        return &ConnectionAbortedError_type;
    case ECONNREFUSED:
        return &ConnectionRefusedError_type;
    case ECONNRESET:
        return &ConnectionResetError_type;
    case EEXIST:
        return &FileExistsError_type;
    case ENOENT:
        return &FileNotFoundError_type;
    case EISDIR:
        return &IsADirectoryError_type;
    case ENOTDIR:
        return &NotADirectoryError_type;
    case EINTR:
        return &InterruptedError_type;
    case EACCES:
    case EPERM:
        return &PermissionError_type;
    case ESRCH:
        return &ProcessLookupError_type;
    case ETIMEDOUT:
        return &TimeoutError_type;
    default:
        return NULL;
    }
}

FtObject *ft_err_set_from_errno_filename2(int err, FtObject *filename,
                                          FtObject *filename2)
{
    FtObject *no = ft_int_from_i64(err);
    FtObject *msg = no ? ft_str_from_cstr(strerror(err)) : NULL;
    if (msg != NULL) {
        FtObject *args[5] = {no, msg, filename ? filename : FT_None, FT_None,
                             filename2};
        size_t n = filename2 ? 5 : filename ? 3 : 2;
        set_with_args(&OSError_type, args, n);
    }
    FT_XDECREF(no);
    FT_XDECREF(msg);
    return NULL;
}

FtObject *ft_err_set_from_errno_filename(int err, FtObject *filename)
{
    return ft_err_set_from_errno_filename2(err, filename, NULL);
}

int ft_exceptions_init(void)
{
    /* Bases come first in the table, so each inherits readied slots. */
    for (size_t i = 0; i < N_EXC_TYPES; i++)
        if (ft_type_ready(all_exc_types[i]) < 0)
            return -1;
    if (prealloc_memory_error == NULL) {
        prealloc_memory_error = exc_new(&MemoryError_type, NULL, 0, NULL);
        if (prealloc_memory_error == NULL)
            return -1;
    }
    return 0;
}

int ft_exceptions_add_to(FtObject *dict)
{
    for (size_t i = 0; i < N_EXC_TYPES; i++)
        if (ft_dict_set_str(dict, all_exc_types[i]->tp_name,
                            (FtObject *)all_exc_types[i]) < 0)
            return -1;
    /* Old names CPython keeps as aliases. */
    FtObject *oserror = (FtObject *)&OSError_type;
    if (ft_dict_set_str(dict, "EnvironmentError", oserror) < 0 ||
        ft_dict_set_str(dict, "IOError", oserror) < 0)
        return -1;
    return 0;
}

/* ---- creating exceptions ------------------------------------------------- */

FtObject *ft_exc_new(FtType *type, FtObject *const *args, size_t nargs)
{
    if (type->tp_flags & FT_TPFLAGS_HEAPTYPE)
        return ft_call((FtObject *)type, args, nargs, NULL);
    /* Built-in classes: skip the generic type call machinery; exc_new has
     * already stored args, so only a specialised __init__ needs to run. */
    ft_newfunc newf = type->tp_new ? type->tp_new : exc_new;
    FtObject *self = newf(type, args, nargs, NULL);
    if (self == NULL)
        return NULL;
    ft_initfunc init = FT_TYPE(self)->tp_init;
    if (init != NULL && init != exc_init && init(self, args, nargs, NULL) < 0) {
        FT_DECREF(self);
        return NULL;
    }
    return self;
}

/* ---- the error indicator ------------------------------------------------- */

/* Makes `handled` the context of exc. If exc already appears in handled's
 * context chain, that link is cut first so the chain never becomes a cycle
 * (Floyd's check also stops on a cycle someone built by hand). */
static void link_context(FtObject *exc, FtObject *handled)
{
    FtObject *o = handled, *slow = handled;
    int step = 0;
    for (;;) {
        FtObject *c = EXC(o)->context;
        if (c == NULL)
            break;
        if (c == exc) {
            EXC(o)->context = NULL;
            FT_DECREF(c);
            break;
        }
        o = c;
        if (step++ & 1) {
            slow = EXC(slow)->context;
            if (slow == o)
                break;
        }
    }
    FT_INCREF(handled);
    FT_SETREF(EXC(exc)->context, handled);
}

void ft_err_set_exc(FtObject *exc)
{
    FtThreadState *ts = ft_tstate_get();
    FT_INCREF(exc);
    FtObject *handled = ts->exc_handled;
    /* As CPython does, the handled exception replaces any older context
     * (an exception object raised again in another handler). */
    if (handled != NULL && handled != exc && handled != FT_None &&
        ft_exception_check(handled) && EXC(exc)->context != handled)
        link_context(exc, handled);
    FtObject *old = ts->curexc;
    ts->curexc = exc;
    FT_XDECREF(old);
}

void ft_err_set_object(FtObject *x)
{
    if (ft_exception_class_check(x)) {
        FtObject *exc = ft_exc_new((FtType *)x, NULL, 0);
        if (exc == NULL)
            return;
        if (!ft_exception_check(exc)) {
            ft_err_format(FtExc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %s",
                          x, ft_type_name(FT_TYPE(exc)));
            FT_DECREF(exc);
            return;
        }
        ft_err_set_exc(exc);
        FT_DECREF(exc);
    } else if (ft_exception_check(x)) {
        ft_err_set_exc(x);
    } else {
        ft_err_set_string(FtExc_TypeError,
                          "exceptions must derive from BaseException");
    }
}

static void set_with_args(FtType *type, FtObject *const *args, size_t nargs)
{
    FtObject *exc = ft_exc_new(type, args, nargs);
    if (exc == NULL)
        return;
    ft_err_set_exc(exc);
    FT_DECREF(exc);
}

void ft_err_set_none(FtType *type) { set_with_args(type, NULL, 0); }

void ft_err_set_value(FtType *type, FtObject *value)
{
    set_with_args(type, &value, 1);
}

void ft_err_set_string(FtType *type, const char *msg)
{
    FtObject *s = ft_str_from_cstr(msg);
    if (s == NULL)
        return;
    ft_err_set_value(type, s);
    FT_DECREF(s);
}

void ft_err_format(FtType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    FtObject *s = ft_str_from_vformat(fmt, ap);
    va_end(ap);
    if (s == NULL)
        return;
    ft_err_set_value(type, s);
    FT_DECREF(s);
}

void ft_err_set_key(FtObject *key) { set_with_args(&KeyError_type, &key, 1); }

/* Must not allocate: this runs when the allocator has just failed. The
 * preallocated MemoryError keeps the traceback of its last use until it is
 * raised again; this drops it once no one else holds the instance. */
void ft_exceptions_reset_memory_error(void)
{
    FtObject *exc = prealloc_memory_error;
    FtObject *tb = NULL, *context = NULL, *cause = NULL;
    /* Detached under the critical lock, so two threads running out of
     * memory together do not both release the same fields; released after
     * it, since releasing may free anything (and run __del__). */
    FT_CRIT_LOCK();
    if (exc != NULL && ft_refcnt(exc) == 1) {
        tb = EXC(exc)->traceback;
        context = EXC(exc)->context;
        cause = EXC(exc)->cause;
        EXC(exc)->traceback = EXC(exc)->context = EXC(exc)->cause = NULL;
        EXC(exc)->suppress_context = 0;
    }
    FT_CRIT_UNLOCK();
    FT_XDECREF(tb);
    FT_XDECREF(context);
    FT_XDECREF(cause);
}

FtObject *ft_err_no_memory(void)
{
    FtObject *exc = prealloc_memory_error;
    if (exc == NULL) {
        fputs("ftpy: out of memory during start-up\n", stderr);
        exit(1);
    }
    ft_exceptions_reset_memory_error();
    ft_err_set_exc(exc);
    return NULL;
}

FtObject *ft_err_occurred(void)
{
    FtThreadState *ts = ft_tstate_get();
    return ts ? ts->curexc : NULL;
}

int ft_err_matches(FtType *type)
{
    FtObject *exc = ft_err_occurred();
    if (exc == NULL)
        return 0;
    return FT_TYPE(exc) == type || ft_type_is_subtype(FT_TYPE(exc), type);
}

/* exc is an instance or a class; type_or_tuple a class or a (nested) tuple
 * of classes. Anything else simply does not match (0): rejecting a bad
 * `except` clause is the eval loop's job. */
int ft_exc_matches(FtObject *exc, FtObject *type_or_tuple)
{
    if (exc == NULL)
        return 0;
    if (FT_TUPLE_CHECK(type_or_tuple)) {
        ssize_t n = FT_TUPLE_SIZE(type_or_tuple);
        for (ssize_t i = 0; i < n; i++)
            if (ft_exc_matches(exc, FT_TUPLE_GET(type_or_tuple, i)))
                return 1;
        return 0;
    }
    if (!ft_exception_class_check(type_or_tuple))
        return 0;
    FtType *t = (FtType *)type_or_tuple;
    FtType *et = ft_exception_class_check(exc) ? (FtType *)exc : FT_TYPE(exc);
    return et == t || ft_type_is_subtype(et, t);
}

FtObject *ft_err_fetch(void)
{
    FtThreadState *ts = ft_tstate_get();
    FtObject *exc = ts->curexc;
    ts->curexc = NULL;
    return exc;
}

void ft_err_restore(FtObject *exc)
{
    FtThreadState *ts = ft_tstate_get();
    FtObject *old = ts->curexc;
    ts->curexc = exc;
    FT_XDECREF(old);
}

void ft_err_clear(void) { ft_err_restore(NULL); }

static int utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        int n = c < 0x80             ? 0
                : (c & 0xE0) == 0xC0 ? 1
                : (c & 0xF0) == 0xE0 ? 2
                : (c & 0xF8) == 0xF0 ? 3
                                     : -1;
        if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4))
            return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

void ft_err_syntax(FtType *type, const char *msg, const char *filename,
                   int lineno, int offset, const char *text)
{
    FtObject *m = ft_str_from_cstr(msg);
    FtObject *fn = filename ? ft_str_from_cstr(filename) : FT_NEWREF(FT_None);
    FtObject *ln = ft_int_from_i64(lineno);
    FtObject *off = ft_int_from_i64(offset);
    FtObject *tx = (text && utf8_valid(text)) ? ft_str_from_cstr(text)
                                              : FT_NEWREF(FT_None);
    FtObject *info = NULL;
    if (m && fn && ln && off && tx)
        info = ft_tuple_pack(4, fn, ln, off, tx);
    if (info != NULL) {
        FtObject *args[2] = {m, info};
        set_with_args(type, args, 2);
    }
    FT_XDECREF(m);
    FT_XDECREF(fn);
    FT_XDECREF(ln);
    FT_XDECREF(off);
    FT_XDECREF(tx);
    FT_XDECREF(info);
}

int ft_err_add_traceback(FtObject *code, int lineno)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return 0;
    FtTraceback *tb = (FtTraceback *)ft_object_new(&FtTraceback_Type);
    if (tb == NULL) {
        /* Keep the original exception rather than the MemoryError. */
        ft_err_restore(exc);
        return -1;
    }
    tb->next = EXC(exc)->traceback; /* the reference moves */
    tb->code = FT_NEWREF(code);
    tb->lineno = lineno;
    EXC(exc)->traceback = (FtObject *)tb;
    ft_err_restore(exc);
    return 0;
}

/* ---- accessors ----------------------------------------------------------- */

FtObject *ft_exc_get_args(FtObject *exc) { return EXC(exc)->args; }

static void set_field(FtObject **slot, FtObject *value)
{
    if (value == FT_None)
        value = NULL;
    FT_XINCREF(value);
    FT_SETREF(*slot, value);
}

void ft_exc_set_traceback(FtObject *exc, FtObject *tb)
{
    set_field(&EXC(exc)->traceback, tb);
}

void ft_exc_set_context(FtObject *exc, FtObject *context)
{
    if (context == exc)
        return; /* an exception is never its own context */
    set_field(&EXC(exc)->context, context);
}

void ft_exc_set_cause(FtObject *exc, FtObject *cause)
{
    if (cause == exc)
        cause = NULL;
    set_field(&EXC(exc)->cause, cause);
    EXC(exc)->suppress_context = 1;
}

FtObject *ft_stopiteration_value(FtObject *exc)
{
    if (ft_type_check(exc, &StopIteration_type))
        return stopiter_get_value(exc);
    FT_RETURN_NONE;
}
