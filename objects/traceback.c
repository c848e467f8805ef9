/* objects/traceback.c — traceback entries (FtTraceback_Type) and the printer
 * of uncaught exceptions: CPython 3.11's format (chained exceptions, source
 * lines read from the files, "[Previous line repeated N more times]",
 * SyntaxError's file/line/caret block), without the ~~~^^^ marker lines.
 */
#include "objects/object.h"

#include <stdio.h>
#include <string.h>

/* Defined in interp/mod_sys.c: writes to sys.stderr (or the C stream while
 * sys.stderr is the original one). */
int ft_sys_write_stderr_len(const char *s, size_t n);

/* ---- the traceback type -------------------------------------------------- */

#define TB(o) ((FtTraceback *)(o))

/* Long chains (a RecursionError has a thousand entries) are released in a
 * loop rather than by recursing through tp_dealloc. */
static void tb_dealloc(FtObject *op)
{
    FtObject *next = TB(op)->next;
    TB(op)->next = NULL;
    FT_CLEAR(TB(op)->code);
    ft_object_free(op);
    while (next != NULL && ft_refcnt(next) == 1 &&
           FT_TYPE(next) == &FtTraceback_Type) {
        FtObject *after = TB(next)->next;
        TB(next)->next = NULL;
        FT_DECREF(next);
        next = after;
    }
    FT_XDECREF(next);
}

static FtObject *tb_get_next(FtObject *self)
{
    return FT_NEWREF(TB(self)->next ? TB(self)->next : FT_None);
}

static int tb_set_next(FtObject *self, FtObject *value)
{
    if (value == NULL) {
        ft_err_set_string(FtExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == FT_None)
        value = NULL;
    else if (FT_TYPE(value) != &FtTraceback_Type) {
        ft_err_format(FtExc_TypeError,
                      "expected traceback object or None, got '%s'",
                      ft_type_name(FT_TYPE(value)));
        return -1;
    }
    for (FtObject *c = value; c != NULL; c = TB(c)->next) {
        if (c == self) {
            ft_err_set_string(FtExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    FT_XINCREF(value);
    FT_SETREF(TB(self)->next, value);
    return 0;
}

static FtObject *tb_get_lineno(FtObject *self)
{
    return ft_int_from_i64(TB(self)->lineno);
}

static FtObject *tb_get_code(FtObject *self)
{
    return FT_NEWREF(TB(self)->code ? TB(self)->code : FT_None);
}

static FtGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next},
    {"tb_lineno", tb_get_lineno, NULL},
    /* Not in CPython (which has tb_frame.f_code): ftpy keeps no frames. */
    {"tb_code", tb_get_code, NULL},
    {NULL, NULL, NULL},
};

FtType FtTraceback_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(FtTraceback),
    .tp_dealloc = tb_dealloc,
    .tp_getset = tb_getset,
};

/* ---- output -------------------------------------------------------------- */

static void out(const char *s, size_t n)
{
    if (n > 0)
        ft_sys_write_stderr_len(s, n);
}

static void outs(const char *s) { out(s, strlen(s)); }

static void out_str(FtObject *s)
{
    out(ft_str_cstr(s), (size_t)FT_STR_NBYTES(s));
}

static void out_int(long long v)
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", v);
    out(buf, (size_t)n);
}

/* ---- source lines -------------------------------------------------------- */

/* One file's text kept for the duration of a print: a RecursionError's
 * traceback shows the same file many times. */
typedef struct {
    char *name;
    char *data;
    size_t len;
} SourceCache;

static void cache_release(SourceCache *c)
{
    ft_mem_free(c->name);
    ft_mem_free(c->data);
    c->name = c->data = NULL;
    c->len = 0;
}

