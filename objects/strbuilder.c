/* objects/strbuilder.c — FtStrBuilder: text accumulated in a small inline
 * buffer, then in a heap block laid out like a str object (header space in
 * front), so ft_sb_finish can turn a large result into a str without a copy.
 */
#include "objects/object.h"
#include "objects/str_impl.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* sb->buf is sb->small, or points FT_STR_HDR bytes into a heap block of
 * FT_STR_HDR + cap + 1 bytes (the +1 keeps room for the final NUL). */
#define SB_HEAP(sb) ((sb)->buf != (sb)->small)

void ft_sb_init(FtStrBuilder *sb)
{
    sb->buf = sb->small;
    sb->len = 0;
    sb->cap = sizeof(sb->small);
}

static int sb_grow(FtStrBuilder *sb, size_t need)
{
    /* len never exceeds SSIZE_MAX / 4 (refused here) and callers check n
     * against the same bound, so need = len + n cannot wrap. */
    if (need > (size_t)SSIZE_MAX / 4) {
        ft_err_no_memory();
        return -1;
    }
    size_t cap = sb->cap * 2;
    if (cap < need)
        cap = need + need / 2;
    char *block;
    if (SB_HEAP(sb)) {
        block = ft_mem_realloc(sb->buf - FT_STR_HDR, FT_STR_HDR + cap + 1);
        if (block == NULL)
            return -1;
    } else {
        block = ft_mem_alloc(FT_STR_HDR + cap + 1);
        if (block == NULL)
            return -1;
        memcpy(block + FT_STR_HDR, sb->small, sb->len);
    }
    sb->buf = block + FT_STR_HDR;
    sb->cap = cap;
    return 0;
}

char *ft_sb_extend(FtStrBuilder *sb, size_t n)
{
    if (n > (size_t)SSIZE_MAX / 4) {
        ft_err_no_memory();
        return NULL;
    }
    if (sb->cap - sb->len < n && sb_grow(sb, sb->len + n) < 0)
        return NULL;
    char *p = sb->buf + sb->len;
    sb->len += n;
    return p;
}

int ft_sb_append(FtStrBuilder *sb, const char *s, size_t n)
{
    if (sb->cap - sb->len < n) {
        if (n > (size_t)SSIZE_MAX / 4) {
            ft_err_no_memory();
            return -1;
        }
        if (sb_grow(sb, sb->len + n) < 0)
            return -1;
    }
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    return 0;
}

int ft_sb_append_cstr(FtStrBuilder *sb, const char *s)
{
    return ft_sb_append(sb, s, strlen(s));
}

int ft_sb_append_char(FtStrBuilder *sb, char c)
{
    if (sb->len == sb->cap && sb_grow(sb, sb->len + 1) < 0)
        return -1;
    sb->buf[sb->len++] = c;
    return 0;
}

int ft_sb_append_codepoint(FtStrBuilder *sb, uint32_t cp)
{
    if (cp < 0x80)
        return ft_sb_append_char(sb, (char)cp);
    char buf[4];
    int n = ft_utf8_encode(cp, buf);
    return ft_sb_append(sb, buf, (size_t)n);
}

int ft_sb_append_fill(FtStrBuilder *sb, uint32_t cp, ssize_t count)
{
    if (count <= 0)
        return 0;
    if (count > SSIZE_MAX / 16) {
        ft_err_no_memory();
        return -1;
    }
    char buf[4];
    int n = ft_utf8_encode(cp, buf);
    char *d = ft_sb_extend(sb, (size_t)count * (size_t)n);
    if (d == NULL)
        return -1;
    if (n == 1) {
        memset(d, buf[0], (size_t)count);
    } else {
        for (ssize_t i = 0; i < count; i++, d += n)
            memcpy(d, buf, (size_t)n);
    }
    return 0;
}

int ft_sb_append_str(FtStrBuilder *sb, FtObject *str_obj)
{
    return ft_sb_append(sb, FT_STR_DATA(str_obj),
                        (size_t)FT_STR_NBYTES(str_obj));
}

