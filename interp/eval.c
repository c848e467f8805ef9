/* interp/eval.c — the bytecode interpreter: one dispatch loop (computed
 * gotos under GCC/Clang, a switch elsewhere) that runs the instruction set
 * of interp/opcode.h. Calls from Python to Python functions do not recurse
 * in C: the callee's frame is pushed on the thread's frame stack and the
 * same loop continues in it (CPython 3.11 style), so deep recursion costs
 * no C stack. Three groups of handlers are included from their own files
 * (eval_fused.h, eval_build.h, eval_blocks.h). Slow paths live in
 * eval_ops.c, entry points and the recursion guards in eval_entry.c,
 * frames in frame.c.
 */
#include "interp/eval.h"
#include "interp/eval_arith.h"
#include "interp/frame.h"
#include "interp/inline_cache.h"
#include "objects/deferred.h"
#include "objects/typeobject.h"
#include "objects/object.h"
#include "runtime/gil.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

#include <string.h>

#if defined(__GNUC__) && !defined(FT_EVAL_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTOS 1
#else
#define USE_COMPUTED_GOTOS 0
#endif

/* The list fast paths read and write list storage directly: only safe
 * while a GIL serialises threads. Without one, BINARY_SUBSCR reads list[i]
 * through ft_list_get_fast (no lock; objects/list.h) and STORE_SUBSCR
 * calls ft_list_set (the list's lock, but no generic dispatch). */
#if defined(FT_GIL_NONE)
#define LIST_FAST_PATHS 0
#else
#define LIST_FAST_PATHS 1
#endif

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define FUNC(o) ((FtFunctionObject *)(o))
#define TUPLE_ITEMS(t) (((FtTupleObject *)(t))->items)

/* ---- small inline helpers ---- */

static inline FtObject *int_from(int64_t v)
{
    if ((uint64_t)v - (uint64_t)(int64_t)FT_SMALL_INT_MIN <=
        (uint64_t)(FT_SMALL_INT_MAX - FT_SMALL_INT_MIN)) {
        FtObject *o = (FtObject *)&ft_small_ints[v - FT_SMALL_INT_MIN];
        FT_INCREF(o);
        return o;
    }
    return ft_int_from_i64_uncached(v);
}

/* Sets tstate->exc_handled to prev (owned; None means none). */
static inline void restore_exc_handled(FtThreadState *ts, FtObject *prev)
{
    FtObject *old = ts->exc_handled;
    if (prev == FT_None) {
        FT_DECREF(prev);
        prev = NULL;
    }
    ts->exc_handled = prev;
    FT_XDECREF(old);
}

/* Releases what a finished frame owns; sp is its current stack top. */
static inline __attribute__((always_inline)) void frame_finish(FtFrame *f,
                                                            FtObject **sp)
{
    while (sp > f->stack) {
        FtObject *v = *--sp;
        FT_XDECREF(v);
    }
    f->sp = f->stack;
    FtObject **p = f->localsplus;
    for (int i = f->nlocalsplus; i > 0; i--, p++) {
        FtObject *v = *p;
        if (v != NULL) {
            *p = NULL;
            FT_DECREF(v);
        }
    }
    f->iblock = 0;
    f->state = FT_FRAME_DONE;
    FT_CLEAR(f->func);
}

/* ---- the loop ---- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define OPARG() ((int)(word >> 8))
#define CACHE() (&co->co_caches[*ip++])
#define INSTR_INDEX() ((ssize_t)(ip - first_instr))

#define LOAD_FRAME()                                                           \
    do {                                                                       \
        co = f->code;                                                          \
        first_instr = co->co_code;                                             \
        ip = f->ip;                                                            \
        sp = f->sp;                                                            \
        fast = f->localsplus;                                                  \
        consts = TUPLE_ITEMS(co->co_consts);                                   \
        names = TUPLE_ITEMS(co->co_names);                                     \
    } while (0)

#define CHECK_BREAKER()                                                        \
    do {                                                                       \
        if (UNLIKELY(ft_eval_breaker_get()) && ft_eval_handle_breaker(ts) < 0) \
            goto error;                                                        \
    } while (0)

/* Jumps to word `t`; backward jumps are where loops spend their time, so
 * that is where the eval breaker is polled. */
#define JUMPTO(t)                                                              \
    do {                                                                       \
        ft_codeunit *dst_ = first_instr + (t);                                 \
        if (dst_ < ip)                                                         \
            CHECK_BREAKER();                                                   \
        ip = dst_;                                                             \
        DISPATCH();                                                            \
    } while (0)

#if USE_COMPUTED_GOTOS
#define TARGET(name) op_##name:
/* FT_GIL_TICK (runtime/gil.h): the legacy GIL's per-instruction ticker;
 * nothing in the other variants. */
#define DISPATCH()                                                             \
    do {                                                                       \
        FT_GIL_TICK(ts);                                                       \
        word = *ip++;                                                          \
        goto *targets[FT_OP(word)];                                            \
    } while (0)
#else
#define TARGET(name) case FT_OPC_##name:
#define DISPATCH() goto dispatch
#endif

