/* objects/deferred.c — the registry of shared, long-lived objects and their
 * immortalization when the first extra thread starts (the protocol and
 * the argument are in objects/deferred.h).
 */
#include "objects/deferred.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if FT_DEFERRED_ACTIVE

#include "interp/code.h"
#include "objects/typeobject.h"

int ft_deferred_recording = 1;
int ft_deferred_immortal_now = 0;
/* FTPY_DEFER=all: also the module-level values when threads start. */
static int defer_values = 1;
static ft_atomic_t immortalized;

/* ---- the registry: a set of pointers (open addressing, linear probing,
 * deletion by backward shift, so there are no tombstones) ---- */

static FtObject **slots;
static size_t cap;  /* a power of two, or 0 */
static size_t used;

static size_t slot_of(FtObject *op)
{
    uintptr_t h = (uintptr_t)op * (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 17) & (cap - 1);
}

static void set_insert(FtObject *op);

/* Grows the table; registration never fails (it is only an optimisation),
 * so on out-of-memory the object simply stays counted. */
static int set_grow(void)
{
    size_t old_cap = cap;
    FtObject **old = slots;
    size_t ncap = cap ? cap * 2 : 1024;
    FtObject **n = calloc(ncap, sizeof *n);
    if (n == NULL)
        return -1;
    slots = n;
    cap = ncap;
    used = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i] != NULL)
            set_insert(old[i]);
    free(old);
    return 0;
}

static void set_insert(FtObject *op)
{
    if ((used + 1) * 2 > cap && set_grow() < 0)
        return;
    size_t i = slot_of(op);
    while (slots[i] != NULL) {
        if (slots[i] == op)
            return;
        i = (i + 1) & (cap - 1);
    }
    slots[i] = op;
    used++;
}

static void set_remove(FtObject *op)
{
    if (cap == 0)
        return;
    size_t i = slot_of(op);
    while (slots[i] != op) {
        if (slots[i] == NULL)
            return;
        i = (i + 1) & (cap - 1);
    }
    /* Backward shift: move later members of the probe run into the hole
     * when their home slot is not between the hole and where they sit. */
    size_t hole = i;
    for (size_t j = (i + 1) & (cap - 1); slots[j] != NULL;
         j = (j + 1) & (cap - 1)) {
        size_t home = slot_of(slots[j]);
        int stays = hole <= j ? (hole < home && home <= j)
                              : (hole < home || home <= j);
        if (!stays) {
            slots[hole] = slots[j];
            hole = j;
        }
    }
    slots[hole] = NULL;
    used--;
}

/* ---- what immortalizing a marked object takes in ---- */

static void make_immortal(FtObject *op)
{
    if (op == NULL || FT_IS_IMMORTAL(op))
        return;
    ft_rc_make_immortal(op);
    ft_atomic_add(&immortalized, 1);
}

/* Constants: tuples (nested ones too) and code objects. Depth is bounded
 * by how deeply the compiler nests code, which it limits. */
static void immortalize_code(FtObject *code);

static void immortalize_const(FtObject *c)
{
    if (FT_TUPLE_CHECK_EXACT(c)) {
        make_immortal(c);
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(c); i++)
            immortalize_const(FT_TUPLE_GET(c, i));
    } else if (FT_CODE_CHECK(c)) {
        immortalize_code(c);
    } else if (FT_STR_CHECK_EXACT(c) || FT_INT_CHECK_EXACT(c) ||
               FT_FLOAT_CHECK_EXACT(c)) {
        make_immortal(c);
    }
}

static void immortalize_code(FtObject *code)
{
    FtCodeObject *co = (FtCodeObject *)code;
    if (FT_IS_IMMORTAL(code))
        return;
    make_immortal(code);
    immortalize_const(co->co_consts);
    make_immortal(co->co_names);
    make_immortal(co->co_varnames);
    make_immortal(co->co_freevars);
    make_immortal(co->co_cellvars);
    make_immortal(co->co_filename);
    make_immortal(co->co_name);
    make_immortal(co->co_qualname);
}

static void immortalize_tuple_items(FtObject *t)
{
    make_immortal(t);
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(t); i++)
        make_immortal(FT_TUPLE_GET(t, i));
}

