/* interp/frame.c — frame memory and frame set-up: the per-thread stack of
 * frame chunks that ordinary calls bump-allocate from, creating a frame for
 * a function call (argument binding, cells, closure), releasing frames, and
 * the locals() snapshot of the running frame.
 */
#include "interp/frame.h"

#include <string.h>

/* Big enough for a few hundred typical frames; a frame larger than this
 * gets a chunk of its own. */
#define CHUNK_SIZE (128 * 1024)

static void free_spares(FtFrameChunk *c)
{
    while (c != NULL) {
        FtFrameChunk *next = c->spare;
        ft_mem_free(c);
        c = next;
    }
}

static FtFrameChunk *chunk_new(size_t need)
{
    size_t hdr = (sizeof(FtFrameChunk) + 15) & ~(size_t)15;
    size_t size = need + hdr > CHUNK_SIZE ? need + hdr : CHUNK_SIZE;
    FtFrameChunk *c = ft_mem_alloc(size);
    if (c == NULL)
        return NULL;
    c->prev = NULL;
    c->spare = NULL;
    c->data = (char *)c + hdr;
    c->top = c->data;
    c->end = (char *)c + size;
    return c;
}

FtFrame *ft_frame_alloc_slow(FtThreadState *ts, size_t size)
{
    FtFrameChunk *cur = (FtFrameChunk *)ts->frame_chunk;
    FtFrameChunk *next = NULL;
    if (cur != NULL && cur->spare != NULL) {
        FtFrameChunk *sp = cur->spare;
        if ((size_t)(sp->end - sp->data) >= size) {
            next = sp;
        } else {
            free_spares(sp);
        }
        cur->spare = NULL;
    }
    if (next == NULL) {
        next = chunk_new(size);
        if (next == NULL)
            return NULL;
    }
    next->prev = cur;
    next->top = next->data + size;
    ts->frame_chunk = next;
    return (FtFrame *)next->data;
}

void ft_frame_stack_free(FtThreadState *ts)
{
    FtFrameChunk *c = (FtFrameChunk *)ts->frame_chunk;
    if (c != NULL)
        free_spares(c->spare);
    while (c != NULL) {
        FtFrameChunk *prev = c->prev;
        ft_mem_free(c);
        c = prev;
    }
    ts->frame_chunk = NULL;
}

int ft_frame_init_cells(FtFrame *f, FtObject *closure)
{
    FtCodeObject *co = f->code;
    ssize_t ncells = FT_TUPLE_SIZE(co->co_cellvars);
    ssize_t nfree = FT_TUPLE_SIZE(co->co_freevars);
    FtObject **cells = f->localsplus + co->co_nlocals;
    for (ssize_t i = 0; i < ncells; i++) {
        int arg = co->co_cell2arg != NULL ? co->co_cell2arg[i] : -1;
        FtObject *cell;
        if (arg >= 0) {
            /* A parameter that is also a cell lives only in its cell. */
            cell = ft_cell_new(f->localsplus[arg]);
            if (cell == NULL)
                return -1;
            FT_CLEAR(f->localsplus[arg]);
        } else {
            cell = ft_cell_new(NULL);
            if (cell == NULL)
                return -1;
        }
        cells[i] = cell;
    }
    if (nfree > 0) {
        if (closure == NULL || FT_TUPLE_SIZE(closure) < nfree) {
            ft_err_set_string(FtExc_SystemError,
                              "code object needs a closure it was not given");
            return -1;
        }
        for (ssize_t i = 0; i < nfree; i++)
            cells[ncells + i] = FT_NEWREF(FT_TUPLE_GET(closure, i));
    }
    return 0;
}

FtFrame *ft_frame_new_call(FtThreadState *ts, FtObject *func,
                           FtObject *const *args, size_t nargs,
                           FtObject *kwnames, int heap)
{
    FtFunctionObject *fn = (FtFunctionObject *)func;
    FtCodeObject *co = ft_function_code(func);
    int n = ft_code_nlocalsplus(co);
    size_t size = ft_frame_size(co, n);
    FtFrame *f = heap ? ft_mem_alloc(size) : ft_frame_alloc(ts, size);
    if (f == NULL)
        return NULL;
    ft_frame_init(f, co, n, FT_NEWREF(func), fn->globals, fn->builtins, NULL);
    f->on_heap = (unsigned char)(heap != 0);
    memset(f->localsplus, 0, (size_t)n * sizeof(FtObject *));
    if (ft_function_bind_args(func, co, f->localsplus, args, nargs, kwnames) < 0 ||
        (n > co->co_nlocals && ft_frame_init_cells(f, fn->closure) < 0)) {
        ft_frame_clear(f);
        ft_frame_free(ts, f);
        return NULL;
    }
    return f;
}

void ft_frame_clear(FtFrame *f)
{
    FtObject **sp = f->sp;
    while (sp > f->stack) {
        FtObject *v = *--sp;
        FT_XDECREF(v);
    }
    f->sp = f->stack;
    for (int i = 0; i < f->nlocalsplus; i++)
        FT_CLEAR(f->localsplus[i]);
    f->iblock = 0;
    f->state = FT_FRAME_DONE;
    FT_CLEAR(f->func);
}

void ft_frame_free(FtThreadState *ts, FtFrame *f)
{
    if (f->on_heap)
        ft_mem_free(f);
    else
        ft_frame_release(ts, f);
}

FtFrame *ft_eval_current_frame(void)
{
    return ft_tstate_get()->frame;
}

/* Adds name -> value to d for each bound slot in slots[0..n). */
static int add_bound(FtObject *d, FtObject *names, FtObject **slots,
                     ssize_t n, int cells)
{
    for (ssize_t i = 0; i < n && i < FT_TUPLE_SIZE(names); i++) {
        FtObject *v = slots[i];
        if (v == NULL)
            continue;
        /* Cells through their sections: other threads may share them. */
        v = cells ? ft_cell_get(v) : FT_NEWREF(v);
        if (v == NULL)
            continue;
        int r = ft_dict_set(d, FT_TUPLE_GET(names, i), v);
        FT_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

FtObject *ft_eval_locals(void)
{
    FtFrame *f = ft_tstate_get()->frame;
    if (f == NULL)
        return NULL;
    if (f->locals != NULL)
        return FT_NEWREF(f->locals);
    FtCodeObject *co = f->code;
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    ssize_t ncells = FT_TUPLE_SIZE(co->co_cellvars);
    FtObject **cells = f->localsplus + co->co_nlocals;
    if (add_bound(d, co->co_varnames, f->localsplus, co->co_nlocals, 0) < 0 ||
        add_bound(d, co->co_cellvars, cells, ncells, 1) < 0 ||
        add_bound(d, co->co_freevars, cells + ncells,
                  FT_TUPLE_SIZE(co->co_freevars), 1) < 0) {
        FT_DECREF(d);
        return NULL;
    }
    return d;
}
