/* interp/eval_entry.c — the ways into the eval loop and what guards them:
 * ft_eval_code (module code, exec), ft_eval_globals, the recursion limit
 * with its headroom, the C-stack safety net, and the eval breaker.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pthread_getattr_np */
#endif
#include "interp/eval.h"
#include "interp/frame.h"
#include "objects/object.h"
#include "runtime/tstate.h"

#include <pthread.h>
#include <string.h>

__thread uint32_t ft_eval_breaker;
int (*ft_eval_breaker_hook)(FtThreadState *ts);

volatile uint32_t *ft_eval_breaker_ptr(void)
{
    return &ft_eval_breaker;
}

/* Clears the flag before running the hook, so a request that arrives
 * while the hook runs is seen at the next check. */
int ft_eval_handle_breaker(FtThreadState *ts)
{
    ft_atomic_store_u32(&ft_eval_breaker, 0); /* other threads set it */
    if (ft_eval_breaker_hook != NULL)
        return ft_eval_breaker_hook(ts);
    return 0;
}

/* ---- recursion and the C stack ---- */

/* Lowest address the C stack may reach before we refuse to go deeper: a
 * safety net for recursion that passes through C (ft_call from C code),
 * which is limited by recursion_limit too but costs more stack per level. */
static __thread char *c_stack_limit;

static void c_stack_init(void)
{
    char here;
    size_t size = 0;
    void *addr = NULL;
#if defined(__linux__)
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
    }
#endif
    uintptr_t here_addr = (uintptr_t)&here;
    if (addr == NULL || size == 0 || (uintptr_t)addr > here_addr) {
        /* Unknown: assume 1 MiB below the first eval entry is usable. */
        c_stack_limit = (char *)(here_addr - 1024 * 1024 + 128 * 1024);
        return;
    }
    size_t margin = size / 8 > 256 * 1024 ? 256 * 1024 : size / 8;
    c_stack_limit = (char *)((uintptr_t)addr + margin);
}

int ft_eval_recursion_error(FtThreadState *ts)
{
    if (ts->recursion_headroom > 0 &&
        ts->recursion_depth <= ts->recursion_limit + 50)
        return 0;
    ts->recursion_headroom++;
    ft_err_set_string(FtExc_RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom--;
    ts->recursion_depth--;
    return -1;
}

int ft_eval_c_stack_exhausted(FtThreadState *ts)
{
    char here;
    if (c_stack_limit == NULL)
        c_stack_init();
    if ((uintptr_t)&here > (uintptr_t)c_stack_limit)
        return 0;
    ft_err_set_string(FtExc_RecursionError, "maximum recursion depth exceeded");
    return 1;
}

/* ---- entry points ---- */

FtObject *ft_eval_code(FtObject *code, FtObject *globals, FtObject *locals)
{
    FtThreadState *ts = ft_tstate_get();
    FtCodeObject *co = (FtCodeObject *)code;
    if (locals == NULL)
        locals = globals;
    FtObject *builtins = NULL;
    FtObject *b = ft_dict_get(globals, FT_ID(__builtins__));
    if (b != NULL) {
        if (FT_DICT_CHECK(b))
            builtins = b;
        else if (FT_TYPE(b) == &FtModule_Type)
            builtins = FT_MODULE_DICT(b);
        FT_DECREF(b); /* globals keeps it alive */
    } else if (ft_err_occurred()) {
        return NULL;
    }
    if (builtins == NULL) {
        builtins = ft_builtins_dict();
        if (builtins == NULL)
            return NULL;
    }
    int n = ft_code_nlocalsplus(co);
    FtFrame *f = ft_frame_alloc(ts, ft_frame_size(co, n));
    if (f == NULL)
        return NULL;
    ft_frame_init(f, co, n, NULL, globals, builtins, locals);
    memset(f->localsplus, 0, (size_t)n * sizeof(FtObject *));
    if (n > co->co_nlocals && ft_frame_init_cells(f, NULL) < 0) {
        ft_frame_clear(f);
        ft_frame_free(ts, f);
        return NULL;
    }
    FtObject *res = ft_eval_frame(ts, f, 0);
    ft_frame_free(ts, f);
    return res;
}

FtObject *ft_eval_globals(void)
{
    FtFrame *f = ft_tstate_get()->frame;
    return f != NULL ? f->globals : NULL;
}
