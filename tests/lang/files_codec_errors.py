# errors= for text files: strict (the default), ignore, replace and
# backslashreplace, on reading and on writing. Works in a temporary
# directory it removes.
import os

tmp = '/tmp/ftpy-files-codec-errors-%d' % os.getpid()
os.mkdir(tmp)
path = os.path.join(tmp, 'e.txt')

raw = 'ok \xff, \xe4\xb8x, caf\xe9, end \xe4\xb8'
with open(path, 'w', encoding='latin-1') as f:
    f.write(raw)
for enc in ['utf-8', 'ascii']:
    for errors in ['ignore', 'replace', 'backslashreplace']:
        with open(path, encoding=enc, errors=errors) as f:
            print(enc, errors, repr(f.read()), f.errors)
with open(path, encoding='latin-1', errors='ignore') as f:
    print('latin-1', repr(f.read()))

text = 'snow ☃, euro €, é, face 😀\n'
for enc in ['ascii', 'latin-1']:
    for errors in ['ignore', 'replace', 'backslashreplace']:
        with open(path, 'w', encoding=enc, errors=errors) as f:
            print(f.write(text), end=' ')
        with open(path, encoding='latin-1') as f:
            print(enc, errors, repr(f.read()))
try:
    open(path, errors=5)
except TypeError as e:
    print('TypeError', e)
try:
    open(path, 'rb', errors='ignore')
except ValueError as e:
    print('ValueError', e)

os.remove(path)
os.rmdir(tmp)
