/* objects/str.c — the str type: allocation, the one-character cache,
 * constructors, hashing, comparison, indexing and slicing, iteration, the
 * + * % operators, repr, interning and ft_str_from_format. Methods live in
 * str_methods.c, formatting in str_format.c, the builder in strbuilder.c.
 */
#define _GNU_SOURCE
#include "objects/object.h"
#include "objects/str_impl.h"
#include "runtime/lock.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

FtObject *ft_str_empty_obj;
FtObject *ft_str_char_cache[128];
/* One-char strings for U+0080..U+00FF, filled at start-up. */
static FtObject *latin1_cache[128];

/* ---- allocation ---------------------------------------------------------- */

static void str_init_header(FtStrObject *s, ssize_t nbytes)
{
    s->length = 0;
    s->nbytes = nbytes;
    s->hash = -1;
    s->is_ascii = 0;
    s->interned = 0;
    s->data[nbytes] = '\0';
}

FtObject *ft_str_alloc(ssize_t nbytes)
{
    if (nbytes < 0 || (size_t)nbytes > (size_t)SSIZE_MAX - FT_STR_HDR - 1)
        return ft_err_no_memory();
    FtStrObject *s = ft_mem_alloc(FT_STR_HDR + (size_t)nbytes + 1);
    if (s == NULL)
        return NULL;
    s->ob_base.ob_type = &FtStr_Type;
    ft_rc_init((FtObject *)s);
    str_init_header(s, nbytes);
    return (FtObject *)s;
}

FtObject *ft_str_alloc_type(FtType *type, ssize_t nbytes)
{
    if (type == &FtStr_Type)
        return ft_str_alloc(nbytes);
    if (nbytes < 0 || (size_t)nbytes > (size_t)SSIZE_MAX - FT_STR_HDR - 1)
        return ft_err_no_memory();
    FtStrObject *s = (FtStrObject *)ft_object_new_var(type, nbytes + 1);
    if (s == NULL)
        return NULL;
    str_init_header(s, nbytes);
    return (FtObject *)s;
}

FtObject *ft_str_adopt_block(void *block, ssize_t nbytes)
{
    FtStrObject *s = block;
    s->ob_base.ob_type = &FtStr_Type;
    ft_rc_init((FtObject *)s);
    str_init_header(s, nbytes);
    ft_str_compute_info((FtObject *)s);
    return (FtObject *)s;
}

static void str_dealloc(FtObject *op)
{
    if (FT_TYPE(op) == &FtStr_Type)
        ft_mem_free(op);
    else
        ft_object_free(op);
}

/* ---- UTF-8 helpers ------------------------------------------------------- */

ssize_t ft_utf8_count(const char *s, size_t n, int *ascii)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    /* Fast scan: whole words of ASCII. */
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    if (i == n) {
        *ascii = 1;
        return (ssize_t)n;
    }
    *ascii = 0;
    ssize_t cont = 0;
    for (; i < n; i++)
        cont += FT_UTF8_CONT(p[i]);
    return (ssize_t)n - cont;
}

ssize_t ft_str_cp_to_byte(FtObject *s, ssize_t cp)
{
    FtStrObject *o = FT_STR(s);
    if (o->is_ascii || cp <= 0)
        return cp < 0 ? 0 : cp;
    if (cp >= o->length)
        return o->nbytes;
    const char *p = o->data;
    if (cp > o->length / 2) {
        /* Walk back from the end: fewer steps. */
        ssize_t back = o->length - cp;
        ssize_t off = o->nbytes;
        while (back > 0) {
            off--;
            while (FT_UTF8_CONT(p[off]))
                off--;
            back--;
        }
        return off;
    }
    ssize_t off = 0;
    while (cp > 0) {
        off += ft_utf8_seqlen((unsigned char)p[off]);
        cp--;
    }
    return off;
}

ssize_t ft_str_byte_to_cp(FtObject *s, ssize_t off)
{
    FtStrObject *o = FT_STR(s);
    if (o->is_ascii)
        return off;
    return ft_utf8_cps(o->data, off);
}

/* ---- constructors -------------------------------------------------------- */

static FtObject *char_from_bytes(const char *p, int len)
{
    unsigned char b = (unsigned char)p[0];
    if (len == 1)
        return ft_str_ascii_char(b);
    if (len == 2 && b <= 0xC3) {
        int cp = ((b & 0x1F) << 6) | (p[1] & 0x3F);
        return FT_NEWREF(latin1_cache[cp - 0x80]);
    }
    return ft_str_from_len_info(p, len, 1, 0);
}

