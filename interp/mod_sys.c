/* interp/mod_sys.c — the sys module, and sys.stdin/stdout/stderr: a small
 * text-file type over the C streams, so that print() and tracebacks can
 * write straight to stdio while these are the streams in use.
 */
#include "interp/modules.h"
#include "objects/object.h"
#include "interp/frame.h"
#include "runtime/gil.h"
#include "runtime/tstate.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#if defined(__GLIBC__)
#include <stdio_ext.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0.1.0"
#endif

static int sys_argc;
static char **sys_argv;
static FtObject *sys_module; /* kept alive for the streams' fast paths */
static FtObject *orig_stdin, *orig_stdout, *orig_stderr;

void ft_sys_set_argv(int argc, char **argv)
{
    sys_argc = argc;
    sys_argv = argv;
}

/* ---- the stream type ----------------------------------------------------- */

typedef struct {
    FT_OBJECT_HEAD
    FILE *fp;
    const char *name; /* "<stdout>" */
    const char *mode; /* "r" or "w" */
} FtSysFileObject;

static FtType FtSysFile_Type;
#define SF(o) ((FtSysFileObject *)(o))

/* The C stream behind o when o is one of ours, else NULL. */
FILE *ft_sys_file_of(FtObject *o)
{
    return (o != NULL && FT_TYPE(o) == &FtSysFile_Type) ? SF(o)->fp : NULL;
}

