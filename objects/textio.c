/* objects/textio.c — the text layer of file objects: finding where the next
 * characters or line end in the read buffer, decoding them (utf-8,
 * latin-1, ascii, errors='strict') with newline translation, and encoding
 * written text. Runs with the file's I/O lock held (objects/fileio.h).
 *
 * Text is decoded from whole characters at the moment it is returned, never
 * ahead, so the file holds no decoder state: tell() is the byte offset of
 * the next unread byte and seek() takes it back (CPython's cookies carry
 * decoder state; for these stateless codecs they are byte offsets too).
 * Every supported codec is ASCII-compatible, so '\r' and '\n' are found
 * with byte comparisons and a UTF-8 continuation byte never looks like one.
 */
#include "objects/fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const enc_names[] = {"utf-8", "latin-1", "ascii"};

int ft_text_encoding_from_name(FtObject *name)
{
    const char *s = ft_str_cstr(name);
    if (strlen(s) == (size_t)FT_STR_NBYTES(name)) { /* no NUL inside */
        switch (ft_codec_lookup(s)) {
        case FT_CODEC_UTF8:
            return FT_ENC_UTF8;
        case FT_CODEC_ASCII:
            return FT_ENC_ASCII;
        case FT_CODEC_LATIN1:
            return FT_ENC_LATIN1;
        }
    }
    ft_err_format(FtExc_LookupError, "unknown encoding: %U", name);
    return -1;
}

int ft_text_errors_from_name(FtObject *name)
{
    static const char *const names[] = {"strict", "ignore", "replace",
                                        "backslashreplace"};
    for (int i = 0; i < 4; i++)
        if (ft_str_eq_cstr(name, names[i]))
            return i;
    ft_err_format(FtExc_ValueError,
                  "ftpy's text files support errors='strict', 'ignore', "
                  "'replace' and 'backslashreplace', not %R",
                  name);
    return -1;
}

/* ---- finding the end of the next piece of text ------------------------------ */

