/* tests/unit/test_str.c — the str type: constructors and the one-char
 * cache, interning and FT_ID, hashing, indexing, join/split/replace/find,
 * repr escapes, %-formatting, str.format and format specs, the builder.
 */
#include "tests/unit/unit.h"

#include <stdarg.h>
#include <string.h>

static FtObject *S(const char *s)
{
    return ft_str_from_cstr(s);
}
static FtObject *I(int64_t v)
{
    return ft_int_from_i64(v);
}

/* Asserts r is a str with text `text`, then drops it. */
static void expect_str(FtObject *r, const char *text)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_FATAL(FT_STR_CHECK(r));
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(r), text);
    CU_ASSERT_EQUAL((size_t)FT_STR_NBYTES(r), strlen(text));
    FT_DECREF(r);
}

static void expect_int(FtObject *r, int64_t v)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_FATAL(FT_INT_CHECK(r));
    CU_ASSERT_EQUAL(FT_INT_VALUE(r), v);
    FT_DECREF(r);
}

/* Asserts r is NULL with `type` raised and str(exception) == msg. */
static void expect_error(FtObject *r, FtType *type, const char *msg)
{
    CU_ASSERT_PTR_NULL(r);
    FT_XDECREF(r);
    CU_ASSERT(ft_err_matches(type));
    FtObject *exc = ft_err_fetch();
    CU_ASSERT_PTR_NOT_NULL_FATAL(exc);
    if (msg != NULL) {
        FtObject *s = ft_object_str(exc);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_STRING_EQUAL(ft_str_cstr(s), msg);
        FT_DECREF(s);
    }
    FT_DECREF(exc);
}

/* s.name(args...) through the ordinary method-call path. */
static FtObject *call(FtObject *s, const char *name, FtObject *const *args,
                      size_t nargs)
{
    FtObject *n = ft_str_intern_cstr(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(n);
    FtObject *r = ft_call_method(s, n, args, nargs);
    FT_DECREF(n);
    return r;
}

/* repr() of a list result, e.g. "['a', 'b']". */
static void expect_repr(FtObject *r, const char *text)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    expect_str(ft_object_repr(r), text);
    FT_DECREF(r);
}

static void test_construct(void)
{
    FtObject *s = ft_str_from_len("h\xc3\xa9llo", 6);
    CU_ASSERT_EQUAL(FT_STR_LEN(s), 5);
    CU_ASSERT_EQUAL(FT_STR_NBYTES(s), 6);
    CU_ASSERT_EQUAL(ft_object_len(s), 5);
    FT_DECREF(s);

    /* The empty string and one-char ASCII strings are shared. */
    FtObject *a = S(""), *b = ft_str_from_len("xyz", 0);
    CU_ASSERT_PTR_EQUAL(a, b);
    FT_DECREF(a);
    FT_DECREF(b);
    a = S("q");
    b = ft_str_from_codepoint('q');
    CU_ASSERT_PTR_EQUAL(a, b);
    FT_DECREF(a);
    FT_DECREF(b);

    /* Indexing an ASCII string returns the cached character. */
    s = S("hello");
    FtObject *i1 = I(1), *im1 = I(-1), *i9 = I(9);
    FtObject *c = ft_object_getitem(s, i1);
    FtObject *e = ft_str_from_codepoint('e');
    CU_ASSERT_PTR_EQUAL(c, e);
    FT_DECREF(c);
    FT_DECREF(e);
    expect_str(ft_object_getitem(s, im1), "o");
    expect_error(ft_object_getitem(s, i9), FtExc_IndexError,
                 "string index out of range");
    FT_DECREF(i1);
    FT_DECREF(im1);
    FT_DECREF(i9);
    FT_DECREF(s);

    /* Non-ASCII indexing and slicing walk code points. */
    s = S("h\xc3\xa9llo");
    FtObject *one = I(1), *three = I(3);
    expect_str(ft_object_getitem(s, one), "\xc3\xa9");
    FtObject *sl = ft_slice_new(one, three, FT_None);
    expect_str(ft_object_getitem(s, sl), "\xc3\xa9l");
    FT_DECREF(sl);
    FtObject *m1 = I(-1);
    sl = ft_slice_new(FT_None, FT_None, m1);
    expect_str(ft_object_getitem(s, sl), "oll\xc3\xa9h");
    FT_DECREF(sl);
    FT_DECREF(m1);
    FT_DECREF(one);
    FT_DECREF(three);
    FT_DECREF(s);

    expect_str(ft_str_from_format("%d|%s|%R|%zd|%c|%5s|%-3s|%x", 42, "txt",
                                  FT_None, (ssize_t)-3, 0xe9, "ab", "c", 255),
               "42|txt|None|-3|\xc3\xa9|   ab|c  |ff");
    s = S("it's");
    expect_str(ft_str_from_format("<%R %S %U %T>", s, s, s, s),
               "<\"it's\" it's it's str>");
    FT_DECREF(s);
}