static int utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p++;
        if (c < 0x80)
            continue;
        int k = (c & 0xE0) == 0xC0   ? 1
                : (c & 0xF0) == 0xE0 ? 2
                : (c & 0xF8) == 0xF0 ? 3
                                     : -1;
        if (k < 0 || (k == 1 && c < 0xC2) || (k == 3 && c > 0xF4) ||
            end - p < k)
            return 0;
        for (int i = 0; i < k; i++)
            if ((*p++ & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

int ft_sys_utf8_valid(const char *s, size_t n) { return utf8_valid(s, n); }

static int stream_error(FILE *fp)
{
    int e = errno ? errno : EIO;
    clearerr(fp);
    FtObject *no = ft_int_from_i64(e);
    FtObject *msg = ft_str_from_cstr(strerror(e));
    if (no != NULL && msg != NULL) {
        FtObject *args[2] = {no, msg};
        FtObject *exc = ft_exc_new(FtExc_OSError, args, 2);
        if (exc != NULL) {
            ft_err_set_exc(exc);
            FT_DECREF(exc);
        }
    }
    FT_XDECREF(no);
    FT_XDECREF(msg);
    return -1;
}

/* ---- blocking I/O without the GIL ----------------------------------------
 * A write that only copies into the stdio buffer keeps the GIL (releasing
 * it would cost more than the copy); one that may reach the OS — the stream
 * is unbuffered, line-buffered and the text has a newline, or the buffer
 * would overflow — drops it, since a pipe or terminal can block for ever.
 * The text is a C buffer the caller keeps alive (a str's bytes: immutable,
 * and the caller holds a reference), so nothing is touched without the GIL.
 * With the FILE locked, a write that does not block stays atomic.
 */
static int write_may_block(FILE *fp, const char *s, size_t n)
{
#if defined(__GLIBC__)
    size_t cap = __fbufsize(fp);
    return cap <= 1 || __fpending(fp) + n >= cap ||
           (__flbf(fp) && memchr(s, '\n', n) != NULL);
#else
    return 1;
#endif
}

/* fwrite, retried after EINTR (a signal handler ran; the eval breaker
 * delivers it). */
static size_t fwrite_all(FILE *fp, const char *s, size_t n)
{
    size_t done = fwrite(s, 1, n, fp);
    while (done < n && ferror(fp) && errno == EINTR) {
        clearerr(fp);
        done += fwrite(s + done, 1, n - done, fp);
    }
    return done;
}

size_t ft_sys_fwrite(FILE *fp, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    size_t done;
    if (!ft_gil_held()) /* e.g. a last word from a thread that gave it up */
        return fwrite_all(fp, s, n);
    if (ftrylockfile(fp) == 0) {
        if (!write_may_block(fp, s, n)) {
            done = fwrite_all(fp, s, n);
            funlockfile(fp);
            return done;
        }
        funlockfile(fp);
    } /* else another thread is writing to it without the GIL: we'd wait */
    FT_BEGIN_ALLOW_THREADS
    done = fwrite_all(fp, s, n);
    FT_END_ALLOW_THREADS
    return done;
}

int ft_sys_fflush(FILE *fp)
{
    int r;
    if (!ft_gil_held()) {
        while ((r = fflush(fp)) != 0 && errno == EINTR)
            clearerr(fp);
        return r;
    }
#if defined(__GLIBC__)
    if (ftrylockfile(fp) == 0) {
        int empty = __fpending(fp) == 0;
        funlockfile(fp);
        if (empty)
            return 0;
    }
#endif
    FT_BEGIN_ALLOW_THREADS
    while ((r = fflush(fp)) != 0 && errno == EINTR)
        clearerr(fp);
    FT_END_ALLOW_THREADS
    return r;
}

/* Reads from fp without the GIL into *buf (malloc'd, grown as needed):
 * up to `limit` bytes in all (no limit if < 0), stopping after a newline
 * when `line` is set. Returns 0 or an errno value. */
static int read_raw(FILE *fp, int64_t limit, int line, char **buf,
                    size_t *len, size_t *cap)
{
    int err = 0;
    flockfile(fp);
    while (limit < 0 || (int64_t)*len < limit) {
        int c = getc_unlocked(fp);
        if (c == EOF) {
            if (ferror(fp))
                err = errno ? errno : EIO;
            clearerr(fp); /* EOF too: a terminal may be read again */
            break;
        }
        if (*len + 1 >= *cap) {
            size_t ncap = *cap ? *cap * 2 : 128;
            char *nb = realloc(*buf, ncap);
            if (nb == NULL) {
                ungetc(c, fp);
                err = ENOMEM;
                break;
            }
            *buf = nb;
            *cap = ncap;
        }
        (*buf)[(*len)++] = (char)c;
        if (line && c == '\n')
            break;
    }
    funlockfile(fp);
    return err;
}

char *ft_sys_read_fp(FILE *fp, int64_t limit, int line, size_t *len)
{
    char *buf = NULL;
    size_t cap = 0;
    int err;
    *len = 0;
    /* Ctrl-C in the main thread: KeyboardInterrupt now, not after the user
     * pressed Enter. Looked at before each read, and after the last one
     * too, because a read can end with data or EOF (the writer closed the
     * pipe) just as the signal arrives. After EINTR otherwise read on. */
    do {
        if (ft_signals_handle() < 0)
            goto interrupted;
        FT_BEGIN_ALLOW_THREADS
        err = read_raw(fp, limit, line, &buf, len, &cap);
        FT_END_ALLOW_THREADS
    } while (err == EINTR);
    if (ft_signals_handle() < 0)
        goto interrupted;
    if (err == ENOMEM) {
        free(buf);
        ft_err_no_memory();
        return NULL;
    }
    if (err != 0) {
        free(buf);
        errno = err;
        stream_error(fp);
        return NULL;
    }
    if (buf == NULL && (buf = malloc(1)) == NULL) {
        ft_err_no_memory();
        return NULL;
    }
    buf[*len] = '\0'; /* read_raw keeps room for it */
    return buf;
interrupted:
    free(buf);
    return NULL;
}

static int write_fp(FILE *fp, const char *s, size_t n)
{
    if (n > 0 && ft_sys_fwrite(fp, s, n) != n)
        return stream_error(fp);
    return 0;
}

static FtObject *sf_write(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("write", nargs, 1, 1) < 0)
        return NULL;
    FtObject *s = args[0];
    if (!FT_STR_CHECK(s)) {
        ft_err_format(FtExc_TypeError, "write() argument must be str, not %s",
                      ft_type_name(FT_TYPE(s)));
        return NULL;
    }
    if (SF(self)->mode[0] != 'w') {
        ft_err_set_string(FtExc_OSError, "not writable");
        return NULL;
    }
    if (write_fp(SF(self)->fp, FT_STR_DATA(s), (size_t)FT_STR_NBYTES(s)) < 0)
        return NULL;
    return ft_int_from_i64(FT_STR_LEN(s));
}

static FtObject *sf_flush(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("flush", nargs, 0, 0) < 0)
        return NULL;
    if (SF(self)->mode[0] == 'w' && ft_sys_fflush(SF(self)->fp) != 0) {
        stream_error(SF(self)->fp);
        return NULL;
    }
    FT_RETURN_NONE;
}

