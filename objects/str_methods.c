/* objects/str_methods.c — the methods of str (split, join, find, strip,
 * replace, case mapping, predicates, padding, translate...) and the str
 * tp_methods table (split, partition and join are in str_split.c). CPython
 * 3.11 semantics and messages; ASCII strings take byte-indexed fast paths,
 * others walk code points.
 */
#define _GNU_SOURCE
#include "objects/object.h"
#include "objects/str_impl.h"

#include <string.h>

#define SELF FT_STR(self)

/* ---- argument helpers ---------------------------------------------------- */

static int lookup_index(FtObject *o)
{
    return ft_type_lookup(FT_TYPE(o), FT_ID(__index__)) != NULL;
}

int ft_str_arg_index(FtObject *o, ssize_t *out)
{
    if (FT_INT_CHECK(o)) {
        *out = (ssize_t)FT_INT_VALUE(o);
        return 0;
    }
    if (!lookup_index(o)) {
        ft_err_format(FtExc_TypeError,
                      "'%s' object cannot be interpreted as an integer",
                      ft_type_name(FT_TYPE(o)));
        return -1;
    }
    int64_t v;
    if (ft_number_as_i64(o, &v) < 0)
        return -1;
    *out = (ssize_t)v;
    return 0;
}

/* start/end arguments of find() and friends: None leaves the default. */
static int slice_index(FtObject *o, ssize_t *out)
{
    if (o == FT_None)
        return 0;
    if (FT_INT_CHECK(o)) {
        *out = (ssize_t)FT_INT_VALUE(o);
        return 0;
    }
    if (lookup_index(o)) {
        int64_t v;
        if (ft_number_as_i64(o, &v) < 0)
            return -1;
        *out = (ssize_t)v;
        return 0;
    }
    ft_err_set_string(FtExc_TypeError, "slice indices must be integers or "
                                       "None or have an __index__ method");
    return -1;
}

static void adjust_indices(ssize_t *start, ssize_t *end, ssize_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

int ft_str_need_str(FtObject *o)
{
    if (FT_STR_CHECK(o))
        return 0;
    ft_err_format(FtExc_TypeError, "must be str, not %s",
                  ft_type_name(FT_TYPE(o)));
    return -1;
}

/* (sub[, start[, end]]) with start/end adjusted to the string's length. */
static int parse_sub_range(const char *name, FtObject *self,
                           FtObject *const *args, size_t nargs, ssize_t *start,
                           ssize_t *end)
{
    /* These methods word their argument-count errors the older way. */
    if (nargs < 1 || nargs > 3) {
        ft_err_format(FtExc_TypeError, "%s() takes at %s (%zd given)", name,
                      nargs < 1 ? "least 1 argument" : "most 3 arguments",
                      (ssize_t)nargs);
        return -1;
    }
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > 1 && slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && slice_index(args[2], end) < 0)
        return -1;
    adjust_indices(start, end, SELF->length);
    return 0;
}

/* The same string as an exact str: self when it already is one. */
static FtObject *self_exact(FtObject *self)
{
    return ft_str_exact(self);
}

FtObject *ft_str_substr(FtObject *self, ssize_t b0, ssize_t b1)
{
    FtStrObject *s = SELF;
    if (b0 == 0 && b1 == s->nbytes)
        return self_exact(self);
    if (s->is_ascii)
        return ft_str_from_len_info(s->data + b0, b1 - b0, b1 - b0, 1);
    return ft_str_from_len(s->data + b0, b1 - b0);
}

/* ---- find, index, count, startswith, endswith ---------------------------- */

static ssize_t find_impl(FtObject *self, FtObject *sub, ssize_t start,
                         ssize_t end, int reverse)
{
    FtStrObject *s = SELF, *t = FT_STR(sub);
    if (start > s->length || end - start < t->length)
        return -1;
    if (s->is_ascii) {
        ssize_t r = reverse ? ft_bytes_rfind(s->data + start, end - start,
                                             t->data, t->nbytes)
                            : ft_bytes_find(s->data + start, end - start,
                                            t->data, t->nbytes);
        return r < 0 ? -1 : start + r;
    }
    ssize_t b0 = ft_str_cp_to_byte(self, start);
    ssize_t b1 = ft_str_cp_to_byte(self, end);
    ssize_t r = reverse
                    ? ft_bytes_rfind(s->data + b0, b1 - b0, t->data, t->nbytes)
                    : ft_bytes_find(s->data + b0, b1 - b0, t->data, t->nbytes);
    if (r < 0)
        return -1;
    return start + ft_utf8_cps(s->data + b0, r);
}

static FtObject *find_common(const char *name, FtObject *self,
                             FtObject *const *args, size_t nargs, int reverse,
                             int raise)
{
    ssize_t start, end;
    if (parse_sub_range(name, self, args, nargs, &start, &end) < 0 ||
        ft_str_need_str(args[0]) < 0)
        return NULL;
    ssize_t r = find_impl(self, args[0], start, end, reverse);
    if (r < 0 && raise) {
        ft_err_set_string(FtExc_ValueError, "substring not found");
        return NULL;
    }
    return ft_int_from_i64(r);
}

