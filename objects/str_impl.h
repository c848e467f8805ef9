/* objects/str_impl.h — private to the str files (str.c, str_methods.c,
 * str_split.c, str_unicode.c, str_format.c, strbuilder.c): raw allocation
 * of str objects, the one-char cache, UTF-8 walking, character classes.
 */
#ifndef FT_OBJECTS_STR_IMPL_H
#define FT_OBJECTS_STR_IMPL_H

#include "objects/object.h"

#include <limits.h>
#include <string.h>

/* Header bytes in front of the text. Exact str objects are one
 * ft_mem_alloc block of FT_STR_HDR + nbytes + 1 bytes (freed with
 * ft_mem_free), which lets the string builder hand its heap buffer over
 * without copying; subclass instances come from ft_object_new_var. */
#define FT_STR_HDR offsetof(FtStrObject, data)
#define FT_STR(o) ((FtStrObject *)(o))

/* An exact str with room for nbytes bytes (NUL already written at the end);
 * the caller fills data and then sets length/is_ascii. */
FtObject *ft_str_alloc(ssize_t nbytes);
/* Same for any str type (subclass instances included). */
FtObject *ft_str_alloc_type(FtType *type, ssize_t nbytes);
/* Turns a block allocated as FT_STR_HDR + nbytes + 1 bytes (text already in
 * place after the header) into an exact str; used by the builder. */
FtObject *ft_str_adopt_block(void *block, ssize_t nbytes);

static inline void ft_str_set_info(FtObject *s, ssize_t length, int ascii)
{
    FT_STR(s)->length = length;
    FT_STR(s)->is_ascii = (char)ascii;
}
/* Counts code points of UTF-8 text; *ascii tells whether all bytes < 0x80. */
ssize_t ft_utf8_count(const char *s, size_t n, int *ascii);
static inline void ft_str_compute_info(FtObject *s)
{
    int ascii;
    FT_STR(s)->length =
        ft_utf8_count(FT_STR(s)->data, (size_t)FT_STR(s)->nbytes, &ascii);
    FT_STR(s)->is_ascii = (char)ascii;
}
/* Exact str from bytes whose length and ASCII-ness are known. */
FtObject *ft_str_from_len_info(const char *s, ssize_t nbytes, ssize_t length,
                               int ascii);
/* Exact str with the same text as s (s itself if already exact). */
FtObject *ft_str_exact(FtObject *s);

/* Shared objects, created by ft_str_init. */
extern FtObject *ft_str_empty_obj;
extern FtObject *ft_str_char_cache[128];
static inline FtObject *ft_str_new_empty(void)
{
    return FT_NEWREF(ft_str_empty_obj);
}
static inline FtObject *ft_str_ascii_char(unsigned char c)
{
    return FT_NEWREF(ft_str_char_cache[c]);
}

/* ---- UTF-8 ---- */
#define FT_UTF8_CONT(b) (((unsigned char)(b)&0xC0) == 0x80)

