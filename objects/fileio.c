/* objects/fileio.c — open() and the file object: the descriptor, its read
 * and write buffers, the system calls (made without the GIL), the methods
 * shared by binary and text files, and the exit-time flush of files never
 * closed. The locking protocol is in objects/fileio.h; text is in
 * objects/textio.c.
 */
#include "objects/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/gil.h"
#include "runtime/tstate.h"

#define FILE_OF(o) ((FtFileObject *)(o))

/* The descriptor, read without the I/O lock (close() stores -1 under it):
 * a relaxed atomic, since only "closed or not" is decided from it and the
 * methods that use the descriptor read it again under the lock. */
static int fd_of(FtObject *o)
{
    return __atomic_load_n(&FILE_OF(o)->fd, __ATOMIC_RELAXED);
}
#define DEFAULT_BUFSIZE 8192

/* ---- the I/O lock ---------------------------------------------------------- */

/* Takes the I/O lock: 0, or -1 with RuntimeError when the calling thread
 * holds it already. That happens when a __del__ run by a free-threaded
 * build's deferred frees (runtime/qsbr.h: they may run as a method comes
 * back from a system call) uses the same file: as CPython does for such
 * re-entry, refuse rather than deadlock. `owner` is only compared with the caller's own
 * thread state, which no other thread ever stores there. */
static int io_lock(FtFileObject *f)
{
    void *me = ft_tstate_get();
    if (!ft_mutex_trylock(&f->lock)) {
        if (__atomic_load_n(&f->owner, __ATOMIC_RELAXED) == me) {
            ft_err_format(FtExc_RuntimeError, "reentrant call inside %s",
                          FT_TYPE(f)->tp_name);
            return -1;
        }
        FT_BEGIN_ALLOW_THREADS
        ft_mutex_lock(&f->lock);
        FT_END_ALLOW_THREADS
    }
    __atomic_store_n(&f->owner, me, __ATOMIC_RELAXED);
    return 0;
}

static void io_unlock(FtFileObject *f)
{
    __atomic_store_n(&f->owner, NULL, __ATOMIC_RELAXED);
    ft_mutex_unlock(&f->lock);
}

/* ---- files flushed at exit --------------------------------------------------- */

/* Oldest first, so that files are flushed at exit in the order they were
 * opened (as CPython's teardown of a module's globals usually does). */
static FtMutex exit_list_lock = FT_MUTEX_INIT;
static FtFileObject *exit_list, *exit_tail;

static void exit_list_add(FtFileObject *f)
{
    ft_mutex_lock(&exit_list_lock);
    f->exit_prev = exit_tail;
    f->exit_next = NULL;
    if (exit_tail != NULL)
        exit_tail->exit_next = f;
    else
        exit_list = f;
    exit_tail = f;
    ft_mutex_unlock(&exit_list_lock);
}

static void exit_list_remove(FtFileObject *f)
{
    ft_mutex_lock(&exit_list_lock);
    if (f->exit_prev != NULL || exit_list == f) {
        if (f->exit_prev != NULL)
            f->exit_prev->exit_next = f->exit_next;
        else
            exit_list = f->exit_next;
        if (f->exit_next != NULL)
            f->exit_next->exit_prev = f->exit_prev;
        else
            exit_tail = f->exit_prev;
    }
    f->exit_prev = f->exit_next = NULL;
    ft_mutex_unlock(&exit_list_lock);
}

/* ---- errors ------------------------------------------------------------------ */

static FtObject *unsupported_type;

FtObject *ft_io_unsupported_operation(void)
{
    FtObject *t = __atomic_load_n(&unsupported_type, __ATOMIC_ACQUIRE);
    if (t != NULL)
        return t;
    FT_CRIT_LOCK();
    if (unsupported_type == NULL) {
        FtObject *name = ft_str_from_cstr("UnsupportedOperation");
        FtObject *bases = ft_tuple_pack(2, (FtObject *)FtExc_OSError,
                                        (FtObject *)FtExc_ValueError);
        FtObject *ns = ft_dict_new();
        FtObject *mod = ft_str_from_cstr("io");
        if (name && bases && ns && mod &&
            ft_dict_set_str(ns, "__module__", mod) == 0)
            t = ft_type_new_class(name, bases, ns);
        FT_XDECREF(name);
        FT_XDECREF(bases);
        FT_XDECREF(ns);
        FT_XDECREF(mod);
        if (t != NULL)
            __atomic_store_n(&unsupported_type, t, __ATOMIC_RELEASE);
    }
    t = unsupported_type;
    FT_CRIT_UNLOCK();
    return t;
}

static void err_unsupported(const char *msg)
{
    FtObject *t = ft_io_unsupported_operation();
    if (t != NULL)
        ft_err_set_string((FtType *)t, msg);
}