static int cache_load(SourceCache *c, const char *name)
{
    if (c->name != NULL && strcmp(c->name, name) == 0)
        return c->data != NULL;
    cache_release(c);
    size_t nl = strlen(name);
    c->name = ft_mem_alloc(nl + 1);
    if (c->name == NULL) {
        ft_err_clear();
        return 0;
    }
    memcpy(c->name, name, nl + 1);
    if (name[0] == '<') /* "<string>", "<stdin>": no file to read */
        return 0;
    FILE *f = fopen(name, "rb");
    if (f == NULL)
        return 0;
    size_t cap = 8192, len = 0;
    char *buf = ft_mem_alloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap)
            break;
        char *nb = ft_mem_realloc(buf, cap * 2);
        if (nb == NULL) {
            ft_mem_free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (buf == NULL) {
        ft_err_clear();
        return 0;
    }
    c->data = buf;
    c->len = len;
    return 1;
}

/* Finds line `lineno` (1-based) of the cached file without its leading
 * whitespace and line ending. 1 if found. */
static int cache_line(SourceCache *c, int lineno, const char **line, size_t *n)
{
    if (lineno < 1 || c->data == NULL)
        return 0;
    const char *p = c->data, *end = c->data + c->len;
    for (int i = 1; i < lineno; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            return 0;
        p = nl + 1;
    }
    if (p >= end)
        return 0;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (e == NULL)
        e = end;
    if (e > p && e[-1] == '\r')
        e--;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    *line = p;
    *n = (size_t)(e - p);
    return 1;
}

/* ---- the traceback ------------------------------------------------------- */

#define TB_LIMIT 1000         /* sys.tracebacklimit's default */
#define TB_RECURSIVE_CUTOFF 3 /* identical entries shown before collapsing */

static void print_repeated(long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    outs("  [Previous line repeated ");
    out_int(cnt);
    outs(cnt > 1 ? " more times]\n" : " more time]\n");
}

static void print_entry(SourceCache *cache, FtObject *fname, FtObject *name,
                        int lineno)
{
    outs("  File \"");
    out_str(fname);
    outs("\", line ");
    out_int(lineno);
    outs(", in ");
    out_str(name);
    outs("\n");
    const char *line;
    size_t n;
    if (cache_load(cache, ft_str_cstr(fname)) &&
        cache_line(cache, lineno, &line, &n)) {
        outs("    ");
        out(line, n);
        outs("\n");
    }
}

static void print_tb(FtObject *tb, SourceCache *cache)
{
    long depth = 0;
    for (FtObject *t = tb; t != NULL; t = TB(t)->next)
        depth++;
    while (tb != NULL && depth > TB_LIMIT) {
        depth--;
        tb = TB(tb)->next;
    }
    FtObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb != NULL; tb = TB(tb)->next) {
        FtObject *code = TB(tb)->code;
        FtObject *fname = ft_code_filename(code);
        FtObject *name = ft_code_name(code);
        int lineno = TB(tb)->lineno;
        if (last_file == NULL || !ft_str_eq(fname, last_file) ||
            lineno != last_line || !ft_str_eq(name, last_name)) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                print_repeated(cnt);
            last_file = fname;
            last_name = name;
            last_line = lineno;
            cnt = 0;
        }
        if (++cnt <= TB_RECURSIVE_CUTOFF)
            print_entry(cache, fname, name, lineno);
    }
    if (cnt > TB_RECURSIVE_CUTOFF)
        print_repeated(cnt);
}

/* ---- one exception ------------------------------------------------------- */

/* "ValueError", "__main__" and "builtins" classes unqualified, others as
 * "module.QualName" — what CPython prints before the message. */