static inline int ft_utf8_seqlen(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b < 0xE0)
        return 2;
    if (b < 0xF0)
        return 3;
    return 4;
}
/* Decodes the code point at p (valid UTF-8); *len receives its byte count. */
static inline uint32_t ft_utf8_decode(const char *s, int *len)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char b = p[0];
    if (b < 0x80) {
        *len = 1;
        return b;
    }
    if (b < 0xE0) {
        *len = 2;
        return ((uint32_t)(b & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (b < 0xF0) {
        *len = 3;
        return ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
               (p[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}
/* Writes cp as UTF-8 into out (4 bytes of room); returns the byte count. */
static inline int ft_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
/* Byte offset of code point index cp (0 <= cp <= length) in s. */
ssize_t ft_str_cp_to_byte(FtObject *s, ssize_t cp);
/* Code point index of byte offset off (a character boundary) in s. */
ssize_t ft_str_byte_to_cp(FtObject *s, ssize_t off);
/* Start of the character that ends at byte offset i (> 0). */
static inline ssize_t ft_utf8_prev(const char *p, ssize_t i)
{
    i--;
    while (i > 0 && FT_UTF8_CONT(p[i]))
        i--;
    return i;
}
/* The code point at byte offset i; *len receives its byte count. */
static inline uint32_t ft_utf8_cp_at(const char *p, ssize_t i, int *len)
{
    if ((unsigned char)p[i] < 0x80) {
        *len = 1;
        return (unsigned char)p[i];
    }
    return ft_utf8_decode(p + i, len);
}
/* Code points in s[0:n) of UTF-8 text. */
static inline ssize_t ft_utf8_cps(const char *s, ssize_t n)
{
    int ascii;
    return ft_utf8_count(s, (size_t)n, &ascii);
}

/* ---- byte searches (str_unicode.c); offsets are bytes, -1 = absent ---- */
ssize_t ft_bytes_find(const char *hay, ssize_t hn, const char *needle,
                      ssize_t nn);
ssize_t ft_bytes_rfind(const char *hay, ssize_t hn, const char *needle,
                       ssize_t nn);
/* Non-overlapping occurrences, at most maxcount (maxcount < 0: no limit). */
ssize_t ft_bytes_count(const char *hay, ssize_t hn, const char *needle,
                       ssize_t nn, ssize_t maxcount);

/* ---- character classes (str_unicode.c). ASCII is exact; beyond ASCII
 * the tables cover Latin-1, Latin Extended-A, Greek and Cyrillic case
 * pairs and the common letter blocks (see str_unicode.c). ---- */
int ft_cp_isspace(uint32_t cp);
int ft_cp_islinebreak(uint32_t cp);
int ft_cp_isalpha(uint32_t cp);
int ft_cp_isdigit(uint32_t cp);
int ft_cp_isdecimal(uint32_t cp);
int ft_cp_isnumeric(uint32_t cp);
int ft_cp_isprintable(uint32_t cp);
int ft_cp_islower(uint32_t cp);
int ft_cp_isupper(uint32_t cp);
int ft_cp_istitle(uint32_t cp); /* titlecase digraphs (ǅ) */
uint32_t ft_cp_tolower(uint32_t cp);
uint32_t ft_cp_toupper(uint32_t cp);
uint32_t ft_cp_totitle(uint32_t cp);

/* ---- builder internals (strbuilder.c) ---- */
/* Makes room for n more bytes and returns where to write them; the caller
 * writes exactly n bytes (sb->len is advanced). NULL on MemoryError. */
char *ft_sb_extend(FtStrBuilder *sb, size_t n);
int ft_sb_append_codepoint(FtStrBuilder *sb, uint32_t cp);
/* Appends `count` copies of the code point cp. */
int ft_sb_append_fill(FtStrBuilder *sb, uint32_t cp, ssize_t count);
/* Appends repr(s) of a str; ascii_only escapes every non-ASCII character
 * (the ascii() builtin). */
int ft_sb_append_str_repr(FtStrBuilder *sb, FtObject *s, int ascii_only);

/* ---- formatting (str_format.c) ---- */
/* Parses spec text; tname (may be NULL) names the type in error messages. */
int ft_format_spec_parse_text(const char *spec, size_t n, FtFormatSpec *out,
                              const char *tname);

/* str.format_map(mapping) (str_format.c). */
FtObject *ft_str_format_map(FtObject *fmt, FtObject *mapping);

/* tp_methods of str (str_methods.c). */
extern FtMethodDef ft_str_methods[];

/* Helpers shared by the method files (str_methods.c). */
int ft_str_arg_index(FtObject *o, ssize_t *out); /* __index__ semantics */
int ft_str_need_str(FtObject *o); /* -1 + "must be str, not int" */
/* self[b0:b1] by byte offsets on character boundaries (exact str). */
FtObject *ft_str_substr(FtObject *self, ssize_t b0, ssize_t b1);

/* Methods defined in str_split.c (ft_cfunc signature). */
#define FT_STRM_DECL_(name)                                                    \
    FtObject *ft_strm_##name(FtObject *self, FtObject *const *args,            \
                             size_t nargs, FtObject *kwnames);
FT_STRM_DECL_(split)
FT_STRM_DECL_(rsplit)
FT_STRM_DECL_(splitlines)
FT_STRM_DECL_(partition)
FT_STRM_DECL_(rpartition)
FT_STRM_DECL_(join)
#undef FT_STRM_DECL_

#endif