FtObject *ft_str_from_len_info(const char *s, ssize_t nbytes, ssize_t length,
                               int ascii)
{
    if (nbytes == 0 && ft_str_empty_obj != NULL)
        return ft_str_new_empty();
    if (nbytes == 1 && (unsigned char)s[0] < 0x80 &&
        ft_str_char_cache[(unsigned char)s[0]] != NULL)
        return ft_str_ascii_char((unsigned char)s[0]);
    FtObject *r = ft_str_alloc(nbytes);
    if (r == NULL)
        return NULL;
    memcpy(FT_STR_DATA(r), s, (size_t)nbytes);
    ft_str_set_info(r, length, ascii);
    return r;
}

FtObject *ft_str_from_len(const char *s, ssize_t nbytes)
{
    if (nbytes <= 1) {
        if (nbytes == 0 && ft_str_empty_obj != NULL)
            return ft_str_new_empty();
        if (nbytes == 1 && (unsigned char)s[0] < 0x80 &&
            ft_str_char_cache[(unsigned char)s[0]] != NULL)
            return ft_str_ascii_char((unsigned char)s[0]);
    }
    FtObject *r = ft_str_alloc(nbytes);
    if (r == NULL)
        return NULL;
    memcpy(FT_STR_DATA(r), s, (size_t)nbytes);
    ft_str_compute_info(r);
    return r;
}

FtObject *ft_str_from_cstr(const char *s)
{
    return ft_str_from_len(s, (ssize_t)strlen(s));
}

FtObject *ft_str_from_codepoint(uint32_t cp)
{
    if (cp < 0x80 && ft_str_char_cache[cp] != NULL)
        return ft_str_ascii_char((unsigned char)cp);
    char buf[4];
    int n = ft_utf8_encode(cp, buf);
    if (cp < 0x100)
        return char_from_bytes(buf, n);
    return ft_str_from_len_info(buf, n, 1, 0);
}

FtObject *ft_str_exact(FtObject *s)
{
    if (FT_STR_CHECK_EXACT(s))
        return FT_NEWREF(s);
    FtStrObject *o = FT_STR(s);
    return ft_str_from_len_info(o->data, o->nbytes, o->length, o->is_ascii);
}

const char *ft_str_cstr(FtObject *s)
{
    return FT_STR_DATA(s);
}

/* ---- hashing and equality ------------------------------------------------ */

ft_hash_t ft_str_hash_bytes(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0xcbf29ce484222325ULL ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        uint64_t w = 0;
        memcpy(&w, p, n);
        h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
    }
    /* Final avalanche so that the low bits a dict probes with depend on
     * every input byte. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    ft_hash_t r = (ft_hash_t)h;
    return r == -1 ? -2 : r;
}

ft_hash_t ft_str_hash(FtObject *s)
{
    FtStrObject *o = FT_STR(s);
    ft_hash_t h = ft_str_cached_hash(o);
    if (h != -1)
        return h;
    h = ft_str_hash_bytes(o->data, (size_t)o->nbytes);
    ft_atomic_store_ssize((volatile ssize_t *)(volatile void *)&o->hash,
                          (ssize_t)h);
    return h;
}

int ft_str_eq(FtObject *a, FtObject *b)
{
    if (a == b)
        return 1;
    FtStrObject *x = FT_STR(a), *y = FT_STR(b);
    if (x->nbytes != y->nbytes)
        return 0;
    if (x->interned && y->interned)
        return 0;
    ft_hash_t hx = ft_str_cached_hash(x), hy = ft_str_cached_hash(y);
    if (hx != -1 && hy != -1 && hx != hy)
        return 0;
    return memcmp(x->data, y->data, (size_t)x->nbytes) == 0;
}

int ft_str_eq_cstr(FtObject *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)FT_STR_NBYTES(a) == n && memcmp(FT_STR_DATA(a), s, n) == 0;
}

/* Code-point order equals byte order in UTF-8. */
static int str_compare(FtObject *a, FtObject *b)
{
    FtStrObject *x = FT_STR(a), *y = FT_STR(b);
    ssize_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c != 0)
        return c;
    return (x->nbytes > y->nbytes) - (x->nbytes < y->nbytes);
}

static FtObject *str_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_STR_CHECK(a) || !FT_STR_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    int r;
    switch (op) {
    case FT_EQ:
        r = ft_str_eq(a, b);
        break;
    case FT_NE:
        r = !ft_str_eq(a, b);
        break;
    case FT_LT:
        r = str_compare(a, b) < 0;
        break;
    case FT_LE:
        r = str_compare(a, b) <= 0;
        break;
    case FT_GT:
        r = str_compare(a, b) > 0;
        break;
    default:
        r = str_compare(a, b) >= 0;
        break;
    }
    return ft_bool_from(r);
}

static ft_hash_t str_hash_slot(FtObject *s)
{
    return ft_str_hash(s);
}

/* ---- concatenation and repetition ---------------------------------------- */

