/* objects/codecs.c — the text codecs: str.encode and bytes.decode for
 * utf-8, ascii and latin-1 with the error handlers strict, ignore,
 * replace and backslashreplace (xmlcharrefreplace too, for encoding),
 * and the UnicodeEncodeError / UnicodeDecodeError classes they raise,
 * with CPython's attributes (encoding, object, start, end, reason) and
 * messages. A str is UTF-8 inside, so encoding walks its code points;
 * positions in errors count code points, as CPython's do.
 */
#include "objects/bytes_impl.h"
#include "objects/object.h"
#include "objects/str_impl.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* ---- names ---------------------------------------------------------------------- */

enum {
    ENC_UTF8 = FT_CODEC_UTF8,
    ENC_ASCII = FT_CODEC_ASCII,
    ENC_LATIN1 = FT_CODEC_LATIN1,
    ENC_UNKNOWN = FT_CODEC_UNKNOWN
};
static const char *const enc_names[] = {"utf-8", "ascii", "latin-1"};

/* Looks the name up the way CPython normalises it: case and the
 * difference between '-', '_' and ' ' do not matter. */
int ft_codec_lookup(const char *name)
{
    char norm[32];
    size_t i;
    if (name == NULL)
        return ENC_UTF8;
    for (i = 0; name[i] != '\0' && i + 1 < sizeof norm; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        norm[i] = c == '_' || c == ' ' ? '-' : c;
    }
    if (name[i] != '\0')
        return ENC_UNKNOWN;
    norm[i] = '\0';
    static const struct {
        const char *name;
        int enc;
    } table[] = {
        {"utf-8", ENC_UTF8},       {"utf8", ENC_UTF8},
        {"u8", ENC_UTF8},          {"utf", ENC_UTF8},
        {"ascii", ENC_ASCII},      {"us-ascii", ENC_ASCII},
        {"646", ENC_ASCII},        {"us", ENC_ASCII},
        {"latin-1", ENC_LATIN1},
        {"latin1", ENC_LATIN1},    {"latin", ENC_LATIN1},
        {"l1", ENC_LATIN1},        {"iso-8859-1", ENC_LATIN1},
        {"iso8859-1", ENC_LATIN1}, {"8859", ENC_LATIN1},
        {"cp819", ENC_LATIN1},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (strcmp(norm, table[k].name) == 0)
            return table[k].enc;
    return ENC_UNKNOWN;
}

static int unknown_encoding(const char *name)
{
    ft_err_format(FtExc_LookupError, "unknown encoding: %s", name);
    return -1;
}

enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH, ERR_XMLREF,
       ERR_UNKNOWN };

static int lookup_errors(const char *name)
{
    static const char *const names[] = {"strict", "ignore", "replace",
                                        "backslashreplace",
                                        "xmlcharrefreplace"};
    if (name == NULL)
        return ERR_STRICT;
    for (int k = 0; k < ERR_UNKNOWN; k++)
        if (strcmp(name, names[k]) == 0)
            return k;
    return ERR_UNKNOWN;
}

/* CPython looks the handler up only when an error happens. */
static int unknown_handler(const char *name)
{
    ft_err_format(FtExc_LookupError, "unknown error handler name '%s'", name);
    return -1;
}

/* ---- the exception classes -------------------------------------------------------- */

static int set_attrs(FtObject *self, FtObject *const *args)
{
    static const char *const names[] = {"encoding", "object", "start", "end",
                                        "reason"};
    for (int i = 0; i < 5; i++)
        if (ft_object_setattr_str(self, names[i], args[i]) < 0)
            return -1;
    return 0;
}

