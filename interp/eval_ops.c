/* interp/eval_ops.c — the eval loop's slow paths: name lookups that miss
 * the caches, unpacking, imports, raise, f-string formatting, the
 * container-building helpers, calls with star-args and keyword dicts, the with
 * statement's __enter__/__exit__ lookup, and filling the attribute caches.
 * Kept out of eval.c so the dispatch loop stays small and readable.
 */
#include "interp/frame.h"
#include "interp/inline_cache.h"
#include "interp/import.h"
#include "interp/modules.h"
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/tstate.h"

#include <stdio.h>
#include <string.h>

/* Inline caches are filled here and read in eval.c, in every build:
 * without a GIL each slot is a seqlock (interp/inline_cache.h), and what a
 * slot points to outlives its replacement by a grace period. */

/* ---- unbound names ---- */

void ft_ev_unbound_local(FtCodeObject *co, int oparg)
{
    ft_err_format(FtExc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not "
                  "associated with a value",
                  FT_TUPLE_GET(co->co_varnames, oparg));
}

void ft_ev_unbound_deref(FtCodeObject *co, int oparg)
{
    ssize_t ncells = FT_TUPLE_SIZE(co->co_cellvars);
    if (oparg < ncells) {
        ft_err_format(FtExc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not "
                      "associated with a value",
                      FT_TUPLE_GET(co->co_cellvars, oparg));
    } else {
        ft_err_format(FtExc_NameError,
                      "cannot access free variable '%U' where it is not "
                      "associated with a value in enclosing scope",
                      FT_TUPLE_GET(co->co_freevars, oparg - ncells));
    }
}

static void name_error(FtObject *name)
{
    ft_err_format(FtExc_NameError, "name '%U' is not defined", name);
}

/* ---- namespaces ---- */

/* Looks name up in a locals mapping: new ref, or NULL with no exception
 * when it is missing. */
static FtObject *mapping_lookup(FtObject *map, FtObject *name)
{
    if (FT_DICT_CHECK_EXACT(map))
        return ft_dict_get_hashed(map, name, ft_dict_hash_key(name));
    FtObject *v = ft_object_getitem(map, name);
    if (v == NULL && ft_err_matches(FtExc_KeyError))
        ft_err_clear();
    return v;
}

static FtObject *global_lookup(FtFrame *f, FtObject *name)
{
    ft_hash_t h = ft_dict_hash_key(name);
    FtObject *v = ft_dict_get_hashed(f->globals, name, h);
    if (v != NULL || ft_err_occurred())
        return v;
    v = ft_dict_get_hashed(f->builtins, name, h);
    if (v == NULL && !ft_err_occurred())
        name_error(name);
    return v;
}

