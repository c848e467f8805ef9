/* objects/function.c — Python function objects: creation (MAKE_FUNCTION),
 * calls from C (the vectorcall entry, binding arguments the way CPython 3.11
 * does, with its error messages), attributes, class-body execution for
 * __build_class__ and the frame inspection behind zero-argument super().
 */
#include "interp/frame.h"
#include "objects/deferred.h"
#include "objects/object.h"
#include "objects/weakref.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

#include <stdio.h>
#include <string.h>

#define FUNC(o) ((FtFunctionObject *)(o))

FtObject *ft_function_new(FtObject *code, FtObject *globals,
                          FtObject *builtins, FtObject *qualname)
{
    FtCodeObject *co = (FtCodeObject *)code;
    FtFunctionObject *fn =
        (FtFunctionObject *)ft_object_new(&FtFunction_Type);
    if (fn == NULL)
        return NULL;
    fn->code = FT_NEWREF(code);
    fn->globals = FT_NEWREF(globals);
    fn->builtins = FT_NEWREF(builtins);
    fn->name = FT_NEWREF(co->co_name);
    fn->qualname = FT_NEWREF(qualname != NULL && FT_STR_CHECK(qualname)
                                 ? qualname
                                 : co->co_qualname);
    if (FT_TUPLE_SIZE(co->co_consts) > 0 &&
        FT_STR_CHECK(FT_TUPLE_GET(co->co_consts, 0)))
        fn->doc = FT_NEWREF(FT_TUPLE_GET(co->co_consts, 0));
    FtObject *module = ft_dict_get(globals, FT_ID(__name__));
    if (module == NULL && ft_err_occurred()) {
        FT_DECREF(fn);
        return NULL;
    }
    fn->module = module;
    return (FtObject *)fn;
}

static void function_dealloc(FtObject *op)
{
    FtFunctionObject *fn = FUNC(op);
    ft_weakref_clear(op);
    if (!(((FtCodeObject *)fn->code)->co_flags & FT_CO_NESTED))
        ft_deferred_forget(op);
    FT_CLEAR(fn->code);
    FT_CLEAR(fn->globals);
    FT_CLEAR(fn->builtins);
    FT_CLEAR(fn->name);
    FT_CLEAR(fn->qualname);
    FT_CLEAR(fn->defaults);
    FT_CLEAR(fn->kwdefaults);
    FT_CLEAR(fn->closure);
    FT_CLEAR(fn->doc);
    FT_CLEAR(fn->dict);
    FT_CLEAR(fn->module);
    FT_CLEAR(fn->annotations);
    ft_object_free(op);
}

static FtObject *function_repr(FtObject *op)
{
    return ft_str_from_format("<function %U at %p>", FUNC(op)->qualname,
                              (void *)op);
}

static FtObject *function_descr_get(FtObject *func, FtObject *obj,
                                    FtObject *type)
{
    if (obj == NULL || obj == FT_None)
        return FT_NEWREF(func);
    return ft_method_new(func, obj);
}

/* ---- argument binding ---- */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static FtObject *join_names(FtObject **names, size_t n)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (n == 2)
                ft_sb_append_cstr(&sb, " and ");
            else if (i == n - 1)
                ft_sb_append_cstr(&sb, ", and ");
            else
                ft_sb_append_cstr(&sb, ", ");
        }
        ft_sb_append_char(&sb, '\'');
        ft_sb_append_str(&sb, names[i]);
        ft_sb_append_char(&sb, '\'');
    }
    return ft_sb_finish(&sb);
}

/* Raises "f() missing N required <kind> argument(s): ..." for the unbound
 * slots among locals[lo..hi) (whose names are varnames[lo..hi)). */
static int missing_args(FtFunctionObject *fn, FtCodeObject *co,
                        FtObject **locals, size_t lo, size_t hi,
                        const char *kind)
{
    FtObject *small[8];
    FtObject **names = small;
    size_t n = 0;
    if (hi - lo > 8) {
        names = ft_mem_alloc((hi - lo) * sizeof(FtObject *));
        if (names == NULL)
            return -1;
    }
    for (size_t i = lo; i < hi; i++)
        if (locals[i] == NULL)
            names[n++] = FT_TUPLE_GET(co->co_varnames, i);
    FtObject *list = join_names(names, n);
    if (names != small)
        ft_mem_free(names);
    if (list == NULL)
        return -1;
    ft_err_format(FtExc_TypeError, "%U() missing %d required %s argument%s: %U",
                  fn->qualname, (int)n, kind, n == 1 ? "" : "s", list);
    FT_DECREF(list);
    return -1;
}

