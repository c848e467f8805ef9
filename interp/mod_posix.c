/* interp/mod_posix.c — the posix module: the system calls under `os`
 * (interp/lib/os.py builds os and os.path on it, as CPython's os.py does).
 * Paths are str; a failing call raises the errno's OSError subclass with
 * the path as filename. Calls that touch the file system run without the
 * GIL (a slow or remote file system blocks only the calling thread).
 */
#include "interp/modules.h"
#include "objects/object.h"
#include "runtime/gil.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

extern char **environ;

/* The C path of a str argument (borrowed), or NULL with TypeError or
 * ValueError set. */
static const char *path_arg(const char *fname, FtObject *o)
{
    if (!FT_STR_CHECK(o)) {
        /* CPython's list names what the call would accept there */
        const char *kinds =
            strcmp(fname, "listdir") == 0
                ? "string, bytes, os.PathLike, integer or None"
            : strcmp(fname, "stat") == 0 || strcmp(fname, "chdir") == 0
                ? "string, bytes, os.PathLike or integer"
                : "string, bytes or os.PathLike";
        ft_err_format(FtExc_TypeError, "%s: path should be %s, not %s", fname,
                      kinds, ft_type_name(FT_TYPE(o)));
        return NULL;
    }
    const char *s = ft_str_cstr(o);
    if (strlen(s) != (size_t)FT_STR_NBYTES(o)) {
        ft_err_format(FtExc_ValueError, "%s: embedded null character in path",
                      fname);
        return NULL;
    }
    return s;
}

/* Runs CALL (an int expression, -1 on failure) without the GIL; raises
 * the OSError for errno with `path` as filename when it fails. */
#define SYSCALL_PATH(CALL, path)                                               \
    do {                                                                       \
        int r_, err_;                                                          \
        FT_BEGIN_ALLOW_THREADS                                                 \
        r_ = (CALL);                                                           \
        err_ = errno;                                                          \
        FT_END_ALLOW_THREADS                                                   \
        if (r_ < 0)                                                            \
            return ft_err_set_from_errno_filename(err_, path);                 \
    } while (0)

static FtObject *posix_getcwd(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getcwd", nargs, 0, 0) < 0)
        return NULL;
    char *buf = getcwd(NULL, 0);
    if (buf == NULL)
        return ft_err_set_from_errno_filename(errno, NULL);
    FtObject *r = ft_str_from_cstr(buf);
    free(buf);
    return r;
}

static FtObject *posix_chdir(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    const char *p;
    if (ft_arg_count("chdir", nargs, 1, 1) < 0 ||
        (p = path_arg("chdir", args[0])) == NULL)
        return NULL;
    SYSCALL_PATH(chdir(p), args[0]);
    FT_RETURN_NONE;
}

static FtObject *posix_remove(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    const char *p;
    if (ft_arg_count("remove", nargs, 1, 1) < 0 ||
        (p = path_arg("remove", args[0])) == NULL)
        return NULL;
    SYSCALL_PATH(unlink(p), args[0]);
    FT_RETURN_NONE;
}

static FtObject *posix_rmdir(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    const char *p;
    if (ft_arg_count("rmdir", nargs, 1, 1) < 0 ||
        (p = path_arg("rmdir", args[0])) == NULL)
        return NULL;
    SYSCALL_PATH(rmdir(p), args[0]);
    FT_RETURN_NONE;
}

static FtObject *posix_mkdir(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"path", "mode", NULL};
    FtObject *a[2];
    int64_t mode = 0777;
    const char *p;
    if (ft_arg_parse("mkdir", args, nargs, kwnames, kwlist, 1, 2, a) < 0 ||
        (p = path_arg("mkdir", a[0])) == NULL ||
        (a[1] != NULL && ft_number_as_i64(a[1], &mode) < 0))
        return NULL;
    SYSCALL_PATH(mkdir(p, (mode_t)mode), a[0]);
    FT_RETURN_NONE;
}

static FtObject *posix_rename(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    const char *src, *dst;
    if (ft_arg_count("rename", nargs, 2, 2) < 0 ||
        (src = path_arg("rename", args[0])) == NULL ||
        (dst = path_arg("rename", args[1])) == NULL)
        return NULL;
    int r, err;
    FT_BEGIN_ALLOW_THREADS
    r = rename(src, dst);
    err = errno;
    FT_END_ALLOW_THREADS
    if (r < 0)
        return ft_err_set_from_errno_filename2(err, args[0], args[1]);
    FT_RETURN_NONE;
}

