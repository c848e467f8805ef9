/* objects/bytes.c — bytes: the immutable byte string (constructor, repr,
 * hash, comparison, indexing and slicing, concatenation and repetition,
 * `in`, iteration), the iterator shared with bytearray, and the views C
 * code takes of bytes-like objects. The methods live in bytes_methods.c.
 *
 * bytes is immutable, so it needs no lock: its only written field after
 * creation is the cached hash, which every thread computes to the same
 * value and stores atomically.
 */
#include "objects/bytes_impl.h"
#include "objects/object.h"

#include <limits.h>
#include <string.h>

/* ---- creation --------------------------------------------------------------- */

FtObject *ft_bytes_new(ssize_t n)
{
    if (n < 0 || (size_t)n > (size_t)SSIZE_MAX - sizeof(FtBytesObject) - 1)
        return ft_err_no_memory();
    FtObject *b = ft_object_new_var(&FtBytes_Type, n);
    if (b == NULL)
        return NULL;
    ((FtBytesObject *)b)->hash = -1;
    return b;
}

FtObject *ft_bytes_from_buf(const char *p, size_t n)
{
    if (n > (size_t)SSIZE_MAX)
        return ft_err_no_memory();
    FtObject *b = ft_bytes_new((ssize_t)n);
    if (b != NULL && n > 0)
        memcpy(FT_BYTES_MDATA(b), p, n);
    return b;
}

int ft_bytes_shrink(FtObject **pb, ssize_t n)
{
    FtObject *b = *pb;
    if (n == FT_SIZE(b))
        return 0;
    /* A copy keeps allocation inside ft_object_new_var's bookkeeping;
     * shrinking is rare (a short read) and never on a hot path. */
    FtObject *r = ft_bytes_from_buf(FT_BYTES_DATA(b), (size_t)n);
    FT_DECREF(b);
    *pb = r;
    return r != NULL ? 0 : -1;
}

FtObject *ft_bytes_concat(FtObject *a, FtObject *b)
{
    ssize_t na = FT_SIZE(a), nb = FT_SIZE(b);
    if (na > SSIZE_MAX / 2 || nb > SSIZE_MAX / 2)
        return ft_err_no_memory();
    FtObject *r = ft_bytes_new(na + nb);
    if (r == NULL)
        return NULL;
    memcpy(FT_BYTES_MDATA(r), FT_BYTES_DATA(a), (size_t)na);
    memcpy(FT_BYTES_MDATA(r) + na, FT_BYTES_DATA(b), (size_t)nb);
    return r;
}

FtObject *ft_bytes_like_new(FtObject *self, const char *p, ssize_t n)
{
    if (FT_BYTEARRAY_CHECK(self))
        return ft_bytearray_from_buf(p, (size_t)n);
    return ft_bytes_from_buf(p, (size_t)n);
}

/* ---- views -------------------------------------------------------------------- */

int ft_bytes_view(FtObject *o, FtBytesView *v)
{
    if (FT_BYTES_CHECK(o)) {
        v->p = FT_BYTES_DATA(o);
        v->n = FT_SIZE(o);
        v->hold = FT_NEWREF(o);
        return 1;
    }
    if (!FT_BYTEARRAY_CHECK(o))
        return 0;
    FtObject *copy;
    FT_BEGIN_CRITICAL_SECTION(o);
    FtByteArrayObject *ba = (FtByteArrayObject *)o;
    copy = ft_bytes_from_buf(ba->size ? ba->data : "", (size_t)ba->size);
    FT_END_CRITICAL_SECTION();
    if (copy == NULL)
        return -1;
    v->p = FT_BYTES_DATA(copy);
    v->n = FT_SIZE(copy);
    v->hold = copy;
    return 1;
}

void ft_bytes_view_release(FtBytesView *v)
{
    FT_XDECREF(v->hold);
    v->hold = NULL;
}

int ft_bytes_view_required(FtObject *o, FtBytesView *v)
{
    int r = ft_bytes_view(o, v);
    if (r == 0)
        ft_err_format(FtExc_TypeError,
                      "a bytes-like object is required, not '%s'",
                      ft_type_name(FT_TYPE(o)));
    return r > 0 ? 0 : -1;
}

