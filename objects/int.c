/* objects/int.c — the int type: 64-bit values with overflow checks on every
 * operation (OverflowError until big ints exist), the small-int cache, the
 * per-thread int free list, int(), int formatting and the helpers shared with
 * float formatting.
 */
#include "objects/object.h"
#include "objects/typeobject.h"
#include "runtime/tstate.h"

#include <math.h>
#include <string.h>

FtIntObject ft_small_ints[FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1];

#define SMALL_INT_COUNT (FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1)

/* CPython hashes numbers modulo this Mersenne prime, so that equal ints and
 * floats (and, one day, fractions) hash alike. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

int ft_int_init(void)
{
    for (int i = 0; i < SMALL_INT_COUNT; i++) {
        ft_rc_init_static(&ft_small_ints[i].ob_base);
        ft_small_ints[i].ob_base.ob_type = &FtInt_Type;
        ft_small_ints[i].value = (int64_t)i + FT_SMALL_INT_MIN;
    }
    /* True and False are statically initialised in bool.c. */
    return 0;
}

FtObject *ft_int_overflow(void)
{
    ft_err_set_string(FtExc_OverflowError,
                      "integer overflow: result does not fit in 64 bits "
                      "(ftpy has no big integers yet)");
    return NULL;
}

/* ---- allocation ---------------------------------------------------------- */

static inline int is_static_int(FtObject *op)
{
    return (FtIntObject *)op >= ft_small_ints &&
           (FtIntObject *)op < ft_small_ints + SMALL_INT_COUNT;
}

/* Free-listed ints keep ob_type; their `value` field holds the link. */
static FtObject *int_alloc(int64_t v)
{
    FtThreadState *ts = ft_tstate_get();
    FtIntObject *fl = NULL;
    if (ts != NULL) {
        FT_FREELIST_LOCK();
        fl = ts->freelist[FT_FL_INT];
        if (fl != NULL) {
            ts->freelist[FT_FL_INT] = FT_FREELIST_NEXT(fl);
            ts->freelist_len[FT_FL_INT]--;
        }
        FT_FREELIST_UNLOCK();
    }
    if (fl != NULL) {
        ft_rc_init((FtObject *)fl);
        fl->value = v;
        return (FtObject *)fl;
    }
    FtObject *op = ft_object_new(&FtInt_Type);
    if (op != NULL)
        FT_INT_VALUE(op) = v;
    return op;
}

FtObject *ft_int_from_i64(int64_t v)
{
    uint64_t idx = (uint64_t)v - (uint64_t)(int64_t)FT_SMALL_INT_MIN;
    if (idx < (uint64_t)SMALL_INT_COUNT)
        return FT_NEWREF(&ft_small_ints[idx]);
    return int_alloc(v);
}

static void int_dealloc(FtObject *op)
{
    if (FT_TYPE(op) == &FtInt_Type) {
        if (is_static_int(op)) {
            /* An extra DECREF somewhere; keep the static alive. */
            ft_rc_init_static(op);
            return;
        }
        FtThreadState *ts = ft_tstate_get();
        int kept = 0;
        if (ts != NULL) {
            FT_FREELIST_LOCK();
            if (ts->freelist_len[FT_FL_INT] < FT_FREELIST_MAX) {
                FT_FREELIST_NEXT(op) = ts->freelist[FT_FL_INT];
                ts->freelist[FT_FL_INT] = op;
                ts->freelist_len[FT_FL_INT]++;
                kept = 1;
            }
            FT_FREELIST_UNLOCK();
        }
        if (kept)
            return;
    }
    ft_object_free(op);
}

/* An instance of `type` (int or a subclass) holding v. */
static FtObject *int_new_of_type(FtType *type, int64_t v)
{
    if (type == &FtInt_Type)
        return ft_int_from_i64(v);
    FtObject *op = ft_object_new(type);
    if (op != NULL)
        FT_INT_VALUE(op) = v;
    return op;
}

/* ---- special-method lookup on the type (not the instance) ---------------- */

/* type(o).name bound to o, called with no arguments. Returns NULL with no
 * exception set when the type has no such attribute. */
static FtObject *call_special(FtObject *o, FtObject *name)
{
    int missing = 0; /* a new reference to the attribute while it runs */
    return ft_call_special(o, name, NULL, 0, NULL, &missing);
}

