/* interp/sysframe.c — sys._getframe(): frames are not objects in ftpy (they
 * live in the thread's frame stack and die with the call), so _getframe
 * returns snapshots of the calling chain taken at the time of the call:
 * f_globals, f_builtins, f_locals (a copy for function frames), f_code,
 * f_lineno (of the last call made from the frame) and f_back.
 */
#include "interp/frame.h"
#include "interp/modules.h"
#include "objects/object.h"
#include "objects/typeobject.h"

typedef struct FtFrameSnap {
    FT_OBJECT_HEAD
    FtObject *back; /* snapshot of the caller, or NULL */
    FtObject *code;
    FtObject *globals;
    FtObject *builtins;
    FtObject *locals;
    int lineno;
} FtFrameSnap;

extern FtType FtFrameSnap_Type;
#define SNAP(o) ((FtFrameSnap *)(o))

/* The frame's locals: its dict for module code and class bodies, else a
 * new dict of the bound fast locals and cell contents. */
static FtObject *frame_locals(FtFrame *f)
{
    if (f->locals != NULL)
        return FT_NEWREF(f->locals);
    FtCodeObject *co = f->code;
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    ssize_t ncell = FT_TUPLE_SIZE(co->co_cellvars);
    ssize_t nfree = FT_TUPLE_SIZE(co->co_freevars);
    for (ssize_t i = 0; i < co->co_nlocals + ncell + nfree; i++) {
        FtObject *name, *v = f->localsplus[i];
        if (i < co->co_nlocals) {
            name = FT_TUPLE_GET(co->co_varnames, i);
            if (v != NULL)
                FT_INCREF(v);
        } else {
            name = i < co->co_nlocals + ncell
                       ? FT_TUPLE_GET(co->co_cellvars, i - co->co_nlocals)
                       : FT_TUPLE_GET(co->co_freevars,
                                      i - co->co_nlocals - ncell);
            v = v != NULL && FT_TYPE(v) == &FtCell_Type ? ft_cell_get(v) : NULL;
        }
        if (v == NULL)
            continue;
        int r = ft_dict_set(d, name, v);
        FT_DECREF(v);
        if (r < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static FtObject *snap_one(FtFrame *f)
{
    FtFrameSnap *s = (FtFrameSnap *)ft_object_new(&FtFrameSnap_Type);
    if (s == NULL)
        return NULL;
    s->code = FT_NEWREF(f->code);
    s->globals = FT_NEWREF(f->globals);
    s->builtins = f->builtins != NULL ? FT_NEWREF(f->builtins) : NULL;
    s->locals = frame_locals(f);
    ssize_t i = f->ip != NULL ? (ssize_t)(f->ip - f->code->co_code) - 1 : -1;
    s->lineno = ft_code_line(f->code, i);
    if (s->locals == NULL) {
        FT_DECREF(s);
        return NULL;
    }
    return (FtObject *)s;
}

static FtObject *sys_getframe(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("_getframe", nargs, 0, 1) < 0)
        return NULL;
    int64_t depth = 0;
    if (nargs == 1 && ft_number_as_i64(args[0], &depth) < 0)
        return NULL;
    FtFrame *f = ft_tstate_get()->frame;
    for (; f != NULL && depth > 0; depth--)
        f = f->back;
    if (f == NULL) {
        ft_err_set_string(FtExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    /* the chain is snapshotted outermost last; link each to its caller */
    FtObject *first = snap_one(f), *prev = first;
    for (f = f->back; prev != NULL && f != NULL; f = f->back) {
        FtObject *s = snap_one(f);
        if (s == NULL) {
            FT_DECREF(first);
            return NULL;
        }
        SNAP(prev)->back = s;
        prev = s;
    }
    return first;
}

static FtMethodDef getframe_def = {
    "_getframe", sys_getframe, 0,
    "Return a frame object from the call stack."};

int ft_sysframe_add(FtObject *sys)
{
    if (!(FtFrameSnap_Type.tp_flags & FT_TPFLAGS_READY) &&
        ft_type_ready(&FtFrameSnap_Type) < 0)
        return -1;
    FtObject *fn = ft_cfunction_new(&getframe_def, sys);
    if (fn == NULL)
        return -1;
    int r = ft_module_add_object(sys, "_getframe", fn);
    FT_DECREF(fn);
    return r;
}

/* A long f_back chain is released in a loop, not by recursion. */
static void snap_dealloc(FtObject *op)
{
    FtObject *next = SNAP(op)->back;
    SNAP(op)->back = NULL;
    FT_CLEAR(SNAP(op)->code);
    FT_CLEAR(SNAP(op)->globals);
    FT_CLEAR(SNAP(op)->builtins);
    FT_CLEAR(SNAP(op)->locals);
    ft_object_free(op);
    while (next != NULL && ft_refcnt(next) == 1 &&
           FT_TYPE(next) == &FtFrameSnap_Type) {
        FtObject *after = SNAP(next)->back;
        SNAP(next)->back = NULL;
        FT_DECREF(next);
        next = after;
    }
    FT_XDECREF(next);
}

static int snap_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FT_VISIT(SNAP(op)->back);
    FT_VISIT(SNAP(op)->code);
    FT_VISIT(SNAP(op)->globals);
    FT_VISIT(SNAP(op)->builtins);
    FT_VISIT(SNAP(op)->locals);
    return 0;
}

static int snap_clear(FtObject *op)
{
    FT_CLEAR(SNAP(op)->back);
    FT_CLEAR(SNAP(op)->globals);
    FT_CLEAR(SNAP(op)->builtins);
    FT_CLEAR(SNAP(op)->locals);
    return 0;
}

static FtObject *or_none(FtObject *o) { return FT_NEWREF(o ? o : FT_None); }
static FtObject *snap_back(FtObject *s) { return or_none(SNAP(s)->back); }
static FtObject *snap_code(FtObject *s) { return or_none(SNAP(s)->code); }
static FtObject *snap_globals(FtObject *s) { return or_none(SNAP(s)->globals); }
static FtObject *snap_locals(FtObject *s) { return or_none(SNAP(s)->locals); }
static FtObject *snap_builtins(FtObject *s)
{
    return or_none(SNAP(s)->builtins);
}
static FtObject *snap_lineno(FtObject *s)
{
    return ft_int_from_i64(SNAP(s)->lineno);
}

static FtObject *snap_repr(FtObject *s)
{
    FtCodeObject *co = (FtCodeObject *)SNAP(s)->code;
    if (co == NULL)
        return ft_str_from_format("<frame at %p>", (void *)s);
    return ft_str_from_format("<frame at %p, file '%s', line %d, code %s>",
                              (void *)s, ft_str_cstr(co->co_filename),
                              SNAP(s)->lineno, ft_str_cstr(co->co_name));
}

static FtGetSetDef snap_getset[] = {
    {"f_back", snap_back, NULL},         {"f_code", snap_code, NULL},
    {"f_globals", snap_globals, NULL},   {"f_locals", snap_locals, NULL},
    {"f_builtins", snap_builtins, NULL}, {"f_lineno", snap_lineno, NULL},
    {NULL, NULL, NULL},
};

FtType FtFrameSnap_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "frame",
    .tp_basicsize = sizeof(FtFrameSnap),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = snap_dealloc,
    .tp_traverse = snap_traverse,
    .tp_clear = snap_clear,
    .tp_repr = snap_repr,
    .tp_getset = snap_getset,
};
