/* interp/parser_string.c — string literals: prefixes, escape sequences,
 * implicit concatenation of adjacent literals, and f-strings (split into
 * constants and formatted values whose expressions are parsed by a nested
 * parser), following CPython 3.11's rules and messages.
 */
#include "interp/parser_internal.h"

#include <stdio.h>
#include <string.h>

/* A growable byte buffer for the literal text being assembled. */
typedef struct {
    char *data;
    size_t len, cap;
} Buf;

static int buf_add(FtParser *p, Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = ft_mem_realloc(b->data, cap);
        if (d == NULL) {
            ftp_raised(p);
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 0;
}

static int buf_add_cp(FtParser *p, Buf *b, unsigned int cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_add(p, b, u, n);
}

/* ---- one literal ------------------------------------------------------------- */

typedef struct {
    const FtToken *tok;
    const char *body, *body_end; /* between the quotes */
    int raw, fstring, bytes;
} Literal;

static void split_literal(const FtToken *t, Literal *lit)
{
    const char *s = t->start, *e = t->start + t->len;
    memset(lit, 0, sizeof *lit);
    lit->tok = t;
    while (*s != '\'' && *s != '"') {
        char c = (char)(*s | 0x20);
        lit->raw |= c == 'r';
        lit->fstring |= c == 'f';
        lit->bytes |= c == 'b';
        s++;
    }
    int q = (s + 2 < e && s[1] == s[0] && s[2] == s[0]) ? 3 : 1;
    lit->body = s + q;
    lit->body_end = e - q;
}

/* The errors CPython's unicode-escape decoder gives, at the literal's end. */
static int escape_error(FtParser *p, const Literal *lit, const char *bs,
                        const char *last, const char *what)
{
    ftp_error_at(p, lit->tok->end_lineno, lit->tok->end_col,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                 "position %d-%d: %s",
                 (int)(bs - lit->body), (int)(last - lit->body), what);
    return -1;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* \xhh, \uhhhh, \Uhhhhhhhh starting at s (after the letter). */
static int hex_escape(FtParser *p, const Literal *lit, const char *bs,
                      const char **sp, const char *e, int digits, Buf *b)
{
    static const char *const msgs[] = {"truncated \\xXX escape",
                                       "truncated \\uXXXX escape",
                                       "truncated \\UXXXXXXXX escape"};
    const char *msg = msgs[digits == 2 ? 0 : digits == 4 ? 1 : 2];
    const char *s = *sp;
    unsigned int cp = 0;
    for (int i = 0; i < digits; i++) {
        int d = s < e ? hex_value((unsigned char)*s) : -1;
        if (d < 0)
            return escape_error(p, lit, bs, s - 1, msg);
        cp = cp * 16 + (unsigned int)d;
        s++;
    }
    *sp = s;
    if (cp > 0x10FFFF)
        return escape_error(p, lit, bs, s - 1, "illegal Unicode character");
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return escape_error(p, lit, bs, s - 1,
                            "surrogate characters are not supported");
    return buf_add_cp(p, b, cp);
}

static int simple_escape(int c)
{
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    default: return -1;
    }
}

/* Decodes [s, e) of a non-raw literal's text into b. */
static int decode_escapes(FtParser *p, const Literal *lit, const char *s,
                          const char *e, Buf *b)
{
    while (s < e) {
        const char *bs = memchr(s, '\\', (size_t)(e - s));
        if (bs == NULL)
            return buf_add(p, b, s, (size_t)(e - s));
        if (buf_add(p, b, s, (size_t)(bs - s)) < 0)
            return -1;
        s = bs + 1;
        if (s >= e) /* a lone backslash before an f-string's '{' */
            return buf_add(p, b, "\\", 1);
        int c = (unsigned char)*s++;
        int simple = simple_escape(c);
        if (simple >= 0) {
            char ch = (char)simple;
            if (buf_add(p, b, &ch, 1) < 0)
                return -1;
        } else if (c == '\n') {
            /* backslash-newline: the line continues */
        } else if (c >= '0' && c <= '7') {
            unsigned int v = (unsigned int)(c - '0');
            for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (unsigned int)(*s++ - '0');
            if (buf_add_cp(p, b, v) < 0)
                return -1;
        } else if (c == 'x' || c == 'u' || c == 'U') {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (hex_escape(p, lit, bs, &s, e, digits, b) < 0)
                return -1;
        } else if (c == 'N') {
            const char *close = s < e && *s == '{'
                                    ? memchr(s, '}', (size_t)(e - s))
                                    : NULL;
            return escape_error(p, lit, bs, close ? close : s - 1,
                                close ? "\\N{...} escapes are not supported"
                                      : "malformed \\N character escape");
        } else {
            /* unknown escapes stay as they are */
            if (buf_add(p, b, "\\", 1) < 0)
                return -1;
            s--;
        }
    }
    return 0;
}

/* Decodes a non-raw bytes literal's text into b: every escape gives one
 * byte (octal values above 0o377 keep their low eight bits, as CPython
 * 3.11), and escapes bytes do not know (\u, \N, ...) stay as written. */
static int decode_bytes_escapes(FtParser *p, const Literal *lit, Buf *b)
{
    const char *s = lit->body, *e = lit->body_end;
    while (s < e) {
        const char *bs = memchr(s, '\\', (size_t)(e - s));
        if (bs == NULL)
            return buf_add(p, b, s, (size_t)(e - s));
        if (buf_add(p, b, s, (size_t)(bs - s)) < 0)
            return -1;
        s = bs + 1;
        int c = (unsigned char)*s++;
        int v = simple_escape(c);
        if (c == '\n')
            continue;
        if (c >= '0' && c <= '7') {
            v = c - '0';
            for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (*s++ - '0');
            v &= 0xFF;
        } else if (c == 'x') {
            int hi = s < e ? hex_value((unsigned char)s[0]) : -1;
            int lo = s + 1 < e ? hex_value((unsigned char)s[1]) : -1;
            if (hi < 0 || lo < 0) {
                ftp_error_at(p, lit->tok->end_lineno, lit->tok->end_col,
                             "(value error) invalid \\x escape at position %d",
                             (int)(bs - lit->body));
                return -1;
            }
            v = hi * 16 + lo;
            s += 2;
        } else if (v < 0) {
            s--; /* unknown escapes stay as they are */
            if (buf_add(p, b, "\\", 1) < 0)
                return -1;
            continue;
        }
        char ch = (char)v;
        if (buf_add(p, b, &ch, 1) < 0)
            return -1;
    }
    return 0;
}

/* A bytes constant from adjacent bytes literals. */
static FtAstExpr *bytes_constant(FtParser *p, Literal *lits, int n,
                                 FtAstExpr *whole)
{
    Buf b = {0};
    int r = 0;
    for (int i = 0; i < n && r == 0; i++) {
        if (lits[i].raw)
            r = buf_add(p, &b, lits[i].body,
                        (size_t)(lits[i].body_end - lits[i].body));
        else
            r = decode_bytes_escapes(p, &lits[i], &b);
    }
    FtObject *o = NULL;
    if (r == 0)
        o = ftp_keep(p, ft_bytes_from_buf(b.len ? b.data : "", b.len));
    ft_mem_free(b.data);
    if (o == NULL)
        return NULL;
    whole->v.constant.value = o;
    return whole;
}

static int literal_text(FtParser *p, const Literal *lit, const char *s,
                        const char *e, Buf *b)
{
    if (lit->raw)
        return buf_add(p, b, s, (size_t)(e - s));
    return decode_escapes(p, lit, s, e, b);
}

/* ---- f-strings ------------------------------------------------------------------ */

typedef struct {
    /* CPython 3.11 places every part at the whole concatenation, except
     * the text of a format spec, which sits at its own literal */
    const FtAstExpr *whole;
    const FtAstExpr *text_pos;
    FtPVec values;    /* Constant and FormattedValue nodes */
    Buf text;         /* literal text not yet turned into a Constant */
} JoinState;

static FtAstExpr *str_constant(FtParser *p, const FtAstExpr *pos, Buf *b)
{
    FtObject *s = ft_str_from_len(b->len ? b->data : "", (ssize_t)b->len);
    if (ftp_keep(p, s) == NULL)
        return NULL;
    FtAstExpr *e = ftp_alloc(p, sizeof *e);
    if (e == NULL)
        return NULL;
    *e = *pos;
    e->kind = FT_EXPR_CONSTANT;
    memset(&e->v, 0, sizeof e->v);
    e->v.constant.value = s;
    return e;
}

static int flush_text(FtParser *p, JoinState *js)
{
    if (js->text.len == 0)
        return 0;
    FtAstExpr *c = str_constant(p, js->text_pos, &js->text);
    js->text.len = 0;
    return c != NULL ? ftp_push(p, &js->values, c) : -1;
}

static int fstring_part(FtParser *p, const Literal *lit, const char **sp,
                        const char *e, JoinState *js, int level);

static void *fstring_error(FtParser *p, const Literal *lit, const char *msg)
{
    return ftp_error_at(p, lit->tok->end_lineno, lit->tok->end_col, "%s", msg);
}

/* Skips a quoted string inside an f-string expression; *backslash is set
 * if it contains one (not allowed there in Python 3.11). */
static const char *skip_quoted(const char *s, const char *e, int *backslash)
{
    char q = *s;
    int triple = s + 2 < e && s[1] == q && s[2] == q;
    s += triple ? 3 : 1;
    while (s < e) {
        if (*s == '\\')
            *backslash = 1;
        if (*s == q && (!triple || (s + 2 < e && s[1] == q && s[2] == q)))
            return s + (triple ? 3 : 1);
        s++;
    }
    return NULL;
}

/* Finds where the expression starting at s ends: the '}', '!', ':' or '='
 * at bracket depth 0. Returns NULL after recording an error. */
static const char *scan_fexpr(FtParser *p, const Literal *lit, const char *s,
                              const char *e)
{
    char stack[FT_TOK_MAXLEVEL];
    int depth = 0;
    while (s < e) {
        char c = *s;
        if (c == '\\')
            return fstring_error(
                p, lit, "f-string expression part cannot include a backslash");
        if (c == '#')
            return fstring_error(
                p, lit, "f-string expression part cannot include '#'");
        if (c == '\'' || c == '"') {
            int backslash = 0;
            if ((s = skip_quoted(s, e, &backslash)) == NULL)
                return fstring_error(p, lit, "f-string: unterminated string");
            if (backslash)
                return fstring_error(p, lit, "f-string expression part cannot "
                                             "include a backslash");
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (depth >= FT_TOK_MAXLEVEL)
                return fstring_error(p, lit,
                                     "f-string: too many nested parenthesis");
            stack[depth++] = c;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}')
                    return s;
                char msg[64];
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", c);
                return fstring_error(p, lit, msg);
            }
            char open = stack[--depth];
            if ((open == '(' && c != ')') || (open == '[' && c != ']') ||
                (open == '{' && c != '}')) {
                char msg[100];
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match "
                         "opening parenthesis '%c'",
                         c, open);
                return fstring_error(p, lit, msg);
            }
        } else if (depth == 0) {
            char n = s + 1 < e ? s[1] : 0;
            if (c == '!' && n == '=') {
                s += 2;
                continue;
            }
            if (c == '!' || c == ':')
                return s;
            if (c == '=' && n != '=' &&
                !(s > lit->body && strchr("=!<>", s[-1]) != NULL))
                return s;
            if (c == '=' && n == '=') {
                s += 2;
                continue;
            }
        }
        s++;
    }
    return fstring_error(p, lit, "f-string: expecting '}'");
}

