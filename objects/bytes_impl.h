/* objects/bytes_impl.h — private to the bytes files (bytes.c, bytearray.c,
 * bytes_methods.c, codecs.c): the constructor's argument conversion, the
 * method table entries bytes and bytearray share, small helpers.
 */
#ifndef FT_OBJECTS_BYTES_IMPL_H
#define FT_OBJECTS_BYTES_IMPL_H

#include "objects/object.h"

/* The contents bytes(source, encoding, errors) would have, as a new bytes
 * object (every argument may be NULL: not given). `tname` names the
 * type in error messages. */
FtObject *ft_bytes_from_args(FtObject *source, FtObject *encoding,
                             FtObject *errors, const char *tname);
/* The bytes of an iterable of ints in range(256) (new bytes). */
FtObject *ft_bytes_from_iterable(FtObject *src, const char *tname);
/* The b'...' repr; escape_single escapes ' even inside double quotes,
 * as CPython's bytearray repr does. */
FtObject *ft_bytes_repr_quoted(const char *p, ssize_t n, int escape_single);
/* A new object of self's kind (bytes or bytearray) with a copy of p[0..n). */
FtObject *ft_bytes_like_new(FtObject *self, const char *p, ssize_t n);
/* One byte value from an int-like object: 0..255, else ValueError "byte
 * must be in range(0, 256)" (or TypeError for a non-integer). 0 or -1. */
int ft_bytes_byte_value(FtObject *o, int *out);
/* The sequence-repeat count of `seq * n`: 1 with *count set, 0 when a user
 * class may still answer (return NotImplemented), -1 on error. */
int ft_bytes_repeat_count(FtObject *n, int64_t *count);
/* Raises TypeError "can't concat T to NAME" and returns NULL. */
FtObject *ft_bytes_concat_error(FtObject *other, const char *name);
/* Compares two byte strings as CPython's bytes do; op is FT_LT..FT_GE. */
int ft_bytes_compare_buf(const char *a, ssize_t na, const char *b, ssize_t nb,
                         int op);
/* tp_richcompare of bytes and bytearray: a and b compared through their
 * byte views, NotImplemented when either has none. */
FtObject *ft_bytes_richcompare(FtObject *a, FtObject *b, int op);
/* Index of needle in hay[0..n) from the left (or the right with rev), or
 * -1. */
ssize_t ft_bytes_find_buf(const char *hay, ssize_t n, const char *needle,
                          ssize_t m, int rev);
/* An iterator over a bytes or bytearray object (yields ints). */
FtObject *ft_bytes_iter_new(FtType *itype, FtObject *seq);

/* The methods bytes and bytearray share (bytes_methods.c), spliced into
 * both tp_methods tables. */
#define FT_BYTES_METHOD_DECL(name)                                             \
    FtObject *ft_bytesm_##name(FtObject *self, FtObject *const *args,          \
                               size_t nargs, FtObject *kwnames)
FT_BYTES_METHOD_DECL(decode);
FT_BYTES_METHOD_DECL(hex);
FT_BYTES_METHOD_DECL(fromhex);
FT_BYTES_METHOD_DECL(find);
FT_BYTES_METHOD_DECL(rfind);
FT_BYTES_METHOD_DECL(index);
FT_BYTES_METHOD_DECL(rindex);
FT_BYTES_METHOD_DECL(count);
FT_BYTES_METHOD_DECL(startswith);
FT_BYTES_METHOD_DECL(endswith);
FT_BYTES_METHOD_DECL(split);
FT_BYTES_METHOD_DECL(rsplit);
FT_BYTES_METHOD_DECL(join);
FT_BYTES_METHOD_DECL(strip);
FT_BYTES_METHOD_DECL(lstrip);
FT_BYTES_METHOD_DECL(rstrip);
FT_BYTES_METHOD_DECL(replace);
FT_BYTES_METHOD_DECL(upper);
FT_BYTES_METHOD_DECL(lower);
FT_BYTES_METHOD_DECL(isdigit);
FT_BYTES_METHOD_DECL(isalpha);
FT_BYTES_METHOD_DECL(isalnum);
FT_BYTES_METHOD_DECL(isspace);
FT_BYTES_METHOD_DECL(splitlines);
FT_BYTES_METHOD_DECL(partition);
FT_BYTES_METHOD_DECL(rpartition);
FT_BYTES_METHOD_DECL(removeprefix);
FT_BYTES_METHOD_DECL(removesuffix);
FT_BYTES_METHOD_DECL(ljust);
FT_BYTES_METHOD_DECL(rjust);
FT_BYTES_METHOD_DECL(center);
FT_BYTES_METHOD_DECL(zfill);
FT_BYTES_METHOD_DECL(capitalize);
FT_BYTES_METHOD_DECL(swapcase);
FT_BYTES_METHOD_DECL(title);
FT_BYTES_METHOD_DECL(islower);
FT_BYTES_METHOD_DECL(isupper);
FT_BYTES_METHOD_DECL(isascii);
FT_BYTES_METHOD_DECL(translate);
FT_BYTES_METHOD_DECL(maketrans);

