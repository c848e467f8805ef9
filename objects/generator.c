/* objects/generator.c — generator objects: a heap frame that the eval loop
 * suspends at YIELD_VALUE / YIELD_FROM and resumes here (next, send,
 * throw, close), with `yield from` delegation, PEP 479 (StopIteration
 * leaving the body becomes RuntimeError) and close-on-collection.
 */
#include "interp/frame.h"
#include "interp/modules.h"
#include "objects/object.h"
#include "runtime/tstate.h"

#define GEN(o) ((FtGeneratorObject *)(o))

FtObject *ft_gen_new(FtFrame *f)
{
    FtGeneratorObject *g = (FtGeneratorObject *)ft_object_new(&FtGenerator_Type);
    if (g == NULL) {
        ft_frame_clear(f);
        ft_mem_free(f);
        return NULL;
    }
    FtFunctionObject *fn = (FtFunctionObject *)f->func;
    g->frame = f;
    f->gen = g;
    g->code = FT_NEWREF(f->code);
    g->name = FT_NEWREF(fn != NULL ? fn->name : f->code->co_name);
    g->qualname = FT_NEWREF(fn != NULL ? fn->qualname : f->code->co_qualname);
    return (FtObject *)g;
}

FtObject *ft_gen_yieldfrom(FtGeneratorObject *g)
{
    FtFrame *f = g->frame;
    if (f != NULL && f->state == FT_FRAME_SUSPENDED && f->yield_from &&
        f->sp > f->stack)
        return f->sp[-1];
    return NULL;
}

static int frame_in_handler(FtFrame *f)
{
    for (int i = 0; i < f->iblock; i++)
        if (f->blocks[i].type == FT_BLOCK_EXCEPT_HANDLER)
            return 1;
    return 0;
}

/* Replaces a StopIteration leaving the generator body with RuntimeError
 * (PEP 479), chained to it. */
static void stopiteration_to_runtimeerror(void)
{
    FtObject *si = ft_err_fetch();
    ft_err_set_string(FtExc_RuntimeError, "generator raised StopIteration");
    FtObject *rt = ft_err_fetch();
    if (rt != NULL) {
        ft_exc_set_cause(rt, si);
        ft_exc_set_context(rt, si);
    }
    FT_DECREF(si);
    ft_err_restore(rt);
}

/* The "already executing" flag. Without a GIL two threads may resume the
 * same generator at once: claiming it is an atomic test-and-set, so exactly
 * one of them runs it and the other gets the ValueError. */
#if defined(FT_GIL_NONE)
#define GEN_TRY_CLAIM(g) (__atomic_exchange_n(&(g)->running, 1, __ATOMIC_ACQ_REL) == 0)
#define GEN_RELEASE(g) __atomic_store_n(&(g)->running, 0, __ATOMIC_RELEASE)
#define GEN_IS_RUNNING(g) __atomic_load_n(&(g)->running, __ATOMIC_ACQUIRE)
#else
#define GEN_TRY_CLAIM(g) ((g)->running ? 0 : ((g)->running = 1))
#define GEN_RELEASE(g) ((g)->running = 0)
#define GEN_IS_RUNNING(g) ((g)->running)
#endif

static int gen_claim(FtGeneratorObject *g)
{
    if (GEN_TRY_CLAIM(g))
        return 1;
    ft_err_set_string(FtExc_ValueError, "generator already executing");
    return 0;
}

static int gen_send_claimed(FtGeneratorObject *g, FtObject *arg, int exc,
                            FtObject **result);

/* Resumes g. arg: the value sent in (NULL from next()); exc: an exception
 * is set and is to be raised at the suspension point instead. */
static int gen_send_ex(FtGeneratorObject *g, FtObject *arg, int exc,
                       FtObject **result)
{
    *result = NULL;
    if (!gen_claim(g))
        return FT_GEN_ERROR;
    int r = gen_send_claimed(g, arg, exc, result);
    GEN_RELEASE(g);
    return r;
}

