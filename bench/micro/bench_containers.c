/* bench/micro/bench_containers.c — list append and dict get/set through
 * the object layer's C API, so reference counting, object locks and the
 * thread-state lookup they make are all included, as the interpreter
 * pays them.
 */
#include "bench/micro/micro.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

#define DICT_KEYS 1000 /* str keys "k0".."k999" */

/* Without a GIL, replaced values and outgrown arrays are released at the
 * thread's next quiescent state, which the eval loop reaches at its
 * breaker checks; a benchmark loop has none, so it passes one per batch
 * and the releases are timed too. (With a GIL this does nothing.) */
static void quiescent(void) { ft_qsbr_poll(ft_tstate_get()); }

/* Appends one int to a fresh list MICRO_BATCH times; creating and freeing
 * the list happens with the timer paused. */
static void bm_list_append(ftb_state *st)
{
    FtObject *item = ft_int_from_i64(123456789);
    FtObject *list = item != NULL ? ft_list_new(0) : NULL;
    int ok = list != NULL;
    while (ok && ftb_keep_running_batch(st, MICRO_BATCH)) {
        for (int i = 0; i < MICRO_BATCH; i++)
            ok &= ft_list_append(list, item) == 0;
        quiescent();
        ftb_pause(st);
        FT_DECREF(list);
        list = ft_list_new(0);
        ok &= list != NULL;
        ftb_resume(st);
    }
    if (!ok)
        ftb_skip_with_error(st, "list append failed");
    ftb_set_items_processed(st, ftb_iterations(st));
    FT_XDECREF(list);
    FT_XDECREF(item);
}

/* The dict and its keys; made by the main thread, kept until exit. */
static FtObject *dict, *keys[DICT_KEYS], *values[2];

static int dict_setup(void)
{
    if ((dict = ft_dict_new()) == NULL)
        return -1;
    for (int v = 0; v < 2; v++)
        if ((values[v] = ft_int_from_i64(1000000 + v)) == NULL)
            return -1;
    for (int i = 0; i < DICT_KEYS; i++) {
        if ((keys[i] = ft_str_from_format("k%d", i)) == NULL ||
            ft_dict_set(dict, keys[i], values[0]) < 0)
            return -1;
    }
    return 0;
}

/* d[key] for each key in turn (a new reference, dropped at once). */
static void bm_dict_get(ftb_state *st)
{
    FtThreadState *ts = micro_thread_enter(st);
    int ok = 1;
    while (ftb_keep_running_batch(st, MICRO_BATCH)) {
        for (int i = 0; i < MICRO_BATCH; i++) {
            FtObject *v = ft_dict_get(dict, keys[i % DICT_KEYS]);
            if (v == NULL)
                ok = 0;
            else
                FT_DECREF(v);
        }
    }
    if (!ok)
        ftb_skip_with_error(st, "a key went missing");
    ftb_set_items_processed(st, ftb_iterations(st));
    micro_thread_leave(ts);
}

/* d[key] = value for existing keys, alternating two values, so every set
 * replaces a value (no resize: that is the common case of a namespace). */
static void bm_dict_set(ftb_state *st)
{
    int ok = 1;
    long round = 0;
    while (ftb_keep_running_batch(st, MICRO_BATCH)) {
        FtObject *v = values[++round & 1];
        for (int i = 0; i < MICRO_BATCH; i++)
            ok &= ft_dict_set(dict, keys[i % DICT_KEYS], v) == 0;
        quiescent();
    }
    if (!ok || ft_dict_size(dict) != DICT_KEYS)
        ftb_skip_with_error(st, "dict set failed");
    ftb_set_items_processed(st, ftb_iterations(st));
}

void micro_register_containers(void)
{
    ftb_register("list_append/" MICRO_CONFIG, bm_list_append, 1, -1, NULL);
    if (dict_setup() < 0) {
        ft_err_clear();
        return;
    }
    ftb_register("dict_get/" MICRO_CONFIG, bm_dict_get, 1, -1, NULL);
    ftb_register("dict_set/" MICRO_CONFIG, bm_dict_set, 1, -1, NULL);
#if defined(MICRO_THREADED)
    /* Both threads read the one dict: its lock is taken by each get. */
    ftb_register("dict_get_shared/" MICRO_CONFIG, bm_dict_get, 2, -1, NULL);
#endif
}