/* __defaults__ and __kwdefaults__ may be replaced by another thread while
 * a call binds its arguments: without a GIL the binder holds its own
 * reference (see load_field); with one it reads the field directly. */
static FtObject *load_field(FtObject **slot);
#if defined(FT_GIL_NONE)
#define FIELD_ACQUIRE(slot) load_field(slot)
#define FIELD_RELEASE(v) FT_XDECREF(v)
#else
#define FIELD_ACQUIRE(slot) (*(slot))
#define FIELD_RELEASE(v) ((void)0)
#endif

static int too_many_positional(FtFunctionObject *fn, FtCodeObject *co,
                               FtObject **locals, size_t given)
{
    size_t argcount = (size_t)co->co_argcount;
    FtObject *defs = FIELD_ACQUIRE(&fn->defaults);
    size_t ndefs = defs != NULL ? (size_t)FT_TUPLE_SIZE(defs) : 0;
    FIELD_RELEASE(defs);
    size_t kwonly_given = 0;
    for (int i = 0; i < co->co_kwonlyargcount; i++)
        if (locals[argcount + (size_t)i] != NULL)
            kwonly_given++;
    char sig[64], kwsig[96];
    int plural;
    if (ndefs > 0) {
        /* CPython prints a negative lower bound when __defaults__ was set
         * longer than the parameters. */
        snprintf(sig, sizeof sig, "from %zd to %zu",
                 (ssize_t)argcount - (ssize_t)ndefs, argcount);
        plural = 1;
    } else {
        snprintf(sig, sizeof sig, "%zu", argcount);
        plural = argcount != 1;
    }
    kwsig[0] = '\0';
    if (kwonly_given > 0)
        snprintf(kwsig, sizeof kwsig,
                 " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given,
                 kwonly_given != 1 ? "s" : "");
    ft_err_format(FtExc_TypeError,
                  "%U() takes %s positional argument%s but %zd%s %s given",
                  fn->qualname, sig, plural ? "s" : "", (ssize_t)given, kwsig,
                  given == 1 && kwonly_given == 0 ? "was" : "were");
    return -1;
}

/* Raises the error for keyword names that are positional-only parameters
 * (when there is no **kwargs to receive them). */
static int posonly_as_keyword(FtFunctionObject *fn, FtCodeObject *co,
                              FtObject *kwnames)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    int found = 0;
    for (int i = 0; i < co->co_posonlyargcount; i++) {
        FtObject *name = FT_TUPLE_GET(co->co_varnames, i);
        for (ssize_t k = 0; k < FT_TUPLE_SIZE(kwnames); k++) {
            if (ft_str_eq(FT_TUPLE_GET(kwnames, k), name)) {
                if (found++)
                    ft_sb_append_cstr(&sb, ", ");
                ft_sb_append_str(&sb, name);
                break;
            }
        }
    }
    FtObject *list = ft_sb_finish(&sb);
    if (list == NULL)
        return -1;
    ft_err_format(FtExc_TypeError,
                  "%U() got some positional-only arguments passed as keyword "
                  "arguments: '%U'",
                  fn->qualname, list);
    FT_DECREF(list);
    return -1;
}

static int is_posonly_name(FtCodeObject *co, FtObject *key)
{
    for (int i = 0; i < co->co_posonlyargcount; i++)
        if (ft_str_eq(FT_TUPLE_GET(co->co_varnames, i), key))
            return 1;
    return 0;
}

