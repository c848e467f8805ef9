# OSError and its subclasses: construction, attributes, str/repr, and the
# errno -> subclass mapping of OSError(errno, ...).
import errno

e = OSError(2, 'No such file or directory', 'x.txt')
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2)
print(e.args, str(e), repr(e))

e = OSError(1, 'Operation not permitted', 'a', None, 'b')
print(type(e).__name__, e.args, str(e), e.filename2)
e = OSError(2, 'msg', None, None, 'b')
print(str(e))
e = OSError('just a message')
print(e.errno, e.strerror, e.filename, str(e), e.args)
e = OSError(1, 2, 3, 4, 5, 6)
print(e.args, e.errno, str(e))
e = OSError()
print(repr(e), str(e), e.errno)

# OSError(errno, ...) picks the subclass; subclasses never switch.
for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM,
             errno.EISDIR, errno.ENOTDIR, errno.EINTR, errno.EAGAIN,
             errno.EWOULDBLOCK, errno.EINPROGRESS, errno.EALREADY,
             errno.ECHILD, errno.EPIPE, errno.ESHUTDOWN,
             errno.ECONNABORTED, errno.ECONNREFUSED, errno.ECONNRESET,
             errno.ESRCH, errno.ETIMEDOUT, errno.EINVAL, errno.ENOSPC]:
    e = OSError(code, 'm')
    print(errno.errorcode[code], type(e).__name__, isinstance(e, OSError))
print(type(FileNotFoundError(13, 'x')).__name__)
class MyError(OSError):
    pass
print(type(MyError(2, 'x')).__name__)
print(type(OSError('2', 'x')).__name__)

# the hierarchy
for cls in [FileNotFoundError, FileExistsError, PermissionError,
            IsADirectoryError, NotADirectoryError, InterruptedError,
            BlockingIOError, ChildProcessError, ProcessLookupError,
            TimeoutError, ConnectionError, BrokenPipeError,
            ConnectionAbortedError, ConnectionRefusedError,
            ConnectionResetError]:
    print(cls.__name__, cls.__bases__[0].__name__, issubclass(cls, OSError))
print(IOError is OSError, EnvironmentError is OSError)

# catching by base class, and attributes after raise
try:
    raise OSError(errno.EEXIST, 'File exists', 'd')
except FileExistsError as e:
    print('caught', e, e.errno == errno.EEXIST)
try:
    raise BrokenPipeError(errno.EPIPE, 'Broken pipe')
except ConnectionError as e:
    print('caught', repr(e))

# attributes are writable
e = OSError(2, 'x')
e.filename = 'f'
e.errno = 5
print(e, e.args)

# the errno module
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EISDIR, errno.EINTR)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EPIPE])
print(len(errno.errorcode) > 100)

raise FileNotFoundError(2, 'No such file or directory', 'gone.txt')
