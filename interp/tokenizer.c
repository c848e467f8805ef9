/* interp/tokenizer.c — turns Python source into tokens: indentation into
 * INDENT/DEDENT, line joining, names and keywords, numbers, string literals
 * (kept whole; the parser decodes them) and operators. Error messages and
 * their positions follow CPython 3.11's tokenizer.
 */
#include "interp/tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define EOF_CH (-1)

/* ---- UTF-8 ---------------------------------------------------------------- */

int ft_utf8_decode(const char *s, unsigned int *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if ((u[0] & 0xE0) == 0xC0) {
        *cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
        return 2;
    }
    if ((u[0] & 0xF0) == 0xE0) {
        *cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
        return 3;
    }
    *cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
          ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
    return 4;
}

/* Length of the valid sequence at s (with n bytes left), or 0. */
static int utf8_valid_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    int len;
    unsigned int min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    unsigned int cp;
    ft_utf8_decode((const char *)s, &cp);
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

long ft_utf8_check(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int len = utf8_valid_seq(u + i, n - i);
        if (len == 0)
            return (long)i;
        i += (size_t)len;
    }
    return -1;
}

/* Without Unicode tables we accept every non-ASCII code point as a letter
 * except the common punctuation, symbol, space and emoji blocks, so that
 * identifiers in any script work and stray symbols are reported. */
int ft_tok_is_id_char(unsigned int cp, int first)
{
    (void)first;
    if (cp < 0xA0)
        return 0;
    if (cp <= 0xBF)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if (cp >= 0x2000 && cp <= 0x206F) /* general punctuation */
        return cp == 0x203F || cp == 0x2040;
    if (cp >= 0x20A0 && cp <= 0x20CF) /* currency */
        return 0;
    if (cp >= 0x2190 && cp <= 0x2BFF) /* arrows, maths, shapes, dingbats */
        return 0;
    if (cp >= 0x3000 && cp <= 0x3003) /* CJK spaces and punctuation */
        return 0;
    if (cp >= 0xFF01 && cp <= 0xFF0F) /* fullwidth punctuation */
        return 0;
    if (cp >= 0xFE00 && cp <= 0xFE0F) /* variation selectors */
        return !first;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) /* emoji and pictographs */
        return 0;
    if (cp == 0xFEFF || cp == 0xFFFD)
        return 0;
    return 1;
}

/* ---- token names ------------------------------------------------------------ */

