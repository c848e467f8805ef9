/* objects/bytes_methods.c — the methods bytes and bytearray share: search
 * (find, index, count, startswith ...), split/join/strip/replace, ASCII
 * case and class tests, hex/fromhex and decode. Each works on a view of
 * self (ft_bytes_view: a snapshot for bytearray, so another thread's
 * resize cannot pull the buffer away) and builds results of self's type.
 */
#include "objects/bytes_impl.h"
#include "objects/object.h"

#include <limits.h>
#include <string.h>

#define ARGS FtObject *self, FtObject *const *args, size_t nargs, FtObject *kwnames

static int is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static FtObject *self_view(FtObject *self, FtBytesView *v)
{
    return ft_bytes_view(self, v) < 0 ? NULL : self;
}

/* Appends self-typed p[0..n) to list; 0 or -1. */
static int push_piece(FtObject *list, FtObject *self, const char *p,
                      ssize_t n)
{
    FtObject *x = ft_bytes_like_new(self, p, n);
    if (x == NULL)
        return -1;
    int r = ft_list_append(list, x);
    FT_DECREF(x);
    return r;
}

/* ---- search -------------------------------------------------------------------- */

/* The needle of find/index/count: an int in range(256) or a bytes-like
 * object. 0 with v filled (a one-byte buffer for an int), or -1. */
static int needle_arg(FtObject *o, FtBytesView *v, char *byte)
{
    if (FT_INT_CHECK(o)) {
        int b;
        if (ft_bytes_byte_value(o, &b) < 0)
            return -1;
        *byte = (char)b;
        v->p = byte;
        v->n = 1;
        v->hold = NULL;
        return 0;
    }
    int r = ft_bytes_view(o, v);
    if (r == 0)
        ft_err_format(FtExc_TypeError,
                      "argument should be integer or bytes-like object, "
                      "not '%s'",
                      ft_type_name(FT_TYPE(o)));
    return r > 0 ? 0 : -1;
}

/* start/end arguments clamped like a slice of a length-n sequence. */
static int range_args(FtObject *const *args, size_t nargs, size_t first,
                      ssize_t n, ssize_t *start, ssize_t *end)
{
    *start = 0;
    *end = n;
    if (nargs > first && ft_slice_index(args[first], start) < 0)
        return -1;
    if (nargs > first + 1 && ft_slice_index(args[first + 1], end) < 0)
        return -1;
    if (*start < 0 && (*start += n) < 0)
        *start = 0;
    if (*end > n)
        *end = n;
    else if (*end < 0 && (*end += n) < 0)
        *end = 0;
    return 0;
}

enum { S_FIND, S_RFIND, S_INDEX, S_RINDEX, S_COUNT };

static FtObject *search(ARGS, const char *name, int kind)
{
    if (ft_arg_count(name, nargs, 1, 3) < 0)
        return NULL;
    FtBytesView hv, nv;
    char byte;
    ssize_t start, end;
    if (self_view(self, &hv) == NULL)
        return NULL;
    if (needle_arg(args[0], &nv, &byte) < 0) {
        ft_bytes_view_release(&hv);
        return NULL;
    }
    FtObject *res = NULL;
    if (range_args(args, nargs, 1, hv.n, &start, &end) < 0)
        goto done;
    if (kind == S_COUNT) {
        int64_t c = 0;
        if (end - start >= nv.n) {
            if (nv.n == 0) {
                c = end - start + 1;
            } else {
                for (ssize_t i = start; i + nv.n <= end;) {
                    ssize_t k = ft_bytes_find_buf(hv.p + i, end - i, nv.p,
                                                  nv.n, 0);
                    if (k < 0)
                        break;
                    c++;
                    i += k + nv.n;
                }
            }
        }
        res = ft_int_from_i64(c);
        goto done;
    }
    ssize_t at = -1;
    if (end - start >= nv.n) {
        int rev = kind == S_RFIND || kind == S_RINDEX;
        at = ft_bytes_find_buf(hv.p + start, end - start, nv.p, nv.n, rev);
        if (at >= 0)
            at += start;
    }
    if (at < 0 && (kind == S_INDEX || kind == S_RINDEX))
        ft_err_set_string(FtExc_ValueError, "subsection not found");
    else
        res = ft_int_from_i64(at);
done:
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&nv);
    return res;
}

