/* interp/mod_itertools.h — what the two halves of the _itertools module
 * share: the common slots, the int-argument helper, the type template, and
 * the combinatoric types that interp/mod_itertools_comb.c defines.
 */
#ifndef FT_INTERP_MOD_ITERTOOLS_H
#define FT_INTERP_MOD_ITERTOOLS_H

#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/gc.h"
#include "runtime/lock.h"

#include <stdint.h>

static inline FtObject *iter_self(FtObject *op)
{
    return FT_NEWREF(op);
}

/* tp_new did all the work; the same arguments reaching tp_init are fine. */
static inline int noop_init(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    return 0;
}

/* A C size from an int argument: the TypeError of a non-integer, an
 * OverflowError past ssize_t. */
static inline int arg_ssize(FtObject *o, ssize_t *out)
{
    int64_t v;
    if (ft_number_as_i64(o, &v) < 0) {
        if (ft_err_matches(FtExc_OverflowError)) {
            ft_err_clear();
            ft_err_set_string(FtExc_OverflowError,
                              "Python int too large to convert to C ssize_t");
        }
        return -1;
    }
    *out = (ssize_t)v;
    return 0;
}

/* The slots every iterator type here shares, first in its initialiser.
 * Every one holds objects, so all are tracked by the collector. */
#define ITER_TYPE_HEAD(pyname, Struct, doc_)                                   \
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),                            \
    .tp_name = "itertools." pyname, .tp_basicsize = sizeof(Struct),            \
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,                      \
    .tp_iter = iter_self, .tp_init = noop_init, .tp_doc = doc_

extern FtType FtItZipLongest_Type;
extern FtType FtItProduct_Type;
extern FtType FtItPermutations_Type;
extern FtType FtItCombinations_Type;
extern FtType FtItCombinationsWR_Type;

#endif