static FtObject *sf_fileno(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_count("fileno", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(fileno(SF(self)->fp));
}

static FtObject *sf_isatty(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    if (ft_arg_count("isatty", nargs, 0, 0) < 0)
        return NULL;
    return ft_bool_from(isatty(fileno(SF(self)->fp)));
}

static FtObject *sf_readable(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    return ft_bool_from(SF(self)->mode[0] == 'r');
}

static FtObject *sf_writable(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    return ft_bool_from(SF(self)->mode[0] == 'w');
}

static FtObject *decode_input(const char *s, size_t n)
{
    if (!utf8_valid(s, n)) {
        ft_err_set_string(FtExc_UnicodeError,
                          "'utf-8' codec can't decode the input");
        return NULL;
    }
    return ft_str_from_len(s, (ssize_t)n);
}

/* Reads up to `limit` bytes (all if < 0), stopping after a newline when
 * `line` is set; the text must be UTF-8. "" at end of file. */
static FtObject *read_text(FtObject *self, int64_t limit, int line)
{
    if (SF(self)->mode[0] != 'r') {
        ft_err_set_string(FtExc_OSError, "not readable");
        return NULL;
    }
    size_t n;
    char *buf = ft_sys_read_fp(SF(self)->fp, limit, line, &n);
    if (buf == NULL)
        return NULL;
    FtObject *r = decode_input(buf, n);
    free(buf);
    return r;
}

/* `for line in sys.stdin` */
static FtObject *sf_iter(FtObject *self) { return FT_NEWREF(self); }

static FtObject *sf_iternext(FtObject *self)
{
    FtObject *line = read_text(self, -1, 1);
    if (line != NULL && FT_STR_NBYTES(line) == 0) {
        FT_DECREF(line);
        return NULL;
    }
    return line;
}

static int64_t size_arg(FtObject *const *args, size_t nargs, int *err)
{
    int64_t n = -1;
    *err = 0;
    if (nargs > 0 && args[0] != FT_None && ft_number_as_i64(args[0], &n) < 0)
        *err = 1;
    return n;
}

static FtObject *sf_readline(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    int err;
    if (ft_arg_count("readline", nargs, 0, 1) < 0)
        return NULL;
    int64_t n = size_arg(args, nargs, &err);
    return err ? NULL : read_text(self, n, 1);
}

static FtObject *sf_read(FtObject *self, FtObject *const *args, size_t nargs,
                         FtObject *kwnames)
{
    int err;
    if (ft_arg_count("read", nargs, 0, 1) < 0)
        return NULL;
    int64_t n = size_arg(args, nargs, &err);
    return err ? NULL : read_text(self, n, 0);
}

static FtMethodDef sf_methods[] = {
    {"write", sf_write, 0, NULL},
    {"flush", sf_flush, 0, NULL},
    {"fileno", sf_fileno, 0, NULL},
    {"isatty", sf_isatty, 0, NULL},
    {"readable", sf_readable, 0, NULL},
    {"writable", sf_writable, 0, NULL},
    {"readline", sf_readline, 0, NULL},
    {"read", sf_read, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static FtObject *sf_get_name(FtObject *self)
{
    return ft_str_from_cstr(SF(self)->name);
}
static FtObject *sf_get_mode(FtObject *self)
{
    return ft_str_from_cstr(SF(self)->mode);
}
static FtObject *sf_get_encoding(FtObject *self)
{
    return ft_str_from_cstr("utf-8");
}
static FtObject *sf_get_closed(FtObject *self) { FT_RETURN_FALSE; }

static FtGetSetDef sf_getset[] = {
    {"name", sf_get_name, NULL},
    {"mode", sf_get_mode, NULL},
    {"encoding", sf_get_encoding, NULL},
    {"closed", sf_get_closed, NULL},
    {NULL, NULL, NULL},
};

static FtObject *sf_repr(FtObject *self)
{
    return ft_str_from_format(
        "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
        SF(self)->name, SF(self)->mode);
}

static void sf_dealloc(FtObject *self) { ft_object_free(self); }

static FtType FtSysFile_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(FtSysFileObject),
    .tp_dealloc = sf_dealloc,
    .tp_repr = sf_repr,
    .tp_iter = sf_iter,
    .tp_iternext = sf_iternext,
    .tp_methods = sf_methods,
    .tp_getset = sf_getset,
};

static FtObject *sysfile_new(FILE *fp, const char *name, const char *mode)
{
    FtObject *f = ft_object_new(&FtSysFile_Type);
    if (f != NULL) {
        SF(f)->fp = fp;
        SF(f)->name = name;
        SF(f)->mode = mode;
    }
    return f;
}

/* ---- writing to the current streams -------------------------------------- */

/* sys.<name> as currently set: new reference, or NULL without an exception
 * when sys does not exist yet or lacks the attribute. */
FtObject *ft_sys_get_attr(FtObject *name)
{
    if (sys_module == NULL)
        return NULL;
    FtObject *v = ft_dict_get(FT_MODULE_DICT(sys_module), name);
    if (v == NULL)
        ft_err_clear();
    return v;
}

static int write_stream(FtObject *name, FILE *dflt, FtObject *str,
                        const char *s, size_t n)
{
    FtObject *f = ft_sys_get_attr(name);
    FILE *fp = f ? ft_sys_file_of(f) : dflt;
    if (fp != NULL || f == FT_None) {
        FT_XDECREF(f);
        return fp ? write_fp(fp, s, n) : 0;
    }
    FtObject *tmp = NULL;
    if (str == NULL) {
        if (!utf8_valid(s, n)) { /* cannot be a str: bypass the object */
            FT_DECREF(f);
            return write_fp(dflt, s, n);
        }
        str = tmp = ft_str_from_len(s, (ssize_t)n);
        if (str == NULL) {
            FT_DECREF(f);
            return -1;
        }
    }
    FtObject *r = ft_call_method(f, FT_ID(write), &str, 1);
    FT_DECREF(f);
    FT_XDECREF(tmp);
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

int ft_sys_write_stdout(FtObject *str)
{
    return write_stream(FT_ID(stdout), stdout, str, FT_STR_DATA(str),
                        (size_t)FT_STR_NBYTES(str));
}

/* For error reports: never fails visibly; a broken sys.stderr falls back
 * to the C stream so the report is not lost. */
int ft_sys_write_stderr_len(const char *s, size_t n)
{
    FtObject *pending = ft_err_fetch();
    int r = write_stream(FT_ID(stderr), stderr, NULL, s, n);
    if (r < 0) {
        ft_err_clear();
        r = write_fp(stderr, s, n);
        ft_err_clear();
    }
    ft_err_restore(pending);
    return r;
}

int ft_sys_write_stderr_cstr(const char *s)
{
    return ft_sys_write_stderr_len(s, strlen(s));
}

/* ---- sys.version_info ---------------------------------------------------- */

static void vi_dealloc(FtObject *self)
{
    for (ssize_t i = 0; i < FT_SIZE(self); i++)
        FT_CLEAR(FT_TUPLE_GET(self, i));
    ft_object_free(self);
}

static FtObject *vi_item(FtObject *self, ssize_t i)
{
    return FT_NEWREF(FT_TUPLE_GET(self, i));
}
static FtObject *vi_major(FtObject *s) { return vi_item(s, 0); }
static FtObject *vi_minor(FtObject *s) { return vi_item(s, 1); }
static FtObject *vi_micro(FtObject *s) { return vi_item(s, 2); }
static FtObject *vi_level(FtObject *s) { return vi_item(s, 3); }
static FtObject *vi_serial(FtObject *s) { return vi_item(s, 4); }

static FtGetSetDef vi_getset[] = {
    {"major", vi_major, NULL},   {"minor", vi_minor, NULL},
    {"micro", vi_micro, NULL},   {"releaselevel", vi_level, NULL},
    {"serial", vi_serial, NULL}, {NULL, NULL, NULL},
};

static FtObject *vi_repr(FtObject *self)
{
    return ft_str_from_format(
        "sys.version_info(major=%R, minor=%R, micro=%R, releaselevel=%R, "
        "serial=%R)",
        FT_TUPLE_GET(self, 0), FT_TUPLE_GET(self, 1), FT_TUPLE_GET(self, 2),
        FT_TUPLE_GET(self, 3), FT_TUPLE_GET(self, 4));
}

/* A tuple subclass, so comparisons and indexing are tuple's. */
static FtType FtVersionInfo_Type = {
    .ob_base = FT_STATIC_OBJECT_INIT(&FtType_Type),
    .tp_name = "sys.version_info",
    .tp_basicsize = sizeof(FtTupleObject),
    .tp_itemsize = sizeof(FtObject *),
    .tp_flags = FT_TPFLAGS_TUPLE_SUBCLASS,
    .tp_dealloc = vi_dealloc,
    .tp_repr = vi_repr,
    .tp_getset = vi_getset,
    .tp_base = &FtTuple_Type,
};

static FtObject *version_info_new(void)
{
    FtObject *vi = ft_object_new_var(&FtVersionInfo_Type, 5);
    if (vi == NULL)
        return NULL;
    FtObject *items[5] = {ft_int_from_i64(3), ft_int_from_i64(11),
                          ft_int_from_i64(0), ft_str_from_cstr("final"),
                          ft_int_from_i64(0)};
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        FT_TUPLE_SET(vi, i, items[i]);
        ok &= items[i] != NULL;
    }
    if (!ok) {
        for (int i = 0; i < 5; i++)
            if (items[i] == NULL)
                FT_TUPLE_SET(vi, i, FT_NEWREF(FT_None));
        FT_DECREF(vi);
        return NULL;
    }
    return vi;
}

/* ---- sys functions ------------------------------------------------------- */

static FtObject *sys_exit(FtObject *self, FtObject *const *args, size_t nargs,
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

static FtObject *sys_getrefcount(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getrefcount", nargs, 1, 1) < 0)
        return NULL;
    /* The caller's value-stack reference to the argument is already
     * counted (as in CPython, whose result includes it too). References
     * whose release is only deferred (runtime/qsbr.h) are dropped first
     * where that is safe already. */
    ft_qsbr_poll(ft_tstate_get());
    return ft_int_from_i64((int64_t)ft_refcnt(args[0]));
}

/* The int<->str digit limit is one process-wide value (CPython keeps one per
 * interpreter); it is read and written with relaxed atomics, so threads
 * changing it race only in which value they see. */
static FtObject *sys_get_int_max_str_digits(FtObject *self,
                                            FtObject *const *args,
                                            size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("get_int_max_str_digits", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(
        __atomic_load_n(&ft_int_max_str_digits, __ATOMIC_RELAXED));
}

static FtObject *sys_set_int_max_str_digits(FtObject *self,
                                            FtObject *const *args,
                                            size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"maxdigits", NULL};
    FtObject *a[1] = {NULL};
    if (ft_arg_parse("set_int_max_str_digits", args, nargs, kwnames, kwlist, 1,
                     1, a) < 0)
        return NULL;
    int64_t v;
    if (ft_number_as_i64(a[0], &v) < 0)
        return NULL;
    if (v != 0 && v < 640) {
        ft_err_set_string(FtExc_ValueError,
                          "maxdigits must be 0 or larger than 640");
        return NULL;
    }
    __atomic_store_n(&ft_int_max_str_digits, v, __ATOMIC_RELAXED);
    FT_RETURN_NONE;
}

/* _getframemodulename(depth=0): the __name__ of the module whose code runs
 * depth Python frames up (CPython 3.12's; ftpy has no frame objects for
 * sys._getframe). namedtuple and friends use it to set __module__. */
static FtObject *sys_getframemodulename(FtObject *self, FtObject *const *args,
                                        size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"depth", NULL};
    FtObject *out[1] = {NULL};
    int64_t depth = 0;
    if (ft_arg_parse("_getframemodulename", args, nargs, kwnames, kwlist, 0,
                     1, out) < 0 ||
        (out[0] != NULL && ft_number_as_i64(out[0], &depth) < 0))
        return NULL;
    FtFrame *f = ft_tstate_get()->frame;
    for (; f != NULL && depth > 0; depth--)
        f = f->back;
    if (f == NULL || f->globals == NULL || !FT_DICT_CHECK(f->globals))
        FT_RETURN_NONE;
    FtObject *name = ft_dict_get(f->globals, FT_ID(__name__));
    if (name == NULL && !ft_err_occurred())
        FT_RETURN_NONE;
    return name;
}

static FtObject *sys_getrecursionlimit(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getrecursionlimit", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(ft_tstate_get()->recursion_limit);
}

static FtObject *sys_setrecursionlimit(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("setrecursionlimit", nargs, 1, 1) < 0)
        return NULL;
    if (FT_FLOAT_CHECK(args[0])) {
        ft_err_set_string(FtExc_TypeError,
                          "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int64_t n;
    if (ft_number_as_i64(args[0], &n) < 0)
        return NULL;
    if (n < 1) {
        ft_err_set_string(FtExc_ValueError,
                          "recursion limit must be greater or equal than 1");
        return NULL;
    }
    if (n > 0x7fffffff) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C int");
        return NULL;
    }
    FtThreadState *ts = ft_tstate_get();
    if (ts->recursion_depth >= n) {
        ft_err_format(FtExc_RecursionError,
                      "cannot set the recursion limit to %d at the recursion "
                      "depth %d: the limit is too low",
                      (int)n, ts->recursion_depth);
        return NULL;
    }
    ts->recursion_limit = (int)n;
    FT_RETURN_NONE;
}

static FtObject *sys_setswitchinterval(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("setswitchinterval", nargs, 1, 1) < 0)
        return NULL;
    double d;
    if (ft_number_as_double(args[0], &d) < 0)
        return NULL;
    if (!(d > 0.0)) {
        ft_err_set_string(FtExc_ValueError,
                          "switch interval must be strictly positive");
        return NULL;
    }
    ft_gil_set_switch_interval(d);
    FT_RETURN_NONE;
}

double ft_sys_switch_interval(void) { return ft_gil_get_switch_interval(); }

static FtObject *sys_getswitchinterval(FtObject *self, FtObject *const *args,
                                       size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getswitchinterval", nargs, 0, 0) < 0)
        return NULL;
    return ft_float_from_double(ft_gil_get_switch_interval());
}

/* Python 2's check interval: the legacy GIL's ticks between yields. Kept
 * in every build (the new GIL only stores it) so that programs written for
 * either run everywhere. */
static FtObject *sys_setcheckinterval(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("setcheckinterval", nargs, 1, 1) < 0)
        return NULL;
    if (!FT_INT_CHECK(args[0])) {
        ft_err_format(FtExc_TypeError,
                      "'%s' object cannot be interpreted as an integer",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    int64_t n = ft_int_clamped(args[0]);
    if (n > INT_MAX || n < INT_MIN) {
        ft_err_set_string(FtExc_OverflowError,
                          "Python int too large to convert to C int");
        return NULL;
    }
    ft_gil_set_check_interval((int)n);
    FT_RETURN_NONE;
}

static FtObject *sys_getcheckinterval(FtObject *self, FtObject *const *args,
                                      size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getcheckinterval", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(ft_gil_get_check_interval());
}

static FtObject *sys_intern(FtObject *self, FtObject *const *args, size_t nargs,
                            FtObject *kwnames)
{
    if (ft_arg_count("intern", nargs, 1, 1) < 0)
        return NULL;
    if (!FT_STR_CHECK_EXACT(args[0])) {
        ft_err_format(FtExc_TypeError,
                      "intern() argument 1 must be str, not %s",
                      ft_type_name(FT_TYPE(args[0])));
        return NULL;
    }
    return ft_str_intern(FT_NEWREF(args[0]));
}

static FtObject *handled_exc(void)
{
    FtObject *e = ft_tstate_get()->exc_handled;
    return (e != NULL && e != FT_None) ? e : NULL;
}

static FtObject *sys_exc_info(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("exc_info", nargs, 0, 0) < 0)
        return NULL;
    FtObject *e = handled_exc();
    if (e == NULL)
        return ft_tuple_pack(3, FT_None, FT_None, FT_None);
    FtObject *tb = ((FtBaseExceptionObject *)e)->traceback;
    return ft_tuple_pack(3, (FtObject *)FT_TYPE(e), e, tb ? tb : FT_None);
}

static FtObject *sys_exception(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("exception", nargs, 0, 0) < 0)
        return NULL;
    FtObject *e = handled_exc();
    return FT_NEWREF(e ? e : FT_None);
}

