# open() in binary mode: bytes in and out, the Buffered*/FileIO classes,
# read(n)/readline/iteration, seek/tell with whence, append, '+' modes.
# Works in a temporary directory it removes.
# refs: cycles (os.py and io.UnsupportedOperation are classes)
import io
import os

tmp = '/tmp/ftpy-files-bin-%d' % os.getpid()
os.mkdir(tmp)
os.chdir(tmp)

with open('b.bin', 'wb') as f:
    print(repr(f), type(f).__name__, f.mode, f.name)
    print(f.write(b'\x00\x01\x02 binary\r\n'), f.write(bytearray(b'\xff\xfe')))
    print(f.write(b'line two\nlast'), f.tell())
    print(f.writable(), f.readable(), f.seekable())
    f.writelines([b'!', b'?'])
with open('b.bin', 'rb') as f:
    print(repr(f), type(f).__name__, f.mode)
    data = f.read()
    print(type(data).__name__, len(data), data)
with open('b.bin', 'rb') as f:
    print(f.read(3), f.tell(), f.read(0), f.readline(), f.tell())
    print(f.readline(4), f.readline(), f.readline(), f.readline())
    print(f.read(), f.read(5))
    print(f.seek(-4, 2), f.read(2), f.seek(-3, 1), f.read(1), f.seek(1), f.read(2))
with open('b.bin', 'rb') as f:
    print(list(f))
with open('b.bin', 'rb') as f:
    print(f.readlines())
with open('b.bin', 'rb') as f:
    print(f.readline(None), f.read(None))

# append, x and + modes
with open('b.bin', 'ab') as f:
    print(type(f).__name__, f.mode, f.tell())
    f.write(b'[appended]')
with open('b.bin', 'r+b') as f:
    print(type(f).__name__, f.mode, repr(f))
    print(f.read(4))
    f.write(b'XY')
    f.seek(0)
    print(f.read(8))
    f.seek(0, 2)
    f.write(b'END')
    f.seek(-5, 2)
    print(f.read())
with open('c.bin', 'xb') as f:
    print(type(f).__name__, f.mode)
with open('c.bin', 'w+b') as f:
    print(type(f).__name__, f.mode)
    f.write(bytes(range(256)))
    f.seek(250)
    print(f.read(), f.tell())
    print(f.truncate(10), f.seek(0, 2))
with open('c.bin', 'a+b') as f:
    print(type(f).__name__, f.mode, f.tell())
    f.seek(0)
    print(f.read())

# unbuffered: FileIO
with open('c.bin', 'rb', buffering=0) as f:
    print(repr(f), type(f).__name__, f.mode, f.closefd)
    print(f.read(4), f.read())
print(repr(f))
with open('u.bin', 'wb', 0) as f:
    f.write(b'straight out')
    with open('u.bin', 'rb') as g:
        print(g.read())

# text written, read back as bytes and the other way round
with open('t.txt', 'w', encoding='utf-8') as f:
    f.write('é\n€\n')
with open('t.txt', 'rb') as f:
    raw = f.read()
    print(raw, raw.decode('utf-8'))
with open('t.txt', 'wb') as f:
    f.write('naïve\r\nline\r\n'.encode('utf-8'))
with open('t.txt') as f:
    print(f.readlines())

# errors
def attempt(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        print(type(e).__name__, '|', e)
    else:
        print('no error')

with open('b.bin', 'rb') as f:
    attempt(f.write, b'x')
    attempt(f.seek, 0, 5)
    attempt(f.seek, -100)
with open('b.bin', 'ab') as f:
    attempt(f.write, 'text')
    attempt(f.write, 5)
    attempt(f.read)
    attempt(f.readline)
f = open('b.bin', 'rb')
f.close()
for name in ['read', 'readline', 'tell', 'flush', 'truncate', 'readable',
             'writable', 'seekable', 'fileno']:
    attempt(getattr(f, name))
attempt(f.seek, 0)
attempt(f.write, b'x')
attempt(next, f)

for name in sorted(os.listdir('.')):
    os.remove(name)
os.chdir('/')
os.rmdir(tmp)