static FtObject *str_find(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kw)
{
    return find_common("find", self, args, nargs, 0, 0);
}
static FtObject *str_rfind(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    return find_common("rfind", self, args, nargs, 1, 0);
}
static FtObject *str_index(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    return find_common("index", self, args, nargs, 0, 1);
}
static FtObject *str_rindex(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kw)
{
    return find_common("rindex", self, args, nargs, 1, 1);
}

static FtObject *str_count(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    ssize_t start, end;
    if (parse_sub_range("count", self, args, nargs, &start, &end) < 0 ||
        ft_str_need_str(args[0]) < 0)
        return NULL;
    FtStrObject *s = SELF, *t = FT_STR(args[0]);
    if (start > s->length || end - start < t->length)
        return ft_int_from_i64(0);
    if (t->nbytes == 0)
        return ft_int_from_i64(end - start + 1);
    ssize_t b0 = ft_str_cp_to_byte(self, start);
    ssize_t b1 = ft_str_cp_to_byte(self, end);
    return ft_int_from_i64(
        ft_bytes_count(s->data + b0, b1 - b0, t->data, t->nbytes, -1));
}

/* Does self[start:end] start (or end) with sub? */
static int tailmatch(FtObject *self, FtObject *sub, ssize_t start, ssize_t end,
                     int at_end)
{
    FtStrObject *s = SELF, *t = FT_STR(sub);
    if (end - start < t->length)
        return 0;
    if (t->nbytes == 0)
        return 1;
    ssize_t pos = at_end ? end - t->length : start;
    ssize_t b = ft_str_cp_to_byte(self, pos);
    if (b + t->nbytes > s->nbytes)
        return 0;
    return memcmp(s->data + b, t->data, (size_t)t->nbytes) == 0;
}

static FtObject *startsend(const char *name, FtObject *self,
                           FtObject *const *args, size_t nargs, int at_end)
{
    ssize_t start, end;
    if (parse_sub_range(name, self, args, nargs, &start, &end) < 0)
        return NULL;
    FtObject *x = args[0];
    if (FT_STR_CHECK(x))
        return ft_bool_from(tailmatch(self, x, start, end, at_end));
    if (!FT_TUPLE_CHECK(x)) {
        ft_err_format(FtExc_TypeError,
                      "%s first arg must be str or a tuple of str, not %s",
                      name, ft_type_name(FT_TYPE(x)));
        return NULL;
    }
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(x); i++) {
        FtObject *e = FT_TUPLE_GET(x, i);
        if (!FT_STR_CHECK(e)) {
            ft_err_format(FtExc_TypeError,
                          "tuple for %s must only contain str, not %s", name,
                          ft_type_name(FT_TYPE(e)));
            return NULL;
        }
        if (tailmatch(self, e, start, end, at_end))
            FT_RETURN_TRUE;
    }
    FT_RETURN_FALSE;
}

static FtObject *str_startswith(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kw)
{
    return startsend("startswith", self, args, nargs, 0);
}
static FtObject *str_endswith(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kw)
{
    return startsend("endswith", self, args, nargs, 1);
}

/* ---- strip --------------------------------------------------------------- */

typedef struct {
    int whitespace;
    uint8_t ascii[16]; /* bitmap of ASCII characters to strip */
    const char *other; /* the chars argument, for non-ASCII members */
    ssize_t other_n;
    int has_other;
} StripSet;

static int strip_match(const StripSet *set, uint32_t cp)
{
    if (set->whitespace)
        return ft_cp_isspace(cp);
    if (cp < 0x80)
        return (set->ascii[cp >> 3] >> (cp & 7)) & 1;
    if (!set->has_other)
        return 0;
    char buf[4];
    int n = ft_utf8_encode(cp, buf);
    return ft_bytes_find(set->other, set->other_n, buf, n) >= 0;
}

static FtObject *do_strip(const char *name, FtObject *self,
                          FtObject *const *args, size_t nargs, int left,
                          int right)
{
    if (ft_arg_count(name, nargs, 0, 1) < 0)
        return NULL;
    StripSet set;
    memset(&set, 0, sizeof set);
    if (nargs == 0 || args[0] == FT_None) {
        set.whitespace = 1;
    } else if (!FT_STR_CHECK(args[0])) {
        ft_err_format(FtExc_TypeError, "%s arg must be None or str", name);
        return NULL;
    } else {
        const unsigned char *c = (const unsigned char *)FT_STR_DATA(args[0]);
        ssize_t cn = FT_STR_NBYTES(args[0]);
        for (ssize_t i = 0; i < cn; i++) {
            if (c[i] < 0x80)
                set.ascii[c[i] >> 3] |= (uint8_t)(1u << (c[i] & 7));
            else
                set.has_other = 1;
        }
        set.other = (const char *)c;
        set.other_n = cn;
    }
    const char *p = SELF->data;
    ssize_t i = 0, j = SELF->nbytes;
    int len;
    if (left) {
        while (i < j && strip_match(&set, ft_utf8_cp_at(p, i, &len)))
            i += len;
    }
    if (right) {
        while (j > i) {
            ssize_t k = ft_utf8_prev(p, j);
            if (!strip_match(&set, ft_utf8_cp_at(p, k, &len)))
                break;
            j = k;
        }
    }
    return ft_str_substr(self, i, j);
}