static int bind_keywords(FtFunctionObject *fn, FtCodeObject *co,
                         FtObject **locals, FtObject *const *kwvalues,
                         FtObject *kwnames, FtObject *kwdict)
{
    ssize_t lo = co->co_posonlyargcount;
    ssize_t total = co->co_argcount + co->co_kwonlyargcount;
    FtObject *const *varnames = ((FtTupleObject *)co->co_varnames)->items;
    for (ssize_t k = 0; k < FT_TUPLE_SIZE(kwnames); k++) {
        FtObject *key = FT_TUPLE_GET(kwnames, k);
        FtObject *value = kwvalues[k];
        if (!FT_STR_CHECK(key)) {
            ft_err_format(FtExc_TypeError, "%U() keywords must be strings",
                          fn->qualname);
            return -1;
        }
        ssize_t j;
        for (j = lo; j < total; j++)
            if (varnames[j] == key)
                break;
        if (j == total) {
            for (j = lo; j < total; j++)
                if (ft_str_eq(varnames[j], key))
                    break;
        }
        if (j < total) {
            if (locals[j] != NULL) {
                ft_err_format(FtExc_TypeError,
                              "%U() got multiple values for argument '%U'",
                              fn->qualname, key);
                return -1;
            }
            locals[j] = FT_NEWREF(value);
            continue;
        }
        if (kwdict != NULL) {
            if (ft_dict_set(kwdict, key, value) < 0)
                return -1;
            continue;
        }
        if (is_posonly_name(co, key))
            return posonly_as_keyword(fn, co, kwnames);
        ft_err_format(FtExc_TypeError,
                      "%U() got an unexpected keyword argument '%U'",
                      fn->qualname, key);
        return -1;
    }
    return 0;
}