/* Line and line start of a point inside the literal's token. */
static void locate(const Literal *lit, const char *at, int *lineno,
                   const char **line_start)
{
    const FtToken *t = lit->tok;
    int line = t->lineno;
    const char *ls = t->start - t->col;
    for (const char *s = t->start; s < at; s++) {
        if (*s == '\n') {
            line++;
            ls = s + 1;
        }
    }
    *lineno = line;
    *line_start = ls;
}

static FtAstExpr *parse_field_expr(FtParser *p, const Literal *lit,
                                   const char *s, const char *end)
{
    const char *q = s;
    while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f'))
        q++;
    if (q == end)
        return fstring_error(p, lit, "f-string: empty expression not allowed");
    int lineno;
    const char *line_start;
    locate(lit, s, &lineno, &line_start);
    return ftp_parse_fexpr(p, s, end, lineno, line_start);
}

/* The conversion and format spec after a field's expression; s is at the
 * '!', ':' or '}' and ends after the '}'. */
static int field_tail(FtParser *p, const Literal *lit, const char **sp,
                      const char *e, FtAstExpr *fv, const FtAstExpr *whole,
                      int level)
{
    const char *s = *sp;
    if (s < e && *s == '!') {
        s++;
        if (s >= e) {
            fstring_error(p, lit, "f-string: expecting '}'");
            return -1;
        }
        char c = *s++;
        if (c != 's' && c != 'r' && c != 'a') {
            fstring_error(p, lit, "f-string: invalid conversion character: "
                                  "expected 's', 'r', or 'a'");
            return -1;
        }
        fv->v.formatted.conversion = (unsigned char)c;
    }
    if (s < e && *s == ':') {
        s++;
        /* a spec is placed at its own literal, not the whole concatenation */
        const FtToken *t = lit->tok;
        FtAstExpr pos;
        memset(&pos, 0, sizeof pos);
        pos.lineno = t->lineno;
        pos.col = t->col;
        pos.end_lineno = t->end_lineno;
        pos.end_col = t->end_col;
        JoinState spec;
        memset(&spec, 0, sizeof spec);
        spec.whole = whole;
        spec.text_pos = &pos;
        int r = fstring_part(p, lit, &s, e, &spec, level + 1);
        if (r == 0)
            r = flush_text(p, &spec);
        ft_mem_free(spec.text.data);
        if (r < 0)
            return -1;
        FtAstExpr *j = ftp_alloc(p, sizeof *j);
        if (j == NULL)
            return -1;
        *j = pos;
        j->kind = FT_EXPR_JOINED_STR;
        memset(&j->v, 0, sizeof j->v);
        j->v.joined.values = ftp_expr_seq(&spec.values);
        fv->v.formatted.format_spec = j;
    }
    if (s >= e || *s != '}') {
        fstring_error(p, lit, "f-string: expecting '}'");
        return -1;
    }
    *sp = s + 1;
    return 0;
}

