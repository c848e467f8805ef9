/* objects/str_unicode.c — character classes and case mapping for str, and
 * the byte-level substring searches (UTF-8 is self-synchronising, so a
 * byte match is a code-point match).
 *
 * Coverage: ASCII is exact. Beyond ASCII there is no Unicode database:
 * case pairs cover Latin-1, Latin Extended-A, the Latin digraphs, Latin
 * Extended Additional, Greek (plus the unaccented Greek Extended blocks),
 * Cyrillic, Armenian, Georgian and fullwidth Latin; special casing is
 * limited to 'ß' (upper 'SS', title 'Ss', casefold 'ss') and the Greek
 * final sigma (str_methods.c). Letters are those plus the common
 * alphabetic blocks (Hebrew, Arabic, Devanagari, Thai, kana, CJK, Hangul);
 * digits include the common decimal blocks, superscripts and number forms.
 */
#define _GNU_SOURCE
#include "objects/object.h"
#include "objects/str_impl.h"

#include <string.h>

/* ---- searching ----------------------------------------------------------- */

ssize_t ft_bytes_find(const char *hay, ssize_t hn, const char *needle,
                      ssize_t nn)
{
    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    const char *p;
    if (nn == 1)
        p = memchr(hay, needle[0], (size_t)hn);
    else
        p = memmem(hay, (size_t)hn, needle, (size_t)nn);
    return p == NULL ? -1 : p - hay;
}

ssize_t ft_bytes_rfind(const char *hay, ssize_t hn, const char *needle,
                       ssize_t nn)
{
    if (nn == 0)
        return hn;
    if (nn > hn)
        return -1;
    /* Scan backwards for the first byte, then compare the rest. */
    ssize_t lim = hn - nn + 1; /* candidates are [0, lim) */
    while (lim > 0) {
        const char *p = memrchr(hay, needle[0], (size_t)lim);
        if (p == NULL)
            return -1;
        if (memcmp(p + 1, needle + 1, (size_t)nn - 1) == 0)
            return p - hay;
        lim = p - hay;
    }
    return -1;
}

ssize_t ft_bytes_count(const char *hay, ssize_t hn, const char *needle,
                       ssize_t nn, ssize_t maxcount)
{
    ssize_t count = 0, pos = 0;
    if (nn == 0)
        return -1; /* callers handle the empty needle */
    while (maxcount < 0 || count < maxcount) {
        ssize_t f = ft_bytes_find(hay + pos, hn - pos, needle, nn);
        if (f < 0)
            break;
        count++;
        pos += f + nn;
    }
    return count;
}

/* ---- character classes --------------------------------------------------- */

int ft_cp_isspace(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) ||
               (cp >= 0x1C && cp <= 0x1F);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int ft_cp_islinebreak(uint32_t cp)
{
    return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) ||
           cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Upper/lower pairs laid out as alternating code points. */
typedef struct {
    uint32_t first, last; /* inclusive */
    char upper_even;      /* the upper-case member has an even code point */
} AltRange;

static const AltRange alt_ranges[] = {
    {0x0100, 0x012F, 1}, {0x0132, 0x0137, 1}, {0x0139, 0x0148, 0},
    {0x014A, 0x0177, 1}, {0x0179, 0x017E, 0}, {0x01DE, 0x01EF, 1},
    {0x01F8, 0x021F, 1}, {0x0222, 0x0233, 1}, {0x03D8, 0x03EF, 1},
    {0x0460, 0x0481, 1}, {0x048A, 0x04BF, 1}, {0x04C1, 0x04CE, 0},
    {0x04D0, 0x052F, 1}, {0x1E00, 0x1E95, 1}, {0x1EA0, 0x1EFF, 1},
};

/* Upper/lower pairs at a fixed distance: [first, last] are upper case and
 * map to cp + delta. */
typedef struct {
    uint32_t first, last;
    int32_t delta;
} DeltaRange;