static FtObject *sys_utf8(FtObject *self, FtObject *const *args, size_t nargs,
                          FtObject *kwnames)
{
    if (ft_arg_count("getdefaultencoding", nargs, 0, 0) < 0)
        return NULL;
    return ft_str_from_cstr("utf-8");
}

static FtMethodDef sys_methods[] = {
    {"exit", sys_exit, 0,
     "exit([status])\n\nExit the interpreter by raising SystemExit(status)."},
    {"getrefcount", sys_getrefcount, 0,
     "Return the reference count of object."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"_getframemodulename", sys_getframemodulename, FT_METH_KEYWORDS, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, FT_METH_KEYWORDS,
     NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"setswitchinterval", sys_setswitchinterval, 0, NULL},
    {"getswitchinterval", sys_getswitchinterval, 0, NULL},
    {"setcheckinterval", sys_setcheckinterval, 0, NULL},
    {"getcheckinterval", sys_getcheckinterval, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"getdefaultencoding", sys_utf8, 0, NULL},
    {"getfilesystemencoding", sys_utf8, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the module ---------------------------------------------------------- */

static FtObject *make_argv(void)
{
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    if (sys_argc == 0) {
        FtObject *empty = ft_str_from_cstr("");
        if (empty == NULL || ft_list_append(list, empty) < 0) {
            FT_XDECREF(empty);
            FT_DECREF(list);
            return NULL;
        }
        FT_DECREF(empty);
    }
    for (int i = 0; i < sys_argc; i++) {
        const char *a = sys_argv[i];
        FtObject *s = utf8_valid(a, strlen(a)) ? ft_str_from_cstr(a)
                                               : ft_str_from_cstr("?");
        if (s == NULL || ft_list_append(list, s) < 0) {
            FT_XDECREF(s);
            FT_DECREF(list);
            return NULL;
        }
        FT_DECREF(s);
    }
    return list;
}

static FtObject *executable_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n < 0 || !utf8_valid(buf, (size_t)n))
        n = 0;
    buf[n] = '\0';
    return ft_str_from_cstr(buf);
}

