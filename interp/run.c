/* interp/run.c — running source text: ft_run_string, the __main__ module,
 * the command-line modes (script file, -c, piped stdin, the interactive
 * loop) and how an uncaught exception becomes the process exit status.
 */
#include "interp/compiler.h"
#include "interp/eval.h"
#include "interp/import.h"
#include "interp/mod_thread.h"
#include "objects/typeobject.h"
#include "interp/modules.h"
#include "interp/parser.h"
#include "objects/object.h"
#include "runtime/signals.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0.1.0"
#endif

/* Reads a line without the GIL: a NUL-terminated malloc'd buffer, or NULL
 * with an exception (KeyboardInterrupt on Ctrl-C) (interp/mod_sys.c). */
char *ft_sys_read_fp(FILE *fp, int64_t limit, int line, size_t *len);

/* ---- compiling and running a string -------------------------------------- */

/* Source text to a code object (parse into an arena, compile, drop the
 * arena). Also used by exec()/eval() in interp/builtins.c. */
FtObject *ft_run_compile(const char *source, const char *filename, int mode)
{
    FtArena *arena = ft_arena_new();
    if (arena == NULL)
        return NULL;
    FtAstModule *mod = ft_parse(arena, source, filename, mode);
    FtObject *code = mod ? ft_compile(mod, filename, mode) : NULL;
    ft_arena_free(arena);
    return code;
}

static FtObject *builtins_module(void)
{
    static FtObject *name;
    if (ft_intern_static(&name, "builtins") == NULL)
        return NULL;
    return ft_import_module(name);
}

FtObject *ft_run_string(const char *source, const char *filename,
                        FtObject *globals, int mode)
{
    int has = ft_dict_contains(globals, FT_ID(__builtins__));
    if (has < 0)
        return NULL;
    if (!has) {
        FtObject *b = builtins_module();
        int r = b ? ft_dict_set(globals, FT_ID(__builtins__), b) : -1;
        FT_XDECREF(b);
        if (r < 0)
            return NULL;
    }
    FtObject *code = ft_run_compile(source, filename, mode);
    if (code == NULL)
        return NULL;
    FtObject *r = ft_eval_code(code, globals, globals);
    FT_DECREF(code);
    return r;
}

/* ---- __main__ ------------------------------------------------------------ */

