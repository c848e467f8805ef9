# File objects leave no references behind: a class-free program (the temp
# directory is handled with posix, not os, whose classes are cycles) that
# goes through text and binary reads and writes, seeks, codecs and the
# errors open() raises, for tests/refs.test in debug builds.
import posix

tmp = '/tmp/ftpy-files-refs-%d' % posix.getpid()
posix.mkdir(tmp)
path = tmp + '/r.txt'

with open(path, 'w', newline='\r\n') as f:
    f.write('one\ntwo é\nthree\r')
    f.writelines(['four\n', 'five'])
    print(f.tell())
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(path, newline=nl) as f:
        print(repr(nl), f.readline(), f.readline(2), len(f.read(3)),
              f.readlines(), f.tell())
with open(path, 'r+') as f:
    first = f.readline()
    pos = f.tell()
    f.seek(0, 2)
    f.write('!')
    f.seek(pos)
    print(repr(first), repr(f.read()))
    print(f.truncate(5), f.seek(0), repr(f.read()))
with open(path, 'rb') as f:
    print(f.read(2), f.readline(), list(f), f.seek(-2, 2), f.read())
with open(path, 'ab+') as f:
    f.write(bytearray(b'xyz'))
    f.seek(0)
    print(f.read(), repr(f)[:20])
with open(path, 'rb', buffering=0) as f:
    print(f.read(), f.closefd)
with open(path, 'w', encoding='latin-1', errors='replace') as f:
    f.write('a€b\xe9\n')
for enc, errors in [('utf-8', 'strict'), ('utf-8', 'backslashreplace'),
                    ('ascii', 'ignore')]:
    try:
        with open(path, encoding=enc, errors=errors) as f:
            print(enc, errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e.start, e.end, e)
try:
    with open(path, 'w', encoding='ascii') as f:
        f.write('é')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
for args in [(tmp + '/missing',), (tmp,), (path, 'rw'), (path, 'rb', 0, 'utf-8')]:
    try:
        open(*args)
    except (OSError, ValueError) as e:
        print(type(e).__name__, str(e).replace(tmp, 'TMP'))
f = open(path)
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
g = open(path, 'w')
g.write('dropped without close')
del g
print(open(path).read())
posix.remove(path)
posix.rmdir(tmp)
