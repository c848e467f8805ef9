# open() in text mode: every mode, read/readline/readlines/iteration,
# write/writelines, seek/tell, flush, attributes, repr, context manager,
# print(file=). Works in a temporary directory it removes.
import os

tmp = '/tmp/ftpy-files-text-%d' % os.getpid()
os.mkdir(tmp)
os.chdir(tmp)


def show(name):
    with open(name) as f:
        print(repr(f.read()))


# 'w' creates and truncates; write returns the number of characters
f = open('a.txt', 'w')
print(repr(f), f.name, f.mode, f.encoding, f.errors, f.closed)
print(f.readable(), f.writable(), f.seekable(), type(f.fileno()).__name__)
print(f.write('line one\n'), f.write('ligne deux, été\n'), f.write(''))
f.writelines(['three\n', 'four\n', 'five'])
f.close()
print(f.closed, repr(f))
show('a.txt')
with open('a.txt', 'w') as f:
    f.write('short\n')
show('a.txt')

# 'r' (the default) and 'rt'
with open('a.txt', 'w') as f:
    f.write('alpha\nbeta\ngamma\n\ndelta')
with open('a.txt') as f:
    print(f.mode, f.readable(), f.writable())
    print(repr(f.readline()), repr(f.readline()))
    print(repr(f.read(3)), repr(f.read(0)), repr(f.read(-1)))
    print(repr(f.read()), repr(f.readline()))
with open('a.txt', 'rt') as f:
    print(f.mode, f.readlines())
with open('a.txt') as f:
    print(f.readlines(8))
with open('a.txt') as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open('a.txt') as f:
    print(repr(f.readline(3)), repr(f.readline(3)), repr(f.readline(-1)))
    try:
        f.readline(None)
    except TypeError as e:
        print(e)
with open('a.txt') as f:
    print([len(l) for l in f])

# 'a' appends, also after reopening
with open('a.txt', 'a') as f:
    print(f.tell())
    f.write('\nepsilon\n')
    print(f.tell())
with open('a.txt', 'a') as f:
    f.write('zeta\n')
show('a.txt')

# 'x' creates, and fails if the file exists
with open('new.txt', 'x') as f:
    f.write('fresh')
show('new.txt')
try:
    open('new.txt', 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)

# '+' modes
with open('rw.txt', 'w+') as f:
    f.write('0123456789\nabc\n')
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
    print(f.seek(0, 2), f.tell())
with open('rw.txt', 'r+') as f:
    print(repr(f.read(4)))
    f.seek(4)
    f.write('XY')
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()))
    print(f.seek(0, 1))
with open('rw.txt', 'a+') as f:
    print(f.tell())
    f.write('tail\n')
    f.seek(0)
    print(repr(f.read()))
with open('x2.txt', 'x+') as f:
    f.write('made')
    f.seek(0)
    print(repr(f.read()))

# tell and seek round trip, with multibyte characters
with open('u.txt', 'w') as f:
    f.write('añb€c\nsecond ☃\nthird\n')
with open('u.txt') as f:
    print(repr(f.read(2)), f.tell())
    pos = f.tell()
    print(repr(f.readline()))
    f.seek(pos)
    print(repr(f.readline()), f.tell())
    marks = []
    f.seek(0)
    while True:
        marks.append(f.tell())
        if not f.readline():
            break
    print(marks)
    f.seek(marks[2])
    print(repr(f.read()))

# flush makes writes visible to another reader
f = open('fl.txt', 'w')
f.write('buffered')
with open('fl.txt') as g:
    print(repr(g.read()))
f.flush()
with open('fl.txt') as g:
    print(repr(g.read()))
f.close()

# truncate
with open('fl.txt', 'r+') as f:
    print(f.truncate(3))
    print(repr(f.read()))
show('fl.txt')

# print(file=)
with open('p.txt', 'w') as f:
    print('hello', 42, file=f)
    print('a', 'b', sep='-', end='!\n', file=f)
    print(file=f)
    print('flushed', file=f, flush=True)
show('p.txt')

# the context manager returns the file and closes it, even on errors
with open('p.txt') as f:
    print(f is not None, f.closed)
print(f.closed)
try:
    with open('p.txt') as f:
        raise KeyError('inside')
except KeyError as e:
    print('KeyError', e, f.closed)

# a file never closed is flushed when it is freed
g = open('gc.txt', 'w')
g.write('from a dropped file\n')
del g
show('gc.txt')

# keyword arguments
with open(file='kw.txt', mode='w', encoding='utf-8', newline=None) as f:
    print(repr(f))
    f.write('kw')
with open('kw.txt', 'r', -1, 'UTF-8', 'strict', None, True) as f:
    print(repr(f), f.read())

for name in sorted(os.listdir('.')):
    os.remove(name)
os.chdir('/')
os.rmdir(tmp)
print(os.path.exists(tmp))
