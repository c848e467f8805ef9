/* objects/bytes.h — bytes (an immutable array of bytes, hashable) and
 * bytearray (its mutable, lock-protected sibling), the read-only view C
 * code takes of either, and the text codecs (str.encode, bytes.decode).
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_BYTES_H
#define FT_OBJECTS_BYTES_H

#include "runtime/lock.h" /* FT_OBJECT_LOCK_FIELDS */

/* ob_size is the length; data holds ob_size bytes and a trailing NUL, so
 * FT_BYTES_DATA can go to C functions that want a string. */
typedef struct {
    FT_VAR_HEAD
    ssize_t hash; /* -1 until computed; read and written atomically */
    char data[];
} FtBytesObject;

extern FtType FtBytes_Type;
extern FtType FtByteArray_Type;
extern FtType FtBytesIter_Type;
extern FtType FtByteArrayIter_Type;

#define FT_BYTES_CHECK(o) (FT_TYPE(o) == &FtBytes_Type)
#define FT_BYTES_DATA(o) ((const char *)((FtBytesObject *)(o))->data)
#define FT_BYTES_SIZE(o) FT_SIZE(o)
/* Writable storage of a bytes object nobody else has seen yet (one made
 * by ft_bytes_new that is still being filled). */
#define FT_BYTES_MDATA(o) (((FtBytesObject *)(o))->data)

/* New bytes holding a copy of p[0..n): NULL + MemoryError. */
FtObject *ft_bytes_from_buf(const char *p, size_t n);
/* New bytes of n bytes to fill through FT_BYTES_MDATA (NUL-terminated,
 * contents zero). */
FtObject *ft_bytes_new(ssize_t n);
/* Shrinks a bytes object made by ft_bytes_new that nobody else has seen
 * to its first n bytes (n <= its size); *pb may move. 0, or -1 with *pb
 * released and NULL. */
int ft_bytes_shrink(FtObject **pb, ssize_t n);
/* bytes + bytes as a new bytes (a and b must be bytes). */
FtObject *ft_bytes_concat(FtObject *a, FtObject *b);
/* repr() of the contents: b'...' with CPython's quoting. */
FtObject *ft_bytes_repr_buf(const char *p, ssize_t n);

/* bytearray: a growable buffer behind the object's lock. Every operation
 * runs in a critical section on the object (runtime/lock.h), like list;
 * readers of another bytearray's contents take a snapshot (FtBytesView). */
typedef struct {
    FT_OBJECT_HEAD
    FT_OBJECT_LOCK_FIELDS /* the bytearray's lock (inline object locks) */
    ssize_t size;
    ssize_t allocated;
    char *data; /* NULL while allocated == 0 */
    /* Live buffer exports (memoryview does not exist yet; kept so a
     * future one can refuse resizing as CPython does). */
    ssize_t exports;
} FtByteArrayObject;

#define FT_BYTEARRAY_CHECK(o) (FT_TYPE(o) == &FtByteArray_Type)

/* New bytearray with a copy of p[0..n). */
FtObject *ft_bytearray_from_buf(const char *p, size_t n);

/* A read-only view of a bytes-like object (bytes or bytearray). For a
 * bytes it points into the object; for a bytearray it is a snapshot copy
 * taken under the bytearray's lock, so it never changes under its reader
 * and never dangles when another thread resizes the buffer. */
typedef struct {
    const char *p;
    ssize_t n;
    FtObject *hold; /* the bytes object that owns p (a new reference) */
} FtBytesView;
/* 1 and *v filled if o is bytes-like, 0 (no exception) if it is not, -1
 * on MemoryError. Release every view filled with 1. */
int ft_bytes_view(FtObject *o, FtBytesView *v);
void ft_bytes_view_release(FtBytesView *v);
/* ft_bytes_view that raises TypeError "a bytes-like object is required,
 * not 'T'" for anything else: 0 or -1. */
int ft_bytes_view_required(FtObject *o, FtBytesView *v);
/* 1 if o is bytes or bytearray. */
static inline int ft_bytes_like_check(FtObject *o)
{
    return FT_BYTES_CHECK(o) || FT_BYTEARRAY_CHECK(o);
}

/* ---- codecs (objects/codecs.c) ---- */

/* str.encode(encoding, errors) and bytes.decode(encoding, errors): NULL
 * encoding means utf-8, NULL errors "strict". Known encodings: utf-8,
 * ascii, latin-1 and their usual aliases; anything else is LookupError
 * "unknown encoding: X". */
FtObject *ft_str_encode(FtObject *s, const char *encoding, const char *errors);
FtObject *ft_bytes_decode_buf(const char *p, ssize_t n, const char *encoding,
                              const char *errors);
/* str.encode(encoding='utf-8', errors='strict'), the method. */
FtObject *ft_str_method_encode(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames);
/* The built-in UnicodeEncodeError / UnicodeDecodeError classes (made by
 * ft_codecs_init, after the exception classes). */
extern FtType *FtExc_UnicodeEncodeError;
extern FtType *FtExc_UnicodeDecodeError;
int ft_codecs_init(void);
/* The codec an encoding name stands for, with CPython's normalisation
 * (case, '-', '_' and ' ' alike) and aliases; NULL means utf-8. One table
 * for str.encode, bytes.decode and open(). */
enum { FT_CODEC_UTF8, FT_CODEC_ASCII, FT_CODEC_LATIN1, FT_CODEC_UNKNOWN };
int ft_codec_lookup(const char *name);
/* Adds UnicodeEncodeError and UnicodeDecodeError to a dict (builtins). */
int ft_codecs_add_to(FtObject *dict);

#endif