static int check_args(FtObject *self, FtObject *const *args, size_t nargs,
                      FtObject *kwnames, int decode)
{
    const char *name = ft_type_name(FT_TYPE(self));
    if (kwnames != NULL && FT_TUPLE_SIZE(kwnames) > 0) {
        ft_err_format(FtExc_TypeError, "%s() takes no keyword arguments",
                      name);
        return -1;
    }
    if (nargs != 5) {
        ft_err_format(FtExc_TypeError,
                      "function takes exactly 5 arguments (%zd given)",
                      (ssize_t)nargs);
        return -1;
    }
    int ok = FT_STR_CHECK(args[0]) && FT_INT_CHECK(args[2]) &&
             FT_INT_CHECK(args[3]) && FT_STR_CHECK(args[4]) &&
             (decode ? ft_bytes_like_check(args[1]) : FT_STR_CHECK(args[1]));
    if (!ok) {
        ft_err_format(FtExc_TypeError, "argument types are wrong for %s",
                      name);
        return -1;
    }
    return 0;
}

static int encode_error_init(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (check_args(self, args, nargs, kwnames, 0) < 0)
        return -1;
    return set_attrs(self, args);
}

static int decode_error_init(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (check_args(self, args, nargs, kwnames, 1) < 0)
        return -1;
    if (FT_BYTES_CHECK(args[1]))
        return set_attrs(self, args);
    FtObject *fixed[5] = {args[0], NULL, args[2], args[3], args[4]};
    FtBytesView v;
    if (ft_bytes_view(args[1], &v) < 0)
        return -1;
    fixed[1] = v.hold; /* a bytearray's contents become bytes, as CPython */
    int r = set_attrs(self, fixed);
    ft_bytes_view_release(&v);
    return r;
}

/* The five attributes back, for str(); 0 with new references, or -1 after
 * falling back to no message. */
static int get_attrs(FtObject *self, FtObject **out)
{
    static const char *const names[] = {"encoding", "object", "start", "end",
                                        "reason"};
    for (int i = 0; i < 5; i++) {
        out[i] = ft_object_getattr_str(self, names[i]);
        if (out[i] == NULL) {
            while (i-- > 0)
                FT_DECREF(out[i]);
            return -1;
        }
    }
    return 0;
}

static void put_attrs(FtObject **a)
{
    for (int i = 0; i < 5; i++)
        FT_DECREF(a[i]);
}

/* The code point at index i of a str (-1 if out of range). */
static int64_t str_char_at(FtObject *s, int64_t i)
{
    const char *p = FT_STR_DATA(s), *e = p + FT_STR_NBYTES(s);
    if (i < 0)
        return -1;
    for (; p < e; i--) {
        int len;
        uint32_t cp = ft_utf8_decode(p, &len);
        if (i == 0)
            return cp;
        p += len;
    }
    return -1;
}

/* A code point as Python writes it in a str literal: \\xhh, \\uhhhh or
 * \\Uhhhhhhhh. Returns the length written to buf (size >= 11). */
static int backslash_escape(char *buf, size_t size, uint32_t cp)
{
    return snprintf(buf, size,
                    cp <= 0xff     ? "\\x%02x"
                    : cp <= 0xffff ? "\\u%04x"
                                   : "\\U%08x",
                    (unsigned)cp);
}

static FtObject *encode_error_str(FtObject *self)
{
    FtObject *a[5];
    if (get_attrs(self, a) < 0)
        return NULL;
    int64_t start, end;
    FtObject *r = NULL;
    if (ft_number_as_i64(a[2], &start) < 0 || ft_number_as_i64(a[3], &end) < 0)
        goto done;
    int64_t ch = end == start + 1 && FT_STR_CHECK(a[1])
                     ? str_char_at(a[1], start)
                     : -1;
    if (ch >= 0) {
        char esc[16];
        backslash_escape(esc, sizeof esc, (uint32_t)ch);
        r = ft_str_from_format("'%S' codec can't encode character '%s' in "
                               "position %lld: %S",
                               a[0], esc, (long long)start, a[4]);
    } else {
        r = ft_str_from_format("'%S' codec can't encode characters in "
                               "position %lld-%lld: %S",
                               a[0], (long long)start, (long long)(end - 1),
                               a[4]);
    }
done:
    put_attrs(a);
    return r;
}