/* ---- shared helpers ------------------------------------------------------------- */

int ft_bytes_byte_value(FtObject *o, int *out)
{
    int64_t v;
    if (ft_number_as_i64(o, &v) < 0)
        return -1;
    if (v < 0 || v > 255) {
        ft_err_set_string(FtExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int ft_bytes_repeat_count(FtObject *n, int64_t *count)
{
    if (FT_INT_CHECK(n))
        return ft_number_as_i64(n, count) < 0 ? -1 : 1;
    if (FT_TYPE(n)->tp_flags & FT_TPFLAGS_HEAPTYPE) {
        if (ft_type_lookup(FT_TYPE(n), FT_ID(__index__)) == NULL)
            return 0;
        return ft_number_as_i64(n, count) < 0 ? -1 : 1;
    }
    ft_err_format(FtExc_TypeError,
                  "can't multiply sequence by non-int of type '%s'",
                  ft_type_name(FT_TYPE(n)));
    return -1;
}

FtObject *ft_bytes_concat_error(FtObject *other, const char *name)
{
    ft_err_format(FtExc_TypeError, "can't concat %s to %s",
                  ft_type_name(FT_TYPE(other)), name);
    return NULL;
}

int ft_bytes_compare_buf(const char *a, ssize_t na, const char *b, ssize_t nb,
                         int op)
{
    if ((op == FT_EQ || op == FT_NE) && na != nb)
        return op == FT_NE;
    ssize_t m = na < nb ? na : nb;
    int c = m > 0 ? memcmp(a, b, (size_t)m) : 0;
    if (c == 0)
        c = na < nb ? -1 : na > nb;
    return ft_compare_int(op, c, 0);
}

ssize_t ft_bytes_find_buf(const char *hay, ssize_t n, const char *needle,
                          ssize_t m, int rev)
{
    if (m > n)
        return -1;
    if (m == 0)
        return rev ? n : 0;
    if (!rev) {
        const char *s = hay, *last = hay + (n - m);
        while (s <= last) {
            s = memchr(s, needle[0], (size_t)(last - s) + 1);
            if (s == NULL)
                return -1;
            if (memcmp(s, needle, (size_t)m) == 0)
                return s - hay;
            s++;
        }
        return -1;
    }
    for (ssize_t i = n - m; i >= 0; i--)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, (size_t)m) == 0)
            return i;
    return -1;
}

/* ---- repr ------------------------------------------------------------------------- */

FtObject *ft_bytes_repr_buf(const char *p, ssize_t n)
{
    return ft_bytes_repr_quoted(p, n, 0);
}

FtObject *ft_bytes_repr_quoted(const char *p, ssize_t n, int escape_single)
{
    /* Single quotes unless the text has a ' and no ", as CPython. */
    char quote = '\'';
    if (memchr(p, '\'', (size_t)n) && !memchr(p, '"', (size_t)n))
        quote = '"';
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, 'b') < 0 || ft_sb_append_char(&sb, quote) < 0)
        goto fail;
    for (ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        char esc[4];
        size_t k;
        if (c == (unsigned char)quote || c == '\\' ||
            (c == '\'' && escape_single)) {
            esc[0] = '\\';
            esc[1] = (char)c;
            k = 2;
        } else if (c == '\t' || c == '\n' || c == '\r') {
            esc[0] = '\\';
            esc[1] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
            k = 2;
        } else if (c < 0x20 || c >= 0x7f) {
            static const char hexd[] = "0123456789abcdef";
            esc[0] = '\\';
            esc[1] = 'x';
            esc[2] = hexd[c >> 4];
            esc[3] = hexd[c & 15];
            k = 4;
        } else {
            esc[0] = (char)c;
            k = 1;
        }
        if (ft_sb_append(&sb, esc, k) < 0)
            goto fail;
    }
    if (ft_sb_append_char(&sb, quote) < 0)
        goto fail;
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *bytes_repr(FtObject *o)
{
    return ft_bytes_repr_buf(FT_BYTES_DATA(o), FT_SIZE(o));
}

/* ---- slots ------------------------------------------------------------------------- */

