/* interp/arena.c — the bump allocator the parser builds AST nodes in: memory
 * comes from large zeroed chunks and is released all at once, together with
 * the literal objects (constants) the AST refers to.
 */
#include "interp/ast.h"

#include <string.h>

#define ARENA_CHUNK_SIZE ((size_t)32 * 1024)
#define ARENA_ALIGN 16

typedef struct ArenaChunk {
    struct ArenaChunk *prev;
    size_t size; /* usable bytes after the header */
    size_t used;
    /* data follows, ARENA_ALIGN aligned */
} ArenaChunk;

struct FtArena {
    ArenaChunk *chunk; /* the chunk being filled; older ones via prev */
    FtObject **objects;
    size_t n_objects, cap_objects;
};

/* The header is padded so the first allocation is aligned too. */
#define CHUNK_HEADER                                                           \
    ((sizeof(ArenaChunk) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

FtArena *ft_arena_new(void)
{
    return ft_mem_calloc(1, sizeof(FtArena));
}

static ArenaChunk *chunk_new(size_t need, ArenaChunk *prev)
{
    size_t size = need > ARENA_CHUNK_SIZE ? need : ARENA_CHUNK_SIZE;
    /* calloc zeroes, so handing out memory never needs a memset. */
    ArenaChunk *c = ft_mem_calloc(1, CHUNK_HEADER + size);
    if (c == NULL)
        return NULL;
    c->prev = prev;
    c->size = size;
    return c;
}

void *ft_arena_alloc(FtArena *a, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded == 0)
        rounded = ARENA_ALIGN;
    if (rounded < size)
        return ft_err_no_memory();
    ArenaChunk *c = a->chunk;
    if (c == NULL || c->size - c->used < rounded) {
        c = chunk_new(rounded, c);
        if (c == NULL)
            return NULL;
        a->chunk = c;
    }
    void *p = (char *)c + CHUNK_HEADER + c->used;
    c->used += rounded;
    return p;
}

char *ft_arena_strndup(FtArena *a, const char *s, size_t n)
{
    char *d = ft_arena_alloc(a, n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

int ft_arena_add_object(FtArena *a, FtObject *o)
{
    if (a->n_objects == a->cap_objects) {
        size_t cap = a->cap_objects ? a->cap_objects * 2 : 16;
        FtObject **items = ft_mem_realloc(a->objects, cap * sizeof(*items));
        if (items == NULL) {
            /* The arena promised to take the reference, so drop it here. */
            FT_DECREF(o);
            return -1;
        }
        a->objects = items;
        a->cap_objects = cap;
    }
    a->objects[a->n_objects++] = o;
    return 0;
}

void ft_arena_free(FtArena *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; i < a->n_objects; i++)
        FT_DECREF(a->objects[i]);
    ft_mem_free(a->objects);
    ArenaChunk *c = a->chunk;
    while (c != NULL) {
        ArenaChunk *prev = c->prev;
        ft_mem_free(c);
        c = prev;
    }
    ft_mem_free(a);
}
