/* objects/str_format.c — formatting: the format-spec mini-language parser
 * and padder shared with int and float, str.__format__, str.format /
 * format_map (fields, conversions, nested specs, auto-numbering) and
 * printf-style `str % args`. Messages follow CPython 3.11.
 */
#include "objects/object.h"
#include "objects/str_impl.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- format specs -------------------------------------------------------- */

static int is_align(unsigned c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Reads decimal digits at *i into *out (-1 when there are none). */
static int parse_count(const char *s, size_t n, size_t *i, ssize_t *out)
{
    ssize_t v = -1;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        int d = s[*i] - '0';
        if (v < 0)
            v = 0;
        if (v > (SSIZE_MAX - d) / 10) {
            ft_err_set_string(FtExc_ValueError,
                              "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        (*i)++;
    }
    *out = v;
    return 0;
}

static int bad_thousands(char sep, char type)
{
    ft_err_format(FtExc_ValueError, "Cannot specify '%c' with '%c'.", sep,
                  type);
    return -1;
}

int ft_format_spec_parse_text(const char *s, size_t n, FtFormatSpec *out,
                              const char *tname)
{
    out->fill = ' ';
    out->align = 0;
    out->sign = 0;
    out->alternate = 0;
    out->zero_pad = 0;
    out->thousands = 0;
    out->width = -1;
    out->precision = -1;
    out->type = 0;
    size_t i = 0;
    int fill_given = 0;
    if (n > 0) {
        int len;
        uint32_t c0 = ft_utf8_decode(s, &len);
        if ((size_t)len < n && is_align((unsigned char)s[len])) {
            out->fill = c0;
            out->align = s[len];
            fill_given = 1;
            i = (size_t)len + 1;
        } else if (is_align(c0)) {
            out->align = (char)c0;
            i = 1;
        }
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        out->sign = s[i++];
    if (i < n && s[i] == '#') {
        out->alternate = 1;
        i++;
    }
    if (!fill_given && i < n && s[i] == '0') {
        out->zero_pad = 1;
        out->fill = '0';
        i++;
    }
    if (parse_count(s, n, &i, &out->width) < 0)
        return -1;
    if (i < n && (s[i] == ',' || s[i] == '_')) {
        out->thousands = s[i++];
        if (i < n && (s[i] == ',' || s[i] == '_')) {
            if (s[i] == out->thousands)
                ft_err_format(FtExc_ValueError,
                              "Cannot specify '%c' with '%c'.", s[i], s[i]);
            else
                ft_err_set_string(FtExc_ValueError,
                                  "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (i < n && s[i] == '.') {
        i++;
        if (parse_count(s, n, &i, &out->precision) < 0)
            return -1;
        if (out->precision < 0) {
            ft_err_set_string(FtExc_ValueError,
                              "Format specifier missing precision");
            return -1;
        }
    }
    if (n - i > 1) {
        FtObject *text = tname != NULL ? ft_str_from_len(s, (ssize_t)n) : NULL;
        if (text != NULL) {
            ft_err_format(
                FtExc_ValueError,
                "Invalid format specifier '%U' for object of type '%s'", text,
                tname);
            FT_DECREF(text);
        } else if (tname == NULL)
            ft_err_set_string(FtExc_ValueError, "Invalid format specifier");
        return -1;
    }
    if (n - i == 1)
        out->type = s[i];
    if (out->thousands && out->type) {
        switch (out->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (out->thousands == '_')
                break;
            return bad_thousands(out->thousands, out->type);
        default:
            return bad_thousands(out->thousands, out->type);
        }
    }
    return 0;
}

int ft_format_spec_parse(FtObject *spec, FtFormatSpec *out)
{
    return ft_format_spec_parse_text(FT_STR_DATA(spec),
                                     (size_t)FT_STR_NBYTES(spec), out, NULL);
}

int ft_format_spec_parse_for(FtObject *spec, FtFormatSpec *out,
                             const char *type_name)
{
    return ft_format_spec_parse_text(
        FT_STR_DATA(spec), (size_t)FT_STR_NBYTES(spec), out, type_name);
}

/* Length of a sign and 0x/0o/0b prefix at the start of a number. */
static size_t number_prefix(const char *t, size_t n)
{
    size_t k = 0;
    if (k < n && (t[k] == '+' || t[k] == '-' || t[k] == ' '))
        k++;
    if (k + 1 < n && t[k] == '0' &&
        (t[k + 1] == 'x' || t[k + 1] == 'X' || t[k + 1] == 'o' ||
         t[k + 1] == 'O' || t[k + 1] == 'b' || t[k + 1] == 'B'))
        k += 2;
    return k;
}

static int pad_into(FtStrBuilder *sb, const char *text, size_t nbytes,
                    ssize_t cps, const FtFormatSpec *spec, char default_align)
{
    ssize_t total = spec->width - cps;
    if (total <= 0)
        return ft_sb_append(sb, text, nbytes);
    char align = spec->align;
    if (align == 0)
        align = (spec->zero_pad && default_align == '>') ? '=' : default_align;
    ssize_t left;
    size_t pre = 0;
    switch (align) {
    case '<':
        left = 0;
        break;
    case '^':
        left = total / 2;
        break;
    case '=':
        pre = number_prefix(text, nbytes);
        left = total;
        break;
    default:
        left = total;
        break;
    }
    if (ft_sb_append(sb, text, pre) < 0 ||
        ft_sb_append_fill(sb, spec->fill, left) < 0 ||
        ft_sb_append(sb, text + pre, nbytes - pre) < 0 ||
        ft_sb_append_fill(sb, spec->fill, total - left) < 0)
        return -1;
    return 0;
}

FtObject *ft_format_pad(const char *text, size_t nbytes, ssize_t cps,
                        const FtFormatSpec *spec, char default_align)
{
    if (spec->width <= cps)
        return ft_str_from_len(text, (ssize_t)nbytes);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (pad_into(&sb, text, nbytes, cps, spec, default_align) < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

/* ---- str.__format__ ------------------------------------------------------ */

static int str_spec_check(const FtFormatSpec *spec)
{
    char type = spec->type ? spec->type : 's';
    if (spec->thousands && (spec->type == 0 || spec->type == 's'))
        return bad_thousands(spec->thousands, type);
    if (type != 's') {
        if ((unsigned char)type > 32 && (unsigned char)type < 127)
            ft_err_format(FtExc_ValueError,
                          "Unknown format code '%c' for object of type 'str'",
                          type);
        else
            ft_err_format(
                FtExc_ValueError,
                "Unknown format code '\\x%x' for object of type 'str'",
                (unsigned)(unsigned char)type);
        return -1;
    }
    if (spec->sign) {
        ft_err_set_string(FtExc_ValueError,
                          "Sign not allowed in string format specifier");
        return -1;
    }
    if (spec->alternate) {
        ft_err_set_string(
            FtExc_ValueError,
            "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (spec->align == '=') {
        ft_err_set_string(
            FtExc_ValueError,
            "'=' alignment not allowed in string format specifier");
        return -1;
    }
    return 0;
}

/* Appends format(s, spec) for a str s. */
static int str_format_into(FtStrBuilder *sb, FtObject *s,
                           const FtFormatSpec *spec)
{
    if (str_spec_check(spec) < 0)
        return -1;
    size_t nbytes = (size_t)FT_STR_NBYTES(s);
    ssize_t cps = FT_STR_LEN(s);
    if (spec->precision >= 0 && spec->precision < cps) {
        cps = spec->precision;
        nbytes = (size_t)ft_str_cp_to_byte(s, cps);
    }
    return pad_into(sb, FT_STR_DATA(s), nbytes, cps, spec, '<');
}

FtObject *ft_str_format(FtObject *s, const FtFormatSpec *spec)
{
    if (str_spec_check(spec) < 0)
        return NULL;
    if (spec->width <= FT_STR_LEN(s) &&
        (spec->precision < 0 || spec->precision >= FT_STR_LEN(s)))
        return ft_str_exact(s);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (str_format_into(&sb, s, spec) < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

FtObject *ft_str_format_spec(FtObject *s, FtObject *spec)
{
    if (FT_STR_NBYTES(spec) == 0)
        return ft_str_exact(s);
    FtFormatSpec fs;
    if (ft_format_spec_parse_for(spec, &fs, "str") < 0)
        return NULL;
    return ft_str_format(s, &fs);
}

/* ---- str.format ---------------------------------------------------------- */

typedef struct {
    FtObject *const *args; /* positional arguments */
    ssize_t nargs;         /* -1: none allowed (format_map) */
    FtObject *kwnames;     /* vectorcall keyword names, or NULL */
    FtObject *const *kwvalues;
    FtObject *mapping; /* format_map's mapping, or NULL */
    int auto_state;    /* 0 unset, 1 automatic, 2 manual */
    ssize_t next_auto;
} FmtArgs;

/* A decimal index: returns it, -1 when text is not all digits (or empty),
 * -2 on overflow (error set). */
static ssize_t get_integer(const char *s, size_t n)
{
    if (n == 0)
        return -1;
    ssize_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        int d = s[i] - '0';
        if (v > (SSIZE_MAX - d) / 10) {
            ft_err_set_string(FtExc_ValueError,
                              "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
    }
    return v;
}

static FtObject *lookup_keyword(FmtArgs *fa, const char *name, size_t n)
{
    FtObject *key = ft_str_from_len(name, (ssize_t)n);
    if (key == NULL)
        return NULL;
    FtObject *r = NULL;
    if (fa->mapping != NULL) {
        r = ft_object_getitem(fa->mapping, key);
    } else {
        if (fa->kwnames != NULL) {
            for (ssize_t i = 0; i < FT_TUPLE_SIZE(fa->kwnames); i++) {
                if (ft_str_eq(FT_TUPLE_GET(fa->kwnames, i), key)) {
                    r = FT_NEWREF(fa->kwvalues[i]);
                    break;
                }
            }
        }
        if (r == NULL)
            ft_err_set_key(key);
    }
    FT_DECREF(key);
    return r;
}

/* Resolves a field name ("0", "", "name", "0.attr[key]") to its object. */
static FtObject *get_field(FmtArgs *fa, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    ssize_t idx = get_integer(s, i);
    if (idx == -2)
        return NULL;
    int empty = i == 0;
    FtObject *obj;
    if (empty || idx >= 0) {
        if (fa->auto_state == 0)
            fa->auto_state = empty ? 1 : 2;
        if (fa->auto_state == 2 && empty) {
            ft_err_set_string(
                FtExc_ValueError,
                "cannot switch from manual field specification to "
                "automatic field numbering");
            return NULL;
        }
        if (fa->auto_state == 1 && !empty) {
            ft_err_set_string(FtExc_ValueError,
                              "cannot switch from automatic field numbering to "
                              "manual field specification");
            return NULL;
        }
        if (empty)
            idx = fa->next_auto++;
        if (fa->nargs < 0) {
            ft_err_set_string(FtExc_ValueError,
                              "Format string contains positional fields");
            return NULL;
        }
        if (idx >= fa->nargs) {
            ft_err_format(
                FtExc_IndexError,
                "Replacement index %zd out of range for positional args tuple",
                idx);
            return NULL;
        }
        obj = FT_NEWREF(fa->args[idx]);
    } else {
        obj = lookup_keyword(fa, s, i);
        if (obj == NULL)
            return NULL;
    }
    /* The rest: .attr and [key] parts. */
    while (i < n) {
        char c = s[i++];
        size_t start = i;
        FtObject *next;
        if (c == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == start)
                goto empty_attr;
            FtObject *name = ft_str_from_len(s + start, (ssize_t)(i - start));
            if (name == NULL)
                goto fail;
            next = ft_object_getattr(obj, name);
            FT_DECREF(name);
        } else if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                ft_err_set_string(FtExc_ValueError,
                                  "Missing ']' in format string");
                goto fail;
            }
            if (i == start)
                goto empty_attr;
            ssize_t k = get_integer(s + start, i - start);
            if (k == -2)
                goto fail;
            FtObject *key =
                k >= 0 ? ft_int_from_i64(k)
                       : ft_str_from_len(s + start, (ssize_t)(i - start));
            i++; /* the ']' */
            if (key == NULL)
                goto fail;
            next = ft_object_getitem(obj, key);
            FT_DECREF(key);
        } else {
            ft_err_set_string(FtExc_ValueError,
                              "Only '.' or '[' may follow ']' "
                              "in format field specifier");
            goto fail;
        }
        FT_DECREF(obj);
        obj = next;
        if (obj == NULL)
            return NULL;
    }
    return obj;
empty_attr:
    ft_err_set_string(FtExc_ValueError, "Empty attribute in format string");
fail:
    FT_DECREF(obj);
    return NULL;
}

static int render(FmtArgs *fa, const char *s, size_t n, FtStrBuilder *sb,
                  int depth);

/* Appends format(obj, spec) to sb. */
static int format_value(FtStrBuilder *sb, FtObject *obj, const char *spec,
                        size_t specn)
{
    if (specn == 0) {
        if (FT_STR_CHECK_EXACT(obj) || FT_INT_CHECK_EXACT(obj) ||
            FT_FLOAT_CHECK_EXACT(obj))
            return ft_sb_append_strof(sb, obj);
    } else if (FT_STR_CHECK_EXACT(obj)) {
        FtFormatSpec fs;
        if (ft_format_spec_parse_text(spec, specn, &fs, "str") < 0)
            return -1;
        return str_format_into(sb, obj, &fs);
    }
    FtObject *specobj = ft_str_from_len(spec, (ssize_t)specn);
    if (specobj == NULL)
        return -1;
    FtObject *r = ft_object_format(obj, specobj);
    FT_DECREF(specobj);
    if (r == NULL)
        return -1;
    int rc = ft_sb_append_str(sb, r);
    FT_DECREF(r);
    return rc;
}

/* Parses and renders one replacement field; s[*pos] is just after '{'. */
static int render_field(FmtArgs *fa, const char *s, size_t n, size_t *pos,
                        FtStrBuilder *sb, int depth)
{
    size_t i = *pos, name0 = i;
    char c = 0;
    while (i < n) {
        c = s[i++];
        if (c == '{') {
            ft_err_set_string(FtExc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    size_t name1 = i - 1;
    if (i >= n && c != '}' && c != ':' && c != '!') {
        ft_err_set_string(FtExc_ValueError,
                          "expected '}' before end of string");
        return -1;
    }
    char conv = 0;
    size_t spec0 = i, spec1 = i;
    int nested = 0;
    if (c == '!' || c == ':') {
        int have_spec = 1;
        if (c == '!') {
            if (i >= n) {
                ft_err_set_string(FtExc_ValueError,
                                  "end of string while looking "
                                  "for conversion specifier");
                return -1;
            }
            conv = s[i++];
            if (i < n) {
                char d = s[i++];
                if (d == '}')
                    have_spec = 0;
                else if (d != ':') {
                    ft_err_set_string(
                        FtExc_ValueError,
                        "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        if (have_spec) {
            spec0 = i;
            int count = 1;
            for (;;) {
                if (i >= n) {
                    ft_err_set_string(FtExc_ValueError,
                                      "unmatched '{' in format spec");
                    return -1;
                }
                char d = s[i++];
                if (d == '{') {
                    nested = 1;
                    count++;
                } else if (d == '}' && --count == 0) {
                    break;
                }
            }
            spec1 = i - 1;
        } else {
            spec0 = spec1 = i;
        }
    } else if (c != '}') {
        ft_err_set_string(FtExc_ValueError,
                          "expected '}' before end of string");
        return -1;
    }
    *pos = i;

    FtObject *obj = get_field(fa, s + name0, name1 - name0);
    if (obj == NULL)
        return -1;
    if (conv != 0) {
        FtObject *t;
        switch (conv) {
        case 'r':
            t = ft_object_repr(obj);
            break;
        case 's':
            t = ft_object_str(obj);
            break;
        case 'a':
            t = ft_str_ascii(obj);
            break;
        default:
            if ((unsigned char)conv > 32 && (unsigned char)conv < 127)
                ft_err_format(FtExc_ValueError,
                              "Unknown conversion specifier %c", conv);
            else
                ft_err_format(FtExc_ValueError,
                              "Unknown conversion specifier \\x%x",
                              (unsigned)(unsigned char)conv);
            t = NULL;
            break;
        }
        FT_DECREF(obj);
        if (t == NULL)
            return -1;
        obj = t;
    }
    int rc;
    if (nested) {
        FtStrBuilder specsb;
        ft_sb_init(&specsb);
        if (render(fa, s + spec0, spec1 - spec0, &specsb, depth - 1) < 0) {
            ft_sb_discard(&specsb);
            FT_DECREF(obj);
            return -1;
        }
        rc = format_value(sb, obj, specsb.buf, specsb.len);
        ft_sb_discard(&specsb);
    } else {
        rc = format_value(sb, obj, s + spec0, spec1 - spec0);
    }
    FT_DECREF(obj);
    return rc;
}

static int render(FmtArgs *fa, const char *s, size_t n, FtStrBuilder *sb,
                  int depth)
{
    if (depth <= 0) {
        ft_err_set_string(FtExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '{' && s[j] != '}')
            j++;
        if (j > i && ft_sb_append(sb, s + i, j - i) < 0)
            return -1;
        if (j >= n)
            break;
        char c = s[j];
        int at_end = j + 1 >= n;
        if (c == '}' && (at_end || s[j + 1] != '}')) {
            ft_err_set_string(FtExc_ValueError,
                              "Single '}' encountered in format string");
            return -1;
        }
        if (c == '{' && at_end) {
            ft_err_set_string(FtExc_ValueError,
                              "Single '{' encountered in format string");
            return -1;
        }
        if (s[j + 1] == c) { /* {{ or }} */
            if (ft_sb_append_char(sb, c) < 0)
                return -1;
            i = j + 2;
            continue;
        }
        size_t pos = j + 1;
        if (render_field(fa, s, n, &pos, sb, depth) < 0)
            return -1;
        i = pos;
    }
    return 0;
}

static FtObject *format_with(FmtArgs *fa, FtObject *fmt)
{
    const char *s = FT_STR_DATA(fmt);
    size_t n = (size_t)FT_STR_NBYTES(fmt);
    if (memchr(s, '{', n) == NULL && memchr(s, '}', n) == NULL)
        return ft_str_exact(fmt);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (render(fa, s, n, &sb, 2) < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

FtObject *ft_str_format_call(FtObject *fmt, FtObject *const *args, size_t nargs,
                             FtObject *kwnames)
{
    FmtArgs fa = {args, (ssize_t)nargs, kwnames, args + nargs, NULL, 0, 0};
    return format_with(&fa, fmt);
}

FtObject *ft_str_format_map(FtObject *fmt, FtObject *mapping)
{
    FmtArgs fa = {NULL, -1, NULL, NULL, mapping, 0, 0};
    return format_with(&fa, fmt);
}

/* ---- printf-style formatting: fmt % args --------------------------------- */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    FtObject *const *argv; /* current argument array */
    ssize_t argc;          /* -1: argv[0] is a mapping value (after %(key)) */
    ssize_t idx;           /* next argument; -2 before a mapping value */
    FtObject *keyval;      /* owned value of the last %(key) */
} PctArgs;

static FtObject *next_arg(PctArgs *pa)
{
    if (pa->idx < pa->argc) {
        ssize_t k = pa->idx++;
        return pa->argc < 0 ? pa->keyval : pa->argv[k];
    }
    ft_err_set_string(FtExc_TypeError,
                      "not enough arguments for format string");
    return NULL;
}

/* Appends sign + prefix + body padded to width per the flags: '-' pads on
 * the right with spaces, '0' with zeros after the sign and prefix. */
static int pct_emit(FtStrBuilder *sb, char sign, const char *prefix,
                    const char *body, size_t bodyn, ssize_t width, int flags)
{
    size_t pn = strlen(prefix);
    ssize_t len = (ssize_t)(bodyn + pn) + (sign != 0);
    ssize_t padn = width > len ? width - len : 0;
    if (padn > 0 && !(flags & (F_LJUST | F_ZERO)) &&
        ft_sb_append_fill(sb, ' ', padn) < 0)
        return -1;
    if (sign && ft_sb_append_char(sb, sign) < 0)
        return -1;
    if (ft_sb_append(sb, prefix, pn) < 0)
        return -1;
    if (padn > 0 && !(flags & F_LJUST) && (flags & F_ZERO) &&
        ft_sb_append_fill(sb, '0', padn) < 0)
        return -1;
    if (ft_sb_append(sb, body, bodyn) < 0)
        return -1;
    if (padn > 0 && (flags & F_LJUST) && ft_sb_append_fill(sb, ' ', padn) < 0)
        return -1;
    return 0;
}

/* Text (width-padded with spaces) for %s %r %a %c. */
static int pct_text(FtStrBuilder *sb, const char *s, size_t n, ssize_t cps,
                    ssize_t width, ssize_t prec, int flags)
{
    if (prec >= 0 && prec < cps) {
        size_t off = 0;
        for (ssize_t k = 0; k < prec; k++)
            off += (size_t)ft_utf8_seqlen((unsigned char)s[off]);
        n = off;
        cps = prec;
    }
    ssize_t padn = width > cps ? width - cps : 0;
    if (padn > 0 && !(flags & F_LJUST) && ft_sb_append_fill(sb, ' ', padn) < 0)
        return -1;
    if (ft_sb_append(sb, s, n) < 0)
        return -1;
    if (padn > 0 && (flags & F_LJUST) && ft_sb_append_fill(sb, ' ', padn) < 0)
        return -1;
    return 0;
}

static int heap_has(FtObject *o, FtObject *name)
{
    return (FT_TYPE(o)->tp_flags & FT_TPFLAGS_HEAPTYPE) &&
           ft_type_lookup(FT_TYPE(o), name) != NULL;
}

/* The integer for %d %i %u (floats truncate) or %o %x %X (integers
 * only), as a new reference to an int of any size. */
static int pct_int_value(FtObject *v, char conv, FtObject **out)
{
    if (FT_INT_CHECK(v)) {
        *out = FT_NEWREF(v);
        return 0;
    }
    int real = conv == 'd' || conv == 'i' || conv == 'u';
    if (real && FT_FLOAT_CHECK(v)) {
        double d = FT_FLOAT_VALUE(v);
        if (isinf(d)) {
            ft_err_set_string(FtExc_OverflowError,
                              "cannot convert float infinity to integer");
            return -1;
        }
        if (isnan(d)) {
            ft_err_set_string(FtExc_ValueError,
                              "cannot convert float NaN to integer");
            return -1;
        }
        *out = ft_int_from_double(d);
        return *out != NULL ? 0 : -1;
    }
    if (heap_has(v, FT_ID(__index__)))
        return (*out = ft_number_index(v)) != NULL ? 0 : -1;
    if (real && heap_has(v, FT_ID(__int__))) {
        FtObject *r = ft_call_method(v, FT_ID(__int__), NULL, 0);
        if (r == NULL)
            return -1;
        if (!FT_INT_CHECK(r)) {
            ft_err_format(FtExc_TypeError, "__int__ returned non-int (type %s)",
                          ft_type_name(FT_TYPE(r)));
            FT_DECREF(r);
            return -1;
        }
        *out = r;
        return 0;
    }
    ft_err_format(FtExc_TypeError, "%%%c format: %s is required, not %s", conv,
                  real ? "a real number" : "an integer",
                  ft_type_name(FT_TYPE(v)));
    return -1;
}

static int pct_int_digits(FtStrBuilder *sb, const char *p, size_t nd, int neg,
                          char conv, ssize_t width, ssize_t prec, int flags);

static int pct_int(FtStrBuilder *sb, FtObject *v, char conv, ssize_t width,
                   ssize_t prec, int flags)
{
    FtObject *xo;
    if (pct_int_value(v, conv, &xo) < 0)
        return -1;
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    size_t nd;
    int neg;
    char *p = ft_int_digits(xo, base, conv == 'X', &nd, &neg);
    FT_DECREF(xo);
    if (p == NULL)
        return -1;
    int rc = pct_int_digits(sb, p, nd, neg, conv, width, prec, flags);
    ft_mem_free(p);
    return rc;
}

static int pct_int_digits(FtStrBuilder *sb, const char *p, size_t nd, int neg,
                          char conv, ssize_t width, ssize_t prec, int flags)
{
    char sign = neg                 ? '-'
                : (flags & F_SIGN)  ? '+'
                : (flags & F_BLANK) ? ' '
                                    : 0;
    const char *prefix = "";
    if (flags & F_ALT)
        prefix = conv == 'o'   ? "0o"
                 : conv == 'x' ? "0x"
                 : conv == 'X' ? "0X"
                               : "";
    if (prec > (ssize_t)nd) {
        /* Precision is a minimum digit count: pad the digits with zeros. */
        FtStrBuilder body;
        ft_sb_init(&body);
        if (ft_sb_append_fill(&body, '0', prec - (ssize_t)nd) < 0 ||
            ft_sb_append(&body, p, nd) < 0) {
            ft_sb_discard(&body);
            return -1;
        }
        int rc = pct_emit(sb, sign, prefix, body.buf, body.len, width, flags);
        ft_sb_discard(&body);
        return rc;
    }
    return pct_emit(sb, sign, prefix, p, nd, width, flags);
}

static int pct_float_value(FtObject *v, double *out)
{
    if (FT_FLOAT_CHECK(v)) {
        *out = FT_FLOAT_VALUE(v);
        return 0;
    }
    if (FT_INT_CHECK(v))
        return ft_int_as_double(v, out);
    if (heap_has(v, FT_ID(__float__)) || heap_has(v, FT_ID(__index__)))
        return ft_number_as_double(v, out);
    ft_err_format(FtExc_TypeError, "must be real number, not %s",
                  ft_type_name(FT_TYPE(v)));
    return -1;
}

static int pct_float(FtStrBuilder *sb, FtObject *v, char conv, ssize_t width,
                     ssize_t prec, int flags)
{
    double d;
    if (pct_float_value(v, &d) < 0)
        return -1;
    if (prec < 0)
        prec = 6;
    int upper = conv == 'E' || conv == 'F' || conv == 'G';
    char sign = 0;
    if (!isnan(d) && signbit(d))
        sign = '-';
    else if (flags & F_SIGN)
        sign = '+';
    else if (flags & F_BLANK)
        sign = ' ';
    if (!isfinite(d)) {
        const char *t =
            isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return pct_emit(sb, sign, "", t, 3, width, flags);
    }
    char fmtbuf[8];
    char *f = fmtbuf;
    *f++ = '%';
    if (flags & F_ALT)
        *f++ = '#';
    *f++ = '.';
    *f++ = '*';
    *f++ = conv;
    *f = '\0';
    char small[128];
    size_t need = (size_t)prec + 400;
    char *buf = need <= sizeof small ? small : ft_mem_alloc(need);
    if (buf == NULL)
        return -1;
    int n = snprintf(buf, need, fmtbuf, (int)prec, fabs(d));
    int rc = n < 0 ? (ft_err_no_memory(), -1) /* longer than INT_MAX */
                   : pct_emit(sb, sign, "", buf, (size_t)n, width, flags);
    if (buf != small)
        ft_mem_free(buf);
    return rc;
}

static int pct_char(FtStrBuilder *sb, FtObject *v, ssize_t width, int flags)
{
    char buf[4];
    int n;
    if (FT_INT_CHECK(v)) {
        int64_t c = ft_int_clamped(v);
        if (c < 0 || c > 0x10FFFF) {
            ft_err_set_string(FtExc_OverflowError,
                              "%c arg not in range(0x110000)");
            return -1;
        }
        n = ft_utf8_encode((uint32_t)c, buf);
        return pct_text(sb, buf, (size_t)n, 1, width, -1, flags);
    }
    if (FT_STR_CHECK(v) && FT_STR_LEN(v) == 1)
        return pct_text(sb, FT_STR_DATA(v), (size_t)FT_STR_NBYTES(v), 1, width,
                        -1, flags);
    ft_err_set_string(FtExc_TypeError, "%c requires int or char");
    return -1;
}

/* A '*' width or precision from the arguments; a precision must fit a C
 * int, as in CPython. */
static int pct_star(PctArgs *pa, ssize_t *out, int c_int)
{
    FtObject *v = next_arg(pa);
    if (v == NULL)
        return -1;
    if (!FT_INT_CHECK(v)) {
        ft_err_set_string(FtExc_TypeError, "* wants int");
        return -1;
    }
    int64_t x = ft_int_clamped(v);
    if (c_int && (x > INT_MAX || x < INT_MIN)) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C int");
        return -1;
    }
    *out = (ssize_t)x;
    return 0;
}

/* One conversion starting after the '%' at s[*pos]. */
static int pct_one(FtStrBuilder *sb, const char *s, size_t n, size_t *pos,
                   PctArgs *pa, FtObject *dict)
{
    size_t i = *pos;
    if (s[i] == '(') {
        if (dict == NULL) {
            ft_err_set_string(FtExc_TypeError, "format requires a mapping");
            return -1;
        }
        size_t k = i + 1;
        int depth = 1;
        while (k < n) {
            if (s[k] == '(')
                depth++;
            else if (s[k] == ')' && --depth == 0)
                break;
            k++;
        }
        if (k >= n) {
            ft_err_set_string(FtExc_ValueError, "incomplete format key");
            return -1;
        }
        FtObject *key = ft_str_from_len(s + i + 1, (ssize_t)(k - i - 1));
        if (key == NULL)
            return -1;
        FtObject *val = ft_object_getitem(dict, key);
        FT_DECREF(key);
        if (val == NULL)
            return -1;
        FT_SETREF(pa->keyval, val);
        pa->argc = -1;
        pa->idx = -2;
        i = k + 1;
    }
    int flags = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '-')
            flags |= F_LJUST;
        else if (c == '+')
            flags |= F_SIGN;
        else if (c == ' ')
            flags |= F_BLANK;
        else if (c == '#')
            flags |= F_ALT;
        else if (c == '0')
            flags |= F_ZERO;
        else
            break;
    }
    ssize_t width = -1, prec = -1;
    if (i < n && s[i] == '*') {
        if (pct_star(pa, &width, 0) < 0)
            return -1;
        if (width < 0) {
            flags |= F_LJUST;
            width = -width;
        }
        i++;
    } else {
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (width < 0)
                width = 0;
            if (width > (SSIZE_MAX - 9) / 10) {
                ft_err_set_string(FtExc_ValueError, "width too big");
                return -1;
            }
            width = width * 10 + (s[i++] - '0');
        }
    }
    if (i < n && s[i] == '.') {
        i++;
        prec = 0;
        if (i < n && s[i] == '*') {
            if (pct_star(pa, &prec, 1) < 0)
                return -1;
            if (prec < 0)
                prec = 0;
            i++;
        } else {
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                prec = prec * 10 + (s[i++] - '0');
                if (prec > INT_MAX) {
                    ft_err_set_string(FtExc_ValueError, "precision too big");
                    return -1;
                }
            }
        }
    }
    if (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L'))
        i++;
    if (i >= n) {
        ft_err_set_string(FtExc_ValueError, "incomplete format");
        return -1;
    }
    int clen;
    uint32_t conv = ft_utf8_decode(s + i, &clen);
    size_t conv_at = i;
    i += (size_t)clen;
    *pos = i;
    FtObject *v = next_arg(pa);
    if (v == NULL)
        return -1;
    switch (conv) {
    case 's':
    case 'r':
    case 'a': {
        if (conv == 's' && FT_STR_CHECK_EXACT(v))
            return pct_text(sb, FT_STR_DATA(v), (size_t)FT_STR_NBYTES(v),
                            FT_STR_LEN(v), width, prec, flags);
        FtObject *t = conv == 's'   ? ft_object_str(v)
                      : conv == 'r' ? ft_object_repr(v)
                                    : ft_str_ascii(v);
        if (t == NULL)
            return -1;
        int rc = pct_text(sb, FT_STR_DATA(t), (size_t)FT_STR_NBYTES(t),
                          FT_STR_LEN(t), width, prec, flags);
        FT_DECREF(t);
        return rc;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        return pct_int(sb, v, conv == 'i' || conv == 'u' ? 'd' : (char)conv,
                       width, prec, flags);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        return pct_float(sb, v, (char)conv, width, prec, flags);
    case 'c':
        return pct_char(sb, v, width, flags);
    default:
        ft_err_format(FtExc_ValueError,
                      "unsupported format character '%c' (0x%x) at index %zd",
                      (conv >= 31 && conv <= 126) ? (int)conv : '?',
                      (unsigned)conv, ft_utf8_cps(s, (ssize_t)conv_at));
        return -1;
    }
}

FtObject *ft_str_percent_format(FtObject *fmt, FtObject *args)
{
    PctArgs pa = {NULL, 1, 0, NULL};
    FtObject *dict = NULL;
    if (FT_TUPLE_CHECK(args)) {
        pa.argv = ((FtTupleObject *)args)->items;
        pa.argc = FT_TUPLE_SIZE(args);
    } else {
        pa.argv = &args;
        /* CPython's PyMapping_Check: anything subscriptable but str. */
        if (!FT_STR_CHECK(args) && FT_TYPE(args)->tp_getitem != NULL)
            dict = args;
    }
    const char *s = FT_STR_DATA(fmt);
    size_t n = (size_t)FT_STR_NBYTES(fmt);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        const char *pct = memchr(s + i, '%', n - i);
        size_t j = pct == NULL ? n : (size_t)(pct - s);
        if (j > i && ft_sb_append(&sb, s + i, j - i) < 0)
            goto fail;
        if (pct == NULL)
            break;
        j++;
        if (j >= n) {
            ft_err_set_string(FtExc_ValueError, "incomplete format");
            goto fail;
        }
        if (s[j] == '%') {
            if (ft_sb_append_char(&sb, '%') < 0)
                goto fail;
            i = j + 1;
            continue;
        }
        if (pct_one(&sb, s, n, &j, &pa, dict) < 0)
            goto fail;
        i = j;
    }
    if (pa.idx < pa.argc && dict == NULL) {
        ft_err_set_string(
            FtExc_TypeError,
            "not all arguments converted during string formatting");
        goto fail;
    }
    FT_XDECREF(pa.keyval);
    return ft_sb_finish(&sb);
fail:
    FT_XDECREF(pa.keyval);
    ft_sb_discard(&sb);
    return NULL;
}

int ft_format_method_spec(FtObject *self, FtObject *const *args, size_t nargs,
                          FtFormatSpec *out)
{
    if (ft_arg_count("__format__", nargs, 1, 1) < 0)
        return -1;
    FtObject *spec = args[0];
    if (!FT_STR_CHECK(spec)) {
        ft_err_format(FtExc_TypeError,
                      "__format__() argument must be str, not %s",
                      ft_type_name(FT_TYPE(spec)));
        return -1;
    }
    if (FT_STR_NBYTES(spec) == 0)
        return 0;
    if (ft_format_spec_parse_for(spec, out, ft_type_name(FT_TYPE(self))) < 0)
        return -1;
    return 1;
}