/* Reads a directory's names (not . and ..) into a list. */
static FtObject *read_dir(DIR *d, int *err)
{
    FtObject *list = ft_list_new(0);
    struct dirent *e;
    *err = 0;
    while (list != NULL) {
        errno = 0;
        e = readdir(d);
        if (e == NULL) {
            *err = errno;
            break;
        }
        const char *n = e->d_name;
        if (n[0] == '.' && (n[1] == '\0' || (n[1] == '.' && n[2] == '\0')))
            continue;
        FtObject *s = ft_str_from_cstr(n);
        if (s == NULL || ft_list_append(list, s) < 0)
            FT_CLEAR(list);
        FT_XDECREF(s);
    }
    return list;
}

static FtObject *posix_listdir(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    static const char *const kwlist[] = {"path", NULL};
    FtObject *a[1];
    if (ft_arg_parse("listdir", args, nargs, kwnames, kwlist, 0, 1, a) < 0)
        return NULL;
    FtObject *path = a[0] != NULL && a[0] != FT_None ? a[0] : NULL;
    const char *p = path ? path_arg("listdir", path) : ".";
    if (p == NULL)
        return NULL;
    DIR *d;
    int err;
    FT_BEGIN_ALLOW_THREADS
    d = opendir(p);
    err = errno;
    FT_END_ALLOW_THREADS
    if (d == NULL) {
        FtObject *dot = path ? NULL : ft_str_from_cstr(".");
        ft_err_set_from_errno_filename(err, path ? path : dot);
        FT_XDECREF(dot);
        return NULL;
    }
    FtObject *list = read_dir(d, &err);
    closedir(d);
    if (list != NULL && err != 0) {
        FT_CLEAR(list);
        ft_err_set_from_errno_filename(err, path);
    }
    return list;
}

/* stat()'s fields as a tuple: the ten of os.stat_result's sequence
 * (integer times), then the float times and st_blksize, st_blocks,
 * st_rdev; interp/lib/os.py turns it into os.stat_result. */
static FtObject *stat_tuple(const struct stat *st)
{
    FtObject *v[16];
    int64_t ints[] = {st->st_mode,          (int64_t)st->st_ino,
                      (int64_t)st->st_dev,   (int64_t)st->st_nlink,
                      st->st_uid,            st->st_gid,
                      (int64_t)st->st_size,  (int64_t)st->st_atim.tv_sec,
                      (int64_t)st->st_mtim.tv_sec, (int64_t)st->st_ctim.tv_sec};
    const struct timespec *ts[] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    int n = 0, ok = 1;
    for (int i = 0; i < 10; i++)
        ok &= (v[n++] = ft_int_from_i64(ints[i])) != NULL;
    for (int i = 0; i < 3; i++)
        ok &= (v[n++] = ft_float_from_double((double)ts[i]->tv_sec +
                                             ts[i]->tv_nsec * 1e-9)) != NULL;
    ok &= (v[n++] = ft_int_from_i64((int64_t)st->st_blksize)) != NULL;
    ok &= (v[n++] = ft_int_from_i64((int64_t)st->st_blocks)) != NULL;
    ok &= (v[n++] = ft_int_from_i64((int64_t)st->st_rdev)) != NULL;
    FtObject *t = ok ? ft_tuple_from_array(v, n) : NULL;
    for (int i = 0; i < n; i++)
        FT_XDECREF(v[i]);
    return t;
}

static FtObject *do_stat(const char *fname, FtObject *const *args,
                         size_t nargs, int follow)
{
    const char *p;
    if (ft_arg_count(fname, nargs, 1, 1) < 0 ||
        (p = path_arg(fname, args[0])) == NULL)
        return NULL;
    struct stat st;
    SYSCALL_PATH(follow ? stat(p, &st) : lstat(p, &st), args[0]);
    return stat_tuple(&st);
}

static FtObject *posix_stat(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    return do_stat("stat", args, nargs, 1);
}

static FtObject *posix_lstat(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    return do_stat("lstat", args, nargs, 0);
}

static FtObject *posix_access(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    const char *p;
    int mode;
    if (ft_arg_count("access", nargs, 2, 2) < 0 ||
        (p = path_arg("access", args[0])) == NULL ||
        ft_number_as_c_int(args[1], &mode) < 0)
        return NULL;
    return ft_bool_from(access(p, mode) == 0);
}

static FtObject *posix_getpid(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getpid", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(getpid());
}

static FtObject *posix_getppid(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("getppid", nargs, 0, 0) < 0)
        return NULL;
    return ft_int_from_i64(getppid());
}

static FtObject *posix_cpu_count(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("cpu_count", nargs, 0, 0) < 0)
        return NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        FT_RETURN_NONE;
    return ft_int_from_i64(n);
}

static FtObject *posix_strerror(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    int code;
    if (ft_arg_count("strerror", nargs, 1, 1) < 0 ||
        ft_number_as_c_int(args[0], &code) < 0)
        return NULL;
    return ft_str_from_cstr(strerror(code));
}

