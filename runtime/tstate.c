/* runtime/tstate.c — creating, finding and releasing FtThreadState.
 * Every state is also kept on a linked list: --with-tstate=list finds the
 * current one by scanning it, and thread enumeration needs it anyway.
 */
#include "runtime/tstate.h"

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t tstate_list_lock = PTHREAD_MUTEX_INITIALIZER;
static FtThreadState *tstate_list;

#if defined(FT_TSTATE_TLS)
__thread FtThreadState *ft_tstate_current;
#define SET_CURRENT(ts) (ft_tstate_current = (ts))
#endif

FtThreadState *ft_tstate_new(void)
{
    FtThreadState *ts = calloc(1, sizeof *ts);
    if (ts == NULL)
        return NULL;
    ts->thread_id = (unsigned long)pthread_self();
    ts->recursion_limit = 1000;
    pthread_mutex_lock(&tstate_list_lock);
    ts->next = tstate_list;
    tstate_list = ts;
    pthread_mutex_unlock(&tstate_list_lock);
    SET_CURRENT(ts);
    return ts;
}

static void free_lists_release(FtThreadState *ts)
{
    for (int k = 0; k < FT_FL__COUNT; k++) {
        void *p = ts->freelist[k];
        while (p != NULL) {
            void *next = FT_FREELIST_NEXT(p);
            ft_mem_free(p);
            p = next;
        }
        ts->freelist[k] = NULL;
        ts->freelist_len[k] = 0;
    }
}

void ft_tstate_delete(FtThreadState *ts)
{
    /* The containers keep small per-thread caches of their own. */
    ft_list_thread_cleanup();
    ft_dict_thread_cleanup();
    ft_slice_thread_cleanup();
    free_lists_release(ts);
    ft_frame_stack_free(ts);
    pthread_mutex_lock(&tstate_list_lock);
    for (FtThreadState **pp = &tstate_list; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == ts) {
            *pp = ts->next;
            break;
        }
    }
    pthread_mutex_unlock(&tstate_list_lock);
    if (ft_tstate_get() == ts)
        SET_CURRENT(NULL);
    free(ts);
}