static FtObject *str_strip(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    return do_strip("strip", self, args, nargs, 1, 1);
}
static FtObject *str_lstrip(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kw)
{
    return do_strip("lstrip", self, args, nargs, 1, 0);
}
static FtObject *str_rstrip(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kw)
{
    return do_strip("rstrip", self, args, nargs, 0, 1);
}

static FtObject *remove_affix(const char *name, FtObject *self,
                              FtObject *const *args, size_t nargs, int suffix)
{
    if (ft_arg_count(suffix ? "str.removesuffix" : "str.removeprefix", nargs, 1,
                     1) < 0)
        return NULL;
    FtObject *a = args[0];
    if (!FT_STR_CHECK(a)) {
        ft_err_format(FtExc_TypeError, "%s() argument must be str, not %s",
                      name, ft_type_name(FT_TYPE(a)));
        return NULL;
    }
    ssize_t n = SELF->nbytes, an = FT_STR_NBYTES(a);
    if (an == 0 || an > n)
        return self_exact(self);
    if (!suffix && memcmp(SELF->data, FT_STR_DATA(a), (size_t)an) == 0)
        return ft_str_substr(self, an, n);
    if (suffix && memcmp(SELF->data + n - an, FT_STR_DATA(a), (size_t)an) == 0)
        return ft_str_substr(self, 0, n - an);
    return self_exact(self);
}

static FtObject *str_removeprefix(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kw)
{
    return remove_affix("removeprefix", self, args, nargs, 0);
}
static FtObject *str_removesuffix(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kw)
{
    return remove_affix("removesuffix", self, args, nargs, 1);
}

/* ---- replace ------------------------------------------------------------- */

static FtObject *replace_impl(FtObject *self, FtObject *old, FtObject *new_,
                              ssize_t count)
{
    FtStrObject *s = SELF, *o = FT_STR(old), *w = FT_STR(new_);
    if (count == 0)
        return self_exact(self);
    if (o->nbytes == 0) {
        /* Insert new_ before every character and at the end. */
        ssize_t slots = s->length + 1;
        if (count > 0 && count < slots)
            slots = count;
        if (w->nbytes == 0)
            return self_exact(self);
        FtStrBuilder sb;
        ft_sb_init(&sb);
        ssize_t i = 0;
        for (ssize_t k = 0; k < slots; k++) {
            if (ft_sb_append(&sb, w->data, (size_t)w->nbytes) < 0)
                goto fail;
            if (i < s->nbytes) {
                int len = ft_utf8_seqlen((unsigned char)s->data[i]);
                if (ft_sb_append(&sb, s->data + i, (size_t)len) < 0)
                    goto fail;
                i += len;
            }
        }
        if (ft_sb_append(&sb, s->data + i, (size_t)(s->nbytes - i)) < 0)
            goto fail;
        return ft_sb_finish(&sb);
    fail:
        ft_sb_discard(&sb);
        return NULL;
    }
    ssize_t occ = ft_bytes_count(s->data, s->nbytes, o->data, o->nbytes, count);
    if (occ == 0)
        return self_exact(self);
    ssize_t diff = w->nbytes - o->nbytes;
    if (diff > 0 && occ > (SSIZE_MAX / 2 - s->nbytes) / diff)
        return ft_err_no_memory();
    FtObject *r = ft_str_alloc(s->nbytes + occ * diff);
    if (r == NULL)
        return NULL;
    char *d = FT_STR_DATA(r);
    ssize_t i = 0;
    for (ssize_t k = 0; k < occ; k++) {
        ssize_t f =
            ft_bytes_find(s->data + i, s->nbytes - i, o->data, o->nbytes);
        memcpy(d, s->data + i, (size_t)f);
        d += f;
        memcpy(d, w->data, (size_t)w->nbytes);
        d += w->nbytes;
        i += f + o->nbytes;
    }
    memcpy(d, s->data + i, (size_t)(s->nbytes - i));
    if (s->is_ascii && w->is_ascii)
        ft_str_set_info(r, s->length + occ * (w->length - o->length), 1);
    else
        ft_str_compute_info(r);
    return r;
}

static FtObject *str_replace(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kw)
{
    if (ft_arg_count("replace", nargs, 2, 3) < 0)
        return NULL;
    for (int k = 0; k < 2; k++) {
        if (!FT_STR_CHECK(args[k])) {
            ft_err_format(FtExc_TypeError,
                          "replace() argument %d must be str, not %s", k + 1,
                          ft_type_name(FT_TYPE(args[k])));
            return NULL;
        }
    }
    ssize_t count = -1;
    if (nargs == 3 && ft_str_arg_index(args[2], &count) < 0)
        return NULL;
    return replace_impl(self, args[0], args[1], count);
}