static void test_intern_hash(void)
{
    FtObject *a = ft_str_intern_cstr("some_identifier");
    FtObject *b = ft_str_intern_cstr("some_identifier");
    CU_ASSERT_PTR_EQUAL(a, b);
    FtObject *c = ft_str_intern(S("some_identifier"));
    CU_ASSERT_PTR_EQUAL(a, c);
    FT_DECREF(a);
    FT_DECREF(b);
    FT_DECREF(c);

    FtObject *init = ft_str_intern_cstr("__init__");
    CU_ASSERT_PTR_EQUAL(init, FT_ID(__init__));
    CU_ASSERT(ft_str_eq_cstr(FT_ID(write), "write"));
    FT_DECREF(init);

    /* Equal text, equal hash; never -1; cached. */
    FtObject *x = S("hash me please"),
             *y = ft_str_from_len("hash me please!", 14);
    CU_ASSERT_PTR_NOT_EQUAL(x, y);
    CU_ASSERT(ft_str_eq(x, y));
    CU_ASSERT_EQUAL(ft_str_hash(x), ft_str_hash(y));
    CU_ASSERT_EQUAL(ft_object_hash(x), ft_str_hash(x));
    CU_ASSERT_NOT_EQUAL(ft_str_hash(x), -1);
    CU_ASSERT_EQUAL(ft_str_hash(x), ft_str_hash_bytes("hash me please", 14));
    FtObject *z = S("hash me pleasf");
    CU_ASSERT_NOT_EQUAL(ft_str_hash(x), ft_str_hash(z));
    CU_ASSERT(!ft_str_eq(x, z));
    CU_ASSERT_EQUAL(ft_object_richcompare_bool(x, z, FT_LT), 1);
    FT_DECREF(x);
    FT_DECREF(y);
    FT_DECREF(z);
}

static void test_concat(void)
{
    FtObject *a = S("ab"), *b = S("cd");
    expect_str(ft_str_concat(a, b), "abcd");
    expect_str(ft_number_binop(a, b, FT_OP_ADD), "abcd");
    FtObject *three = I(3);
    expect_str(ft_number_binop(a, three, FT_OP_MUL), "ababab");
    expect_str(ft_number_binop(three, a, FT_OP_MUL), "ababab");
    expect_error(ft_number_binop(a, three, FT_OP_ADD), FtExc_TypeError,
                 "can only concatenate str (not \"int\") to str");
    FT_DECREF(three);

    /* In-place append of a uniquely referenced string. */
    FtObject *s = ft_str_concat(a, b);
    for (int i = 0; i < 100; i++)
        CU_ASSERT_EQUAL_FATAL(ft_str_append_inplace(&s, a), 0);
    CU_ASSERT_EQUAL(FT_STR_LEN(s), 204);
    CU_ASSERT_EQUAL(ft_refcnt(s), 1);
    FT_DECREF(s);
    FT_DECREF(a);
    FT_DECREF(b);

    s = S("abc");
    FtObject *sub = S("b"), *no = S("x");
    CU_ASSERT_EQUAL(ft_object_contains(s, sub), 1);
    CU_ASSERT_EQUAL(ft_object_contains(s, no), 0);
    FT_DECREF(sub);
    FT_DECREF(no);
    FT_DECREF(s);
}

