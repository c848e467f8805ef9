/* objects/bytes_more.c — the rest of the methods bytes and bytearray
 * share: partition/rpartition, removeprefix/removesuffix, padding (ljust, rjust,
 * center, zfill), ASCII case mapping (capitalize, swapcase, title),
 * islower/isupper/isascii, translate and maketrans. Like
 * bytes_methods.c, each works on a view of self and answers with self's
 * type.
 */
#include "objects/bytes_impl.h"
#include "objects/object.h"

#include <limits.h>
#include <string.h>

static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* A self-typed result of n bytes to fill through *out (NULL on error). */
static FtObject *new_like(FtObject *self, ssize_t n, char **out)
{
    FtObject *r;
    if (FT_BYTEARRAY_CHECK(self)) {
        FtObject *tmp = ft_bytes_new(n);
        if (tmp == NULL)
            return NULL;
        r = ft_bytearray_from_buf(FT_BYTES_DATA(tmp), (size_t)n);
        FT_DECREF(tmp);
        if (r != NULL)
            *out = ((FtByteArrayObject *)r)->data;
    } else {
        r = ft_bytes_new(n);
        if (r != NULL)
            *out = FT_BYTES_MDATA(r);
    }
    return r;
}

/* partition (the first sep) and rpartition (the last): a self-typed
 * 3-tuple; without sep, self's bytes go first or last. */
static FtObject *partition(FtObject *self, FtObject *const *args,
                           size_t nargs, const char *name, int right)
{
    if (ft_arg_count(name, nargs, 1, 1) < 0)
        return NULL;
    FtBytesView hv, sep;
    if (ft_bytes_view_required(args[0], &sep) < 0)
        return NULL;
    if (sep.n == 0) {
        ft_bytes_view_release(&sep);
        ft_err_set_string(FtExc_ValueError, "empty separator");
        return NULL;
    }
    if (ft_bytes_view(self, &hv) < 0) {
        ft_bytes_view_release(&sep);
        return NULL;
    }
    ssize_t k = ft_bytes_find_buf(hv.p, hv.n, sep.p, sep.n, right);
    FtObject *a, *b, *c;
    if (k < 0) {
        a = ft_bytes_like_new(self, right ? "" : hv.p, right ? 0 : hv.n);
        b = ft_bytes_like_new(self, "", 0);
        c = ft_bytes_like_new(self, right ? hv.p : "", right ? hv.n : 0);
    } else {
        a = ft_bytes_like_new(self, hv.p, k);
        b = ft_bytes_like_new(self, sep.p, sep.n);
        c = ft_bytes_like_new(self, hv.p + k + sep.n, hv.n - k - sep.n);
    }
    FtObject *t = (a && b && c) ? ft_tuple_pack(3, a, b, c) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    FT_XDECREF(c);
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&sep);
    return t;
}

FT_BYTES_METHOD_DECL(partition)
{
    return partition(self, args, nargs, "partition", 0);
}

FT_BYTES_METHOD_DECL(rpartition)
{
    return partition(self, args, nargs, "rpartition", 1);
}

static FtObject *remove_affix(FtObject *self, FtObject *const *args,
                              size_t nargs, const char *name, int suffix)
{
    if (ft_arg_count(name, nargs, 1, 1) < 0)
        return NULL;
    FtBytesView hv, av;
    if (ft_bytes_view_required(args[0], &av) < 0)
        return NULL;
    if (ft_bytes_view(self, &hv) < 0) {
        ft_bytes_view_release(&av);
        return NULL;
    }
    const char *p = hv.p;
    ssize_t n = hv.n;
    if (av.n > 0 && av.n <= n &&
        memcmp(suffix ? p + n - av.n : p, av.p, (size_t)av.n) == 0) {
        n -= av.n;
        if (!suffix)
            p += av.n;
    }
    FtObject *r = ft_bytes_like_new(self, p, n);
    ft_bytes_view_release(&hv);
    ft_bytes_view_release(&av);
    return r;
}

FT_BYTES_METHOD_DECL(removeprefix)
{
    return remove_affix(self, args, nargs, "removeprefix", 0);
}

FT_BYTES_METHOD_DECL(removesuffix)
{
    return remove_affix(self, args, nargs, "removesuffix", 1);
}

/* ---- padding ------------------------------------------------------------------ */

enum { PAD_LEFT, PAD_RIGHT, PAD_CENTER };