FtObject *ft_str_concat(FtObject *a, FtObject *b)
{
    FtStrObject *x = FT_STR(a), *y = FT_STR(b);
    if (y->nbytes == 0 && FT_STR_CHECK_EXACT(a))
        return FT_NEWREF(a);
    if (x->nbytes == 0 && FT_STR_CHECK_EXACT(b))
        return FT_NEWREF(b);
    if (x->nbytes > SSIZE_MAX - y->nbytes)
        return ft_err_no_memory();
    FtObject *r = ft_str_alloc(x->nbytes + y->nbytes);
    if (r == NULL)
        return NULL;
    char *d = FT_STR_DATA(r);
    memcpy(d, x->data, (size_t)x->nbytes);
    memcpy(d + x->nbytes, y->data, (size_t)y->nbytes);
    ft_str_set_info(r, x->length + y->length, x->is_ascii && y->is_ascii);
    return r;
}

int ft_str_append_inplace(FtObject **pa, FtObject *b)
{
    FtObject *a = *pa;
    FtStrObject *x = FT_STR(a), *y = FT_STR(b);
    if (ft_refcnt(a) != 1 || !FT_STR_CHECK_EXACT(a) || x->interned ||
        x->nbytes == 0 || a == b) {
        FtObject *r = ft_str_concat(a, b);
        if (r == NULL)
            return -1;
        *pa = r;
        FT_DECREF(a);
        return 0;
    }
    if (y->nbytes == 0)
        return 0;
    if (x->nbytes > SSIZE_MAX - y->nbytes - (ssize_t)FT_STR_HDR - 1) {
        ft_err_no_memory();
        return -1;
    }
    ssize_t n = x->nbytes + y->nbytes;
    FtStrObject *g = ft_mem_realloc(x, FT_STR_HDR + (size_t)n + 1);
    if (g == NULL)
        return -1;
    memcpy(g->data + g->nbytes, y->data, (size_t)y->nbytes);
    g->data[n] = '\0';
    g->nbytes = n;
    g->length += y->length;
    g->is_ascii = g->is_ascii && y->is_ascii;
    g->hash = -1;
    *pa = (FtObject *)g;
    return 0;
}