static const char *const tok_names[FT_TOK__COUNT] = {
    [FT_TOK_ENDMARKER] = "ENDMARKER",
    [FT_TOK_NAME] = "NAME",
    [FT_TOK_NUMBER] = "NUMBER",
    [FT_TOK_STRING] = "STRING",
    [FT_TOK_NEWLINE] = "NEWLINE",
    [FT_TOK_INDENT] = "INDENT",
    [FT_TOK_DEDENT] = "DEDENT",
    [FT_TOK_ERRORTOKEN] = "ERRORTOKEN",
    [FT_TOK_OP_OTHER] = "OP",
    [FT_TOK_LPAR] = "(",
    [FT_TOK_RPAR] = ")",
    [FT_TOK_LSQB] = "[",
    [FT_TOK_RSQB] = "]",
    [FT_TOK_LBRACE] = "{",
    [FT_TOK_RBRACE] = "}",
    [FT_TOK_COLON] = ":",
    [FT_TOK_COMMA] = ",",
    [FT_TOK_SEMI] = ";",
    [FT_TOK_PLUS] = "+",
    [FT_TOK_MINUS] = "-",
    [FT_TOK_STAR] = "*",
    [FT_TOK_SLASH] = "/",
    [FT_TOK_VBAR] = "|",
    [FT_TOK_AMPER] = "&",
    [FT_TOK_LESS] = "<",
    [FT_TOK_GREATER] = ">",
    [FT_TOK_EQUAL] = "=",
    [FT_TOK_DOT] = ".",
    [FT_TOK_PERCENT] = "%",
    [FT_TOK_TILDE] = "~",
    [FT_TOK_CIRCUMFLEX] = "^",
    [FT_TOK_AT] = "@",
    [FT_TOK_EQEQUAL] = "==",
    [FT_TOK_NOTEQUAL] = "!=",
    [FT_TOK_LESSEQUAL] = "<=",
    [FT_TOK_GREATEREQUAL] = ">=",
    [FT_TOK_LEFTSHIFT] = "<<",
    [FT_TOK_RIGHTSHIFT] = ">>",
    [FT_TOK_DOUBLESTAR] = "**",
    [FT_TOK_DOUBLESLASH] = "//",
    [FT_TOK_RARROW] = "->",
    [FT_TOK_ELLIPSIS] = "...",
    [FT_TOK_COLONEQUAL] = ":=",
    [FT_TOK_PLUSEQUAL] = "+=",
    [FT_TOK_MINEQUAL] = "-=",
    [FT_TOK_STAREQUAL] = "*=",
    [FT_TOK_SLASHEQUAL] = "/=",
    [FT_TOK_DOUBLESLASHEQUAL] = "//=",
    [FT_TOK_PERCENTEQUAL] = "%=",
    [FT_TOK_DOUBLESTAREQUAL] = "**=",
    [FT_TOK_LEFTSHIFTEQUAL] = "<<=",
    [FT_TOK_RIGHTSHIFTEQUAL] = ">>=",
    [FT_TOK_AMPEREQUAL] = "&=",
    [FT_TOK_VBAREQUAL] = "|=",
    [FT_TOK_CIRCUMFLEXEQUAL] = "^=",
    [FT_TOK_ATEQUAL] = "@=",
    [FT_TOK_KW_FALSE] = "False",
    [FT_TOK_KW_NONE] = "None",
    [FT_TOK_KW_TRUE] = "True",
    [FT_TOK_KW_AND] = "and",
    [FT_TOK_KW_AS] = "as",
    [FT_TOK_KW_ASSERT] = "assert",
    [FT_TOK_KW_ASYNC] = "async",
    [FT_TOK_KW_AWAIT] = "await",
    [FT_TOK_KW_BREAK] = "break",
    [FT_TOK_KW_CLASS] = "class",
    [FT_TOK_KW_CONTINUE] = "continue",
    [FT_TOK_KW_DEF] = "def",
    [FT_TOK_KW_DEL] = "del",
    [FT_TOK_KW_ELIF] = "elif",
    [FT_TOK_KW_ELSE] = "else",
    [FT_TOK_KW_EXCEPT] = "except",
    [FT_TOK_KW_FINALLY] = "finally",
    [FT_TOK_KW_FOR] = "for",
    [FT_TOK_KW_FROM] = "from",
    [FT_TOK_KW_GLOBAL] = "global",
    [FT_TOK_KW_IF] = "if",
    [FT_TOK_KW_IMPORT] = "import",
    [FT_TOK_KW_IN] = "in",
    [FT_TOK_KW_IS] = "is",
    [FT_TOK_KW_LAMBDA] = "lambda",
    [FT_TOK_KW_NONLOCAL] = "nonlocal",
    [FT_TOK_KW_NOT] = "not",
    [FT_TOK_KW_OR] = "or",
    [FT_TOK_KW_PASS] = "pass",
    [FT_TOK_KW_RAISE] = "raise",
    [FT_TOK_KW_RETURN] = "return",
    [FT_TOK_KW_TRY] = "try",
    [FT_TOK_KW_WHILE] = "while",
    [FT_TOK_KW_WITH] = "with",
    [FT_TOK_KW_YIELD] = "yield",
};

const char *ft_tok_name(FtTokType type)
{
    if ((int)type < 0 || type >= FT_TOK__COUNT || tok_names[type] == NULL)
        return "?";
    return tok_names[type];
}

static FtTokType keyword_lookup(const char *s, int len)
{
    if (len < 2 || len > 8 || !(s[0] >= 'F' && s[0] <= 'y'))
        return FT_TOK_NAME;
    for (int k = FT_TOK_KW_FALSE; k < FT_TOK__COUNT; k++) {
        const char *kw = tok_names[k];
        if (kw[0] == s[0] && (int)strlen(kw) == len && memcmp(kw, s, len) == 0)
            return (FtTokType)k;
    }
    return FT_TOK_NAME;
}

/* ---- character access --------------------------------------------------------- */