static void test_join_split(void)
{
    FtObject *sep = S(", ");
    FtObject *x = S("x"), *y = S("y");
    FtObject *list = ft_list_new(0);
    ft_list_append(list, x);
    ft_list_append(list, y);
    expect_str(ft_str_join(sep, list), "x, y");
    FT_DECREF(list);

    /* A single exact str is returned as is (one more reference). */
    FtObject *t = ft_tuple_pack(1, x);
    ssize_t before = ft_refcnt(x);
    FtObject *r = ft_str_join(sep, t);
    CU_ASSERT_PTR_EQUAL(r, x);
    /* (--enable-immortal: one-char strings are interned, so immortal) */
    CU_ASSERT_EQUAL(ft_refcnt(x), FT_IS_IMMORTAL(x) ? before : before + 1);
    FT_DECREF(r);
    FT_DECREF(t);

    FtObject *one = I(1);
    t = ft_tuple_pack(2, x, one);
    expect_error(ft_str_join(sep, t), FtExc_TypeError,
                 "sequence item 1: expected str instance, int found");
    FT_DECREF(t);
    expect_error(ft_str_join(sep, one), FtExc_TypeError,
                 "can only join an iterable");
    FT_DECREF(x);
    FT_DECREF(y);
    FT_DECREF(sep);

    FtObject *s = S("a,b,,c");
    FtObject *comma = S(",");
    expect_repr(call(s, "split", &comma, 1), "['a', 'b', '', 'c']");
    FtObject *args[2] = {comma, one};
    expect_repr(call(s, "rsplit", args, 2), "['a,b,', 'c']");
    FT_DECREF(s);
    s = S("  a  b\tc\n ");
    expect_repr(call(s, "split", NULL, 0), "['a', 'b', 'c']");
    expect_str(call(s, "strip", NULL, 0), "a  b\tc");
    FT_DECREF(s);
    s = S("k=v=w");
    FtObject *eq = S("=");
    expect_repr(call(s, "partition", &eq, 1), "('k', '=', 'v=w')");
    FT_DECREF(eq);
    FT_DECREF(s);
    s = S("l1\nl2\r\nl3");
    expect_repr(call(s, "splitlines", NULL, 0), "['l1', 'l2', 'l3']");
    FT_DECREF(s);
    FtObject *empty = S("");
    expect_repr(call(empty, "split", &comma, 1), "['']");
    FT_DECREF(empty);
    FT_DECREF(comma);
    FT_DECREF(one);
}

static void test_replace_find(void)
{
    FtObject *s = S("banana");
    FtObject *an = S("an"), *x = S("X"), *z = S("z"), *emp = S(""), *two = I(2);
    FtObject *a2[2] = {an, x}, *a3[3] = {an, x, FT_None};
    expect_str(call(s, "replace", a2, 2), "bXXa");
    a3[2] = I(1);
    expect_str(call(s, "replace", a3, 3), "bXana");
    FT_DECREF(a3[2]);
    FtObject *e2[2] = {emp, x};
    FtObject *ab = S("ab");
    expect_str(call(ab, "replace", e2, 2), "XaXbX");
    FT_DECREF(ab);
    expect_int(call(s, "find", &an, 1), 1);
    expect_int(call(s, "rfind", &an, 1), 3);
    FtObject *f2[2] = {an, two};
    expect_int(call(s, "find", f2, 2), 3);
    expect_int(call(s, "find", &z, 1), -1);
    expect_int(call(s, "count", &an, 1), 2);
    expect_int(call(s, "count", &emp, 1), 7);
    expect_error(call(s, "index", &z, 1), FtExc_ValueError,
                 "substring not found");
    FtObject *ba = S("ba");
    CU_ASSERT_PTR_EQUAL_FATAL(call(s, "startswith", &ba, 1), FT_True);
    FT_DECREF(FT_True);
    FT_DECREF(ba);
    expect_str(call(s, "upper", NULL, 0), "BANANA");
    FT_DECREF(s);

    /* Code-point indexes in non-ASCII text. */
    s = S("h\xc3\xa9llo w\xc3\xb6rld");
    FtObject *l = S("l"), *o = S("o");
    expect_int(call(s, "find", &l, 1), 2);
    expect_int(call(s, "rfind", &o, 1), 4);
    expect_int(call(s, "rfind", &l, 1), 9);
    FT_DECREF(l);
    FT_DECREF(o);
    FT_DECREF(s);
    FT_DECREF(an);
    FT_DECREF(x);
    FT_DECREF(z);
    FT_DECREF(emp);
    FT_DECREF(two);
}

