/* objects/list.h — list: a growable array of references. Every operation
 * is atomic with respect to other threads in free-threaded builds (object
 * locks are added by runtime/lock.h, never by this interface).
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_LIST_H
#define FT_OBJECTS_LIST_H

#include "runtime/lock.h" /* FT_OBJECT_LOCK_FIELDS */

typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS /* the list's lock (inline object locks only) */
    ssize_t size;
    ssize_t allocated;
    FtObject **items;
} FtListObject;

#define FT_LIST_CHECK_EXACT(o) (FT_TYPE(o) == &FtList_Type)
#define FT_LIST_CHECK(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_LIST_SUBCLASS) != 0)
/* Raw access for code that owns the list (building it, or the GIL build's
 * eval-loop fast paths) or holds it in a critical section
 * (FT_BEGIN_CRITICAL_SECTION(list)). Borrowed, and only valid until the
 * section ends: in a free-threaded build another thread may change a
 * shared list at any moment, so INCREF what you read before leaving.
 * Writing through them is for lists nobody else can see yet (being built);
 * in free-threaded builds a shared list's storage changes only in list.c,
 * which keeps the rules that let readers go without the lock. */
#define FT_LIST_SIZE(o) (((FtListObject *)(o))->size)
#define FT_LIST_ITEMS(o) (((FtListObject *)(o))->items)

FtObject *ft_list_new(ssize_t size); /* items NULL: fill with FT_LIST_ITEMS */
FtObject *ft_list_from_array(FtObject *const *items, ssize_t n);
FtObject *ft_list_from_iterable(FtObject *iterable);
int ft_list_append(FtObject *list, FtObject *item); /* item is borrowed */
int ft_list_extend(FtObject *list, FtObject *iterable);
int ft_list_insert(FtObject *list, ssize_t index, FtObject *item);
FtObject *ft_list_get(FtObject *list, ssize_t index); /* new ref, IndexError */
int ft_list_set(FtObject *list, ssize_t index, FtObject *item); /* borrowed */
ssize_t ft_list_size(FtObject *list);
int ft_list_sort(FtObject *list, FtObject *key, int reverse);
int ft_list_reverse(FtObject *list);
FtObject *ft_list_as_tuple(FtObject *list);

/* ---- additions (containers owner) ---- */

extern FtType FtListIter_Type;    /* list_iterator */
extern FtType FtListRevIter_Type; /* list_reverseiterator */

/* `a, b, c = list` in one critical section: if the list has exactly n
 * items, stores new references to them in out[n-1] .. out[0] (first item
 * last, as the eval loop's stack wants them) and returns 1; else 0 and
 * nothing is stored. */
int ft_list_unpack_exact(FtObject *list, FtObject **out, ssize_t n);
/* Removes and returns list[index] (negative counts from the end).
 * IndexError "pop from empty list" / "pop index out of range". */
FtObject *ft_list_pop(FtObject *list, ssize_t index);
/* list[lo:hi] as a new list (indices clamped like a slice). */
FtObject *ft_list_slice(FtObject *list, ssize_t lo, ssize_t hi);

/* Repr recursion guard for containers that can contain themselves (per
 * thread): returns 0 after entering o, 1 if o is already being repr'd
 * further up (print "[...]"; do not call leave), -1 on error (MemoryError
 * or RecursionError). Every 0 is paired with ft_repr_leave(o). */
int ft_repr_enter(FtObject *o);
void ft_repr_leave(FtObject *o);

/* Frees the calling thread's repr-guard buffer (call when a thread's state
 * is deleted). These three live in container_guards.c. */
void ft_list_thread_cleanup(void);

/* A new list_iterator over list, or a list_reverseiterator if reverse
 * (objects/list_iter.c). */
FtObject *ft_list_iter_new(FtObject *list, int reverse);
/* For ft_object_iter_private: in free-threaded builds its next() moves the
 * index with a plain store, not the CAS that lets threads share an
 * iterator. */
FtObject *ft_list_iter_new_private(FtObject *list);

/* ---- reads by index without the list's lock ---- */

/* Free-threaded builds (the same condition as runtime/qsbr.h's
 * FT_QSBR_ACTIVE): list[i] takes no lock. An item array then starts one
 * word early: FT_LIST_CAPACITY(items) is its number of slots, written
 * before the array is published and never changed, so a reader can check
 * an index against the array it loaded even when the size it loaded
 * belongs to another moment. The writers' rules that make this safe are
 * at the top of objects/list.c. */
#if defined(FT_GIL_NONE)
#define FT_LIST_LOCKFREE_READS 1
#define FT_LIST_CAPACITY(items) (((const ssize_t *)(items))[-1])
#endif

/* list[i] (negative i counts from the end) for an exact list or a
 * subclass: 1 with *out a new reference; 0 when i is out of range (the
 * caller raises IndexError); -1 when only the locked path can tell (a slot
 * being written, an array being replaced). With a GIL a plain read. Never
 * sets an exception. */
static inline int ft_list_get_fast(FtObject *list, ssize_t i, FtObject **out)
{
    FtListObject *l = (FtListObject *)list;
#if defined(FT_LIST_LOCKFREE_READS)
    FtObject **items = (FtObject **)ft_atomic_load_ptr_acquire(
        (void *const volatile *)&l->items);
    ssize_t n = ft_atomic_load_ssize(&l->size);
    if (i < 0)
        i += n;
    if ((size_t)i >= (size_t)n)
        return 0;
    if (items == NULL || (size_t)i >= (size_t)FT_LIST_CAPACITY(items))
        return -1;
    FtObject *v = (FtObject *)ft_atomic_load_ptr_acquire(
        (void *const volatile *)&items[i]);
    if (v == NULL)
        return -1;
    *out = FT_NEWREF(v);
    return 1;
#else
    ssize_t n = l->size;
    if (i < 0)
        i += n;
    if ((size_t)i >= (size_t)n)
        return 0;
    *out = FT_NEWREF(l->items[i]);
    return 1;
#endif
}

/* Internal to objects/list.c and objects/list_sort.c (the writers' rules
 * at the top of list.c): stores into a list's size and items fields and
 * into the slots of an array other threads may be reading. Plain stores
 * with a GIL; atomic ones otherwise: slots and the array pointer with
 * release stores (what they point to was initialised first), the size
 * relaxed. On x86 each of them is one plain mov. */
#if defined(FT_LIST_LOCKFREE_READS)
#define FT_LIST_SLOT_STORE_(items, i, v)                                       \
    ft_atomic_store_ptr_release((void *volatile *)&(items)[i], (void *)(v))
#define FT_LIST_SIZE_STORE_(l, n) ft_atomic_store_ssize(&(l)->size, (n))
#define FT_LIST_ITEMS_PUBLISH_(l, a)                                           \
    ft_atomic_store_ptr_release((void *volatile *)&(l)->items, (void *)(a))
#else
#define FT_LIST_SLOT_STORE_(items, i, v) ((items)[i] = (v))
#define FT_LIST_SIZE_STORE_(l, n) ((l)->size = (n))
#define FT_LIST_ITEMS_PUBLISH_(l, a) ((l)->items = (a))
#endif
/* Drops the references items[0:n) and frees the array, which a list
 * published: with lock-free reads after a grace period (the slots from n
 * up are NULL then), with a GIL at once. */
void ft_list_items_discard_(FtObject **items, ssize_t n);

#endif