static int peekc(const FtTokenizer *t)
{
    return t->cur < t->end ? (unsigned char)*t->cur : EOF_CH;
}

static int peekc_at(const FtTokenizer *t, int k)
{
    return t->cur + k < t->end ? (unsigned char)t->cur[k] : EOF_CH;
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int is_ascii_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static int is_potential_id_char(int c)
{
    return is_ascii_id_start(c) || is_digit(c) || c >= 128;
}

/* Consumes a '\n' at cur and moves to the next physical line. */
static void newline_advance(FtTokenizer *t)
{
    t->cur++;
    t->lineno++;
    t->line_start = t->cur;
}

static int cur_col(const FtTokenizer *t)
{
    return (int)(t->cur - t->line_start);
}

/* ---- errors --------------------------------------------------------------------- */

static FtTokType tok_error(FtTokenizer *t, FtTokErrKind kind, int lineno,
                           int offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err.msg, sizeof t->err.msg, fmt, ap);
    va_end(ap);
    t->err.kind = kind;
    t->err.lineno = lineno;
    t->err.offset = offset;
    t->done = 1;
    return FT_TOK_ERRORTOKEN;
}

/* The usual tokenizer error: at the current line, pointing just before cur. */
static FtTokType error_here(FtTokenizer *t, const char *msg)
{
    return tok_error(t, FT_TOKERR_EAGER, t->lineno, cur_col(t), "%s", msg);
}

static FtTokType fill_error_token(FtTokenizer *t, FtToken *tok)
{
    tok->type = FT_TOK_ERRORTOKEN;
    tok->start = t->cur;
    tok->len = 0;
    tok->lineno = tok->end_lineno = t->err.lineno;
    tok->col = tok->end_col = t->err.offset > 0 ? t->err.offset - 1 : 0;
    return FT_TOK_ERRORTOKEN;
}

/* ---- init ------------------------------------------------------------------------- */

void ft_tok_init(FtTokenizer *t, const char *src, const char *end,
                 int lineno, const char *line_start, int nested)
{
    memset(t, 0, sizeof *t);
    t->cur = src;
    t->src_start = line_start;
    t->end = end;
    t->lineno = lineno;
    t->line_start = line_start;
    t->nested = nested;
    t->atbol = !nested;
}

/* ---- indentation ------------------------------------------------------------------- */

/* Called at the start of a logical line. Returns 1 if the line was blank
 * and consumed, 0 to go on scanning tokens, or -1 on an error. */
static int read_indentation(FtTokenizer *t)
{
    int col = 0, altcol = 0;
    for (;;) {
        int c = peekc(t);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
        t->cur++;
    }
    int c = peekc(t);
    if (c == '#') {
        while (peekc(t) != '\n' && peekc(t) != EOF_CH)
            t->cur++;
        c = peekc(t);
    }
    if (c == '\n') {
        newline_advance(t);
        return 1;
    }
    if (c == EOF_CH)
        return 0; /* the end-of-input logic emits NEWLINE/DEDENTs */
    t->atbol = 0;
    int top = t->indstack[t->indent];
    int alttop = t->altindstack[t->indent];
    if (col == top) {
        if (altcol != alttop)
            goto tab_error;
    } else if (col > top) {
        if (t->indent + 1 >= FT_TOK_MAXINDENT) {
            tok_error(t, FT_TOKERR_LAZY, t->lineno, 1,
                      "too many levels of indentation");
            t->err.type = FT_TOKERR_INDENT;
            return -1;
        }
        if (altcol <= alttop)
            goto tab_error;
        t->indent++;
        t->indstack[t->indent] = col;
        t->altindstack[t->indent] = altcol;
        t->pending = 1;
    } else {
        while (t->indent > 0 && col < t->indstack[t->indent]) {
            t->indent--;
            t->pending--;
        }
        if (col != t->indstack[t->indent]) {
            /* CPython points past the end of the line, newline included. */
            const char *eol = t->cur;
            while (eol < t->end && *eol != '\n')
                eol++;
            int off = (int)(eol - t->line_start) + (eol < t->end ? 1 : 0);
            tok_error(t, FT_TOKERR_LAZY, t->lineno, off,
                      "unindent does not match any outer indentation level");
            t->err.type = FT_TOKERR_INDENT;
            return -1;
        }
        if (altcol != t->altindstack[t->indent])
            goto tab_error;
    }
    return 0;
tab_error:
    tok_error(t, FT_TOKERR_LAZY, t->lineno, 1,
              "inconsistent use of tabs and spaces in indentation");
    t->err.type = FT_TOKERR_TAB;
    return -1;
}

