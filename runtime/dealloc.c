/* runtime/dealloc.c — running an object's tp_dealloc when its count reaches
 * zero, with a bound on how deeply deallocations nest on the C stack.
 *
 * Freeing a container releases its items, which may free their items in
 * turn, each level a few C frames deeper: dropping a million-long chain of
 * nested lists, generators or exceptions would overflow the C stack. So past
 * FT_DEALLOC_DEPTH nested deallocations in one thread, an object whose count
 * reached zero is not freed at once but pushed on its thread's list of
 * pending deallocations, which the outermost deallocation empties, one
 * object at a time, before it returns (CPython calls this the trashcan).
 *
 * The object is dead when it is pushed (its count is zero and nothing else
 * can reach it), so delaying its tp_dealloc is invisible except for the
 * order in which finalizers run. Depth and list are per thread: nothing is
 * shared, so free-threaded builds need no lock here.
 */
#include "objects/object.h"

#include <stdlib.h>

/* Deep enough that ordinary nesting never pays the detour, shallow enough
 * that the frames of this many nested tp_deallocs fit in any thread's
 * stack with room to spare. */
#define FT_DEALLOC_DEPTH 200

__thread FtObject *ft_dealloc_finalized;

static __thread unsigned depth;
static __thread FtObject **pending;
static __thread size_t pending_len, pending_cap;

static int push_pending(FtObject *op)
{
    if (pending_len == pending_cap) {
        size_t cap = pending_cap ? 2 * pending_cap : 64;
        FtObject **n = realloc(pending, cap * sizeof *n);
        if (n == NULL)
            return -1;
        pending = n;
        pending_cap = cap;
    }
    pending[pending_len++] = op;
    return 0;
}

/* Frees what was pushed, including what those deallocations push in turn;
 * each runs at depth 1, so it may nest FT_DEALLOC_DEPTH levels again. The
 * list itself goes too: it is rarely needed, and a thread that exits then
 * leaves nothing behind. */
static void drain_pending(void)
{
    while (pending_len > 0) {
        FtObject *op = pending[--pending_len];
        FT_TYPE(op)->tp_dealloc(op);
    }
    free(pending);
    pending = NULL;
    pending_cap = 0;
}

/* Out of line, so that the leaf case in ft_dealloc saves no registers. */
static __attribute__((noinline)) void dealloc_bounded(FtObject *op,
                                                      FtType *t)
{
    /* The collector must never see an object being torn down. */
    if (ft_gc_is_gc(op))
        ft_gc_untrack(op);
    if (depth >= FT_DEALLOC_DEPTH && op != ft_dealloc_finalized) {
        if (push_pending(op) == 0)
            return;
        /* No memory for the list: free it here, deeper on the stack, rather
         * than leak it. */
    }
    depth++;
    t->tp_dealloc(op);
    if (depth == 1 && pending_len > 0)
        drain_pending();
    depth--;
}

void ft_dealloc(FtObject *op)
{
    FtType *t = FT_TYPE(op);
    /* ints, floats, strs: the most frequent, and nothing to bound. */
    if (t->tp_flags & FT_TPFLAGS_LEAF)
        t->tp_dealloc(op);
    else
        dealloc_bounded(op, t);
}
