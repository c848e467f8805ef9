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
 * shared list at any moment, so INCREF what you read before leaving. */
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

/* Deallocation depth guard (CPython's "trashcan"), so freeing a chain of a
 * million nested containers does not overflow the C stack. A container's
 * tp_dealloc starts with
 *     if (ft_trash_begin(op, this_dealloc)) return;
 * (1: op was queued and will be passed to this_dealloc again later) and
 * ends, after releasing its contents, with ft_trash_end(). */
int ft_trash_begin(FtObject *op, ft_destructor dealloc);
void ft_trash_end(void);

/* Frees the calling thread's repr-guard and trashcan buffers (call when a
 * thread's state is deleted). */
void ft_list_thread_cleanup(void);

#endif