static FtTokType emit_indentation(FtTokenizer *t, FtToken *tok)
{
    tok->lineno = tok->end_lineno = t->lineno;
    tok->start = t->cur;
    tok->len = 0;
    if (t->pending > 0) {
        t->pending--;
        tok->type = FT_TOK_INDENT;
        tok->col = 0;
        tok->end_col = cur_col(t);
    } else {
        t->pending++;
        tok->type = FT_TOK_DEDENT;
        tok->col = tok->end_col = cur_col(t);
    }
    return tok->type;
}

/* ---- end of input -------------------------------------------------------------- */

/* Tokens at the end of input sit at the end of the last line, as in
 * CPython: errors there point after that line's text. */
static void eof_position(const FtTokenizer *t, FtToken *tok)
{
    tok->lineno = t->lineno;
    tok->col = cur_col(t);
    if (!t->nested && t->cur == t->line_start && t->lineno > 1 &&
        t->cur[-1] == '\n') {
        const char *ls = t->cur - 1;
        while (ls > t->src_start && ls[-1] != '\n')
            ls--;
        tok->lineno = t->lineno - 1;
        tok->col = (int)(t->cur - 1 - ls);
    }
    tok->end_lineno = tok->lineno;
    tok->end_col = tok->col;
}

static FtTokType at_eof(FtTokenizer *t, FtToken *tok)
{
    tok->start = t->cur;
    tok->len = 0;
    eof_position(t, tok);
    if (t->nested) {
        tok->type = FT_TOK_ENDMARKER;
        return tok->type;
    }
    if (t->level > 0) {
        int i = t->level - 1;
        tok_error(t, FT_TOKERR_EOF_PAREN, t->paren_lineno[i],
                  t->paren_col[i] + 1, "'%c' was never closed", t->paren[i]);
        t->err.incomplete = 1;
        return fill_error_token(t, tok);
    }
    if (!t->atbol) {
        t->atbol = 1;
        tok->type = FT_TOK_NEWLINE;
        return tok->type;
    }
    if (t->indent > 0) {
        t->pending = -t->indent;
        t->indent = 0;
        t->at_end = 1;
    }
    if (t->pending < 0) {
        t->pending++;
        tok->type = FT_TOK_DEDENT;
        return tok->type;
    }
    tok->type = FT_TOK_ENDMARKER;
    return tok->type;
}

/* ---- names and strings -------------------------------------------------------------- */

/* Returns the end of the identifier starting at s (s itself if none). */
static const char *scan_identifier(const FtTokenizer *t, const char *s)
{
    const char *p = s;
    while (p < t->end) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            if (!is_ascii_id_start(c) && !is_digit(c))
                break;
            if (p == s && is_digit(c))
                break;
            p++;
            continue;
        }
        unsigned int cp;
        int len = ft_utf8_decode(p, &cp);
        if (!ft_tok_is_id_char(cp, p == s))
            break;
        p += len;
    }
    return p;
}

static int is_string_prefix(const char *s, int len)
{
    char a = (char)(s[0] | 0x20), b = len > 1 ? (char)(s[1] | 0x20) : 0;
    if (len == 1)
        return a == 'r' || a == 'u' || a == 'f' || a == 'b';
    if (len == 2)
        return (a == 'r' && (b == 'b' || b == 'f')) ||
               (b == 'r' && (a == 'b' || a == 'f'));
    return 0;
}

/* Scans a string literal whose quote is at cur; tok->start is at the
 * prefix (if any). */