/* gen_send_ex with g claimed by this thread. */
static int gen_send_claimed(FtGeneratorObject *g, FtObject *arg, int exc,
                            FtObject **result)
{
    FtThreadState *ts = ft_tstate_get();
    FtFrame *f = g->frame;
    if (f == NULL || f->state == FT_FRAME_DONE) {
        if (arg != NULL && !exc) {
            /* send() on an exhausted generator returns None. */
            *result = FT_NEWREF(FT_None);
            return FT_GEN_RETURN;
        }
        return FT_GEN_ERROR;
    }
    if (f->state == FT_FRAME_CREATED) {
        if (arg != NULL && arg != FT_None && !exc) {
            ft_err_set_string(FtExc_TypeError,
                              "can't send non-None value to a just-started generator");
            return FT_GEN_ERROR;
        }
    } else if (!exc) {
        /* The value of the yield expression. */
        *f->sp++ = FT_NEWREF(arg != NULL ? arg : FT_None);
    }

    /* Inside the generator, the handled exception is its own if it was
     * suspended in a handler, else the caller's. */
    FtObject *saved = ts->exc_handled;
    int own = g->exc_state != NULL;
    if (own) {
        ts->exc_handled = g->exc_state;
        g->exc_state = NULL;
    } else if (saved != NULL) {
        FT_INCREF(saved);
    }
    if (exc && own) {
        FtObject *e = ft_err_fetch();
        if (e != NULL && e != ts->exc_handled)
            ft_err_set_exc(e); /* chains the generator's own exception */
        else if (e != NULL)
            ft_err_restore(FT_NEWREF(e));
        FT_XDECREF(e);
    }

    int was_suspended = f->state == FT_FRAME_SUSPENDED;
    FtObject *res = ft_eval_frame(ts, f, exc);

    if (f->state == FT_FRAME_SUSPENDED && frame_in_handler(f)) {
        g->exc_state = ts->exc_handled;
    } else {
        FT_XDECREF(ts->exc_handled);
    }
    ts->exc_handled = saved;

    if (f->state == FT_FRAME_SUSPENDED || f->state == FT_FRAME_CREATED) {
        if (res != NULL) {
            *result = res;
            return FT_GEN_YIELD;
        }
        /* The loop refused to start (recursion limit): undo the push. */
        if (was_suspended && !exc && f->sp > f->stack) {
            FtObject *v = *--f->sp;
            FT_DECREF(v);
        }
        return FT_GEN_ERROR;
    }
    /* Finished: the loop released the frame's contents. */
    g->frame = NULL;
    ft_mem_free(f);
    if (res != NULL) {
        *result = res;
        return FT_GEN_RETURN;
    }
    if (ft_err_matches(FtExc_StopIteration))
        stopiteration_to_runtimeerror();
    return FT_GEN_ERROR;
}

int ft_gen_send(FtObject *gen, FtObject *arg, FtObject **result)
{
    return gen_send_ex(GEN(gen), arg != NULL ? arg : FT_None, 0, result);
}

/* Raises StopIteration carrying a generator's return value. */
static void set_stopiteration(FtObject *value)
{
    if (value == FT_None) {
        ft_err_set_none(FtExc_StopIteration);
        return;
    }
    FtObject *e = ft_exc_new(FtExc_StopIteration, &value, 1);
    if (e != NULL) {
        ft_err_set_exc(e);
        FT_DECREF(e);
    }
}

/* Like gen_send_ex, as a Python-level call: the yielded value, or NULL
 * with StopIteration (return) or another exception set. */
static FtObject *gen_send_obj(FtGeneratorObject *g, FtObject *arg, int exc)
{
    FtObject *res;
    int status = gen_send_ex(g, arg, exc, &res);
    if (status == FT_GEN_YIELD)
        return res;
    if (status == FT_GEN_RETURN) {
        set_stopiteration(res);
        FT_DECREF(res);
        return NULL;
    }
    if (!ft_err_occurred())
        ft_err_set_none(FtExc_StopIteration);
    return NULL;
}

static FtObject *gen_iternext(FtObject *op)
{
    FtObject *res;
    int status = gen_send_ex(GEN(op), NULL, 0, &res);
    if (status == FT_GEN_YIELD)
        return res;
    if (status == FT_GEN_RETURN) {
        if (res != FT_None)
            set_stopiteration(res);
        FT_DECREF(res);
    }
    return NULL;
}

