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

/* The cached hash, or -1. Threads may compute it at once and all store the
 * same value, so relaxed loads and stores are enough (and cost a plain
 * move); they keep the benign race defined. */
_Static_assert(sizeof(ft_hash_t) == sizeof(ssize_t), "hash cache as ssize_t");
static inline ft_hash_t ft_str_cached_hash(const FtStrObject *o)
{
    return (ft_hash_t)ft_atomic_load_ssize(
        (const volatile ssize_t *)(const volatile void *)&o->hash);
}

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
/* The sum of the reference counts of all interned strings. They are never
 * freed, so the debug reference total leaves references to them out (see
 * runtime/init.c). Not thread-safe: for start-up and exit only. */
ssize_t ft_str_intern_refs(void);

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
/* Parses spec (a str). -1 + ValueError on a malformed spec.
 * Details: a '0' before the width with no explicit fill sets fill = '0'
 * (and zero_pad = 1) but leaves align as given (0 if none), so that
 * ft_format_pad can pick '=' for numbers and '<' for str as CPython does.
 * With an explicit type, ',' / '_' are checked against it ("Cannot specify
 * ',' with 'x'."); with no type the caller checks against its default. */
int ft_format_spec_parse(FtObject *spec, FtFormatSpec *out);
/* The argument handling the numeric __format__ methods share: args must be
 * one str. Returns 1 with *out parsed, 0 when the spec is empty (the method
 * then returns str(self)), or -1 with an exception set. */
int ft_format_method_spec(FtObject *self, FtObject *const *args, size_t nargs,
                          FtFormatSpec *out);
/* Pads text (UTF-8, `cps` code points) to spec's width with fill/align;
 * default_align is used when spec->align is 0 — except that zero_pad with
 * no align and default_align '>' means '='. '=' puts the padding after a
 * leading sign ('+', '-', ' ') and after a 0x/0X/0o/0O/0b/0B prefix.
 * '^' puts the odd fill character on the right. */
FtObject *ft_format_pad(const char *text, size_t nbytes, ssize_t cps,
                        const FtFormatSpec *spec, char default_align);

int ft_str_init(void);

/* ---- additions by the str owner ---- */

/* The iterator type iter(str) returns (yields one-character strings). */
extern FtType FtStrIter_Type;
/* The hash ft_str_hash caches, computed over raw UTF-8 bytes: lets a
 * C-string lookup (ft_dict_get_str) hash without building a str. */
ft_hash_t ft_str_hash_bytes(const char *s, size_t n);
/* *pa += b for an owned str *pa: resized in place when *pa is the only
 * reference (an exact, non-interned str), else replaced by a new string
 * (the old reference is dropped). 0, or -1 with *pa untouched. For the
 * eval loop's `s += t` / `s = s + t` when it can drop the variable's
 * reference first, as CPython's unicode_concatenate does. */
int ft_str_append_inplace(FtObject **pa, FtObject *b);
/* ascii(o): repr(o) with non-ASCII characters escaped. */
FtObject *ft_str_ascii(FtObject *o);
/* format(s, spec) for a str s (str.__format__); spec is a str. */
FtObject *ft_str_format_spec(FtObject *s, FtObject *spec);
/* Formats a str with a parsed spec (type 's' or 0, fill/align/width,
 * precision truncates). */
FtObject *ft_str_format(FtObject *s, const FtFormatSpec *spec);
/* ft_format_spec_parse, naming the object's type in the "Invalid format
 * specifier 'x' for object of type 'int'" error (ft_format_spec_parse says
 * "Invalid format specifier"): int/float formatters should call this. */
int ft_format_spec_parse_for(FtObject *spec, FtFormatSpec *out,
                             const char *type_name);
/* str.format(*args, **kwargs) with a vectorcall argument list. */
FtObject *ft_str_format_call(FtObject *fmt, FtObject *const *args,
                             size_t nargs, FtObject *kwnames);

#endif
