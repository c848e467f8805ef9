/* runtime/alloc.c — ft_mem_*: the one door to the allocator.
 * With --with-malloc=jemalloc the binary links libjemalloc, which replaces
 * malloc/free process-wide, so the same calls reach jemalloc; the backend is
 * chosen at link time and reported by ft_mem_backend().
 */
#include "runtime/alloc.h"
#include "objects/object.h"

#include <stdlib.h>

void *ft_mem_alloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        ft_err_no_memory();
    return p;
}

void *ft_mem_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        ft_err_no_memory();
    return p;
}

void *ft_mem_realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (q == NULL)
        ft_err_no_memory();
    return q;
}

void ft_mem_free(void *p) { free(p); }

const char *ft_mem_backend(void)
{
#if defined(FT_MALLOC_JEMALLOC)
    return "jemalloc";
#else
    return "system";
#endif
}