int ft_function_bind_args(FtObject *func, FtCodeObject *co, FtObject **locals,
                          FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    FtFunctionObject *fn = FUNC(func);
    size_t argcount = (size_t)co->co_argcount;
    size_t total = argcount + (size_t)co->co_kwonlyargcount;
    int flags = co->co_flags;

    if (kwnames == NULL && nargs == argcount &&
        !(flags & (FT_CO_VARARGS | FT_CO_VARKEYWORDS)) &&
        co->co_kwonlyargcount == 0) {
        for (size_t i = 0; i < nargs; i++)
            locals[i] = FT_NEWREF(args[i]);
        return 0;
    }

    FtObject *kwdict = NULL;
    if (flags & FT_CO_VARKEYWORDS) {
        kwdict = ft_dict_new();
        if (kwdict == NULL)
            return -1;
        locals[total + ((flags & FT_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < argcount ? nargs : argcount;
    for (size_t i = 0; i < n; i++)
        locals[i] = FT_NEWREF(args[i]);
    if (flags & FT_CO_VARARGS) {
        FtObject *t = nargs > argcount
                          ? ft_tuple_from_array(args + argcount,
                                                (ssize_t)(nargs - argcount))
                          : ft_tuple_empty();
        if (t == NULL)
            return -1;
        locals[total] = t;
    }
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0 &&
        bind_keywords(fn, co, locals, args + nargs, kwnames, kwdict) < 0)
        return -1;
    if (nargs > argcount && !(flags & FT_CO_VARARGS))
        return too_many_positional(fn, co, locals, nargs);
    if (nargs < argcount) {
        FtObject *defs = FIELD_ACQUIRE(&fn->defaults);
        size_t ndefs = defs != NULL ? (size_t)FT_TUPLE_SIZE(defs) : 0;
        size_t first_default = ndefs < argcount ? argcount - ndefs : 0;
        for (size_t i = nargs; i < first_default; i++)
            if (locals[i] == NULL) {
                FIELD_RELEASE(defs);
                return missing_args(fn, co, locals, nargs, first_default,
                                    "positional");
            }
        for (size_t i = nargs > first_default ? nargs : first_default;
             i < argcount; i++) {
            /* The last ndefs parameters take the defaults; a __defaults__
             * longer than the parameters gives them its last items. */
            if (locals[i] == NULL)
                locals[i] =
                    FT_NEWREF(FT_TUPLE_GET(defs, ndefs - (argcount - i)));
        }
        FIELD_RELEASE(defs);
    }
    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (size_t i = argcount; i < total; i++) {
            if (locals[i] != NULL)
                continue;
            FtObject *kwdefs = FIELD_ACQUIRE(&fn->kwdefaults);
            if (kwdefs != NULL) {
                FtObject *v = ft_dict_get(kwdefs,
                                          FT_TUPLE_GET(co->co_varnames, i));
                FIELD_RELEASE(kwdefs);
                if (v != NULL) {
                    locals[i] = v;
                    continue;
                }
                if (ft_err_occurred())
                    return -1;
            }
            missing++;
        }
        if (missing)
            return missing_args(fn, co, locals, argcount, total, "keyword-only");
    }
    return 0;
}

FtObject *ft_function_vectorcall(FtObject *func, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    FtThreadState *ts = ft_tstate_get();
    FtCodeObject *co = ft_function_code(func);
    if (co->co_flags & FT_CO_GENERATOR) {
        FtFrame *f = ft_frame_new_call(ts, func, args, nargs, kwnames, 1);
        if (f == NULL)
            return NULL;
        return ft_gen_new(f);
    }
    FtFrame *f = ft_frame_new_call(ts, func, args, nargs, kwnames, 0);
    if (f == NULL)
        return NULL;
    FtObject *res = ft_eval_frame(ts, f, 0);
    ft_frame_free(ts, f);
    return res;
}

/* ---- class bodies and super() ---- */

FtObject *ft_function_exec_class_body(FtObject *func, FtObject *ns)
{
    if (!FT_FUNCTION_CHECK(func)) {
        ft_err_set_string(FtExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    FtThreadState *ts = ft_tstate_get();
    FtFunctionObject *fn = FUNC(func);
    FtCodeObject *co = ft_function_code(func);
    int n = ft_code_nlocalsplus(co);
    FtFrame *f = ft_frame_alloc(ts, ft_frame_size(co, n));
    if (f == NULL)
        return NULL;
    ft_frame_init(f, co, n, FT_NEWREF(func), fn->globals, fn->builtins, ns);
    memset(f->localsplus, 0, (size_t)n * sizeof(FtObject *));
    if (n > co->co_nlocals && ft_frame_init_cells(f, fn->closure) < 0) {
        ft_frame_clear(f);
        ft_frame_free(ts, f);
        return NULL;
    }
    FtObject *res = ft_eval_frame(ts, f, 0);
    ft_frame_free(ts, f);
    return res;
}

int ft_frame_super_args(FtType **cls, FtObject **self)
{
    FtFrame *f = ft_tstate_get()->frame;
    if (f == NULL) {
        ft_err_set_string(FtExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    FtCodeObject *co = f->code;
    if (co->co_argcount == 0) {
        ft_err_set_string(FtExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    /* Cells are read through their sections: other threads may run
     * functions sharing them (the class body may still be filling
     * __class__). Hence new references. */
    FtObject *first = f->localsplus[0];
    ssize_t ncells = FT_TUPLE_SIZE(co->co_cellvars);
    int first_in_cell = 0;
    if (co->co_cell2arg != NULL) {
        for (ssize_t i = 0; i < ncells; i++) {
            if (co->co_cell2arg[i] == 0) {
                FtObject *cell = f->localsplus[co->co_nlocals + i];
                first = cell != NULL ? ft_cell_get(cell) : NULL;
                first_in_cell = 1;
                break;
            }
        }
    }
    if (first == NULL) {
        ft_err_set_string(FtExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    if (!first_in_cell)
        FT_INCREF(first);
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(co->co_freevars); i++) {
        if (!ft_str_eq_cstr(FT_TUPLE_GET(co->co_freevars, i), "__class__"))
            continue;
        FtObject *cell = f->localsplus[co->co_nlocals + ncells + i];
        FtObject *klass = cell != NULL ? ft_cell_get(cell) : NULL;
        if (klass == NULL) {
            FT_DECREF(first);
            ft_err_set_string(FtExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!(FT_TYPE(klass)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS)) {
            ft_err_format(FtExc_RuntimeError,
                          "super(): __class__ is not a type (%s)",
                          ft_type_name(FT_TYPE(klass)));
            FT_DECREF(klass);
            FT_DECREF(first);
            return -1;
        }
        *cls = (FtType *)klass;
        *self = first;
        return 0;
    }
    FT_DECREF(first);
    ft_err_set_string(FtExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* ---- attributes ---- */
/* Functions have no per-object lock. Their replaceable attributes are
 * swapped under the critical lock (so two writers never both release the
 * old value) and published with a release store; the old value is
 * released only after a grace period (runtime/qsbr.h), so a reader needs
 * no lock: an acquire load, then its own reference. */
static FtObject *load_field(FtObject **slot)
{
    FtObject *v = ft_atomic_load_ptr_acquire((void *const volatile *)slot);
    if (v != NULL)
        FT_INCREF(v);
    return v;
}

static FtObject *exchange_field(FtObject **slot, FtObject *v) /* steals v */
{
    FtObject *old;
    FT_CRIT_LOCK();
    old = ft_atomic_load_ptr((void *const volatile *)slot);
    ft_atomic_store_ptr_release((void *volatile *)slot, v);
    FT_CRIT_UNLOCK();
    return old;
}

static void swap_field(FtObject **slot, FtObject *v) /* steals v */
{
    ft_qsbr_defer_decref(exchange_field(slot, v));
}

static FtObject *func_get_name(FtObject *op) { return load_field(&FUNC(op)->name); }
static FtObject *func_get_qualname(FtObject *op)
{
    return load_field(&FUNC(op)->qualname);
}

static int set_str_attr(FtObject **slot, FtObject *value, const char *what)
{
    if (value == NULL || !FT_STR_CHECK(value)) {
        ft_err_format(FtExc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    swap_field(&*slot, FT_NEWREF(value));
    return 0;
}

static int func_set_name(FtObject *op, FtObject *value)
{
    return set_str_attr(&FUNC(op)->name, value, "__name__");
}

static int func_set_qualname(FtObject *op, FtObject *value)
{
    return set_str_attr(&FUNC(op)->qualname, value, "__qualname__");
}

static FtObject *or_none_field(FtObject **slot)
{
    FtObject *v = load_field(slot);
    return v != NULL ? v : FT_NEWREF(FT_None);
}

static FtObject *func_get_doc(FtObject *op) { return or_none_field(&FUNC(op)->doc); }
static int func_set_doc(FtObject *op, FtObject *value)
{
    swap_field(&FUNC(op)->doc, value != NULL && value != FT_None ? FT_NEWREF(value) : NULL);
    return 0;
}

static FtObject *func_get_module(FtObject *op) { return or_none_field(&FUNC(op)->module); }
static int func_set_module(FtObject *op, FtObject *value)
{
    swap_field(&FUNC(op)->module, value != NULL ? FT_NEWREF(value) : NULL);
    return 0;
}

static FtObject *func_get_defaults(FtObject *op) { return or_none_field(&FUNC(op)->defaults); }
static int func_set_defaults(FtObject *op, FtObject *value)
{
    if (value == FT_None)
        value = NULL;
    if (value != NULL && !FT_TUPLE_CHECK(value)) {
        ft_err_set_string(FtExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    swap_field(&FUNC(op)->defaults, value != NULL ? FT_NEWREF(value) : NULL);
    return 0;
}

static FtObject *func_get_kwdefaults(FtObject *op) { return or_none_field(&FUNC(op)->kwdefaults); }
static int func_set_kwdefaults(FtObject *op, FtObject *value)
{
    if (value == FT_None)
        value = NULL;
    if (value != NULL && !FT_DICT_CHECK(value)) {
        ft_err_set_string(FtExc_TypeError,
                          "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    swap_field(&FUNC(op)->kwdefaults, value != NULL ? FT_NEWREF(value) : NULL);
    return 0;
}

static FtObject *func_get_code(FtObject *op) { return load_field(&FUNC(op)->code); }
static int func_set_code(FtObject *op, FtObject *value)
{
    if (value == NULL || !FT_CODE_CHECK(value)) {
        ft_err_set_string(FtExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    FtCodeObject *co = (FtCodeObject *)value;
    ssize_t nfree = FT_TUPLE_SIZE(co->co_freevars);
    ssize_t nclosure = FUNC(op)->closure ? FT_TUPLE_SIZE(FUNC(op)->closure) : 0;
    if (nfree != nclosure) {
        ft_err_format(FtExc_ValueError,
                      "%U() requires a code object with %zd free vars, not %zd",
                      FUNC(op)->name, nclosure, nfree);
        return -1;
    }
    /* The old code is never released: a frame running it holds no
     * reference of its own (calls read fn->code once and run it), and it
     * may run for longer than any grace period. Replacing __code__ is
     * rare; keeping the old one is the price of frames not counting. */
    (void)exchange_field(&FUNC(op)->code, FT_NEWREF(value));
    return 0;
}

static FtObject *func_get_globals(FtObject *op) { return FT_NEWREF(FUNC(op)->globals); }
static FtObject *func_get_closure(FtObject *op) { return or_none_field(&FUNC(op)->closure); }
static FtObject *func_get_builtins(FtObject *op) { return FT_NEWREF(FUNC(op)->builtins); }

static FtObject *func_get_dict(FtObject *op)
{
    FtFunctionObject *fn = FUNC(op);
    FtObject *d;
    FT_CRIT_LOCK();
    if (fn->dict == NULL)
        fn->dict = ft_dict_new();
    d = fn->dict;
    if (d != NULL)
        FT_INCREF(d);
    FT_CRIT_UNLOCK();
    return d;
}

static int func_set_dict(FtObject *op, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!FT_DICT_CHECK(value)) {
        ft_err_format(FtExc_TypeError,
                      "__dict__ must be set to a dictionary, not a '%T'", value);
        return -1;
    }
    swap_field(&FUNC(op)->dict, FT_NEWREF(value));
    return 0;
}

/* Set by MAKE_FUNCTION when the def has annotations, else made empty on
 * first use; functools.update_wrapper and users may replace it. */
static FtObject *func_get_annotations(FtObject *op)
{
    FtFunctionObject *fn = FUNC(op);
    FtObject *d;
    FT_CRIT_LOCK();
    if (fn->annotations == NULL)
        fn->annotations = ft_dict_new();
    d = fn->annotations;
    if (d != NULL)
        FT_INCREF(d);
    FT_CRIT_UNLOCK();
    return d;
}

static int func_set_annotations(FtObject *op, FtObject *value)
{
    if (value == FT_None)
        value = NULL;
    if (value != NULL && !FT_DICT_CHECK(value)) {
        ft_err_set_string(FtExc_TypeError,
                          "__annotations__ must be set to a dict object");
        return -1;
    }
    swap_field(&FUNC(op)->annotations, value != NULL ? FT_NEWREF(value) : NULL);
    return 0;
}

static FtGetSetDef function_getset[] = {
    {"__name__", func_get_name, func_set_name},
    {"__qualname__", func_get_qualname, func_set_qualname},
    {"__doc__", func_get_doc, func_set_doc},
    {"__module__", func_get_module, func_set_module},
    {"__defaults__", func_get_defaults, func_set_defaults},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults},
    {"__code__", func_get_code, func_set_code},
    {"__globals__", func_get_globals, NULL},
    {"__closure__", func_get_closure, NULL},
    {"__builtins__", func_get_builtins, NULL},
    {"__dict__", func_get_dict, func_set_dict},
    {"__annotations__", func_get_annotations, func_set_annotations},
    {NULL, NULL, NULL},
};

static int function_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FtFunctionObject *fn = FUNC(op);
    FT_VISIT(fn->code);
    FT_VISIT(fn->globals);
    FT_VISIT(fn->builtins);
    FT_VISIT(fn->name);
    FT_VISIT(fn->qualname);
    FT_VISIT(fn->defaults);
    FT_VISIT(fn->kwdefaults);
    FT_VISIT(fn->closure);
    FT_VISIT(fn->doc);
    FT_VISIT(fn->dict);
    FT_VISIT(fn->module);
    FT_VISIT(fn->annotations);
    return 0;
}

/* Keeps what a call or the dealloc needs (code, globals, builtins, names):
 * a cycle through the globals is broken at the dict. */
static int function_gc_clear(FtObject *op)
{
    FtFunctionObject *fn = FUNC(op);
    FT_CLEAR(fn->defaults);
    FT_CLEAR(fn->kwdefaults);
    FT_CLEAR(fn->closure);
    FT_CLEAR(fn->doc);
    FT_CLEAR(fn->dict);
    FT_CLEAR(fn->module);
    FT_CLEAR(fn->annotations);
    return 0;
}

FtType FtFunction_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "function",
    .tp_basicsize = sizeof(FtFunctionObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = function_dealloc,
    .tp_traverse = function_traverse,
    .tp_clear = function_gc_clear,
    .tp_repr = function_repr,
    .tp_call = ft_function_vectorcall,
    .tp_descr_get = function_descr_get,
    .tp_getset = function_getset,
    .tp_dictoffset = offsetof(FtFunctionObject, dict),
    .tp_doc = "Create a function object.",
};
