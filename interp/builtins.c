/* interp/builtins.c — the builtins module: print/input, the object,
 * attribute and iteration built-ins, exec/eval, __build_class__, __import__
 * and the built-in names; the numeric ones are in interp/builtins_num.c.
 */
#include "interp/code.h"
#include "interp/eval.h"
#include "interp/frame.h" /* ft_eval_locals(), offered for locals() */
#include "interp/import.h"
#include "interp/modules.h"
#include "interp/mod_thread.h" /* its types are readied with builtins */
#include "interp/parser.h"
#include "objects/fileio.h"
#include "objects/object.h"
#include "objects/typeobject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Shared with interp/mod_sys.c and interp/run.c (same owner); no public
 * header needs them. */
FtObject *ft_sys_get_attr(FtObject *name);
FILE *ft_sys_file_of(FtObject *o);
int ft_sys_utf8_valid(const char *s, size_t n);
/* stdio with the GIL released when the call may block (mod_sys.c). */
size_t ft_sys_fwrite(FILE *fp, const char *s, size_t n);
int ft_sys_fflush(FILE *fp);
char *ft_sys_read_fp(FILE *fp, int64_t limit, int line, size_t *len);
FtObject *ft_run_compile(const char *source, const char *filename, int mode);
extern FtMethodDef ft_builtins_num_methods[]; /* interp/builtins_num.c */

/* Names looked up at run time that FT_ID does not cover (interned once). */
static FtObject *name_stdin, *name_readline, *name_dir, *name_prepare;

static int names_init(void)
{
    struct {
        FtObject **slot;
        const char *text;
    } tab[] = {{&name_stdin, "stdin"},
               {&name_readline, "readline"},
               {&name_dir, "__dir__"},
               {&name_prepare, "__prepare__"}};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (*tab[i].slot == NULL &&
            (*tab[i].slot = ft_str_intern_cstr(tab[i].text)) == NULL)
            return -1;
    return 0;
}

/* ---- small helpers ------------------------------------------------------- */

static FtObject *kwname_error(FtObject *name, const char *fname)
{
    ft_err_format(FtExc_TypeError,
                  "'%U' is an invalid keyword argument for %s()", name, fname);
    return NULL;
}

/* Binds the keyword arguments (after nargs positionals) to the names in
 * `names`; out[i] receives a borrowed value or stays NULL. */
static int parse_kwonly(const char *fname, FtObject *const *args, size_t nargs,
                        FtObject *kwnames, const char *const *names, int n,
                        FtObject **out)
{
    ssize_t nkw = kwnames ? FT_TUPLE_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *k = FT_TUPLE_GET(kwnames, i);
        int j = 0;
        while (j < n && !ft_str_eq_cstr(k, names[j]))
            j++;
        if (j == n) {
            kwname_error(k, fname);
            return -1;
        }
        out[j] = args[nargs + (size_t)i];
    }
    return 0;
}

static int check_attr_name(FtObject *name)
{
    if (!FT_STR_CHECK(name)) {
        ft_err_format(FtExc_TypeError,
                      "attribute name must be string, not '%s'",
                      ft_type_name(FT_TYPE(name)));
        return -1;
    }
    return 0;
}

static int stdio_failed(FILE *fp)
{
    clearerr(fp);
    ft_err_set_string(FtExc_OSError, "write failed");
    return -1;
}

/* ---- print / input ------------------------------------------------------- */

static int print_fast(FILE *fp, FtObject *const *args, size_t nargs,
                      FtObject *sep, FtObject *end)
{
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (sep == NULL)
                putc(' ', fp);
            else
                ft_sys_fwrite(fp, FT_STR_DATA(sep), (size_t)FT_STR_NBYTES(sep));
        }
        FtObject *o = args[i];
        if (FT_STR_CHECK_EXACT(o)) {
            ft_sys_fwrite(fp, FT_STR_DATA(o), (size_t)FT_STR_NBYTES(o));
        } else {
            FtObject *s = ft_object_str(o);
            if (s == NULL)
                return -1;
            ft_sys_fwrite(fp, FT_STR_DATA(s), (size_t)FT_STR_NBYTES(s));
            FT_DECREF(s);
        }
    }
    if (end == NULL)
        ft_sys_fwrite(fp, "\n", 1); /* may flush a line-buffered stream */
    else
        ft_sys_fwrite(fp, FT_STR_DATA(end), (size_t)FT_STR_NBYTES(end));
    return ferror(fp) ? stdio_failed(fp) : 0;
}

static int write_obj(FtObject *file, FtObject *s)
{
    FtObject *r = ft_call_method(file, FT_ID(write), &s, 1);
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

static int write_cstr(FtObject *file, const char *text)
{
    FtObject *s = ft_str_from_cstr(text);
    if (s == NULL)
        return -1;
    int r = write_obj(file, s);
    FT_DECREF(s);
    return r;
}

/* Any file-like object: one write() call per piece, as CPython makes. */
static int print_slow(FtObject *file, FtObject *const *args, size_t nargs,
                      FtObject *sep, FtObject *end)
{
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && (sep ? write_obj(file, sep) : write_cstr(file, " ")) < 0)
            return -1;
        FtObject *s = ft_object_str(args[i]);
        if (s == NULL)
            return -1;
        int r = write_obj(file, s);
        FT_DECREF(s);
        if (r < 0)
            return -1;
    }
    return end ? write_obj(file, end) : write_cstr(file, "\n");
}