static void test_repr(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain", "'plain'"},
        {"it's", "\"it's\""},
        {"say \"x\"", "'say \"x\"'"},
        {"both ' and \"", "'both \\' and \"'"},
        {"a\nb\tc\\d\r", "'a\\nb\\tc\\\\d\\r'"},
        {"\x01\x7f", "'\\x01\\x7f'"},
        {"\xc3\xa9\xe2\x82\xac", "'\xc3\xa9\xe2\x82\xac'"},
        {"\xc2\xa0\xe2\x80\xa8", "'\\xa0\\u2028'"},
        {"", "''"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        FtObject *s = S(cases[i].in);
        expect_str(ft_str_repr(s), cases[i].out);
        FT_DECREF(s);
    }
    FtObject *s = S("\xc3\xa9\n");
    expect_str(ft_str_ascii(s), "'\\xe9\\n'");
    FT_DECREF(s);
}

/* A tuple that steals the references it is given. */
static FtObject *T(ssize_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    FtObject *t = ft_tuple_new(n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(t, i, va_arg(ap, FtObject *));
    va_end(ap);
    return t;
}

static FtObject *pct(const char *fmt, FtObject *args)
{
    FtObject *f = S(fmt);
    FtObject *r = ft_str_percent_format(f, args);
    FT_DECREF(f);
    FT_DECREF(args);
    return r;
}

static void test_percent(void)
{
    expect_str(pct("%s is %d years and %.1f%% done",
                   T(3, S("Ann"), I(30), ft_float_from_double(99.5))),
               "Ann is 30 years and 99.5% done");
    expect_str(pct("%5.2f|%-5d|%05d|%+d|%x|%#o|%e",
                   T(7, ft_float_from_double(3.14159), I(42), I(42), I(-4),
                     I(255), I(8), ft_float_from_double(12345.678))),
               " 3.14|42   |00042|-4|ff|0o10|1.234568e+04");
    expect_str(pct("%r", S("it's")), "\"it's\"");
    expect_str(pct("%c%c", T(2, I(72), S("i"))), "Hi");
    expect_str(
        pct("%.3d|%#05x|%g", T(3, I(5), I(255), ft_float_from_double(1e-5))),
        "005|0x0ff|1e-05");
    FtObject *d = ft_dict_new();
    FtObject *v = S("box");
    ft_dict_set_str(d, "name", v);
    FT_DECREF(v);
    expect_str(pct("%(name)s!", d), "box!");
    expect_error(pct("%d %d", T(1, I(1))), FtExc_TypeError,
                 "not enough arguments for format string");
    expect_error(pct("%d", T(2, I(1), I(2))), FtExc_TypeError,
                 "not all arguments converted during string formatting");
    expect_error(pct("%d", S("x")), FtExc_TypeError,
                 "%d format: a real number is required, not str");
    expect_error(pct("%z", I(1)), FtExc_ValueError,
                 "unsupported format character 'z' (0x7a) at index 1");
}

static FtObject *fmt(const char *f, FtObject *const *args, size_t nargs,
                     FtObject *kwnames)
{
    FtObject *s = S(f);
    FtObject *r = ft_str_format_call(s, args, nargs, kwnames);
    FT_DECREF(s);
    return r;
}

static void test_format(void)
{
    FtObject *a = S("a"), *b = S("b"), *n = I(42);
    FtObject *ab[2] = {a, b};
    expect_str(fmt("{} and {}", ab, 2, NULL), "a and b");
    expect_str(fmt("{1}{0}{1}", ab, 2, NULL), "bab");
    expect_str(fmt("{{x}} {0!r:>5}|{1:*^5}|", ab, 2, NULL), "{x}   'a'|**b**|");
    FtObject *kw = ft_tuple_pack(1, FT_ID(name));
    FtObject *kargs[2] = {a, n};
    expect_str(fmt("{0}={name}", kargs, 1, kw), "a=42");
    FT_DECREF(kw);
    expect_str(fmt("{:5}|{:<4}|", kargs, 2, NULL), "a    |42  |");
    FtObject *list = ft_list_new(0);
    ft_list_append(list, b);
    expect_str(fmt("{0[0]}", &list, 1, NULL), "b");
    FT_DECREF(list);
    expect_error(fmt("{} {}", ab, 1, NULL), FtExc_IndexError,
                 "Replacement index 1 out of range for positional args tuple");
    expect_error(fmt("{} {0}", ab, 2, NULL), FtExc_ValueError,
                 "cannot switch from automatic field numbering to manual field "
                 "specification");
    expect_error(fmt("{missing}", ab, 2, NULL), FtExc_KeyError, NULL);
    expect_error(fmt("}", ab, 0, NULL), FtExc_ValueError,
                 "Single '}' encountered in format string");

    /* Format specs on str. */
    FtObject *abc = S("abc"), *spec;
    spec = S("^7.2");
    expect_str(ft_str_format_spec(abc, spec), "  ab   ");
    FT_DECREF(spec);
    spec = S("05");
    expect_str(ft_str_format_spec(abc, spec), "abc00");
    FT_DECREF(spec);
    spec = S("d");
    expect_error(ft_str_format_spec(abc, spec), FtExc_ValueError,
                 "Unknown format code 'd' for object of type 'str'");
    FT_DECREF(spec);
    spec = S("+");
    expect_error(ft_str_format_spec(abc, spec), FtExc_ValueError,
                 "Sign not allowed in string format specifier");
    FT_DECREF(spec);

    FtFormatSpec fs;
    spec = S("*<+#012,.3f");
    CU_ASSERT_EQUAL_FATAL(ft_format_spec_parse(spec, &fs), 0);
    CU_ASSERT_EQUAL(fs.fill, '*');
    CU_ASSERT_EQUAL(fs.align, '<');
    CU_ASSERT_EQUAL(fs.sign, '+');
    CU_ASSERT(fs.alternate);
    CU_ASSERT_EQUAL(fs.width, 12);
    CU_ASSERT_EQUAL(fs.thousands, ',');
    CU_ASSERT_EQUAL(fs.precision, 3);
    CU_ASSERT_EQUAL(fs.type, 'f');
    FT_DECREF(spec);
    spec = S("08");
    CU_ASSERT_EQUAL_FATAL(ft_format_spec_parse(spec, &fs), 0);
    CU_ASSERT(fs.zero_pad);
    CU_ASSERT_EQUAL(fs.fill, '0');
    CU_ASSERT_EQUAL(fs.align, 0);
    expect_str(ft_format_pad("-12", 3, 3, &fs, '>'), "-0000012");
    expect_str(ft_format_pad("ab", 2, 2, &fs, '<'), "ab000000");
    FT_DECREF(spec);
    spec = S(",_");
    CU_ASSERT_EQUAL(ft_format_spec_parse(spec, &fs), -1);
    expect_error(NULL, FtExc_ValueError, "Cannot specify both ',' and '_'.");
    FT_DECREF(spec);
    FT_DECREF(abc);
    FT_DECREF(a);
    FT_DECREF(b);
    FT_DECREF(n);
}

static void test_builder(void)
{
    FtStrBuilder sb;
    ft_sb_init(&sb);
    for (int i = 0; i < 100; i++)
        CU_ASSERT_EQUAL_FATAL(ft_sb_append_cstr(&sb, "abc"), 0);
    CU_ASSERT_EQUAL(ft_sb_append_char(&sb, '!'), 0);
    FtObject *s = ft_sb_finish(&sb);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(FT_STR_LEN(s), 301);
    CU_ASSERT_EQUAL(ft_str_cstr(s)[300], '!');
    CU_ASSERT_EQUAL(ft_str_cstr(s)[301], '\0');
    FT_DECREF(s);

    ft_sb_init(&sb);
    FtObject *q = S("q'"), *n = I(-7);
    ft_sb_append_repr(&sb, q);
    ft_sb_append_strof(&sb, n);
    ft_sb_append(&sb, "\xc3\xa9", 2);
    s = ft_sb_finish(&sb);
    CU_ASSERT_EQUAL(FT_STR_LEN(s), 7);
    expect_str(s, "\"q'\"-7\xc3\xa9");
    FT_DECREF(q);
    FT_DECREF(n);

    ft_sb_init(&sb);
    ft_sb_append_cstr(&sb, "discarded");
    ft_sb_discard(&sb);
}

void test_register_str(void)
{
    CU_pSuite s = CU_add_suite("str", NULL, NULL);
    if (s == NULL)
        return;
    CU_add_test(s, "constructors, cache, indexing", test_construct);
    CU_add_test(s, "interning and hashing", test_intern_hash);
    CU_add_test(s, "concatenation and repetition", test_concat);
    CU_add_test(s, "join and split", test_join_split);
    CU_add_test(s, "replace and find", test_replace_find);
    CU_add_test(s, "repr escapes", test_repr);
    CU_add_test(s, "percent formatting", test_percent);
    CU_add_test(s, "str.format and format specs", test_format);
    CU_add_test(s, "string builder", test_builder);
}