static FtObject *gen_close_internal(FtGeneratorObject *g);

/* Closes the object a generator delegates to: 0, or -1 + exception. */
static int close_iter(FtObject *yf)
{
    FtObject *r;
    if (FT_TYPE(yf) == &FtGenerator_Type) {
        r = gen_close_internal(GEN(yf));
    } else {
        FtObject *meth = ft_object_lookup_attr(yf, FT_ID(close));
        if (meth == NULL)
            return ft_err_occurred() ? -1 : 0;
        r = ft_call0(meth);
        FT_DECREF(meth);
    }
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

/* Throws the exception instance exc (borrowed) into g, passing it on to
 * the object g delegates to first. Returns the next yielded value. */
static FtObject *gen_throw_exc(FtGeneratorObject *g, FtObject *exc)
{
    FtObject *yf = ft_gen_yieldfrom(g);
    if (yf != NULL) {
        FtObject *ret;
        FT_INCREF(yf);
        if (ft_exc_matches(exc, (FtObject *)FtExc_GeneratorExit)) {
            if (!gen_claim(g)) {
                FT_DECREF(yf);
                return NULL;
            }
            int err = close_iter(yf);
            GEN_RELEASE(g);
            FT_DECREF(yf);
            if (err < 0)
                return gen_send_obj(g, NULL, 1);
            goto throw_here;
        }
        if (FT_TYPE(yf) == &FtGenerator_Type) {
            if (!gen_claim(g)) {
                FT_DECREF(yf);
                return NULL;
            }
            ret = gen_throw_exc(GEN(yf), exc);
            GEN_RELEASE(g);
        } else {
            FtObject *meth = ft_object_lookup_attr(yf, FT_ID(throw));
            if (meth == NULL) {
                FT_DECREF(yf);
                if (ft_err_occurred())
                    return NULL;
                goto throw_here;
            }
            if (!gen_claim(g)) {
                FT_DECREF(meth);
                FT_DECREF(yf);
                return NULL;
            }
            ret = ft_call1(meth, exc);
            GEN_RELEASE(g);
            FT_DECREF(meth);
        }
        FT_DECREF(yf);
        if (ret == NULL) {
            /* The delegate finished: leave YIELD_FROM, with its result
             * or its exception. */
            FtFrame *f = g->frame;
            if (f == NULL || f->state != FT_FRAME_SUSPENDED)
                return NULL;
            FtObject *recv = *--f->sp;
            FT_DECREF(recv);
            f->ip++;
            f->yield_from = 0;
            if (ft_err_matches(FtExc_StopIteration)) {
                FtObject *si = ft_err_fetch();
                FtObject *val = ft_stopiteration_value(si);
                FT_DECREF(si);
                if (val == NULL)
                    return NULL;
                ret = gen_send_obj(g, val, 0);
                FT_DECREF(val);
            } else {
                ret = gen_send_obj(g, NULL, 1);
            }
        }
        return ret;
    }
throw_here:
    ft_err_restore(FT_NEWREF(exc));
    return gen_send_obj(g, NULL, 1);
}

static FtObject *gen_close_internal(FtGeneratorObject *g)
{
    FtObject *yf = ft_gen_yieldfrom(g);
    int err = 0;
    if (yf != NULL) {
        FT_INCREF(yf);
        if (!gen_claim(g)) {
            FT_DECREF(yf);
            return NULL;
        }
        err = close_iter(yf);
        GEN_RELEASE(g);
        FT_DECREF(yf);
    }
    if (err == 0)
        ft_err_set_none(FtExc_GeneratorExit);
    FtObject *res = gen_send_obj(g, NULL, 1);
    if (res != NULL) {
        FT_DECREF(res);
        ft_err_set_string(FtExc_RuntimeError, "generator ignored GeneratorExit");
        return NULL;
    }
    if (ft_err_matches(FtExc_StopIteration) ||
        ft_err_matches(FtExc_GeneratorExit)) {
        ft_err_clear();
        FT_RETURN_NONE;
    }
    return NULL;
}

/* ---- methods ---- */

static FtObject *gen_send_meth(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("send", nargs, 1, 1) < 0)
        return NULL;
    return gen_send_obj(GEN(self), args[0], 0);
}