/* One {expression!conv:spec} field; s is just after the '{'. */
static int fstring_field(FtParser *p, const Literal *lit, const char **sp,
                         const char *e, JoinState *js, int level)
{
    if (level >= 2) {
        fstring_error(p, lit, "f-string: expressions nested too deeply");
        return -1;
    }
    const char *start = *sp;
    const char *end = scan_fexpr(p, lit, start, e);
    if (end == NULL)
        return -1;
    FtAstExpr *value = parse_field_expr(p, lit, start, end);
    if (value == NULL)
        return -1;
    FtAstExpr *fv = ftp_alloc(p, sizeof *fv);
    if (fv == NULL)
        return -1;
    *fv = *js->whole;
    fv->kind = FT_EXPR_FORMATTED_VALUE;
    memset(&fv->v, 0, sizeof fv->v);
    fv->v.formatted.value = value;
    fv->v.formatted.conversion = -1;
    const char *s = end;
    if (*s == '=') {
        /* f"{x=}": the text up to the '=' and the spaces after it */
        s++;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\n'))
            s++;
        if (buf_add(p, &js->text, start, (size_t)(s - start)) < 0)
            return -1;
        if (s < e && *s != '!' && *s != ':')
            fv->v.formatted.conversion = 'r';
    }
    if (flush_text(p, js) < 0 ||
        field_tail(p, lit, &s, e, fv, js->whole, level) < 0)
        return -1;
    *sp = s;
    return ftp_push(p, &js->values, fv);
}

