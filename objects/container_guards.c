/* objects/container_guards.c — two per-thread facilities every container
 * shares (declared in objects/list.h): the repr recursion guard ("[...]")
 * and the deallocation depth guard (trashcan).
 */
#include "objects/object.h"

#include <string.h>

/* ---- repr recursion guard -------------------------------------------------- */

/* The objects whose repr is in progress on this thread, innermost last. */
static __thread FtObject **repr_stack;
static __thread ssize_t repr_len, repr_cap;

int ft_repr_enter(FtObject *o)
{
    for (ssize_t i = repr_len - 1; i >= 0; i--)
        if (repr_stack[i] == o)
            return 1;
    if (repr_len == repr_cap) {
        ssize_t cap = repr_cap ? repr_cap * 2 : 16;
        FtObject **s = ft_mem_realloc(repr_stack, cap * sizeof(FtObject *));
        if (s == NULL)
            return -1;
        repr_stack = s;
        repr_cap = cap;
    }
    FtThreadState *ts = ft_tstate_get();
    if (++ts->recursion_depth > ts->recursion_limit &&
        ts->recursion_headroom == 0) {
        --ts->recursion_depth;
        ft_err_set_string(FtExc_RecursionError,
                          "maximum recursion depth exceeded while getting "
                          "the repr of an object");
        return -1;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void ft_repr_leave(FtObject *o)
{
    for (ssize_t i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(repr_stack + i, repr_stack + i + 1,
                    (repr_len - i - 1) * sizeof(FtObject *));
            repr_len--;
            ft_tstate_get()->recursion_depth--;
            return;
        }
    }
}

/* ---- deallocation depth guard ----------------------------------------------- */

#define TRASH_DEPTH_MAX 200

typedef struct {
    FtObject *op;
    ft_destructor dealloc;
} TrashEntry;

static __thread int trash_depth;
static __thread TrashEntry *trash_queue;
static __thread ssize_t trash_len, trash_cap;

int ft_trash_begin(FtObject *op, ft_destructor dealloc)
{
    if (trash_depth >= TRASH_DEPTH_MAX) {
        if (trash_len == trash_cap) {
            ssize_t cap = trash_cap ? trash_cap * 2 : 64;
            /* A dealloc must not disturb the exception being raised. */
            FtObject *saved = ft_err_fetch();
            TrashEntry *q = ft_mem_realloc(trash_queue, cap * sizeof(*q));
            if (q == NULL)
                ft_err_clear();
            ft_err_restore(saved);
            if (q == NULL)
                goto proceed; /* no memory: recurse after all */
            trash_queue = q;
            trash_cap = cap;
        }
        trash_queue[trash_len].op = op;
        trash_queue[trash_len].dealloc = dealloc;
        trash_len++;
        return 1;
    }
proceed:
    trash_depth++;
    return 0;
}

void ft_trash_end(void)
{
    if (--trash_depth > 0 || trash_len == 0)
        return;
    trash_depth++; /* drain here, not in the deallocs the drain runs */
    while (trash_len > 0) {
        TrashEntry e = trash_queue[--trash_len];
        e.dealloc(e.op);
    }
    trash_depth--;
}

void ft_list_thread_cleanup(void)
{
    ft_mem_free(repr_stack);
    repr_stack = NULL;
    repr_len = repr_cap = 0;
    ft_mem_free(trash_queue);
    trash_queue = NULL;
    trash_len = trash_cap = 0;
}