FT_BYTES_METHOD_DECL(find) { return search(self, args, nargs, kwnames, "find", S_FIND); }
FT_BYTES_METHOD_DECL(rfind) { return search(self, args, nargs, kwnames, "rfind", S_RFIND); }
FT_BYTES_METHOD_DECL(index) { return search(self, args, nargs, kwnames, "index", S_INDEX); }
FT_BYTES_METHOD_DECL(rindex) { return search(self, args, nargs, kwnames, "rindex", S_RINDEX); }
FT_BYTES_METHOD_DECL(count) { return search(self, args, nargs, kwnames, "count", S_COUNT); }

/* startswith / endswith: one bytes-like prefix or a tuple of them. */
static int affix_one(const FtBytesView *hv, ssize_t start, ssize_t end,
                     FtObject *affix, int at_end, const char *name)
{
    FtBytesView v;
    int r = ft_bytes_view(affix, &v);
    if (r <= 0) {
        if (r == 0)
            ft_err_format(FtExc_TypeError,
                          "%s first arg must be bytes or a tuple of bytes, "
                          "not %s",
                          name, ft_type_name(FT_TYPE(affix)));
        return -1;
    }
    int match = 0;
    if (end - start >= v.n) {
        const char *at = at_end ? hv->p + end - v.n : hv->p + start;
        match = v.n == 0 || memcmp(at, v.p, (size_t)v.n) == 0;
    }
    ft_bytes_view_release(&v);
    return match;
}

static FtObject *affix(ARGS, const char *name, int at_end)
{
    if (ft_arg_count(name, nargs, 1, 3) < 0)
        return NULL;
    FtBytesView hv;
    ssize_t start, end;
    if (self_view(self, &hv) == NULL)
        return NULL;
    int r = range_args(args, nargs, 1, hv.n, &start, &end);
    if (r == 0 && start > hv.n) { /* nothing can match past the end */
        ft_bytes_view_release(&hv);
        return ft_bool_from(0);
    }
    if (r == 0) {
        if (FT_TUPLE_CHECK(args[0])) {
            r = 0;
            for (ssize_t i = 0; i < FT_TUPLE_SIZE(args[0]) && r == 0; i++)
                r = affix_one(&hv, start, end, FT_TUPLE_GET(args[0], i),
                              at_end, name);
        } else {
            r = affix_one(&hv, start, end, args[0], at_end, name);
        }
    }
    ft_bytes_view_release(&hv);
    return r < 0 ? NULL : ft_bool_from(r);
}

FT_BYTES_METHOD_DECL(startswith) { return affix(self, args, nargs, kwnames, "startswith", 0); }
FT_BYTES_METHOD_DECL(endswith) { return affix(self, args, nargs, kwnames, "endswith", 1); }

/* ---- split and join ------------------------------------------------------------- */