static FtObject *trunc_name(void)
{
    static FtObject *name;
    return ft_intern_static(&name, "__trunc__");
}

/* ---- arithmetic ---------------------------------------------------------- */

/* Floor division and modulo with Python's signs; y != 0. Returns -1 when
 * the quotient overflows (INT64_MIN // -1); *r is valid even then. */
static int int_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r)
{
    if (y == -1) {
        /* C's INT64_MIN % -1 traps, so never let it get there. */
        *r = 0;
        if (x == INT64_MIN) {
            *q = 0;
            return -1;
        }
        *q = -x;
        return 0;
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr ^ y) < 0)) {
        rr += y;
        qq -= 1;
    }
    *q = qq;
    *r = rr;
    return 0;
}

static int bit_length_u64(uint64_t u)
{
    return u == 0 ? 0 : 64 - __builtin_clzll(u);
}

/* x / y correctly rounded, as CPython computes int / int. */
static double int_true_divide(int64_t x, int64_t y)
{
    const int64_t exact = (int64_t)1 << 53;
    if (x >= -exact && x <= exact && y >= -exact && y <= exact)
        return (double)x / (double)y;
    int neg = (x < 0) != (y < 0);
    uint64_t n = x < 0 ? -(uint64_t)x : (uint64_t)x;
    uint64_t d = y < 0 ? -(uint64_t)y : (uint64_t)y;
    /* Scale so the integer quotient has at least 56 significant bits; the
     * remainder then only matters as a sticky bit below the rounding bit,
     * and the uint64 -> double conversion rounds half-even correctly. */
    int shift = 56 + bit_length_u64(d) - bit_length_u64(n);
    if (shift < 0)
        shift = 0;
    unsigned __int128 num = (unsigned __int128)n << shift;
    unsigned __int128 q = num / d;
    int sticky = (num % d) != 0;
    uint64_t q64 = (uint64_t)q | (uint64_t)sticky;
    double r = ldexp((double)q64, -shift);
    return neg ? -r : r;
}

static FtObject *int_pow(int64_t base, int64_t exp)
{
    if (exp < 0) {
        /* CPython: a negative exponent means a float result. */
        FtObject *fb = ft_float_from_double((double)base);
        if (fb == NULL)
            return NULL;
        FtObject *fe = ft_float_from_double((double)exp);
        if (fe == NULL) {
            FT_DECREF(fb);
            return NULL;
        }
        FtObject *r = ft_float_binop(fb, fe, FT_OP_POW);
        FT_DECREF(fb);
        FT_DECREF(fe);
        return r;
    }
    if (base == 0 || base == 1)
        return ft_int_from_i64(exp == 0 ? 1 : base);
    if (base == -1)
        return ft_int_from_i64((exp & 1) ? -1 : 1);
    int64_t result = 1;
    while (exp > 0) {
        if (exp & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return ft_int_overflow();
        }
        exp >>= 1;
        if (exp > 0 && __builtin_mul_overflow(base, base, &base))
            return ft_int_overflow();
    }
    return ft_int_from_i64(result);
}