#define FT_BYTES_COMMON_METHODS                                                \
    {"decode", ft_bytesm_decode, FT_METH_KEYWORDS, NULL},                      \
        {"hex", ft_bytesm_hex, FT_METH_KEYWORDS, NULL},                        \
        {"fromhex", ft_bytesm_fromhex, FT_METH_CLASS, NULL},                   \
        {"find", ft_bytesm_find, 0, NULL},                                     \
        {"rfind", ft_bytesm_rfind, 0, NULL},                                   \
        {"index", ft_bytesm_index, 0, NULL},                                   \
        {"rindex", ft_bytesm_rindex, 0, NULL},                                 \
        {"count", ft_bytesm_count, 0, NULL},                                   \
        {"startswith", ft_bytesm_startswith, 0, NULL},                         \
        {"endswith", ft_bytesm_endswith, 0, NULL},                             \
        {"split", ft_bytesm_split, FT_METH_KEYWORDS, NULL},                    \
        {"rsplit", ft_bytesm_rsplit, FT_METH_KEYWORDS, NULL},                  \
        {"join", ft_bytesm_join, 0, NULL},                                     \
        {"strip", ft_bytesm_strip, 0, NULL},                                   \
        {"lstrip", ft_bytesm_lstrip, 0, NULL},                                 \
        {"rstrip", ft_bytesm_rstrip, 0, NULL},                                 \
        {"replace", ft_bytesm_replace, 0, NULL},                               \
        {"upper", ft_bytesm_upper, 0, NULL},                                   \
        {"lower", ft_bytesm_lower, 0, NULL},                                   \
        {"isdigit", ft_bytesm_isdigit, 0, NULL},                               \
        {"isalpha", ft_bytesm_isalpha, 0, NULL},                               \
        {"isalnum", ft_bytesm_isalnum, 0, NULL},                               \
        {"isspace", ft_bytesm_isspace, 0, NULL},                               \
        {"splitlines", ft_bytesm_splitlines, FT_METH_KEYWORDS, NULL},          \
        {"partition", ft_bytesm_partition, 0, NULL},                           \
        {"rpartition", ft_bytesm_rpartition, 0, NULL},                         \
        {"removeprefix", ft_bytesm_removeprefix, 0, NULL},                     \
        {"removesuffix", ft_bytesm_removesuffix, 0, NULL},                     \
        {"ljust", ft_bytesm_ljust, 0, NULL},                                   \
        {"rjust", ft_bytesm_rjust, 0, NULL},                                   \
        {"center", ft_bytesm_center, 0, NULL},                                 \
        {"zfill", ft_bytesm_zfill, 0, NULL},                                   \
        {"capitalize", ft_bytesm_capitalize, 0, NULL},                         \
        {"swapcase", ft_bytesm_swapcase, 0, NULL},                             \
        {"title", ft_bytesm_title, 0, NULL},                                   \
        {"islower", ft_bytesm_islower, 0, NULL},                               \
        {"isupper", ft_bytesm_isupper, 0, NULL},                               \
        {"isascii", ft_bytesm_isascii, 0, NULL},                               \
        {"translate", ft_bytesm_translate, FT_METH_KEYWORDS, NULL},            \
        {"maketrans", ft_bytesm_maketrans, FT_METH_STATIC, NULL}

#endif
