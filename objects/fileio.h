/* objects/fileio.h — file objects made by open(): one C object per open
 * file (no raw/buffered/text layers as in CPython's io), shown to Python as
 * _io.FileIO, _io.BufferedReader/Writer/Random or _io.TextIOWrapper after
 * the mode. objects/fileio.c owns the object, its buffer and the system
 * calls; objects/textio.c the text layer (codecs and newlines).
 *
 * Locking. Every method runs with the file's own I/O lock (`lock`) held,
 * in every build: the buffer must stay put while a read() or write()
 * system call runs without the GIL (GIL builds) or with the thread's
 * critical sections suspended (free-threaded builds, runtime/lock.h), and
 * a critical section cannot span such a call — runtime/lock.h requires a
 * thread to suspend its sections before it blocks, which would let another
 * thread into the buffer. A thread that finds the I/O lock taken waits for
 * it the same way (GIL released, sections suspended), so waiting threads
 * never hold the GIL or an object lock: no deadlock with the thread that
 * holds the I/O lock and needs those to finish. Holding the lock across the
 * whole method makes each call atomic: two threads writing lines to one
 * file never lose or interleave bytes within one write() call, and two
 * threads reading lines from one file each get whole lines. No Python code
 * runs with the lock held (arguments are converted before it is taken).
 */
#ifndef FT_OBJECTS_FILEIO_H
#define FT_OBJECTS_FILEIO_H

#include "objects/object.h"
#include "runtime/lock.h"

enum { FT_ENC_UTF8, FT_ENC_LATIN1, FT_ENC_ASCII };
/* newline=: None (universal, translated), '' (universal, untranslated),
 * '\n', '\r', '\r\n'. */
enum { FT_NL_NONE, FT_NL_EMPTY, FT_NL_LF, FT_NL_CR, FT_NL_CRLF };
/* errors=: the codec error handlers text files support. */
enum {
    FT_ERRORS_STRICT,
    FT_ERRORS_IGNORE,
    FT_ERRORS_REPLACE,
    FT_ERRORS_BACKSLASH
};

typedef struct FtFileObject {
    FT_OBJECT_HEAD
    FtMutex lock; /* the I/O lock: see above */
    void *owner;  /* the FtThreadState holding it, or NULL */
    int fd;       /* -1 once closed */
    char readable, writable, appending, closefd, text, line_buffering;
    char seekable; /* -1 until asked */
    char encoding, newline, errors_mode;
    FtObject *name;     /* as given to open(): str or int */
    FtObject *mode;     /* str, as shown by .mode */
    FtObject *encname;  /* str, as shown by .encoding (text only) */
    FtObject *errors;   /* str (text only) */
    /* Bytes read ahead of the logical position: rbuf[rpos..rlen). */
    char *rbuf;
    size_t rpos, rlen, rcap;
    /* Bytes written but not yet handed to the system. */
    char *wbuf;
    size_t wlen, wcap;
    size_t bufsize; /* flush once wbuf holds this much */
    /* The list of open files that are flushed at exit. */
    struct FtFileObject *exit_prev, *exit_next;
} FtFileObject;

extern FtType FtFileIO_Type;
extern FtType FtBufferedReader_Type;
extern FtType FtBufferedWriter_Type;
extern FtType FtBufferedRandom_Type;
extern FtType FtTextIOWrapper_Type;

/* open(file, mode='r', buffering=-1, encoding=None, errors=None,
 *      newline=None, closefd=True) */
FtObject *ft_file_open(FtObject *self, FtObject *const *args, size_t nargs,
                       FtObject *kwnames);
/* Readies the file types (idempotent). 0 / -1. */
int ft_file_init_types(void);
/* io.UnsupportedOperation (borrowed; created on first use, kept for good). */
FtObject *ft_io_unsupported_operation(void);
/* Flushes every file still open (at exit; CPython flushes on dealloc). */
void ft_file_flush_all(void);

/* ---- shared between fileio.c and textio.c (the I/O lock held) ---------- */

/* Reads more bytes into rbuf; returns how many (0 at end of file) or -1
 * with OSError set. */
ssize_t ft_file_fill(FtFileObject *f);
/* Appends bytes to wbuf and flushes when it is full. 0 / -1. */
int ft_file_put(FtFileObject *f, const char *s, size_t n);
/* Hands wbuf to the system. 0 / -1. */
int ft_file_flush_locked(FtFileObject *f);
/* Readies f for reading / writing (flushes pending writes, or gives back
 * read-ahead). 0 / -1. */
int ft_file_begin_read(FtFileObject *f);
int ft_file_begin_write(FtFileObject *f);
/* The byte offset in the file of the next unread byte (after a flush). */
int64_t ft_file_tell_locked(FtFileObject *f);

/* textio.c: text reads and writes; the I/O lock held, f->text set. */
FtObject *ft_text_read(FtFileObject *f, int64_t nchars);     /* -1: all */
FtObject *ft_text_readline(FtFileObject *f, int64_t limit);  /* -1: none */
int ft_text_write(FtFileObject *f, FtObject *str);           /* 0 / -1 */
/* Parses errors= ("strict", "ignore", "replace", "backslashreplace")
 * into FT_ERRORS_*, or -1 with ValueError. */
int ft_text_errors_from_name(FtObject *name);
/* Parses an encoding name ("utf-8", "latin-1", "ascii" and their aliases)
 * into FT_ENC_*, or -1 with LookupError. */
int ft_text_encoding_from_name(FtObject *name);

#endif