static FtObject *err_closed(void)
{
    ft_err_set_string(FtExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

static FtObject *err_closed_nodot(void)
{
    ft_err_set_string(FtExc_ValueError, "I/O operation on closed file");
    return NULL;
}

static FtObject *err_errno(int err)
{
    return ft_err_set_from_errno_filename(err, NULL);
}

/* ---- system calls without the GIL ------------------------------------------ */

static ssize_t sys_read(int fd, char *buf, size_t n, int *err)
{
    ssize_t r;
    FT_BEGIN_ALLOW_THREADS
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    *err = errno;
    FT_END_ALLOW_THREADS
    return r;
}

/* Writes all n bytes; 0, or -1 with *err set. */
static int sys_write_all(int fd, const char *buf, size_t n, int *err)
{
    int r = 0;
    FT_BEGIN_ALLOW_THREADS
    while (n > 0) {
        ssize_t k = write(fd, buf, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            *err = errno;
            r = -1;
            break;
        }
        buf += k;
        n -= (size_t)k;
    }
    FT_END_ALLOW_THREADS
    return r;
}

/* ---- the buffers ------------------------------------------------------------- */

int ft_file_flush_locked(FtFileObject *f)
{
    if (f->wlen == 0)
        return 0;
    int err = 0;
    size_t n = f->wlen;
    f->wlen = 0; /* on failure the bytes are dropped, as CPython's are not;
                  * but retrying a failed write at every call is worse */
    if (sys_write_all(f->fd, f->wbuf, n, &err) < 0) {
        err_errno(err);
        return -1;
    }
    return 0;
}

ssize_t ft_file_fill(FtFileObject *f)
{
    if (f->rpos > 0) { /* keep the unread tail at the front */
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rcap - f->rlen < DEFAULT_BUFSIZE) {
        size_t ncap = f->rcap ? f->rcap * 2 : DEFAULT_BUFSIZE;
        while (ncap - f->rlen < DEFAULT_BUFSIZE)
            ncap *= 2;
        char *nb = realloc(f->rbuf, ncap);
        if (nb == NULL) {
            ft_err_no_memory();
            return -1;
        }
        f->rbuf = nb;
        f->rcap = ncap;
    }
    int err = 0;
    ssize_t r = sys_read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen, &err);
    if (r < 0) {
        err_errno(err);
        return -1;
    }
    f->rlen += (size_t)r;
    return r;
}

int ft_file_put(FtFileObject *f, const char *s, size_t n)
{
    if (n == 0) /* wbuf may still be NULL */
        return 0;
    if (f->wlen + n > f->wcap) {
        size_t ncap = f->wcap ? f->wcap : DEFAULT_BUFSIZE;
        while (ncap < f->wlen + n) {
            if (ncap > SIZE_MAX / 2) {
                ft_err_no_memory();
                return -1;
            }
            ncap *= 2;
        }
        char *nb = realloc(f->wbuf, ncap);
        if (nb == NULL) {
            ft_err_no_memory();
            return -1;
        }
        f->wbuf = nb;
        f->wcap = ncap;
    }
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    if (f->wlen >= f->bufsize ||
        (f->line_buffering && memchr(s, '\n', n) != NULL))
        return ft_file_flush_locked(f);
    return 0;
}

int ft_file_begin_read(FtFileObject *f) { return ft_file_flush_locked(f); }

/* Gives read-ahead back to the file, so that the next write lands at the
 * logical position. */
int ft_file_begin_write(FtFileObject *f)
{
    size_t ahead = f->rlen - f->rpos;
    f->rpos = f->rlen = 0;
    if (ahead > 0 && !f->appending &&
        lseek(f->fd, -(off_t)ahead, SEEK_CUR) < 0) {
        err_errno(errno);
        return -1;
    }
    return 0;
}

int64_t ft_file_tell_locked(FtFileObject *f)
{
    if (ft_file_flush_locked(f) < 0)
        return -1;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) {
        err_errno(errno);
        return -1;
    }
    return (int64_t)pos - (int64_t)(f->rlen - f->rpos);
}

/* ---- entering a method --------------------------------------------------------- */

enum { NEED_NONE, NEED_READ, NEED_WRITE };

/* CPython's words for an operation on a closed binary file. */
static void err_closed_binary(const char *op)
{
    if (strcmp(op, "write") == 0)
        ft_err_set_string(FtExc_ValueError, "write to closed file");
    else if (strcmp(op, "tell") == 0)
        ft_err_set_string(FtExc_ValueError, "I/O operation on closed file");
    else if (strcmp(op, "flush") == 0 || strcmp(op, "readlines") == 0)
        err_closed();
    else
        ft_err_format(FtExc_ValueError, "%s of closed file", op);
}

/* Takes the I/O lock and checks the file is open and (need) readable or
 * writable; `op` names the operation in the errors, which follow
 * CPython's (a text file checks closed first, a binary file the mode).
 * 0, or -1 with the error set and the lock not held. */
static int enter(FtFileObject *f, int need, const char *op)
{
    if (io_lock(f) < 0)
        return -1;
    int closed = f->fd < 0;
    int missing = (need == NEED_READ && !f->readable) ||
                  (need == NEED_WRITE && !f->writable);
    if (!closed && !missing)
        return 0;
    io_unlock(f);
    if (f->text && closed)
        err_closed();
    else if (f->text)
        err_unsupported(strcmp(op, "truncate") == 0 ? op
                        : need == NEED_READ         ? "not readable"
                                                    : "not writable");
    else if (missing && !(closed && strcmp(op, "truncate") == 0))
        err_unsupported(need == NEED_READ ? "read" : op);
    else
        err_closed_binary(op);
    return -1;
}

