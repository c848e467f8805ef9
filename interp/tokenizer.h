/* interp/tokenizer.h — the lexer: UTF-8 source text to Python tokens
 * (INDENT/DEDENT from an indentation stack, NEWLINE, implicit and explicit
 * line joining). Private to the parser (interp/parser*.c).
 *
 * The tokenizer is a plain struct with no globals, so several threads can
 * tokenize at once. Source must be NUL terminated or bounded by `end`, use
 * '\n' line endings (ft_parse normalises them) and be valid UTF-8.
 */
#ifndef FT_INTERP_TOKENIZER_H
#define FT_INTERP_TOKENIZER_H

#include <stddef.h>

typedef enum {
    FT_TOK_ENDMARKER,
    FT_TOK_NAME,
    FT_TOK_NUMBER,
    FT_TOK_STRING, /* the whole literal: prefix, quotes and body */
    FT_TOK_NEWLINE,
    FT_TOK_INDENT,
    FT_TOK_DEDENT,
    FT_TOK_ERRORTOKEN, /* the tokenizer stopped; see FtTokenizer.err */
    FT_TOK_OP_OTHER,   /* a character no rule accepts ('$', '?', '!') */

    /* operators and delimiters */
    FT_TOK_LPAR,
    FT_TOK_RPAR,
    FT_TOK_LSQB,
    FT_TOK_RSQB,
    FT_TOK_LBRACE,
    FT_TOK_RBRACE,
    FT_TOK_COLON,
    FT_TOK_COMMA,
    FT_TOK_SEMI,
    FT_TOK_PLUS,
    FT_TOK_MINUS,
    FT_TOK_STAR,
    FT_TOK_SLASH,
    FT_TOK_VBAR,
    FT_TOK_AMPER,
    FT_TOK_LESS,
    FT_TOK_GREATER,
    FT_TOK_EQUAL,
    FT_TOK_DOT,
    FT_TOK_PERCENT,
    FT_TOK_TILDE,
    FT_TOK_CIRCUMFLEX,
    FT_TOK_AT,
    FT_TOK_EQEQUAL,
    FT_TOK_NOTEQUAL,
    FT_TOK_LESSEQUAL,
    FT_TOK_GREATEREQUAL,
    FT_TOK_LEFTSHIFT,
    FT_TOK_RIGHTSHIFT,
    FT_TOK_DOUBLESTAR,
    FT_TOK_DOUBLESLASH,
    FT_TOK_RARROW,
    FT_TOK_ELLIPSIS,
    FT_TOK_COLONEQUAL,
    /* augmented assignment, in FT_OP_* order of the operator they apply */
    FT_TOK_PLUSEQUAL,
    FT_TOK_MINEQUAL,
    FT_TOK_STAREQUAL,
    FT_TOK_SLASHEQUAL,
    FT_TOK_DOUBLESLASHEQUAL,
    FT_TOK_PERCENTEQUAL,
    FT_TOK_DOUBLESTAREQUAL,
    FT_TOK_LEFTSHIFTEQUAL,
    FT_TOK_RIGHTSHIFTEQUAL,
    FT_TOK_AMPEREQUAL,
    FT_TOK_VBAREQUAL,
    FT_TOK_CIRCUMFLEXEQUAL,
    FT_TOK_ATEQUAL,

    /* keywords */
    FT_TOK_KW_FALSE,
    FT_TOK_KW_NONE,
    FT_TOK_KW_TRUE,
    FT_TOK_KW_AND,
    FT_TOK_KW_AS,
    FT_TOK_KW_ASSERT,
    FT_TOK_KW_ASYNC,
    FT_TOK_KW_AWAIT,
    FT_TOK_KW_BREAK,
    FT_TOK_KW_CLASS,
    FT_TOK_KW_CONTINUE,
    FT_TOK_KW_DEF,
    FT_TOK_KW_DEL,
    FT_TOK_KW_ELIF,
    FT_TOK_KW_ELSE,
    FT_TOK_KW_EXCEPT,
    FT_TOK_KW_FINALLY,
    FT_TOK_KW_FOR,
    FT_TOK_KW_FROM,
    FT_TOK_KW_GLOBAL,
    FT_TOK_KW_IF,
    FT_TOK_KW_IMPORT,
    FT_TOK_KW_IN,
    FT_TOK_KW_IS,
    FT_TOK_KW_LAMBDA,
    FT_TOK_KW_NONLOCAL,
    FT_TOK_KW_NOT,
    FT_TOK_KW_OR,
    FT_TOK_KW_PASS,
    FT_TOK_KW_RAISE,
    FT_TOK_KW_RETURN,
    FT_TOK_KW_TRY,
    FT_TOK_KW_WHILE,
    FT_TOK_KW_WITH,
    FT_TOK_KW_YIELD,
    FT_TOK__COUNT
} FtTokType;

