# Text file codecs: utf-8 (the default here), latin-1, ascii with
# errors='strict'; decoding and encoding errors. Works in a temporary
# directory it removes.
import os

tmp = '/tmp/ftpy-files-enc-%d' % os.getpid()
os.mkdir(tmp)
path = os.path.join(tmp, 'e.txt')

text = 'plain, café, ñandú, € and ☃ and 😀\n'
with open(path, 'w', encoding='utf-8') as f:
    print(f.encoding, f.write(text))
print(os.path.getsize(path))
with open(path, encoding='utf-8') as f:
    print(f.read() == text, f.tell())
with open(path, encoding='utf-8') as f:
    print([f.read(1) for i in range(10)][-4:])
    print(repr(f.read(20)))

# latin-1: one byte per character
with open(path, 'w', encoding='latin-1') as f:
    f.write('café ñ ÿ\n')
print(os.path.getsize(path))
with open(path, encoding='latin-1') as f:
    print(repr(f.read()))
with open(path, encoding='latin1') as f:
    print(f.encoding, repr(f.readline()))
try:
    with open(path, encoding='utf-8') as f:
        f.read()
except ValueError as e:
    print(type(e).__name__, e.start, e.end, e.reason, '|', e)
try:
    with open(path, encoding='ascii') as f:
        f.read()
except ValueError as e:
    print(type(e).__name__, e.start, e.end, e.reason, '|', e)

# ascii
with open(path, 'w', encoding='ascii') as f:
    f.write('only ascii\n')
with open(path, encoding='ascii') as f:
    print(repr(f.read()))

# encoding errors
for enc, s in [('ascii', 'abc é'), ('ascii', 'xx éé yy'),
               ('latin-1', 'price: 5 €'), ('latin-1', '☃'),
               ('ascii', '😀')]:
    try:
        with open(path, 'w', encoding=enc) as f:
            f.write(s)
    except ValueError as e:
        print(type(e).__name__, e.start, e.end, e.reason, '|', e)

# utf-8 decoding errors
with open(path, 'w', encoding='latin-1') as f:
    f.write('ok\n\xff')
with open(path, encoding='utf-8') as f:
    try:
        f.read()
    except ValueError as e:
        print(type(e).__name__, e.start, e.end, e.reason, '|', e)
with open(path, 'w', encoding='latin-1') as f:
    f.write('ab\xe4\xb8x')
try:
    open(path).read()
except ValueError as e:
    print(type(e).__name__, e.start, e.end, e.reason, '|', e)
with open(path, 'w', encoding='latin-1') as f:
    f.write('abc\xe4\xb8')
try:
    open(path).read()
except ValueError as e:
    print(type(e).__name__, e.start, e.end, e.reason, '|', e)

# unknown encodings
try:
    open(path, encoding='no-such-codec')
except LookupError as e:
    print('LookupError', e)

os.remove(path)
os.rmdir(tmp)