/* size argument of read()/readline(): None or an int; -1 means no limit. */
static int size_arg(FtObject *const *args, size_t nargs, int64_t *n)
{
    *n = -1;
    if (nargs > 0 && args[0] != FT_None &&
        ft_number_as_i64(args[0], n) < 0)
        return -1;
    if (*n < 0)
        *n = -1;
    return 0;
}

/* ---- binary reads and writes ------------------------------------------------- */

static FtObject *bytes_out(FtFileObject *f, size_t n)
{
    if (n == 0) /* rbuf may still be NULL */
        return ft_bytes_from_buf("", 0);
    FtObject *r = ft_bytes_from_buf(f->rbuf + f->rpos, n);
    if (r != NULL)
        f->rpos += n;
    return r;
}

static FtObject *bin_read(FtFileObject *f, int64_t n)
{
    while (n < 0 || f->rlen - f->rpos < (uint64_t)n) {
        ssize_t r = ft_file_fill(f);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    size_t avail = f->rlen - f->rpos;
    return bytes_out(f, n >= 0 && (uint64_t)n < avail ? (size_t)n : avail);
}

static FtObject *bin_readline(FtFileObject *f, int64_t limit)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = f->rlen - f->rpos;
        if (limit >= 0 && avail >= (uint64_t)limit)
            avail = (size_t)limit;
        char *nl = avail > scanned ? memchr(f->rbuf + f->rpos + scanned, '\n',
                                            avail - scanned)
                                   : NULL;
        if (nl != NULL)
            return bytes_out(f, (size_t)(nl - (f->rbuf + f->rpos)) + 1);
        scanned = avail;
        if (limit >= 0 && scanned == (uint64_t)limit)
            return bytes_out(f, scanned);
        ssize_t r = ft_file_fill(f);
        if (r < 0)
            return NULL;
        if (r == 0)
            return bytes_out(f, f->rlen - f->rpos);
    }
}

/* ---- methods ------------------------------------------------------------------- */

static FtObject *file_read(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    int64_t n;
    if (ft_arg_no_kwargs("read", kwnames) < 0 ||
        ft_arg_count("read", nargs, 0, 1) < 0 || size_arg(args, nargs, &n) < 0)
        return NULL;
    if (enter(f, NEED_READ, "read") < 0)
        return NULL;
    FtObject *r = NULL;
    if (ft_file_begin_read(f) == 0)
        r = f->text ? ft_text_read(f, n) : bin_read(f, n);
    io_unlock(f);
    return r;
}

static FtObject *readline_locked(FtFileObject *f, int64_t limit)
{
    if (ft_file_begin_read(f) < 0)
        return NULL;
    return f->text ? ft_text_readline(f, limit) : bin_readline(f, limit);
}

static FtObject *file_readline(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    int64_t n;
    if (ft_arg_no_kwargs("readline", kwnames) < 0 ||
        ft_arg_count("readline", nargs, 0, 1) < 0)
        return NULL;
    if (f->text && nargs > 0 && args[0] == FT_None) {
        (void)ft_number_as_i64(args[0], &n); /* CPython's TypeError */
        return NULL;
    }
    if (size_arg(args, nargs, &n) < 0)
        return NULL;
    if (enter(f, NEED_READ, "readline") < 0)
        return NULL;
    FtObject *r = readline_locked(f, n);
    io_unlock(f);
    return r;
}

static ssize_t item_size(FtFileObject *f, FtObject *line)
{
    return f->text ? FT_STR_LEN(line) : FT_BYTES_SIZE(line);
}

static FtObject *file_readlines(FtObject *self, FtObject *const *args,
                                size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    int64_t hint;
    if (ft_arg_no_kwargs("readlines", kwnames) < 0 ||
        ft_arg_count("readlines", nargs, 0, 1) < 0 ||
        size_arg(args, nargs, &hint) < 0)
        return NULL;
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    if (enter(f, NEED_READ, "readlines") < 0) {
        FT_DECREF(list);
        return NULL;
    }
    int64_t total = 0;
    for (;;) {
        FtObject *line = readline_locked(f, -1);
        if (line == NULL) {
            FT_CLEAR(list);
            break;
        }
        ssize_t len = item_size(f, line);
        int r = len > 0 ? ft_list_append(list, line) : 0;
        FT_DECREF(line);
        if (r < 0) {
            FT_CLEAR(list);
            break;
        }
        total += len;
        if (len == 0 || (hint > 0 && total >= hint))
            break;
    }
    io_unlock(f);
    return list;
}

static FtObject *file_iter(FtObject *self)
{
    if (fd_of(self) < 0)
        return err_closed();
    return FT_NEWREF(self);
}

static FtObject *file_iternext(FtObject *self)
{
    FtFileObject *f = FILE_OF(self);
    if (enter(f, NEED_READ, "readline") < 0)
        return NULL;
    FtObject *line = readline_locked(f, -1);
    io_unlock(f);
    if (line != NULL && item_size(f, line) == 0)
        FT_CLEAR(line); /* the end: NULL without an error */
    return line;
}