static void print_type_name(FtType *t)
{
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE) {
        FtObject *mod = ft_object_getattr(&t->ob_base, FT_ID(__module__));
        if (mod == NULL)
            ft_err_clear();
        FtObject *qual = ft_object_getattr(&t->ob_base, FT_ID(__qualname__));
        if (qual == NULL)
            ft_err_clear();
        if (mod == NULL || !FT_STR_CHECK(mod))
            outs("<unknown>.");
        else if (!ft_str_eq_cstr(mod, "__main__") &&
                 !ft_str_eq_cstr(mod, "builtins")) {
            out_str(mod);
            outs(".");
        }
        if (qual != NULL && FT_STR_CHECK(qual))
            out_str(qual);
        else
            outs(ft_type_name(t));
        FT_XDECREF(mod);
        FT_XDECREF(qual);
        return;
    }
    /* Static types: "module.Name" in tp_name, no dot for builtins. */
    const char *dot = strrchr(t->tp_name, '.');
    if (dot != NULL &&
        !(dot - t->tp_name == 8 && strncmp(t->tp_name, "builtins", 8) == 0))
        out(t->tp_name, (size_t)(dot - t->tp_name + 1));
    outs(dot ? dot + 1 : t->tp_name);
}

/* The source line block of a SyntaxError, as CPython's print_error_text:
 * leading whitespace dropped (moving the caret with it), the caret under
 * column `offset` (1-based), none if it would point left of the text. */
static void print_error_text(long offset, long end_offset, const char *text)
{
    long carets =
        (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    long len = (long)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    /* Text spanning several lines: show the one holding the offset. */
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (nl == NULL)
            break;
        long inl = (long)(nl - text);
        if (inl >= offset)
            break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    outs("    ");
    out(text, (size_t)len);
    outs("\n");
    if (offset < 0)
        return;
    outs("    ");
    for (long i = 0; i < offset; i++)
        outs(" ");
    for (long i = 0; i < carets; i++)
        outs("^");
    outs("\n");
}

static FtObject *getattr_quiet(FtObject *o, const char *name)
{
    FtObject *v = ft_object_getattr_str(o, name);
    if (v == NULL)
        ft_err_clear();
    return v;
}

static long int_or(FtObject *o, long dflt)
{
    return (o != NULL && FT_INT_CHECK(o)) ? (long)ft_int_clamped(o) : dflt;
}

/* Prints the File/line/text/caret lines of a SyntaxError and returns its
 * msg (new ref) to be printed instead of str(exc); NULL if its attributes
 * do not have the expected shape (then it prints like any exception). */
static FtObject *print_syntax_block(FtObject *exc)
{
    FtObject *msg = getattr_quiet(exc, "msg");
    FtObject *fn = getattr_quiet(exc, "filename");
    FtObject *ln = getattr_quiet(exc, "lineno");
    FtObject *off = getattr_quiet(exc, "offset");
    FtObject *eoff = getattr_quiet(exc, "end_offset");
    FtObject *text = getattr_quiet(exc, "text");
    if (msg == NULL || ln == NULL || !FT_INT_CHECK(ln) ||
        (fn != NULL && fn != FT_None && !FT_STR_CHECK(fn))) {
        FT_XDECREF(msg);
        msg = NULL;
    } else {
        outs("  File \"");
        if (fn != NULL && fn != FT_None)
            out_str(fn);
        else
            outs("<string>");
        outs("\", line ");
        out_int(ft_int_clamped(ln));
        outs("\n");
        if (text != NULL && FT_STR_CHECK(text))
            print_error_text(int_or(off, -1), int_or(eoff, -1),
                             ft_str_cstr(text));
    }
    FT_XDECREF(fn);
    FT_XDECREF(ln);
    FT_XDECREF(off);
    FT_XDECREF(eoff);
    FT_XDECREF(text);
    return msg;
}

static void print_notes(FtObject *exc)
{
    FtObject *d = ((FtBaseExceptionObject *)exc)->dict;
    if (d == NULL)
        return;
    FtObject *notes = ft_dict_get_str(d, "__notes__");
    if (notes == NULL) {
        ft_err_clear();
        return;
    }
    FtObject *seq = ft_tuple_from_iterable(notes);
    if (seq == NULL) {
        ft_err_clear();
        FtObject *r = ft_object_repr(notes);
        if (r != NULL) {
            out_str(r);
            outs("\n");
            FT_DECREF(r);
        } else {
            ft_err_clear();
            outs("<__notes__ repr() failed>\n");
        }
    } else {
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(seq); i++) {
            FtObject *s = ft_object_str(FT_TUPLE_GET(seq, i));
            if (s != NULL) {
                out_str(s);
                FT_DECREF(s);
            } else {
                ft_err_clear();
                outs("<note str() failed>");
            }
            outs("\n");
        }
        FT_DECREF(seq);
    }
    FT_DECREF(notes);
}

