/* interp/nameset.h — a set of C-string names with O(1) add, test and
 * discard, for the symbol table's scope analysis (interp/symtable.c),
 * which passes every name of every scope through several such sets: with
 * a list, a function of 70,000 locals took most of a minute to analyse.
 * Private to interp/symtable.c.
 */
#ifndef FT_INTERP_NAMESET_H
#define FT_INTERP_NAMESET_H

/* The members are kept dense in items[0..n) (so a set is iterated like an
 * array) and found through an open-addressing index of positions in
 * items. Discarding moves the last member into the hole, so the order of
 * items is the order of addition only until the first discard. Names are
 * borrowed: they must outlive the set. Zero-initialised = empty. */
typedef struct {
    const char **items;
    unsigned *hashes; /* hashes[i] is the hash of items[i] */
    int n, cap_items;
    int *index; /* cap slots: a position in items, or -1 = empty */
    int cap;    /* power of two or 0; at least 2 * n */
} FtNameSet;

void ft_nameset_free(FtNameSet *s);
/* 1 if name is a member, else 0 (s may be NULL: the empty set). */
int ft_nameset_contains(const FtNameSet *s, const char *name);
/* 0, or -1 + MemoryError. */
int ft_nameset_add(FtNameSet *s, const char *name);
/* Removes name if it is a member (s may be NULL). */
void ft_nameset_discard(FtNameSet *s, const char *name);
/* Adds every member of other (which may be NULL): 0 or -1 + MemoryError. */
int ft_nameset_update(FtNameSet *s, const FtNameSet *other);

#endif
