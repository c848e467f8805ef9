# str.encode / bytes.decode: codecs, error handlers, the exception classes.
print('héllo€😀'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin-1'), 'x'.encode(encoding='UTF-8'))
for enc in ('ascii', 'latin-1'):
    for err in ('ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'):
        print(enc, err, 'aé€😀b'.encode(enc, err))
for s, enc in (('aé', 'ascii'), ('aéé€', 'ascii'), ('a€', 'latin1'), ('x', 'foo')):
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, e.encoding, repr(e.object), e.start, e.end, e.reason, isinstance(e, UnicodeError), isinstance(e, ValueError))
    except LookupError as e:
        print('LookupError', e)
for b in (b'\xff', b'a\xe2\x28b', b'ab\xe2\x82', b'\xc3\xa9', b'\xed\xa0\x80', b'\xf0\x9f\x98\x80', b'\xc0\xaf'):
    for err in ('strict', 'ignore', 'replace', 'backslashreplace'):
        try:
            print(repr(b.decode('utf-8', err)))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e, e.encoding, e.object, e.start, e.end, e.reason)
print(b'\xe9t\xe9'.decode('latin-1'), bytearray(b'\xc3\xa9').decode(), b'abc'.decode('ascii'))
try:
    b'a\x80'.decode('ascii')
except UnicodeDecodeError as e:
    print(e)
try:
    b'a\x80'.decode('utf-8', 'bogus')
except LookupError as e:
    print(e)
print(bytes('é', 'utf-8'), bytearray('é', 'latin-1'), bytes('é', encoding='utf8'))
for a in (('x',), ('x', 'nope'), (b'x', 'utf-8'), (1, None)):
    try:
        print(bytes(*a))
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
e = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'custom')
print(e, e.args)
e = UnicodeEncodeError('ascii', '\U0001f600', 0, 1, 'r')
print(e)