static FtObject *pad(FtObject *self, FtObject *const *args, size_t nargs,
                     const char *name, int how)
{
    if (ft_arg_count(name, nargs, 1, 2) < 0)
        return NULL;
    int64_t width;
    if (ft_number_as_i64(args[0], &width) < 0)
        return NULL;
    char fill = ' ';
    if (nargs == 2) {
        FtObject *f = args[1];
        if (!ft_bytes_like_check(f) || ft_object_len(f) != 1) {
            ft_err_format(FtExc_TypeError,
                          "%s() argument 2 must be a byte string of length "
                          "1, not %s",
                          name, ft_type_name(FT_TYPE(f)));
            return NULL;
        }
        FtBytesView fv;
        if (ft_bytes_view(f, &fv) < 0)
            return NULL;
        fill = fv.p[0];
        ft_bytes_view_release(&fv);
    }
    FtBytesView hv;
    if (ft_bytes_view(self, &hv) < 0)
        return NULL;
    FtObject *r;
    char *d;
    if (width <= hv.n || width > SSIZE_MAX / 2) {
        r = width > SSIZE_MAX / 2 ? ft_err_no_memory()
                                  : ft_bytes_like_new(self, hv.p, hv.n);
    } else if ((r = new_like(self, (ssize_t)width, &d)) != NULL) {
        ssize_t total = (ssize_t)width - hv.n, left;
        if (how == PAD_LEFT)
            left = 0;
        else if (how == PAD_RIGHT)
            left = total;
        else /* CPython puts the odd byte left when the width is odd */
            left = total / 2 + (total & (ssize_t)width & 1);
        memset(d, fill, (size_t)width);
        memcpy(d + left, hv.p, (size_t)hv.n);
    }
    ft_bytes_view_release(&hv);
    return r;
}

FT_BYTES_METHOD_DECL(ljust) { return pad(self, args, nargs, "ljust", PAD_LEFT); }
FT_BYTES_METHOD_DECL(rjust) { return pad(self, args, nargs, "rjust", PAD_RIGHT); }
FT_BYTES_METHOD_DECL(center) { return pad(self, args, nargs, "center", PAD_CENTER); }

FT_BYTES_METHOD_DECL(zfill)
{
    if (ft_arg_count("zfill", nargs, 1, 1) < 0)
        return NULL;
    int64_t width;
    if (ft_number_as_i64(args[0], &width) < 0)
        return NULL;
    FtBytesView hv;
    if (ft_bytes_view(self, &hv) < 0)
        return NULL;
    FtObject *r;
    char *d;
    if (width <= hv.n || width > SSIZE_MAX / 2) {
        r = width > SSIZE_MAX / 2 ? ft_err_no_memory()
                                  : ft_bytes_like_new(self, hv.p, hv.n);
    } else if ((r = new_like(self, (ssize_t)width, &d)) != NULL) {
        ssize_t filln = (ssize_t)width - hv.n;
        memset(d, '0', (size_t)filln);
        memcpy(d + filln, hv.p, (size_t)hv.n);
        if (hv.n > 0 && (hv.p[0] == '+' || hv.p[0] == '-')) {
            d[0] = hv.p[0]; /* the sign goes in front of the zeros */
            d[filln] = '0';
        }
    }
    ft_bytes_view_release(&hv);
    return r;
}

/* ---- case mapping and classes ----------------------------------------------------- */

enum { CASE_CAPITALIZE, CASE_SWAP, CASE_TITLE };

static FtObject *map_case(FtObject *self, int how)
{
    FtBytesView hv;
    if (ft_bytes_view(self, &hv) < 0)
        return NULL;
    char *d;
    FtObject *r = new_like(self, hv.n, &d);
    int prev_cased = 0;
    for (ssize_t i = 0; r != NULL && i < hv.n; i++) {
        unsigned char c = (unsigned char)hv.p[i];
        int up;
        if (how == CASE_SWAP)
            up = is_lower(c);
        else if (how == CASE_CAPITALIZE)
            up = i == 0;
        else
            up = !prev_cased;
        if (up && is_lower(c))
            c = (unsigned char)(c - 32);
        else if (!up && is_upper(c) && how != CASE_SWAP)
            c = (unsigned char)(c + 32);
        else if (how == CASE_SWAP && is_upper(c))
            c = (unsigned char)(c + 32);
        prev_cased = is_lower(c) || is_upper(c);
        d[i] = (char)c;
    }
    ft_bytes_view_release(&hv);
    return r;
}