int ft_sb_append_str_repr(FtStrBuilder *sb, FtObject *s, int ascii_only)
{
    const char *p = FT_STR_DATA(s);
    ssize_t n = FT_STR_NBYTES(s);
    char quote = '\'';
    if (memchr(p, '\'', (size_t)n) != NULL && memchr(p, '"', (size_t)n) == NULL)
        quote = '"';
    if (ft_sb_append_char(sb, quote) < 0)
        return -1;
    ssize_t i = 0;
    while (i < n) {
        /* Copy the longest run that needs no escaping in one go. */
        ssize_t run = i;
        while (run < n) {
            unsigned char c = (unsigned char)p[run];
            if (c < 0x20 || c >= 0x7F || c == '\\' || c == (unsigned char)quote)
                break;
            run++;
        }
        if (run > i && ft_sb_append(sb, p + i, (size_t)(run - i)) < 0)
            return -1;
        i = run;
        if (i >= n)
            break;
        int len;
        uint32_t cp = ft_utf8_decode(p + i, &len);
        char buf[16];
        const char *esc = buf;
        size_t elen;
        switch (cp) {
        case '\\':
            esc = "\\\\";
            elen = 2;
            break;
        case '\n':
            esc = "\\n";
            elen = 2;
            break;
        case '\r':
            esc = "\\r";
            elen = 2;
            break;
        case '\t':
            esc = "\\t";
            elen = 2;
            break;
        default:
            if (cp == (uint32_t)quote) {
                buf[0] = '\\';
                buf[1] = quote;
                elen = 2;
            } else if (cp >= 0x80 && !ascii_only && ft_cp_isprintable(cp)) {
                esc = p + i;
                elen = (size_t)len;
            } else if (cp < 0x100) {
                elen = (size_t)snprintf(buf, sizeof buf, "\\x%02" PRIx32, cp);
            } else if (cp < 0x10000) {
                elen = (size_t)snprintf(buf, sizeof buf, "\\u%04" PRIx32, cp);
            } else {
                elen = (size_t)snprintf(buf, sizeof buf, "\\U%08" PRIx32, cp);
            }
            break;
        }
        if (ft_sb_append(sb, esc, elen) < 0)
            return -1;
        i += len;
    }
    return ft_sb_append_char(sb, quote);
}

int ft_sb_append_repr(FtStrBuilder *sb, FtObject *o)
{
    if (FT_STR_CHECK_EXACT(o))
        return ft_sb_append_str_repr(sb, o, 0);
    FtObject *r = ft_object_repr(o);
    if (r == NULL)
        return -1;
    int rc = ft_sb_append_str(sb, r);
    FT_DECREF(r);
    return rc;
}

int ft_sb_append_strof(FtStrBuilder *sb, FtObject *o)
{
    if (FT_STR_CHECK_EXACT(o))
        return ft_sb_append_str(sb, o);
    if (FT_INT_CHECK_EXACT(o) && FT_INT_IS_SMALL(o)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%" PRId64, FT_INT_VALUE(o));
        return ft_sb_append(sb, buf, (size_t)n);
    }
    if (FT_FLOAT_CHECK_EXACT(o)) {
        char buf[64];
        ft_float_repr_buf(FT_FLOAT_VALUE(o), buf, sizeof buf);
        return ft_sb_append_cstr(sb, buf);
    }
    FtObject *r = ft_object_str(o);
    if (r == NULL)
        return -1;
    int rc = ft_sb_append_str(sb, r);
    FT_DECREF(r);
    return rc;
}

FtObject *ft_sb_finish(FtStrBuilder *sb)
{
    FtObject *r;
    if (!SB_HEAP(sb)) {
        r = ft_str_from_len(sb->buf, (ssize_t)sb->len);
    } else if (sb->len <= 1) {
        r = ft_str_from_len(sb->buf, (ssize_t)sb->len);
        ft_mem_free(sb->buf - FT_STR_HDR);
    } else {
        char *block = sb->buf - FT_STR_HDR;
        if (sb->cap - sb->len > 64) {
            char *shrunk = ft_mem_realloc(block, FT_STR_HDR + sb->len + 1);
            if (shrunk != NULL)
                block = shrunk;
            else
                ft_err_clear(); /* keeping the larger block is fine */
        }
        r = ft_str_adopt_block(block, (ssize_t)sb->len);
    }
    ft_sb_init(sb);
    return r;
}

void ft_sb_discard(FtStrBuilder *sb)
{
    if (SB_HEAP(sb))
        ft_mem_free(sb->buf - FT_STR_HDR);
    ft_sb_init(sb);
}