/* The attributes CPython gives __main__, in its order (globals() shows it). */
static FtObject *main_module_new(const char *file)
{
    FtObject *m = ft_module_new("__main__");
    if (m == NULL)
        return NULL;
    FtObject *d = FT_MODULE_DICT(m);
    FtObject *name = ft_str_from_cstr("__main__");
    FtObject *ann = ft_dict_new();
    FtObject *b = builtins_module();
    FtObject *f = file ? ft_str_from_cstr(file) : NULL;
    int ok = name && ann && b && (file == NULL || f) &&
             ft_dict_set(d, FT_ID(__name__), name) == 0 &&
             ft_dict_set(d, FT_ID(__doc__), FT_None) == 0 &&
             ft_dict_set_str(d, "__package__", FT_None) == 0 &&
             ft_dict_set_str(d, "__loader__", FT_None) == 0 &&
             ft_dict_set_str(d, "__spec__", FT_None) == 0 &&
             ft_dict_set(d, FT_ID(__annotations__), ann) == 0 &&
             ft_dict_set(d, FT_ID(__builtins__), b) == 0 &&
             (file == NULL || (ft_dict_set(d, FT_ID(__file__), f) == 0 &&
                               ft_dict_set_str(d, "__cached__", FT_None) == 0));
    FT_XDECREF(name);
    FT_XDECREF(ann);
    FT_XDECREF(b);
    FT_XDECREF(f);
    /* sys.modules['__main__'], as in CPython: a module that imports
     * __main__ gets the running program. */
    if (!ok || ft_dict_set(ft_modules_dict(), FT_ID(__main__), m) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}

/* Empties __main__ at the end, as CPython's shutdown does: this runs the
 * __del__ methods of what the program left behind and breaks the
 * function <-> globals cycles. The cycle collector runs before (while
 * finalizers can still use the globals, as CPython collects before it
 * clears modules) and after (for the cycles that were reachable only from
 * __main__), so the debug reference total can balance. */
/* Then every other module that ran Python code (its dict holds
 * __builtins__: a source module, or one embedded in the binary): its
 * functions and classes refer back to its dict, a cycle that only clearing
 * the dict breaks, as CPython's shutdown clears modules. Newest first;
 * built-in C modules (sys, builtins, math...) are left alone. */
static void python_modules_release(void)
{
    FtObject *mods = ft_modules_dict(); /* borrowed */
    FtObject *names = mods != NULL ? ft_dict_keys_list(mods) : NULL;
    if (names == NULL) {
        ft_err_clear();
        return;
    }
    for (ssize_t i = FT_LIST_SIZE(names) - 1; i >= 0; i--) {
        FtObject *m = ft_dict_get(mods, FT_LIST_ITEMS(names)[i]);
        if (m != NULL && FT_MODULE_CHECK(m) &&
            ft_dict_contains(FT_MODULE_DICT(m), FT_ID(__builtins__)) == 1)
            ft_dict_clear(FT_MODULE_DICT(m));
        FT_XDECREF(m);
        ft_err_clear();
    }
    FT_DECREF(names);
}

static void main_module_release(FtObject *m)
{
    FtObject *pending = ft_err_fetch();
    /* Garbage first, while the finalizers still see the globals. */
    if (ft_gc_collect(2) < 0)
        ft_err_clear();
    ft_dict_clear(FT_MODULE_DICT(m));
    ft_err_clear();
    FT_DECREF(m);
    m = NULL;
    python_modules_release();
    if (ft_gc_collect(2) < 0)
        ft_err_clear();
    ft_err_restore(pending);
}

/* ---- uncaught exceptions ------------------------------------------------- */

/* Set when the program ended with an uncaught KeyboardInterrupt: like
 * CPython, the process then dies by SIGINT (exit_by_sigint), so a shell
 * script running it stops too. */
static int unhandled_sigint;

static int exit_by_sigint(void)
{
    fflush(stdout);
    fflush(stderr);
    signal(SIGINT, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), SIGINT);
    return 128 + SIGINT; /* not reached unless SIGINT is blocked elsewhere */
}

/* Takes the raised exception and turns it into an exit status: SystemExit
 * carries its own (None -> 0, an int -> that, anything else is printed to
 * stderr -> 1); KeyboardInterrupt is reported -> death by SIGINT (see
 * run_main); any other exception is reported with its traceback -> 1. */
int ft_run_exit_status(void)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return 0;
    int status = 1;
    if (ft_type_check(exc, FtExc_SystemExit)) {
        FtObject *code = ft_object_getattr_str(exc, "code");
        if (code == NULL) {
            ft_err_clear();
        } else if (code == FT_None) {
            status = 0;
        } else if (FT_INT_CHECK(code)) {
            status = (int)ft_int_clamped(code);
        } else {
            FtObject *s = ft_object_str(code);
            fflush(stdout);
            if (s != NULL) {
                ft_sys_write_stderr_cstr(ft_str_cstr(s));
                FT_DECREF(s);
            } else {
                ft_err_clear();
            }
            ft_sys_write_stderr_cstr("\n");
        }
        FT_XDECREF(code);
    } else {
        if (ft_type_check(exc, FtExc_KeyboardInterrupt)) {
            unhandled_sigint = 1;
            status = 128 + SIGINT;
        }
        ft_err_print_exception(exc);
    }
    FT_DECREF(exc);
    fflush(stdout);
    return status;
}

/* Runs source as __main__ and returns the exit status. path0 is
 * sys.path[0]: the script's directory, or "" for -c and stdin. */