static ft_hash_t bytes_hash(FtObject *o)
{
    FtBytesObject *b = (FtBytesObject *)o;
    ssize_t h = ft_atomic_load_ssize(&b->hash);
    if (h == -1) {
        /* The same function as str's, so b'abc' and 'abc' hash alike, as
         * in CPython. */
        h = (ssize_t)ft_str_hash_bytes(b->data, (size_t)FT_SIZE(o));
        ft_atomic_store_ssize(&b->hash, h);
    }
    return (ft_hash_t)h;
}

static ssize_t bytes_len(FtObject *o) { return FT_SIZE(o); }

FtObject *ft_bytes_richcompare(FtObject *a, FtObject *b, int op)
{
    FtBytesView va, vb;
    int r = ft_bytes_view(a, &va);
    if (r <= 0)
        return r < 0 ? NULL : FT_NEWREF(FT_NotImplemented);
    r = ft_bytes_view(b, &vb);
    if (r <= 0) {
        ft_bytes_view_release(&va);
        return r < 0 ? NULL : FT_NEWREF(FT_NotImplemented);
    }
    int res = ft_bytes_compare_buf(va.p, va.n, vb.p, vb.n, op);
    ft_bytes_view_release(&va);
    ft_bytes_view_release(&vb);
    return ft_bool_from(res);
}