FT_BYTES_METHOD_DECL(capitalize) { return map_case(self, CASE_CAPITALIZE); }
FT_BYTES_METHOD_DECL(swapcase) { return map_case(self, CASE_SWAP); }
FT_BYTES_METHOD_DECL(title) { return map_case(self, CASE_TITLE); }

enum { IS_LOWER, IS_UPPER, IS_ASCII };

static FtObject *is_class(FtObject *self, int what)
{
    FtBytesView hv;
    if (ft_bytes_view(self, &hv) < 0)
        return NULL;
    int cased = 0, ok = 1;
    for (ssize_t i = 0; ok && i < hv.n; i++) {
        unsigned char c = (unsigned char)hv.p[i];
        if (what == IS_ASCII)
            ok = c < 0x80;
        else if (what == IS_LOWER)
            ok = !is_upper(c), cased |= is_lower(c);
        else
            ok = !is_lower(c), cased |= is_upper(c);
    }
    ft_bytes_view_release(&hv);
    return ft_bool_from(what == IS_ASCII ? ok : ok && cased);
}

FT_BYTES_METHOD_DECL(islower) { return is_class(self, IS_LOWER); }
FT_BYTES_METHOD_DECL(isupper) { return is_class(self, IS_UPPER); }
FT_BYTES_METHOD_DECL(isascii) { return is_class(self, IS_ASCII); }

/* ---- translate and maketrans -------------------------------------------------------- */

FT_BYTES_METHOD_DECL(translate)
{
    static const char *const kwlist[] = {"table", "delete", NULL};
    FtObject *a[2];
    if (ft_arg_parse("translate", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    FtBytesView tv = {NULL, 0, NULL}, dv = {"", 0, NULL}, hv;
    if (a[0] != FT_None) {
        if (ft_bytes_view_required(a[0], &tv) < 0)
            return NULL;
        if (tv.n != 256) {
            ft_bytes_view_release(&tv);
            ft_err_set_string(FtExc_ValueError,
                              "translation table must be 256 characters "
                              "long");
            return NULL;
        }
    }
    if (a[1] != NULL && ft_bytes_view_required(a[1], &dv) < 0) {
        ft_bytes_view_release(&tv);
        return NULL;
    }
    FtObject *r = NULL;
    if (ft_bytes_view(self, &hv) < 0)
        goto done;
    char drop[256] = {0};
    for (ssize_t i = 0; i < dv.n; i++)
        drop[(unsigned char)dv.p[i]] = 1;
    FtObject *tmp = ft_bytes_new(hv.n);
    if (tmp != NULL) {
        ssize_t k = 0;
        for (ssize_t i = 0; i < hv.n; i++) {
            unsigned char c = (unsigned char)hv.p[i];
            if (!drop[c])
                FT_BYTES_MDATA(tmp)[k++] = tv.p ? tv.p[c] : (char)c;
        }
        r = ft_bytes_like_new(self, FT_BYTES_DATA(tmp), k);
        FT_DECREF(tmp);
    }
    ft_bytes_view_release(&hv);
done:
    ft_bytes_view_release(&tv);
    ft_bytes_view_release(&dv);
    return r;
}

/* A staticmethod: self is NULL. */
FT_BYTES_METHOD_DECL(maketrans)
{
    if (ft_arg_count("maketrans", nargs, 2, 2) < 0)
        return NULL;
    FtBytesView fv, tv;
    if (ft_bytes_view_required(args[0], &fv) < 0)
        return NULL;
    if (ft_bytes_view_required(args[1], &tv) < 0) {
        ft_bytes_view_release(&fv);
        return NULL;
    }
    FtObject *r = NULL;
    if (fv.n != tv.n) {
        ft_err_set_string(FtExc_ValueError,
                          "maketrans arguments must have same length");
    } else if ((r = ft_bytes_new(256)) != NULL) {
        for (int i = 0; i < 256; i++)
            FT_BYTES_MDATA(r)[i] = (char)i;
        for (ssize_t i = 0; i < fv.n; i++)
            FT_BYTES_MDATA(r)[(unsigned char)fv.p[i]] = tv.p[i];
    }
    ft_bytes_view_release(&fv);
    ft_bytes_view_release(&tv);
    return r;
}