FtObject *ft_int_binop(FtObject *a, FtObject *b, int op)
{
    if (!FT_INT_CHECK(a) || !FT_INT_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    int64_t x = FT_INT_VALUE(a), y = FT_INT_VALUE(b), r, m;
    switch (op) {
    case FT_OP_ADD:
        if (__builtin_add_overflow(x, y, &r))
            return ft_int_overflow();
        return ft_int_from_i64(r);
    case FT_OP_SUB:
        if (__builtin_sub_overflow(x, y, &r))
            return ft_int_overflow();
        return ft_int_from_i64(r);
    case FT_OP_MUL:
        if (__builtin_mul_overflow(x, y, &r))
            return ft_int_overflow();
        return ft_int_from_i64(r);
    case FT_OP_TRUEDIV:
        if (y == 0) {
            ft_err_set_string(FtExc_ZeroDivisionError, "division by zero");
            return NULL;
        }
        return ft_float_from_double(int_true_divide(x, y));
    case FT_OP_FLOORDIV:
    case FT_OP_MOD:
        if (y == 0) {
            /* CPython 3.11 words the two differently. */
            ft_err_set_string(FtExc_ZeroDivisionError,
                              op == FT_OP_MOD
                                  ? "integer modulo by zero"
                                  : "integer division or modulo by zero");
            return NULL;
        }
        if (int_divmod(x, y, &r, &m) < 0 && op == FT_OP_FLOORDIV)
            return ft_int_overflow();
        return ft_int_from_i64(op == FT_OP_MOD ? m : r);
    case FT_OP_POW:
        return int_pow(x, y);
    case FT_OP_LSHIFT:
        if (y < 0) {
            ft_err_set_string(FtExc_ValueError, "negative shift count");
            return NULL;
        }
        if (x == 0)
            return ft_int_from_i64(0);
        if (y >= 64)
            return ft_int_overflow();
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x)
            return ft_int_overflow();
        return ft_int_from_i64(r);
    case FT_OP_RSHIFT:
        if (y < 0) {
            ft_err_set_string(FtExc_ValueError, "negative shift count");
            return NULL;
        }
        if (y >= 64)
            return ft_int_from_i64(x < 0 ? -1 : 0);
        return ft_int_from_i64(x >> y); /* arithmetic shift: floors */
    case FT_OP_AND:
        return ft_int_from_i64(x & y);
    case FT_OP_OR:
        return ft_int_from_i64(x | y);
    case FT_OP_XOR:
        return ft_int_from_i64(x ^ y);
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

FtObject *ft_int_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!FT_INT_CHECK(a) || !FT_INT_CHECK(b) || op < FT_LT || op > FT_GE)
        FT_RETURN_NOTIMPLEMENTED;
    return ft_bool_from(ft_compare_int(op, FT_INT_VALUE(a), FT_INT_VALUE(b)));
}

static FtObject *int_unary(FtObject *a, int op)
{
    int64_t x = FT_INT_VALUE(a);
    switch (op) {
    case FT_UNARY_NEG:
        if (x == INT64_MIN)
            return ft_int_overflow();
        return ft_int_from_i64(-x);
    case FT_UNARY_POS:
        if (FT_INT_CHECK_EXACT(a))
            return FT_NEWREF(a);
        return ft_int_from_i64(x);
    case FT_UNARY_INVERT:
        return ft_int_from_i64(~x);
    case FT_UNARY_ABS:
        if (x >= 0 && FT_INT_CHECK_EXACT(a))
            return FT_NEWREF(a);
        if (x == INT64_MIN)
            return ft_int_overflow();
        return ft_int_from_i64(x < 0 ? -x : x);
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

/* ---- hash, bool, repr ---------------------------------------------------- */

static ft_hash_t int_hash(FtObject *a)
{
    int64_t x = FT_INT_VALUE(a);
    uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
    if (u >= HASH_MODULUS)
        u %= HASH_MODULUS;
    ft_hash_t h = x < 0 ? -(ft_hash_t)u : (ft_hash_t)u;
    return h == -1 ? -2 : h;
}

static int int_bool(FtObject *a) { return FT_INT_VALUE(a) != 0; }

/* Writes |v| in `base` (2..36) ending just before `end`; returns the start.
 * `upper` selects A-F for hex. */
static char *u64_to_digits(uint64_t u, int base, int upper, char *end)
{
    const char *digs =
        upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
              : "0123456789abcdefghijklmnopqrstuvwxyz";
    char *p = end;
    do {
        *--p = digs[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u != 0);
    return p;
}

static FtObject *int_repr(FtObject *a)
{
    char buf[24];
    int64_t x = FT_INT_VALUE(a);
    char *end = buf + sizeof buf;
    char *p = u64_to_digits(x < 0 ? -(uint64_t)x : (uint64_t)x, 10, 0, end);
    if (x < 0)
        *--p = '-';
    return ft_str_from_len(p, end - p);
}

/* ---- parsing -------------------------------------------------------------- */

static int is_py_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f' || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static FtObject *invalid_literal(const char *s, size_t len, int base)
{
    FtObject *str = ft_str_from_len(s, (ssize_t)len);
    if (str == NULL)
        return NULL;
    ft_err_format(FtExc_ValueError,
                  "invalid literal for int() with base %d: %R", base, str);
    FT_DECREF(str);
    return NULL;
}

/* Parses s[0..len) in `base`; returns 0 ok, -1 invalid, -2 overflow. */
static int parse_int(const char *s, size_t len, int base, int64_t *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_py_space((unsigned char)*p))
        p++;
    while (end > p && is_py_space((unsigned char)end[-1]))
        end--;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    int prefixed = 0;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = 1;
        }
    }
    int leading_zero_only = 0;
    if (base == 0) {
        /* No prefix: decimal, and a leading 0 means the whole number must
         * be zeros ("010" is not a valid literal). */
        base = 10;
        leading_zero_only = p < end && *p == '0';
    }
    if (p == end)
        return -1;
    uint64_t acc = 0;
    uint64_t limit = neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1;
    /* One underscore may follow a prefix ("0x_ff"), else only between
     * digits. */
    int overflow = 0, ndigits = 0, prev_underscore = 0;
    for (; p < end; p++) {
        if (*p == '_') {
            if (prev_underscore || (ndigits == 0 && !prefixed))
                return -1;
            prev_underscore = 1;
            continue;
        }
        int d = digit_value((unsigned char)*p);
        if (d >= base)
            return -1;
        if (leading_zero_only && d != 0)
            return -1;
        prev_underscore = 0;
        ndigits++;
        if (!overflow) {
            if (acc > (limit - (uint64_t)d) / (uint64_t)base)
                overflow = 1;
            else
                acc = acc * (uint64_t)base + (uint64_t)d;
        }
    }
    if (ndigits == 0 || prev_underscore)
        return -1;
    if (overflow)
        return -2;
    *out = neg ? (int64_t)(0 - acc) : (int64_t)acc;
    return 0;
}