/* Adds name = value and drops the reference to value (NULL: failure). */
static int add_new(FtObject *m, const char *name, FtObject *value)
{
    if (value == NULL)
        return -1;
    int r = ft_module_add_object(m, name, value);
    FT_DECREF(value);
    return r;
}

/* interp/sysframe.c: adds sys._getframe. */
int ft_sysframe_add(FtObject *sys);

static int ready(FtType *t)
{
    return (t->tp_flags & FT_TPFLAGS_READY) ? 0 : ft_type_ready(t);
}

FtObject *ft_mod_sys_create(void)
{
    if (ready(&FtSysFile_Type) < 0 || ready(&FtVersionInfo_Type) < 0)
        return NULL;
    FtObject *m = ft_module_new("sys");
    if (m == NULL)
        return NULL;
    if (orig_stdout == NULL) {
        orig_stdin = sysfile_new(stdin, "<stdin>", "r");
        orig_stdout = sysfile_new(stdout, "<stdout>", "w");
        orig_stderr = sysfile_new(stderr, "<stderr>", "w");
        if (orig_stdin == NULL || orig_stdout == NULL || orig_stderr == NULL)
            goto fail;
    }
#ifdef FT_CONFIG_SUMMARY
    const char *build_info = FT_CONFIG_SUMMARY;
#else
    const char *build_info = "";
#endif
    FtObject *modules = ft_modules_dict(); /* borrowed */
    if (modules != NULL)
        FT_INCREF(modules);
    const uint16_t probe = 1; /* first byte 1 on little-endian machines */
    const int little = *(const unsigned char *)&probe == 1;
    if (ft_module_add_functions(m, sys_methods) < 0 ||
        ft_sysframe_add(m) < 0 ||
        add_new(m, "argv", make_argv()) < 0 ||
        ft_module_add_object(m, "stdin", orig_stdin) < 0 ||
        ft_module_add_object(m, "stdout", orig_stdout) < 0 ||
        ft_module_add_object(m, "stderr", orig_stderr) < 0 ||
        ft_module_add_object(m, "__stdin__", orig_stdin) < 0 ||
        ft_module_add_object(m, "__stdout__", orig_stdout) < 0 ||
        ft_module_add_object(m, "__stderr__", orig_stderr) < 0 ||
        ft_module_add_int(m, "maxsize", INT64_MAX) < 0 ||
        ft_module_add_int(m, "maxunicode", 0x10FFFF) < 0 ||
        ft_module_add_int(m, "hexversion", 0x030B00F0) < 0 ||
        add_new(m, "version",
                ft_str_from_cstr("3.11.0 (ftpy " PACKAGE_VERSION ")")) < 0 ||
        add_new(m, "version_info", version_info_new()) < 0 ||
        add_new(m, "platform", ft_str_from_cstr("linux")) < 0 ||
        add_new(m, "byteorder", ft_str_from_cstr(little ? "little" : "big")) <
            0 ||
        add_new(m, "modules", modules) < 0 ||
        add_new(m, "path", ft_list_new(0)) < 0 ||
        add_new(m, "executable", executable_path()) < 0 ||
        add_new(m, "build_info", ft_str_from_cstr(build_info)) < 0)
        goto fail;
    FT_XDECREF(sys_module);
    sys_module = FT_NEWREF(m);
    return m;
fail:
    FT_DECREF(m);
    return NULL;
}
