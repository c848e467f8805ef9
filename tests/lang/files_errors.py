# Errors from open() and file objects: missing files, directories,
# permissions, bad modes and arguments, closed files, unsupported
# operations. Works in a temporary directory it removes.
# refs: cycles (os.py and io.UnsupportedOperation are classes)
import io
import os

tmp = '/tmp/ftpy-files-err-%d' % os.getpid()
os.mkdir(tmp)
path = os.path.join(tmp, 'f.txt')
with open(path, 'w') as f:
    f.write('data\n')


def attempt(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception as e:
        fn_ = getattr(e, 'filename', None)
        if isinstance(fn_, str):
            e.filename = fn_.replace(tmp, 'TMP')
        print(type(e).__name__, '|', e, '|', getattr(e, 'errno', '-'),
              getattr(e, 'strerror', '-'))
    else:
        print('no error')


attempt(open, os.path.join(tmp, 'missing.txt'))
attempt(open, os.path.join(tmp, 'no', 'dir.txt'), 'w')
attempt(open, tmp)
attempt(open, tmp, 'w')
attempt(open, path + '/sub')
# a write into a directory that does not exist fails for root too
attempt(open, '/proc/ftpy-no-such/file', 'w')
try:
    open(os.path.join(tmp, 'missing.txt'))
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename == os.path.join(tmp, 'missing.txt'))
    print(isinstance(e, OSError), isinstance(e, IOError), e.args)

# bad modes and arguments
for mode in ['rw', 'rr', 'q', 'rtb', 'r+w', '', 'aw', 'bt', 'wx', 'U', 1]:
    attempt(open, path, mode)
attempt(open, path, 'rb', encoding='utf-8')
attempt(open, path, 'wb', errors='strict')
attempt(open, path, 'rb', newline='\n')
attempt(open, path, 'r', buffering=0)
attempt(open, path, encoding=5)
attempt(open, ['a list'])
attempt(open, path, closefd=False)
attempt(open, 'nul\0byte')
attempt(open)

# operations on a closed file
f = open(path)
f.close()
f.close()  # closing twice is fine
for name in ['read', 'readline', 'readlines', 'tell', 'fileno', 'flush',
             'readable', 'writable', 'seekable', '__enter__']:
    attempt(getattr(f, name))
attempt(f.write, 'x')
attempt(f.seek, 0)
attempt(iter, f)
attempt(next, f)
print(f.closed)

# unsupported operations
with open(path, 'w') as f:
    attempt(f.read)
    attempt(f.readline)
    attempt(f.readlines)
    attempt(next, f)
    attempt(f.write, 5)
with open(path) as f:
    attempt(f.write, 'x')
    attempt(f.writelines, ['x'])
    attempt(f.truncate)
    attempt(f.seek, 1, 1)
    attempt(f.seek, -1, 2)
    attempt(f.seek, -1)
    attempt(f.seek, 0, 3)
    print(f.seek(0, 1), f.seek(0, 2), f.seek(0))
try:
    with open(path) as f:
        f.write('x')
except io.UnsupportedOperation as e:
    print('io.UnsupportedOperation', e)
    print(isinstance(e, OSError), isinstance(e, ValueError))
    print(io.UnsupportedOperation.__mro__[1:3])

os.remove(path)
os.rmdir(tmp)

# an uncaught one: CPython's traceback and exit status
open('/tmp/ftpy-no-such-dir/missing.txt')
