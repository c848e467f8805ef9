/* runtime/alloc.h — the allocator every object and buffer goes through.
 * --with-malloc=jemalloc|system picks the backend in runtime/alloc.c.
 * On failure these return NULL and set MemoryError, so callers just
 * propagate NULL.
 */
#ifndef FT_RUNTIME_ALLOC_H
#define FT_RUNTIME_ALLOC_H

#include <stddef.h>

void *ft_mem_alloc(size_t size);            /* NULL + MemoryError on failure */
void *ft_mem_calloc(size_t n, size_t size); /* zeroed; NULL + MemoryError */
void *ft_mem_realloc(void *p, size_t size); /* NULL + MemoryError; p kept */
void ft_mem_free(void *p);
const char *ft_mem_backend(void); /* "jemalloc" or "system" */
/* Caps the address space at physical memory (+1 GiB) unless a limit is
 * already set, so running out of memory raises MemoryError instead of
 * waking the kernel's OOM killer. Called once at start-up. */
void ft_mem_limit_init(void);

#endif