static FtObject *decode_error_str(FtObject *self)
{
    FtObject *a[5];
    if (get_attrs(self, a) < 0)
        return NULL;
    int64_t start, end;
    FtObject *r = NULL;
    if (ft_number_as_i64(a[2], &start) < 0 || ft_number_as_i64(a[3], &end) < 0)
        goto done;
    if (end == start + 1 && FT_BYTES_CHECK(a[1]) && start >= 0 &&
        start < FT_BYTES_SIZE(a[1])) {
        char hex[8];
        snprintf(hex, sizeof hex, "0x%02x",
                 (unsigned char)FT_BYTES_DATA(a[1])[start]);
        r = ft_str_from_format("'%S' codec can't decode byte %s in "
                               "position %lld: %S",
                               a[0], hex, (long long)start, a[4]);
    } else {
        r = ft_str_from_format("'%S' codec can't decode bytes in position "
                               "%lld-%lld: %S",
                               a[0], (long long)start, (long long)(end - 1),
                               a[4]);
    }
done:
    put_attrs(a);
    return r;
}

static FtType UnicodeEncodeError_type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "UnicodeEncodeError",
    .tp_basicsize = sizeof(FtBaseExceptionObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_EXC_SUBCLASS,
    .tp_dictoffset = offsetof(FtBaseExceptionObject, dict),
    .tp_init = encode_error_init,
    .tp_str = encode_error_str,
    .tp_doc = "Unicode encoding error.",
};

static FtType UnicodeDecodeError_type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "UnicodeDecodeError",
    .tp_basicsize = sizeof(FtBaseExceptionObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_EXC_SUBCLASS,
    .tp_dictoffset = offsetof(FtBaseExceptionObject, dict),
    .tp_init = decode_error_init,
    .tp_str = decode_error_str,
    .tp_doc = "Unicode decoding error.",
};

FtType *FtExc_UnicodeEncodeError = &UnicodeEncodeError_type;
FtType *FtExc_UnicodeDecodeError = &UnicodeDecodeError_type;

int ft_codecs_init(void)
{
    /* UnicodeError is made by ft_exceptions_init, which runs first. */
    UnicodeEncodeError_type.tp_base = FtExc_UnicodeError;
    UnicodeDecodeError_type.tp_base = FtExc_UnicodeError;
    if (ft_type_ready(&UnicodeEncodeError_type) < 0 ||
        ft_type_ready(&UnicodeDecodeError_type) < 0)
        return -1;
    return 0;
}

int ft_codecs_add_to(FtObject *dict)
{
    if (ft_dict_set_str(dict, "UnicodeEncodeError",
                        (FtObject *)&UnicodeEncodeError_type) < 0 ||
        ft_dict_set_str(dict, "UnicodeDecodeError",
                        (FtObject *)&UnicodeDecodeError_type) < 0)
        return -1;
    return 0;
}

/* Raises the error; obj is the str or bytes being converted. */
static void raise_codec_error(FtType *type, int enc, FtObject *obj,
                              ssize_t start, ssize_t end, const char *reason)
{
    FtObject *a[5] = {ft_str_from_cstr(enc_names[enc]), FT_NEWREF(obj),
                      ft_int_from_i64(start), ft_int_from_i64(end),
                      ft_str_from_cstr(reason)};
    int ok = 1;
    for (int i = 0; i < 5; i++)
        ok &= a[i] != NULL;
    FtObject *exc = ok ? ft_exc_new(type, a, 5) : NULL;
    for (int i = 0; i < 5; i++)
        FT_XDECREF(a[i]);
    if (exc != NULL) {
        ft_err_set_exc(exc);
        FT_DECREF(exc);
    }
}

/* ---- a byte buffer ------------------------------------------------------------------- */

typedef struct {
    char *p;
    size_t len, cap;
} Out;

