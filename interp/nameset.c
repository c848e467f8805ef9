/* interp/nameset.c — FtNameSet, the hashed name sets of the symbol
 * table's scope analysis: linear probing over positions in a dense item
 * array, with deletion by backward shift so no tombstones build up while
 * analyze_block adds and discards names.
 */
#include "interp/nameset.h"

#include "runtime/alloc.h"

#include <string.h>

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void ft_nameset_free(FtNameSet *s)
{
    ft_mem_free(s->items);
    ft_mem_free(s->hashes);
    ft_mem_free(s->index);
    memset(s, 0, sizeof(*s));
}

/* The slot holding name, or the empty slot where it would go. */
static unsigned find_slot(const FtNameSet *s, const char *name, unsigned h)
{
    unsigned mask = (unsigned)s->cap - 1;
    unsigned i = h & mask;
    for (; s->index[i] >= 0; i = (i + 1) & mask) {
        int k = s->index[i];
        if (s->hashes[k] == h && strcmp(s->items[k], name) == 0)
            break;
    }
    return i;
}

static int rebuild_index(FtNameSet *s, int cap)
{
    int *index = ft_mem_alloc((size_t)cap * sizeof(int));
    if (index == NULL)
        return -1;
    for (int i = 0; i < cap; i++)
        index[i] = -1;
    ft_mem_free(s->index);
    s->index = index;
    s->cap = cap;
    unsigned mask = (unsigned)cap - 1;
    for (int k = 0; k < s->n; k++) {
        unsigned i = s->hashes[k] & mask;
        while (index[i] >= 0)
            i = (i + 1) & mask;
        index[i] = k;
    }
    return 0;
}

int ft_nameset_contains(const FtNameSet *s, const char *name)
{
    if (s == NULL || s->n == 0)
        return 0;
    return s->index[find_slot(s, name, name_hash(name))] >= 0;
}

static int add_hashed(FtNameSet *s, const char *name, unsigned h)
{
    if (s->cap > 0 && s->index[find_slot(s, name, h)] >= 0)
        return 0;
    if (s->n == s->cap_items) {
        int cap = s->cap_items ? s->cap_items * 2 : 8;
        const char **items = ft_mem_realloc(s->items, (size_t)cap * sizeof(*items));
        if (items == NULL)
            return -1;
        s->items = items;
        unsigned *hashes = ft_mem_realloc(s->hashes, (size_t)cap * sizeof(*hashes));
        if (hashes == NULL)
            return -1;
        s->hashes = hashes;
        s->cap_items = cap;
    }
    /* A load factor of at most 1/2 keeps the probe sequences short. */
    if ((s->n + 1) * 2 > s->cap &&
        rebuild_index(s, s->cap ? s->cap * 2 : 16) < 0)
        return -1;
    s->items[s->n] = name;
    s->hashes[s->n] = h;
    s->index[find_slot(s, name, h)] = s->n;
    s->n++;
    return 0;
}

int ft_nameset_add(FtNameSet *s, const char *name)
{
    return add_hashed(s, name, name_hash(name));
}

int ft_nameset_update(FtNameSet *s, const FtNameSet *other)
{
    if (other == NULL)
        return 0;
    for (int k = 0; k < other->n; k++)
        if (add_hashed(s, other->items[k], other->hashes[k]) < 0)
            return -1;
    return 0;
}

/* Empties slot i and moves later members of its probe run back, so that
 * every member stays reachable from its home slot without tombstones. */
static void clear_slot(FtNameSet *s, unsigned i)
{
    unsigned mask = (unsigned)s->cap - 1;
    s->index[i] = -1;
    for (unsigned j = (i + 1) & mask; s->index[j] >= 0; j = (j + 1) & mask) {
        unsigned home = s->hashes[s->index[j]] & mask;
        /* The member at j may stay if its home lies in (i, j] cyclically. */
        int stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
        if (stays)
            continue;
        s->index[i] = s->index[j];
        s->index[j] = -1;
        i = j;
    }
}

void ft_nameset_discard(FtNameSet *s, const char *name)
{
    if (s == NULL || s->n == 0)
        return;
    unsigned i = find_slot(s, name, name_hash(name));
    int k = s->index[i];
    if (k < 0)
        return;
    clear_slot(s, i);
    int last = --s->n;
    if (k != last) {
        s->items[k] = s->items[last];
        s->hashes[k] = s->hashes[last];
        s->index[find_slot(s, s->items[k], s->hashes[k])] = k;
    }
}