FtObject *ft_int_from_string(const char *s, size_t len, int base)
{
    int64_t v;
    int rc = parse_int(s, len, base, &v);
    if (rc == -1)
        return invalid_literal(s, len, base);
    if (rc == -2)
        return ft_int_overflow();
    return ft_int_from_i64(v);
}

/* ---- int() ---------------------------------------------------------------- */

/* The int value of an arbitrary object, as int(x) computes it. */
static int int_value_of(FtObject *x, int64_t *out)
{
    if (FT_INT_CHECK(x)) {
        *out = FT_INT_VALUE(x);
        return 0;
    }
    if (FT_FLOAT_CHECK(x)) {
        FtObject *r = ft_float_to_int(FT_FLOAT_VALUE(x));
        if (r == NULL)
            return -1;
        *out = FT_INT_VALUE(r);
        FT_DECREF(r);
        return 0;
    }
    if (FT_STR_CHECK(x)) {
        int rc = parse_int(FT_STR_DATA(x), (size_t)FT_STR_NBYTES(x), 10, out);
        if (rc == -1) {
            invalid_literal(FT_STR_DATA(x), (size_t)FT_STR_NBYTES(x), 10);
            return -1;
        }
        if (rc == -2) {
            ft_int_overflow();
            return -1;
        }
        return 0;
    }
    static const struct {
        int id;
        const char *what;
    } hooks[] = {{FT_IDX___int__, "__int__"},
                 {FT_IDX___index__, "__index__"},
                 {-1, "__trunc__"}};
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++) {
        FtObject *name = hooks[i].id >= 0 ? ft_ids[hooks[i].id] : trunc_name();
        if (name == NULL)
            return -1;
        FtObject *r = call_special(x, name);
        if (r == NULL) {
            if (ft_err_occurred())
                return -1;
            continue;
        }
        if (!FT_INT_CHECK(r)) {
            ft_err_format(FtExc_TypeError,
                          "%s returned non-int (type %s)", hooks[i].what,
                          ft_type_name(FT_TYPE(r)));
            FT_DECREF(r);
            return -1;
        }
        *out = FT_INT_VALUE(r);
        FT_DECREF(r);
        return 0;
    }
    ft_err_format(FtExc_TypeError,
                  "int() argument must be a string, a bytes-like object or "
                  "a real number, not '%s'",
                  ft_type_name(FT_TYPE(x)));
    return -1;
}