#define FT_TOK_IS_KEYWORD(t) ((t) >= FT_TOK_KW_FALSE && (t) < FT_TOK__COUNT)

typedef struct {
    FtTokType type;
    int lineno, col; /* 1-based line, 0-based byte column */
    int end_lineno, end_col;
    const char *start; /* into the source text */
    int len;
} FtToken;

#define FT_TOK_MAXLEVEL 200  /* nested brackets */
#define FT_TOK_MAXINDENT 100 /* nested indented blocks */

/* How a tokenizer error interacts with a parse error found earlier in the
 * file (CPython reports some tokenizer errors even then). */
typedef enum {
    FT_TOKERR_NONE,
    FT_TOKERR_EAGER,    /* reported even if the parser failed earlier */
    FT_TOKERR_LAZY,     /* reported only when the parser reaches it */
    FT_TOKERR_EOF_PAREN /* end of input inside brackets */
} FtTokErrKind;

typedef enum {
    FT_TOKERR_SYNTAX,
    FT_TOKERR_INDENT, /* IndentationError */
    FT_TOKERR_TAB     /* TabError */
} FtTokErrType;

typedef struct {
    FtTokErrKind kind;
    FtTokErrType type;
    int incomplete; /* more input could complete the source (REPL) */
    int lineno;
    int offset;     /* 1-based byte offset in the line (0: none) */
    char msg[160];
} FtTokError;

typedef struct {
    const char *cur, *end;
    const char *src_start; /* lines before it are not looked at */
    const char *line_start; /* start of the current physical line */
    int lineno;
    int atbol;   /* at the beginning of a logical line */
    int pending; /* INDENT (> 0) or DEDENT (< 0) tokens still to emit */
    int nested;  /* f-string expression: no NEWLINE/INDENT at all */
    int done;
    int at_end;  /* emitting the DEDENTs that close the input */
    int indent;  /* top of indstack */
    int indstack[FT_TOK_MAXINDENT + 1];
    int altindstack[FT_TOK_MAXINDENT + 1]; /* tabs counted as 1 column */
    int level;   /* open brackets */
    char paren[FT_TOK_MAXLEVEL];
    int paren_lineno[FT_TOK_MAXLEVEL];
    int paren_col[FT_TOK_MAXLEVEL];
    FtTokError err;
} FtTokenizer;

/* Starts tokenizing [src, end). lineno and line_start locate src in the
 * whole text (for f-string expressions, a slice of a line); nested
 * tokenizers behave as if inside brackets and end with ENDMARKER. */
void ft_tok_init(FtTokenizer *t, const char *src, const char *end,
                 int lineno, const char *line_start, int nested);
/* Fills *tok with the next token and returns its type. After an
 * FT_TOK_ERRORTOKEN, t->err describes the error and further calls keep
 * returning FT_TOK_ERRORTOKEN. */
FtTokType ft_tok_next(FtTokenizer *t, FtToken *tok);
/* The text of an operator or keyword token ("**=", "while"), or a
 * description ("NEWLINE") for the others. */
const char *ft_tok_name(FtTokType type);

/* Decodes one UTF-8 sequence at s (already validated); returns its length. */
int ft_utf8_decode(const char *s, unsigned int *cp);
/* Checks that [s, s+n) is valid UTF-8 (no surrogates, no overlongs).
 * Returns -1 if it is, else the byte index of the first bad byte. */
long ft_utf8_check(const char *s, size_t n);
/* Whether a non-ASCII code point may appear in an identifier. */
int ft_tok_is_id_char(unsigned int cp, int first);

#endif
