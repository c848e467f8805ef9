/* objects/bytearray.c — bytearray: the mutable byte buffer (item and slice
 * assignment and deletion, append/extend/pop/insert/remove/clear/reverse/
 * copy, += and *=) and its read-only slots.
 *
 * Free-threaded builds: every operation touching size or data runs in a
 * critical section on the bytearray (runtime/lock.h), as list does, so
 * each is atomic. Whatever may run Python code (converting an index or a
 * value with __index__, iterating an argument) happens before the section
 * begins, and the section re-reads the size it works on. Reads of another
 * bytearray's contents go through a snapshot (ft_bytes_view), so no two
 * bytearray locks are ever nested. In GIL builds the sections are bare
 * braces.
 */
#include "objects/bytes_impl.h"
#include "objects/object.h"
#include "runtime/lock.h"
#include "runtime/tstate.h"

#include <limits.h>
#include <string.h>

#define BA(o) ((FtByteArrayObject *)(o))

FT_OBJECT_LOCK_CHECK(FtByteArrayObject);

/* ---- storage (caller holds the section, or owns the object) -------------- */

/* Makes room for `want` bytes (plus a NUL); over-allocates when growing so
 * that appends are amortised O(1). 0 or -1 + MemoryError. */
static int ba_reserve(FtByteArrayObject *ba, ssize_t want)
{
    if (want < ba->allocated)
        return 0;
    if (want > SSIZE_MAX / 2 - 16) {
        ft_err_no_memory();
        return -1;
    }
    ssize_t cap = want + (want >> 3) + 16;
    char *d = ft_mem_realloc(ba->data, (size_t)cap);
    if (d == NULL) {
        ft_err_no_memory();
        return -1;
    }
    ba->data = d;
    ba->allocated = cap;
    return 0;
}

static void ba_set_size(FtByteArrayObject *ba, ssize_t n)
{
    /* atomic: len() reads the size without the lock */
    ft_atomic_store_ssize(&ba->size, n);
    if (ba->data != NULL)
        ba->data[n] = '\0';
}

/* Replaces data[lo, lo+dlen) by p[0..n). p must not point into ba. */
static int ba_splice(FtByteArrayObject *ba, ssize_t lo, ssize_t dlen,
                     const char *p, ssize_t n)
{
    ssize_t size = ba->size;
    ssize_t newsize = size - dlen + n;
    if (n > dlen && ba_reserve(ba, newsize) < 0)
        return -1;
    if (ba->data != NULL)
        memmove(ba->data + lo + n, ba->data + lo + dlen,
                (size_t)(size - lo - dlen));
    if (n > 0)
        memcpy(ba->data + lo, p, (size_t)n);
    ba_set_size(ba, newsize);
    return 0;
}

FtObject *ft_bytearray_from_buf(const char *p, size_t n)
{
    if (n > (size_t)SSIZE_MAX / 2)
        return ft_err_no_memory();
    FtObject *o = ft_object_new(&FtByteArray_Type);
    if (o == NULL)
        return NULL;
    if (n > 0 && ba_splice(BA(o), 0, 0, p, (ssize_t)n) < 0) {
        FT_DECREF(o);
        return NULL;
    }
    return o;
}

/* ---- slots ------------------------------------------------------------------ */

static void bytearray_dealloc(FtObject *o)
{
    ft_mem_free(BA(o)->data);
    ft_object_free(o);
}

static FtObject *bytearray_repr(FtObject *o)
{
    FtBytesView v;
    if (ft_bytes_view(o, &v) < 0)
        return NULL;
    FtObject *inner = ft_bytes_repr_quoted(v.p, v.n, 1);
    ft_bytes_view_release(&v);
    if (inner == NULL)
        return NULL;
    FtObject *r = ft_str_from_format("%s(%U)", ft_type_name(FT_TYPE(o)), inner);
    FT_DECREF(inner);
    return r;
}

static ssize_t bytearray_len(FtObject *o)
{
    return ft_atomic_load_ssize(&BA(o)->size);
}