static FtTokType scan_string(FtTokenizer *t, FtToken *tok)
{
    int q = peekc(t);
    int triple = peekc_at(t, 1) == q && peekc_at(t, 2) == q;
    int start_line = tok->lineno;
    int start_off = tok->col + 1;
    t->cur += triple ? 3 : 1;
    for (;;) {
        int c = peekc(t);
        if (c == EOF_CH || (c == '\n' && !triple)) {
            /* at the very end, the last line is the one just finished */
            int line = t->lineno;
            if (c == EOF_CH && t->cur == t->line_start && line > 1)
                line--;
            if (triple) {
                tok_error(t, FT_TOKERR_EAGER, start_line, start_off,
                          "unterminated triple-quoted string literal "
                          "(detected at line %d)",
                          line);
                t->err.incomplete = 1;
            } else {
                tok_error(t, FT_TOKERR_EAGER, start_line, start_off,
                          "unterminated string literal (detected at line %d)",
                          line);
            }
            return FT_TOK_ERRORTOKEN;
        }
        if (c == q) {
            if (!triple) {
                t->cur++;
                break;
            }
            if (peekc_at(t, 1) == q && peekc_at(t, 2) == q) {
                t->cur += 3;
                break;
            }
            t->cur++;
        } else if (c == '\\') {
            t->cur++;
            int e = peekc(t);
            if (e == '\n')
                newline_advance(t);
            else if (e != EOF_CH)
                t->cur++;
        } else if (c == '\n') {
            newline_advance(t);
        } else {
            t->cur++;
        }
    }
    return FT_TOK_STRING;
}

static FtTokType scan_name(FtTokenizer *t, FtToken *tok)
{
    const char *end = scan_identifier(t, t->cur);
    if (end == t->cur) {
        /* A non-ASCII character that is not a letter. */
        unsigned int cp;
        int len = ft_utf8_decode(t->cur, &cp);
        char buf[8];
        memcpy(buf, t->cur, (size_t)len);
        buf[len] = '\0';
        t->cur += len;
        return tok_error(t, FT_TOKERR_EAGER, t->lineno, tok->col + 1,
                         "invalid character '%s' (U+%04X)", buf, cp);
    }
    int len = (int)(end - t->cur);
    t->cur = end;
    int c = peekc(t);
    if ((c == '"' || c == '\'') && is_string_prefix(tok->start, len))
        return scan_string(t, tok);
    return keyword_lookup(tok->start, len);
}

/* ---- numbers (CPython 3.11's rules and messages) ---------------------------------------- */

/* Reads one char like CPython's tok_nextc: returns it and advances. */
static int nextc(FtTokenizer *t)
{
    int c = peekc(t);
    if (c != EOF_CH)
        t->cur++;
    return c;
}

static void backup(FtTokenizer *t, int c)
{
    if (c != EOF_CH)
        t->cur--;
}

static int lookahead(FtTokenizer *t, const char *test)
{
    int i = 0;
    while (test[i] && peekc_at(t, i) == (unsigned char)test[i])
        i++;
    return test[i] == '\0';
}

/* A number directly followed by a letter: only a few keywords may follow. */
static int verify_end_of_number(FtTokenizer *t, int c, const char *kind)
{
    int ok_kw = 0;
    /* c was consumed; peekc is the char after it */
    if (c == 'a')
        ok_kw = lookahead(t, "nd");
    else if (c == 'e')
        ok_kw = lookahead(t, "lse");
    else if (c == 'f')
        ok_kw = lookahead(t, "or");
    else if (c == 'i') {
        int c2 = peekc(t);
        ok_kw = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o')
        ok_kw = lookahead(t, "r");
    else if (c == 'n')
        ok_kw = lookahead(t, "ot");
    if (!ok_kw && is_potential_id_char(c)) {
        backup(t, c);
        tok_error(t, FT_TOKERR_EAGER, t->lineno, cur_col(t),
                  "invalid %s literal", kind);
        return 0;
    }
    backup(t, c);
    return 1;
}

/* Digits with single underscores; returns the first char after them (read),
 * or -2 after an error. */
static int decimal_tail(FtTokenizer *t)
{
    int c;
    for (;;) {
        do {
            c = nextc(t);
        } while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            error_here(t, "invalid decimal literal");
            return -2;
        }
    }
    return c;
}

static FtTokType number_end(FtTokenizer *t, int c, const char *kind)
{
    if (!verify_end_of_number(t, c, kind))
        return FT_TOK_ERRORTOKEN;
    return FT_TOK_NUMBER;
}

