/* objects/list_sort.c — list.sort(): a stable merge sort (binary insertion
 * sort on short runs, then bottom-up merging that skips already ordered
 * neighbours) with comparison fast paths for lists of only ints, floats or
 * strs, and CPython's protection against the list changing meanwhile.
 * The item array's stores follow the rules at the top of objects/list.c.
 */
#include "objects/object.h"
#include "runtime/lock.h"

#include <string.h>

/* The key we compare and the value it belongs to (the same object when
 * there is no key function). */
typedef struct {
    FtObject *k;
    FtObject *v;
} SortItem;

/* a < b: 1, 0, or -1 on error. */
typedef int (*lt_func)(FtObject *a, FtObject *b);

static int lt_generic(FtObject *a, FtObject *b)
{
    return ft_object_richcompare_bool(a, b, FT_LT);
}

static int lt_int(FtObject *a, FtObject *b)
{
    return FT_INT_VALUE(a) < FT_INT_VALUE(b);
}

/* Any int size; never fails. */
static int lt_any_int(FtObject *a, FtObject *b)
{
    return ft_int_compare(a, b) < 0;
}

static int lt_float(FtObject *a, FtObject *b)
{
    return FT_FLOAT_VALUE(a) < FT_FLOAT_VALUE(b);
}

/* Byte order of UTF-8 is code point order, which is how str compares. */
static int lt_str(FtObject *a, FtObject *b)
{
    ssize_t na = FT_STR_NBYTES(a), nb = FT_STR_NBYTES(b);
    int c = memcmp(FT_STR_DATA(a), FT_STR_DATA(b),
                   (size_t)(na < nb ? na : nb));
    return c < 0 || (c == 0 && na < nb);
}

static lt_func choose_lt(SortItem *a, ssize_t n)
{
    if (n == 0)
        return lt_generic;
    FtType *t = FT_TYPE(a[0].k);
    for (ssize_t i = 1; i < n; i++)
        if (FT_TYPE(a[i].k) != t)
            return lt_generic;
    if (t == &FtInt_Type) {
        for (ssize_t i = 0; i < n; i++)
            if (FT_INT_IS_BIG(a[i].k))
                return lt_any_int;
        return lt_int;
    }
    if (t == &FtFloat_Type)
        return lt_float;
    if (t == &FtStr_Type)
        return lt_str;
    return lt_generic;
}

#define MIN_RUN 32

/* Sorts a[lo:hi], whose prefix a[lo:start] is already sorted. Keeps a a
 * permutation of its items whatever happens. */
static int insertion_sort(SortItem *a, ssize_t lo, ssize_t hi, ssize_t start,
                          lt_func lt)
{
    for (ssize_t i = start; i < hi; i++) {
        SortItem pivot = a[i];
        int k = lt(pivot.k, a[i - 1].k);
        if (k < 0)
            return -1;
        if (!k)
            continue; /* already in place: sorted input costs one compare */
        ssize_t l = lo, r = i - 1;
        while (l < r) {
            ssize_t m = l + (r - l) / 2;
            k = lt(pivot.k, a[m].k);
            if (k < 0)
                return -1;
            if (k)
                r = m;
            else
                l = m + 1; /* equal keys: after them, for stability */
        }
        memmove(a + l + 1, a + l, (size_t)(i - l) * sizeof(SortItem));
        a[l] = pivot;
    }
    return 0;
}

/* Merges the sorted a[lo:mid] and a[mid:hi] through tmp (room for mid-lo). */
static int merge(SortItem *a, ssize_t lo, ssize_t mid, ssize_t hi,
                 SortItem *tmp, lt_func lt)
{
    int k = lt(a[mid].k, a[mid - 1].k);
    if (k <= 0)
        return k; /* already in order (or an error) */
    ssize_t nl = mid - lo, i = 0, j = mid, d = lo;
    memcpy(tmp, a + lo, (size_t)nl * sizeof(SortItem));
    while (i < nl && j < hi) {
        /* Take from the right only when strictly smaller: stable. */
        k = lt(a[j].k, tmp[i].k);
        if (k < 0) {
            memcpy(a + d, tmp + i, (size_t)(nl - i) * sizeof(SortItem));
            return -1;
        }
        a[d++] = k ? a[j++] : tmp[i++];
    }
    memcpy(a + d, tmp + i, (size_t)(nl - i) * sizeof(SortItem));
    return 0;
}