static const DeltaRange delta_ranges[] = {
    {0x00C0, 0x00D6, 32},   {0x00D8, 0x00DE, 32}, {0x0391, 0x03A1, 32},
    {0x03A3, 0x03AB, 32},   {0x0388, 0x038A, 37}, {0x038E, 0x038F, 63},
    {0x0400, 0x040F, 80},   {0x0410, 0x042F, 32}, {0x0531, 0x0556, 48},
    {0x10A0, 0x10C5, 7264}, {0xFF21, 0xFF3A, 32}, {0x1F08, 0x1F0F, -8},
    {0x1F18, 0x1F1D, -8},   {0x1F28, 0x1F2F, -8}, {0x1F38, 0x1F3F, -8},
    {0x1F48, 0x1F4D, -8},   {0x1F68, 0x1F6F, -8},
};

/* Single pairs not covered by the ranges: {upper, lower}. */
static const uint32_t single_pairs[][2] = {
    {0x0178, 0x00FF}, {0x0386, 0x03AC}, {0x038C, 0x03CC},
    {0x04C0, 0x04CF}, {0x1E9E, 0x00DF},
};

static int alt_lookup(uint32_t cp, int *is_upper)
{
    for (size_t i = 0; i < sizeof alt_ranges / sizeof alt_ranges[0]; i++) {
        const AltRange *r = &alt_ranges[i];
        if (cp >= r->first && cp <= r->last) {
            int even = (cp & 1) == 0;
            *is_upper = r->upper_even ? even : !even;
            return 1;
        }
    }
    return 0;
}

/* The Latin digraphs come in threes: upper, title, lower (Ǆ ǅ ǆ). */
static int digraph_index(uint32_t cp)
{
    if (cp >= 0x1C4 && cp <= 0x1CC)
        return (int)((cp - 0x1C4) % 3);
    if (cp >= 0x1F1 && cp <= 0x1F3)
        return (int)(cp - 0x1F1);
    return -1;
}

int ft_cp_istitle(uint32_t cp)
{
    return digraph_index(cp) == 1;
}

uint32_t ft_cp_tolower(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    int dg = digraph_index(cp);
    if (dg >= 0)
        return cp + (uint32_t)(2 - dg);
    for (size_t i = 0; i < sizeof delta_ranges / sizeof delta_ranges[0]; i++)
        if (cp >= delta_ranges[i].first && cp <= delta_ranges[i].last)
            return (uint32_t)((int32_t)cp + delta_ranges[i].delta);
    int up;
    if (alt_lookup(cp, &up))
        return up ? cp + 1 : cp;
    for (size_t i = 0; i < sizeof single_pairs / sizeof single_pairs[0]; i++)
        if (single_pairs[i][0] == cp)
            return single_pairs[i][1];
    return cp;
}

uint32_t ft_cp_toupper(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    if (cp == 0xB5)
        return 0x39C;
    if (cp == 0x131)
        return 'I';
    if (cp == 0x17F)
        return 'S';
    if (cp == 0x3C2)
        return 0x3A3; /* final sigma */
    int dg = digraph_index(cp);
    if (dg >= 0)
        return cp - (uint32_t)dg;
    for (size_t i = 0; i < sizeof delta_ranges / sizeof delta_ranges[0]; i++) {
        uint32_t lo =
            (uint32_t)((int32_t)delta_ranges[i].first + delta_ranges[i].delta);
        uint32_t hi =
            (uint32_t)((int32_t)delta_ranges[i].last + delta_ranges[i].delta);
        if (cp >= lo && cp <= hi)
            return (uint32_t)((int32_t)cp - delta_ranges[i].delta);
    }
    int up;
    if (alt_lookup(cp, &up))
        return up ? cp : cp - 1;
    for (size_t i = 0; i < sizeof single_pairs / sizeof single_pairs[0]; i++)
        if (single_pairs[i][1] == cp)
            return single_pairs[i][0];
    return cp;
}

uint32_t ft_cp_totitle(uint32_t cp)
{
    int dg = digraph_index(cp);
    if (dg >= 0)
        return cp + 1 - (uint32_t)dg;
    return ft_cp_toupper(cp);
}

int ft_cp_isupper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return ft_cp_tolower(cp) != cp && !ft_cp_istitle(cp);
}