static FtTokType scan_radix(FtTokenizer *t, int radix)
{
    static const char *const kinds[] = {"binary", "octal", "hexadecimal"};
    const char *kind = kinds[radix == 2 ? 0 : radix == 8 ? 1 : 2];
    int c = nextc(t);
    do {
        if (c == '_')
            c = nextc(t);
        int ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c))
                return tok_error(t, FT_TOKERR_EAGER, t->lineno, cur_col(t),
                                 "invalid digit '%c' in %s literal", c, kind);
            backup(t, c);
            return tok_error(t, FT_TOKERR_EAGER, t->lineno, cur_col(t),
                             "invalid %s literal", kind);
        }
        do {
            c = nextc(t);
        } while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c))
        return tok_error(t, FT_TOKERR_EAGER, t->lineno, cur_col(t),
                         "invalid digit '%c' in %s literal", c, kind);
    return number_end(t, c, kind);
}

static FtTokType scan_fraction_exponent(FtTokenizer *t, int c, int in_fraction)
{
    if (in_fraction && is_digit(c)) {
        c = decimal_tail(t);
        if (c == -2)
            return FT_TOK_ERRORTOKEN;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(t);
        if (c == '+' || c == '-') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                return error_here(t, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(t, c);
            if (!verify_end_of_number(t, e, "decimal"))
                return FT_TOK_ERRORTOKEN;
            return FT_TOK_NUMBER; /* `1else`: the e starts a keyword */
        }
        c = decimal_tail(t);
        if (c == -2)
            return FT_TOK_ERRORTOKEN;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(t);
        return number_end(t, c, "imaginary");
    }
    return number_end(t, c, "decimal");
}

static FtTokType scan_number(FtTokenizer *t, FtToken *tok)
{
    int c = nextc(t);
    if (c == '.') /* .5 */
        return scan_fraction_exponent(t, nextc(t), 1);
    if (c == '0') {
        int c1 = peekc(t);
        if (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' ||
            c1 == 'B') {
            t->cur++;
            int r = (c1 | 0x20) == 'x' ? 16 : (c1 | 0x20) == 'o' ? 8 : 2;
            return scan_radix(t, r);
        }
        int nonzero = 0;
        c = nextc(t);
        for (;;) {
            if (c == '_') {
                c = nextc(t);
                if (!is_digit(c)) {
                    backup(t, c);
                    return error_here(t, "invalid decimal literal");
                }
            }
            if (c != '0')
                break;
            c = nextc(t);
        }
        const char *zeros_end = t->cur;
        if (is_digit(c)) {
            nonzero = 1;
            c = decimal_tail(t);
            if (c == -2)
                return FT_TOK_ERRORTOKEN;
        }
        if (c == '.')
            return scan_fraction_exponent(t, nextc(t), 1);
        if (c == 'e' || c == 'E' || c == 'j' || c == 'J')
            return scan_fraction_exponent(t, c, 0);
        if (nonzero) {
            (void)zeros_end;
            backup(t, c);
            return tok_error(t, FT_TOKERR_EAGER, t->lineno, tok->col + 1,
                             "leading zeros in decimal integer literals are "
                             "not permitted; use an 0o prefix for octal "
                             "integers");
        }
        return number_end(t, c, "decimal");
    }
    t->cur--;
    c = decimal_tail(t);
    if (c == -2)
        return FT_TOK_ERRORTOKEN;
    if (c == '.')
        return scan_fraction_exponent(t, nextc(t), 1);
    return scan_fraction_exponent(t, c, 0);
}

/* ---- operators ------------------------------------------------------------------------ */

typedef struct {
    const char *text;
    FtTokType type;
} OpEntry;