static FtObject *bi_print(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    static const char *const names[] = {"sep", "end", "file", "flush"};
    FtObject *kw[4] = {NULL, NULL, NULL, NULL};
    if (parse_kwonly("print", args, nargs, kwnames, names, 4, kw) < 0)
        return NULL;
    FtObject *sep = kw[0] == FT_None ? NULL : kw[0];
    FtObject *end = kw[1] == FT_None ? NULL : kw[1];
    if (sep != NULL && !FT_STR_CHECK(sep)) {
        ft_err_format(FtExc_TypeError, "sep must be None or a string, not %s",
                      ft_type_name(FT_TYPE(sep)));
        return NULL;
    }
    if (end != NULL && !FT_STR_CHECK(end)) {
        ft_err_format(FtExc_TypeError, "end must be None or a string, not %s",
                      ft_type_name(FT_TYPE(end)));
        return NULL;
    }
    FtObject *file;
    if (kw[2] == NULL || kw[2] == FT_None) {
        file = ft_sys_get_attr(FT_ID(stdout));
        if (file == NULL && ft_err_occurred())
            return NULL;
    } else {
        file = FT_NEWREF(kw[2]);
    }
    if (file == FT_None) { /* sys.stdout = None: print does nothing */
        FT_DECREF(file);
        FT_RETURN_NONE;
    }
    FILE *fp = file ? ft_sys_file_of(file) : stdout;
    int r = fp ? print_fast(fp, args, nargs, sep, end)
               : print_slow(file, args, nargs, sep, end);
    if (r == 0 && kw[3] != NULL) {
        int fl = ft_object_is_true(kw[3]);
        if (fl < 0)
            r = -1;
        else if (fl && fp != NULL)
            ft_sys_fflush(fp);
        else if (fl) {
            FtObject *res = ft_call_method(file, FT_ID(flush), NULL, 0);
            if (res == NULL)
                r = -1;
            FT_XDECREF(res);
        }
    }
    FT_XDECREF(file);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *eof_error(void)
{
    ft_err_set_string(FtExc_EOFError, "EOF when reading a line");
    return NULL;
}

static FtObject *strip_newline(FtObject *line)
{
    ssize_t n = FT_STR_NBYTES(line);
    if (n == 0 || FT_STR_DATA(line)[n - 1] != '\n')
        return line;
    FtObject *r = ft_str_from_len(FT_STR_DATA(line), n - 1);
    FT_DECREF(line);
    return r;
}

static FtObject *bi_input(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "input expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *out = ft_sys_get_attr(FT_ID(stdout));
    if (nargs == 1) {
        FtObject *prompt = ft_object_str(args[0]);
        int r = prompt ? ft_sys_write_stdout(prompt) : -1;
        FT_XDECREF(prompt);
        if (r < 0) {
            FT_XDECREF(out);
            return NULL;
        }
    }
    /* The prompt must be visible before we block on the read. */
    if (out != NULL && ft_sys_file_of(out) == NULL && out != FT_None) {
        FtObject *r = ft_call_method(out, FT_ID(flush), NULL, 0);
        if (r == NULL)
            ft_err_clear();
        FT_XDECREF(r);
    }
    FT_XDECREF(out);
    ft_sys_fflush(stdout);

    FtObject *in = ft_sys_get_attr(name_stdin);
    FILE *fp = in ? ft_sys_file_of(in) : stdin;
    FtObject *line;
    if (fp != NULL) {
        FT_XDECREF(in);
        size_t n;
        char *buf = ft_sys_read_fp(fp, -1, 1, &n); /* without the GIL */
        if (buf == NULL)
            return NULL;
        if (n == 0) {
            free(buf);
            return eof_error();
        }
        if (ft_sys_utf8_valid(buf, n))
            line = ft_str_from_len(buf, (ssize_t)n);
        else {
            line = NULL;
            ft_err_set_string(FtExc_UnicodeError,
                              "'utf-8' codec can't decode the input");
        }
        free(buf);
    } else {
        if (in == FT_None) {
            FT_DECREF(in);
            ft_err_set_string(FtExc_RuntimeError, "input(): lost sys.stdin");
            return NULL;
        }
        line = ft_call_method(in, name_readline, NULL, 0);
        FT_DECREF(in);
        if (line != NULL && !FT_STR_CHECK(line)) {
            FT_DECREF(line);
            ft_err_set_string(FtExc_TypeError,
                              "object.readline() returned non-string");
            return NULL;
        }
        if (line != NULL && FT_STR_NBYTES(line) == 0) {
            FT_DECREF(line);
            return eof_error();
        }
    }
    return line ? strip_newline(line) : NULL;
}

/* ---- objects ------------------------------------------------------------- */

static FtObject *bi_len(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("len", nargs, 1, 1) < 0)
        return NULL;
    ssize_t n = ft_object_len(args[0]);
    return n < 0 ? NULL : ft_int_from_i64(n);
}

static FtObject *bi_repr(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("repr", nargs, 1, 1) < 0)
        return NULL;
    return ft_object_repr(args[0]);
}

/* Decodes one UTF-8 sequence at *p (valid UTF-8 assumed). */
static uint32_t utf8_next(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t c = s[0];
    int n = 0;
    if (c >= 0xF0) {
        c &= 0x07;
        n = 3;
    } else if (c >= 0xE0) {
        c &= 0x0F;
        n = 2;
    } else if (c >= 0xC0) {
        c &= 0x1F;
        n = 1;
    }
    for (int i = 1; i <= n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *p = s + n + 1;
    return c;
}

static FtObject *bi_ascii(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("ascii", nargs, 1, 1) < 0)
        return NULL;
    FtObject *r = ft_object_repr(args[0]);
    if (r == NULL || ((FtStrObject *)r)->is_ascii)
        return r;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    const unsigned char *p = (const unsigned char *)FT_STR_DATA(r);
    const unsigned char *end = p + FT_STR_NBYTES(r);
    int ok = 0;
    while (p < end) {
        uint32_t c = utf8_next(&p);
        char buf[16];
        if (c < 0x80) {
            buf[0] = (char)c;
            buf[1] = '\0';
        } else if (c <= 0xFF) {
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
        } else if (c <= 0xFFFF) {
            snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
        } else {
            snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
        }
        if ((ok = ft_sb_append_cstr(&sb, buf)) < 0)
            break;
    }
    FT_DECREF(r);
    if (ok < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

static FtObject *bi_hash(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("hash", nargs, 1, 1) < 0)
        return NULL;
    ft_hash_t h = ft_object_hash(args[0]);
    return h == -1 ? NULL : ft_int_from_i64(h);
}

static FtObject *bi_id(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    if (ft_arg_count("id", nargs, 1, 1) < 0)
        return NULL;
    return ft_int_from_i64((int64_t)(intptr_t)args[0]);
}

static FtObject *bi_callable(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("callable", nargs, 1, 1) < 0)
        return NULL;
    return ft_bool_from(ft_callable(args[0]));
}

