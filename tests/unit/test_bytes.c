/* tests/unit/test_bytes.c — the bytes interface binary I/O builds on
 * (ft_bytes_from_buf, ft_bytes_new + FT_BYTES_MDATA, ft_bytes_shrink),
 * views of bytes and bytearray, the codecs' C entry points and their
 * errors, repr, and the hashes of bytes and frozenset.
 */
#include "tests/unit/unit.h"

#include <string.h>

static void expect_text(FtObject *r, const char *text)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_FATAL(FT_STR_CHECK(r));
    CU_ASSERT_STRING_EQUAL(ft_str_cstr(r), text);
    FT_DECREF(r);
}

/* Asserts an exception of `type` is set and str() of it is msg. */
static void expect_error(FtType *type, const char *msg)
{
    CU_ASSERT_FATAL(ft_err_matches(type));
    FtObject *exc = ft_err_fetch();
    CU_ASSERT_PTR_NOT_NULL_FATAL(exc);
    expect_text(ft_object_str(exc), msg);
    FT_DECREF(exc);
}

static void test_from_buf(void)
{
    FtObject *b = ft_bytes_from_buf("a\0b", 3);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT(FT_BYTES_CHECK(b));
    CU_ASSERT_EQUAL(FT_BYTES_SIZE(b), 3);
    CU_ASSERT(memcmp(FT_BYTES_DATA(b), "a\0b", 4) == 0); /* NUL after */
    expect_text(ft_object_repr(b), "b'a\\x00b'");
    CU_ASSERT_EQUAL(ft_object_hash(b), ft_str_hash_bytes("a\0b", 3));
    FT_DECREF(b);

    FtObject *e = ft_bytes_from_buf(NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(FT_BYTES_SIZE(e), 0);
    CU_ASSERT_EQUAL(FT_BYTES_DATA(e)[0], '\0');
    FT_DECREF(e);
}

static void test_new_shrink(void)
{
    FtObject *b = ft_bytes_new(8);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    for (int i = 0; i < 8; i++)
        CU_ASSERT_EQUAL(FT_BYTES_DATA(b)[i], 0);
    memcpy(FT_BYTES_MDATA(b), "xyzw", 4);
    CU_ASSERT_EQUAL(ft_bytes_shrink(&b, 3), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(FT_BYTES_SIZE(b), 3);
    expect_text(ft_object_repr(b), "b'xyz'");
    FT_DECREF(b);
    CU_ASSERT_PTR_NULL(ft_bytes_new(-1));
    expect_error(FtExc_MemoryError, "");
}

static void test_views(void)
{
    FtObject *ba = ft_bytearray_from_buf("hello", 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ba);
    FtBytesView v;
    CU_ASSERT_EQUAL(ft_bytes_view(ba, &v), 1);
    CU_ASSERT_EQUAL(v.n, 5);
    /* a snapshot: changing the bytearray afterwards leaves it alone */
    FtObject *zero = ft_int_from_i64(0), *x = ft_int_from_i64('J');
    CU_ASSERT_EQUAL(ft_object_setitem(ba, zero, x), 0);
    CU_ASSERT(memcmp(v.p, "hello", 5) == 0);
    ft_bytes_view_release(&v);
    expect_text(ft_object_repr(ba), "bytearray(b'Jello')");
    FT_DECREF(zero);
    FT_DECREF(x);
    FT_DECREF(ba);

    FtObject *s = ft_str_from_cstr("text");
    CU_ASSERT_EQUAL(ft_bytes_view(s, &v), 0);
    CU_ASSERT_PTR_NULL(ft_err_occurred());
    CU_ASSERT_EQUAL(ft_bytes_view_required(s, &v), -1);
    expect_error(FtExc_TypeError, "a bytes-like object is required, not 'str'");
    FT_DECREF(s);
}

static void test_codecs(void)
{
    FtObject *s = ft_str_from_cstr("caf\xc3\xa9");
    FtObject *b = ft_str_encode(s, "latin-1", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(FT_BYTES_SIZE(b), 4);
    CU_ASSERT_EQUAL((unsigned char)FT_BYTES_DATA(b)[3], 0xE9);
    expect_text(ft_bytes_decode_buf(FT_BYTES_DATA(b), 4, "iso-8859-1", NULL),
                "caf\xc3\xa9");
    CU_ASSERT_PTR_NULL(ft_bytes_decode_buf(FT_BYTES_DATA(b), 4, NULL, NULL));
    expect_error(FtExc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xe9 in position 3: "
                 "unexpected end of data");
    expect_text(ft_bytes_decode_buf(FT_BYTES_DATA(b), 4, "utf8", "replace"),
                "caf\xef\xbf\xbd");
    FT_DECREF(b);
    CU_ASSERT_PTR_NULL(ft_str_encode(s, "ascii", NULL));
    expect_error(FtExc_UnicodeEncodeError,
                 "'ascii' codec can't encode character '\\xe9' in position "
                 "3: ordinal not in range(128)");
    CU_ASSERT_PTR_NULL(ft_str_encode(s, "ebcdic", NULL));
    expect_error(FtExc_LookupError, "unknown encoding: ebcdic");
    b = ft_str_encode(s, "ASCII", "backslashreplace");
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    expect_text(ft_object_repr(b), "b'caf\\\\xe9'");
    FT_DECREF(b);
    FT_DECREF(s);
}

static void test_frozenset_hash(void)
{
    FtObject *a = ft_unit_run_out(
        "out = (hash(frozenset(range(50))) == "
        "hash(frozenset(range(49, -1, -1))), "
        "frozenset({1, 2}) == {2, 1}, hash(b'ab') == hash('ab'))");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    expect_text(ft_object_repr(a), "(True, True, True)");
    FT_DECREF(a);
}

void test_register_bytes(void)
{
    CU_pSuite s = CU_add_suite("bytes", NULL, NULL);
    CU_add_test(s, "from_buf, repr and hash", test_from_buf);
    CU_add_test(s, "new, fill and shrink", test_new_shrink);
    CU_add_test(s, "views of bytes and bytearray", test_views);
    CU_add_test(s, "codecs and their errors", test_codecs);
    CU_add_test(s, "frozenset and bytes hashes", test_frozenset_hash);
}