static FtObject *bytearray_getitem(FtObject *o, FtObject *key)
{
    FtByteArrayObject *ba = BA(o);
    if (FT_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        if (ft_slice_indices(key, &start, &stop, &step) < 0)
            return NULL;
        FtObject *r = NULL;
        FT_BEGIN_CRITICAL_SECTION(o);
        ssize_t len = ft_slice_adjust(ba->size, &start, &stop, step);
        r = ft_bytearray_from_buf("", 0);
        if (r != NULL && len > 0) {
            if (ba_reserve(BA(r), len) < 0) {
                FT_DECREF(r);
                r = NULL;
            } else {
                for (ssize_t i = 0; i < len; i++)
                    BA(r)->data[i] = ba->data[start + i * step];
                ba_set_size(BA(r), len);
            }
        }
        FT_END_CRITICAL_SECTION();
        return r;
    }
    ssize_t i;
    if (ft_seq_index(key, "bytearray", &i) < 0)
        return NULL;
    int v = -1;
    FT_BEGIN_CRITICAL_SECTION(o);
    ssize_t n = ba->size;
    if (i < 0)
        i += n;
    if ((size_t)i < (size_t)n)
        v = (unsigned char)ba->data[i];
    FT_END_CRITICAL_SECTION();
    if (v < 0) {
        ft_err_set_string(FtExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return ft_int_from_i64(v);
}

/* The bytes a slice assignment stores: a bytes-like object or an iterable
 * of ints (a new bytes in *out), never a str or an int. */
static int assign_value(FtObject *value, FtObject **out)
{
    if (FT_INT_CHECK(value) || FT_STR_CHECK(value) ||
        FT_TYPE(value)->tp_iter == NULL) {
        ft_err_set_string(FtExc_TypeError,
                          "can assign only bytes, buffers, or iterables of "
                          "ints in range(0, 256)");
        return -1;
    }
    *out = ft_bytes_from_args(value, NULL, NULL, "bytearray");
    return *out != NULL ? 0 : -1;
}

/* Deletes the extended slice start:..:step (len items) in place. */
static void delete_extended(FtByteArrayObject *ba, ssize_t start, ssize_t step,
                            ssize_t len)
{
    if (step < 0) { /* walk it forwards */
        start += step * (len - 1);
        step = -step;
    }
    ssize_t w = start, k = 0;
    for (ssize_t r = start; r < ba->size; r++) {
        if (k < len && r == start + k * step) {
            k++;
            continue;
        }
        ba->data[w++] = ba->data[r];
    }
    ba_set_size(ba, w);
}

static int bytearray_setslice(FtObject *o, FtObject *key, FtObject *value)
{
    FtByteArrayObject *ba = BA(o);
    ssize_t start, stop, step;
    if (ft_slice_indices(key, &start, &stop, &step) < 0)
        return -1;
    FtObject *src = NULL;
    if (value != NULL && assign_value(value, &src) < 0)
        return -1;
    const char *p = src ? FT_BYTES_DATA(src) : "";
    ssize_t n = src ? FT_SIZE(src) : 0;
    int res = 0;
    FT_BEGIN_CRITICAL_SECTION(o);
    ssize_t len = ft_slice_adjust(ba->size, &start, &stop, step);
    if (step == 1) {
        res = ba_splice(ba, start, len, p, n);
    } else if (src == NULL) {
        if (len > 0)
            delete_extended(ba, start, step, len);
    } else if (n != len) {
        ft_err_format(FtExc_ValueError,
                      "attempt to assign bytes of size %zd to extended "
                      "slice of size %zd",
                      n, len);
        res = -1;
    } else {
        for (ssize_t i = 0; i < len; i++)
            ba->data[start + i * step] = p[i];
    }
    FT_END_CRITICAL_SECTION();
    FT_XDECREF(src);
    return res;
}

static int bytearray_setitem(FtObject *o, FtObject *key, FtObject *value)
{
    if (FT_SLICE_CHECK(key))
        return bytearray_setslice(o, key, value);
    ssize_t i;
    int byte = 0;
    if (ft_seq_index(key, "bytearray", &i) < 0)
        return -1;
    if (value != NULL && ft_bytes_byte_value(value, &byte) < 0)
        return -1;
    FtByteArrayObject *ba = BA(o);
    int ok = 0;
    FT_BEGIN_CRITICAL_SECTION(o);
    ssize_t n = ba->size;
    if (i < 0)
        i += n;
    if ((size_t)i < (size_t)n) {
        ok = 1;
        if (value != NULL)
            ba->data[i] = (char)byte;
        else
            ba_splice(ba, i, 1, "", 0); /* shrinking cannot fail */
    }
    FT_END_CRITICAL_SECTION();
    if (!ok) {
        ft_err_set_string(FtExc_IndexError, "bytearray index out of range");
        return -1;
    }
    return 0;
}

static int bytearray_contains(FtObject *o, FtObject *item)
{
    int byte = -1;
    FtBytesView needle = {0};
    if (FT_INT_CHECK(item)) {
        if (ft_bytes_byte_value(item, &byte) < 0)
            return -1;
    } else if (ft_bytes_view_required(item, &needle) < 0) {
        return -1;
    }
    int r;
    FtByteArrayObject *ba = BA(o);
    FT_BEGIN_CRITICAL_SECTION(o);
    if (byte >= 0)
        r = ba->size > 0 && memchr(ba->data, byte, (size_t)ba->size) != NULL;
    else
        r = ft_bytes_find_buf(ba->data ? ba->data : "", ba->size, needle.p,
                              needle.n, 0) >= 0;
    FT_END_CRITICAL_SECTION();
    ft_bytes_view_release(&needle);
    return r;
}

static FtObject *bytearray_iter(FtObject *o)
{
    return ft_bytes_iter_new(&FtByteArrayIter_Type, o);
}

/* self += bytes-like (in place); 0 or -1. */
static int ba_extend_buf(FtObject *o, FtObject *src)
{
    int r;
    FT_BEGIN_CRITICAL_SECTION(o);
    r = ba_splice(BA(o), BA(o)->size, 0, FT_BYTES_DATA(src), FT_SIZE(src));
    FT_END_CRITICAL_SECTION();
    return r;
}

static int ba_repeat_inplace(FtObject *o, int64_t count)
{
    FtByteArrayObject *ba = BA(o);
    int r = 0;
    FT_BEGIN_CRITICAL_SECTION(o);
    ssize_t n = ba->size;
    if (count <= 0 || n == 0) {
        ba_set_size(ba, 0);
    } else if (count > SSIZE_MAX / 2 / n) {
        ft_err_no_memory();
        r = -1;
    } else if ((r = ba_reserve(ba, n * (ssize_t)count)) == 0) {
        for (int64_t c = 1; c < count; c++)
            memcpy(ba->data + c * n, ba->data, (size_t)n);
        ba_set_size(ba, n * (ssize_t)count);
    }
    FT_END_CRITICAL_SECTION();
    return r;
}

static FtObject *bytearray_binop(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD) {
        if (!FT_BYTEARRAY_CHECK(a))
            FT_RETURN_NOTIMPLEMENTED;
        FtBytesView va, vb;
        int r = ft_bytes_view(b, &vb);
        if (r <= 0) {
            if (r == 0 && (FT_TYPE(b)->tp_flags & FT_TPFLAGS_HEAPTYPE))
                FT_RETURN_NOTIMPLEMENTED;
            return r < 0 ? NULL : ft_bytes_concat_error(b, "bytearray");
        }
        if (ft_bytes_view(a, &va) < 0) {
            ft_bytes_view_release(&vb);
            return NULL;
        }
        FtObject *res = ft_bytearray_from_buf(va.p, (size_t)va.n);
        if (res != NULL && ba_extend_buf(res, vb.hold) < 0)
            FT_CLEAR(res);
        ft_bytes_view_release(&va);
        ft_bytes_view_release(&vb);
        return res;
    }
    if (op == FT_OP_MUL) {
        FtObject *seq = FT_BYTEARRAY_CHECK(a) ? a : b;
        int64_t count;
        int r = ft_bytes_repeat_count(seq == a ? b : a, &count);
        if (r <= 0)
            return r < 0 ? NULL : FT_NEWREF(FT_NotImplemented);
        FtBytesView v;
        if (ft_bytes_view(seq, &v) < 0)
            return NULL;
        FtObject *res = ft_bytearray_from_buf(v.p, (size_t)v.n);
        ft_bytes_view_release(&v);
        if (res != NULL && ba_repeat_inplace(res, count) < 0)
            FT_CLEAR(res);
        return res;
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *bytearray_inplace(FtObject *a, FtObject *b, int op)
{
    if (!FT_BYTEARRAY_CHECK(a))
        FT_RETURN_NOTIMPLEMENTED;
    if (op == FT_OP_ADD) {
        FtBytesView v;
        int r = ft_bytes_view(b, &v);
        if (r <= 0) {
            if (r == 0 && (FT_TYPE(b)->tp_flags & FT_TPFLAGS_HEAPTYPE))
                FT_RETURN_NOTIMPLEMENTED;
            return r < 0 ? NULL : ft_bytes_concat_error(b, "bytearray");
        }
        r = ba_extend_buf(a, v.hold);
        ft_bytes_view_release(&v);
        return r < 0 ? NULL : FT_NEWREF(a);
    }
    if (op == FT_OP_MUL) {
        int64_t count;
        int r = ft_bytes_repeat_count(b, &count);
        if (r <= 0)
            return r < 0 ? NULL : FT_NEWREF(FT_NotImplemented);
        return ba_repeat_inplace(a, count) < 0 ? NULL : FT_NEWREF(a);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *bytearray_new(FtType *type, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    FtObject *a[3];
    if (ft_arg_parse("bytearray", args, nargs, kwnames, kwlist, 0, 3, a) < 0)
        return NULL;
    FtObject *b = ft_bytes_from_args(a[0], a[1], a[2], "bytearray");
    if (b == NULL)
        return NULL;
    FtObject *r = ft_bytearray_from_buf(FT_BYTES_DATA(b), (size_t)FT_SIZE(b));
    FT_DECREF(b);
    return r;
}

/* Filled by tp_new; the arguments reach here too and are fine. */
static int bytearray_init(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    return 0;
}

/* ---- mutating methods --------------------------------------------------------- */

static FtObject *m_append(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    int byte;
    if (ft_arg_count("append", nargs, 1, 1) < 0 ||
        ft_bytes_byte_value(args[0], &byte) < 0)
        return NULL;
    char c = (char)byte;
    int r;
    FT_BEGIN_CRITICAL_SECTION(self);
    r = ba_splice(BA(self), BA(self)->size, 0, &c, 1);
    FT_END_CRITICAL_SECTION();
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_extend(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("extend", nargs, 1, 1) < 0)
        return NULL;
    FtObject *src;
    if (FT_TYPE(args[0])->tp_iter == NULL && !ft_bytes_like_check(args[0])) {
        ft_err_format(FtExc_TypeError, "can't extend bytearray with %s",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    src = FT_STR_CHECK(args[0])
              ? ft_bytes_from_iterable(args[0], "bytearray")
              : ft_bytes_from_args(args[0], NULL, NULL, "bytearray");
    if (src == NULL)
        return NULL;
    int r = ba_extend_buf(self, src);
    FT_DECREF(src);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_pop(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    ssize_t i = -1;
    if (ft_arg_count("pop", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1) {
        int64_t v;
        if (ft_number_as_i64(args[0], &v) < 0)
            return NULL;
        i = (ssize_t)v;
    }
    int v = -1;
    const char *err = NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    FtByteArrayObject *ba = BA(self);
    ssize_t n = ba->size;
    if (n == 0) {
        err = "pop from empty bytearray";
    } else {
        if (i < 0)
            i += n;
        if ((size_t)i >= (size_t)n) {
            err = "pop index out of range";
        } else {
            v = (unsigned char)ba->data[i];
            ba_splice(ba, i, 1, "", 0);
        }
    }
    FT_END_CRITICAL_SECTION();
    if (err != NULL) {
        ft_err_set_string(FtExc_IndexError, err);
        return NULL;
    }
    return ft_int_from_i64(v);
}

static FtObject *m_insert(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    int64_t i;
    int byte;
    if (ft_arg_count("insert", nargs, 2, 2) < 0 ||
        ft_number_as_i64(args[0], &i) < 0 ||
        ft_bytes_byte_value(args[1], &byte) < 0)
        return NULL;
    char c = (char)byte;
    int r;
    FT_BEGIN_CRITICAL_SECTION(self);
    ssize_t n = BA(self)->size;
    if (i < 0 && (i += n) < 0)
        i = 0;
    if (i > n)
        i = n;
    r = ba_splice(BA(self), (ssize_t)i, 0, &c, 1);
    FT_END_CRITICAL_SECTION();
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *m_remove(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    int byte;
    if (ft_arg_count("remove", nargs, 1, 1) < 0 ||
        ft_bytes_byte_value(args[0], &byte) < 0)
        return NULL;
    int found = 0;
    FT_BEGIN_CRITICAL_SECTION(self);
    FtByteArrayObject *ba = BA(self);
    char *at = ba->size ? memchr(ba->data, byte, (size_t)ba->size) : NULL;
    if (at != NULL) {
        found = 1;
        ba_splice(ba, at - ba->data, 1, "", 0);
    }
    FT_END_CRITICAL_SECTION();
    if (!found) {
        ft_err_set_string(FtExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    FT_RETURN_NONE;
}

static FtObject *m_clear(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("clear", nargs, 0, 0) < 0)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    ba_set_size(BA(self), 0);
    FT_END_CRITICAL_SECTION();
    FT_RETURN_NONE;
}

static FtObject *m_reverse(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("reverse", nargs, 0, 0) < 0)
        return NULL;
    FT_BEGIN_CRITICAL_SECTION(self);
    FtByteArrayObject *ba = BA(self);
    for (ssize_t i = 0, j = ba->size - 1; i < j; i++, j--) {
        char t = ba->data[i];
        ba->data[i] = ba->data[j];
        ba->data[j] = t;
    }
    FT_END_CRITICAL_SECTION();
    FT_RETURN_NONE;
}

static FtObject *m_copy(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("copy", nargs, 0, 0) < 0)
        return NULL;
    FtBytesView v;
    if (ft_bytes_view(self, &v) < 0)
        return NULL;
    FtObject *r = ft_bytearray_from_buf(v.p, (size_t)v.n);
    ft_bytes_view_release(&v);
    return r;
}

static FtMethodDef bytearray_methods[] = {
    {"append", m_append, 0, NULL},
    {"extend", m_extend, 0, NULL},
    {"pop", m_pop, 0, NULL},
    {"insert", m_insert, 0, NULL},
    {"remove", m_remove, 0, NULL},
    {"clear", m_clear, 0, NULL},
    {"reverse", m_reverse, 0, NULL},
    {"copy", m_copy, 0, NULL},
    FT_BYTES_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

FtType FtByteArray_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(FtByteArrayObject),
    .tp_flags = FT_TPFLAGS_LEAF,
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_richcompare = ft_bytes_richcompare,
    .tp_len = bytearray_len,
    .tp_getitem = bytearray_getitem,
    .tp_setitem = bytearray_setitem,
    .tp_contains = bytearray_contains,
    .tp_iter = bytearray_iter,
    .tp_binop = bytearray_binop,
    .tp_inplace = bytearray_inplace,
    .tp_new = bytearray_new,
    .tp_init = bytearray_init,
    .tp_methods = bytearray_methods,
    .tp_doc = "Mutable sequence of bytes.",
};