static FtObject *bi_format(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static const char *const kwlist[] = {"value", "format_spec", NULL};
    FtObject *a[2] = {NULL, NULL};
    if (ft_arg_parse("format", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    FtObject *spec = a[1];
    FtObject *empty = NULL;
    if (spec == NULL) {
        spec = empty = ft_str_from_cstr("");
        if (spec == NULL)
            return NULL;
    } else if (!FT_STR_CHECK(spec)) {
        ft_err_format(FtExc_TypeError,
                      "format() argument 2 must be str, not %s",
                      ft_type_name(FT_TYPE(spec)));
        return NULL;
    }
    FtObject *r = ft_object_format(a[0], spec);
    FT_XDECREF(empty);
    return r;
}

static FtObject *bi_ord(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("ord", nargs, 1, 1) < 0)
        return NULL;
    FtObject *s = args[0];
    if (!FT_STR_CHECK(s)) {
        ft_err_format(FtExc_TypeError,
                      "ord() expected string of length 1, but %s found",
                      ft_type_name(FT_TYPE(s)));
        return NULL;
    }
    if (FT_STR_LEN(s) != 1) {
        ft_err_format(
            FtExc_TypeError,
            "ord() expected a character, but string of length %zd found",
            FT_STR_LEN(s));
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)FT_STR_DATA(s);
    return ft_int_from_i64(utf8_next(&p));
}

static FtObject *bi_chr(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (ft_arg_count("chr", nargs, 1, 1) < 0)
        return NULL;
    int v;
    if (FT_FLOAT_CHECK(args[0])) {
        ft_err_set_string(FtExc_TypeError,
                          "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    if (ft_number_as_c_int(args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > 0x10FFFF) {
        ft_err_set_string(FtExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return ft_str_from_codepoint((uint32_t)v);
}

/* ---- attributes ---------------------------------------------------------- */

static FtObject *bi_getattr(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (nargs < 2 || nargs > 3) {
        if (nargs < 2)
            ft_err_format(FtExc_TypeError,
                          "getattr expected at least 2 arguments, got %zd",
                          (ssize_t)nargs);
        else
            ft_err_format(FtExc_TypeError,
                          "getattr expected at most 3 arguments, got %zd",
                          (ssize_t)nargs);
        return NULL;
    }
    if (check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return ft_object_getattr(args[0], args[1]);
    FtObject *v = ft_object_lookup_attr(args[0], args[1]);
    if (v == NULL && !ft_err_occurred())
        v = FT_NEWREF(args[2]);
    return v;
}

static FtObject *bi_setattr(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (ft_arg_count("setattr", nargs, 3, 3) < 0 ||
        check_attr_name(args[1]) < 0)
        return NULL;
    if (ft_object_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *bi_delattr(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (ft_arg_count("delattr", nargs, 2, 2) < 0 ||
        check_attr_name(args[1]) < 0)
        return NULL;
    if (ft_object_delattr(args[0], args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *bi_hasattr(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (ft_arg_count("hasattr", nargs, 2, 2) < 0 ||
        check_attr_name(args[1]) < 0)
        return NULL;
    int r = ft_object_hasattr(args[0], args[1]);
    return r < 0 ? NULL : ft_bool_from(r);
}

static FtObject *bi_isinstance(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (nargs != 2) {
        ft_err_format(FtExc_TypeError,
                      "isinstance expected 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    int r = ft_object_isinstance(args[0], args[1]);
    return r < 0 ? NULL : ft_bool_from(r);
}

static FtObject *bi_issubclass(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (nargs != 2) {
        ft_err_format(FtExc_TypeError,
                      "issubclass expected 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    int r = ft_object_issubclass(args[0], args[1]);
    return r < 0 ? NULL : ft_bool_from(r);
}

/* ---- iteration ----------------------------------------------------------- */

static FtObject *bi_iter(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (nargs < 1 || nargs > 2) {
        ft_err_format(FtExc_TypeError,
                      nargs < 1 ? "iter expected at least 1 argument, got %zd"
                                : "iter expected at most 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (nargs == 1)
        return ft_object_iter(args[0]);
    if (!ft_callable(args[0])) {
        ft_err_set_string(FtExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return ft_calliter_new(args[0], args[1]);
}

static FtObject *bi_next(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (nargs < 1 || nargs > 2) {
        ft_err_format(FtExc_TypeError,
                      nargs < 1 ? "next expected at least 1 argument, got %zd"
                                : "next expected at most 2 arguments, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    FtObject *it = args[0];
    if (FT_TYPE(it)->tp_iternext == NULL) {
        ft_err_format(FtExc_TypeError, "'%s' object is not an iterator",
                      ft_type_name(FT_TYPE(it)));
        return NULL;
    }
    FtObject *v = FT_TYPE(it)->tp_iternext(it);
    if (v != NULL)
        return v;
    if (ft_err_occurred()) {
        if (nargs < 2 || !ft_err_matches(FtExc_StopIteration))
            return NULL;
        ft_err_clear();
    }
    if (nargs == 2)
        return FT_NEWREF(args[1]);
    ft_err_set_none(FtExc_StopIteration);
    return NULL;
}

/* Walks either one iterable (nargs == 1) or the arguments themselves. */
typedef struct {
    FtObject *it;
    FtObject *const *items;
    size_t n, i;
} ArgIter;

static int argiter_init(ArgIter *ai, FtObject *const *args, size_t nargs)
{
    ai->items = args;
    ai->n = nargs;
    ai->i = 0;
    ai->it = NULL;
    if (nargs == 1) {
        ai->it = ft_object_iter(args[0]);
        if (ai->it == NULL)
            return -1;
    }
    return 0;
}

/* Next item (new ref), or NULL: end, or error if one is set. */
static FtObject *argiter_next(ArgIter *ai)
{
    if (ai->it != NULL)
        return ft_iter_next(ai->it);
    return ai->i < ai->n ? FT_NEWREF(ai->items[ai->i++]) : NULL;
}

static FtObject *min_max(FtObject *const *args, size_t nargs, FtObject *kwnames,
                         int op, const char *name)
{
    static const char *const names[] = {"key", "default"};
    FtObject *kw[2] = {NULL, NULL};
    if (parse_kwonly(name, args, nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    if (nargs == 0) {
        ft_err_format(FtExc_TypeError, "%s expected at least 1 argument, got 0",
                      name);
        return NULL;
    }
    if (nargs > 1 && kw[1] != NULL) {
        ft_err_format(FtExc_TypeError,
                      "Cannot specify a default for %s() with multiple "
                      "positional arguments",
                      name);
        return NULL;
    }
    FtObject *key = kw[0] == FT_None ? NULL : kw[0];
    ArgIter ai;
    if (argiter_init(&ai, args, nargs) < 0)
        return NULL;
    FtObject *best = NULL, *bestkey = NULL, *item;
    while ((item = argiter_next(&ai)) != NULL) {
        FtObject *k = key ? ft_call1(key, item) : FT_NEWREF(item);
        if (k == NULL) {
            FT_DECREF(item);
            goto fail;
        }
        if (best == NULL) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = ft_object_richcompare_bool(k, bestkey, op);
        if (c < 0) {
            FT_DECREF(item);
            FT_DECREF(k);
            goto fail;
        }
        if (c) {
            FT_SETREF(best, item);
            FT_SETREF(bestkey, k);
        } else {
            FT_DECREF(item);
            FT_DECREF(k);
        }
    }
    if (ft_err_occurred())
        goto fail;
    FT_XDECREF(ai.it);
    FT_XDECREF(bestkey);
    if (best != NULL)
        return best;
    if (kw[1] != NULL)
        return FT_NEWREF(kw[1]);
    ft_err_format(FtExc_ValueError, "%s() arg is an empty sequence", name);
    return NULL;
fail:
    FT_XDECREF(ai.it);
    FT_XDECREF(best);
    FT_XDECREF(bestkey);
    return NULL;
}

static FtObject *bi_min(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return min_max(args, nargs, kwnames, FT_LT, "min");
}

static FtObject *bi_max(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return min_max(args, nargs, kwnames, FT_GT, "max");
}

/* Adds the rest of `it` to *acc while both stay C numbers, as CPython's
 * sum() does; returns with *acc no longer an int/float it can handle, or
 * with the iterator exhausted (*item = NULL). */
static int sum_fast(FtObject **acc, FtObject *it, FtObject **item)
{
    /* Big ints take the generic addition. */
    while (FT_INT_CHECK_EXACT(*acc) && FT_INT_IS_SMALL(*acc)) {
        int64_t total = FT_INT_VALUE(*acc);
        FtObject *x;
        while ((x = ft_iter_next(it)) != NULL) {
            int64_t sum;
            /* On overflow the builtin still writes the wrapped sum: keep
             * total as it was, and let the generic addition raise. */
            if ((FT_INT_CHECK_EXACT(x) || FT_BOOL_CHECK(x)) &&
                FT_INT_IS_SMALL(x) &&
                !__builtin_add_overflow(total, FT_INT_VALUE(x), &sum)) {
                total = sum;
                FT_DECREF(x);
                continue;
            }
            break;
        }
        FtObject *t = ft_int_from_i64(total);
        if (t == NULL) {
            FT_XDECREF(x);
            return -1;
        }
        FT_SETREF(*acc, t);
        *item = x;
        if (x == NULL)
            return ft_err_occurred() ? -1 : 0;
        if (!FT_FLOAT_CHECK_EXACT(x))
            return 0;
        /* An int total meeting a float continues in the float loop. */
        FtObject *f = ft_float_from_double((double)total + FT_FLOAT_VALUE(x));
        FT_DECREF(x);
        *item = NULL;
        if (f == NULL)
            return -1;
        FT_SETREF(*acc, f);
    }
    if (FT_FLOAT_CHECK_EXACT(*acc)) {
        double total = FT_FLOAT_VALUE(*acc);
        FtObject *x;
        while ((x = ft_iter_next(it)) != NULL) {
            if (FT_FLOAT_CHECK_EXACT(x))
                total += FT_FLOAT_VALUE(x);
            else if ((FT_INT_CHECK_EXACT(x) || FT_BOOL_CHECK(x)) &&
                     FT_INT_IS_SMALL(x))
                total += (double)FT_INT_VALUE(x);
            else
                break;
            FT_DECREF(x);
        }
        FtObject *f = ft_float_from_double(total);
        if (f == NULL) {
            FT_XDECREF(x);
            return -1;
        }
        FT_SETREF(*acc, f);
        *item = x;
        return (x == NULL && ft_err_occurred()) ? -1 : 0;
    }
    *item = ft_iter_next(it);
    return (*item == NULL && ft_err_occurred()) ? -1 : 0;
}

static FtObject *bi_sum(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    static const char *const kwlist[] = {"", "start", NULL};
    FtObject *a[2] = {NULL, NULL};
    if (ft_arg_parse("sum", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    FtObject *acc = a[1] ? FT_NEWREF(a[1]) : ft_int_from_i64(0);
    if (acc == NULL)
        return NULL;
    if (FT_STR_CHECK(acc)) {
        FT_DECREF(acc);
        ft_err_set_string(FtExc_TypeError,
                          "sum() can't sum strings [use ''.join(seq) instead]");
        return NULL;
    }
    FtObject *it = ft_object_iter(a[0]);
    if (it == NULL) {
        FT_DECREF(acc);
        return NULL;
    }
    for (;;) {
        FtObject *item;
        if (sum_fast(&acc, it, &item) < 0)
            goto fail;
        if (item == NULL)
            break;
        FtObject *r = ft_number_binop(acc, item, FT_OP_ADD);
        FT_DECREF(item);
        if (r == NULL)
            goto fail;
        FT_SETREF(acc, r);
    }
    FT_DECREF(it);
    return acc;
fail:
    FT_DECREF(it);
    FT_DECREF(acc);
    return NULL;
}

static FtObject *bi_sorted(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static const char *const names[] = {"key", "reverse"};
    FtObject *kw[2] = {NULL, NULL};
    if (nargs != 1) {
        ft_err_format(FtExc_TypeError, "sorted expected 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (parse_kwonly("sort", args, nargs, kwnames, names, 2, kw) < 0)
        return NULL;
    int reverse = 0;
    if (kw[1] != NULL && (reverse = ft_object_is_true(kw[1])) < 0)
        return NULL;
    FtObject *list = ft_list_from_iterable(args[0]);
    if (list == NULL)
        return NULL;
    if (ft_list_sort(list, kw[0] == FT_None ? NULL : kw[0], reverse) < 0) {
        FT_DECREF(list);
        return NULL;
    }
    return list;
}

static FtObject *any_all(FtObject *const *args, size_t nargs, const char *name,
                         int want)
{
    if (ft_arg_count(name, nargs, 1, 1) < 0)
        return NULL;
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    FtObject *item;
    int found = 0;
    while ((item = ft_iter_next(it)) != NULL) {
        int t = ft_object_is_true(item);
        FT_DECREF(item);
        if (t < 0) {
            FT_DECREF(it);
            return NULL;
        }
        if (t == want) {
            found = 1;
            break;
        }
    }
    FT_DECREF(it);
    if (!found && ft_err_occurred())
        return NULL;
    /* any: True when a true item was found; all: False when a false one was. */
    return ft_bool_from(want ? found : !found);
}

static FtObject *bi_any(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return any_all(args, nargs, "any", 1);
}

static FtObject *bi_all(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    return any_all(args, nargs, "all", 0);
}

/* ---- namespaces ---------------------------------------------------------- */

static FtObject *bi_globals(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (ft_arg_count("globals", nargs, 0, 0) < 0)
        return NULL;
    FtObject *g = ft_eval_globals();
    if (g == NULL) {
        ft_err_set_string(FtExc_SystemError, "globals(): no current frame");
        return NULL;
    }
    return FT_NEWREF(g);
}

/* The caller's locals: the namespace dict of module code and class
 * bodies, a snapshot dict for functions. */
static FtObject *current_locals(const char *fname)
{
    FtObject *l = ft_eval_locals();
    if (l == NULL && !ft_err_occurred())
        ft_err_format(FtExc_SystemError, "%s(): no current frame", fname);
    return l;
}

static FtObject *bi_locals(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_count("locals", nargs, 0, 0) < 0)
        return NULL;
    return current_locals("locals");
}

static FtObject *instance_dict(FtObject *o) /* new ref or NULL, no error */
{
    if (FT_MODULE_CHECK(o))
        return FT_NEWREF(FT_MODULE_DICT(o));
    if (FT_TYPE(o)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS)
        return ((FtType *)o)->tp_dict ? FT_NEWREF(((FtType *)o)->tp_dict)
                                      : NULL;
    FtObject **dp = ft_object_dict_ptr(o);
    if (dp == NULL)
        return NULL;
    FtObject *d = ft_object_dict_get_or_create(dp);
    if (d == NULL) {
        ft_err_clear();
        return NULL;
    }
    return FT_NEWREF(d);
}

static FtObject *bi_vars(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "vars expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (nargs == 0)
        return current_locals("vars");
    FtObject *d = instance_dict(args[0]);
    if (d != NULL)
        return d;
    d = ft_object_lookup_attr(args[0], FT_ID(__dict__));
    if (d == NULL && !ft_err_occurred())
        ft_err_set_string(FtExc_TypeError,
                          "vars() argument must have __dict__ attribute");
    return d;
}

static int add_keys(FtObject *set, FtObject *d)
{
    if (d == NULL || !FT_DICT_CHECK(d))
        return 0;
    int r = 0;
    /* d may be shared (a class or instance dict): walk it in its section,
     * holding each key while it is copied. */
    FT_BEGIN_CRITICAL_SECTION(d);
    ssize_t pos = 0;
    FtObject *k, *v;
    while (r == 0 && ft_dict_next(d, &pos, &k, &v)) {
        FT_INCREF(k);
        r = ft_dict_set(set, k, FT_None);
        FT_DECREF(k);
    }
    FT_END_CRITICAL_SECTION();
    return r;
}

/* A user-defined __dir__ somewhere in the class's own (heap) MRO entries. */
static FtObject *user_dir_method(FtType *t)
{
    FtObject *mro = t->tp_mro;
    if (mro == NULL)
        return NULL;
    FtObject *name = name_dir;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(mro); i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(mro, i);
        if (!(b->tp_flags & FT_TPFLAGS_HEAPTYPE) || b->tp_dict == NULL)
            continue;
        FtObject *f = ft_dict_get(b->tp_dict, name);
        if (f != NULL || ft_err_occurred())
            return f;
    }
    return NULL;
}

static FtObject *dir_of(FtObject *o)
{
    FtObject *meth = user_dir_method(FT_TYPE(o));
    if (meth != NULL) {
        FtObject *r = ft_call1(meth, o);
        FT_DECREF(meth);
        if (r == NULL)
            return NULL;
        FtObject *list = ft_list_from_iterable(r);
        FT_DECREF(r);
        if (list != NULL && ft_list_sort(list, NULL, 0) < 0)
            FT_CLEAR(list);
        return list;
    }
    if (ft_err_occurred())
        return NULL;
    FtObject *keys = ft_dict_new();
    if (keys == NULL)
        return NULL;
    int r = 0;
    FtObject *mine = instance_dict(o);
    r = add_keys(keys, mine);
    FT_XDECREF(mine);
    int is_type = (FT_TYPE(o)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) != 0;
    FtObject *mro = is_type ? ((FtType *)o)->tp_mro
                            : (FT_MODULE_CHECK(o) ? NULL : FT_TYPE(o)->tp_mro);
    for (ssize_t i = 0; r == 0 && mro != NULL && i < FT_TUPLE_SIZE(mro); i++)
        r = add_keys(keys, ((FtType *)FT_TUPLE_GET(mro, i))->tp_dict);
    FtObject *list = r == 0 ? ft_dict_keys_list(keys) : NULL;
    FT_DECREF(keys);
    if (list != NULL && ft_list_sort(list, NULL, 0) < 0)
        FT_CLEAR(list);
    return list;
}

static FtObject *bi_dir(FtObject *self, FtObject *const *args, size_t nargs,
                        FtObject *kwnames)
{
    if (nargs > 1) {
        ft_err_format(FtExc_TypeError,
                      "dir expected at most 1 argument, got %zd",
                      (ssize_t)nargs);
        return NULL;
    }
    if (nargs == 1)
        return dir_of(args[0]);
    FtObject *l = current_locals("dir");
    if (l == NULL)
        return NULL;
    FtObject *list =
        FT_DICT_CHECK(l) ? ft_dict_keys_list(l) : ft_list_from_iterable(l);
    FT_DECREF(l);
    if (list != NULL && ft_list_sort(list, NULL, 0) < 0)
        FT_CLEAR(list);
    return list;
}

/* ---- exec / eval --------------------------------------------------------- */

/* Compiles (unless src is already a code object) and runs src. */
static FtObject *run_in(const char *fname, FtObject *src, FtObject *globals,
                        FtObject *locals, int mode)
{
    int has = ft_dict_contains(globals, FT_ID(__builtins__));
    if (has < 0)
        return NULL;
    if (!has &&
        ft_dict_set(globals, FT_ID(__builtins__), ft_builtins_dict()) < 0)
        return NULL;
    FtObject *code;
    if (FT_TYPE(src) == &FtCode_Type) {
        code = FT_NEWREF(src);
    } else if (FT_STR_CHECK(src)) {
        const char *text = ft_str_cstr(src);
        if ((size_t)FT_STR_NBYTES(src) != strlen(text)) {
            ft_err_set_string(FtExc_ValueError,
                              "source code string cannot contain null bytes");
            return NULL;
        }
        if (mode == FT_PARSE_EVAL)
            while (*text == ' ' || *text == '\t')
                text++;
        code = ft_run_compile(text, "<string>", mode);
        if (code == NULL)
            return NULL;
    } else {
        ft_err_format(FtExc_TypeError,
                      "%s() arg 1 must be a string, bytes or code object",
                      fname);
        return NULL;
    }
    FtObject *r = ft_eval_code(code, globals, locals);
    FT_DECREF(code);
    if (r != NULL && mode != FT_PARSE_EVAL)
        FT_SETREF(r, FT_NEWREF(FT_None));
    return r;
}

/* exec/eval(source, globals=None, locals=None): without globals, the
 * caller's globals and locals (a snapshot inside functions, as in CPython,
 * so exec cannot rebind a function's locals). */
static FtObject *run_source(const char *fname, FtObject *const *args,
                            size_t nargs, FtObject *kwnames, int mode)
{
    static const char *const kwlist[] = {"source", "globals", "locals", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (ft_arg_parse(fname, args, nargs, kwnames, kwlist, 1, 3, a) < 0)
        return NULL;
    FtObject *globals = a[1] == FT_None ? NULL : a[1];
    FtObject *locals = a[2] == FT_None ? NULL : a[2];
    if (globals != NULL && !FT_DICT_CHECK(globals)) {
        ft_err_format(FtExc_TypeError,
                      mode == FT_PARSE_EVAL
                          ? "globals must be a dict"
                          : "exec() globals must be a dict, not %s",
                      ft_type_name(FT_TYPE(globals)));
        return NULL;
    }
    if (globals != NULL)
        return run_in(fname, a[0], globals, locals ? locals : globals, mode);
    globals = ft_eval_globals();
    if (globals == NULL) {
        ft_err_format(FtExc_SystemError, "%s(): no current frame", fname);
        return NULL;
    }
    if (locals != NULL)
        return run_in(fname, a[0], globals, locals, mode);
    FtObject *own = current_locals(fname);
    if (own == NULL)
        return NULL;
    FtObject *r = run_in(fname, a[0], globals, own, mode);
    FT_DECREF(own);
    return r;
}

static FtObject *bi_exec(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return run_source("exec", args, nargs, kwnames, FT_PARSE_FILE);
}

static FtObject *bi_eval(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    return run_source("eval", args, nargs, kwnames, FT_PARSE_EVAL);
}

/* ---- classes and imports ------------------------------------------------- */

/* The most derived metaclass of `meta` and the bases' metaclasses. */
static FtObject *calc_metaclass(FtObject *meta, FtObject *bases)
{
    if (!(FT_TYPE(meta)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS))
        return meta; /* an arbitrary callable is used as given */
    FtType *winner = (FtType *)meta;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(bases); i++) {
        FtType *t = FT_TYPE(FT_TUPLE_GET(bases, i));
        if (winner == t || ft_type_is_subtype(winner, t))
            continue;
        if (ft_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        ft_err_set_string(
            FtExc_TypeError,
            "metaclass conflict: the metaclass of a derived class "
            "must be a (non-strict) subclass of the metaclasses "
            "of all its bases");
        return NULL;
    }
    return (FtObject *)winner;
}

static FtObject *make_namespace(FtObject *meta, FtObject *name, FtObject *bases)
{
    if (meta != (FtObject *)&FtType_Type) {
        FtObject *prep = ft_object_lookup_attr(meta, name_prepare);
        if (prep != NULL) {
            FtObject *ns = ft_call2(prep, name, bases);
            FT_DECREF(prep);
            return ns;
        }
        if (ft_err_occurred())
            return NULL;
    }
    return ft_dict_new();
}

/* PEP 560: a base that is not a class but has __mro_entries__ (list[int],
 * typing.Generic[T]) is replaced by the classes that method returns. A new
 * reference: `bases` itself when nothing changed. */
static FtObject *resolve_mro_entries(FtObject *bases)
{
    static FtObject *mro_entries;
    if (ft_intern_static(&mro_entries, "__mro_entries__") == NULL)
        return NULL;
    FtObject *list = NULL;
    for (ssize_t i = 0; i < FT_TUPLE_SIZE(bases); i++) {
        FtObject *b = FT_TUPLE_GET(bases, i), *entries = NULL;
        if (!FT_TYPE_CHECK(b)) {
            FtObject *meth = ft_object_lookup_attr(b, mro_entries);
            if (meth == NULL && ft_err_occurred())
                goto fail;
            if (meth != NULL) {
                entries = ft_call1(meth, bases);
                FT_DECREF(meth);
                if (entries == NULL)
                    goto fail;
                if (!FT_TUPLE_CHECK(entries)) {
                    FT_DECREF(entries);
                    ft_err_set_string(FtExc_TypeError,
                                      "__mro_entries__ must return a tuple");
                    goto fail;
                }
            }
        }
        if (entries != NULL && list == NULL) {
            list = ft_list_from_array(&FT_TUPLE_GET(bases, 0), i);
            if (list == NULL) {
                FT_DECREF(entries);
                return NULL;
            }
        }
        int r = 0;
        if (entries != NULL) {
            for (ssize_t j = 0; r == 0 && j < FT_TUPLE_SIZE(entries); j++)
                r = ft_list_append(list, FT_TUPLE_GET(entries, j));
            FT_DECREF(entries);
        } else if (list != NULL) {
            r = ft_list_append(list, b);
        }
        if (r < 0)
            goto fail;
    }
    if (list == NULL)
        return FT_NEWREF(bases);
    FtObject *t = ft_list_as_tuple(list);
    FT_DECREF(list);
    return t;
fail:
    FT_XDECREF(list);
    return NULL;
}

static FtObject *orig_bases_name;

static FtObject *bi_build_class(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    if (nargs < 2) {
        ft_err_set_string(FtExc_TypeError,
                          "__build_class__: not enough arguments");
        return NULL;
    }
    FtObject *func = args[0], *name = args[1];
    if (!FT_FUNCTION_CHECK(func)) {
        ft_err_set_string(FtExc_TypeError,
                          "__build_class__: func must be a function");
        return NULL;
    }
    if (!FT_STR_CHECK(name)) {
        ft_err_set_string(FtExc_TypeError,
                          "__build_class__: name is not a string");
        return NULL;
    }
    /* Split `metaclass=` from the keywords passed on to the metaclass. */
    ssize_t nkw = kwnames ? FT_TUPLE_SIZE(kwnames) : 0;
    FtObject *meta = NULL;
    FtObject *callargs[3 + 16];
    FtObject *restnames[16];
    ssize_t nrest = 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *k = FT_TUPLE_GET(kwnames, i);
        if (ft_str_eq_cstr(k, "metaclass"))
            meta = args[nargs + (size_t)i];
        else if (nrest < 16) {
            restnames[nrest] = k;
            callargs[3 + nrest++] = args[nargs + (size_t)i];
        } else {
            ft_err_set_string(FtExc_TypeError,
                              "__build_class__: too many keyword arguments");
            return NULL;
        }
    }
    FtObject *orig_bases = ft_tuple_from_array(args + 2, (ssize_t)nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    FtObject *bases = resolve_mro_entries(orig_bases);
    if (bases == NULL) {
        FT_DECREF(orig_bases);
        return NULL;
    }
    if (meta == NULL)
        meta = FT_TUPLE_SIZE(bases) > 0
                   ? (FtObject *)FT_TYPE(FT_TUPLE_GET(bases, 0))
                   : (FtObject *)&FtType_Type;
    FtObject *cls = NULL, *cell = NULL, *rest = NULL;
    meta = calc_metaclass(meta, bases);
    FtObject *ns = meta ? make_namespace(meta, name, bases) : NULL;
    if (ns == NULL)
        goto done;
    FtFunctionObject *fn = (FtFunctionObject *)func;
    FtObject *modname = ft_dict_get(fn->globals, FT_ID(__name__));
    if (modname != NULL) {
        int r = ft_object_setitem(ns, FT_ID(__module__), modname);
        FT_DECREF(modname);
        if (r < 0)
            goto done;
    } else if (ft_err_occurred()) {
        goto done;
    }
    if (fn->qualname != NULL &&
        ft_object_setitem(ns, FT_ID(__qualname__), fn->qualname) < 0)
        goto done;
    if (bases != orig_bases &&
        ft_object_setitem(ns, ft_intern_static(&orig_bases_name,
                                               "__orig_bases__"),
                          orig_bases) < 0)
        goto done;
    cell = ft_function_exec_class_body(func, ns);
    if (cell == NULL)
        goto done;
    if (meta == (FtObject *)&FtType_Type && nrest == 0) {
        cls = ft_type_new_class(name, bases, ns);
    } else {
        callargs[0] = name;
        callargs[1] = bases;
        callargs[2] = ns;
        if (nrest > 0 && (rest = ft_tuple_from_array(restnames, nrest)) == NULL)
            goto done;
        cls = ft_call(meta, callargs, 3, rest);
    }
    /* Inside the cell's critical section like every other write
     * (LOAD_DEREF reads it there; the body may already have handed its
     * functions to other threads). */
    if (cls != NULL && FT_TYPE(cell) == &FtCell_Type)
        ft_cell_set(cell, cls);
done:
    FT_XDECREF(rest);
    FT_XDECREF(cell);
    FT_XDECREF(ns);
    FT_DECREF(bases);
    FT_DECREF(orig_bases);
    return cls;
}

static FtObject *bi_import(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    static const char *const kwlist[] = {"name",     "globals", "locals",
                                         "fromlist", "level",   NULL};
    FtObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (ft_arg_parse("__import__", args, nargs, kwnames, kwlist, 1, 5, a) < 0)
        return NULL;
    int64_t level = 0;
    if (a[4] != NULL) {
        if (!FT_INT_CHECK(a[4])) {
            ft_err_format(FtExc_TypeError,
                          "'%s' object cannot be interpreted as an integer",
                          ft_type_name(FT_TYPE(a[4])));
            return NULL;
        }
        level = ft_int_value(a[4]);
        if (level < 0 || level > INT32_MAX) {
            ft_err_set_string(level < 0 ? FtExc_ValueError : FtExc_OverflowError,
                              level < 0 ? "level must be >= 0"
                                        : "Python int too large to convert to C int");
            return NULL;
        }
    }
    FtObject *globals = a[1] != NULL ? a[1] : FT_None; /* None: TypeError */
    return ft_import_name_level(a[0], globals, a[3], (int)level);
}

static FtObject *bi_exit(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    if (ft_arg_count("exit", nargs, 0, 1) < 0)
        return NULL;
    FtObject *exc = ft_exc_new(FtExc_SystemExit, args, nargs);
    if (exc != NULL) {
        ft_err_set_exc(exc);
        FT_DECREF(exc);
    }
    return NULL;
}

/* ---- the module ---------------------------------------------------------- */

static FtMethodDef builtin_methods[] = {
    {"print", bi_print, FT_METH_KEYWORDS,
     "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)\n\n"
     "Prints the values to a stream, or to sys.stdout by default."},
    {"input", bi_input, 0, "Read a string from standard input."},
    {"open", ft_file_open, FT_METH_KEYWORDS,
     "Open file and return a stream.  Raise OSError upon failure."},
    {"len", bi_len, 0, "Return the number of items in a container."},
    {"repr", bi_repr, 0,
     "Return the canonical string representation of the object."},
    {"ascii", bi_ascii, 0, NULL},
    {"hash", bi_hash, 0, "Return the hash value for the given object."},
    {"id", bi_id, 0, "Return the identity of an object."},
    {"callable", bi_callable, 0, NULL},
    {"format", bi_format, FT_METH_KEYWORDS, NULL},
    {"ord", bi_ord, 0,
     "Return the Unicode code point for a one-character string."},
    {"chr", bi_chr, 0,
     "Return a Unicode string of one character with ordinal i."},
    {"getattr", bi_getattr, 0, NULL},
    {"setattr", bi_setattr, 0, NULL},
    {"delattr", bi_delattr, 0, NULL},
    {"hasattr", bi_hasattr, 0, NULL},
    {"isinstance", bi_isinstance, 0, NULL},
    {"issubclass", bi_issubclass, 0, NULL},
    {"iter", bi_iter, 0, NULL},
    {"next", bi_next, 0, NULL},
    {"min", bi_min, FT_METH_KEYWORDS, NULL},
    {"max", bi_max, FT_METH_KEYWORDS, NULL},
    {"sum", bi_sum, FT_METH_KEYWORDS, NULL},
    {"sorted", bi_sorted, FT_METH_KEYWORDS, NULL},
    {"any", bi_any, 0, NULL},
    {"all", bi_all, 0, NULL},
    {"globals", bi_globals, 0, NULL},
    {"locals", bi_locals, 0, NULL},
    {"vars", bi_vars, 0, NULL},
    {"dir", bi_dir, 0, NULL},
    {"exec", bi_exec, FT_METH_KEYWORDS, NULL},
    {"eval", bi_eval, FT_METH_KEYWORDS, NULL},
    {"__build_class__", bi_build_class, FT_METH_KEYWORDS, NULL},
    {"__import__", bi_import, FT_METH_KEYWORDS, NULL},
    {"exit", bi_exit, 0, NULL},
    {"quit", bi_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    FtType *type;
} builtin_types[] = {
    {"object", &FtBaseObject_Type},
    {"type", &FtType_Type},
    {"bool", &FtBool_Type},
    {"int", &FtInt_Type},
    {"float", &FtFloat_Type},
    {"str", &FtStr_Type},
    {"bytes", &FtBytes_Type},
    {"bytearray", &FtByteArray_Type},
    {"list", &FtList_Type},
    {"tuple", &FtTuple_Type},
    {"dict", &FtDict_Type},
    {"set", &FtSet_Type},
    {"frozenset", &FtFrozenSet_Type},
    {"range", &FtRange_Type},
    {"slice", &FtSlice_Type},
    {"enumerate", &FtEnumerate_Type},
    {"zip", &FtZip_Type},
    {"map", &FtMap_Type},
    {"filter", &FtFilter_Type},
    {"reversed", &FtReversed_Type},
    {"property", &FtProperty_Type},
    {"staticmethod", &FtStaticMethod_Type},
    {"classmethod", &FtClassMethod_Type},
    {"super", &FtSuper_Type},
};

FtObject *ft_mod_builtins_create(void)
{
    if (names_init() < 0 || ft_mod_thread_ready_types() < 0)
        return NULL;
    FtObject *m = ft_module_new("builtins");
    if (m == NULL)
        return NULL;
    FtObject *d = FT_MODULE_DICT(m);
    if (ft_module_add_functions(m, builtin_methods) < 0 ||
        ft_module_add_functions(m, ft_builtins_num_methods) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++)
        if (ft_dict_set_str(d, builtin_types[i].name,
                            (FtObject *)builtin_types[i].type) < 0)
            goto fail;
    if (ft_dict_set_str(d, "None", FT_None) < 0 ||
        ft_dict_set_str(d, "Ellipsis", FT_Ellipsis) < 0 ||
        ft_dict_set_str(d, "NotImplemented", FT_NotImplemented) < 0 ||
        ft_dict_set_str(d, "True", FT_True) < 0 ||
        ft_dict_set_str(d, "False", FT_False) < 0 ||
        ft_dict_set_str(d, "__debug__", FT_True) < 0 ||
        ft_exceptions_add_to(d) < 0 || ft_codecs_add_to(d) < 0)
        goto fail;
    return m;
fail:
    FT_DECREF(m);
    return NULL;
}