static FtObject *gen_throw_meth(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("throw", nargs, 1, 3) < 0)
        return NULL;
    FtObject *typ = args[0];
    FtObject *val = nargs > 1 ? args[1] : NULL;
    FtObject *tb = nargs > 2 ? args[2] : NULL;
    FtObject *exc;
    if (val == FT_None)
        val = NULL;
    if (tb == FT_None)
        tb = NULL;
    if (tb != NULL && FT_TYPE(tb) != &FtTraceback_Type) {
        ft_err_set_string(FtExc_TypeError,
                          "throw() third argument must be a traceback object");
        return NULL;
    }
    if (ft_exception_class_check(typ)) {
        if (val == NULL)
            exc = ft_call0(typ);
        else if (ft_exception_check(val) && ft_object_isinstance(val, typ) > 0)
            exc = FT_NEWREF(val);
        else if (FT_TUPLE_CHECK(val))
            exc = ft_call_tuple_dict(typ, val, NULL);
        else
            exc = ft_call1(typ, val);
        if (exc == NULL)
            return NULL;
        if (!ft_exception_check(exc)) {
            ft_err_format(FtExc_TypeError,
                          "calling %R should have returned an instance of "
                          "BaseException, not %s",
                          typ, ft_type_name(FT_TYPE(exc)));
            FT_DECREF(exc);
            return NULL;
        }
    } else if (ft_exception_check(typ)) {
        if (val != NULL) {
            ft_err_set_string(FtExc_TypeError,
                              "instance exception may not have a separate value");
            return NULL;
        }
        exc = FT_NEWREF(typ);
    } else {
        ft_err_format(FtExc_TypeError,
                      "exceptions must be classes or instances deriving from "
                      "BaseException, not %s",
                      ft_type_name(FT_TYPE(typ)));
        return NULL;
    }
    if (tb != NULL)
        ft_exc_set_traceback(exc, tb);
    FtObject *res = gen_throw_exc(GEN(self), exc);
    FT_DECREF(exc);
    return res;
}

static FtObject *gen_close_meth(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("close", nargs, 0, 0) < 0)
        return NULL;
    return gen_close_internal(GEN(self));
}