static FtObject *str_repeat(FtObject *s, int64_t count)
{
    FtStrObject *o = FT_STR(s);
    if (count <= 0 || o->nbytes == 0)
        return ft_str_new_empty();
    if (count == 1 && FT_STR_CHECK_EXACT(s))
        return FT_NEWREF(s);
    if ((uint64_t)count > (uint64_t)SSIZE_MAX / (uint64_t)o->nbytes) {
        ft_err_set_string(FtExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    if ((uint64_t)count > (uint64_t)(SSIZE_MAX / 2) / (uint64_t)o->nbytes)
        return ft_err_no_memory();
    ssize_t total = o->nbytes * (ssize_t)count;
    FtObject *r = ft_str_alloc(total);
    if (r == NULL)
        return NULL;
    char *d = FT_STR_DATA(r);
    if (o->nbytes == 1) {
        memset(d, o->data[0], (size_t)total);
    } else {
        memcpy(d, o->data, (size_t)o->nbytes);
        ssize_t done = o->nbytes;
        while (done < total) {
            ssize_t chunk = done <= total - done ? done : total - done;
            memcpy(d + done, d, (size_t)chunk);
            done += chunk;
        }
    }
    ft_str_set_info(r, o->length * (ssize_t)count, o->is_ascii);
    return r;
}

/* True when a user class wants its reflected method tried before str's
 * own TypeError (CPython tries nb_* slots before sq_concat/sq_repeat). */
static int defers_to(FtObject *o, FtObject *name)
{
    FtType *t = FT_TYPE(o);
    return (t->tp_flags & FT_TPFLAGS_HEAPTYPE) &&
           ft_type_lookup(t, name) != NULL;
}

static int has_index(FtObject *o)
{
    return (FT_TYPE(o)->tp_flags & FT_TPFLAGS_HEAPTYPE) &&
           ft_type_lookup(FT_TYPE(o), FT_ID(__index__)) != NULL;
}

static FtObject *str_binop(FtObject *a, FtObject *b, int op)
{
    if (op == FT_OP_ADD) {
        if (!FT_STR_CHECK(a))
            FT_RETURN_NOTIMPLEMENTED;
        if (FT_STR_CHECK(b))
            return ft_str_concat(a, b);
        if (defers_to(b, FT_ID(__radd__)))
            FT_RETURN_NOTIMPLEMENTED;
        ft_err_format(FtExc_TypeError,
                      "can only concatenate str (not \"%s\") to str",
                      ft_type_name(FT_TYPE(b)));
        return NULL;
    }
    if (op == FT_OP_MUL) {
        int left = FT_STR_CHECK(a);
        FtObject *s = left ? a : b, *n = left ? b : a;
        int64_t count;
        if (FT_INT_CHECK(n)) {
            if (ft_int_as_count(n, &count) < 0)
                return NULL;
        } else if (!FT_STR_CHECK(n) && has_index(n)) {
            if (ft_number_as_i64(n, &count) < 0)
                return NULL;
        } else {
            if (left && defers_to(n, FT_ID(__rmul__)))
                FT_RETURN_NOTIMPLEMENTED;
            ft_err_format(FtExc_TypeError,
                          "can't multiply sequence by non-int of type '%s'",
                          ft_type_name(FT_TYPE(n)));
            return NULL;
        }
        return str_repeat(s, count);
    }
    if (op == FT_OP_MOD && FT_STR_CHECK(a))
        return ft_str_percent_format(a, b);
    FT_RETURN_NOTIMPLEMENTED;
}

/* ---- sequence protocol --------------------------------------------------- */

static ssize_t str_len(FtObject *s)
{
    return FT_STR_LEN(s);
}
static int str_bool(FtObject *s)
{
    return FT_STR_NBYTES(s) != 0;
}

static FtObject *str_item(FtObject *self, int64_t i)
{
    FtStrObject *s = FT_STR(self);
    if (i < 0)
        i += s->length;
    if (i < 0 || i >= s->length) {
        ft_err_set_string(FtExc_IndexError, "string index out of range");
        return NULL;
    }
    if (s->is_ascii)
        return ft_str_ascii_char((unsigned char)s->data[i]);
    ssize_t off = ft_str_cp_to_byte(self, (ssize_t)i);
    return char_from_bytes(s->data + off,
                           ft_utf8_seqlen((unsigned char)s->data[off]));
}

static FtObject *str_slice(FtObject *self, FtObject *slice)
{
    FtStrObject *s = FT_STR(self);
    ssize_t start, stop, step;
    ssize_t n = ft_slice_unpack(slice, s->length, &start, &stop, &step);
    if (n < 0)
        return NULL;
    if (n == 0)
        return ft_str_new_empty();
    if (step == 1) {
        if (n == s->length && FT_STR_CHECK_EXACT(self))
            return FT_NEWREF(self);
        if (s->is_ascii)
            return ft_str_from_len_info(s->data + start, n, n, 1);
        ssize_t b0 = ft_str_cp_to_byte(self, start);
        ssize_t b1 = b0;
        for (ssize_t k = 0; k < n; k++)
            b1 += ft_utf8_seqlen((unsigned char)s->data[b1]);
        return ft_str_from_len(s->data + b0, b1 - b0);
    }
    if (s->is_ascii) {
        if (n == 1)
            return ft_str_ascii_char((unsigned char)s->data[start]);
        FtObject *r = ft_str_alloc(n);
        if (r == NULL)
            return NULL;
        char *d = FT_STR_DATA(r);
        for (ssize_t k = 0; k < n; k++)
            d[k] = s->data[start + k * step];
        ft_str_set_info(r, n, 1);
        return r;
    }
    /* Non-ASCII with a step: index every code point once. */
    ssize_t *offs = ft_mem_alloc(sizeof(ssize_t) * (size_t)(s->length + 1));
    if (offs == NULL)
        return NULL;
    ssize_t off = 0;
    for (ssize_t k = 0; k <= s->length; k++) {
        offs[k] = off;
        if (k < s->length)
            off += ft_utf8_seqlen((unsigned char)s->data[off]);
    }
    ssize_t total = 0;
    for (ssize_t k = 0; k < n; k++) {
        ssize_t i = start + k * step;
        total += offs[i + 1] - offs[i];
    }
    FtObject *r = ft_str_alloc(total);
    if (r == NULL) {
        ft_mem_free(offs);
        return NULL;
    }
    char *d = FT_STR_DATA(r);
    for (ssize_t k = 0; k < n; k++) {
        ssize_t i = start + k * step;
        ssize_t len = offs[i + 1] - offs[i];
        memcpy(d, s->data + offs[i], (size_t)len);
        d += len;
    }
    ft_mem_free(offs);
    ft_str_compute_info(r);
    return r;
}

/* self[key] for a big int key: only -2**63 is an index at all. Kept out
 * of str_getitem so that its common path stays a tail call. */
static __attribute__((noinline)) FtObject *str_item_big(FtObject *self,
                                                        FtObject *key)
{
    int64_t i;
    if (ft_int_as_index(key, &i) < 0)
        return NULL;
    return str_item(self, i);
}

static FtObject *str_getitem(FtObject *self, FtObject *key)
{
    if (FT_INT_CHECK(key)) {
        if (__builtin_expect(FT_INT_IS_BIG(key), 0))
            return str_item_big(self, key);
        return str_item(self, FT_INT_VALUE(key));
    }
    if (FT_SLICE_CHECK(key))
        return str_slice(self, key);
    if (has_index(key)) {
        int64_t i;
        if (ft_number_as_i64(key, &i) < 0)
            return NULL;
        return str_item(self, i);
    }
    ft_err_format(FtExc_TypeError, "string indices must be integers, not '%s'",
                  ft_type_name(FT_TYPE(key)));
    return NULL;
}

static int str_contains(FtObject *self, FtObject *item)
{
    if (!FT_STR_CHECK(item)) {
        ft_err_format(FtExc_TypeError,
                      "'in <string>' requires string as left operand, not %s",
                      ft_type_name(FT_TYPE(item)));
        return -1;
    }
    return ft_bytes_find(FT_STR_DATA(self), FT_STR_NBYTES(self),
                         FT_STR_DATA(item), FT_STR_NBYTES(item)) >= 0;
}

/* ---- iteration ----------------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FtObject *str; /* NULL once exhausted */
    ssize_t pos;   /* byte offset of the next character */
} FtStrIterObject;

static FtObject *str_iter(FtObject *self)
{
    FtStrIterObject *it = (FtStrIterObject *)ft_object_new(&FtStrIter_Type);
    if (it == NULL)
        return NULL;
    it->str = FT_NEWREF(self);
    it->pos = 0;
    return (FtObject *)it;
}

static void striter_dealloc(FtObject *op)
{
    FtStrIterObject *it = (FtStrIterObject *)op;
    FT_CLEAR(it->str);
    ft_object_free(op);
}

static FtObject *striter_iter(FtObject *op)
{
    return FT_NEWREF(op);
}

static FtObject *striter_next(FtObject *op)
{
    FtStrIterObject *it = (FtStrIterObject *)op;
    FtObject *s = it->str;
    if (s == NULL)
        return NULL;
    FtStrObject *o = FT_STR(s);
    if (it->pos >= o->nbytes) {
        FT_CLEAR(it->str);
        return NULL;
    }
    const char *p = o->data + it->pos;
    unsigned char b = (unsigned char)*p;
    if (b < 0x80) {
        it->pos++;
        return ft_str_ascii_char(b);
    }
    int len = ft_utf8_seqlen(b);
    it->pos += len;
    return char_from_bytes(p, len);
}

static FtObject *striter_length_hint(FtObject *self, FtObject *const *args,
                                     size_t nargs, FtObject *kwnames)
{
    FtStrIterObject *it = (FtStrIterObject *)self;
    if (it->str == NULL)
        return ft_int_from_i64(0);
    FtStrObject *o = FT_STR(it->str);
    ssize_t left = o->nbytes - it->pos;
    if (!o->is_ascii)
        left = ft_utf8_cps(o->data + it->pos, left);
    return ft_int_from_i64(left);
}

static FtMethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

FtType FtStrIter_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(FtStrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = striter_iter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

/* ---- repr / str / new ---------------------------------------------------- */

FtObject *ft_str_repr(FtObject *s)
{
    FtStrObject *o = FT_STR(s);
    /* Common case: printable ASCII without quotes or backslashes. */
    if (o->is_ascii) {
        ssize_t i = 0;
        for (; i < o->nbytes; i++) {
            unsigned char c = (unsigned char)o->data[i];
            if (c < 0x20 || c >= 0x7F || c == '\'' || c == '\\')
                break;
        }
        if (i == o->nbytes) {
            FtObject *r = ft_str_alloc(o->nbytes + 2);
            if (r == NULL)
                return NULL;
            char *d = FT_STR_DATA(r);
            d[0] = '\'';
            memcpy(d + 1, o->data, (size_t)o->nbytes);
            d[o->nbytes + 1] = '\'';
            ft_str_set_info(r, o->nbytes + 2, 1);
            return r;
        }
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_str_repr(&sb, s, 0) < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

FtObject *ft_str_ascii(FtObject *o)
{
    FtObject *r = FT_STR_CHECK_EXACT(o) ? FT_NEWREF(o) : ft_object_repr(o);
    if (r == NULL)
        return NULL;
    if (FT_STR_CHECK_EXACT(o) || !FT_STR(r)->is_ascii) {
        FtStrBuilder sb;
        ft_sb_init(&sb);
        int rc;
        if (FT_STR_CHECK_EXACT(o)) {
            rc = ft_sb_append_str_repr(&sb, r, 1);
        } else {
            /* Escape the non-ASCII characters of an arbitrary repr. */
            FtStrObject *t = FT_STR(r);
            rc = 0;
            for (ssize_t i = 0; i < t->nbytes && rc == 0;) {
                int len;
                uint32_t cp = ft_utf8_decode(t->data + i, &len);
                char buf[16];
                if (cp < 0x80)
                    rc = ft_sb_append_char(&sb, (char)cp);
                else {
                    if (cp < 0x100)
                        snprintf(buf, sizeof buf, "\\x%02x", cp);
                    else if (cp < 0x10000)
                        snprintf(buf, sizeof buf, "\\u%04x", cp);
                    else
                        snprintf(buf, sizeof buf, "\\U%08x", cp);
                    rc = ft_sb_append_cstr(&sb, buf);
                }
                i += len;
            }
        }
        FT_DECREF(r);
        if (rc < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
        return ft_sb_finish(&sb);
    }
    return r;
}

static FtObject *str_repr_slot(FtObject *s)
{
    return ft_str_repr(s);
}

static FtObject *str_str(FtObject *s)
{
    return ft_str_exact(s);
}

static FtObject *str_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (kwnames == NULL && nargs <= 1) {
        if (nargs == 1)
            a[0] = args[0];
    } else if (ft_arg_parse("str", args, nargs, kwnames, kwlist, 0, 3, a) < 0) {
        return NULL;
    }
    if (a[1] != NULL || a[2] != NULL) {
        if (a[0] != NULL && FT_STR_CHECK(a[0]))
            ft_err_set_string(FtExc_TypeError, "decoding str is not supported");
        else
            ft_err_format(FtExc_TypeError,
                          "decoding to str: need a bytes-like object, %s found",
                          a[0] ? ft_type_name(FT_TYPE(a[0])) : "NoneType");
        return NULL;
    }
    FtObject *r = a[0] != NULL ? ft_object_str(a[0]) : ft_str_new_empty();
    if (r == NULL || type == &FtStr_Type)
        return r;
    FtStrObject *o = FT_STR(r);
    FtObject *sub = ft_str_alloc_type(type, o->nbytes);
    if (sub != NULL) {
        memcpy(FT_STR_DATA(sub), o->data, (size_t)o->nbytes);
        ft_str_set_info(sub, o->length, o->is_ascii);
    }
    FT_DECREF(r);
    return sub;
}

FtType FtStr_Type = {
    FT_TYPE_HEAD_INIT,
    .tp_name = "str",
    .tp_basicsize = sizeof(FtStrObject),
    .tp_itemsize = 1,
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_STR_SUBCLASS | FT_TPFLAGS_LEAF,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr_slot,
    .tp_str = str_str,
    .tp_hash = str_hash_slot,
    .tp_richcompare = str_richcompare,
    .tp_bool = str_bool,
    .tp_len = str_len,
    .tp_getitem = str_getitem,
    .tp_contains = str_contains,
    .tp_iter = str_iter,
    .tp_binop = str_binop,
    .tp_new = str_new,
    .tp_methods = ft_str_methods,
    .tp_doc = "str(object='') -> str\n\nCreate a new string object from the "
              "given object.",
};

/* ---- interning ----------------------------------------------------------- */
/* An open-addressing set of interned strings (linear probing, never
 * shrinks). In free-threaded builds every access belongs inside the
 * interpreter-wide critical section (FT_CRIT_LOCK, runtime/lock.h). */

static FtObject **intern_table;
static size_t intern_mask;
static size_t intern_count;

static size_t intern_find_slot(const char *s, ssize_t n, ft_hash_t h)
{
    size_t i = (size_t)h & intern_mask;
    for (;;) {
        FtObject *e = intern_table[i];
        if (e == NULL)
            return i;
        if (FT_STR(e)->hash == h && FT_STR_NBYTES(e) == n &&
            memcmp(FT_STR_DATA(e), s, (size_t)n) == 0)
            return i;
        i = (i + 1) & intern_mask;
    }
}

static int intern_grow(void)
{
    size_t newsize = intern_table == NULL ? 1024 : (intern_mask + 1) * 2;
    FtObject **t = ft_mem_calloc(newsize, sizeof(FtObject *));
    if (t == NULL)
        return -1;
    FtObject **old = intern_table;
    size_t oldsize = old == NULL ? 0 : intern_mask + 1;
    intern_table = t;
    intern_mask = newsize - 1;
    for (size_t k = 0; k < oldsize; k++) {
        FtObject *e = old[k];
        if (e == NULL)
            continue;
        size_t i = (size_t)FT_STR(e)->hash & intern_mask;
        while (t[i] != NULL)
            i = (i + 1) & intern_mask;
        t[i] = e;
    }
    ft_mem_free(old);
    return 0;
}

/* Adds s (exact, not yet interned, hash computed) to the table, which
 * takes its own reference. */
static int intern_add(FtObject *s, size_t slot)
{
    /* --enable-immortal: before the string is published, while this thread
     * still owns it (a no-op otherwise). */
    ft_rc_make_immortal(s);
    intern_table[slot] = FT_NEWREF(s);
    FT_STR(s)->interned = 1;
    intern_count++;
    if (intern_count * 3 >= (intern_mask + 1) * 2)
        return intern_grow();
    return 0;
}

static FtObject *intern_locked(FtObject *s)
{
    if (s == NULL || FT_STR(s)->interned)
        return s;
    if (intern_table == NULL && intern_grow() < 0) {
        FT_DECREF(s);
        return NULL;
    }
    if (!FT_STR_CHECK_EXACT(s)) {
        FtObject *e = ft_str_exact(s);
        FT_DECREF(s);
        if (e == NULL)
            return NULL;
        s = e;
        if (FT_STR(s)->interned)
            return s;
    }
    ft_hash_t h = ft_str_hash(s);
    size_t slot = intern_find_slot(FT_STR_DATA(s), FT_STR_NBYTES(s), h);
    FtObject *e = intern_table[slot];
    if (e != NULL) {
        FT_DECREF(s);
        return FT_NEWREF(e);
    }
    if (intern_add(s, slot) < 0) {
        FT_DECREF(s);
        return NULL;
    }
    return s;
}

/* The table, and each string's `interned` flag, change only under the
 * critical lock; the lock is re-entrant, so the nested calls made while
 * holding it (deallocating a duplicate, building a char) are fine. */
FtObject *ft_str_intern(FtObject *s)
{
    FtObject *r;
    FT_CRIT_LOCK();
    r = intern_locked(s);
    FT_CRIT_UNLOCK();
    return r;
}

ssize_t ft_str_intern_refs(void)
{
    ssize_t total = 0;
    for (size_t k = 0; intern_table != NULL && k <= intern_mask; k++)
        if (intern_table[k] != NULL && !FT_IS_IMMORTAL(intern_table[k]))
            total += ft_refcnt(intern_table[k]);
    return total;
}

static FtObject *intern_cstr_locked(const char *cs)
{
    if (intern_table == NULL && intern_grow() < 0)
        return NULL;
    ssize_t n = (ssize_t)strlen(cs);
    ft_hash_t h = ft_str_hash_bytes(cs, (size_t)n);
    size_t slot = intern_find_slot(cs, n, h);
    if (intern_table[slot] != NULL)
        return FT_NEWREF(intern_table[slot]);
    FtObject *s = ft_str_from_len(cs, n);
    if (s == NULL)
        return NULL;
    if (FT_STR(s)->interned) /* a cached one-char string */
        return s;
    FT_STR(s)->hash = h;
    if (intern_add(s, slot) < 0) {
        FT_DECREF(s);
        return NULL;
    }
    return s;
}

FtObject *ft_str_intern_cstr(const char *cs)
{
    FtObject *r;
    FT_CRIT_LOCK();
    r = intern_cstr_locked(cs);
    FT_CRIT_UNLOCK();
    return r;
}

/* ---- ft_str_from_format -------------------------------------------------- */

static int append_padded(FtStrBuilder *sb, const char *s, size_t n, int width,
                         int left)
{
    ssize_t cps = ft_utf8_cps(s, (ssize_t)n);
    if (!left && width > cps && ft_sb_append_fill(sb, ' ', width - cps) < 0)
        return -1;
    if (ft_sb_append(sb, s, n) < 0)
        return -1;
    if (left && width > cps && ft_sb_append_fill(sb, ' ', width - cps) < 0)
        return -1;
    return 0;
}

/* At most prec code points of s (prec < 0: all): the byte count. */
static size_t limit_cps(const char *s, size_t n, int prec)
{
    if (prec < 0)
        return n;
    size_t off = 0;
    while (prec > 0 && off < n) {
        off += (size_t)ft_utf8_seqlen((unsigned char)s[off]);
        prec--;
    }
    return off > n ? n : off;
}

static int vformat_obj(FtStrBuilder *sb, char conv, FtObject *obj, int width,
                       int prec, int left)
{
    FtObject *t;
    if (conv == 'T') {
        const char *name = ft_type_name(FT_TYPE(obj));
        return append_padded(sb, name, limit_cps(name, strlen(name), prec),
                             width, left);
    }
    if (conv == 'U')
        t = FT_NEWREF(obj);
    else if (conv == 'R')
        t = ft_object_repr(obj);
    else
        t = ft_object_str(obj);
    if (t == NULL)
        return -1;
    size_t n = limit_cps(FT_STR_DATA(t), (size_t)FT_STR_NBYTES(t), prec);
    int rc = append_padded(sb, FT_STR_DATA(t), n, width, left);
    FT_DECREF(t);
    return rc;
}

FtObject *ft_str_from_vformat(const char *fmt, va_list ap)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    va_list vl;
    va_copy(vl, ap);
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (pct == NULL) {
            if (ft_sb_append_cstr(&sb, p) < 0)
                goto fail;
            break;
        }
        if (pct > p && ft_sb_append(&sb, p, (size_t)(pct - p)) < 0)
            goto fail;
        p = pct + 1;
        int left = 0, width = 0, prec = -1;
        if (*p == '-') {
            left = 1;
            p++;
        }
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (*p++ - '0');
        if (*p == '.') {
            p++;
            prec = 0;
            while (*p >= '0' && *p <= '9')
                prec = prec * 10 + (*p++ - '0');
        }
        int lng = 0; /* 1: l, 2: ll, 3: z */
        if (*p == 'l') {
            lng = 1;
            p++;
            if (*p == 'l') {
                lng = 2;
                p++;
            }
        } else if (*p == 'z' || *p == 't') {
            lng = 3;
            p++;
        }
        char buf[64];
        char conv = *p;
        if (conv == '\0')
            break;
        p++;
        switch (conv) {
        case 'd':
        case 'i': {
            long long v = lng == 0   ? va_arg(vl, int)
                          : lng == 1 ? va_arg(vl, long)
                          : lng == 2 ? va_arg(vl, long long)
                                     : (long long)va_arg(vl, ssize_t);
            int n = snprintf(buf, sizeof buf, "%lld", v);
            if (append_padded(&sb, buf, (size_t)n, width, left) < 0)
                goto fail;
            break;
        }
        case 'u':
        case 'x': {
            unsigned long long v = lng == 0   ? va_arg(vl, unsigned int)
                                   : lng == 1 ? va_arg(vl, unsigned long)
                                   : lng == 2
                                       ? va_arg(vl, unsigned long long)
                                       : (unsigned long long)va_arg(vl, size_t);
            int n = snprintf(buf, sizeof buf, conv == 'u' ? "%llu" : "%llx", v);
            if (append_padded(&sb, buf, (size_t)n, width, left) < 0)
                goto fail;
            break;
        }
        case 'c': {
            int n = ft_utf8_encode((uint32_t)va_arg(vl, int), buf);
            if (append_padded(&sb, buf, (size_t)n, width, left) < 0)
                goto fail;
            break;
        }
        case 'p': {
            int n = snprintf(buf, sizeof buf, "%p", va_arg(vl, void *));
            if (append_padded(&sb, buf, (size_t)n, width, left) < 0)
                goto fail;
            break;
        }
        case 's': {
            const char *s = va_arg(vl, const char *);
            if (s == NULL)
                s = "(null)";
            if (append_padded(&sb, s, limit_cps(s, strlen(s), prec), width,
                              left) < 0)
                goto fail;
            break;
        }
        case 'R':
        case 'S':
        case 'T':
        case 'U': {
            FtObject *o = va_arg(vl, FtObject *);
            if (vformat_obj(&sb, conv, o, width, prec, left) < 0)
                goto fail;
            break;
        }
        case '%':
            if (ft_sb_append_char(&sb, '%') < 0)
                goto fail;
            break;
        default:
            /* Unknown conversion: copy it through so the mistake shows. */
            if (ft_sb_append(&sb, pct, (size_t)(p - pct)) < 0)
                goto fail;
            break;
        }
    }
    va_end(vl);
    return ft_sb_finish(&sb);
fail:
    va_end(vl);
    ft_sb_discard(&sb);
    return NULL;
}

FtObject *ft_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    FtObject *r = ft_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- start-up ------------------------------------------------------------ */

int ft_str_init(void)
{
    if (ft_str_empty_obj != NULL)
        return 0;
    if (intern_table == NULL && intern_grow() < 0)
        return -1;
    FtObject *e = ft_str_alloc(0);
    if (e == NULL)
        return -1;
    ft_str_set_info(e, 0, 1);
    e = ft_str_intern(e);
    if (e == NULL)
        return -1;
    ft_str_empty_obj = e; /* the reference the cache keeps */
    for (int c = 0; c < 128; c++) {
        FtObject *s = ft_str_alloc(1);
        if (s == NULL)
            return -1;
        FT_STR_DATA(s)[0] = (char)c;
        ft_str_set_info(s, 1, 1);
        s = ft_str_intern(s);
        if (s == NULL)
            return -1;
        ft_str_char_cache[c] = s;
    }
    /* U+0080..U+00FF too, filled before any thread can ask for them (so
     * reading the cache needs no lock). */
    for (int cp = 0x80; cp < 0x100; cp++) {
        char utf8[2] = {(char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F))};
        FtObject *c = ft_str_from_len_info(utf8, 2, 1, 0);
        if (c == NULL || (c = ft_str_intern(c)) == NULL)
            return -1;
        latin1_cache[cp - 0x80] = c;
    }
    return ft_ids_init();
}
