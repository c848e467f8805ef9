/* objects/container_guards.c — the repr recursion guard ("[...]"), a
 * per-thread facility every container shares (declared in objects/list.h).
 * The deallocation depth guard is ft_dealloc's (runtime/dealloc.c).
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

void ft_list_thread_cleanup(void)
{
    ft_mem_free(repr_stack);
    repr_stack = NULL;
    repr_len = repr_cap = 0;
}