/* Literal text and fields from *sp; at level > 0 (a format spec) it stops
 * at the '}' closing the spec. */
static int fstring_part(FtParser *p, const Literal *lit, const char **sp,
                        const char *e, JoinState *js, int level)
{
    const char *s = *sp, *run = s;
    while (s < e) {
        char c = *s;
        if (c == '\\' && !lit->raw) {
            char n = s + 1 < e ? s[1] : 0;
            if (n == 'N' && s + 2 < e && s[2] == '{') {
                const char *close = memchr(s, '}', (size_t)(e - s));
                s = close ? close + 1 : e;
            } else {
                s += (n == '{' || n == '}') ? 1 : 2;
            }
            continue;
        }
        if (c != '{' && c != '}') {
            s++;
            continue;
        }
        if (literal_text(p, lit, run, s, &js->text) < 0)
            return -1;
        if (level == 0 && s + 1 < e && s[1] == c) {
            if (buf_add(p, &js->text, &c, 1) < 0)
                return -1;
            s += 2;
        } else if (c == '}') {
            if (level > 0) {
                run = s;
                break;
            }
            fstring_error(p, lit, "f-string: single '}' is not allowed");
            return -1;
        } else {
            s++;
            if (fstring_field(p, lit, &s, e, js, level) < 0)
                return -1;
        }
        run = s;
    }
    if (s > run && literal_text(p, lit, run, s, &js->text) < 0)
        return -1;
    *sp = s;
    return 0;
}