static void print_one(FtObject *exc, SourceCache *cache)
{
    if (!ft_exception_check(exc)) {
        outs("TypeError: print_exception(): Exception expected for value, ");
        outs(ft_type_name(FT_TYPE(exc)));
        outs(" found\n");
        return;
    }
    FtObject *tb = ((FtBaseExceptionObject *)exc)->traceback;
    if (tb != NULL && FT_TYPE(tb) == &FtTraceback_Type) {
        outs("Traceback (most recent call last):\n");
        print_tb(tb, cache);
    }
    FtObject *text = NULL;
    if (ft_type_check(exc, FtExc_SyntaxError)) {
        FtObject *msg = print_syntax_block(exc);
        if (msg != NULL) {
            text = ft_object_str(msg);
            FT_DECREF(msg);
            if (text == NULL)
                ft_err_clear();
            print_type_name(FT_TYPE(exc));
            if (text != NULL && FT_STR_NBYTES(text) > 0) {
                outs(": ");
                out_str(text);
            }
            outs("\n");
            FT_XDECREF(text);
            print_notes(exc);
            return;
        }
    }
    print_type_name(FT_TYPE(exc));
    text = ft_object_str(exc);
    if (text == NULL) {
        ft_err_clear();
        outs(": <exception str() failed>");
    } else {
        if (FT_STR_NBYTES(text) > 0) {
            outs(": ");
            out_str(text);
        }
        FT_DECREF(text);
    }
    outs("\n");
    print_notes(exc);
}

/* ---- the chain ----------------------------------------------------------- */

#define MAX_CHAIN 256

typedef struct {
    FtObject *items[MAX_CHAIN];
    int n;
} Seen;

static int seen_has(const Seen *s, const FtObject *o)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i] == o)
            return 1;
    return 0;
}

static const char cause_message[] =
    "\nThe above exception was the direct cause of the following "
    "exception:\n\n";
static const char context_message[] =
    "\nDuring handling of the above exception, another exception "
    "occurred:\n\n";

/* Chained exceptions first (oldest at the top), each only once. */
static void print_chain(FtObject *exc, Seen *seen, SourceCache *cache)
{
    if (ft_exception_check(exc) && seen->n < MAX_CHAIN) {
        FtBaseExceptionObject *e = (FtBaseExceptionObject *)exc;
        seen->items[seen->n++] = exc;
        if (e->cause != NULL) {
            if (!seen_has(seen, e->cause)) {
                print_chain(e->cause, seen, cache);
                outs(cause_message);
            }
        } else if (e->context != NULL && !e->suppress_context) {
            if (!seen_has(seen, e->context)) {
                print_chain(e->context, seen, cache);
                outs(context_message);
            }
        }
    }
    print_one(exc, cache);
}

void ft_err_print_exception(FtObject *exc)
{
    FtObject *pending = ft_err_fetch();
    fflush(stdout); /* what the program printed comes first */
    Seen seen;
    seen.n = 0;
    SourceCache cache = {NULL, NULL, 0};
    print_chain(exc, &seen, &cache);
    cache_release(&cache);
    ft_err_clear();
    ft_err_restore(pending);
}

void ft_err_print(void)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return;
    /* An uncaught SystemExit is an exit request, never a report: the
     * command line (interp/run.c) turns it into the exit status. */
    if (!ft_type_check(exc, FtExc_SystemExit))
        ft_err_print_exception(exc);
    FT_DECREF(exc);
}