static FtObject *file_write(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    if (ft_arg_no_kwargs("write", kwnames) < 0 ||
        ft_arg_count("write", nargs, 1, 1) < 0)
        return NULL;
    FtObject *s = args[0];
    if (f->text && !FT_STR_CHECK(s)) {
        ft_err_format(FtExc_TypeError, "write() argument must be str, not %s",
                      ft_type_name(FT_TYPE(s)));
        return NULL;
    }
    /* A bytearray's view is a snapshot: no other lock is held below. */
    FtBytesView view = {NULL, 0, NULL};
    if (!f->text && ft_bytes_view_required(s, &view) < 0)
        return NULL;
    int r = enter(f, NEED_WRITE, "write");
    if (r == 0) {
        r = ft_file_begin_write(f);
        if (r == 0 && f->text)
            r = ft_text_write(f, s);
        else if (r == 0)
            r = ft_file_put(f, view.p, (size_t)view.n);
        io_unlock(f);
    }
    ssize_t n = f->text ? FT_STR_LEN(s) : view.n;
    if (!f->text)
        ft_bytes_view_release(&view);
    return r < 0 ? NULL : ft_int_from_i64(n);
}

static FtObject *file_writelines(FtObject *self, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames)
{
    if (ft_arg_no_kwargs("writelines", kwnames) < 0 ||
        ft_arg_count("writelines", nargs, 1, 1) < 0)
        return NULL;
    if (fd_of(self) < 0)
        return err_closed();
    FtObject *it = ft_object_iter(args[0]);
    if (it == NULL)
        return NULL;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        FtObject *r = file_write(self, &item, 1, NULL);
        FT_DECREF(item);
        if (r == NULL)
            break;
        FT_DECREF(r);
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *file_flush(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    if (ft_arg_count("flush", nargs, 0, 0) < 0 ||
        enter(f, NEED_NONE, "flush") < 0)
        return NULL;
    int r = ft_file_flush_locked(f);
    io_unlock(f);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static int is_seekable(FtFileObject *f)
{
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return f->seekable;
}

static FtObject *file_tell(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    if (ft_arg_count("tell", nargs, 0, 0) < 0 ||
        enter(f, NEED_NONE, "tell") < 0)
        return NULL;
    int64_t pos = ft_file_tell_locked(f);
    io_unlock(f);
    return pos < 0 ? NULL : ft_int_from_i64(pos);
}

/* Text files only seek to a cookie tell() gave (here: a byte offset) or to
 * the start or end, as CPython's TextIOWrapper. */
static int check_text_seek(int64_t off, int whence)
{
    if (whence == SEEK_CUR && off != 0) {
        err_unsupported("can't do nonzero cur-relative seeks");
        return -1;
    }
    if (whence == SEEK_END && off != 0) {
        err_unsupported("can't do nonzero end-relative seeks");
        return -1;
    }
    if (whence == SEEK_SET && off < 0) {
        ft_err_format(FtExc_ValueError, "negative seek position %lld",
                      (long long)off);
        return -1;
    }
    return 0;
}

static FtObject *file_seek(FtObject *self, FtObject *const *args, size_t nargs,
                           FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    int64_t off;
    int whence = SEEK_SET;
    if (ft_arg_no_kwargs("seek", kwnames) < 0 ||
        ft_arg_count("seek", nargs, 1, 2) < 0 ||
        ft_number_as_i64(args[0], &off) < 0 ||
        (nargs > 1 && ft_number_as_c_int(args[1], &whence) < 0))
        return NULL;
    if (whence < 0 || whence > 2) {
        if (f->text)
            ft_err_format(FtExc_ValueError,
                          "invalid whence (%d, should be 0, 1 or 2)", whence);
        else
            ft_err_format(FtExc_ValueError,
                          "whence value %d unsupported", whence);
        return NULL;
    }
    if (f->text && check_text_seek(off, whence) < 0)
        return NULL;
    if (enter(f, NEED_NONE, "seek") < 0)
        return NULL;
    FtObject *r = NULL;
    if (ft_file_flush_locked(f) == 0) {
        if (whence == SEEK_CUR) /* relative to the logical position */
            off -= (int64_t)(f->rlen - f->rpos);
        off_t pos = lseek(f->fd, (off_t)off, whence);
        if (pos < 0) {
            err_errno(errno);
        } else {
            f->rpos = f->rlen = 0;
            r = ft_int_from_i64((int64_t)pos);
        }
    }
    io_unlock(f);
    return r;
}

static FtObject *file_truncate(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    int64_t size = -1;
    if (ft_arg_no_kwargs("truncate", kwnames) < 0 ||
        ft_arg_count("truncate", nargs, 0, 1) < 0 ||
        (nargs > 0 && args[0] != FT_None &&
         ft_number_as_i64(args[0], &size) < 0))
        return NULL;
    if (enter(f, NEED_WRITE, "truncate") < 0)
        return NULL;
    FtObject *r = NULL;
    if (size < 0)
        size = ft_file_tell_locked(f);
    else if (ft_file_flush_locked(f) < 0)
        size = -1;
    if (size >= 0) {
        if (ftruncate(f->fd, (off_t)size) < 0)
            err_errno(errno);
        else
            r = ft_int_from_i64(size);
    }
    io_unlock(f);
    return r;
}

/* Flushes and closes; the first error wins, the descriptor is closed
 * whatever happens. The lock is held. */
static int close_locked(FtFileObject *f)
{
    if (f->fd < 0)
        return 0;
    int r = f->writable ? ft_file_flush_locked(f) : 0;
    if (f->closefd && close(f->fd) < 0 && r == 0) {
        err_errno(errno);
        r = -1;
    }
    __atomic_store_n(&f->fd, -1, __ATOMIC_RELAXED);
    free(f->rbuf);
    free(f->wbuf);
    f->rbuf = f->wbuf = NULL;
    f->rpos = f->rlen = f->rcap = f->wlen = f->wcap = 0;
    return r;
}

static FtObject *file_close(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    if (ft_arg_count("close", nargs, 0, 0) < 0)
        return NULL;
    if (io_lock(f) < 0)
        return NULL;
    int r = close_locked(f);
    io_unlock(f);
    exit_list_remove(f);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *file_fileno(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    int fd = fd_of(self);
    if (ft_arg_count("fileno", nargs, 0, 0) < 0)
        return NULL;
    return fd < 0 ? err_closed_nodot() : ft_int_from_i64(fd);
}

static FtObject *file_isatty(FtObject *self, FtObject *const *args,
                             size_t nargs, FtObject *kwnames)
{
    int fd = fd_of(self);
    if (ft_arg_count("isatty", nargs, 0, 0) < 0)
        return NULL;
    return fd < 0 ? err_closed() : ft_bool_from(isatty(fd));
}

static FtObject *file_readable(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("readable", nargs, 0, 0) < 0)
        return NULL;
    FtFileObject *f = FILE_OF(self);
    /* Closed: CPython asks the layer that knows only if it can read. */
    return fd_of(self) < 0 && f->readable ? err_closed_nodot()
                                    : ft_bool_from(f->readable);
}

static FtObject *file_writable(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    if (ft_arg_count("writable", nargs, 0, 0) < 0)
        return NULL;
    FtFileObject *f = FILE_OF(self);
    return fd_of(self) < 0 && f->writable ? err_closed_nodot()
                                    : ft_bool_from(f->writable);
}

static FtObject *file_seekable(FtObject *self, FtObject *const *args,
                               size_t nargs, FtObject *kwnames)
{
    FtFileObject *f = FILE_OF(self);
    if (ft_arg_count("seekable", nargs, 0, 0) < 0)
        return NULL;
    if (io_lock(f) < 0)
        return NULL;
    if (f->fd < 0) {
        io_unlock(f);
        return err_closed_nodot();
    }
    int s = is_seekable(f);
    io_unlock(f);
    return ft_bool_from(s);
}

static FtObject *file_enter(FtObject *self, FtObject *const *args,
                            size_t nargs, FtObject *kwnames)
{
    if (fd_of(self) < 0)
        return err_closed();
    return FT_NEWREF(self);
}

static FtObject *file_exit(FtObject *self, FtObject *const *args,
                           size_t nargs, FtObject *kwnames)
{
    FtObject *r = file_close(self, NULL, 0, NULL);
    if (r == NULL)
        return NULL;
    FT_DECREF(r);
    FT_RETURN_NONE; /* never swallows the exception */
}

static FtMethodDef file_methods[] = {
    {"read", file_read, 0, "Read at most size characters/bytes (all if none)."},
    {"readline", file_readline, 0, "Read until newline or end of file."},
    {"readlines", file_readlines, 0, "Return a list of lines from the file."},
    {"write", file_write, 0, "Write a string/bytes; return its length."},
    {"writelines", file_writelines, 0, "Write a list of lines to the file."},
    {"flush", file_flush, 0, "Flush the write buffer."},
    {"seek", file_seek, 0, "Change the position; return the new one."},
    {"tell", file_tell, 0, "Return the current position."},
    {"truncate", file_truncate, 0, "Truncate the file; return the size."},
    {"close", file_close, 0, "Flush and close the file."},
    {"fileno", file_fileno, 0, "Return the file descriptor."},
    {"isatty", file_isatty, 0, "True if the file is a terminal."},
    {"readable", file_readable, 0, "True if the file was opened for reading."},
    {"writable", file_writable, 0, "True if the file was opened for writing."},
    {"seekable", file_seekable, 0, "True if the file supports seek()."},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static FtObject *file_get_closed(FtObject *self)
{
    return ft_bool_from(fd_of(self) < 0);
}
static FtObject *file_get_name(FtObject *self)
{
    return FT_NEWREF(FILE_OF(self)->name);
}
static FtObject *file_get_mode(FtObject *self)
{
    return FT_NEWREF(FILE_OF(self)->mode);
}
static FtObject *file_get_encoding(FtObject *self)
{
    return FT_NEWREF(FILE_OF(self)->encname);
}
static FtObject *file_get_errors(FtObject *self)
{
    return FT_NEWREF(FILE_OF(self)->errors);
}
static FtObject *file_get_line_buffering(FtObject *self)
{
    return ft_bool_from(FILE_OF(self)->line_buffering);
}
static FtObject *file_get_closefd(FtObject *self)
{
    return ft_bool_from(FILE_OF(self)->closefd);
}

static FtGetSetDef binary_getset[] = {
    {"closed", file_get_closed, NULL},
    {"name", file_get_name, NULL},
    {"mode", file_get_mode, NULL},
    {NULL, NULL, NULL},
};

static FtGetSetDef rawio_getset[] = {
    {"closed", file_get_closed, NULL},
    {"name", file_get_name, NULL},
    {"mode", file_get_mode, NULL},
    {"closefd", file_get_closefd, NULL},
    {NULL, NULL, NULL},
};

static FtGetSetDef text_getset[] = {
    {"closed", file_get_closed, NULL},
    {"name", file_get_name, NULL},
    {"mode", file_get_mode, NULL},
    {"encoding", file_get_encoding, NULL},
    {"errors", file_get_errors, NULL},
    {"line_buffering", file_get_line_buffering, NULL},
    {NULL, NULL, NULL},
};

/* ---- repr and dealloc ----------------------------------------------------------- */

static FtObject *file_repr(FtObject *self)
{
    FtFileObject *f = FILE_OF(self);
    const char *tn = FT_TYPE(self)->tp_name;
    if (FT_TYPE(self) == &FtFileIO_Type) {
        if (fd_of(self) < 0)
            return ft_str_from_format("<%s [closed]>", tn);
        return ft_str_from_format("<%s name=%R mode=%R closefd=%s>", tn,
                                  f->name, f->mode,
                                  f->closefd ? "True" : "False");
    }
    if (f->text)
        return ft_str_from_format("<%s name=%R mode=%R encoding=%R>", tn,
                                  f->name, f->mode, f->encname);
    return ft_str_from_format("<%s name=%R>", tn, f->name);
}

/* Writes what wbuf holds, reporting nothing: for a file being freed and
 * for the flush at exit (with exit_list_lock held). The writes keep the
 * GIL and stay out of ALLOW_THREADS on purpose: leaving it (free-threaded
 * builds) lets QSBR run deferred deallocations — which may be how this
 * dealloc was reached, or may free the file being flushed at exit, or
 * another one whose dealloc waits for exit_list_lock. */
static void flush_quietly(FtFileObject *f)
{
    const char *p = f->wbuf;
    size_t n = f->wlen;
    f->wlen = 0;
    while (n > 0) {
        ssize_t k = write(f->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return; /* nobody is left to tell */
        p += k;
        n -= (size_t)k;
    }
}

static void file_dealloc(FtObject *self)
{
    FtFileObject *f = FILE_OF(self);
    exit_list_remove(f);
    if (f->fd >= 0) { /* CPython flushes and closes a file it frees */
        flush_quietly(f);
        if (f->closefd)
            close(f->fd);
        f->fd = -1;
    }
    free(f->rbuf);
    free(f->wbuf);
    FT_CLEAR(f->name);
    FT_CLEAR(f->mode);
    FT_CLEAR(f->encname);
    FT_CLEAR(f->errors);
    ft_object_free(self);
}

void ft_file_flush_all(void)
{
    ft_mutex_lock(&exit_list_lock);
    for (FtFileObject *f = exit_list; f != NULL; f = f->exit_next) {
        /* A file busy in another thread is left to it. */
        if (!ft_mutex_trylock(&f->lock))
            continue;
        if (f->fd >= 0 && f->wlen > 0)
            flush_quietly(f);
        ft_mutex_unlock(&f->lock);
    }
    ft_mutex_unlock(&exit_list_lock);
}

#define FILE_TYPE(CNAME, NAME, GETSET, DOC)                                   \
    FtType CNAME = {                                                           \
        FT_TYPE_HEAD_INIT,                                                     \
        .tp_name = NAME,                                                       \
        .tp_basicsize = sizeof(FtFileObject),                                  \
        .tp_dealloc = file_dealloc,                                            \
        .tp_repr = file_repr,                                                  \
        .tp_iter = file_iter,                                                  \
        .tp_iternext = file_iternext,                                          \
        .tp_methods = file_methods,                                            \
        .tp_getset = GETSET,                                                   \
        .tp_doc = DOC,                                                         \
    };

FILE_TYPE(FtFileIO_Type, "_io.FileIO", rawio_getset,
          "Unbuffered binary file (open() with buffering=0).")
FILE_TYPE(FtBufferedReader_Type, "_io.BufferedReader", binary_getset,
          "Buffered binary file opened for reading.")
FILE_TYPE(FtBufferedWriter_Type, "_io.BufferedWriter", binary_getset,
          "Buffered binary file opened for writing.")
FILE_TYPE(FtBufferedRandom_Type, "_io.BufferedRandom", binary_getset,
          "Buffered binary file opened for reading and writing.")
FILE_TYPE(FtTextIOWrapper_Type, "_io.TextIOWrapper", text_getset,
          "Text file: str in, str out, through an encoding.")

int ft_file_init_types(void)
{
    FtType *types[] = {&FtFileIO_Type, &FtBufferedReader_Type,
                       &FtBufferedWriter_Type, &FtBufferedRandom_Type,
                       &FtTextIOWrapper_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->tp_flags & FT_TPFLAGS_READY) &&
            ft_type_ready(types[i]) < 0)
            return -1;
    return 0;
}

/* ---- open() -------------------------------------------------------------------- */

typedef struct {
    char create, read, write, append, plus, text, binary;
} ModeFlags;

/* Parses mode as CPython does; -1 with ValueError. */
static int parse_mode(FtObject *mode, ModeFlags *m)
{
    memset(m, 0, sizeof *m);
    const char *s = ft_str_cstr(mode);
    int bad = 0;
    for (const char *p = s; *p && !bad; p++) {
        char *flag;
        switch (*p) {
        case 'x': flag = &m->create; break;
        case 'r': flag = &m->read; break;
        case 'w': flag = &m->write; break;
        case 'a': flag = &m->append; break;
        case '+': flag = &m->plus; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL; break;
        }
        if (flag == NULL || *flag)
            bad = 1;
        else
            *flag = 1;
    }
    if (bad || strlen(s) != (size_t)FT_STR_NBYTES(mode)) {
        ft_err_format(FtExc_ValueError, "invalid mode: %R", mode);
        return -1;
    }
    if (m->text && m->binary) {
        ft_err_set_string(FtExc_ValueError,
                          "can't have text and binary mode at once");
        return -1;
    }
    if (*s == '\0') { /* CPython's FileIO words this one */
        ft_err_set_string(FtExc_ValueError,
                          "Must have exactly one of create/read/write/append "
                          "mode and at most one plus");
        return -1;
    }
    if (m->create + m->read + m->write + m->append != 1) {
        ft_err_set_string(FtExc_ValueError,
                          "must have exactly one of create/read/write/append "
                          "mode");
        return -1;
    }
    return 0;
}

static int parse_newline(FtObject *nl)
{
    if (nl == NULL || nl == FT_None)
        return FT_NL_NONE;
    if (!FT_STR_CHECK(nl)) {
        ft_err_format(FtExc_TypeError,
                      "open() argument 'newline' must be str or None, not %s",
                      ft_type_name(FT_TYPE(nl)));
        return -1;
    }
    const char *s = ft_str_cstr(nl);
    if (FT_STR_NBYTES(nl) == 0)
        return FT_NL_EMPTY;
    if (strcmp(s, "\n") == 0)
        return FT_NL_LF;
    if (strcmp(s, "\r") == 0)
        return FT_NL_CR;
    if (strcmp(s, "\r\n") == 0)
        return FT_NL_CRLF;
    ft_err_format(FtExc_ValueError, "illegal newline value: %U", nl);
    return -1;
}

/* The mode string a file shows: text files the one given, binary files
 * the canonical one of CPython's FileIO ("rb", "wb+", ...). */
static FtObject *shown_mode(FtObject *given, const ModeFlags *m)
{
    if (!m->binary)
        return FT_NEWREF(given);
    char buf[4], *p = buf;
    /* "w+b" shows as "rb+": FileIO names what it can do, not how */
    *p++ = m->create ? 'x' : m->append ? 'a' : m->read || m->plus ? 'r' : 'w';
    *p++ = 'b';
    if (m->plus)
        *p++ = '+';
    *p = '\0';
    return ft_str_from_cstr(buf);
}

static FtType *file_type_for(const ModeFlags *m, int64_t buffering)
{
    if (!m->binary)
        return &FtTextIOWrapper_Type;
    if (buffering == 0)
        return &FtFileIO_Type;
    if (m->plus)
        return &FtBufferedRandom_Type;
    return m->read ? &FtBufferedReader_Type : &FtBufferedWriter_Type;
}

static int check_str_arg(const char *what, FtObject *o)
{
    if (o == NULL || o == FT_None || FT_STR_CHECK(o))
        return 0;
    ft_err_format(FtExc_TypeError,
                  "open() argument '%s' must be str or None, not %s", what,
                  ft_type_name(FT_TYPE(o)));
    return -1;
}

/* Checks every argument before anything touches the file system. */
static int check_open_args(FtObject *const *a, ModeFlags *m, int64_t *buffering,
                           int *newline, int *encoding, int *errors)
{
    if (!FT_STR_CHECK(a[1])) {
        ft_err_format(FtExc_TypeError,
                      "open() argument 'mode' must be str, not %s",
                      ft_type_name(FT_TYPE(a[1])));
        return -1;
    }
    if (parse_mode(a[1], m) < 0)
        return -1;
    if (a[2] != NULL && ft_number_as_i64(a[2], buffering) < 0)
        return -1;
    if (check_str_arg("encoding", a[3]) < 0 ||
        check_str_arg("errors", a[4]) < 0 || (*newline = parse_newline(a[5])) < 0)
        return -1;
    if (m->binary) {
        static const char *const what[] = {"an encoding", "an errors",
                                           "a newline"};
        for (int i = 0; i < 3; i++)
            if (a[3 + i] != NULL && a[3 + i] != FT_None) {
                ft_err_format(FtExc_ValueError,
                              "binary mode doesn't take %s argument", what[i]);
                return -1;
            }
        return 0;
    }
    if (*buffering == 0) {
        ft_err_set_string(FtExc_ValueError, "can't have unbuffered text I/O");
        return -1;
    }
    *encoding = FT_ENC_UTF8;
    if (a[3] != NULL && a[3] != FT_None &&
        (*encoding = ft_text_encoding_from_name(a[3])) < 0)
        return -1;
    *errors = FT_ERRORS_STRICT;
    if (a[4] != NULL && a[4] != FT_None &&
        (*errors = ft_text_errors_from_name(a[4])) < 0)
        return -1;
    return 0;
}

static int open_flags(const ModeFlags *m)
{
    int flags = m->plus ? O_RDWR : m->read ? O_RDONLY : O_WRONLY;
    if (m->write)
        flags |= O_CREAT | O_TRUNC;
    if (m->append)
        flags |= O_CREAT | O_APPEND;
    if (m->create)
        flags |= O_CREAT | O_EXCL;
    return flags | O_CLOEXEC;
}

/* Opens path; the descriptor, or -1 with the OSError set. */
static int open_path(FtObject *path, int flags)
{
    const char *s = ft_str_cstr(path);
    if (strlen(s) != (size_t)FT_STR_NBYTES(path)) {
        ft_err_set_string(FtExc_ValueError, "embedded null byte");
        return -1;
    }
    int fd, err;
    FT_BEGIN_ALLOW_THREADS
    do
        fd = open(s, flags, 0666);
    while (fd < 0 && errno == EINTR);
    err = errno;
    FT_END_ALLOW_THREADS
    if (fd < 0) {
        ft_err_set_from_errno_filename(err, path);
        return -1;
    }
    struct stat st; /* Linux opens a directory for reading: CPython refuses */
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        ft_err_set_from_errno_filename(EISDIR, path);
        return -1;
    }
    return fd;
}

FtObject *ft_file_open(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames)
{
    static const char *const kwlist[] = {"file",   "mode",    "buffering",
                                         "encoding", "errors", "newline",
                                         "closefd", NULL};
    FtObject *a[7];
    if (ft_arg_parse("open", args, nargs, kwnames, kwlist, 1, 7, a) < 0 ||
        ft_file_init_types() < 0)
        return NULL;
    FtObject *default_mode = NULL;
    if (a[1] == NULL && (a[1] = default_mode = ft_str_from_cstr("r")) == NULL)
        return NULL;
    ModeFlags m;
    int64_t buffering = -1;
    int newline = FT_NL_NONE, encoding = FT_ENC_UTF8, closefd = 1;
    int errors = FT_ERRORS_STRICT;
    FtFileObject *f = NULL;
    int fd = -1;
    if (check_open_args(a, &m, &buffering, &newline, &encoding, &errors) < 0 ||
        (a[6] != NULL && (closefd = ft_object_is_true(a[6])) < 0))
        goto fail;
    FtObject *file = a[0];
    if (FT_INT_CHECK(file)) {
        int64_t v;
        if (ft_number_as_i64(file, &v) < 0)
            goto fail;
        if (v < 0 || v > INT32_MAX) {
            ft_err_set_string(FtExc_ValueError, "negative file descriptor");
            goto fail;
        }
        fd = (int)v;
    } else if (FT_STR_CHECK(file)) {
        if (!closefd) {
            ft_err_set_string(FtExc_ValueError,
                              "Cannot use closefd=False with file name");
            goto fail;
        }
        if ((fd = open_path(file, open_flags(&m))) < 0)
            goto fail;
    } else {
        ft_err_format(FtExc_TypeError,
                      "expected str, bytes or os.PathLike object, not %s",
                      ft_type_name(FT_TYPE(file)));
        goto fail;
    }
    f = (FtFileObject *)ft_object_new(file_type_for(&m, buffering));
    if (f == NULL)
        goto fail;
    f->fd = fd;
    fd = -1;
    f->readable = m.read || m.plus;
    f->writable = !m.read || m.plus;
    f->appending = m.append;
    f->closefd = (char)closefd;
    f->text = !m.binary;
    f->seekable = -1;
    f->encoding = (char)encoding;
    f->newline = (char)newline;
    f->errors_mode = (char)errors;
    f->line_buffering = f->text && buffering == 1;
    f->bufsize = buffering > 1 ? (size_t)buffering : DEFAULT_BUFSIZE;
    if (!f->text && buffering == 0)
        f->bufsize = 0; /* FileIO: every write goes straight out */
    f->name = FT_NEWREF(file);
    f->mode = shown_mode(a[1], &m);
    if (f->text) {
        /* The locale is not consulted: ftpy is always in CPython's UTF-8
         * mode (PEP 540), where the default shows as 'utf-8'. */
        f->encname = a[3] != NULL && a[3] != FT_None
                         ? FT_NEWREF(a[3])
                         : ft_str_from_cstr("utf-8");
        f->errors = a[4] != NULL && a[4] != FT_None
                        ? FT_NEWREF(a[4])
                        : ft_str_from_cstr("strict");
    }
    if (f->mode == NULL || (f->text && (!f->encname || !f->errors)))
        goto fail;
    if (f->appending && lseek(f->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        err_errno(errno);
        goto fail;
    }
    if (f->writable)
        exit_list_add(f);
    FT_XDECREF(default_mode);
    return (FtObject *)f;
fail:
    if (fd >= 0 && FT_STR_CHECK(a[0]))
        close(fd);
    FT_XDECREF(f);
    FT_XDECREF(default_mode);
    return NULL;
}