/* Pushes the bool b, or — when a conditional jump follows — jumps right
 * away without materialising the bool. */
#define PUSH_BOOL_OR_JUMP(b)                                                   \
    do {                                                                       \
        int b_ = (b);                                                          \
        ft_codeunit next_ = *ip;                                               \
        if (FT_OP(next_) == FT_OPC_POP_JUMP_IF_FALSE) {                        \
            ip++;                                                              \
            if (!b_)                                                           \
                JUMPTO(FT_ARG(next_));                                         \
            DISPATCH();                                                        \
        }                                                                      \
        if (FT_OP(next_) == FT_OPC_POP_JUMP_IF_TRUE) {                         \
            ip++;                                                              \
            if (b_)                                                            \
                JUMPTO(FT_ARG(next_));                                         \
            DISPATCH();                                                        \
        }                                                                      \
        PUSH(ft_bool_from(b_));                                                \
        DISPATCH();                                                            \
    } while (0)

/* GCC's global CSE hoists the dispatch table's address into a spilled
 * register and merges the computed gotos; CPython builds its loop with
 * -fno-gcse for the same reason. */
#if USE_COMPUTED_GOTOS && defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-gcse")))
#endif
FtObject *ft_eval_frame(FtThreadState *ts, FtFrame *f, int throwflag)
{
#if USE_COMPUTED_GOTOS
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const targets[256] = {
        [0 ... 255] = &&op_unknown,
#define FT_TARGET_ENTRY_(name, cache) [FT_OPC_##name] = &&op_##name,
        FT_OPCODES(FT_TARGET_ENTRY_)
#undef FT_TARGET_ENTRY_
    };
#pragma GCC diagnostic pop
#endif
    ft_codeunit *ip;
    FtObject **sp;
    FtObject **fast;
    FtCodeObject *co;
    FtObject *const *consts;
    FtObject *const *names;
    ft_codeunit *first_instr;
    ft_codeunit word;
    FtObject *retval;
    /* Arguments of the shared call sequence (do_call). */
    FtObject **cargs;
    size_t cnargs;
    FtObject *ckw;
    int cpop;
    /* The owner of LOAD_ATTR / STORE_ATTR, and whether it is borrowed from
     * a local (LOAD_FAST_ATTR, LOAD_FAST_STORE_ATTR) rather than on the
     * stack. */
    FtObject *aowner;
    int aborrowed;

    if (UNLIKELY(ft_eval_enter_call(ts) < 0))
        goto entry_failed;
    if (UNLIKELY(ft_eval_c_stack_exhausted(ts))) {
        ft_eval_leave_call(ts);
        goto entry_failed;
    }
    f->back = ts->frame;
    ts->frame = f;
    f->is_entry = 1;
    f->state = FT_FRAME_RUNNING;
    LOAD_FRAME();
    if (throwflag)
        goto error;
    word = 0;

#if USE_COMPUTED_GOTOS
    DISPATCH();
    {
#else
dispatch:
    FT_GIL_TICK(ts);
    word = *ip++;
    switch (FT_OP(word)) {
#endif

    TARGET(NOP)
    {
        DISPATCH();
    }

    TARGET(LOAD_FAST)
    load_fast: /* also the fallback of the fused instructions */
    {
        FtObject *v = fast[OPARG()];
        if (UNLIKELY(v == NULL)) {
            ft_ev_unbound_local(co, OPARG());
            goto error;
        }
        FT_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

#include "interp/eval_fused.h"

    TARGET(STORE_FAST)
    {
        FtObject *v = POP();
        FtObject *old = fast[OPARG()];
        fast[OPARG()] = v;
        FT_XDECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_CONST)
    {
        FtObject *v = consts[OPARG()];
        FT_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(DELETE_FAST)
    {
        FtObject *v = fast[OPARG()];
        if (v == NULL) {
            ft_ev_unbound_local(co, OPARG());
            goto error;
        }
        fast[OPARG()] = NULL;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_TOP)
    {
        FtObject *v = POP();
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(ROT_TWO)
    {
        FtObject *top = TOP();
        SET_TOP(SECOND());
        SET_SECOND(top);
        DISPATCH();
    }

    TARGET(ROT_THREE)
    {
        FtObject *top = TOP();
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = top;
        DISPATCH();
    }

    TARGET(ROT_FOUR)
    {
        FtObject *top = TOP();
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = top;
        DISPATCH();
    }

    TARGET(ROT_N)
    {
        int n = OPARG();
        if (n > 1) {
            FtObject *top = TOP();
            memmove(&sp[-n + 1], &sp[-n], (size_t)(n - 1) * sizeof(FtObject *));
            sp[-n] = top;
        }
        DISPATCH();
    }

    TARGET(DUP_TOP)
    {
        FtObject *v = TOP();
        FT_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(DUP_TOP_TWO)
    {
        FtObject *a = SECOND(), *b = TOP();
        FT_INCREF(a);
        FT_INCREF(b);
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE)
    {
        FtObject *v = TOP();
        FtObject *res = ft_number_unary(v, FT_UNARY_POS);
        if (res == NULL)
            goto error;
        FT_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE)
    {
        FtObject *v = TOP(), *res;
        if (FT_INT_CHECK_EXACT(v) && FT_INT_IS_SMALL(v))
            res = int_from(-FT_INT_VALUE(v));
        else if (FT_FLOAT_CHECK_EXACT(v))
            res = ft_float_from_double(-FT_FLOAT_VALUE(v));
        else
            res = ft_number_unary(v, FT_UNARY_NEG);
        if (res == NULL)
            goto error;
        FT_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_INVERT)
    {
        FtObject *v = TOP(), *res;
        if (FT_INT_CHECK_EXACT(v) && FT_INT_IS_SMALL(v))
            res = int_from(~FT_INT_VALUE(v));
        else
            res = ft_number_unary(v, FT_UNARY_INVERT);
        if (res == NULL)
            goto error;
        FT_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_NOT)
    {
        FtObject *v = TOP();
        int t;
        if (v == FT_True)
            t = 1;
        else if (v == FT_False || v == FT_None)
            t = 0;
        else if ((t = ft_object_is_true(v)) < 0)
            goto error;
        FT_DECREF(v);
        sp--;
        PUSH_BOOL_OR_JUMP(!t);
    }

#define BINARY_FAST_PATHS(slow_call)                                           \
    FtObject *r = TOP(), *l = SECOND(), *res;                                  \
    int op = OPARG();                                                          \
    if (FT_INT_CHECK_EXACT(l) && FT_INT_CHECK_EXACT(r)) {                      \
        int64_t c;                                                             \
        switch (ev_int_arith(op, l, r, &c)) {                                  \
        case EV_ARITH_DONE:                                                    \
            res = int_from(c);                                                 \
            goto done_##slow_call;                                             \
        case EV_ARITH_INT_OP:                                                  \
            res = ft_int_binop(l, r, op);                                      \
            goto done_##slow_call;                                             \
        default:                                                               \
            goto slow_##slow_call;                                             \
        }                                                                      \
    }                                                                          \
    if (FT_FLOAT_CHECK_EXACT(l) && FT_FLOAT_CHECK_EXACT(r)) {                  \
        double c;                                                              \
        if (ev_float_arith(op, FT_FLOAT_VALUE(l), FT_FLOAT_VALUE(r), &c)) {    \
            res = ft_float_from_double(c);                                     \
            goto done_##slow_call;                                             \
        }                                                                      \
    }                                                                          \
    if (op == FT_OP_ADD && FT_STR_CHECK_EXACT(l) && FT_STR_CHECK_EXACT(r)) {   \
        sp -= 2;                                                               \
        res = ft_ev_str_concat(f, l, r, *ip); /* consumes l */                 \
        FT_DECREF(r);                                                          \
        if (res == NULL)                                                       \
            goto error;                                                        \
        PUSH(res);                                                             \
        DISPATCH();                                                            \
    }                                                                          \
    slow_##slow_call:                                                          \
    res = slow_call(l, r, op);                                                 \
    done_##slow_call:                                                          \
    if (res == NULL)                                                           \
        goto error;                                                            \
    FT_DECREF(l);                                                              \
    FT_DECREF(r);                                                              \
    sp--;                                                                      \
    SET_TOP(res);                                                              \
    DISPATCH();

    TARGET(BINARY_OP)
    {
        BINARY_FAST_PATHS(ft_number_binop)
    }

    TARGET(INPLACE_OP)
    {
        BINARY_FAST_PATHS(ft_number_inplace)
    }

    TARGET(BINARY_SUBSCR)
    {
        FtObject *sub = TOP(), *container = SECOND(), *res;
        if (FT_INT_CHECK_EXACT(sub)) {
            int64_t i = FT_INT_VALUE(sub);
            if (FT_LIST_CHECK_EXACT(container)) {
#if LIST_FAST_PATHS
                ssize_t n = FT_LIST_SIZE(container);
                if (i < 0)
                    i += n;
                if ((uint64_t)i < (uint64_t)n) {
                    res = FT_LIST_ITEMS(container)[i];
                    FT_INCREF(res);
                    goto subscr_done;
                }
#else
                /* Out of range or undecided: the generic path below. */
                if (ft_list_get_fast(container, (ssize_t)i, &res) > 0)
                    goto subscr_done;
#endif
            } else if (FT_TUPLE_CHECK_EXACT(container)) {
                ssize_t n = FT_TUPLE_SIZE(container);
                if (i < 0)
                    i += n;
                if ((uint64_t)i < (uint64_t)n) {
                    res = FT_TUPLE_GET(container, i);
                    FT_INCREF(res);
                    goto subscr_done;
                }
            }
        }
        res = ft_object_getitem(container, sub);
        if (res == NULL)
            goto error;
    subscr_done:
        FT_DECREF(sub);
        FT_DECREF(container);
        sp--;
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR)
    {
        FtObject *sub = TOP(), *container = SECOND(), *v = THIRD();
        sp -= 3;
        int rc;
        if (FT_INT_CHECK_EXACT(sub) && FT_LIST_CHECK_EXACT(container)) {
            int64_t i = FT_INT_VALUE(sub);
#if LIST_FAST_PATHS
            ssize_t n = FT_LIST_SIZE(container);
            if (i < 0)
                i += n;
            if ((uint64_t)i < (uint64_t)n) {
                FtObject *old = FT_LIST_ITEMS(container)[i];
                FT_LIST_ITEMS(container)[i] = v; /* steals the stack's ref */
                FT_DECREF(old);
                FT_DECREF(container);
                FT_DECREF(sub);
                DISPATCH();
            }
#else
            rc = ft_list_set(container, (ssize_t)i, v);
            goto store_subscr_done;
#endif
        }
        rc = ft_object_setitem(container, sub, v);
#if !LIST_FAST_PATHS
    store_subscr_done:
#endif
        FT_DECREF(v);
        FT_DECREF(container);
        FT_DECREF(sub);
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR)
    {
        FtObject *sub = TOP(), *container = SECOND();
        sp -= 2;
        int rc = ft_object_delitem(container, sub);
        FT_DECREF(container);
        FT_DECREF(sub);
        if (rc < 0)
            goto error;
        DISPATCH();
    }

    TARGET(COMPARE_OP)
    {
        FtObject *r = TOP(), *l = SECOND();
        int op = OPARG(), b;
        if (FT_INT_CHECK_EXACT(l) && FT_INT_CHECK_EXACT(r) &&
            EV_BOTH_SMALL(l, r)) {
            b = ft_compare_int(op, FT_INT_VALUE(l), FT_INT_VALUE(r));
        } else if (FT_FLOAT_CHECK_EXACT(l) && FT_FLOAT_CHECK_EXACT(r)) {
            b = ft_compare_double(op, FT_FLOAT_VALUE(l), FT_FLOAT_VALUE(r));
        } else if ((op == FT_EQ || op == FT_NE) && FT_STR_CHECK_EXACT(l) &&
                   FT_STR_CHECK_EXACT(r)) {
            b = ft_str_eq(l, r) ^ (op == FT_NE);
        } else {
            FtObject *res = ft_object_richcompare(l, r, op);
            if (res == NULL)
                goto error;
            FT_DECREF(l);
            FT_DECREF(r);
            sp--;
            SET_TOP(res);
            DISPATCH();
        }
        FT_DECREF(l);
        FT_DECREF(r);
        sp -= 2;
        PUSH_BOOL_OR_JUMP(b);
    }

    TARGET(IS_OP)
    {
        FtObject *r = TOP(), *l = SECOND();
        int b = (l == r) ^ OPARG();
        FT_DECREF(l);
        FT_DECREF(r);
        sp -= 2;
        PUSH_BOOL_OR_JUMP(b);
    }

    TARGET(CONTAINS_OP)
    {
        FtObject *container = TOP(), *item = SECOND();
        int b = ft_object_contains(container, item);
        if (b < 0)
            goto error;
        FT_DECREF(container);
        FT_DECREF(item);
        sp -= 2;
        PUSH_BOOL_OR_JUMP(b ^ OPARG());
    }

    TARGET(JUMP_IF_NOT_EXC_MATCH)
    {
        FtObject *type = TOP(), *exc = SECOND();
        int m = ft_ev_exc_match(exc, type);
        if (m < 0)
            goto error;
        sp -= 2;
        FT_DECREF(type);
        FT_DECREF(exc);
        if (!m)
            JUMPTO(OPARG());
        DISPATCH();
    }

    TARGET(LOAD_NAME)
    {
        FtObject *v = ft_ev_load_name(f, names[OPARG()]);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME)
    {
        FtObject *v = TOP();
        if (ft_ev_store_name(f, names[OPARG()], v) < 0)
            goto error;
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_NAME)
    {
        if (ft_ev_delete_name(f, names[OPARG()]) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL)
    {
        FtInlineCache *slot = CACHE(), snap;
        FtInlineCache *c = ft_ic_snapshot(slot, &snap);
        FtObject *v;
#if defined(FT_DICT_HAS_KEYS_VERSION)
        /* Keyed by the key sets only: the value is read from its slot, so
         * assigning a global does not invalidate every cache. */
        if (LIKELY(c->version == FT_DICT_KEYS_VERSION(f->globals) &&
                   c->version2 == FT_DICT_KEYS_VERSION(f->builtins) &&
                   c->type != NULL &&
                   (v = ft_ic_load_value_slot(c->type)) != NULL)) {
            FT_INCREF(v);
        } else {
#else
        if (LIKELY(c->version == FT_DICT_VERSION(f->globals) &&
                   c->version2 == FT_DICT_VERSION(f->builtins) &&
                   c->value != NULL)) {
            v = c->value;
            FT_INCREF(v);
        } else {
#endif
            v = ft_ev_load_global(f, names[OPARG()], slot);
            if (v == NULL)
                goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL)
    {
        FtObject *v = TOP();
        if (ft_dict_set(f->globals, names[OPARG()], v) < 0)
            goto error;
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL)
    {
        if (ft_ev_delete_global(f, names[OPARG()]) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_DEREF)
    {
        FtObject *v = ft_cell_get(fast[co->co_nlocals + OPARG()]);
        if (UNLIKELY(v == NULL)) {
            ft_ev_unbound_deref(co, OPARG());
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF)
    {
        FtObject *v = POP();
        ft_qsbr_defer_decref(ft_cell_exchange(fast[co->co_nlocals + OPARG()], v));
        DISPATCH();
    }

    TARGET(DELETE_DEREF)
    {
        FtObject *old = ft_cell_exchange(fast[co->co_nlocals + OPARG()], NULL);
        if (old == NULL) {
            ft_ev_unbound_deref(co, OPARG());
            goto error;
        }
        ft_qsbr_defer_decref(old);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE)
    {
        FtObject *cell = fast[co->co_nlocals + OPARG()];
        FT_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF)
    {
        FtObject *v = ft_ev_load_classderef(f, OPARG());
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_ATTR)
    {
        aowner = TOP();
        aborrowed = 0;
        goto load_attr;
    }

    TARGET(STORE_ATTR)
    {
        aowner = TOP();
        aborrowed = 0;
        goto store_attr;
    }

load_attr:
    {
        FtInlineCache *slot = CACHE(), snap;
        FtInlineCache *c = ft_ic_snapshot(slot, &snap);
        FtObject *name = names[OPARG()];
        FtObject *owner = aowner;
        FtType *tp = FT_TYPE(owner);
        FtObject *res;
        if (c->type == (void *)tp && c->version == ft_type_version(tp)) {
            switch (c->index) {
            case FT_AC_INSTANCE:
            case FT_AC_CLASS_VALUE:
            case FT_AC_CLASS_DESCR:
                if (tp->tp_dictoffset > 0) {
                    FtObject *dict = ft_object_dict_load(
                        (FtObject **)((char *)owner + tp->tp_dictoffset));
                    if (dict != NULL) {
                        res = ft_dict_get_hashed(dict, name,
                                                 ft_dict_hash_key(name));
                        if (res != NULL)
                            goto load_attr_done;
                        if (ft_err_occurred())
                            goto error;
                    }
                }
                if (c->index == FT_AC_CLASS_VALUE) {
                    res = c->value;
                    FT_INCREF(res);
                    goto load_attr_done;
                }
                if (c->index == FT_AC_CLASS_DESCR) {
                    res = FT_TYPE(c->value)->tp_descr_get(c->value, owner,
                                                          (FtObject *)tp);
                    if (res == NULL)
                        goto error;
                    goto load_attr_done;
                }
                break;
            case FT_AC_DATA_DESCR:
                res = FT_TYPE(c->value)->tp_descr_get(c->value, owner,
                                                      (FtObject *)tp);
                if (res == NULL)
                    goto error;
                goto load_attr_done;
            case FT_AC_MODULE:
                if (c->version2 == FT_DICT_VERSION(FT_MODULE_DICT(owner))) {
                    res = c->value;
                    FT_INCREF(res);
                    goto load_attr_done;
                }
                break;
            default:
                break;
            }
        }
        res = ft_object_getattr(owner, name);
        if (res == NULL)
            goto error;
        ft_ev_fill_load_attr(slot, owner, name, res);
    load_attr_done:
        if (aborrowed) {
            PUSH(res);
        } else {
            FT_DECREF(owner);
            SET_TOP(res);
        }
        DISPATCH();
    }

store_attr:
    {
        FtInlineCache *slot = CACHE(), snap;
        FtInlineCache *c = ft_ic_snapshot(slot, &snap);
        FtObject *name = names[OPARG()];
        FtObject *owner = aowner, *v = aborrowed ? TOP() : SECOND();
        FtType *tp = FT_TYPE(owner);
        int rc;
        if (c->type == (void *)tp && c->version == ft_type_version(tp)) {
            /* A new instance's first store makes its dict here too, so
             * __init__ does not go back to the slow path (and refill the
             * cache every other thread reads) once per object. */
            FtObject *dict = ft_object_dict_get_or_create(
                (FtObject **)((char *)owner + tp->tp_dictoffset));
            if (dict == NULL)
                goto error;
            rc = ft_dict_set_hashed(dict, name, ft_dict_hash_key(name), v);
            goto store_attr_done;
        }
        rc = ft_object_setattr(owner, name, v);
        if (rc == 0)
            ft_ev_fill_store_attr(slot, owner, name);
    store_attr_done:
        if (rc < 0)
            goto error;
        sp -= 2 - aborrowed;
        if (!aborrowed)
            FT_DECREF(owner);
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_ATTR)
    {
        FtObject *owner = TOP();
        if (ft_object_delattr(owner, names[OPARG()]) < 0)
            goto error;
        sp--;
        FT_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_METHOD)
    {
        FtInlineCache *slot = CACHE(), snap;
        FtInlineCache *c = ft_ic_snapshot(slot, &snap);
        FtObject *name = names[OPARG()];
        FtObject *owner = TOP();
        FtType *tp = FT_TYPE(owner);
        FtObject *meth;
        if (c->type == (void *)tp && c->version == ft_type_version(tp)) {
            if (c->index == FT_AC_MODULE) {
                if (c->version2 == FT_DICT_VERSION(FT_MODULE_DICT(owner))) {
                    meth = c->value;
                    FT_INCREF(meth);
                    SET_TOP(NULL);
                    PUSH(meth);
                    FT_DECREF(owner);
                    DISPATCH();
                }
                goto load_method_slow;
            }
            if (tp->tp_dictoffset > 0) {
                FtObject *dict = ft_object_dict_load(
                    (FtObject **)((char *)owner + tp->tp_dictoffset));
                if (dict != NULL) {
                    FtObject *attr =
                        ft_dict_get_hashed(dict, name, ft_dict_hash_key(name));
                    if (attr != NULL) {
                        SET_TOP(NULL);
                        PUSH(attr);
                        FT_DECREF(owner);
                        DISPATCH();
                    }
                    if (ft_err_occurred())
                        goto error;
                }
            }
            meth = c->value;
            FT_INCREF(meth);
            SET_TOP(meth);
            PUSH(owner);
            DISPATCH();
        }
    load_method_slow:
        meth = NULL;
        int r = ft_object_get_method(owner, name, &meth);
        if (r < 0)
            goto error;
        if (r) {
            ft_ev_fill_load_method(slot, owner, name, meth);
            SET_TOP(meth);
            PUSH(owner);
        } else {
            if (tp == &FtModule_Type)
                ft_ev_fill_load_attr(slot, owner, name, meth);
            SET_TOP(NULL);
            PUSH(meth);
            FT_DECREF(owner);
        }
        DISPATCH();
    }

    TARGET(CALL_FUNCTION)
    {
        cnargs = (size_t)OPARG();
        cargs = sp - cnargs;
        ckw = NULL;
        cpop = 1;
        goto do_call;
    }

    TARGET(CALL_FUNCTION_KW)
    {
        ckw = POP();
        cargs = sp - OPARG();
        cnargs = (size_t)(OPARG() - FT_TUPLE_SIZE(ckw));
        cpop = 1;
        goto do_call;
    }

    TARGET(CALL_METHOD)
    {
        int n = OPARG();
        ckw = NULL;
        if (PEEK(n + 2) == NULL) {
            cargs = sp - n;
            cnargs = (size_t)n;
            cpop = 2;
        } else {
            cargs = sp - n - 1;
            cnargs = (size_t)n + 1;
            cpop = 1;
        }
        goto do_call;
    }

    TARGET(CALL_METHOD_KW)
    {
        int n;
        ckw = POP();
        n = OPARG();
        if (PEEK(n + 2) == NULL) {
            cargs = sp - n;
            cnargs = (size_t)(n - FT_TUPLE_SIZE(ckw));
            cpop = 2;
        } else {
            cargs = sp - n - 1;
            cnargs = (size_t)(n + 1 - FT_TUPLE_SIZE(ckw));
            cpop = 1;
        }
        goto do_call;
    }

    TARGET(CALL_FUNCTION_EX)
    {
        FtObject *kwargs = (OPARG() & 1) ? POP() : NULL;
        FtObject *callargs = POP();
        FtObject *func = TOP();
        FtObject *res = ft_ev_call_ex(func, callargs, kwargs);
        FT_DECREF(callargs);
        FT_XDECREF(kwargs);
        if (res == NULL)
            goto error;
        FT_DECREF(func);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION)
    {
        int flags = OPARG();
        FtObject *qualname = NULL;
        if (!FT_CODE_CHECK(TOP()))
            qualname = POP(); /* CPython 3.10 passes it on the stack */
        FtObject *code = POP();
        FtObject *fn = ft_function_new(code, f->globals, f->builtins, qualname);
        FT_DECREF(code);
        FT_XDECREF(qualname);
        if (fn == NULL)
            goto error;
        FtFunctionObject *func = FUNC(fn);
        if (flags & 0x08)
            func->closure = POP();
        if (flags & 0x04)
            func->annotations = POP();
        if (flags & 0x02)
            func->kwdefaults = POP();
        if (flags & 0x01)
            func->defaults = POP();
        if (!(((FtCodeObject *)func->code)->co_flags & FT_CO_NESTED))
            ft_deferred_mark(fn); /* shared by threads: objects/deferred.h */
        PUSH(fn);
        DISPATCH();
    }

    TARGET(RETURN_VALUE)
    {
        retval = POP();
        goto return_value;
    }

    TARGET(LOAD_BUILD_CLASS)
    {
        FtObject *bc = ft_dict_get(f->builtins, FT_ID(__build_class__));
        if (bc == NULL) {
            if (!ft_err_occurred())
                ft_err_set_string(FtExc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

#include "interp/eval_build.h"

    TARGET(JUMP_ABSOLUTE)
    {
        JUMPTO(OPARG());
    }

    TARGET(POP_JUMP_IF_FALSE)
    {
        FtObject *v = POP();
        int t;
        if (v == FT_False) {
            FT_DECREF(v);
            JUMPTO(OPARG());
        }
        if (v == FT_True) {
            FT_DECREF(v);
            DISPATCH();
        }
        t = ft_object_is_true(v);
        FT_DECREF(v);
        if (t < 0)
            goto error;
        if (!t)
            JUMPTO(OPARG());
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE)
    {
        FtObject *v = POP();
        int t;
        if (v == FT_True) {
            FT_DECREF(v);
            JUMPTO(OPARG());
        }
        if (v == FT_False) {
            FT_DECREF(v);
            DISPATCH();
        }
        t = ft_object_is_true(v);
        FT_DECREF(v);
        if (t < 0)
            goto error;
        if (t)
            JUMPTO(OPARG());
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP)
    {
        FtObject *v = TOP();
        int t;
        if (v == FT_True)
            t = 1;
        else if (v == FT_False)
            t = 0;
        else if ((t = ft_object_is_true(v)) < 0)
            goto error;
        if (!t)
            JUMPTO(OPARG());
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP)
    {
        FtObject *v = TOP();
        int t;
        if (v == FT_True)
            t = 1;
        else if (v == FT_False)
            t = 0;
        else if ((t = ft_object_is_true(v)) < 0)
            goto error;
        if (t)
            JUMPTO(OPARG());
        sp--;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(GET_ITER)
    {
        FtObject *v = TOP();
        /* The iterator of a `for` statement: only this loop reaches it. */
        FtObject *it = FT_OP(*ip) == FT_OPC_FOR_ITER ? ft_object_iter_private(v)
                                                     : ft_object_iter(v);
        if (it == NULL)
            goto error;
        FT_DECREF(v);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(FOR_ITER)
    {
        FtObject *it = TOP();
        ft_unaryfunc next = FT_TYPE(it)->tp_iternext;
        FtObject *v = next != NULL ? next(it) : ft_iter_next(it);
        if (LIKELY(v != NULL)) {
            PUSH(v);
            DISPATCH();
        }
        if (ft_err_occurred()) {
            if (!ft_err_matches(FtExc_StopIteration))
                goto error;
            ft_err_clear();
        }
        sp--;
        FT_DECREF(it);
        JUMPTO(OPARG());
    }

    TARGET(YIELD_VALUE)
    {
        retval = POP();
        f->yield_from = 0;
        goto yield_value;
    }

    TARGET(YIELD_FROM)
    {
        FtObject *v = POP();
        FtObject *receiver = TOP();
        FtObject *res = NULL;
        int status;
        if (FT_TYPE(receiver) == &FtGenerator_Type) {
            status = ft_gen_send(receiver, v, &res);
        } else if (v == FT_None && FT_TYPE(receiver)->tp_iternext != NULL) {
            res = FT_TYPE(receiver)->tp_iternext(receiver);
            status = res != NULL ? FT_GEN_YIELD : FT_GEN_ERROR;
        } else {
            res = ft_call_method(receiver, FT_ID(send), &v, 1);
            status = res != NULL ? FT_GEN_YIELD : FT_GEN_ERROR;
        }
        FT_DECREF(v);
        if (status == FT_GEN_ERROR) {
            /* The sub-iterator finished: StopIteration (or simply no
             * exception, from tp_iternext) carries the result. */
            FtObject *exc = ft_err_occurred();
            if (exc != NULL && !ft_err_matches(FtExc_StopIteration))
                goto error;
            if (exc != NULL) {
                exc = ft_err_fetch();
                res = ft_stopiteration_value(exc);
                FT_DECREF(exc);
                if (res == NULL)
                    goto error;
            } else {
                res = FT_NEWREF(FT_None);
            }
            status = FT_GEN_RETURN;
        }
        if (status == FT_GEN_RETURN) {
            FT_DECREF(receiver);
            SET_TOP(res);
            DISPATCH();
        }
        /* Yield res; resuming re-runs this instruction with the sent
         * value pushed. */
        retval = res;
        ip--;
        f->yield_from = 1;
        goto yield_value;
    }

    TARGET(GET_YIELD_FROM_ITER)
    {
        FtObject *v = TOP();
        if (FT_TYPE(v) != &FtGenerator_Type) {
            FtObject *it = ft_object_iter(v);
            if (it == NULL)
                goto error;
            FT_DECREF(v);
            SET_TOP(it);
        }
        DISPATCH();
    }

#include "interp/eval_blocks.h"

#if USE_COMPUTED_GOTOS
    op_unknown:
#else
    default:
#endif
    {
        ft_err_format(FtExc_SystemError, "unknown opcode %d", FT_OP(word));
        goto error;
    }
    } /* end of the instruction bodies */

/* ---- calls ---- */
do_call:
{
    FtObject *callable = cargs[-1];
    if (FT_TYPE(callable) == &FtFunction_Type) {
        FtFunctionObject *fn = FUNC(callable);
        FtCodeObject *nco = ft_function_code(callable);
        if (LIKELY(!(nco->co_flags & FT_CO_GENERATOR))) {
            /* A Python function: run it in this loop. */
            int n = ft_code_nlocalsplus(nco);
            FtFrame *nf = ft_frame_alloc(ts, ft_frame_size(nco, n));
            if (nf == NULL)
                goto call_failed;
            ft_frame_init(nf, nco, n, NULL, fn->globals, fn->builtins, NULL);
            nf->is_entry = 0;
            if (ckw == NULL && cnargs == (size_t)nco->co_argcount &&
                !(nco->co_flags & (FT_CO_VARARGS | FT_CO_VARKEYWORDS)) &&
                nco->co_kwonlyargcount == 0) {
                /* Move the arguments and the function out of the stack. */
                FtObject **dst = nf->localsplus;
                for (size_t i = 0; i < cnargs; i++)
                    dst[i] = cargs[i];
                for (int i = (int)cnargs; i < n; i++)
                    dst[i] = NULL;
                nf->func = callable;
                sp = cargs - cpop; /* below: nothing or the NULL of CALL_METHOD */
                if (n > nco->co_nlocals &&
                    ft_frame_init_cells(nf, fn->closure) < 0) {
                    ft_frame_clear(nf);
                    ft_frame_release(ts, nf);
                    goto error;
                }
            } else {
                memset(nf->localsplus, 0, (size_t)n * sizeof(FtObject *));
                nf->func = FT_NEWREF(callable);
                int rc = ft_function_bind_args(callable, nco, nf->localsplus, cargs,
                                               cnargs, ckw);
                if (rc == 0 && n > nco->co_nlocals)
                    rc = ft_frame_init_cells(nf, fn->closure);
                FtObject **base = cargs - cpop;
                while (sp > base) {
                    FtObject *v = *--sp;
                    FT_XDECREF(v);
                }
                FT_XDECREF(ckw);
                if (rc < 0) {
                    ft_frame_clear(nf);
                    ft_frame_release(ts, nf);
                    goto error;
                }
            }
            if (UNLIKELY(ft_eval_enter_call(ts) < 0)) {
                ft_frame_clear(nf);
                ft_frame_release(ts, nf);
                goto error;
            }
            f->ip = ip;
            f->sp = sp;
            nf->back = f;
            nf->state = FT_FRAME_RUNNING;
            ts->frame = nf;
            f = nf;
            LOAD_FRAME();
            CHECK_BREAKER();
            DISPATCH();
        }
    }
    {
        FtObject *res = ft_call(callable, cargs, cnargs, ckw);
        FtObject **base = cargs - cpop;
        while (sp > base) {
            FtObject *v = *--sp;
            FT_XDECREF(v);
        }
        FT_XDECREF(ckw);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }
call_failed:
    {
        FtObject **base = cargs - cpop;
        while (sp > base) {
            FtObject *v = *--sp;
            FT_XDECREF(v);
        }
        FT_XDECREF(ckw);
        goto error;
    }
}

/* ---- leaving frames ---- */
return_value:
    frame_finish(f, sp);
    ft_eval_leave_call(ts);
    if (f->is_entry) {
        ts->frame = f->back;
        return retval;
    }
    {
        FtFrame *caller = f->back;
        ft_frame_release(ts, f);
        f = caller;
        ts->frame = f;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }

yield_value:
    f->ip = ip;
    f->sp = sp;
    f->state = FT_FRAME_SUSPENDED;
    ft_eval_leave_call(ts);
    ts->frame = f->back;
    return retval;

/* ---- exceptions ---- */
error:
    ft_err_add_traceback((FtObject *)co, ft_code_line(co, INSTR_INDEX() - 1));
exception_unwind:
    while (f->iblock > 0) {
        FtBlock *b = &f->blocks[--f->iblock];
        if (b->type == FT_BLOCK_EXCEPT_HANDLER) {
            FtObject **level = f->stack + b->level + 1;
            while (sp > level) {
                FtObject *v = POP();
                FT_XDECREF(v);
            }
            restore_exc_handled(ts, POP());
            continue;
        }
        FtObject **level = f->stack + b->level;
        while (sp > level) {
            FtObject *v = POP();
            FT_XDECREF(v);
        }
        int handler = b->handler;
        FtObject *exc = ft_err_fetch();
        if (exc == NULL) {
            ft_err_set_string(FtExc_SystemError, "error return without exception set");
            exc = ft_err_fetch();
        }
        b->type = FT_BLOCK_EXCEPT_HANDLER;
        b->handler = -1;
        b->level = (int)(sp - f->stack);
        f->iblock++;
        PUSH(ts->exc_handled != NULL ? ts->exc_handled : FT_NEWREF(FT_None));
        ts->exc_handled = FT_NEWREF(exc);
        PUSH(exc);
        ip = first_instr + handler;
        DISPATCH();
    }
    /* No handler here: the frame is done. */
    frame_finish(f, sp);
    ft_eval_leave_call(ts);
    if (f->is_entry) {
        ts->frame = f->back;
        return NULL;
    }
    {
        FtFrame *caller = f->back;
        ft_frame_release(ts, f);
        f = caller;
        ts->frame = f;
        LOAD_FRAME();
        goto error;
    }

entry_failed:
    if (f->gen == NULL) {
        ft_frame_clear(f);
    }
    return NULL;
}