/* sep=None, maxsplit=-1 for split/rsplit; *sep is NULL for whitespace. */
static int split_args(const char *name, FtObject *const *args, size_t nargs,
                      FtObject *kwnames, FtBytesView *sep, ssize_t *maxsplit)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    FtObject *a[2];
    if (ft_arg_parse(name, args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return -1;
    *maxsplit = -1;
    if (a[1] != NULL) {
        int64_t m;
        if (ft_number_as_i64(a[1], &m) < 0)
            return -1;
        *maxsplit = m < 0 ? -1 : (ssize_t)m;
    }
    sep->hold = NULL;
    sep->p = NULL;
    if (a[0] == NULL || a[0] == FT_None)
        return 0;
    if (ft_bytes_view_required(a[0], sep) < 0)
        return -1;
    if (sep->n == 0) {
        ft_bytes_view_release(sep);
        ft_err_set_string(FtExc_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static FtObject *do_split(ARGS, int rev)
{
    FtBytesView hv, sep;
    ssize_t maxsplit;
    if (split_args(rev ? "rsplit" : "split", args, nargs, kwnames, &sep,
                   &maxsplit) < 0)
        return NULL;
    if (self_view(self, &hv) == NULL) {
        ft_bytes_view_release(&sep);
        return NULL;
    }
    FtObject *list = ft_list_new(0);
    const char *p = hv.p;
    ssize_t n = hv.n;
    if (list == NULL)
        goto fail;
    if (sep.p == NULL) {
        /* whitespace: runs of ASCII space characters, no empty pieces */
        ssize_t i = rev ? n : 0;
        for (;;) {
            if (!rev) {
                while (i < n && is_space((unsigned char)p[i]))
                    i++;
                if (i >= n)
                    break;
                ssize_t j = i;
                if (maxsplit == 0)
                    j = n;
                else
                    while (j < n && !is_space((unsigned char)p[j]))
                        j++;
                if (push_piece(list, self, p + i, j - i) < 0)
                    goto fail;
                i = j;
            } else {
                while (i > 0 && is_space((unsigned char)p[i - 1]))
                    i--;
                if (i <= 0)
                    break;
                ssize_t j = i;
                if (maxsplit == 0)
                    j = 0;
                else
                    while (j > 0 && !is_space((unsigned char)p[j - 1]))
                        j--;
                if (push_piece(list, self, p + j, i - j) < 0)
                    goto fail;
                i = j;
            }
            if (maxsplit == 0)
                break;
            if (maxsplit > 0)
                maxsplit--;
        }
    } else if (!rev) {
        ssize_t i = 0, k;
        while (maxsplit != 0 &&
               (k = ft_bytes_find_buf(p + i, n - i, sep.p, sep.n, 0)) >= 0) {
            if (push_piece(list, self, p + i, k) < 0)
                goto fail;
            i += k + sep.n;
            if (maxsplit > 0)
                maxsplit--;
        }
        if (push_piece(list, self, p + i, n - i) < 0)
            goto fail;
    } else {
        ssize_t j = n, k;
        while (maxsplit != 0 &&
               (k = ft_bytes_find_buf(p, j, sep.p, sep.n, 1)) >= 0) {
            if (push_piece(list, self, p + k + sep.n, j - k - sep.n) < 0)
                goto fail;
            j = k;
            if (maxsplit > 0)
                maxsplit--;
        }
        if (push_piece(list, self, p, j) < 0)
            goto fail;
    }
    if (rev && ft_list_reverse(list) < 0)
        goto fail;
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&sep);
    return list;
fail:
    FT_XDECREF(list);
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&sep);
    return NULL;
}

FT_BYTES_METHOD_DECL(split) { return do_split(self, args, nargs, kwnames, 0); }
FT_BYTES_METHOD_DECL(rsplit) { return do_split(self, args, nargs, kwnames, 1); }

FT_BYTES_METHOD_DECL(splitlines)
{
    static const char *const kwlist[] = {"keepends", NULL};
    FtObject *a[1];
    if (ft_arg_parse("splitlines", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0] != NULL && (keep = ft_object_is_true(a[0])) < 0)
        return NULL;
    FtBytesView hv;
    if (self_view(self, &hv) == NULL)
        return NULL;
    FtObject *list = ft_list_new(0);
    for (ssize_t i = 0; list != NULL && i < hv.n;) {
        ssize_t j = i;
        while (j < hv.n && hv.p[j] != '\n' && hv.p[j] != '\r')
            j++;
        ssize_t eol = j;
        if (j < hv.n)
            j += (hv.p[j] == '\r' && j + 1 < hv.n && hv.p[j + 1] == '\n') ? 2 : 1;
        if (push_piece(list, self, hv.p + i, (keep ? j : eol) - i) < 0)
            FT_CLEAR(list);
        i = j;
    }
    ft_bytes_view_release(&hv);
    return list;
}

FT_BYTES_METHOD_DECL(join)
{
    if (ft_arg_count("join", nargs, 1, 1) < 0)
        return NULL;
    FtObject *items = ft_list_from_iterable(args[0]);
    if (items == NULL)
        return NULL;
    FtBytesView sep;
    FtObject *res = NULL;
    char *buf = NULL;
    if (self_view(self, &sep) == NULL) {
        FT_DECREF(items);
        return NULL;
    }
    /* items is ours alone: nobody else can change it while we walk it. */
    ssize_t n = FT_LIST_SIZE(items), total = 0, len = 0, cap = 0;
    for (ssize_t i = 0; i < n; i++) {
        FtBytesView v;
        int r = ft_bytes_view(FT_LIST_ITEMS(items)[i], &v);
        if (r <= 0) {
            if (r == 0)
                ft_err_format(FtExc_TypeError,
                              "sequence item %zd: expected a bytes-like "
                              "object, %s found",
                              i, ft_type_name(FT_TYPE(FT_LIST_ITEMS(items)[i])));
            goto done;
        }
        total = len + v.n + (i > 0 ? sep.n : 0);
        if (total > cap) {
            ssize_t nc = total * 2 + 16;
            char *nb = ft_mem_realloc(buf, (size_t)nc);
            if (nb == NULL) {
                ft_bytes_view_release(&v);
                ft_err_no_memory();
                goto done;
            }
            buf = nb;
            cap = nc;
        }
        if (i > 0 && sep.n > 0) {
            memcpy(buf + len, sep.p, (size_t)sep.n);
            len += sep.n;
        }
        if (v.n > 0) { /* buf is still NULL while everything is empty */
            memcpy(buf + len, v.p, (size_t)v.n);
            len += v.n;
        }
        ft_bytes_view_release(&v);
    }
    res = ft_bytes_like_new(self, buf ? buf : "", len);
done:
    ft_mem_free(buf);
    ft_bytes_view_release(&sep);
    FT_DECREF(items);
    return res;
}

/* ---- strip and replace ------------------------------------------------------------ */

static FtObject *do_strip(ARGS, const char *name, int left, int right)
{
    if (ft_arg_count(name, nargs, 0, 1) < 0)
        return NULL;
    FtBytesView chars = {NULL, 0, NULL}, hv;
    if (nargs == 1 && args[0] != FT_None &&
        ft_bytes_view_required(args[0], &chars) < 0)
        return NULL;
    if (self_view(self, &hv) == NULL) {
        ft_bytes_view_release(&chars);
        return NULL;
    }
    ssize_t i = 0, j = hv.n;
#define STRIPPED(c)                                                            \
    (chars.p == NULL ? is_space((unsigned char)(c))                            \
                     : chars.n > 0 && memchr(chars.p, (unsigned char)(c),      \
                                             (size_t)chars.n) != NULL)
    if (left)
        while (i < j && STRIPPED(hv.p[i]))
            i++;
    if (right)
        while (j > i && STRIPPED(hv.p[j - 1]))
            j--;
#undef STRIPPED
    FtObject *r = ft_bytes_like_new(self, hv.p + i, j - i);
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&chars);
    return r;
}

FT_BYTES_METHOD_DECL(strip) { return do_strip(self, args, nargs, kwnames, "strip", 1, 1); }
FT_BYTES_METHOD_DECL(lstrip) { return do_strip(self, args, nargs, kwnames, "lstrip", 1, 0); }
FT_BYTES_METHOD_DECL(rstrip) { return do_strip(self, args, nargs, kwnames, "rstrip", 0, 1); }

/* A growable output buffer for replace. */
typedef struct {
    char *p;
    ssize_t len, cap;
} OutBuf;

static int out_add(OutBuf *o, const char *p, ssize_t n)
{
    if (n == 0) /* o->p may still be NULL: no memcpy to it */
        return 0;
    if (n > SSIZE_MAX / 4 - o->len) {
        ft_err_no_memory();
        return -1;
    }
    if (o->len + n > o->cap) {
        ssize_t nc = (o->len + n) * 2 + 16;
        char *nb = ft_mem_realloc(o->p, (size_t)nc);
        if (nb == NULL) {
            ft_err_no_memory();
            return -1;
        }
        o->p = nb;
        o->cap = nc;
    }
    memcpy(o->p + o->len, p, (size_t)n);
    o->len += n;
    return 0;
}

FT_BYTES_METHOD_DECL(replace)
{
    if (ft_arg_count("replace", nargs, 2, 3) < 0)
        return NULL;
    int64_t count = -1;
    if (nargs == 3 && ft_number_as_i64(args[2], &count) < 0)
        return NULL;
    FtBytesView hv, ov, nv;
    if (ft_bytes_view_required(args[0], &ov) < 0)
        return NULL;
    if (ft_bytes_view_required(args[1], &nv) < 0) {
        ft_bytes_view_release(&ov);
        return NULL;
    }
    FtObject *res = NULL;
    OutBuf out = {NULL, 0, 0};
    if (self_view(self, &hv) == NULL)
        goto done;
    if (ov.n == 0) {
        /* an empty old matches before every byte and at the end */
        for (ssize_t i = 0; i <= hv.n; i++) {
            if ((count < 0 || i < count) && out_add(&out, nv.p, nv.n) < 0)
                goto done;
            if (i < hv.n && out_add(&out, hv.p + i, 1) < 0)
                goto done;
        }
    } else {
        ssize_t i = 0, k;
        while (count != 0 &&
               (k = ft_bytes_find_buf(hv.p + i, hv.n - i, ov.p, ov.n, 0)) >= 0) {
            if (out_add(&out, hv.p + i, k) < 0 || out_add(&out, nv.p, nv.n) < 0)
                goto done;
            i += k + ov.n;
            if (count > 0)
                count--;
        }
        if (out_add(&out, hv.p + i, hv.n - i) < 0)
            goto done;
    }
    res = ft_bytes_like_new(self, out.p ? out.p : "", out.len);
done:
    ft_mem_free(out.p);
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&ov);
    ft_bytes_view_release(&nv);
    return res;
}