static FtObject *bytes_getitem(FtObject *o, FtObject *key)
{
    ssize_t n = FT_SIZE(o);
    if (FT_SLICE_CHECK(key)) {
        ssize_t start, stop, step;
        ssize_t len = ft_slice_unpack(key, n, &start, &stop, &step);
        if (len < 0)
            return NULL;
        if (step == 1) {
            if (len == n)
                return FT_NEWREF(o);
            return ft_bytes_from_buf(FT_BYTES_DATA(o) + start, (size_t)len);
        }
        FtObject *r = ft_bytes_new(len);
        if (r == NULL)
            return NULL;
        for (ssize_t i = 0; i < len; i++)
            FT_BYTES_MDATA(r)[i] = FT_BYTES_DATA(o)[start + i * step];
        return r;
    }
    ssize_t i;
    if (ft_seq_index(key, "byte", &i) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if ((size_t)i >= (size_t)n) {
        ft_err_set_string(FtExc_IndexError, "index out of range");
        return NULL;
    }
    return ft_int_from_i64((unsigned char)FT_BYTES_DATA(o)[i]);
}

static int bytes_contains(FtObject *o, FtObject *item)
{
    if (FT_INT_CHECK(item)) {
        int v;
        if (ft_bytes_byte_value(item, &v) < 0)
            return -1;
        return memchr(FT_BYTES_DATA(o), v, (size_t)FT_SIZE(o)) != NULL;
    }
    FtBytesView v;
    if (ft_bytes_view_required(item, &v) < 0)
        return -1;
    int r = ft_bytes_find_buf(FT_BYTES_DATA(o), FT_SIZE(o), v.p, v.n, 0) >= 0;
    ft_bytes_view_release(&v);
    return r;
}

static FtObject *bytes_repeat(FtObject *o, int64_t count)
{
    ssize_t n = FT_SIZE(o);
    if (count <= 0 || n == 0)
        return ft_bytes_new(0);
    if (count == 1)
        return FT_NEWREF(o);
    if (count > SSIZE_MAX / n)
        return ft_err_no_memory();
    FtObject *r = ft_bytes_new(n * (ssize_t)count);
    if (r == NULL)
        return NULL;
    char *d = FT_BYTES_MDATA(r);
    for (int64_t c = 0; c < count; c++, d += n)
        memcpy(d, FT_BYTES_DATA(o), (size_t)n);
    return r;
}

static FtObject *bytes_binop(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD) {
        if (!FT_BYTES_CHECK(a))
            FT_RETURN_NOTIMPLEMENTED;
        if (FT_BYTES_CHECK(b))
            return ft_bytes_concat(a, b);
        FtBytesView v;
        int r = ft_bytes_view(b, &v);
        if (r < 0)
            return NULL;
        if (r == 0) {
            if (FT_TYPE(b)->tp_flags & FT_TPFLAGS_HEAPTYPE)
                FT_RETURN_NOTIMPLEMENTED;
            return ft_bytes_concat_error(b, "bytes");
        }
        FtObject *res = ft_bytes_concat(a, v.hold);
        ft_bytes_view_release(&v);
        return res;
    }
    if (op == FT_OP_MUL) {
        FtObject *seq = FT_BYTES_CHECK(a) ? a : b;
        int64_t count;
        int r = ft_bytes_repeat_count(seq == a ? b : a, &count);
        if (r <= 0)
            return r < 0 ? NULL : FT_NEWREF(FT_NotImplemented);
        return bytes_repeat(seq, count);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

/* ---- construction from Python ------------------------------------------------------ */

FtObject *ft_bytes_from_iterable(FtObject *src, const char *tname)
{
    FtObject *it = ft_object_iter(src);
    if (it == NULL)
        return NULL;
    size_t len = 0, cap = 64;
    char *buf = ft_mem_alloc(cap);
    FtObject *item, *res = NULL;
    if (buf == NULL) {
        FT_DECREF(it);
        return ft_err_no_memory();
    }
    while ((item = ft_iter_next(it)) != NULL) {
        int64_t v;
        int r = ft_number_as_i64(item, &v);
        FT_DECREF(item);
        if (r < 0)
            goto done;
        if (v < 0 || v > 255) {
            /* CPython's two types word it differently */
            ft_err_set_string(FtExc_ValueError,
                              strcmp(tname, "bytes") == 0
                                  ? "bytes must be in range(0, 256)"
                                  : "byte must be in range(0, 256)");
            goto done;
        }
        if (len == cap) {
            char *nb = cap > SIZE_MAX / 4 ? NULL : ft_mem_realloc(buf, cap * 2);
            if (nb == NULL) {
                ft_err_no_memory();
                goto done;
            }
            buf = nb;
            cap *= 2;
        }
        buf[len++] = (char)v;
    }
    if (!ft_err_occurred())
        res = ft_bytes_from_buf(buf, len);
done:
    ft_mem_free(buf);
    FT_DECREF(it);
    return res;
}

static const char *arg_cstr(FtObject *o, const char *fname, const char *what)
{
    if (o == NULL)
        return NULL;
    if (!FT_STR_CHECK(o)) {
        ft_err_format(FtExc_TypeError,
                      "%s() argument '%s' must be str, not %s", fname, what,
                      o == FT_None ? "None" : ft_type_name(FT_TYPE(o)));
        return NULL;
    }
    return ft_str_cstr(o);
}

FtObject *ft_bytes_from_args(FtObject *source, FtObject *encoding,
                             FtObject *errors, const char *tname)
{
    /* The argument types are checked first, as CPython's parser does. */
    const char *enc = NULL, *err = NULL;
    if (encoding != NULL && (enc = arg_cstr(encoding, tname, "encoding")) == NULL)
        return NULL;
    if (errors != NULL && (err = arg_cstr(errors, tname, "errors")) == NULL)
        return NULL;
    if (source == NULL) {
        if (encoding != NULL || errors != NULL) {
            ft_err_set_string(FtExc_TypeError,
                              encoding != NULL
                                  ? "encoding without a string argument"
                                  : "errors without a string argument");
            return NULL;
        }
        return ft_bytes_new(0);
    }
    if (FT_STR_CHECK(source)) {
        if (encoding == NULL) {
            ft_err_set_string(FtExc_TypeError,
                              "string argument without an encoding");
            return NULL;
        }
        return ft_str_encode(source, enc, err);
    }
    if (encoding != NULL || errors != NULL) {
        ft_err_set_string(FtExc_TypeError,
                          encoding != NULL
                              ? "encoding without a string argument"
                              : "errors without a string argument");
        return NULL;
    }
    FtBytesView v;
    int r = ft_bytes_view(source, &v);
    if (r < 0)
        return NULL;
    if (r > 0) {
        FtObject *res = FT_BYTES_CHECK(source)
                            ? FT_NEWREF(source)
                            : FT_NEWREF(v.hold);
        ft_bytes_view_release(&v);
        return res;
    }
    if (FT_INT_CHECK(source)) {
        int64_t n;
        if (ft_number_as_i64(source, &n) < 0)
            return NULL;
        if (n < 0) {
            ft_err_set_string(FtExc_ValueError, "negative count");
            return NULL;
        }
        if (n > SSIZE_MAX)
            return ft_err_no_memory();
        return ft_bytes_new((ssize_t)n);
    }
    if (FT_STR_CHECK(source) || FT_TYPE(source) == &FtFloat_Type ||
        (FT_TYPE(source)->tp_iter == NULL &&
         FT_TYPE(source)->tp_getitem == NULL)) {
        ft_err_format(FtExc_TypeError, "cannot convert '%s' object to %s",
                      ft_type_name(FT_TYPE(source)), tname);
        return NULL;
    }
    return ft_bytes_from_iterable(source, tname);
}

static FtObject *bytes_new(FtType *type, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    FtObject *a[3];
    if (ft_arg_parse("bytes", args, nargs, kwnames, kwlist, 0, 3, a) < 0)
        return NULL;
    return ft_bytes_from_args(a[0], a[1], a[2], "bytes");
}

/* ---- iterator (bytes and bytearray) --------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *seq;
    ft_atomic_t index; /* claimed atomically: threads may share an iterator */
} BytesIter;

FtObject *ft_bytes_iter_new(FtType *itype, FtObject *seq)
{
    BytesIter *it = (BytesIter *)ft_object_new(itype);
    if (it == NULL)
        return NULL;
    it->seq = FT_NEWREF(seq);
    it->index = 0;
    return (FtObject *)it;
}

static void bytesiter_dealloc(FtObject *op)
{
    FT_XDECREF(((BytesIter *)op)->seq);
    ft_object_free(op);
}

/* The sequence stays referenced until the iterator dies (no early drop),
 * so a thread sharing the iterator never sees it freed. */
static FtObject *bytesiter_next(FtObject *op)
{
    BytesIter *it = (BytesIter *)op;
    ssize_t i = (ssize_t)ft_atomic_add(&it->index, 1);
    FtObject *s = it->seq;
    int v = -1;
    if (FT_BYTES_CHECK(s)) {
        if (i < FT_SIZE(s))
            v = (unsigned char)FT_BYTES_DATA(s)[i];
    } else {
        FT_BEGIN_CRITICAL_SECTION(s);
        FtByteArrayObject *ba = (FtByteArrayObject *)s;
        if (i < ba->size)
            v = (unsigned char)ba->data[i];
        FT_END_CRITICAL_SECTION();
    }
    if (v < 0) {
        ft_atomic_store(&it->index, (ft_atomic_t)SSIZE_MAX / 2);
        return NULL;
    }
    return ft_int_from_i64(v);
}

static FtObject *iter_self(FtObject *op) { return FT_NEWREF(op); }

static FtObject *bytes_iter(FtObject *o)
{
    return ft_bytes_iter_new(&FtBytesIter_Type, o);
}

FtType FtBytesIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(BytesIter),
    .tp_dealloc = bytesiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = bytesiter_next,
};

FtType FtByteArrayIter_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(BytesIter),
    .tp_dealloc = bytesiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = bytesiter_next,
};

/* ---- the type ------------------------------------------------------------------------- */

static FtObject *bytes_getnewargs(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kwnames)
{
    return ft_tuple_pack(1, self);
}

static FtMethodDef bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, 0, NULL},
    FT_BYTES_COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

FtType FtBytes_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "bytes",
    /* + 1: the trailing NUL after the ob_size data bytes */
    .tp_basicsize = sizeof(FtBytesObject) + 1,
    .tp_itemsize = 1,
    .tp_flags = FT_TPFLAGS_LEAF,
    .tp_dealloc = ft_object_free,
    .tp_repr = bytes_repr,
    .tp_hash = bytes_hash,
    .tp_richcompare = ft_bytes_richcompare,
    .tp_len = bytes_len,
    .tp_getitem = bytes_getitem,
    .tp_contains = bytes_contains,
    .tp_iter = bytes_iter,
    .tp_binop = bytes_binop,
    .tp_new = bytes_new,
    .tp_methods = bytes_methods,
    .tp_doc = "Immutable sequence of bytes.",
};
