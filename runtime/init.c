/* runtime/init.c — start-up and shut-down order of the whole runtime. */
#include "runtime/init.h"
#include "interp/modules.h"
#include "objects/object.h"
#include "runtime/tstate.h"

#include <stdio.h>
#include <stdlib.h>

#ifdef FT_DEBUG
static ssize_t rc_total_at_start;
#endif

int ft_runtime_init(void)
{
    ft_mem_limit_init();
    if (ft_tstate_new() == NULL) {
        fprintf(stderr, "ftpy: cannot allocate the thread state\n");
        return -1;
    }
    if (ft_objects_init() < 0) {
        fprintf(stderr, "ftpy: cannot initialise the object layer\n");
        return -1;
    }
    FtObject *builtins = ft_builtins_dict(); /* borrowed; imports builtins */
    if (builtins == NULL) {
        ft_err_print();
        return -1;
    }
#ifdef FT_DEBUG
    rc_total_at_start = ft_rc_total;
#endif
    return 0;
}

void ft_runtime_fini(void)
{
    fflush(stdout);
#ifdef FT_DEBUG
    if (getenv("FTPY_SHOWREFS") != NULL)
        fprintf(stderr, "[ftpy] reference total delta: %zd\n",
                ft_rc_total - rc_total_at_start);
#endif
}
