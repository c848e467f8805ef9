/* objects/str_split.c — the str methods that cut a string into pieces or
 * glue pieces together: split, rsplit, splitlines, partition, rpartition
 * and join (ft_str_join). Offsets are bytes; UTF-8 keeps them on
 * character boundaries.
 */
#define _GNU_SOURCE
#include "objects/object.h"
#include "objects/str_impl.h"

#include <string.h>

#define SELF FT_STR(self)

static FtObject *self_exact(FtObject *self)
{
    return ft_str_exact(self);
}

static int append_sub(FtObject *list, FtObject *self, ssize_t b0, ssize_t b1)
{
    FtObject *x = ft_str_substr(self, b0, b1);
    if (x == NULL)
        return -1;
    int rc = ft_list_append(list, x);
    FT_DECREF(x);
    return rc;
}

/* ---- split family -------------------------------------------------------- */

static inline int space_at(const char *p, ssize_t i, int *len)
{
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) {
        *len = 1;
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }
    return ft_cp_isspace(ft_utf8_decode(p + i, len));
}

static FtObject *split_whitespace(FtObject *self, ssize_t maxsplit)
{
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    const char *p = SELF->data;
    ssize_t n = SELF->nbytes, i = 0;
    int len;
    for (;;) {
        while (i < n && space_at(p, i, &len))
            i += len;
        if (i >= n)
            break;
        if (maxsplit == 0) {
            if (append_sub(list, self, i, n) < 0)
                goto fail;
            break;
        }
        ssize_t j = i;
        while (j < n && !space_at(p, j, &len))
            j += len;
        if (append_sub(list, self, i, j) < 0)
            goto fail;
        if (maxsplit > 0)
            maxsplit--;
        i = j;
    }
    return list;
fail:
    FT_DECREF(list);
    return NULL;
}

static FtObject *rsplit_whitespace(FtObject *self, ssize_t maxsplit)
{
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    const char *p = SELF->data;
    ssize_t j = SELF->nbytes;
    int len;
    for (;;) {
        while (j > 0) {
            ssize_t k = ft_utf8_prev(p, j);
            if (!space_at(p, k, &len))
                break;
            j = k;
        }
        if (j <= 0)
            break;
        if (maxsplit == 0) {
            if (append_sub(list, self, 0, j) < 0)
                goto fail;
            break;
        }
        ssize_t i = j;
        while (i > 0) {
            ssize_t k = ft_utf8_prev(p, i);
            if (space_at(p, k, &len))
                break;
            i = k;
        }
        if (append_sub(list, self, i, j) < 0)
            goto fail;
        if (maxsplit > 0)
            maxsplit--;
        j = i;
    }
    if (ft_list_reverse(list) < 0)
        goto fail;
    return list;
fail:
    FT_DECREF(list);
    return NULL;
}

static FtObject *split_sep(FtObject *self, FtObject *sep, ssize_t maxsplit,
                           int reverse)
{
    const char *p = SELF->data, *sp = FT_STR_DATA(sep);
    ssize_t n = SELF->nbytes, sn = FT_STR_NBYTES(sep);
    if (sn == 0) {
        ft_err_set_string(FtExc_ValueError, "empty separator");
        return NULL;
    }
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    if (!reverse) {
        ssize_t i = 0;
        while (maxsplit != 0) {
            ssize_t f = ft_bytes_find(p + i, n - i, sp, sn);
            if (f < 0)
                break;
            if (append_sub(list, self, i, i + f) < 0)
                goto fail;
            i += f + sn;
            if (maxsplit > 0)
                maxsplit--;
        }
        if (append_sub(list, self, i, n) < 0)
            goto fail;
    } else {
        ssize_t j = n;
        while (maxsplit != 0) {
            ssize_t f = ft_bytes_rfind(p, j, sp, sn);
            if (f < 0)
                break;
            if (append_sub(list, self, f + sn, j) < 0)
                goto fail;
            j = f;
            if (maxsplit > 0)
                maxsplit--;
        }
        if (append_sub(list, self, 0, j) < 0 || ft_list_reverse(list) < 0)
            goto fail;
    }
    return list;
fail:
    FT_DECREF(list);
    return NULL;
}