/* ---- ASCII case and classes ---------------------------------------------------------- */

static FtObject *map_case(FtObject *self, int upper)
{
    FtBytesView hv;
    if (self_view(self, &hv) == NULL)
        return NULL;
    FtObject *r = ft_bytes_like_new(self, hv.p, hv.n);
    if (r != NULL) {
        char *d = FT_BYTES_CHECK(r) ? FT_BYTES_MDATA(r)
                                    : ((FtByteArrayObject *)r)->data;
        for (ssize_t i = 0; i < hv.n; i++) {
            char c = d[i];
            if (upper && c >= 'a' && c <= 'z')
                d[i] = (char)(c - 32);
            else if (!upper && c >= 'A' && c <= 'Z')
                d[i] = (char)(c + 32);
        }
    }
    ft_bytes_view_release(&hv);
    return r;
}

FT_BYTES_METHOD_DECL(upper) { return map_case(self, 1); }
FT_BYTES_METHOD_DECL(lower) { return map_case(self, 0); }

enum { C_DIGIT, C_ALPHA, C_ALNUM, C_SPACE };

static FtObject *all_class(FtObject *self, int cls)
{
    FtBytesView hv;
    if (self_view(self, &hv) == NULL)
        return NULL;
    int ok = hv.n > 0;
    for (ssize_t i = 0; ok && i < hv.n; i++) {
        unsigned char c = (unsigned char)hv.p[i];
        int d = c >= '0' && c <= '9';
        int a = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        ok = cls == C_DIGIT   ? d
             : cls == C_ALPHA ? a
             : cls == C_ALNUM ? a || d
                              : is_space(c);
    }
    ft_bytes_view_release(&hv);
    return ft_bool_from(ok);
}

