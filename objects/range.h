/* objects/range.h — range and slice objects. */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_RANGE_H
#define FT_OBJECTS_RANGE_H

FtObject *ft_range_new(int64_t start, int64_t stop, int64_t step);

typedef struct {
    FT_OBJECT_HEAD
    FtObject *start, *stop, *step; /* None when omitted */
} FtSliceObject;
#define FT_SLICE_CHECK(o) (FT_TYPE(o) == &FtSlice_Type)

FtObject *ft_slice_new(FtObject *start, FtObject *stop, FtObject *step);
/* Resolves a slice against a sequence length like slice.indices(); returns
 * the number of items selected, or -1 on error (bad types, step 0). */
ssize_t ft_slice_unpack(FtObject *slice, ssize_t length, ssize_t *start,
                        ssize_t *stop, ssize_t *step);
/* The same in two steps, for mutable sequences: ft_slice_indices converts
 * the bounds (it may run __index__, i.e. any Python code) without a
 * length, 0 or -1; ft_slice_adjust then clamps them to the length the
 * sequence has *afterwards* and returns the number of items selected. */
int ft_slice_indices(FtObject *slice, ssize_t *start, ssize_t *stop,
                     ssize_t *step);
ssize_t ft_slice_adjust(ssize_t length, ssize_t *start, ssize_t *stop,
                        ssize_t step);

/* ---- additions (containers owner) ---- */

extern FtType FtRangeIter_Type; /* range_iterator */
/* For ft_object_iter_private (range must be a range): in free-threaded
 * builds its next() claims a position with a plain store, not an atomic
 * add. */
FtObject *ft_range_iter_new_private(FtObject *range);

/* ft_slice_new also accepts NULL for an omitted bound (stored as None);
 * its arguments are borrowed. */

typedef struct {
    FT_OBJECT_HEAD
    int64_t start, stop, step;
    int64_t length; /* number of items; < 0 if it does not fit (len() fails) */
} FtRangeObject;
#define FT_RANGE_CHECK(o) (FT_TYPE(o) == &FtRange_Type)

/* Converts a subscript that is not a slice into an index: int, bool or an
 * object with __index__; anything else raises TypeError "<tname> indices
 * must be integers or slices, not <type>". 0 or -1. */
int ft_seq_index(FtObject *key, const char *tname, ssize_t *out);
/* Converts an optional slice bound the way slice.indices() does: None
 * leaves *out unchanged. 0 or -1 + TypeError. */
int ft_slice_index(FtObject *v, ssize_t *out);

/* Frees the calling thread's spare slice object. */
void ft_slice_thread_cleanup(void);

#endif
