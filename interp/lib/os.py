"""OS routines for ftpy: the system calls of the posix module, os.path
(posixpath), os.environ and getenv, makedirs, walk and stat results, under
CPython's names.
"""
import sys
import posix
import posixpath as path
from posix import (getcwd, chdir, listdir, remove, unlink, rmdir, mkdir,
                   rename, replace, access, getpid, getppid, cpu_count,
                   strerror, urandom, _exit, F_OK, R_OK, W_OK, X_OK)

sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class stat_result(tuple):
    """The result of os.stat(): a 10-tuple (mode, ino, dev, nlink, uid,
    gid, size, atime, mtime, ctime, times as ints) with st_* attributes
    (st_atime, st_mtime, st_ctime as floats)."""

    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid',
               'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, values):
        self = tuple.__new__(cls, values[:10])
        self.st_atime, self.st_mtime, self.st_ctime = values[10:13]
        self.st_blksize, self.st_blocks, self.st_rdev = values[13:16]
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])

    def __repr__(self):
        fields = ', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))
        return f'os.stat_result({fields})'


def stat(path):
    """Perform a stat system call on the given path."""
    return stat_result(posix.stat(path))


def lstat(path):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(posix.lstat(path))


def fspath(path):
    """Return the file system representation of the path."""
    if isinstance(path, str):
        return path
    if hasattr(type(path), '__fspath__'):
        return type(path).__fspath__(path)
    raise TypeError("expected str, bytes or os.PathLike object, not "
                    + type(path).__name__)


class _Environ(dict):
    """os.environ: a dict of the environment whose changes reach the
    process environment (putenv/unsetenv), so child processes see them."""

    def __setitem__(self, key, value):
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError("str expected, not "
                            + type(value if isinstance(key, str)
                                   else key).__name__)
        posix.putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        posix.unsetenv(key)

    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'


environ = _Environ(posix.environ)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default."""
    return environ.get(key, default)


def putenv(key, value):
    """Change or add an environment variable (os.environ does not see it)."""
    posix.putenv(key, value)


def makedirs(name, mode=0o777, exist_ok=False):
    """Super-mkdir: create a leaf directory and all intermediate ones.
    With exist_ok false, an existing leaf directory raises FileExistsError."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # another thread or process made it meanwhile
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: for each directory under top (top
    included) yields (dirpath, dirnames, filenames). With topdown the
    caller may prune dirnames in place; errors from listdir go to onerror
    (an OSError argument) or are ignored."""
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for name in names:
        (dirs if path.isdir(path.join(top, name)) else nondirs).append(name)
    if topdown:
        yield top, dirs, nondirs
    for name in dirs:
        new_path = path.join(top, name)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


def removedirs(name):
    """Remove a leaf directory and then its empty parents."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)