/* ---- concatenation --------------------------------------------------------------- */

static FtAstExpr *joined(FtParser *p, Literal *lits, int n, FtAstExpr *whole)
{
    JoinState js;
    memset(&js, 0, sizeof js);
    js.whole = whole;
    js.text_pos = whole;
    int r = 0;
    for (int i = 0; i < n && r == 0; i++) {
        if (lits[i].fstring) {
            const char *s = lits[i].body;
            r = fstring_part(p, &lits[i], &s, lits[i].body_end, &js, 0);
        } else {
            r = literal_text(p, &lits[i], lits[i].body, lits[i].body_end,
                             &js.text);
        }
    }
    if (r == 0)
        r = flush_text(p, &js);
    ft_mem_free(js.text.data);
    if (r < 0)
        return NULL;
    whole->kind = FT_EXPR_JOINED_STR;
    whole->v.joined.values = ftp_expr_seq(&js.values);
    return whole;
}

FtAstExpr *ftp_strings(FtParser *p)
{
    FtToken *first = ftp_peek(p);
    int n = 0;
    while (ftp_peek_at(p, n)->type == FT_TOK_STRING)
        n++;
    Literal *lits = ftp_alloc(p, (size_t)n * sizeof *lits);
    if (lits == NULL)
        return NULL;
    int any_f = 0, n_bytes = 0;
    FtToken *t = NULL;
    for (int i = 0; i < n; i++) {
        t = ftp_next(p);
        split_literal(t, &lits[i]);
        any_f |= lits[i].fstring;
        if (!lits[i].bytes)
            continue;
        n_bytes++;
        for (const char *c = lits[i].body; c < lits[i].body_end; c++)
            if ((unsigned char)*c >= 0x80)
                return ftp_error_tok(
                    p, t, "bytes can only contain ASCII literal characters");
    }
    if (n_bytes != 0 && n_bytes != n)
        return ftp_error_at(p, t->end_lineno, t->end_col,
                            "cannot mix bytes and nonbytes literals");
    FtAstExpr *whole = ftp_new_expr(p, FT_EXPR_CONSTANT, first);
    if (whole == NULL)
        return NULL;
    ftp_end_expr(p, whole);
    if (n_bytes != 0)
        return bytes_constant(p, lits, n, whole);
    if (any_f)
        return joined(p, lits, n, whole);
    Buf b = {0};
    int r = 0;
    for (int i = 0; i < n && r == 0; i++)
        r = literal_text(p, &lits[i], lits[i].body, lits[i].body_end, &b);
    FtAstExpr *c = r == 0 ? str_constant(p, whole, &b) : NULL;
    ft_mem_free(b.data);
    return c;
}
