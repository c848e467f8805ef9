# newline= for text files: universal newlines on read (None), untranslated
# universal ('') and the fixed line ends '\n', '\r', '\r\n'; translation of
# '\n' on write. Works in a temporary directory it removes.
import os

tmp = '/tmp/ftpy-files-newline-%d' % os.getpid()
os.mkdir(tmp)
path = os.path.join(tmp, 'n.txt')

data = 'a\nb\r\nc\rd\r\r\ne\n\nf\r'
with open(path, 'w', newline='') as f:
    f.write(data)

for nl in [None, '', '\n', '\r', '\r\n']:
    with open(path, newline=nl) as f:
        print(repr(nl), 'lines', f.readlines())
    with open(path, newline=nl) as f:
        print(repr(nl), 'read', repr(f.read()))
    with open(path, newline=nl) as f:
        print(repr(nl), 'read(3)', [f.read(3) for i in range(6)])
    with open(path, newline=nl) as f:
        print(repr(nl), 'readline(2)', [f.readline(2) for i in range(6)])
    with open(path, newline=nl) as f:
        print(repr(nl), 'iter', [line for line in f])

# tell() cookies are opaque, but seek() to one gives the same line back,
# also after a \r\n that universal newlines turned into one \n
with open(path) as f:
    marks = []
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            break
        marks.append((pos, line))
    for pos, line in reversed(marks):
        f.seek(pos)
        print(repr(line), f.readline() == line)

# writing: None and '' and '\n' keep '\n'; '\r' and '\r\n' replace it
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(path, 'w', newline=nl) as f:
        print(f.write('x\ny\r\nz\n'), end=' ')
    with open(path, newline='') as f:
        print(repr(nl), repr(f.read()))

# a \r\n split over the read buffer's edge is still one line end
with open(path, 'w', newline='') as f:
    f.write('q' * 8191 + '\r\n' + 'tail\r\n')
with open(path) as f:
    lines = f.readlines()
    print(len(lines), len(lines[0]), repr(lines[0][-3:]), repr(lines[1]))
with open(path, newline='') as f:
    print([len(l) for l in f])

try:
    open(path, newline='x')
except ValueError as e:
    print('ValueError', e)
try:
    open(path, newline=5)
except TypeError as e:
    print('TypeError', e)

os.remove(path)
os.rmdir(tmp)
