/* interp/import_path.c — where modules are found: sys.path's start-up
 * value, ftpy's own library folder, looking a module up in a list of
 * directories, and reading its source. interp/import.c does the rest.
 *
 * The library folder holds the modules ftpy ships written in Python
 * (lib/ in the source tree, installed to $(pkgdatadir)/lib, i.e.
 * PREFIX/share/ftpy/lib). The binary finds it at run time as the first of
 * these folders that holds __future__.py (the marker):
 *   1. BINDIR/../share/ftpy/lib  an installed binary, wherever the tree
 *                                was copied to (DESTDIR, a moved prefix);
 *   2. BINDIR/lib                 the binary in its own source tree;
 *   3. FT_SRC_LIBDIR              the source tree it was built from (out of
 *                                tree builds: variants/P/ftpy);
 *   4. FT_INSTALL_LIBDIR          the configured install location.
 * BINDIR is the directory of /proc/self/exe.
 */
#include "interp/import.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interp/import_internal.h"

#ifndef FT_SRC_LIBDIR
#define FT_SRC_LIBDIR ""
#endif
#ifndef FT_INSTALL_LIBDIR
#define FT_INSTALL_LIBDIR ""
#endif

#define LIB_MARKER "__future__.py"

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* malloc'd "a/b" (b may start with "/"); NULL when out of memory. */
static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *r = malloc(la + lb + 2);
    if (r == NULL)
        return NULL;
    memcpy(r, a, la);
    size_t n = la;
    if (n == 0 || r[n - 1] != '/')
        r[n++] = '/';
    if (b[0] == '/')
        b++, lb--;
    memcpy(r + n, b, lb + 1);
    return r;
}

/* dir if dir/LIB_MARKER exists, as a canonical malloc'd path. */
static char *lib_candidate(const char *dir)
{
    if (dir == NULL || dir[0] == '\0')
        return NULL;
    char *marker = join(dir, LIB_MARKER);
    char *r = NULL;
    if (marker != NULL && is_file(marker))
        r = realpath(dir, NULL);
    free(marker);
    return r;
}

static char *libdir;
static pthread_once_t libdir_once = PTHREAD_ONCE_INIT;

static void find_libdir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL) {
            *slash = '\0';
            char *a = join(exe, "../share/ftpy/lib");
            libdir = lib_candidate(a);
            free(a);
            if (libdir == NULL) {
                char *b = join(exe, "lib");
                libdir = lib_candidate(b);
                free(b);
            }
        }
    }
    if (libdir == NULL)
        libdir = lib_candidate(FT_SRC_LIBDIR);
    if (libdir == NULL)
        libdir = lib_candidate(FT_INSTALL_LIBDIR);
}

const char *ft_import_libdir(void)
{
    pthread_once(&libdir_once, find_libdir);
    return libdir;
}

static int append_cstr(FtObject *list, const char *s, size_t n)
{
    FtObject *str = ft_str_from_len(s, (ssize_t)n);
    if (str == NULL)
        return -1;
    int r = ft_list_append(list, str);
    FT_DECREF(str);
    return r;
}

/* sys.path, a new reference (NULL with an exception if sys has none). */
FtObject *ft_import_sys_path(void)
{
    FtObject *sys = ft_dict_get_str(ft_modules_dict(), "sys");
    if (sys == NULL) {
        if (!ft_err_occurred())
            ft_err_set_string(FtExc_ImportError, "sys.path is not available");
        return NULL;
    }
    FtObject *path = ft_object_getattr_str(sys, "path");
    FT_DECREF(sys);
    return path;
}

int ft_import_init_path(const char *first)
{
    FtObject *path = ft_list_new(0);
    if (path == NULL)
        return -1;
    int r = 0;
    if (first != NULL)
        r = append_cstr(path, first, strlen(first));
    const char *env = getenv("PYTHONPATH");
    while (r == 0 && env != NULL && *env != '\0') {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        char cwd[PATH_MAX];
        if (n > 0)
            r = append_cstr(path, env, n);
        else if (getcwd(cwd, sizeof cwd) != NULL) /* "" is the working dir */
            r = append_cstr(path, cwd, strlen(cwd));
        env = colon ? colon + 1 : NULL;
    }
    const char *lib = ft_import_libdir();
    if (r == 0 && lib != NULL)
        r = append_cstr(path, lib, strlen(lib));
    FtObject *sys = r == 0 ? ft_dict_get_str(ft_modules_dict(), "sys") : NULL;
    if (sys != NULL) {
        r = ft_object_setattr_str(sys, "path", path);
        FT_DECREF(sys);
    } else {
        r = -1;
        if (!ft_err_occurred())
            ft_err_set_string(FtExc_ImportError, "no sys module");
    }
    FT_DECREF(path);
    return r;
}

/* A sys.path entry as a directory: "" is the working directory, and
 * relative entries are taken from it, as CPython's path finder does. */
static char *entry_dir(const char *entry)
{
    if (entry[0] == '/')
        return strdup(entry);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return NULL;
    return entry[0] == '\0' ? strdup(cwd) : join(cwd, entry);
}

int ft_import_find_file(FtObject *path, const char *leaf, char **filename,
                        char **pkgdir)
{
    *filename = *pkgdir = NULL;
    FtObject *entries = ft_list_from_iterable(path); /* a private snapshot */
    if (entries == NULL)
        return -1;
    int found = 0;
    size_t leaflen = strlen(leaf);
    char *py = malloc(leaflen + 4);
    if (py == NULL) {
        FT_DECREF(entries);
        ft_err_no_memory();
        return -1;
    }
    memcpy(py, leaf, leaflen);
    memcpy(py + leaflen, ".py", 4);
    for (ssize_t i = 0; i < FT_LIST_SIZE(entries) && !found; i++) {
        FtObject *e = FT_LIST_ITEMS(entries)[i];
        if (!FT_STR_CHECK(e))
            continue; /* CPython skips entries that are not str too */
        char *dir = entry_dir(ft_str_cstr(e));
        if (dir == NULL)
            continue;
        /* A package (a directory with __init__.py) before a module. */
        char *pkg = join(dir, leaf);
        char *init = pkg ? join(pkg, "__init__.py") : NULL;
        if (init != NULL && is_dir(pkg) && is_file(init)) {
            *filename = init;
            *pkgdir = pkg;
            found = 1;
        } else {
            free(init);
            free(pkg);
            char *mod = join(dir, py);
            if (mod != NULL && is_file(mod)) {
                *filename = mod;
                found = 1;
            } else {
                free(mod);
            }
        }
        free(dir);
    }
    free(py);
    FT_DECREF(entries);
    return found;
}

char *ft_import_read_source(const char *filename)
{
    FILE *f = fopen(filename, "rb");
    if (f == NULL) {
        ft_err_format(FtExc_ImportError, "cannot read %s: %s", filename,
                      strerror(errno));
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *nb = cap > SIZE_MAX / 4 ? NULL : realloc(buf, cap * 2 + 1);
        if (nb == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (buf == NULL) {
        ft_err_no_memory();
        return NULL;
    }
    if (bad) {
        free(buf);
        ft_err_format(FtExc_ImportError, "cannot read %s", filename);
        return NULL;
    }
    buf[n] = '\0';
    if (memchr(buf, '\0', n) != NULL) {
        free(buf);
        ft_err_syntax(FtExc_SyntaxError, "source code cannot contain null bytes",
                      filename, 0, 0, NULL);
        return NULL;
    }
    return buf;
}