/* ---- case mapping -------------------------------------------------------- */

enum {
    CASE_LOWER,
    CASE_UPPER,
    CASE_SWAP,
    CASE_CAPITALIZE,
    CASE_TITLE,
    CASE_FOLD
};

static inline char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}
static inline char ascii_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
}
static inline int ascii_cased(char c)
{
    return ((c | 32) >= 'a' && (c | 32) <= 'z');
}

/* Upper (or title, for capitalize/title: 'ß' gives 'Ss') of cp. */
static int append_upper(FtStrBuilder *sb, uint32_t cp, int title)
{
    if (cp == 0xDF)
        return ft_sb_append_cstr(sb, title ? "Ss" : "SS");
    return ft_sb_append_codepoint(sb, title ? ft_cp_totitle(cp)
                                            : ft_cp_toupper(cp));
}

static int cp_cased(uint32_t cp)
{
    return ft_cp_isupper(cp) || ft_cp_islower(cp) || ft_cp_istitle(cp);
}

/* Lower case of the code point at p[i], with Greek final sigma: a capital
 * sigma after a cased letter and not before one becomes 'ς' (neighbours
 * only; CPython also skips case-ignorable characters). */
static int append_lower(FtStrBuilder *sb, const char *p, ssize_t i, ssize_t n,
                        uint32_t cp, int len)
{
    if (cp == 0x3A3 && i > 0) {
        int l2;
        ssize_t k = ft_utf8_prev(p, i);
        int before = cp_cased(ft_utf8_decode(p + k, &l2));
        int after = i + len < n && cp_cased(ft_utf8_decode(p + i + len, &l2));
        if (before && !after)
            return ft_sb_append_codepoint(sb, 0x3C2);
    }
    return ft_sb_append_codepoint(sb, ft_cp_tolower(cp));
}