static int run_main(const char *source, const char *filename, const char *file,
                    const char *path0)
{
    if (ft_import_init_path(path0) < 0)
        return ft_run_exit_status();
    FtObject *m = main_module_new(file);
    if (m == NULL)
        return ft_run_exit_status();
    FtObject *r =
        ft_run_string(source, filename, FT_MODULE_DICT(m), FT_PARSE_FILE);
    int status = 0;
    if (r == NULL)
        status = ft_run_exit_status();
    FT_XDECREF(r);
    /* Non-daemon threads finish first. Daemon threads that still run may
     * use __main__'s objects: then leave everything as it is and exit. */
    if (ft_thread_shutdown()) {
        fflush(stdout);
        return unhandled_sigint ? exit_by_sigint() : status;
    }
    main_module_release(m);
    if (ft_err_occurred()) /* raised by a __del__ during the release */
        ft_err_clear();
    fflush(stdout);
    if (unhandled_sigint)
        return exit_by_sigint();
    return status;
}

/* A NUL byte cannot reach the tokenizer (the text is NUL terminated):
 * reported the way CPython does. */
static int check_nul(const char *src, size_t len, const char *filename)
{
    const char *nul = memchr(src, '\0', len);
    if (nul == NULL)
        return 0;
    int lineno = 1;
    const char *line = src;
    for (const char *p = src; p < nul; p++)
        if (*p == '\n') {
            lineno++;
            line = p + 1;
        }
    ft_err_syntax(FtExc_SyntaxError, "source code cannot contain null bytes",
                  filename, lineno, 0, line);
    return -1;
}

/* Reads a whole stream; NULL with errno set on failure. */
static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                errno = e;
                return NULL;
            }
            break;
        }
        char *nb = realloc(buf, cap * 2 + 1);
        if (nb == NULL) {
            free(buf);
            errno = ENOMEM;
            return NULL;
        }
        buf = nb;
        cap *= 2;
    }
    if (buf == NULL) {
        errno = ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int run_text(char *src, size_t len, const char *filename,
                    const char *file, const char *path0)
{
    char *text = src;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* UTF-8 BOM */
        text += 3;
        len -= 3;
    }
    if (check_nul(text, len, filename) < 0)
        return ft_run_exit_status();
    return run_main(text, filename, file, path0);
}

/* "x.py" -> "/cwd/x.py": CPython reports the main script by the path it
 * joined with the working directory, without normalising it. */
static char *absolute_path(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return strdup(path);
    size_t a = strlen(cwd), b = strlen(path);
    char *r = malloc(a + b + 2);
    if (r != NULL) {
        memcpy(r, cwd, a);
        r[a] = '/';
        memcpy(r + a + 1, path, b + 1);
    }
    return r;
}

int ft_run_main_file(const char *path)
{
    char *abs = absolute_path(path);
    if (abs == NULL) {
        fputs("ftpy: out of memory\n", stderr);
        return 1;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "ftpy: can't find '__main__' module in '%s'\n", abs);
        free(abs);
        return 1;
    }
    FILE *f = fopen(path, "rb");
    size_t len = 0;
    char *src = f ? read_all(f, &len) : NULL;
    int err = errno;
    if (f != NULL)
        fclose(f);
    if (src == NULL) {
        fprintf(stderr, "ftpy: can't open file '%s': [Errno %d] %s\n", abs, err,
                strerror(err));
        free(abs);
        return 2;
    }
    /* sys.path[0]: the directory of the script, symbolic links resolved,
     * as CPython does. */
    char *real = realpath(path, NULL);
    char *slash = real ? strrchr(real, '/') : NULL;
    if (slash != NULL)
        *(slash == real ? slash + 1 : slash) = '\0';
    int status = run_text(src, len, abs, abs, real ? real : "");
    free(real);
    free(src);
    free(abs);
    return status;
}

int ft_run_main_command(const char *code)
{
    return run_main(code, "<string>", NULL, "");
}

/* Standard input that is not a terminal (or `ftpy -`): the whole of it is
 * the program, named "<stdin>". */
int ft_run_main_stdin(void)
{
    size_t len = 0;
    char *src = read_all(stdin, &len);
    if (src == NULL) {
        fprintf(stderr, "ftpy: can't read <stdin>: [Errno %d] %s\n", errno,
                strerror(errno));
        return 2;
    }
    int status = run_text(src, len, "<stdin>", "<stdin>", "");
    free(src);
    return status;
}