int ft_cp_islower(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp == 0xDF || cp == 0xAA || cp == 0xBA || cp == 0x138 || cp == 0x149)
        return 1;
    return ft_cp_toupper(cp) != cp && !ft_cp_istitle(cp);
}

typedef struct {
    uint32_t first, last;
} CpRange;

static const CpRange alpha_ranges[] = {
    {0x00AA, 0x00AA},   {0x00B5, 0x00B5}, {0x00BA, 0x00BA}, {0x00C0, 0x00D6},
    {0x00D8, 0x00F6},   {0x00F8, 0x02C1}, {0x02C6, 0x02D1}, {0x0370, 0x0374},
    {0x0376, 0x037D},   {0x037F, 0x037F}, {0x0386, 0x0386}, {0x0388, 0x03F5},
    {0x03F7, 0x0481},   {0x048A, 0x052F}, {0x0531, 0x0556}, {0x0560, 0x0588},
    {0x05D0, 0x05EA},   {0x0620, 0x064A}, {0x0671, 0x06D3}, {0x0904, 0x0939},
    {0x0E01, 0x0E30},   {0x10A0, 0x10FF}, {0x1E00, 0x1FBC}, {0x3041, 0x3096},
    {0x30A1, 0x30FA},   {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFF9D},
    {0x20000, 0x2FA1F},
};

static int in_ranges(uint32_t cp, const CpRange *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int ft_cp_isalpha(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    return in_ranges(cp, alpha_ranges,
                     sizeof alpha_ranges / sizeof alpha_ranges[0]);
}

/* Decimal digits: every block is ten consecutive code points. */
static const uint32_t decimal_starts[] = {
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66,
    0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50,
    0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
};

int ft_cp_isdecimal(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    for (size_t i = 0; i < sizeof decimal_starts / sizeof decimal_starts[0];
         i++)
        if (cp >= decimal_starts[i] && cp < decimal_starts[i] + 10)
            return 1;
    return 0;
}

int ft_cp_isdigit(uint32_t cp)
{
    if (ft_cp_isdecimal(cp))
        return 1;
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || cp == 0x2070 ||
           (cp >= 0x2074 && cp <= 0x2079) || (cp >= 0x2080 && cp <= 0x2089) ||
           (cp >= 0x2460 && cp <= 0x2468) || (cp >= 0x2474 && cp <= 0x247C) ||
           (cp >= 0x2488 && cp <= 0x2490) || (cp >= 0x278A && cp <= 0x2792);
}

int ft_cp_isnumeric(uint32_t cp)
{
    if (ft_cp_isdigit(cp))
        return 1;
    return (cp >= 0xBC && cp <= 0xBE) || (cp >= 0x2150 && cp <= 0x2189) ||
           (cp >= 0x2469 && cp <= 0x249B) || (cp >= 0x2776 && cp <= 0x2793) ||
           cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029) || cp == 0x4E00 ||
           cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 ||
           cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D ||
           cp == 0x5341 || cp == 0x767E || cp == 0x5343 || cp == 0x4E07;
}

/* Not printable: Cc, Cf, Zl, Zp, Zs other than ' ', Cs, Co, and the
 * non-characters (other unassigned code points count as printable). */
static const CpRange nonprint_ranges[] = {
    {0x0080, 0x00A0},   {0x00AD, 0x00AD},   {0x0600, 0x0605},
    {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},
    {0x08E2, 0x08E2},   {0x1680, 0x1680},   {0x180E, 0x180E},
    {0x2000, 0x200F},   {0x2028, 0x202F},   {0x205F, 0x2064},
    {0x2066, 0x206F},   {0x3000, 0x3000},   {0xD800, 0xF8FF},
    {0xFDD0, 0xFDEF},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},
    {0xFFFE, 0xFFFF},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD},
    {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
};

int ft_cp_isprintable(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    if ((cp & 0xFFFE) == 0xFFFE)
        return 0;
    return !in_ranges(cp, nonprint_ranges,
                      sizeof nonprint_ranges / sizeof nonprint_ranges[0]);
}