static int merge_sort(SortItem *a, ssize_t n, SortItem *tmp, lt_func lt)
{
    for (ssize_t lo = 0; lo < n; lo += MIN_RUN) {
        ssize_t hi = lo + MIN_RUN < n ? lo + MIN_RUN : n;
        if (insertion_sort(a, lo, hi, lo + 1, lt) < 0)
            return -1;
    }
    for (ssize_t width = MIN_RUN; width < n; width *= 2) {
        for (ssize_t lo = 0; lo + width < n; lo += 2 * width) {
            ssize_t mid = lo + width;
            ssize_t hi = mid + width < n ? mid + width : n;
            if (merge(a, lo, mid, hi, tmp, lt) < 0)
                return -1;
        }
    }
    return 0;
}

static void reverse_sortitems(SortItem *a, ssize_t n)
{
    for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        SortItem t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

#define STACK_ITEMS 64

/* Sorts the detached items array in place; 0 or -1. */
static int sort_items(FtObject **items, ssize_t n, FtObject *key, int reverse)
{
    if (n < 2) {
        /* Nothing to order, but CPython still calls key (and its errors
         * propagate). */
        if (n == 1 && key != NULL) {
            FtObject *k = ft_call1(key, items[0]);
            if (k == NULL)
                return -1;
            FT_DECREF(k);
        }
        return 0;
    }
    SortItem stackbuf[2 * STACK_ITEMS];
    SortItem *a = stackbuf;
    if (n > STACK_ITEMS) {
        if ((size_t)n > SIZE_MAX / (2 * sizeof(SortItem)))
            return ft_err_no_memory(), -1;
        /* tmp after the items: bottom-up merging can have a left run of
         * up to n - 1 items. */
        a = ft_mem_alloc(2 * (size_t)n * sizeof(SortItem));
        if (a == NULL)
            return -1;
    }
    SortItem *tmp = a + n;
    ssize_t nkeys = 0;
    int r = -1;
    for (ssize_t i = 0; i < n; i++) {
        a[i].v = items[i];
        if (key == NULL) {
            a[i].k = items[i];
        } else {
            a[i].k = ft_call1(key, items[i]);
            if (a[i].k == NULL)
                goto done;
            nkeys++;
        }
    }
    /* Reversing before and after keeps equal items in their original
     * order while sorting descending. */
    if (reverse)
        reverse_sortitems(a, n);
    r = merge_sort(a, n, tmp, choose_lt(a, n));
    if (reverse)
        reverse_sortitems(a, n);
    /* Even after an error the array holds every item exactly once. A
     * lock-free reader that loaded the array before the sort detached it
     * may still be reading it: each slot goes from its old item to its new
     * one in one atomic store. */
    for (ssize_t i = 0; i < n; i++)
        FT_LIST_SLOT_STORE_(items, i, a[i].v);
done:
    if (key != NULL)
        for (ssize_t i = 0; i < nkeys; i++)
            FT_DECREF(a[i].k);
    if (a != stackbuf)
        ft_mem_free(a);
    return r;
}

static int list_sort_locked(FtObject *list, FtObject *key, int reverse)
{
    FtListObject *l = (FtListObject *)list;
    /* Detach the items: during the sort (key calls, comparisons) the list
     * looks empty, and allocated = -1 shows whether anyone changed it. */
    FtObject **saved = l->items;
    ssize_t n = l->size, allocated = l->allocated;
    FT_LIST_ITEMS_PUBLISH_(l, NULL);
    FT_LIST_SIZE_STORE_(l, 0);
    l->allocated = -1;

    int r = sort_items(saved, n, key, reverse);

    FtObject **final = l->items;
    ssize_t final_n = l->size;
    int modified = l->allocated != -1;
    FT_LIST_ITEMS_PUBLISH_(l, saved);
    FT_LIST_SIZE_STORE_(l, n);
    l->allocated = allocated;
    if (modified) {
        if (r == 0) {
            ft_err_set_string(FtExc_ValueError, "list modified during sort");
            r = -1;
        }
        /* Whatever was put in meanwhile was published: its array and
         * items go the deferred way (at once with a GIL). */
        if (final != NULL)
            ft_list_items_discard_(final, final_n);
    }
    return r;
}

/* Atomic in free-threaded builds: the whole sort runs in the list's
 * section. Key functions and comparisons may suspend it and let other
 * threads at the list, but they only see it empty (the items are
 * detached above) and any change they make is reported as "list modified
 * during sort". */
int ft_list_sort(FtObject *list, FtObject *key, int reverse)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(list);
    r = list_sort_locked(list, key, reverse);
    FT_END_CRITICAL_SECTION();
    return r;
}