/* ---- the interactive loop ------------------------------------------------ */

static int is_blank(const char *line)
{
    while (*line == ' ' || *line == '\t' || *line == '\f' || *line == '\r')
        line++;
    return *line == '\n' || *line == '\0' || *line == '#';
}

/* A statement that owns an indented block: the REPL then waits for an
 * empty line before running it, like CPython's. */
static int opens_block(const char *src)
{
    static const char *const kw[] = {"if",   "while", "for",   "def",   "class",
                                     "with", "try",   "async", "match", NULL};
    while (*src == ' ' || *src == '\t')
        src++;
    if (*src == '@')
        return 1;
    for (int i = 0; kw[i] != NULL; i++) {
        size_t n = strlen(kw[i]);
        if (strncmp(src, kw[i], n) == 0 &&
            (src[n] == ' ' || src[n] == '\t' || src[n] == ':' || src[n] == '('))
            return 1;
    }
    return 0;
}

static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t nc = (*cap ? *cap * 2 : 256);
        while (nc < *len + n + 1)
            nc *= 2;
        char *nb = realloc(*buf, nc);
        if (nb == NULL)
            return -1;
        *buf = nb;
        *cap = nc;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

/* Runs one complete interactive input. 1 means "SystemExit: leave with
 * *status"; 0 carry on. */
static int repl_run(const char *src, FtObject *globals, int *status)
{
    FtObject *r = ft_run_string(src, "<stdin>", globals, FT_PARSE_SINGLE);
    if (r != NULL) {
        FT_DECREF(r);
        fflush(stdout);
        return 0;
    }
    if (ft_err_matches(FtExc_SystemExit)) {
        *status = ft_run_exit_status();
        return 1;
    }
    ft_err_print();
    return 0;
}

int ft_run_repl(int quiet)
{
    if (!quiet)
        fprintf(stderr,
                "ftpy " PACKAGE_VERSION " (a Python 3.11 subset) on linux\n"
                "Type Ctrl-D to exit.\n");
    if (ft_import_init_path("") < 0)
        return ft_run_exit_status();
    FtObject *m = main_module_new(NULL);
    if (m == NULL)
        return ft_run_exit_status();
    FtObject *globals = FT_MODULE_DICT(m);
    char *buf = NULL, *line = NULL;
    size_t len = 0, cap = 0;
    int status = 0, block = 0;
    for (;;) {
        fputs(len == 0 ? ">>> " : "... ", stdout);
        fflush(stdout);
        size_t n;
        free(line);
        line = ft_sys_read_fp(stdin, -1, 1, &n); /* without the GIL */
        if (line == NULL && ft_err_matches(FtExc_KeyboardInterrupt)) {
            /* Ctrl-C at the prompt drops the pending input */
            ft_err_clear();
            fputs("\nKeyboardInterrupt\n", stderr);
            len = 0;
            block = 0;
            continue;
        }
        if (line == NULL || n == 0) { /* end of input: run what is pending */
            if (line == NULL)
                ft_err_print();
            fputs("\n", stdout);
            if (len > 0)
                repl_run(buf, globals, &status);
            break;
        }
        if (len == 0 && is_blank(line))
            continue;
        if (append(&buf, &len, &cap, line, n) < 0) {
            fputs("ftpy: out of memory\n", stderr);
            status = 1;
            break;
        }
        if (block) {
            if (!is_blank(line))
                continue;
        } else if (ft_parse_is_incomplete(buf)) {
            block = opens_block(buf);
            continue;
        } else if (opens_block(buf)) {
            /* "if x: y" on one line is complete; a block header is not */
            block = 1;
            continue;
        }
        int stop = repl_run(buf, globals, &status);
        len = 0;
        block = 0;
        if (stop)
            break;
    }
    free(buf);
    free(line);
    if (ft_thread_shutdown()) {
        fflush(stdout);
        return status;
    }
    main_module_release(m);
    ft_err_clear();
    fflush(stdout);
    return status;
}