static FtObject *int_new(FtType *type, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    static const char *const kwlist[] = {"", "base", NULL};
    FtObject *argv[2] = {NULL, NULL};
    if (kwnames == NULL && nargs <= 1) {
        argv[0] = nargs == 1 ? args[0] : NULL;
    } else if (ft_arg_parse("int", args, nargs, kwnames, kwlist, 0, 2,
                            argv) < 0) {
        return NULL;
    }
    FtObject *x = argv[0], *base_obj = argv[1];
    int64_t v = 0;
    if (x == NULL) {
        if (base_obj != NULL) {
            ft_err_set_string(FtExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return int_new_of_type(type, 0);
    }
    if (base_obj == NULL) {
        if (FT_INT_CHECK_EXACT(x) && type == &FtInt_Type)
            return FT_NEWREF(x);
        if (int_value_of(x, &v) < 0)
            return NULL;
        return int_new_of_type(type, v);
    }
    int64_t base;
    if (ft_number_as_i64(base_obj, &base) < 0)
        return NULL;
    if (!FT_STR_CHECK(x)) {
        ft_err_set_string(FtExc_TypeError,
                          "int() can't convert non-string with explicit base");
        return NULL;
    }
    if (base != 0 && (base < 2 || base > 36)) {
        ft_err_set_string(FtExc_ValueError,
                          "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    int rc = parse_int(FT_STR_DATA(x), (size_t)FT_STR_NBYTES(x), (int)base, &v);
    if (rc == -1)
        return invalid_literal(FT_STR_DATA(x), (size_t)FT_STR_NBYTES(x),
                               (int)base);
    if (rc == -2)
        return ft_int_overflow();
    return int_new_of_type(type, v);
}

/* ---- formatting ----------------------------------------------------------- */

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static ssize_t utf8_count(const char *s, size_t n)
{
    ssize_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

int ft_int_format_check_sep(const FtFormatSpec *spec)
{
    if (spec->thousands == 0)
        return 0;
    switch (spec->type) {
    case 0: case 'd': case 'e': case 'E': case 'f': case 'F':
    case 'g': case 'G': case '%':
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (spec->thousands == '_')
            return 0;
        break;
    default:
        break;
    }
    ft_err_format(FtExc_ValueError, "Cannot specify '%c' with '%c'.",
                  (int)spec->thousands, (int)spec->type);
    return -1;
}

FtObject *ft_int_format_layout(const char *prefix, size_t plen,
                                  const char *digits, size_t ndigits,
                                  const char *rest, size_t rlen,
                                  const FtFormatSpec *spec, int group)
{
    uint32_t fill = spec->fill ? spec->fill : ' ';
    char align = spec->align;
    if (spec->zero_pad) {
        /* '0' before the width: sign-aware zero padding, unless an explicit
         * alignment says otherwise (then only the fill becomes '0'). */
        if (align == 0) {
            fill = '0';
            align = '=';
        } else if (fill == ' ') {
            fill = '0';
        }
    }
    if (align == 0)
        align = '>';
    ssize_t width = spec->width > 0 ? spec->width : 0;
    char sep = group > 0 ? spec->thousands : 0;

    /* Integer digits, grouped; with '0' fill and '=' the zeros go into the
     * digit run so separators appear in the padding too, as in CPython. */
    size_t minw = 0;
    if (sep && fill == '0' && align == '=' &&
        (ssize_t)(plen + rlen) < width)
        minw = (size_t)width - plen - rlen;
    size_t cap = (ndigits > minw ? ndigits : minw) * 2 + 2;
    char small[128];
    char *gbuf = cap <= sizeof small ? small : ft_mem_alloc(cap);
    if (gbuf == NULL)
        return NULL;
    char *gend = gbuf + cap, *g = gend;
    if (sep) {
        size_t i = ndigits, in_group = 0;
        while (i > 0 || (size_t)(gend - g) < minw) {
            if (in_group == (size_t)group) {
                *--g = sep;
                in_group = 0;
            }
            *--g = i > 0 ? digits[--i] : '0';
            in_group++;
        }
    } else {
        g -= ndigits;
        memcpy(g, digits, ndigits);
    }
    size_t glen = (size_t)(gend - g);

    ssize_t cps = (ssize_t)(plen + glen) + utf8_count(rest, rlen);
    ssize_t pad = width > cps ? width - cps : 0;
    char fbuf[4];
    size_t flen = utf8_encode(fill, fbuf);
    size_t total = plen + glen + rlen + (size_t)pad * flen;
    char obig[256];
    char *out = total <= sizeof obig ? obig : ft_mem_alloc(total);
    if (out == NULL) {
        if (gbuf != small)
            ft_mem_free(gbuf);
        return NULL;
    }
    ssize_t left = 0, mid = 0, right = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    char *o = out;
    for (ssize_t i = 0; i < left; i++, o += flen)
        memcpy(o, fbuf, flen);
    memcpy(o, prefix, plen);
    o += plen;
    for (ssize_t i = 0; i < mid; i++, o += flen)
        memcpy(o, fbuf, flen);
    memcpy(o, g, glen);
    o += glen;
    memcpy(o, rest, rlen);
    o += rlen;
    for (ssize_t i = 0; i < right; i++, o += flen)
        memcpy(o, fbuf, flen);
    FtObject *res = ft_str_from_len(out, o - out);
    if (out != obig)
        ft_mem_free(out);
    if (gbuf != small)
        ft_mem_free(gbuf);
    return res;
}

static FtObject *int_format_impl(int64_t v, const FtFormatSpec *spec,
                                 const char *tname)
{
    char type = spec->type;
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return ft_float_format((double)v, spec);
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X':
    case 'c':
        break;
    default:
        ft_err_format(FtExc_ValueError,
                      "Unknown format code '%c' for object of type '%s'",
                      (int)(unsigned char)type, tname);
        return NULL;
    }
    if (spec->precision >= 0) {
        ft_err_set_string(FtExc_ValueError,
                          "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (ft_int_format_check_sep(spec) < 0)
        return NULL;
    if (type == 'c') {
        if (spec->sign) {
            ft_err_set_string(FtExc_ValueError, "Sign not allowed with "
                                                "integer format specifier 'c'");
            return NULL;
        }
        if (spec->alternate) {
            ft_err_set_string(FtExc_ValueError,
                              "Alternate form (#) not allowed with integer "
                              "format specifier 'c'");
            return NULL;
        }
        if (v < 0 || v > 0x10FFFF) {
            ft_err_set_string(FtExc_OverflowError,
                              "%c arg not in range(0x110000)");
            return NULL;
        }
        char cbuf[4];
        size_t n = utf8_encode((uint32_t)v, cbuf);
        return ft_int_format_layout("", 0, "", 0, cbuf, n, spec, 0);
    }
    int base = 10, group = 3;
    const char *alt = "";
    switch (type) {
    case 'b': base = 2; group = 4; alt = "0b"; break;
    case 'o': base = 8; group = 4; alt = "0o"; break;
    case 'x': base = 16; group = 4; alt = "0x"; break;
    case 'X': base = 16; group = 4; alt = "0X"; break;
    case 'n': group = 0; break;
    default: break;
    }
    char dbuf[72];
    char *dend = dbuf + sizeof dbuf;
    char *d = u64_to_digits(v < 0 ? -(uint64_t)v : (uint64_t)v, base,
                            type == 'X', dend);
    char prefix[4];
    size_t plen = 0;
    if (v < 0)
        prefix[plen++] = '-';
    else if (spec->sign == '+' || spec->sign == ' ')
        prefix[plen++] = spec->sign;
    if (spec->alternate && alt[0]) {
        prefix[plen++] = alt[0];
        prefix[plen++] = alt[1];
    }
    return ft_int_format_layout(prefix, plen, d, (size_t)(dend - d), "", 0,
                                   spec, group);
}

FtObject *ft_int_format(int64_t v, const FtFormatSpec *spec)
{
    return int_format_impl(v, spec, "int");
}

/* ---- methods --------------------------------------------------------------- */

static FtObject *int_format_method(FtObject *self, FtObject *const *args,
                                   size_t nargs, FtObject *kwnames)
{
    FtFormatSpec spec;
    int got = ft_format_method_spec(self, args, nargs, &spec);
    if (got <= 0)
        return got == 0 ? ft_object_str(self) : NULL;
    return int_format_impl(FT_INT_VALUE(self), &spec,
                           ft_type_name(FT_TYPE(self)));
}

static FtObject *int_bit_length(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("bit_length", nargs, 0, 0) < 0)
        return NULL;
    int64_t x = FT_INT_VALUE(self);
    return ft_int_from_i64(bit_length_u64(x < 0 ? -(uint64_t)x : (uint64_t)x));
}

static FtObject *int_bit_count(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("bit_count", nargs, 0, 0) < 0)
        return NULL;
    int64_t x = FT_INT_VALUE(self);
    return ft_int_from_i64(
        __builtin_popcountll(x < 0 ? -(uint64_t)x : (uint64_t)x));
}

/* int(self): exact ints return themselves, bools and subclasses an int. */
static FtObject *int_as_int(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__int__", nargs, 0, 0) < 0)
        return NULL;
    if (FT_INT_CHECK_EXACT(self))
        return FT_NEWREF(self);
    return ft_int_from_i64(FT_INT_VALUE(self));
}

static FtObject *int_as_float(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__float__", nargs, 0, 0) < 0)
        return NULL;
    return ft_float_from_double((double)FT_INT_VALUE(self));
}

/* round(int, ndigits): round half to even at 10**-ndigits. */
static FtObject *int_round(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    int64_t x = FT_INT_VALUE(self);
    if (nargs == 0 || args[0] == FT_None)
        return ft_int_from_i64(x);
    int64_t nd;
    if (ft_number_as_i64(args[0], &nd) < 0)
        return NULL;
    if (nd >= 0)
        return ft_int_from_i64(x);
    if (nd < -20)
        return ft_int_from_i64(0);
    __int128 p = 1;
    for (int64_t i = 0; i < -nd; i++)
        p *= 10;
    __int128 v = x;
    __int128 q = v / p, r = v % p;
    if (r < 0) {
        r += p;
        q -= 1;
    }
    /* now v = q*p + r with 0 <= r < p */
    if (2 * r > p || (2 * r == p && (q & 1)))
        q += 1;
    __int128 res = q * p;
    if (res > INT64_MAX || res < INT64_MIN)
        return ft_int_overflow();
    return ft_int_from_i64((int64_t)res);
}

static FtObject *int_self_method(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("method", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(FT_INT_VALUE(self));
}

static FtObject *int_as_integer_ratio(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("as_integer_ratio", nargs, 0, 0) < 0)
        return NULL;
    FtObject *n = ft_int_from_i64(FT_INT_VALUE(self));
    if (n == NULL)
        return NULL;
    FtObject *one = ft_int_from_i64(1);
    FtObject *t = ft_tuple_pack(2, n, one);
    FT_DECREF(n);
    FT_DECREF(one);
    return t;
}

static FtObject *int_getnewargs(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    FtObject *n = ft_int_from_i64(FT_INT_VALUE(self));
    if (n == NULL)
        return NULL;
    FtObject *t = ft_tuple_pack(1, n);
    FT_DECREF(n);
    return t;
}

static FtObject *int_divmod_method(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("__divmod__", nargs, 1, 1) < 0)
        return NULL;
    FtObject *b = args[0];
    if (!FT_INT_CHECK(b))
        FT_RETURN_NOTIMPLEMENTED;
    int64_t y = FT_INT_VALUE(b), q, r;
    if (y == 0) {
        ft_err_set_string(FtExc_ZeroDivisionError,
                          "integer division or modulo by zero");
        return NULL;
    }
    if (int_divmod(FT_INT_VALUE(self), y, &q, &r) < 0)
        return ft_int_overflow();
    FtObject *qo = ft_int_from_i64(q);
    FtObject *ro = ft_int_from_i64(r);
    FtObject *t = (qo && ro) ? ft_tuple_pack(2, qo, ro) : NULL;
    FT_XDECREF(qo);
    FT_XDECREF(ro);
    return t;
}

static FtMethodDef int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_self_method, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_as_integer_ratio, 0, NULL},
    {"__format__", int_format_method, 0, NULL},
    {"__index__", int_as_int, 0, NULL},
    {"__int__", int_as_int, 0, NULL},
    {"__float__", int_as_float, 0, NULL},
    {"__round__", int_round, 0, NULL},
    {"__trunc__", int_self_method, 0, NULL},
    {"__floor__", int_self_method, 0, NULL},
    {"__ceil__", int_self_method, 0, NULL},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__divmod__", int_divmod_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static FtObject *int_get_self(FtObject *self)
{
    return ft_int_from_i64(FT_INT_VALUE(self));
}
static FtObject *int_get_zero(FtObject *self) { return ft_int_from_i64(0); }
static FtObject *int_get_one(FtObject *self) { return ft_int_from_i64(1); }

static FtGetSetDef int_getset[] = {
    {"real", int_get_self, NULL},
    {"imag", int_get_zero, NULL},
    {"numerator", int_get_self, NULL},
    {"denominator", int_get_one, NULL},
    {NULL, NULL, NULL},
};

FtType FtInt_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "int",
    .tp_basicsize = sizeof(FtIntObject),
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_LEAF,
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_str = int_repr,
    .tp_hash = int_hash,
    .tp_richcompare = ft_int_richcompare,
    .tp_bool = int_bool,
    .tp_binop = ft_int_binop,
    .tp_unary = int_unary,
    .tp_new = int_new,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};