static FtObject *split_common(const char *name, FtObject *self,
                              FtObject *const *args, size_t nargs,
                              FtObject *kwnames, int reverse)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    FtObject *a[2] = {NULL, NULL};
    if (kwnames == NULL && nargs <= 2) {
        for (size_t i = 0; i < nargs; i++)
            a[i] = args[i];
    } else if (ft_arg_parse(name, args, nargs, kwnames, kwlist, 0, 2, a) < 0) {
        return NULL;
    }
    ssize_t maxsplit = -1;
    if (a[1] != NULL && ft_str_arg_index(a[1], &maxsplit) < 0)
        return NULL;
    if (a[0] == NULL || a[0] == FT_None)
        return reverse ? rsplit_whitespace(self, maxsplit)
                       : split_whitespace(self, maxsplit);
    if (!FT_STR_CHECK(a[0])) {
        ft_err_format(FtExc_TypeError, "must be str or None, not %s",
                      ft_type_name(FT_TYPE(a[0])));
        return NULL;
    }
    return split_sep(self, a[0], maxsplit, reverse);
}

FtObject *ft_strm_split(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return split_common("split", self, args, nargs, kwnames, 0);
}
FtObject *ft_strm_rsplit(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return split_common("rsplit", self, args, nargs, kwnames, 1);
}

FtObject *ft_strm_splitlines(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"keepends", NULL};
    FtObject *a[1] = {NULL};
    if (ft_arg_parse("splitlines", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    int keepends = 0;
    if (a[0] != NULL) {
        ssize_t k;
        if (ft_str_arg_index(a[0], &k) < 0)
            return NULL;
        keepends = k != 0;
    }
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    const char *p = SELF->data;
    ssize_t n = SELF->nbytes, start = 0, i = 0;
    while (i < n) {
        int len;
        uint32_t cp = ft_utf8_cp_at(p, i, &len);
        if (!ft_cp_islinebreak(cp)) {
            i += len;
            continue;
        }
        ssize_t eol = i + len;
        if (cp == '\r' && eol < n && p[eol] == '\n')
            eol++;
        if (append_sub(list, self, start, keepends ? eol : i) < 0)
            goto fail;
        start = i = eol;
    }
    if (start < n && append_sub(list, self, start, n) < 0)
        goto fail;
    return list;
fail:
    FT_DECREF(list);
    return NULL;
}

static FtObject *partition_common(FtObject *self, FtObject *sep, int reverse)
{
    if (ft_str_need_str(sep) < 0)
        return NULL;
    ssize_t sn = FT_STR_NBYTES(sep), n = SELF->nbytes;
    if (sn == 0) {
        ft_err_set_string(FtExc_ValueError, "empty separator");
        return NULL;
    }
    ssize_t f = reverse ? ft_bytes_rfind(SELF->data, n, FT_STR_DATA(sep), sn)
                        : ft_bytes_find(SELF->data, n, FT_STR_DATA(sep), sn);
    FtObject *a, *b, *c;
    if (f < 0) {
        a = reverse ? ft_str_new_empty() : self_exact(self);
        b = ft_str_new_empty();
        c = reverse ? self_exact(self) : ft_str_new_empty();
    } else {
        a = ft_str_substr(self, 0, f);
        b = ft_str_exact(sep);
        c = ft_str_substr(self, f + sn, n);
    }
    FtObject *t = (a && b && c) ? ft_tuple_new(3) : NULL;
    if (t == NULL) {
        FT_XDECREF(a);
        FT_XDECREF(b);
        FT_XDECREF(c);
        return NULL;
    }
    FT_TUPLE_SET(t, 0, a);
    FT_TUPLE_SET(t, 1, b);
    FT_TUPLE_SET(t, 2, c);
    return t;
}

FtObject *ft_strm_partition(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kw)
{
    if (ft_arg_count("str.partition", nargs, 1, 1) < 0)
        return NULL;
    return partition_common(self, args[0], 0);
}
FtObject *ft_strm_rpartition(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kw)
{
    if (ft_arg_count("str.rpartition", nargs, 1, 1) < 0)
        return NULL;
    return partition_common(self, args[0], 1);
}

/* ---- join ---------------------------------------------------------------- */

static FtObject *join_items(FtObject *sep, FtObject *const *items, ssize_t n)
{
    if (n == 0)
        return ft_str_new_empty();
    if (n == 1 && FT_STR_CHECK_EXACT(items[0]))
        return FT_NEWREF(items[0]);
    FtStrObject *s = FT_STR(sep);
    ssize_t total = 0, length = 0;
    int ascii = s->is_ascii;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *x = items[i];
        if (!FT_STR_CHECK(x)) {
            ft_err_format(FtExc_TypeError,
                          "sequence item %zd: expected str instance, %s found",
                          i, ft_type_name(FT_TYPE(x)));
            return NULL;
        }
        if (FT_STR_NBYTES(x) > SSIZE_MAX / 2 - total)
            return ft_err_no_memory();
        total += FT_STR_NBYTES(x);
        length += FT_STR_LEN(x);
        ascii &= FT_STR(x)->is_ascii;
    }
    if (s->nbytes > 0) {
        if ((SSIZE_MAX / 2 - total) / s->nbytes < n - 1)
            return ft_err_no_memory();
        total += s->nbytes * (n - 1);
        length += s->length * (n - 1);
    }
    FtObject *r = ft_str_alloc(total);
    if (r == NULL)
        return NULL;
    char *d = FT_STR_DATA(r);
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0 && s->nbytes > 0) {
            if (s->nbytes == 1)
                *d = s->data[0];
            else
                memcpy(d, s->data, (size_t)s->nbytes);
            d += s->nbytes;
        }
        ssize_t k = FT_STR_NBYTES(items[i]);
        memcpy(d, FT_STR_DATA(items[i]), (size_t)k);
        d += k;
    }
    ft_str_set_info(r, length, ascii);
    return r;
}