/* Longest first within each leading character. */
static const OpEntry op_table[] = {
    {"**=", FT_TOK_DOUBLESTAREQUAL}, {"//=", FT_TOK_DOUBLESLASHEQUAL},
    {">>=", FT_TOK_RIGHTSHIFTEQUAL}, {"<<=", FT_TOK_LEFTSHIFTEQUAL},
    {"...", FT_TOK_ELLIPSIS},        {"**", FT_TOK_DOUBLESTAR},
    {"//", FT_TOK_DOUBLESLASH},      {">>", FT_TOK_RIGHTSHIFT},
    {"<<", FT_TOK_LEFTSHIFT},        {"==", FT_TOK_EQEQUAL},
    {"!=", FT_TOK_NOTEQUAL},         {"<=", FT_TOK_LESSEQUAL},
    {">=", FT_TOK_GREATEREQUAL},     {"->", FT_TOK_RARROW},
    {":=", FT_TOK_COLONEQUAL},       {"+=", FT_TOK_PLUSEQUAL},
    {"-=", FT_TOK_MINEQUAL},         {"*=", FT_TOK_STAREQUAL},
    {"/=", FT_TOK_SLASHEQUAL},       {"%=", FT_TOK_PERCENTEQUAL},
    {"&=", FT_TOK_AMPEREQUAL},       {"|=", FT_TOK_VBAREQUAL},
    {"^=", FT_TOK_CIRCUMFLEXEQUAL},  {"@=", FT_TOK_ATEQUAL},
    {"(", FT_TOK_LPAR},              {")", FT_TOK_RPAR},
    {"[", FT_TOK_LSQB},              {"]", FT_TOK_RSQB},
    {"{", FT_TOK_LBRACE},            {"}", FT_TOK_RBRACE},
    {":", FT_TOK_COLON},             {",", FT_TOK_COMMA},
    {";", FT_TOK_SEMI},              {"+", FT_TOK_PLUS},
    {"-", FT_TOK_MINUS},             {"*", FT_TOK_STAR},
    {"/", FT_TOK_SLASH},             {"|", FT_TOK_VBAR},
    {"&", FT_TOK_AMPER},             {"<", FT_TOK_LESS},
    {">", FT_TOK_GREATER},           {"=", FT_TOK_EQUAL},
    {".", FT_TOK_DOT},               {"%", FT_TOK_PERCENT},
    {"~", FT_TOK_TILDE},             {"^", FT_TOK_CIRCUMFLEX},
    {"@", FT_TOK_AT},
};

static FtTokType match_operator(FtTokenizer *t)
{
    for (size_t i = 0; i < sizeof op_table / sizeof op_table[0]; i++) {
        const char *s = op_table[i].text;
        size_t n = strlen(s);
        if ((size_t)(t->end - t->cur) >= n && memcmp(t->cur, s, n) == 0) {
            t->cur += n;
            return op_table[i].type;
        }
    }
    return FT_TOK_OP_OTHER;
}

static FtTokType open_bracket(FtTokenizer *t, FtToken *tok, char c)
{
    if (t->level >= FT_TOK_MAXLEVEL)
        return tok_error(t, FT_TOKERR_EAGER, t->lineno, tok->col + 1,
                         "too many nested parentheses");
    t->paren[t->level] = c;
    t->paren_lineno[t->level] = t->lineno;
    t->paren_col[t->level] = tok->col;
    t->level++;
    return FT_TOK__COUNT; /* no error */
}

static FtTokType close_bracket(FtTokenizer *t, FtToken *tok, char c)
{
    int off = tok->col + 1;
    if (t->level == 0)
        return tok_error(t, FT_TOKERR_EAGER, t->lineno, off, "unmatched '%c'",
                         c);
    char open = t->paren[t->level - 1];
    int want = open == '(' ? ')' : open == '[' ? ']' : '}';
    if (want != c) {
        int line = t->paren_lineno[t->level - 1];
        if (line != t->lineno)
            return tok_error(t, FT_TOKERR_EAGER, t->lineno, off,
                             "closing parenthesis '%c' does not match opening "
                             "parenthesis '%c' on line %d",
                             c, open, line);
        return tok_error(t, FT_TOKERR_EAGER, t->lineno, off,
                         "closing parenthesis '%c' does not match opening "
                         "parenthesis '%c'",
                         c, open);
    }
    t->level--;
    return FT_TOK__COUNT;
}