static int out_add(Out *o, const char *p, size_t n)
{
    if (n == 0) /* o->p may still be NULL: no memcpy to it */
        return 0;
    if (o->len + n > o->cap) {
        if (n > SIZE_MAX / 4 - o->len) {
            ft_err_no_memory();
            return -1;
        }
        size_t nc = (o->len + n) * 2 + 16;
        char *np = ft_mem_realloc(o->p, nc);
        if (np == NULL) {
            ft_err_no_memory();
            return -1;
        }
        o->p = np;
        o->cap = nc;
    }
    memcpy(o->p + o->len, p, n);
    o->len += n;
    return 0;
}

/* ---- encoding ------------------------------------------------------------------------ */

/* 1 if enc can hold cp. A lone surrogate (which a str can hold, encoded
 * as three bytes) is not valid UTF-8 output. */
static int encodable(int enc, uint32_t cp)
{
    switch (enc) {
    case ENC_ASCII: return cp < 0x80;
    case ENC_LATIN1: return cp < 0x100;
    default: return cp < 0xD800 || cp > 0xDFFF;
    }
}

static int encode_replacement(Out *o, int handler, uint32_t cp)
{
    char tmp[16];
    int n = 0;
    switch (handler) {
    case ERR_IGNORE: return 0;
    case ERR_REPLACE: return out_add(o, "?", 1);
    case ERR_BACKSLASH:
        n = backslash_escape(tmp, sizeof tmp, cp);
        return out_add(o, tmp, (size_t)n);
    default: /* xmlcharrefreplace */
        n = snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)cp);
        return out_add(o, tmp, (size_t)n);
    }
}

FtObject *ft_str_encode(FtObject *s, const char *encoding, const char *errors)
{
    int enc = ft_codec_lookup(encoding);
    if (enc == ENC_UNKNOWN) {
        unknown_encoding(encoding);
        return NULL;
    }
    const char *p = FT_STR_DATA(s), *e = p + FT_STR_NBYTES(s);
    if (((FtStrObject *)s)->is_ascii)
        return ft_bytes_from_buf(p, (size_t)(e - p));
    int handler = lookup_errors(errors);
    Out o = {NULL, 0, 0};
    ssize_t pos = 0;
    while (p < e) {
        int len;
        uint32_t cp = ft_utf8_decode(p, &len);
        if (encodable(enc, cp)) {
            char c = (char)cp;
            if (enc == ENC_UTF8 ? out_add(&o, p, (size_t)len) < 0
                                : out_add(&o, &c, 1) < 0)
                goto fail;
            p += len;
            pos++;
            continue;
        }
        /* a run of characters the encoding cannot hold */
        const char *q = p;
        ssize_t end = pos;
        while (q < e) {
            int l2;
            uint32_t c2 = ft_utf8_decode(q, &l2);
            if (encodable(enc, c2))
                break;
            q += l2;
            end++;
        }
        if (handler == ERR_STRICT || handler == ERR_UNKNOWN) {
            if (handler == ERR_UNKNOWN)
                unknown_handler(errors);
            else
                raise_codec_error(FtExc_UnicodeEncodeError, enc, s, pos, end,
                                  enc == ENC_UTF8 ? "surrogates not allowed"
                                  : enc == ENC_ASCII
                                      ? "ordinal not in range(128)"
                                      : "ordinal not in range(256)");
            goto fail;
        }
        for (; p < q; pos++) {
            if (encode_replacement(&o, handler, ft_utf8_decode(p, &len)) < 0)
                goto fail;
            p += len;
        }
    }
    FtObject *r = ft_bytes_from_buf(o.p ? o.p : "", o.len);
    ft_mem_free(o.p);
    return r;
fail:
    ft_mem_free(o.p);
    return NULL;
}

/* ---- decoding ------------------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at p (n bytes left), or 0 with
 * *bad_len (how many bytes the error covers) and *why set. */