static FtObject *case_map(FtObject *self, int mode)
{
    FtStrObject *s = SELF;
    if (s->is_ascii) {
        FtObject *r = ft_str_alloc(s->nbytes);
        if (r == NULL)
            return NULL;
        char *d = FT_STR_DATA(r);
        const char *p = s->data;
        ssize_t n = s->nbytes;
        int prev_cased = 0;
        for (ssize_t i = 0; i < n; i++) {
            char c = p[i];
            switch (mode) {
            case CASE_LOWER:
            case CASE_FOLD:
                d[i] = ascii_lower(c);
                break;
            case CASE_UPPER:
                d[i] = ascii_upper(c);
                break;
            case CASE_SWAP:
                d[i] = (c >= 'a' && c <= 'z') ? ascii_upper(c) : ascii_lower(c);
                break;
            case CASE_CAPITALIZE:
                d[i] = i == 0 ? ascii_upper(c) : ascii_lower(c);
                break;
            default:
                d[i] = prev_cased ? ascii_lower(c) : ascii_upper(c);
                prev_cased = ascii_cased(c);
                break;
            }
        }
        ft_str_set_info(r, n, 1);
        return r;
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    const char *p = s->data;
    ssize_t n = s->nbytes;
    int prev_cased = 0, first = 1;
    int simple = mode == CASE_LOWER || mode == CASE_UPPER || mode == CASE_FOLD;
    for (ssize_t i = 0; i < n;) {
        int len, rc;
        if (simple && (unsigned char)p[i] < 0x80) {
            /* Runs of ASCII inside non-ASCII text: map byte by byte. */
            ssize_t j = i;
            while (j < n && (unsigned char)p[j] < 0x80)
                j++;
            char *d = ft_sb_extend(&sb, (size_t)(j - i));
            if (d == NULL) {
                ft_sb_discard(&sb);
                return NULL;
            }
            for (; i < j; i++)
                *d++ = mode == CASE_UPPER ? ascii_upper(p[i]) : ascii_lower(p[i]);
            continue;
        }
        uint32_t cp = ft_utf8_decode(p + i, &len);
        switch (mode) {
        case CASE_LOWER:
            rc = append_lower(&sb, p, i, n, cp, len);
            break;
        case CASE_FOLD:
            if (cp == 0xDF)
                rc = ft_sb_append(&sb, "ss", 2);
            else
                rc = ft_sb_append_codepoint(
                    &sb, cp == 0x3C2 ? 0x3C3 : ft_cp_tolower(cp));
            break;
        case CASE_UPPER:
            rc = append_upper(&sb, cp, 0);
            break;
        case CASE_SWAP:
            if (ft_cp_isupper(cp))
                rc = append_lower(&sb, p, i, n, cp, len);
            else if (ft_cp_islower(cp))
                rc = append_upper(&sb, cp, 0);
            else
                rc = ft_sb_append(&sb, p + i, (size_t)len);
            break;
        case CASE_CAPITALIZE:
            rc = first ? append_upper(&sb, cp, 1)
                       : append_lower(&sb, p, i, n, cp, len);
            break;
        default: {
            int cased = cp_cased(cp);
            rc = prev_cased ? append_lower(&sb, p, i, n, cp, len)
                            : append_upper(&sb, cp, 1);
            prev_cased = cased;
            break;
        }
        }
        if (rc < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
        first = 0;
        i += len;
    }
    return ft_sb_finish(&sb);
}

#define CASE_METHOD(fname, mode)                                               \
    static FtObject *str_##fname(FtObject *self, FtObject *const *args,        \
                                 size_t nargs, FtObject *kw)                   \
    {                                                                          \
        if (ft_arg_count("str." #fname, nargs, 0, 0) < 0)                      \
            return NULL;                                                       \
        return case_map(self, mode);                                           \
    }
CASE_METHOD(lower, CASE_LOWER)
CASE_METHOD(casefold, CASE_FOLD)
CASE_METHOD(upper, CASE_UPPER)
CASE_METHOD(swapcase, CASE_SWAP)
CASE_METHOD(capitalize, CASE_CAPITALIZE)
CASE_METHOD(title, CASE_TITLE)

/* ---- predicates ---------------------------------------------------------- */

/* True when the string is non-empty and every code point satisfies pred
 * (empty_ok: the empty string is true too). */
static FtObject *all_chars(FtObject *self, int (*pred)(uint32_t), int empty_ok)
{
    FtStrObject *s = SELF;
    if (s->nbytes == 0)
        return ft_bool_from(empty_ok);
    const char *p = s->data;
    for (ssize_t i = 0; i < s->nbytes;) {
        int len;
        if (!pred(ft_utf8_cp_at(p, i, &len)))
            FT_RETURN_FALSE;
        i += len;
    }
    FT_RETURN_TRUE;
}

static int pred_alnum(uint32_t cp)
{
    return ft_cp_isalpha(cp) || ft_cp_isnumeric(cp);
}

#define PRED_METHOD(fname, pred, empty_ok)                                     \
    static FtObject *str_##fname(FtObject *self, FtObject *const *args,        \
                                 size_t nargs, FtObject *kw)                   \
    {                                                                          \
        if (ft_arg_count("str." #fname, nargs, 0, 0) < 0)                      \
            return NULL;                                                       \
        return all_chars(self, pred, empty_ok);                                \
    }
PRED_METHOD(isspace, ft_cp_isspace, 0)
PRED_METHOD(isalpha, ft_cp_isalpha, 0)
PRED_METHOD(isalnum, pred_alnum, 0)
PRED_METHOD(isdigit, ft_cp_isdigit, 0)
PRED_METHOD(isdecimal, ft_cp_isdecimal, 0)
PRED_METHOD(isnumeric, ft_cp_isnumeric, 0)
PRED_METHOD(isprintable, ft_cp_isprintable, 1)

static FtObject *str_isascii(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.isascii", nargs, 0, 0) < 0)
        return NULL;
    return ft_bool_from(SELF->is_ascii);
}

/* islower / isupper: some cased character and none of the other case. */
static FtObject *case_pred(FtObject *self, int want_upper)
{
    const char *p = SELF->data;
    int cased = 0;
    for (ssize_t i = 0; i < SELF->nbytes;) {
        int len;
        uint32_t cp = ft_utf8_cp_at(p, i, &len);
        if (want_upper ? ft_cp_islower(cp) : ft_cp_isupper(cp))
            FT_RETURN_FALSE;
        if (!cased)
            cased = want_upper ? ft_cp_isupper(cp) : ft_cp_islower(cp);
        i += len;
    }
    return ft_bool_from(cased);
}

static FtObject *str_islower(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.islower", nargs, 0, 0) < 0)
        return NULL;
    return case_pred(self, 0);
}
static FtObject *str_isupper(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.isupper", nargs, 0, 0) < 0)
        return NULL;
    return case_pred(self, 1);
}

static FtObject *str_istitle(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.istitle", nargs, 0, 0) < 0)
        return NULL;
    const char *p = SELF->data;
    int cased = 0, prev_cased = 0;
    for (ssize_t i = 0; i < SELF->nbytes;) {
        int len;
        uint32_t cp = ft_utf8_cp_at(p, i, &len);
        if (ft_cp_isupper(cp) || ft_cp_istitle(cp)) {
            if (prev_cased)
                FT_RETURN_FALSE;
            prev_cased = cased = 1;
        } else if (ft_cp_islower(cp)) {
            if (!prev_cased)
                FT_RETURN_FALSE;
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
        i += len;
    }
    return ft_bool_from(cased);
}

static FtObject *str_isidentifier(FtObject *self, FtObject *const *args,
                                  size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.isidentifier", nargs, 0, 0) < 0)
        return NULL;
    const char *p = SELF->data;
    if (SELF->nbytes == 0)
        FT_RETURN_FALSE;
    for (ssize_t i = 0; i < SELF->nbytes;) {
        int len;
        uint32_t cp = ft_utf8_cp_at(p, i, &len);
        int ok =
            cp == '_' || ft_cp_isalpha(cp) || (i > 0 && ft_cp_isdecimal(cp));
        if (!ok)
            FT_RETURN_FALSE;
        i += len;
    }
    FT_RETURN_TRUE;
}

/* ---- padding ------------------------------------------------------------- */

static int parse_fill(FtObject *const *args, size_t nargs, size_t idx,
                      uint32_t *fill)
{
    *fill = ' ';
    if (nargs <= idx)
        return 0;
    FtObject *f = args[idx];
    if (!FT_STR_CHECK(f)) {
        ft_err_format(FtExc_TypeError,
                      "The fill character must be a unicode character, not %s",
                      ft_type_name(FT_TYPE(f)));
        return -1;
    }
    if (FT_STR_LEN(f) != 1) {
        ft_err_set_string(
            FtExc_TypeError,
            "The fill character must be exactly one character long");
        return -1;
    }
    int len;
    *fill = ft_utf8_decode(FT_STR_DATA(f), &len);
    return 0;
}

static FtObject *pad(FtObject *self, ssize_t left, ssize_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return self_exact(self);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_fill(&sb, fill, left) < 0 ||
        ft_sb_append_str(&sb, self) < 0 ||
        ft_sb_append_fill(&sb, fill, right) < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

static FtObject *justify(const char *name, FtObject *self,
                         FtObject *const *args, size_t nargs, char how)
{
    ssize_t width;
    uint32_t fill;
    if (ft_arg_count(name, nargs, 1, 2) < 0 ||
        ft_str_arg_index(args[0], &width) < 0 ||
        parse_fill(args, nargs, 1, &fill) < 0)
        return NULL;
    if (width <= SELF->length) /* also keeps width - length in range */
        return self_exact(self);
    ssize_t marg = width - SELF->length;
    if (how == '<')
        return pad(self, 0, marg, fill);
    if (how == '>')
        return pad(self, marg, 0, fill);
    ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static FtObject *str_center(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kw)
{
    return justify("center", self, args, nargs, '^');
}
static FtObject *str_ljust(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    return justify("ljust", self, args, nargs, '<');
}
static FtObject *str_rjust(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    return justify("rjust", self, args, nargs, '>');
}

static FtObject *str_zfill(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kw)
{
    ssize_t width;
    if (ft_arg_count("str.zfill", nargs, 1, 1) < 0 ||
        ft_str_arg_index(args[0], &width) < 0)
        return NULL;
    if (width <= SELF->length) /* also keeps width - length in range */
        return self_exact(self);
    ssize_t fill = width - SELF->length;
    if (fill > SSIZE_MAX - SELF->nbytes)
        return ft_err_no_memory();
    FtObject *r = ft_str_alloc(SELF->nbytes + fill);
    if (r == NULL)
        return NULL;
    char *d = FT_STR_DATA(r);
    memset(d, '0', (size_t)fill);
    memcpy(d + fill, SELF->data, (size_t)SELF->nbytes);
    if (SELF->nbytes > 0 && (d[fill] == '+' || d[fill] == '-')) {
        d[0] = d[fill];
        d[fill] = '0';
    }
    ft_str_set_info(r, width, SELF->is_ascii);
    return r;
}

static FtObject *str_expandtabs(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"tabsize", NULL};
    FtObject *a[1] = {NULL};
    if (ft_arg_parse("expandtabs", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    int tabsize = 8; /* a C int in CPython */
    if (a[0] != NULL && ft_number_as_c_int(a[0], &tabsize) < 0)
        return NULL;
    if (memchr(SELF->data, '\t', (size_t)SELF->nbytes) == NULL)
        return self_exact(self);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t col = 0;
    const char *p = SELF->data;
    for (ssize_t i = 0; i < SELF->nbytes;) {
        int len = ft_utf8_seqlen((unsigned char)p[i]);
        int rc = 0;
        if (p[i] == '\t') {
            if (tabsize > 0) {
                ssize_t spaces = tabsize - col % tabsize;
                col += spaces;
                rc = ft_sb_append_fill(&sb, ' ', spaces);
            }
        } else {
            col = (p[i] == '\n' || p[i] == '\r') ? 0 : col + 1;
            rc = ft_sb_append(&sb, p + i, (size_t)len);
        }
        if (rc < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
        i += len;
    }
    return ft_sb_finish(&sb);
}

/* ---- translate / maketrans ----------------------------------------------- */

/* Looks cp up in table: 1 with *out (new ref, or NULL to delete), 0 when
 * the character stays as it is, -1 on error. */
static int translate_lookup(FtObject *table, uint32_t cp, FtObject **out)
{
    FtObject *key = ft_int_from_i64(cp);
    if (key == NULL)
        return -1;
    FtObject *v;
    if (FT_DICT_CHECK_EXACT(table)) {
        v = ft_dict_get(table, key);
        FT_DECREF(key);
        if (v == NULL)
            return ft_err_occurred() ? -1 : 0;
    } else {
        v = ft_object_getitem(table, key);
        FT_DECREF(key);
        if (v == NULL) {
            if (!ft_err_matches(FtExc_LookupError))
                return -1;
            ft_err_clear();
            return 0;
        }
    }
    if (v == FT_None) {
        FT_DECREF(v);
        *out = NULL;
        return 1;
    }
    if (FT_INT_CHECK(v)) {
        int64_t c = FT_INT_VALUE(v);
        FT_DECREF(v);
        if (c < 0 || c > 0x10FFFF) {
            ft_err_set_string(FtExc_ValueError,
                              "character mapping must be in range(0x110000)");
            return -1;
        }
        *out = ft_str_from_codepoint((uint32_t)c);
        return *out == NULL ? -1 : 1;
    }
    if (FT_STR_CHECK(v)) {
        *out = v;
        return 1;
    }
    FT_DECREF(v);
    ft_err_set_string(FtExc_TypeError,
                      "character mapping must return integer, None or str");
    return -1;
}

static FtObject *str_translate(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.translate", nargs, 1, 1) < 0)
        return NULL;
    FtObject *table = args[0];
    /* ASCII characters repeat: remember each one's mapping. */
    signed char state[128]; /* 0 unknown, 1 keep, 2 delete, 3 cached */
    FtObject *cached[128];
    memset(state, 0, sizeof state);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    const char *p = SELF->data;
    FtObject *result = NULL;
    for (ssize_t i = 0; i < SELF->nbytes;) {
        int len;
        uint32_t cp = ft_utf8_cp_at(p, i, &len);
        FtObject *m = NULL;
        int r;
        if (cp < 128 && state[cp] != 0) {
            r = state[cp] == 1 ? 0 : 1;
            m = state[cp] == 3 ? cached[cp] : NULL;
        } else {
            r = translate_lookup(table, cp, &m);
            if (r < 0)
                goto done;
            if (cp < 128) {
                state[cp] = (signed char)(r == 0 ? 1 : m == NULL ? 2 : 3);
                cached[cp] = m; /* the cache owns m */
            }
        }
        int rc = 0;
        if (r == 0)
            rc = ft_sb_append(&sb, p + i, (size_t)len);
        else if (m != NULL)
            rc = ft_sb_append_str(&sb, m);
        if (cp >= 128)
            FT_XDECREF(m);
        if (rc < 0)
            goto done;
        i += len;
    }
    result = ft_sb_finish(&sb);
done:
    if (result == NULL)
        ft_sb_discard(&sb);
    for (int c = 0; c < 128; c++)
        if (state[c] == 3)
            FT_DECREF(cached[c]);
    return result;
}

/* str.maketrans(x) for a dict x: its items into d, keys as code points.
 * Each item is taken with references in x's section: hashing an int
 * subclass key runs its __hash__, which may change x (the walk then goes
 * on in x as it is, as in CPython). 0 or -1. */
static int maketrans_from_dict(FtObject *d, FtObject *x)
{
    ssize_t pos = 0;
    for (;;) {
        FtObject *k, *v;
        int more;
        FT_BEGIN_CRITICAL_SECTION(x);
        more = ft_dict_next(x, &pos, &k, &v);
        if (more) {
            FT_INCREF(k);
            FT_INCREF(v);
        }
        FT_END_CRITICAL_SECTION();
        if (!more)
            return 0;
        FtObject *key = NULL;
        if (FT_STR_CHECK(k)) {
            if (FT_STR_LEN(k) != 1) {
                ft_err_set_string(FtExc_ValueError,
                                  "string keys in translate "
                                  "table must be of length 1");
            } else {
                int len;
                key = ft_int_from_i64(ft_utf8_decode(FT_STR_DATA(k), &len));
            }
        } else if (FT_INT_CHECK(k)) {
            key = FT_NEWREF(k);
        } else {
            ft_err_set_string(FtExc_TypeError,
                              "keys in translate table must "
                              "be strings or integers");
        }
        int rc = key == NULL ? -1 : ft_dict_set(d, key, v);
        FT_XDECREF(key);
        FT_DECREF(k);
        FT_DECREF(v);
        if (rc < 0)
            return -1;
    }
}

static FtObject *str_maketrans(FtObject *unused, FtObject *const *args,
                               size_t nargs, FtObject *kw)
{
    if (ft_arg_count("maketrans", nargs, 1, 3) < 0)
        return NULL;
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    if (nargs == 1) {
        FtObject *x = args[0];
        if (!FT_DICT_CHECK(x)) {
            ft_err_set_string(FtExc_TypeError,
                              "if you give only one argument "
                              "to maketrans it must be a dict");
            goto fail;
        }
        if (maketrans_from_dict(d, x) < 0)
            goto fail;
        return d;
    }
    FtObject *x = args[0], *y = args[1];
    if (!FT_STR_CHECK(x)) {
        ft_err_set_string(FtExc_TypeError,
                          "first maketrans argument must be a "
                          "string if there is a second argument");
        goto fail;
    }
    for (size_t k = 1; k < nargs; k++) {
        if (!FT_STR_CHECK(args[k])) {
            ft_err_format(FtExc_TypeError,
                          "maketrans() argument %d must be str, not %s",
                          (int)k + 1, ft_type_name(FT_TYPE(args[k])));
            goto fail;
        }
    }
    if (FT_STR_LEN(x) != FT_STR_LEN(y)) {
        ft_err_set_string(FtExc_ValueError, "the first two maketrans arguments "
                                            "must have equal length");
        goto fail;
    }
    const char *xp = FT_STR_DATA(x), *yp = FT_STR_DATA(y);
    for (ssize_t i = 0, j = 0; i < FT_STR_NBYTES(x);) {
        int lx, ly;
        FtObject *k = ft_int_from_i64(ft_utf8_decode(xp + i, &lx));
        FtObject *v = ft_int_from_i64(ft_utf8_decode(yp + j, &ly));
        int rc = (k && v) ? ft_dict_set(d, k, v) : -1;
        FT_XDECREF(k);
        FT_XDECREF(v);
        if (rc < 0)
            goto fail;
        i += lx;
        j += ly;
    }
    if (nargs == 3) {
        const char *zp = FT_STR_DATA(args[2]);
        for (ssize_t i = 0; i < FT_STR_NBYTES(args[2]);) {
            int lz;
            FtObject *k = ft_int_from_i64(ft_utf8_decode(zp + i, &lz));
            int rc = k ? ft_dict_set(d, k, FT_None) : -1;
            FT_XDECREF(k);
            if (rc < 0)
                goto fail;
            i += lz;
        }
    }
    return d;
fail:
    FT_DECREF(d);
    return NULL;
}

/* ---- formatting entry points --------------------------------------------- */

static FtObject *str_format_meth(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    return ft_str_format_call(self, args, nargs, kwnames);
}

static FtObject *str_format_map(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.format_map", nargs, 1, 1) < 0)
        return NULL;
    return ft_str_format_map(self, args[0]);
}

static FtObject *str_dunder_format(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!FT_STR_CHECK(args[0])) {
        ft_err_format(FtExc_TypeError,
                      "__format__() argument must be str, not %s",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    return ft_str_format_spec(self, args[0]);
}

FtMethodDef ft_str_methods[] = {
    {"join", ft_strm_join, 0, "Concatenate any number of strings."},
    {"split", ft_strm_split, FT_METH_KEYWORDS,
     "Return a list of the substrings."},
    {"rsplit", ft_strm_rsplit, FT_METH_KEYWORDS, "Split from the right."},
    {"splitlines", ft_strm_splitlines, FT_METH_KEYWORDS,
     "Split at line breaks."},
    {"strip", str_strip, 0, NULL},
    {"lstrip", str_lstrip, 0, NULL},
    {"rstrip", str_rstrip, 0, NULL},
    {"removeprefix", str_removeprefix, 0, NULL},
    {"removesuffix", str_removesuffix, 0, NULL},
    {"replace", str_replace, 0, NULL},
    {"find", str_find, 0, NULL},
    {"rfind", str_rfind, 0, NULL},
    {"index", str_index, 0, NULL},
    {"rindex", str_rindex, 0, NULL},
    {"count", str_count, 0, NULL},
    {"startswith", str_startswith, 0, NULL},
    {"endswith", str_endswith, 0, NULL},
    {"upper", str_upper, 0, NULL},
    {"lower", str_lower, 0, NULL},
    {"casefold", str_casefold, 0, NULL},
    {"capitalize", str_capitalize, 0, NULL},
    {"title", str_title, 0, NULL},
    {"swapcase", str_swapcase, 0, NULL},
    {"isdigit", str_isdigit, 0, NULL},
    {"isdecimal", str_isdecimal, 0, NULL},
    {"isnumeric", str_isnumeric, 0, NULL},
    {"isalpha", str_isalpha, 0, NULL},
    {"isalnum", str_isalnum, 0, NULL},
    {"isspace", str_isspace, 0, NULL},
    {"isupper", str_isupper, 0, NULL},
    {"islower", str_islower, 0, NULL},
    {"istitle", str_istitle, 0, NULL},
    {"isascii", str_isascii, 0, NULL},
    {"isprintable", str_isprintable, 0, NULL},
    {"isidentifier", str_isidentifier, 0, NULL},
    {"center", str_center, 0, NULL},
    {"ljust", str_ljust, 0, NULL},
    {"rjust", str_rjust, 0, NULL},
    {"zfill", str_zfill, 0, NULL},
    {"encode", ft_str_method_encode, FT_METH_KEYWORDS, NULL},
    {"partition", ft_strm_partition, 0, NULL},
    {"rpartition", ft_strm_rpartition, 0, NULL},
    {"expandtabs", str_expandtabs, FT_METH_KEYWORDS, NULL},
    {"translate", str_translate, 0, NULL},
    {"maketrans", str_maketrans, FT_METH_STATIC, NULL},
    {"format", str_format_meth, FT_METH_KEYWORDS, NULL},
    {"format_map", str_format_map, 0, NULL},
    {"__format__", str_dunder_format, 0, NULL},
    {NULL, NULL, 0, NULL},
};