static FtTokType scan_operator(FtTokenizer *t, FtToken *tok)
{
    int c = peekc(t);
    if (c < 0x20 || c == 0x7F) {
        t->cur++;
        return tok_error(t, FT_TOKERR_EAGER, t->lineno, tok->col + 1,
                         "invalid non-printable character U+%04X", c);
    }
    FtTokType type = match_operator(t);
    FtTokType err = FT_TOK__COUNT;
    if (type == FT_TOK_OP_OTHER)
        t->cur++;
    else if (type == FT_TOK_LPAR || type == FT_TOK_LSQB || type == FT_TOK_LBRACE)
        err = open_bracket(t, tok, (char)c);
    else if (type == FT_TOK_RPAR || type == FT_TOK_RSQB || type == FT_TOK_RBRACE)
        err = close_bracket(t, tok, (char)c);
    return err == FT_TOK__COUNT ? type : err;
}

/* ---- the main loop -------------------------------------------------------------------- */

/* Scans one token after indentation is settled. Returns FT_TOK__COUNT when
 * nothing was produced (a skipped newline or continuation). */
static FtTokType scan_token(FtTokenizer *t, FtToken *tok)
{
    while (peekc(t) == ' ' || peekc(t) == '\t' || peekc(t) == '\f')
        t->cur++;
    tok->start = t->cur;
    tok->lineno = t->lineno;
    tok->col = cur_col(t);
    int c = peekc(t);
    if (c == '#') {
        /* a NEWLINE after a comment starts where the comment does */
        while (peekc(t) != '\n' && peekc(t) != EOF_CH)
            t->cur++;
        c = peekc(t);
    }
    if (c == EOF_CH)
        return at_eof(t, tok);
    if (c == '\n') {
        if (t->level > 0 || t->nested || t->atbol) {
            newline_advance(t);
            return FT_TOK__COUNT;
        }
        t->cur++;
        tok->end_lineno = t->lineno;
        tok->end_col = tok->col + 1;
        tok->len = 1;
        tok->type = FT_TOK_NEWLINE;
        t->lineno++;
        t->line_start = t->cur;
        t->atbol = 1;
        return FT_TOK_NEWLINE;
    }
    if (c == '\\') {
        int c2 = peekc_at(t, 1);
        if (c2 == '\n') {
            t->cur++;
            newline_advance(t);
            if (peekc(t) == EOF_CH) {
                tok_error(t, FT_TOKERR_LAZY, t->lineno - 1,
                          (int)(t->cur - tok->start) + tok->col,
                          "unexpected EOF while parsing");
                t->err.incomplete = 1;
                return FT_TOK_ERRORTOKEN;
            }
            return FT_TOK__COUNT;
        }
        t->cur += c2 == EOF_CH ? 1 : 2;
        if (c2 == EOF_CH) {
            tok_error(t, FT_TOKERR_LAZY, t->lineno, cur_col(t) + 1,
                      "unexpected EOF while parsing");
            t->err.incomplete = 1;
            return FT_TOK_ERRORTOKEN;
        }
        return error_here(t, "unexpected character after line "
                             "continuation character");
    }
    if (is_ascii_id_start(c) || c >= 0x80)
        return scan_name(t, tok);
    if (is_digit(c) || (c == '.' && is_digit(peekc_at(t, 1))))
        return scan_number(t, tok);
    if (c == '"' || c == '\'')
        return scan_string(t, tok);
    return scan_operator(t, tok);
}

FtTokType ft_tok_next(FtTokenizer *t, FtToken *tok)
{
    if (t->done)
        return fill_error_token(t, tok);
    for (;;) {
        if (t->pending != 0)
            return t->at_end ? at_eof(t, tok) : emit_indentation(t, tok);
        if (t->atbol && !t->nested) {
            int r = read_indentation(t);
            if (r < 0)
                return fill_error_token(t, tok);
            if (r > 0)
                continue;
            if (t->pending != 0)
                continue;
        }
        FtTokType type = scan_token(t, tok);
        if (type == FT_TOK__COUNT)
            continue;
        if (type == FT_TOK_ERRORTOKEN)
            return fill_error_token(t, tok);
        tok->type = type;
        if (type != FT_TOK_NEWLINE && type != FT_TOK_ENDMARKER &&
            type != FT_TOK_DEDENT) {
            tok->len = (int)(t->cur - tok->start);
            tok->end_lineno = t->lineno;
            tok->end_col = cur_col(t);
        }
        return type;
    }
}