static int utf8_valid_len(const unsigned char *p, ssize_t n, ssize_t *bad_len,
                          const char **why)
{
    unsigned char b = p[0];
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b < 0x80)
        return 1;
    if (b < 0xC2 || b > 0xF4) {
        *bad_len = 1;
        *why = "invalid start byte";
        return 0;
    }
    need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (b == 0xE0)
        lo = 0xA0;
    else if (b == 0xED)
        hi = 0x9F;
    else if (b == 0xF0)
        lo = 0x90;
    else if (b == 0xF4)
        hi = 0x8F;
    for (int k = 1; k < need; k++) {
        if (k >= n) {
            *bad_len = k;
            *why = "unexpected end of data";
            return 0;
        }
        unsigned char c = p[k];
        if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
            *bad_len = k;
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return need;
}

FtObject *ft_bytes_decode_buf(const char *buf, ssize_t n, const char *encoding,
                              const char *errors)
{
    int enc = ft_codec_lookup(encoding);
    if (enc == ENC_UNKNOWN) {
        unknown_encoding(encoding);
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)buf;
    int handler = lookup_errors(errors);
    Out o = {NULL, 0, 0};
    ssize_t i = 0;
    while (i < n) {
        /* the ASCII run first: the common case, valid in every codec */
        ssize_t j = i;
        while (j < n && p[j] < 0x80)
            j++;
        if (j > i && out_add(&o, buf + i, (size_t)(j - i)) < 0)
            goto fail;
        i = j;
        if (i >= n)
            break;
        ssize_t bad_len = 1;
        const char *why = "ordinal not in range(128)";
        if (enc == ENC_LATIN1) {
            char u[2];
            int k = ft_utf8_encode(p[i], u);
            if (out_add(&o, u, (size_t)k) < 0)
                goto fail;
            i++;
            continue;
        }
        if (enc == ENC_UTF8) {
            int len = utf8_valid_len(p + i, n - i, &bad_len, &why);
            if (len > 0) {
                if (out_add(&o, buf + i, (size_t)len) < 0)
                    goto fail;
                i += len;
                continue;
            }
        }
        if (handler == ERR_STRICT || handler == ERR_UNKNOWN ||
            handler == ERR_XMLREF) {
            if (handler == ERR_STRICT) {
                FtObject *whole = ft_bytes_from_buf(buf, (size_t)n);
                if (whole != NULL) {
                    raise_codec_error(FtExc_UnicodeDecodeError, enc, whole, i,
                                      i + bad_len, why);
                    FT_DECREF(whole);
                }
            } else if (handler == ERR_UNKNOWN) {
                unknown_handler(errors);
            } else {
                ft_err_set_string(FtExc_TypeError,
                                  "don't know how to handle "
                                  "UnicodeDecodeError in error callback");
            }
            goto fail;
        }
        if (handler == ERR_REPLACE) {
            if (out_add(&o, "\xEF\xBF\xBD", 3) < 0) /* U+FFFD */
                goto fail;
        } else if (handler == ERR_BACKSLASH) {
            for (ssize_t k = 0; k < bad_len; k++) {
                char tmp[8];
                int m = snprintf(tmp, sizeof tmp, "\\x%02x", p[i + k]);
                if (out_add(&o, tmp, (size_t)m) < 0)
                    goto fail;
            }
        }
        i += bad_len;
    }
    FtObject *r = ft_str_from_len(o.p ? o.p : "", (ssize_t)o.len);
    ft_mem_free(o.p);
    return r;
fail:
    ft_mem_free(o.p);
    return NULL;
}

/* ---- str.encode ------------------------------------------------------------------------ */

/* The method, registered in str's table (str_methods.c). */
FtObject *ft_str_method_encode(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    FtObject *a[2];
    if (ft_arg_parse("encode", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    const char *s[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        if (a[k] == NULL)
            continue;
        if (!FT_STR_CHECK(a[k])) {
            ft_err_format(FtExc_TypeError,
                          "encode() argument '%s' must be str, not %s",
                          kwlist[k],
                          a[k] == FT_None ? "None" : ft_type_name(FT_TYPE(a[k])));
            return NULL;
        }
        s[k] = FT_STR_DATA(a[k]);
    }
    return ft_str_encode(self, s[0], s[1]);
}
