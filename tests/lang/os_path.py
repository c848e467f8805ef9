# os.path: the string functions on many inputs, and the file-system
# queries. Works in a temporary directory it removes.
import os

paths = ['', '/', '//', '///', 'a', '/a', 'a/', '/a/b', '/a/b/', 'a/b/c.txt',
         '.bashrc', 'a/.bashrc', 'a/b.tar.gz', '..', '../x', './x/./y',
         '/a//b///c', 'a/../b', '/../x', '//a/b', 'x/..', 'a/b/../../..',
         '...', 'a/...', 'a.b/c', '/.', '.']
for p in paths:
    print(repr(p), os.path.split(p), os.path.splitext(p), repr(os.path.basename(p)),
          repr(os.path.dirname(p)), repr(os.path.normpath(p)), os.path.isabs(p))

print(os.path.join('a'), os.path.join('a', 'b'), os.path.join('a/', 'b'),
      os.path.join('a', '/b', 'c'), os.path.join('', 'x'), os.path.join('a', ''),
      os.path.join('/', 'etc', 'passwd'), os.path.join('a', 'b', 'c', 'd'))
print(os.path.abspath('/x/../y') , os.path.abspath('.') == os.getcwd(),
      os.path.abspath('q') == os.path.join(os.getcwd(), 'q'))
print(os.path.expanduser('no-tilde'), os.path.expanduser('~other/x'))
try:
    os.path.join('a', 5)
except TypeError as e:
    print('TypeError', e)

tmp = '/tmp/ftpy-ospath-%d' % os.getpid()
os.mkdir(tmp)
f = os.path.join(tmp, 'file.txt')
with open(f, 'w') as fh:
    fh.write('x' * 1234)
print(os.path.exists(tmp), os.path.exists(f), os.path.exists(f + 'x'))
print(os.path.isfile(f), os.path.isfile(tmp), os.path.isfile(f + 'x'))
print(os.path.isdir(f), os.path.isdir(tmp), os.path.isdir(f + 'x'))
print(os.path.islink(f), os.path.lexists(f), os.path.getsize(f))
print(abs(os.path.getmtime(f) - os.stat(f).st_mtime) < 1e-6)
try:
    os.path.getsize(f + 'x')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename == f + 'x')
os.remove(f)
os.rmdir(tmp)
print(os.path.exists(tmp))