FtObject *ft_ev_load_name(FtFrame *f, FtObject *name)
{
    if (f->locals == NULL) {
        ft_err_format(FtExc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    FtObject *v = mapping_lookup(f->locals, name);
    if (v != NULL || ft_err_occurred())
        return v;
    return global_lookup(f, name);
}

FtObject *ft_ev_load_global(FtFrame *f, FtObject *name, FtInlineCache *c)
{
    ft_hash_t h = ft_dict_hash_key(name);
    FtObject *v = ft_dict_get_hashed(f->globals, name, h);
    if (v == NULL) {
        if (ft_err_occurred())
            return NULL;
        v = ft_dict_get_hashed(f->builtins, name, h);
        if (v == NULL) {
            if (!ft_err_occurred())
                name_error(name);
            return NULL;
        }
    }
#ifdef FT_DICT_HAS_KEYS_VERSION
    /* Remember where the value lives; valid while neither key set
     * changes (the globals' one also guards names found in builtins). The
     * versions are read first and checked again after: without a GIL the
     * key sets may change meanwhile, and a slot must never be recorded
     * with versions newer than its table. */
    uint64_t gv = FT_DICT_KEYS_VERSION(f->globals);
    uint64_t bv = FT_DICT_KEYS_VERSION(f->builtins);
    FtObject **slot = ft_dict_value_slot(f->globals, name, h);
    if (slot == NULL)
        slot = ft_dict_value_slot(f->builtins, name, h);
    if (ft_err_occurred())
        ft_err_clear();
    if (slot != NULL && gv == FT_DICT_KEYS_VERSION(f->globals) &&
        bv == FT_DICT_KEYS_VERSION(f->builtins))
        ft_ic_fill(c, slot, gv, bv, NULL, 0);
#else
    /* The dicts keep v alive for as long as their versions match. */
    ft_ic_fill(c, NULL, ft_dict_version(f->globals),
               ft_dict_version(f->builtins), v, 0);
#endif
    return v;
}

FtObject *ft_ev_load_classderef(FtFrame *f, int oparg)
{
    FtCodeObject *co = f->code;
    ssize_t ncells = FT_TUPLE_SIZE(co->co_cellvars);
    FtObject *name = oparg < ncells
                         ? FT_TUPLE_GET(co->co_cellvars, oparg)
                         : FT_TUPLE_GET(co->co_freevars, oparg - ncells);
    if (f->locals != NULL) {
        FtObject *v = mapping_lookup(f->locals, name);
        if (v != NULL || ft_err_occurred())
            return v;
    }
    FtObject *v = ft_cell_get(f->localsplus[co->co_nlocals + oparg]);
    if (v == NULL)
        ft_ev_unbound_deref(co, oparg);
    return v;
}

int ft_ev_store_name(FtFrame *f, FtObject *name, FtObject *v)
{
    if (f->locals == NULL) {
        ft_err_format(FtExc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (FT_DICT_CHECK_EXACT(f->locals))
        return ft_dict_set_hashed(f->locals, name, ft_dict_hash_key(name), v);
    return ft_object_setitem(f->locals, name, v);
}

static int delete_from(FtObject *map, FtObject *name)
{
    int rc = FT_DICT_CHECK_EXACT(map) ? ft_dict_del(map, name)
                                      : ft_object_delitem(map, name);
    if (rc < 0 && ft_err_matches(FtExc_KeyError)) {
        ft_err_clear();
        name_error(name);
    }
    return rc;
}

int ft_ev_delete_name(FtFrame *f, FtObject *name)
{
    if (f->locals == NULL) {
        ft_err_format(FtExc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    return delete_from(f->locals, name);
}

int ft_ev_delete_global(FtFrame *f, FtObject *name)
{
    return delete_from(f->globals, name);
}

/* ---- unpacking ---- */

/* ft_ev_unpack for an exact tuple or list: its items as they are at one
 * moment (a list's copied in one critical section), without an iterator
 * or a lock per item. The errors are the iterating path's. */
static int unpack_exact(FtObject *seq, int before, int after, FtObject **out)
{
    FtObject *copy = NULL;
    FtObject *const *items;
    ssize_t n;
    if (FT_TUPLE_CHECK_EXACT(seq)) {
        items = ((FtTupleObject *)seq)->items;
        n = FT_TUPLE_SIZE(seq);
    } else {
        if ((copy = ft_list_from_iterable(seq)) == NULL)
            return -1;
        items = FT_LIST_ITEMS(copy);
        n = FT_LIST_SIZE(copy);
    }
    int total = after < 0 ? before : before + 1 + after;
    int r = -1;
    if (after < 0 && n > before) {
        ft_err_format(FtExc_ValueError,
                      "too many values to unpack (expected %d)", before);
    } else if (after < 0 && n < before) {
        ft_err_format(FtExc_ValueError,
                      "not enough values to unpack (expected %d, got %zd)",
                      before, n);
    } else if (after >= 0 && n < (ssize_t)before + after) {
        ft_err_format(FtExc_ValueError,
                      "not enough values to unpack (expected at least %d, "
                      "got %zd)",
                      before + after, n);
    } else {
        if (after >= 0) {
            FtObject *middle =
                ft_list_from_array(items + before, n - before - after);
            if (middle == NULL)
                goto done;
            out[after] = middle;
            for (int j = 0; j < after; j++)
                out[j] = FT_NEWREF(items[n - 1 - j]);
        }
        for (int i = 0; i < before; i++)
            out[total - 1 - i] = FT_NEWREF(items[i]);
        r = 0;
    }
done:
    FT_XDECREF(copy);
    return r;
}

int ft_ev_unpack(FtObject *seq, int before, int after, FtObject **out)
{
    if (FT_TUPLE_CHECK_EXACT(seq) || FT_LIST_CHECK_EXACT(seq))
        return unpack_exact(seq, before, after, out);
    int total = after < 0 ? before : before + 1 + after;
    /* The iterator never leaves this function (ft_object_iter_private). */
    FtObject *it = ft_object_iter_private(seq);
    if (it == NULL) {
        if (ft_err_matches(FtExc_TypeError) && FT_TYPE(seq)->tp_iter == NULL &&
            FT_TYPE(seq)->tp_getitem == NULL) {
            ft_err_clear();
            ft_err_format(FtExc_TypeError, "cannot unpack non-iterable %s object",
                          ft_type_name(FT_TYPE(seq)));
        }
        return -1;
    }
    int i;
    for (i = 0; i < before; i++) {
        FtObject *v = ft_iter_next(it);
        if (v == NULL) {
            if (!ft_err_occurred()) {
                if (after < 0)
                    ft_err_format(FtExc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)",
                                  before, i);
                else
                    ft_err_format(FtExc_ValueError,
                                  "not enough values to unpack (expected at "
                                  "least %d, got %d)",
                                  before + after, i);
            }
            goto fail;
        }
        out[total - 1 - i] = v;
    }
    if (after < 0) {
        FtObject *extra = ft_iter_next(it);
        if (extra != NULL) {
            FT_DECREF(extra);
            ft_err_format(FtExc_ValueError,
                          "too many values to unpack (expected %d)", before);
            goto fail;
        }
        if (ft_err_occurred())
            goto fail;
        FT_DECREF(it);
        return 0;
    }
    FtObject *rest = ft_list_from_iterable(it);
    if (rest == NULL)
        goto fail;
    ssize_t n = ft_list_size(rest);
    if (n < after) {
        FT_DECREF(rest);
        ft_err_format(FtExc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      before + after, (ssize_t)before + n);
        goto fail;
    }
    /* The trailing items come off the end of the list. */
    for (int j = 0; j < after; j++) {
        FtObject *v = ft_list_pop(rest, -1);
        if (v == NULL) {
            for (int k = 0; k < j; k++)
                FT_DECREF(out[k]);
            FT_DECREF(rest);
            goto fail;
        }
        out[j] = v;
    }
    out[after] = rest;
    FT_DECREF(it);
    return 0;
fail:
    for (int k = 0; k < i; k++)
        FT_DECREF(out[total - 1 - k]);
    FT_DECREF(it);
    return -1;
}

/* ---- imports ---- */

FtObject *ft_ev_import_name(FtFrame *f, FtObject *name, FtObject *fromlist,
                            FtObject *level)
{
    int lv = 0;
    if (level != FT_None) {
        if (!FT_INT_CHECK(level)) {
            ft_err_set_string(FtExc_TypeError, "import level must be an int");
            return NULL;
        }
        lv = (int)ft_int_value(level);
    }
    return ft_import_name_level(name, f->globals, fromlist, lv);
}

/* `from m import name`: the attribute, or the submodule m.name that a
 * circular import has put in sys.modules but not yet bound on m. */
FtObject *ft_ev_import_from(FtObject *module, FtObject *name)
{
    FtObject *v = ft_object_lookup_attr(module, name);
    if (v != NULL || ft_err_occurred())
        return v;
    FtObject *pkg = ft_object_lookup_attr(module, FT_ID(__name__));
    if (pkg == NULL && ft_err_occurred())
        return NULL;
    if (pkg != NULL && FT_STR_CHECK(pkg)) {
        FtObject *full = ft_str_from_format("%U.%U", pkg, name);
        if (full == NULL) {
            FT_DECREF(pkg);
            return NULL;
        }
        v = ft_dict_get(ft_modules_dict(), full);
        FT_DECREF(full);
        if (v != NULL || ft_err_occurred()) {
            FT_DECREF(pkg);
            return v;
        }
    }
    if (pkg == NULL || !FT_STR_CHECK(pkg)) {
        FT_XDECREF(pkg);
        pkg = ft_str_from_cstr("<unknown module name>");
        if (pkg == NULL)
            return NULL;
    }
    FtObject *file = FT_MODULE_CHECK(module)
                         ? ft_dict_get(FT_MODULE_DICT(module), FT_ID(__file__))
                         : NULL;
    if (file == NULL && ft_err_occurred()) {
        FT_DECREF(pkg);
        return NULL;
    }
    FtObject *msg;
    if (file != NULL && FT_STR_CHECK(file))
        msg = ft_str_from_format(
            FT_MODULE_CHECK(module) && ft_module_is_initializing(module)
                ? "cannot import name %R from partially initialized module %R "
                  "(most likely due to a circular import) (%U)"
                : "cannot import name %R from %R (%U)",
            name, pkg, file);
    else
        msg = ft_str_from_format("cannot import name %R from %R (unknown location)",
                                 name, pkg);
    ft_import_error(FtExc_ImportError, msg, pkg,
                    file != NULL && FT_STR_CHECK(file) ? file : NULL);
    FT_XDECREF(file);
    FT_DECREF(pkg);
    return NULL;
}

int ft_ev_import_star(FtFrame *f, FtObject *module)
{
    if (f->locals == NULL) {
        ft_err_set_string(FtExc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    static FtObject *all_name;
    if (ft_intern_static(&all_name, "__all__") == NULL)
        return -1;
    FtObject *all = ft_object_lookup_attr(module, all_name);
    if (all == NULL && ft_err_occurred())
        return -1;
    int skip_private = 0;
    if (all == NULL) {
        FtObject *dict = ft_object_getattr(module, FT_ID(__dict__));
        if (dict == NULL)
            return -1;
        all = FT_DICT_CHECK(dict) ? ft_dict_keys_list(dict)
                                  : ft_list_from_iterable(dict);
        FT_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_private = 1;
    }
    FtObject *it = ft_object_iter(all);
    FT_DECREF(all);
    if (it == NULL)
        return -1;
    FtObject *name;
    while ((name = ft_iter_next(it)) != NULL) {
        if (skip_private && FT_STR_CHECK(name) && FT_STR_DATA(name)[0] == '_') {
            FT_DECREF(name);
            continue;
        }
        FtObject *v = ft_object_getattr(module, name);
        int rc = v != NULL ? ft_ev_store_name(f, name, v) : -1;
        FT_XDECREF(v);
        FT_DECREF(name);
        if (rc < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

int ft_ev_setup_annotations(FtFrame *f)
{
    if (f->locals == NULL) {
        ft_err_set_string(FtExc_SystemError,
                          "no locals found when setting up annotations");
        return -1;
    }
    FtObject *key = FT_ID(__annotations__);
    int has;
    if (FT_DICT_CHECK(f->locals)) {
        has = ft_dict_contains(f->locals, key);
    } else {
        FtObject *v = ft_object_getitem(f->locals, key);
        has = v != NULL;
        FT_XDECREF(v);
        if (v == NULL) {
            if (!ft_err_matches(FtExc_KeyError))
                return -1;
            ft_err_clear();
        }
    }
    if (has != 0)
        return has < 0 ? -1 : 0;
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return -1;
    int r = FT_DICT_CHECK(f->locals) ? ft_dict_set(f->locals, key, d)
                                     : ft_object_setitem(f->locals, key, d);
    FT_DECREF(d);
    return r;
}

/* ---- raise and except ---- */

/* An exception instance from `raise X` / `from Y` operands: X itself or
 * X() for a class; NULL with *bad = 1 if X is neither. */
static FtObject *exception_instance(FtObject *x, int *bad)
{
    *bad = 0;
    if (ft_exception_class_check(x)) {
        FtObject *inst = ft_call0(x);
        if (inst == NULL)
            return NULL;
        if (!ft_exception_check(inst)) {
            ft_err_format(FtExc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %s",
                          x, ft_type_name(FT_TYPE(inst)));
            FT_DECREF(inst);
            return NULL;
        }
        return inst;
    }
    if (ft_exception_check(x))
        return FT_NEWREF(x);
    *bad = 1;
    return NULL;
}

int ft_ev_raise(FtThreadState *ts, FtObject *exc, FtObject *cause)
{
    if (exc == NULL) {
        if (ts->exc_handled == NULL) {
            ft_err_set_string(FtExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        ft_err_restore(FT_NEWREF(ts->exc_handled));
        return 1;
    }
    if (cause == NULL) {
        ft_err_set_object(exc);
        return 0;
    }
    int bad;
    FtObject *inst = exception_instance(exc, &bad);
    if (inst == NULL) {
        if (bad)
            ft_err_set_string(FtExc_TypeError,
                              "exceptions must derive from BaseException");
        return 0;
    }
    FtObject *c = NULL;
    if (cause != FT_None) {
        c = exception_instance(cause, &bad);
        if (c == NULL) {
            if (bad)
                ft_err_set_string(FtExc_TypeError,
                                  "exception causes must derive from BaseException");
            FT_DECREF(inst);
            return 0;
        }
    }
    FtBaseExceptionObject *e = (FtBaseExceptionObject *)inst;
    if (c != NULL) {
        ft_exc_set_cause(inst, c);
        FT_DECREF(c);
    } else {
        FT_CLEAR(e->cause);
    }
    e->suppress_context = 1;
    ft_err_set_exc(inst);
    FT_DECREF(inst);
    return 0;
}

static int check_catchable(FtObject *type)
{
    if (FT_TUPLE_CHECK(type)) {
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(type); i++)
            if (!ft_exception_class_check(FT_TUPLE_GET(type, i)))
                goto bad;
        return 0;
    }
    if (ft_exception_class_check(type))
        return 0;
bad:
    ft_err_set_string(FtExc_TypeError,
                      "catching classes that do not inherit from BaseException "
                      "is not allowed");
    return -1;
}

int ft_ev_exc_match(FtObject *exc, FtObject *type)
{
    if (check_catchable(type) < 0)
        return -1;
    return ft_exc_matches(exc, type);
}

/* ---- strings ---- */

static FtObject *empty_str(void)
{
    static FtObject *empty;
    return ft_intern_static(&empty, "");
}

/* ascii(): repr with every non-ASCII character escaped. */
static FtObject *ascii_of(FtObject *v)
{
    FtObject *r = ft_object_repr(v);
    if (r == NULL)
        return NULL;
    const unsigned char *s = (const unsigned char *)FT_STR_DATA(r);
    ssize_t n = FT_STR_NBYTES(r), i = 0;
    while (i < n && s[i] < 0x80)
        i++;
    if (i == n)
        return r;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ft_sb_append(&sb, (const char *)s, (size_t)i);
    while (i < n) {
        unsigned char b = s[i];
        uint32_t cp;
        int len;
        if (b < 0x80) {
            ft_sb_append_char(&sb, (char)b);
            i++;
            continue;
        }
        if (b < 0xE0) {
            cp = b & 0x1F;
            len = 2;
        } else if (b < 0xF0) {
            cp = b & 0x0F;
            len = 3;
        } else {
            cp = b & 0x07;
            len = 4;
        }
        for (int k = 1; k < len && i + k < n; k++)
            cp = (cp << 6) | (s[i + k] & 0x3F);
        i += len;
        char buf[16];
        if (cp < 0x100)
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cp);
        else
            snprintf(buf, sizeof buf, "\\U%08x", (unsigned)cp);
        ft_sb_append_cstr(&sb, buf);
    }
    FT_DECREF(r);
    return ft_sb_finish(&sb);
}

FtObject *ft_ev_format_value(FtObject *value, int conversion, FtObject *spec)
{
    FtObject *v;
    switch (conversion) {
    case FT_FVC_STR:
        v = ft_object_str(value);
        break;
    case FT_FVC_REPR:
        v = ft_object_repr(value);
        break;
    case FT_FVC_ASCII:
        v = ascii_of(value);
        break;
    default:
        v = FT_NEWREF(value);
        break;
    }
    if (v == NULL)
        return NULL;
    if (spec == NULL && FT_STR_CHECK_EXACT(v))
        return v;
    if (spec == NULL && (spec = empty_str()) == NULL) {
        FT_DECREF(v);
        return NULL;
    }
    FtObject *res = ft_object_format(v, spec);
    FT_DECREF(v);
    return res;
}

FtObject *ft_ev_build_string(FtObject **items, int n)
{
    if (n == 1 && FT_STR_CHECK_EXACT(items[0]))
        return FT_NEWREF(items[0]);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    for (int i = 0; i < n; i++) {
        if (ft_sb_append_str(&sb, items[i]) < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
    }
    return ft_sb_finish(&sb);
}

int ft_ev_print_expr(FtObject *v)
{
    if (v == FT_None)
        return 0;
    FtObject *builtins = ft_builtins_dict();
    if (builtins != NULL && ft_dict_set_str(builtins, "_", FT_None) < 0)
        return -1;
    FtObject *r = ft_object_repr(v);
    if (r == NULL)
        return -1;
    static FtObject *newline;
    if (ft_intern_static(&newline, "\n") == NULL) {
        FT_DECREF(r);
        return -1;
    }
    int rc = ft_sys_write_stdout(r);
    FT_DECREF(r);
    if (rc < 0 || ft_sys_write_stdout(newline) < 0)
        return -1;
    if (builtins != NULL && ft_dict_set_str(builtins, "_", v) < 0)
        return -1;
    return 0;
}

/* ---- containers and calls ---- */

static int is_iterable_type(FtObject *o)
{
    return FT_TYPE(o)->tp_iter != NULL || FT_TYPE(o)->tp_getitem != NULL;
}

static int is_mapping(FtObject *o)
{
    if (FT_DICT_CHECK(o))
        return 1;
    return ft_object_hasattr(o, FT_ID(keys));
}

/* CPython's _PyObject_FunctionStr: "mod.qualname()" for error messages. */
static FtObject *function_str(FtObject *func)
{
    FtObject *qualname = ft_object_lookup_attr(func, FT_ID(__qualname__));
    if (qualname == NULL) {
        if (ft_err_occurred())
            return NULL;
        return ft_object_str(func);
    }
    FtObject *module = ft_object_lookup_attr(func, FT_ID(__module__));
    FtObject *res;
    if (module != NULL && FT_STR_CHECK(module) &&
        !ft_str_eq_cstr(module, "builtins"))
        res = ft_str_from_format("%U.%U()", module, qualname);
    else
        res = ft_str_from_format("%U()", qualname);
    if (module == NULL && ft_err_occurred())
        ft_err_clear();
    FT_XDECREF(module);
    FT_DECREF(qualname);
    return res;
}

int ft_ev_list_extend(FtObject *list, FtObject *iterable)
{
    if (ft_list_extend(list, iterable) == 0)
        return 0;
    if (ft_err_matches(FtExc_TypeError) && !is_iterable_type(iterable)) {
        ft_err_clear();
        ft_err_format(FtExc_TypeError, "Value after * must be an iterable, not %s",
                      ft_type_name(FT_TYPE(iterable)));
    }
    return -1;
}

int ft_ev_dict_update(FtObject *dict, FtObject *other)
{
    if (FT_DICT_CHECK(other))
        return ft_dict_merge(dict, other, 1);
    int m = is_mapping(other);
    if (m < 0)
        return -1;
    if (!m) {
        ft_err_format(FtExc_TypeError, "'%s' object is not a mapping",
                      ft_type_name(FT_TYPE(other)));
        return -1;
    }
    return ft_dict_update(dict, other);
}

/* A dict with other's items (other itself when it is an exact dict), or
 * NULL + TypeError naming func when other is no mapping. */
static FtObject *as_kwargs_dict(FtObject *func, FtObject *other)
{
    if (FT_DICT_CHECK_EXACT(other))
        return FT_NEWREF(other);
    int m = is_mapping(other);
    if (m < 0)
        return NULL;
    if (!m) {
        FtObject *fs = function_str(func);
        if (fs == NULL)
            return NULL;
        ft_err_format(FtExc_TypeError,
                      "%U argument after ** must be a mapping, not %s", fs,
                      ft_type_name(FT_TYPE(other)));
        FT_DECREF(fs);
        return NULL;
    }
    FtObject *d = ft_dict_new();
    if (d != NULL && ft_dict_update(d, other) < 0)
        FT_CLEAR(d);
    return d;
}

int ft_ev_dict_merge(FtObject *func, FtObject *dict, FtObject *other)
{
    FtObject *src = as_kwargs_dict(func, other);
    if (src == NULL)
        return -1;
    ssize_t pos = 0, size = ft_dict_size(src);
    FtObject *key, *value;
    ft_hash_t hash;
    int rc = 0;
    for (;;) {
        /* src may be the caller's dict: each step takes references (and
         * the stored hash, so no __hash__ runs) in its section, as the
         * lookups below may run Python code that changes src. */
        int more;
        FT_BEGIN_CRITICAL_SECTION(src);
        more = ft_dict_next_hash(src, &pos, &key, &value, &hash);
        if (more) {
            FT_INCREF(key);
            FT_INCREF(value);
        }
        FT_END_CRITICAL_SECTION();
        if (!more)
            break;
        FtObject *old = ft_dict_get_hashed(dict, key, hash);
        int has = old != NULL ? 1 : ft_err_occurred() ? -1 : 0;
        FT_XDECREF(old);
        if (has > 0) {
            FtObject *fs = function_str(func);
            if (fs != NULL) {
                if (FT_STR_CHECK(key))
                    ft_err_format(FtExc_TypeError,
                                  "%U got multiple values for keyword argument '%U'",
                                  fs, key);
                else
                    ft_err_format(FtExc_TypeError, "%U keywords must be strings", fs);
                FT_DECREF(fs);
            }
        }
        if (has == 0)
            has = ft_dict_set_hashed(dict, key, hash, value) < 0 ? -1 : 0;
        FT_DECREF(key);
        FT_DECREF(value);
        if (has != 0) {
            rc = -1;
            break;
        }
        if (ft_dict_size(src) != size) {
            ft_err_set_string(FtExc_RuntimeError, "dict mutated during update");
            rc = -1;
            break;
        }
    }
    FT_DECREF(src);
    return rc;
}

FtObject *ft_ev_call_ex(FtObject *func, FtObject *args, FtObject *kwargs)
{
    FtObject *t, *kw = NULL, *res;
    if (FT_TUPLE_CHECK_EXACT(args)) {
        t = FT_NEWREF(args);
    } else {
        if (!is_iterable_type(args)) {
            FtObject *fs = function_str(func);
            if (fs == NULL)
                return NULL;
            ft_err_format(FtExc_TypeError,
                          "%U argument after * must be an iterable, not %s", fs,
                          ft_type_name(FT_TYPE(args)));
            FT_DECREF(fs);
            return NULL;
        }
        t = ft_tuple_from_iterable(args);
        if (t == NULL)
            return NULL;
    }
    if (kwargs != NULL) {
        kw = as_kwargs_dict(func, kwargs);
        if (kw == NULL) {
            FT_DECREF(t);
            return NULL;
        }
    }
    res = ft_call_tuple_dict(func, t, kw);
    FT_DECREF(t);
    FT_XDECREF(kw);
    return res;
}

FtObject *ft_ev_build_map(FtObject **items, int n)
{
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (ft_dict_set(d, items[2 * i], items[2 * i + 1]) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

FtObject *ft_ev_build_const_key_map(FtObject *keys, FtObject **values, int n)
{
    if (!FT_TUPLE_CHECK(keys) || FT_TUPLE_SIZE(keys) != n) {
        ft_err_set_string(FtExc_SystemError,
                          "bad BUILD_CONST_KEY_MAP keys argument");
        return NULL;
    }
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (ft_dict_set(d, FT_TUPLE_GET(keys, i), values[i]) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

FtObject *ft_ev_str_concat(FtFrame *f, FtObject *l, FtObject *r,
                           ft_codeunit next)
{
#if defined(FT_GIL_NONE)
    /* Without a GIL the in-place append is off: a reference count of 1
     * proves exclusivity only with exact counts (not with biased ones),
     * and dropping the variable's reference from a cell or a namespace
     * dict would let other threads see it unbound for a moment. */
    (void)f;
    (void)next;
    FtObject *res = ft_number_binop(l, r, FT_OP_ADD);
    FT_DECREF(l);
    return res;
#else
    FtCodeObject *co = f->code;
    int arg = FT_ARG(next);
    switch (FT_OP(next)) {
    case FT_OPC_STORE_FAST:
        if (f->localsplus[arg] == l) {
            f->localsplus[arg] = NULL;
            FT_DECREF(l); /* the stack still holds one */
        }
        break;
    case FT_OPC_STORE_DEREF: {
        if (ft_cell_take_if(f->localsplus[co->co_nlocals + arg], l))
            FT_DECREF(l);
        break;
    }
    case FT_OPC_STORE_NAME: {
        FtObject *locals = f->locals;
        if (locals == NULL || !FT_DICT_CHECK_EXACT(locals))
            break;
        FtObject *name = FT_TUPLE_GET(co->co_names, arg);
        FtObject *w = ft_dict_get(locals, name);
        if (w == NULL && ft_err_occurred()) {
            FT_DECREF(l);
            return NULL;
        }
        FT_XDECREF(w);
        if (w == l && ft_dict_del(locals, name) < 0) {
            FT_DECREF(l);
            return NULL;
        }
        break;
    }
    default:
        break;
    }
    if (ft_str_append_inplace(&l, r) < 0) {
        FT_DECREF(l);
        return NULL;
    }
    return l;
#endif
}

/* ---- with ---- */

/* descr bound to obj, as attribute lookup on an instance would do it. */
static FtObject *bind_special(FtObject *descr, FtObject *obj)
{
    ft_descrgetfunc get = FT_TYPE(descr)->tp_descr_get;
    if (get == NULL)
        return FT_NEWREF(descr);
    return get(descr, obj, (FtObject *)FT_TYPE(obj));
}

FtObject *ft_ev_setup_with(FtObject *mgr, FtObject **exit_out)
{
    FtType *tp = FT_TYPE(mgr);
    *exit_out = NULL;
    FtObject *enter = ft_type_lookup_ref(tp, FT_ID(__enter__));
    if (enter == NULL) {
        ft_err_format(FtExc_TypeError,
                      "'%s' object does not support the context manager protocol",
                      ft_type_name(tp));
        return NULL;
    }
    FtObject *exit = ft_type_lookup_ref(tp, FT_ID(__exit__));
    if (exit == NULL) {
        FT_DECREF(enter);
        ft_err_format(FtExc_TypeError,
                      "'%s' object does not support the context manager "
                      "protocol (missed __exit__ method)",
                      ft_type_name(tp));
        return NULL;
    }
    /* New references: both stay alive across the binding of exit (which
     * may run code) and the call, even if the class is changed meanwhile. */
    *exit_out = bind_special(exit, mgr);
    FT_DECREF(exit);
    if (*exit_out == NULL) {
        FT_DECREF(enter);
        return NULL;
    }
    FtObject *res;
    if (FT_FUNCTION_CHECK(enter)) {
        res = ft_call1(enter, mgr);
    } else {
        FtObject *bound = bind_special(enter, mgr);
        res = bound != NULL ? ft_call0(bound) : NULL;
        FT_XDECREF(bound);
    }
    FT_DECREF(enter);
    return res;
}

/* ---- attribute caches ---- */

static int has_generic_getattr(FtType *tp)
{
    return tp->tp_getattr == NULL || tp->tp_getattr == ft_object_generic_getattr;
}

static int has_generic_setattr(FtType *tp)
{
    return tp->tp_setattr == NULL || tp->tp_setattr == ft_object_generic_setattr;
}

void ft_ev_fill_load_attr(FtInlineCache *c, FtObject *owner, FtObject *name,
                          FtObject *result)
{
    FtType *tp = FT_TYPE(owner);
    uint64_t tv = ft_type_version(tp);
    if (tv == 0 || !FT_STR_CHECK_EXACT(name) || ft_ic_gave_up(c))
        return;
    if (tp == &FtModule_Type) {
        if (ft_type_lookup(tp, name) != NULL)
            return;
        FtObject *dict = FT_MODULE_DICT(owner);
        if (dict == NULL || !FT_DICT_CHECK_EXACT(dict))
            return;
        /* Version first: a change after it makes the entry stale, never
         * wrong. */
        uint64_t dv = ft_dict_version(dict);
        FtObject *v = ft_dict_get(dict, name);
        if (v == NULL) {
            if (ft_err_occurred())
                ft_err_clear();
            return;
        }
        FT_DECREF(v); /* the module's dict keeps it */
        if (v != result)
            return;
        ft_ic_fill(c, tp, tv, dv, v, FT_AC_MODULE);
        return;
    }
    /* A negative offset (var-size instances) needs ft_object_dict_ptr's
     * computation: not worth a cache. */
    if (!has_generic_getattr(tp) || tp->tp_dictoffset < 0)
        return;
    FtObject *d = ft_type_lookup(tp, name);
    int kind;
    if (d == NULL) {
        if (tp->tp_dictoffset <= 0)
            return;
        kind = FT_AC_INSTANCE;
    } else {
        FtType *dt = FT_TYPE(d);
        if (dt->tp_descr_get != NULL && dt->tp_descr_set != NULL)
            kind = FT_AC_DATA_DESCR;
        else if (dt->tp_descr_get != NULL)
            kind = FT_AC_CLASS_DESCR;
        else
            kind = FT_AC_CLASS_VALUE;
    }
    if (ft_type_version(tp) == tv)
        ft_ic_fill(c, tp, tv, 0, d, kind);
}

void ft_ev_fill_store_attr(FtInlineCache *c, FtObject *owner, FtObject *name)
{
    FtType *tp = FT_TYPE(owner);
    uint64_t tv = ft_type_version(tp);
    if (tv == 0 || tp->tp_dictoffset <= 0 || !has_generic_setattr(tp) ||
        !FT_STR_CHECK_EXACT(name) || ft_ic_gave_up(c))
        return;
    FtObject *d = ft_type_lookup(tp, name);
    if (d != NULL && FT_TYPE(d)->tp_descr_set != NULL)
        return;
    if (ft_type_version(tp) == tv)
        ft_ic_fill(c, tp, tv, 0, NULL, FT_AC_INSTANCE);
}

void ft_ev_fill_load_method(FtInlineCache *c, FtObject *owner, FtObject *name,
                            FtObject *meth)
{
    FtType *tp = FT_TYPE(owner);
    uint64_t tv = ft_type_version(tp);
    if (tv == 0 || !has_generic_getattr(tp) || tp->tp_dictoffset < 0 ||
        !FT_STR_CHECK_EXACT(name) || ft_ic_gave_up(c))
        return;
    FtObject *d = ft_type_lookup(tp, name);
    if (d != meth ||
        (FT_TYPE(d) != &FtFunction_Type && FT_TYPE(d) != &FtMethodDescr_Type))
        return;
    if (ft_type_version(tp) == tv)
        ft_ic_fill(c, tp, tv, 0, d, 0);
}
