# The os module: directories, files, renames, stat, environ, process
# facts, and the OSError subclasses its calls raise. Works in a temporary
# directory it removes.
import os
import sys

print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir,
      os.pathsep, os.extsep, os.altsep, os.devnull)
print(os.path is sys.modules['os.path'], os.path.__name__)

start = os.getcwd()
tmp = '/tmp/ftpy-os-%d' % os.getpid()
print(os.path.exists(tmp))
os.mkdir(tmp)
os.chdir(tmp)
print(os.getcwd() == tmp)
print(os.listdir(), os.listdir('.'), os.listdir(tmp))

# makedirs
os.makedirs('a/b/c')
os.makedirs('a/b/c', exist_ok=True)
os.makedirs(os.path.join(tmp, 'a', 'b2'), 0o755)
try:
    os.makedirs('a/b/c')
except FileExistsError as e:
    print('FileExistsError', e.errno, e.strerror, e.filename)
print(sorted(os.listdir('a')), os.listdir('a/b/c'))

# walk, top-down and bottom-up, with pruning and onerror
with open('a/b/w.txt', 'w') as f:
    f.write('w')
for top, dirs, files in os.walk('a'):
    dirs.sort()
    print(top, dirs, sorted(files))
up = [t for t, d, f in os.walk('a', topdown=False)]
print(sorted(up), up[-1], up.index('a/b/c') < up.index('a/b'))
for top, dirs, files in os.walk('a'):
    dirs[:] = [d for d in dirs if d != 'b']
    print('pruned', top, dirs)
errors = []
print(list(os.walk('nope', onerror=errors.append)), [e.errno for e in errors])
os.remove('a/b/w.txt')

# files: create, stat, rename, remove
with open('a/f.txt', 'w') as f:
    f.write('12345')
st = os.stat('a/f.txt')
print(type(st).__name__, st.st_size, st[6], len(st), st.st_mode & 0o170000)
print(type(st.st_mtime).__name__, type(st[8]).__name__,
      int(st.st_mtime) == st[8], st.st_nlink)
print(repr(st).startswith('os.stat_result(st_mode='))
print(os.stat('a').st_mode & 0o170000 == 0o040000)
os.rename('a/f.txt', 'a/g.txt')
print(sorted(os.listdir('a')))
os.replace('a/g.txt', 'a/h.txt')
os.unlink('a/h.txt')
print(sorted(os.listdir('a')))

# errors carry errno, strerror and filename(s)
def attempt(fn, *args):
    try:
        fn(*args)
    except OSError as e:
        print(fn.__name__, type(e).__name__, e.errno, e.strerror,
              e.filename, e.filename2)
        print('   ', e)
    else:
        print(fn.__name__, 'no error')

attempt(os.remove, 'missing.txt')
attempt(os.unlink, 'a')
attempt(os.rmdir, 'a')
attempt(os.rmdir, 'nope')
attempt(os.mkdir, 'a')
attempt(os.listdir, 'nope')
attempt(os.chdir, 'nope')
attempt(os.rename, 'nope', 'other')
attempt(os.stat, 'nope')
attempt(os.listdir, 'a/b/c/x/y')
with open('file', 'w') as f:
    f.write('x')
attempt(os.listdir, 'file')
attempt(os.mkdir, 'file/sub')
attempt(os.rmdir, 'file')
attempt(os.mkdir, '/proc/ftpy-no-such/dir')
try:
    os.stat(5.5)
except TypeError as e:
    print('TypeError', e)

# environ and getenv
print(type(os.environ).__name__ == '_Environ', 'PATH' in os.environ)
print(os.environ.get('FTPY_SURELY_UNSET'), os.getenv('FTPY_SURELY_UNSET'),
      os.getenv('FTPY_SURELY_UNSET', 'default'))
os.environ['FTPY_TEST_VAR'] = 'value'
print(os.environ['FTPY_TEST_VAR'], os.getenv('FTPY_TEST_VAR'))
del os.environ['FTPY_TEST_VAR']
print(os.getenv('FTPY_TEST_VAR'))
try:
    os.environ['FTPY_TEST_VAR'] = 5
except TypeError as e:
    print('TypeError', e)
print(os.environ.get('HOME') == os.path.expanduser('~'))

# process facts
print(type(os.getpid()).__name__, os.getpid() > 1, os.getppid() > 0,
      os.getpid() != os.getppid())
print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
print(os.strerror(2), '|', os.strerror(13))
print(os.access('.', os.F_OK), os.access('nope', os.F_OK))
print(os.fspath('p'))
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)), r != os.urandom(16))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)

# clean up
os.remove('file')
os.rmdir('a/b/c')
os.removedirs('a/b')
os.rmdir('a/b2')
os.rmdir('a')
os.chdir(start)
os.rmdir(tmp)
print(os.path.exists(tmp), os.getcwd() == start)