static size_t char_bytes(const FtFileObject *f, unsigned char c)
{
    if (f->encoding != FT_ENC_UTF8 || c < 0xC0)
        return 1;
    return c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

/* A '\r' whose meaning depends on the byte after it. */
static int cr_needs_lookahead(const FtFileObject *f)
{
    return f->newline == FT_NL_NONE || f->newline == FT_NL_EMPTY ||
           f->newline == FT_NL_CRLF;
}

/* How many bytes from rpos make up the next `limit` characters (-1: no
 * limit), stopping after a line end when `line` is set; reads more as
 * needed. Characters are counted after newline translation. -1 on error. */
static ssize_t scan(FtFileObject *f, int64_t limit, int line)
{
    size_t i = 0;
    int64_t chars = 0;
    int eof = 0;
    int nl = f->newline;
    while (limit < 0 || chars < limit) {
        size_t avail = f->rlen - f->rpos;
        size_t need = 1;
        unsigned char c = 0;
        if (i < avail) {
            c = (unsigned char)f->rbuf[f->rpos + i];
            need = c == '\r' && cr_needs_lookahead(f) ? 2 : char_bytes(f, c);
        }
        if (i + need > avail && !eof) {
            ssize_t r = ft_file_fill(f); /* keeps rbuf[rpos..]: i stays valid */
            if (r < 0)
                return -1;
            eof = r == 0;
            continue;
        }
        if (i >= avail)
            break; /* end of file */
        if (i + need > avail)
            need = avail - i; /* cut short by the end of the file */
        if (c == '\r' && cr_needs_lookahead(f)) {
            int crlf = need == 2 && f->rbuf[f->rpos + i + 1] == '\n';
            int width = crlf && nl != FT_NL_NONE ? 2 : 1; /* in characters */
            if (crlf && limit >= 0 && chars + width > limit)
                crlf = 0, width = 1; /* no room for both */
            i += crlf ? 2 : 1;
            chars += width;
            if (line && (crlf || nl != FT_NL_CRLF))
                return (ssize_t)i;
            continue;
        }
        i += need;
        chars++;
        if (line && ((c == '\n' && nl != FT_NL_CR && nl != FT_NL_CRLF) ||
                     (c == '\r' && nl == FT_NL_CR)))
            break;
    }
    return (ssize_t)i;
}

/* ---- decoding ------------------------------------------------------------------ */

/* Raises type(*a) (UnicodeDecodeError or UnicodeEncodeError) and
 * releases a[0..5), any of which may be NULL after a failed allocation. */
static void set_codec_error(FtType *type, FtObject **a)
{
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

/* Raises UnicodeDecodeError for bytes at..at+len of the text being
 * decoded (rbuf from rpos, n bytes), as the codec would. */
static void decode_error(FtFileObject *f, size_t n, size_t at, size_t len,
                         const char *reason)
{
    FtObject *a[5] = {ft_str_from_cstr(enc_names[(int)f->encoding]),
                      ft_bytes_from_buf(f->rbuf + f->rpos, n),
                      ft_int_from_i64((int64_t)at),
                      ft_int_from_i64((int64_t)(at + len)),
                      ft_str_from_cstr(reason)};
    set_codec_error(FtExc_UnicodeDecodeError, a);
}

/* The UTF-8 sequence at s[i] (n bytes in all): NULL if it is valid, with
 * *len its length; else the reason it is not, with *len the length of the
 * invalid part (the lead byte and the continuation bytes that fit). */
static const char *utf8_seq(const unsigned char *s, size_t n, size_t i,
                            size_t *len)
{
    unsigned c = s[i];
    *len = 1;
    if (c < 0x80)
        return NULL;
    size_t k = c >= 0xC2 && c <= 0xDF   ? 1
               : c >= 0xE0 && c <= 0xEF ? 2
               : c >= 0xF0 && c <= 0xF4 ? 3
                                        : 0;
    if (k == 0)
        return "invalid start byte";
    /* the allowed range of the first continuation byte: no overlong
     * forms, no surrogates, nothing above U+10FFFF */
    unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (size_t j = 1; j <= k; j++, (*len)++) {
        if (i + j >= n)
            return "unexpected end of data";
        unsigned d = s[i + j];
        if (d < (j == 1 ? lo : 0x80) || d > (j == 1 ? hi : 0xBF))
            return "invalid continuation byte";
    }
    return NULL;
}

/* The first undecodable part of s[0..n): its reason (and *at, *len), or
 * NULL if there is none. */
static const char *find_bad(const FtFileObject *f, const unsigned char *s,
                            size_t n, size_t *at, size_t *len)
{
    for (size_t i = 0; i < n; i += *len) {
        const char *why = NULL;
        *len = 1;
        if (f->encoding == FT_ENC_UTF8)
            why = utf8_seq(s, n, i, len);
        else if (f->encoding == FT_ENC_ASCII && s[i] >= 0x80)
            why = "ordinal not in range(128)";
        if (why != NULL) {
            *at = i;
            return why;
        }
    }
    return NULL;
}

static void put_utf8(char *out, size_t *o, uint32_t cp)
{
    if (cp < 0x80) {
        out[(*o)++] = (char)cp;
    } else if (cp < 0x800) {
        out[(*o)++] = (char)(0xC0 | (cp >> 6));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    } else {
        out[(*o)++] = (char)(0xE0 | (cp >> 12));
        out[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[(*o)++] = (char)(0x80 | (cp & 0x3F));
    }
}

/* Decodes s[0..n) the slow way: latin-1, newline translation, and the
 * error handlers ignore, replace and backslashreplace. */
static FtObject *decode_slow(const FtFileObject *f, const unsigned char *s,
                             size_t n, int translate)
{
    char *out = malloc(4 * n + 1); /* "\\xNN" is the longest per byte */
    if (out == NULL)
        return ft_err_no_memory();
    size_t o = 0, len;
    for (size_t i = 0; i < n; i += len) {
        const char *why = NULL;
        len = 1;
        if (f->encoding == FT_ENC_UTF8)
            why = utf8_seq(s, n, i, &len);
        else if (f->encoding == FT_ENC_ASCII && s[i] >= 0x80)
            why = "bad";
        if (why != NULL) {
            if (f->errors_mode == FT_ERRORS_REPLACE)
                put_utf8(out, &o, 0xFFFD);
            for (size_t j = 0; f->errors_mode == FT_ERRORS_BACKSLASH && j < len;
                 j++)
                o += (size_t)sprintf(out + o, "\\x%02x", s[i + j]);
        } else if (s[i] == '\r' && translate) {
            out[o++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                len = 2;
        } else if (f->encoding == FT_ENC_LATIN1) {
            put_utf8(out, &o, s[i]);
        } else {
            memcpy(out + o, s + i, len);
            o += len;
        }
    }
    FtObject *r = ft_str_from_len(out, (ssize_t)o);
    free(out);
    return r;
}

static int all_ascii(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80)
            return 0;
    return 1;
}

/* Decodes rbuf[rpos .. rpos+n) into a str and consumes it. */
static FtObject *decode_out(FtFileObject *f, size_t n)
{
    if (n == 0) /* rbuf may still be NULL */
        return ft_str_from_cstr("");
    const unsigned char *s = (const unsigned char *)f->rbuf + f->rpos;
    size_t at, len;
    const char *why = f->encoding == FT_ENC_LATIN1 ? NULL
                                                   : find_bad(f, s, n, &at, &len);
    if (why != NULL && f->errors_mode == FT_ERRORS_STRICT) {
        decode_error(f, n, at, len, why);
        return NULL;
    }
    int translate = f->newline == FT_NL_NONE && memchr(s, '\r', n) != NULL;
    int plain = why == NULL && !translate &&
                (f->encoding != FT_ENC_LATIN1 || all_ascii(s, n));
    FtObject *r = plain ? ft_str_from_len((const char *)s, (ssize_t)n)
                        : decode_slow(f, s, n, translate);
    if (r != NULL)
        f->rpos += n;
    return r;
}

FtObject *ft_text_read(FtFileObject *f, int64_t nchars)
{
    ssize_t n;
    if (nchars < 0) { /* everything: no need to count */
        ssize_t r;
        while ((r = ft_file_fill(f)) > 0)
            ;
        if (r < 0)
            return NULL;
        n = (ssize_t)(f->rlen - f->rpos);
    } else if ((n = scan(f, nchars, 0)) < 0) {
        return NULL;
    }
    return decode_out(f, (size_t)n);
}

FtObject *ft_text_readline(FtFileObject *f, int64_t limit)
{
    ssize_t n = scan(f, limit, 1);
    return n < 0 ? NULL : decode_out(f, (size_t)n);
}

/* ---- encoding ------------------------------------------------------------------ */

/* Decodes one code point of a str's UTF-8 at s; *len gets its length. */
static uint32_t next_cp(const unsigned char *s, size_t *len)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        *len = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *len = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
           ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* Raises UnicodeEncodeError for characters first..last (inclusive) of
 * str, which the file's codec cannot encode. */
static void encode_error(FtFileObject *f, FtObject *str, ssize_t first,
                         ssize_t last)
{
    const char *reason = f->encoding == FT_ENC_UTF8 ? "surrogates not allowed"
                         : f->encoding == FT_ENC_ASCII
                             ? "ordinal not in range(128)"
                             : "ordinal not in range(256)";
    FtObject *a[5] = {ft_str_from_cstr(enc_names[(int)f->encoding]),
                      FT_NEWREF(str), ft_int_from_i64(first),
                      ft_int_from_i64(last + 1), ft_str_from_cstr(reason)};
    set_codec_error(FtExc_UnicodeEncodeError, a);
}

static int encodable(const FtFileObject *f, uint32_t cp)
{
    switch (f->encoding) {
    case FT_ENC_ASCII:
        return cp < 0x80;
    case FT_ENC_LATIN1:
        return cp < 0x100;
    default:
        return cp < 0xD800 || cp > 0xDFFF;
    }
}

int ft_text_write(FtFileObject *f, FtObject *str)
{
    const unsigned char *s = (const unsigned char *)FT_STR_DATA(str);
    size_t n = (size_t)FT_STR_NBYTES(str);
    int nl_out = f->newline == FT_NL_CR || f->newline == FT_NL_CRLF;
    int plain = f->encoding == FT_ENC_UTF8 ? memchr(s, 0xED, n) == NULL
                                           : ((FtStrObject *)str)->is_ascii;
    if (plain && !(nl_out && memchr(s, '\n', n) != NULL))
        return ft_file_put(f, (const char *)s, n);
    /* The slow way: one character at a time. */
    char *out = malloc(3 * n + 1); /* "\\u20ac" for three bytes, at most */
    if (out == NULL) {
        ft_err_no_memory();
        return -1;
    }
    size_t o = 0;
    ssize_t index = 0;
    for (size_t i = 0; i < n; index++) {
        size_t len;
        uint32_t cp = next_cp(s + i, &len);
        if (!encodable(f, cp) && f->errors_mode == FT_ERRORS_STRICT) {
            ssize_t last = index;
            size_t j = i + len, l2;
            while (j < n && !encodable(f, next_cp(s + j, &l2)))
                j += l2, last++;
            encode_error(f, str, index, last);
            free(out);
            return -1;
        }
        if (!encodable(f, cp)) {
            if (f->errors_mode == FT_ERRORS_REPLACE)
                out[o++] = '?';
            else if (f->errors_mode == FT_ERRORS_BACKSLASH)
                o += (size_t)sprintf(out + o,
                                     cp <= 0xFF     ? "\\x%02x"
                                     : cp <= 0xFFFF ? "\\u%04x"
                                                    : "\\U%08x",
                                     (unsigned)cp);
        } else if (cp == '\n' && nl_out) {
            out[o++] = '\r';
            if (f->newline == FT_NL_CRLF)
                out[o++] = '\n';
        } else if (f->encoding == FT_ENC_UTF8) {
            memcpy(out + o, s + i, len);
            o += len;
        } else {
            out[o++] = (char)cp;
        }
        i += len;
    }
    int r = ft_file_put(f, out, o);
    free(out);
    return r;
}