FtObject *ft_str_join(FtObject *sep, FtObject *iterable)
{
    /* Only str items are accepted and checking them runs no Python code,
     * so the items of an exact list or tuple can be read in place (a list
     * inside its critical section: another thread may be changing it). */
    if (FT_LIST_CHECK_EXACT(iterable)) {
        FtObject *r;
        FT_BEGIN_CRITICAL_SECTION(iterable);
        r = join_items(sep, FT_LIST_ITEMS(iterable), FT_LIST_SIZE(iterable));
        FT_END_CRITICAL_SECTION();
        return r;
    }
    if (FT_TUPLE_CHECK_EXACT(iterable))
        return join_items(sep, ((FtTupleObject *)iterable)->items,
                          FT_TUPLE_SIZE(iterable));
    FtObject *it = ft_object_iter(iterable);
    if (it == NULL) {
        if (ft_err_matches(FtExc_TypeError)) {
            ft_err_clear();
            ft_err_set_string(FtExc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    FtObject *list = ft_list_new(0);
    if (list == NULL) {
        FT_DECREF(it);
        return NULL;
    }
    FtObject *x;
    while ((x = ft_iter_next(it)) != NULL) {
        int rc = ft_list_append(list, x);
        FT_DECREF(x);
        if (rc < 0)
            break;
    }
    FT_DECREF(it);
    FtObject *r = NULL;
    if (!ft_err_occurred())
        r = join_items(sep, FT_LIST_ITEMS(list), FT_LIST_SIZE(list));
    FT_DECREF(list);
    return r;
}

FtObject *ft_strm_join(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kw)
{
    if (ft_arg_count("str.join", nargs, 1, 1) < 0)
        return NULL;
    return ft_str_join(self, args[0]);
}
