/* objects/str.h — str: immutable text stored as UTF-8 with its length in
 * bytes and in code points; ASCII strings (the common case) index in O(1).
 * Also the string builder used by every repr, and the format-spec parser
 * shared by format(), str.format and f-strings.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_STR_H
#define FT_OBJECTS_STR_H

typedef struct {
    FT_OBJECT_HEAD
    ssize_t length;  /* code points */
    ssize_t nbytes;  /* UTF-8 bytes, not counting the trailing NUL */
    ft_hash_t hash;  /* -1 until computed */
    char is_ascii;
    char interned;
    char data[];     /* nbytes + 1 bytes, NUL terminated */
} FtStrObject;

#define FT_STR_CHECK_EXACT(o) (FT_TYPE(o) == &FtStr_Type)
#define FT_STR_CHECK(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_STR_SUBCLASS) != 0)
#define FT_STR_DATA(o) (((FtStrObject *)(o))->data)
#define FT_STR_NBYTES(o) (((FtStrObject *)(o))->nbytes)
#define FT_STR_LEN(o) (((FtStrObject *)(o))->length)

FtObject *ft_str_from_cstr(const char *s);
/* s must be valid UTF-8 (the tokenizer validates source text). */
FtObject *ft_str_from_len(const char *s, ssize_t nbytes);
/* printf-like: %s (C string), %d %i %u %ld %lld %zd %x %c (code point),
 * %p, %% and ftpy's object conversions: %R repr(obj), %S str(obj),
 * %T the type name of obj, %U a str object's text. */
FtObject *ft_str_from_format(const char *fmt, ...);
FtObject *ft_str_from_vformat(const char *fmt, va_list ap);
const char *ft_str_cstr(FtObject *s); /* borrowed, NUL-terminated UTF-8 */
ft_hash_t ft_str_hash(FtObject *s);
/* Equality of two str objects (fast path for interned/identical). */
int ft_str_eq(FtObject *a, FtObject *b);
int ft_str_eq_cstr(FtObject *a, const char *s);
FtObject *ft_str_concat(FtObject *a, FtObject *b);
FtObject *ft_str_join(FtObject *sep, FtObject *iterable);
/* repr() of a str: quotes and escapes as CPython does. */
FtObject *ft_str_repr(FtObject *s);
/* One-character string for a code point (cached for ASCII). */
FtObject *ft_str_from_codepoint(uint32_t cp);

/* Interning: identical text gives the identical object, so name lookups
 * compare pointers. Interned strings live until exit. */
FtObject *ft_str_intern_cstr(const char *s);
FtObject *ft_str_intern(FtObject *s); /* steals s, returns the interned one */

/* `fmt % args` */
FtObject *ft_str_percent_format(FtObject *fmt, FtObject *args);

/* ---- string builder ---- */
typedef struct {
    char *buf;
    size_t len;
    size_t cap;
    char small[128];
} FtStrBuilder;
void ft_sb_init(FtStrBuilder *sb);
int ft_sb_append(FtStrBuilder *sb, const char *s, size_t n); /* 0 / -1 */
int ft_sb_append_cstr(FtStrBuilder *sb, const char *s);
int ft_sb_append_char(FtStrBuilder *sb, char c);
int ft_sb_append_str(FtStrBuilder *sb, FtObject *str_obj);
int ft_sb_append_repr(FtStrBuilder *sb, FtObject *o); /* repr(o) */
int ft_sb_append_strof(FtStrBuilder *sb, FtObject *o); /* str(o) */
FtObject *ft_sb_finish(FtStrBuilder *sb); /* new str; frees the buffer */
void ft_sb_discard(FtStrBuilder *sb);

/* ---- format specs: [[fill]align][sign][#][0][width][,|_][.precision][type] */
typedef struct FtFormatSpec {
    uint32_t fill;   /* code point, default ' ' */
    char align;      /* '<', '>', '^', '=' or 0 (type's default) */
    char sign;       /* '+', '-', ' ' or 0 */
    char alternate;  /* '#' given */
    char zero_pad;   /* '0' given */
    char thousands;  /* ',' or '_' or 0 */
    ssize_t width;     /* -1 if absent */
    ssize_t precision; /* -1 if absent */
    char type;       /* 'd', 'f', 's', ... or 0 */
} FtFormatSpec;
/* Parses spec (a str). -1 + ValueError on a malformed spec. */
int ft_format_spec_parse(FtObject *spec, FtFormatSpec *out);
/* Pads text (UTF-8, `cps` code points) to spec's width with fill/align;
 * default_align is used when spec->align is 0. */
FtObject *ft_format_pad(const char *text, size_t nbytes, ssize_t cps,
                        const FtFormatSpec *spec, char default_align);

int ft_str_init(void);

#endif