static FtObject *posix_exit(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    int code;
    if (ft_arg_count("_exit", nargs, 1, 1) < 0 ||
        ft_number_as_c_int(args[0], &code) < 0)
        return NULL;
    _exit(code);
}

/* The environment at start-up, name -> value (os.environ copies it). */
static FtObject *environ_dict(void)
{
    FtObject *d = ft_dict_new();
    for (char **e = environ; d != NULL && e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e)
            continue;
        FtObject *k = ft_str_from_len(*e, eq - *e);
        FtObject *v = k ? ft_str_from_cstr(eq + 1) : NULL;
        if (v == NULL || ft_dict_set(d, k, v) < 0)
            FT_CLEAR(d);
        FT_XDECREF(k);
        FT_XDECREF(v);
    }
    return d;
}

static FtObject *posix_putenv(FtObject *self, FtObject *const *args,
                              size_t nargs, FtObject *kwnames)
{
    const char *k, *v;
    if (ft_arg_count("putenv", nargs, 2, 2) < 0 ||
        (k = path_arg("putenv", args[0])) == NULL ||
        (v = path_arg("putenv", args[1])) == NULL)
        return NULL;
    if (*k == '\0' || strchr(k, '=') != NULL) {
        ft_err_set_string(FtExc_ValueError, "illegal environment variable name");
        return NULL;
    }
    if (setenv(k, v, 1) < 0)
        return ft_err_set_from_errno_filename(errno, NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_unsetenv(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    const char *k;
    if (ft_arg_count("unsetenv", nargs, 1, 1) < 0 ||
        (k = path_arg("unsetenv", args[0])) == NULL)
        return NULL;
    if (unsetenv(k) < 0)
        return ft_err_set_from_errno_filename(errno, NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_urandom(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    int64_t n;
    if (ft_arg_count("urandom", nargs, 1, 1) < 0 ||
        ft_number_as_i64(args[0], &n) < 0)
        return NULL;
    if (n < 0) {
        ft_err_set_string(FtExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    FtObject *b = ft_bytes_new((ssize_t)n);
    if (b == NULL)
        return NULL;
    char *p = FT_BYTES_MDATA(b);
    size_t done = 0;
    while (done < (size_t)n) {
        ssize_t k = getrandom(p + done, (size_t)n - done, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            FT_DECREF(b);
            return ft_err_set_from_errno_filename(errno, NULL);
        }
        done += (size_t)k;
    }
    return b;
}

static FtMethodDef posix_methods[] = {
    {"getcwd", posix_getcwd, 0, "Return the current working directory."},
    {"chdir", posix_chdir, 0, "Change the current working directory."},
    {"listdir", posix_listdir, FT_METH_KEYWORDS,
     "Return the names of the entries in a directory ('.' by default)."},
    {"remove", posix_remove, 0, "Remove a file."},
    {"unlink", posix_remove, 0, "Remove a file."},
    {"rmdir", posix_rmdir, 0, "Remove an empty directory."},
    {"mkdir", posix_mkdir, FT_METH_KEYWORDS, "Create a directory."},
    {"rename", posix_rename, 0, "Rename a file or directory."},
    {"replace", posix_rename, 0, "Rename, replacing the destination."},
    {"stat", posix_stat, 0, "Perform a stat system call on a path."},
    {"lstat", posix_lstat, 0, "stat, without following symbolic links."},
    {"access", posix_access, 0, "Test the access rights to a path."},
    {"getpid", posix_getpid, 0, "Return the current process id."},
    {"getppid", posix_getppid, 0, "Return the parent's process id."},
    {"cpu_count", posix_cpu_count, 0, "Return the number of CPUs online."},
    {"strerror", posix_strerror, 0, "Translate an error code to a message."},
    {"putenv", posix_putenv, 0, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, 0, "Delete an environment variable."},
    {"_exit", posix_exit, 0, "Exit at once, without cleanup."},
    {"urandom", posix_urandom, 0, "Return n random bytes from the OS."},
    {NULL, NULL, 0, NULL},
};

FtObject *ft_mod_posix_create(void)
{
    FtObject *m = ft_module_new("posix");
    FtObject *env = m ? environ_dict() : NULL;
    if (env == NULL || ft_module_add_functions(m, posix_methods) < 0 ||
        ft_module_add_object(m, "environ", env) < 0 ||
        ft_module_add_int(m, "F_OK", F_OK) < 0 ||
        ft_module_add_int(m, "R_OK", R_OK) < 0 ||
        ft_module_add_int(m, "W_OK", W_OK) < 0 ||
        ft_module_add_int(m, "X_OK", X_OK) < 0) {
        FT_XDECREF(env);
        FT_XDECREF(m);
        return NULL;
    }
    FT_DECREF(env);
    return m;
}