FT_BYTES_METHOD_DECL(isdigit) { return all_class(self, C_DIGIT); }
FT_BYTES_METHOD_DECL(isalpha) { return all_class(self, C_ALPHA); }
FT_BYTES_METHOD_DECL(isalnum) { return all_class(self, C_ALNUM); }
FT_BYTES_METHOD_DECL(isspace) { return all_class(self, C_SPACE); }

/* ---- hex, fromhex, decode ----------------------------------------------------------- */

FT_BYTES_METHOD_DECL(hex)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    static const char hexd[] = "0123456789abcdef";
    FtObject *a[2];
    if (ft_arg_parse("hex", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    char sepc = 0;
    int64_t per = 1;
    if (a[0] != NULL) {
        FtBytesView sv;
        const char *sp;
        ssize_t sn;
        int have_view = 0;
        if (FT_STR_CHECK(a[0])) {
            sp = FT_STR_DATA(a[0]);
            sn = FT_STR_LEN(a[0]);
        } else {
            if (ft_bytes_view_required(a[0], &sv) < 0)
                return NULL;
            have_view = 1;
            sp = sv.p;
            sn = sv.n;
        }
        if (sn != 1 || (unsigned char)sp[0] >= 0x80) {
            if (have_view)
                ft_bytes_view_release(&sv);
            ft_err_set_string(FtExc_ValueError,
                              sn != 1 ? "sep must be length 1."
                                      : "sep must be ASCII.");
            return NULL;
        }
        sepc = sp[0];
        if (have_view)
            ft_bytes_view_release(&sv);
        if (a[1] != NULL && ft_number_as_i64(a[1], &per) < 0)
            return NULL;
    }
    FtBytesView hv;
    if (self_view(self, &hv) == NULL)
        return NULL;
    int64_t group = per < 0 ? -per : per;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    for (ssize_t i = 0; i < hv.n; i++) {
        /* groups of `group` bytes, counted from the right when per > 0 */
        if (sepc && i > 0 && group > 0) {
            int64_t pos = per > 0 ? hv.n - i : i;
            if (pos % group == 0 && ft_sb_append_char(&sb, sepc) < 0)
                goto fail;
        }
        unsigned char c = (unsigned char)hv.p[i];
        char two[2] = {hexd[c >> 4], hexd[c & 15]};
        if (ft_sb_append(&sb, two, 2) < 0)
            goto fail;
    }
    ft_bytes_view_release(&hv);
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    ft_bytes_view_release(&hv);
    return NULL;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A classmethod: self is the type. */
FT_BYTES_METHOD_DECL(fromhex)
{
    if (ft_arg_count("fromhex", nargs, 1, 1) < 0)
        return NULL;
    if (!FT_STR_CHECK(args[0])) {
        ft_err_format(FtExc_TypeError,
                      "fromhex() argument must be str, not %s",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    const char *s = FT_STR_DATA(args[0]);
    ssize_t n = FT_STR_NBYTES(args[0]);
    FtObject *b = ft_bytes_new(n / 2);
    if (b == NULL)
        return NULL;
    ssize_t len = 0, i = 0;
    for (;;) {
        while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
            i++;
        if (i >= n)
            break;
        int hi = hexval((unsigned char)s[i]);
        int lo = i + 1 < n ? hexval((unsigned char)s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            /* the position counts characters, as CPython's does */
            ssize_t bad = hi < 0 ? i : i + 1;
            ssize_t cpos = 0;
            for (ssize_t k = 0; k < bad; k++)
                cpos += ((unsigned char)s[k] & 0xC0) != 0x80;
            FT_DECREF(b);
            ft_err_format(FtExc_ValueError,
                          "non-hexadecimal number found in fromhex() arg at "
                          "position %zd",
                          cpos);
            return NULL;
        }
        FT_BYTES_MDATA(b)[len++] = (char)(hi * 16 + lo);
        i += 2;
    }
    if (ft_bytes_shrink(&b, len) < 0)
        return NULL;
    if ((FtType *)self == &FtBytes_Type)
        return b;
    FtObject *r = ft_bytearray_from_buf(FT_BYTES_DATA(b), (size_t)len);
    FT_DECREF(b);
    return r;
}

FT_BYTES_METHOD_DECL(decode)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    FtObject *a[2];
    if (ft_arg_parse("decode", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    const char *enc[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        if (a[k] == NULL)
            continue;
        if (!FT_STR_CHECK(a[k])) {
            ft_err_format(FtExc_TypeError,
                          "decode() argument '%s' must be str, not %s",
                          kwlist[k],
                          a[k] == FT_None ? "None" : ft_type_name(FT_TYPE(a[k])));
            return NULL;
        }
        enc[k] = FT_STR_DATA(a[k]);
    }
    FtBytesView hv;
    if (self_view(self, &hv) == NULL)
        return NULL;
    FtObject *r = ft_bytes_decode_buf(hv.p, hv.n, enc[0], enc[1]);
    ft_bytes_view_release(&hv);
    return r;
}
