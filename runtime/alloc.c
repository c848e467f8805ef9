/* runtime/alloc.c — ft_mem_*: the one door to the allocator.
 * With --with-malloc=jemalloc the binary links libjemalloc, which replaces
 * malloc/free process-wide, so the same calls reach jemalloc; the backend is
 * chosen at link time and reported by ft_mem_backend().
 */
#include "runtime/alloc.h"
#include "objects/object.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

/* Linux overcommits: malloc of more than the machine has may "succeed" and
 * the process is killed later, when the pages are touched. A program asking
 * for one block larger than physical memory gets MemoryError instead, as it
 * would from CPython on a machine without overcommit. */
static size_t single_block_limit(void)
{
    static size_t limit;
    if (limit == 0) {
        long pages = sysconf(_SC_PHYS_PAGES);
        long page_size = sysconf(_SC_PAGESIZE);
        limit = (pages > 0 && page_size > 0) ? (size_t)pages * (size_t)page_size
                                              : (size_t)-1 / 2;
    }
    return limit;
}

static int too_big(size_t n, size_t size)
{
    return size != 0 && n > single_block_limit() / size;
}

void *ft_mem_alloc(size_t size)
{
    void *p = too_big(1, size) ? NULL : malloc(size ? size : 1);
    if (p == NULL)
        ft_err_no_memory();
    return p;
}

void *ft_mem_calloc(size_t n, size_t size)
{
    void *p = too_big(n, size) ? NULL : calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        ft_err_no_memory();
    return p;
}

void *ft_mem_realloc(void *p, size_t size)
{
    void *q = too_big(1, size) ? NULL : realloc(p, size ? size : 1);
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

void ft_mem_limit_init(void)
{
#if !defined(FT_ASAN) && !defined(FT_TSAN) /* sanitizers reserve huge maps */
    /* Many small blocks can overcommit just like one big one; capping the
     * address space at the machine's memory turns that into MemoryError
     * too. A lower limit set by the user is kept. */
    struct rlimit rl;
    size_t phys = single_block_limit();
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur == RLIM_INFINITY) {
        rl.rlim_cur = (rlim_t)phys + ((rlim_t)1 << 30);
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
}