static FtMethodDef gen_methods[] = {
    {"send", gen_send_meth, 0, "send(arg) -> send 'arg' into generator"},
    {"throw", gen_throw_meth, 0, "throw(value) -> raise exception in generator"},
    {"close", gen_close_meth, 0, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ---- */

static FtObject *gen_get_name(FtObject *op) { return FT_NEWREF(GEN(op)->name); }
static FtObject *gen_get_qualname(FtObject *op)
{
    return FT_NEWREF(GEN(op)->qualname);
}

static int set_str(FtObject **slot, FtObject *value, const char *what)
{
    if (value == NULL || !FT_STR_CHECK(value)) {
        ft_err_format(FtExc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    FT_SETREF(*slot, FT_NEWREF(value));
    return 0;
}

static int gen_set_name(FtObject *op, FtObject *v)
{
    return set_str(&GEN(op)->name, v, "__name__");
}

static int gen_set_qualname(FtObject *op, FtObject *v)
{
    return set_str(&GEN(op)->qualname, v, "__qualname__");
}

static FtObject *gen_get_running(FtObject *op) { return ft_bool_from(GEN_IS_RUNNING(GEN(op))); }
static FtObject *gen_get_code(FtObject *op) { return FT_NEWREF(GEN(op)->code); }
static FtObject *gen_get_frame(FtObject *op) { FT_RETURN_NONE; }
static FtObject *gen_get_suspended(FtObject *op)
{
    FtFrame *f = GEN(op)->frame;
    return ft_bool_from(f != NULL && f->state == FT_FRAME_SUSPENDED);
}
static FtObject *gen_get_yieldfrom(FtObject *op)
{
    FtObject *yf = ft_gen_yieldfrom(GEN(op));
    return FT_NEWREF(yf != NULL ? yf : FT_None);
}

static FtGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name},
    {"__qualname__", gen_get_qualname, gen_set_qualname},
    {"gi_running", gen_get_running, NULL},
    {"gi_code", gen_get_code, NULL},
    {"gi_frame", gen_get_frame, NULL},
    {"gi_suspended", gen_get_suspended, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {NULL, NULL, NULL},
};

/* ---- type ---- */

static FtObject *gen_repr(FtObject *op)
{
    return ft_str_from_format("<generator object %U at %p>", GEN(op)->qualname,
                              (void *)op);
}

static FtObject *gen_iter(FtObject *op) { return FT_NEWREF(op); }

/* Runs the body's finally blocks / with exits of a suspended generator,
 * as CPython does when one is collected; reports an exception as
 * unraisable. */
static void gen_close_report(FtObject *op)
{
    FtGeneratorObject *g = GEN(op);
    {
        FtObject *saved = ft_err_fetch();
        FtObject *r = gen_close_internal(g);
        if (r == NULL) {
            FtObject *exc = ft_err_fetch();
            FtObject *repr = gen_repr(op);
            ft_sys_write_stderr_cstr("Exception ignored in: ");
            if (repr != NULL) {
                ft_sys_write_stderr_cstr(ft_str_cstr(repr));
                FT_DECREF(repr);
            } else {
                ft_err_clear();
            }
            ft_sys_write_stderr_cstr("\n");
            if (exc != NULL) {
                /* Like CPython's unraisable hook: no chained exceptions. */
                FtBaseExceptionObject *e = (FtBaseExceptionObject *)exc;
                FT_CLEAR(e->context);
                FT_CLEAR(e->cause);
                ft_err_print_exception(exc);
            }
            FT_XDECREF(exc);
        } else {
            FT_DECREF(r);
        }
        ft_err_restore(saved);
    }
}

static void gen_dealloc(FtObject *op)
{
    FtGeneratorObject *g = GEN(op);
    /* Nothing else can reach g, so closing needs no reference to it. */
    if (g->frame != NULL && g->frame->state == FT_FRAME_SUSPENDED)
        gen_close_report(op);
    if (g->frame != NULL) {
        ft_frame_clear(g->frame);
        ft_mem_free(g->frame);
        g->frame = NULL;
    }
    FT_CLEAR(g->code);
    FT_CLEAR(g->name);
    FT_CLEAR(g->qualname);
    FT_CLEAR(g->exc_state);
    ft_object_free(op);
}

/* The collector's slots. A running frame's stack is in flux (its sp is
 * saved only at a yield), so only a frame that is not running is visited:
 * what a running one holds looks referenced from outside, which is safe.
 * The frame owns its function, locals and stack; globals and builtins
 * are the function's. */
static int gen_traverse(FtObject *op, ft_visitproc visit, void *arg)
{
    FtGeneratorObject *g = GEN(op);
    FT_VISIT(g->code);
    FT_VISIT(g->name);
    FT_VISIT(g->qualname);
    FT_VISIT(g->exc_state);
    FtFrame *f = g->frame;
    if (f == NULL ||
        (f->state != FT_FRAME_CREATED && f->state != FT_FRAME_SUSPENDED))
        return 0;
    FT_VISIT(f->func);
    for (int i = 0; i < f->nlocalsplus; i++)
        FT_VISIT(f->localsplus[i]);
    for (FtObject **p = f->stack; p < f->sp; p++)
        FT_VISIT(*p);
    return 0;
}

/* A suspended generator in cyclic garbage is closed first, as when it is
 * freed; the caller holds a reference. */
static int gen_finalize(FtObject *op)
{
    FtGeneratorObject *g = GEN(op);
    if (g->frame == NULL || g->frame->state != FT_FRAME_SUSPENDED)
        return 0;
    gen_close_report(op);
    return 1;
}

static int gen_gc_clear(FtObject *op)
{
    FtGeneratorObject *g = GEN(op);
    FtFrame *f = g->frame;
    if (f != NULL && f->state != FT_FRAME_RUNNING) {
        g->frame = NULL;
        ft_frame_clear(f);
        ft_mem_free(f);
    }
    FT_CLEAR(g->exc_state);
    return 0;
}

FtType FtGenerator_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "generator",
    .tp_basicsize = sizeof(FtGeneratorObject),
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_dealloc = gen_dealloc,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_gc_clear,
    .tp_finalize = gen_finalize,
    .tp_repr = gen_repr,
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};