/* A function, class or module and its own parts (deferred.h). */
static void immortalize_marked(FtObject *op)
{
    if (FT_FUNCTION_CHECK(op)) {
        FtFunctionObject *fn = (FtFunctionObject *)op;
        make_immortal(op);
        immortalize_code(fn->code);
        make_immortal(fn->name);
        make_immortal(fn->qualname);
        make_immortal(fn->module);
        make_immortal(fn->doc);
        if (fn->defaults != NULL)
            immortalize_tuple_items(fn->defaults);
        make_immortal(fn->kwdefaults);
    } else if (FT_TYPE_CHECK(op)) {
        FtType *t = (FtType *)op;
        make_immortal(op);
        make_immortal(t->tp_dict);
        if (t->tp_mro != NULL)
            immortalize_tuple_items(t->tp_mro);
        if (t->tp_bases != NULL)
            immortalize_tuple_items(t->tp_bases);
        make_immortal(t->tp_name_obj);
        if (FT_IS_HEAPEXT(t))
            make_immortal(((FtHeapType *)t)->qualname);
    } else if (FT_MODULE_CHECK(op)) {
        make_immortal(op);
        make_immortal(FT_MODULE_DICT(op));
        make_immortal(((FtModuleObject *)op)->name);
    }
}

/* Objects whose end runs user code stay counted. */
static int has_finalizer(FtObject *v)
{
    FtType *t = FT_TYPE(v);
    if (t == &FtGenerator_Type)
        return 1;
    return (t->tp_flags & FT_TPFLAGS_HEAPTYPE) &&
           ft_type_lookup(t, FT_ID(__del__)) != NULL;
}

/* A namespace's values, one level deep; functions and classes among them
 * take their parts in, and so do the callables of static and class
 * methods. */
static void immortalize_values(FtObject *dict)
{
    ssize_t pos = 0;
    FtObject *v;
    if (dict == NULL)
        return;
    while (ft_dict_next(dict, &pos, NULL, &v)) {
        if (FT_IS_IMMORTAL(v) || has_finalizer(v))
            continue;
        if (FT_FUNCTION_CHECK(v) || FT_TYPE_CHECK(v) || FT_MODULE_CHECK(v)) {
            immortalize_marked(v);
            continue;
        }
        make_immortal(v);
        FtType *t = FT_TYPE(v);
        if (t == &FtStaticMethod_Type || t == &FtClassMethod_Type) {
            FtObject *inner = ((FtStaticMethodObject *)v)->callable;
            if (FT_FUNCTION_CHECK(inner))
                immortalize_marked(inner);
            else
                make_immortal(inner);
        }
    }
}


void ft_deferred_mark(FtObject *op)
{
    if (FT_FUNCTION_CHECK(op)) {
        FtCodeObject *co = (FtCodeObject *)((FtFunctionObject *)op)->code;
        if (co->co_flags & FT_CO_NESTED)
            return;
    }
    if (ft_deferred_immortal_now)
        immortalize_marked(op);
    else if (ft_deferred_recording)
        set_insert(op);
}

void ft_deferred_forget_slow(FtObject *op) { set_remove(op); }

void ft_deferred_threads_starting(void)
{
    if (!ft_deferred_recording)
        return;
    /* Only this thread runs: the registry is read without a lock. First
     * the objects and their parts, then the namespaces' values. */
    for (size_t i = 0; i < cap; i++)
        if (slots[i] != NULL)
            immortalize_marked(slots[i]);
    for (size_t i = 0; i < cap && defer_values; i++) {
        FtObject *op = slots[i];
        if (op == NULL)
            continue;
        if (FT_MODULE_CHECK(op))
            immortalize_values(FT_MODULE_DICT(op));
        else if (FT_TYPE_CHECK(op))
            immortalize_values(((FtType *)op)->tp_dict);
    }
    free(slots);
    slots = NULL;
    cap = used = 0;
    /* Published to the threads about to start by pthread_create. */
    ft_deferred_recording = 0;
    ft_deferred_immortal_now = 1;
}

size_t ft_deferred_immortalized(void)
{
    return (size_t)ft_atomic_load(&immortalized);
}
size_t ft_deferred_recorded(void) { return used; }

#endif

/* FTPY_DEFER: 2 all, 1 objects, 0 none; -1 for anything else. */
static int defer_mode(void)
{
    const char *mode = getenv("FTPY_DEFER");
    if (mode == NULL || strcmp(mode, "all") == 0)
        return 2;
    if (strcmp(mode, "objects") == 0)
        return 1;
    if (strcmp(mode, "none") == 0)
        return 0;
    fprintf(stderr, "ftpy: FTPY_DEFER must be all, objects or none, not "
                    "'%s'\n", mode);
    return -1;
}

int ft_deferred_init(void)
{
    int mode = defer_mode();
    if (mode < 0)
        return -1;
#if FT_DEFERRED_ACTIVE
    defer_values = mode == 2;
    ft_deferred_recording = mode > 0;
#endif
    return 0;
}
