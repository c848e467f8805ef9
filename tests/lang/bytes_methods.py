# The methods bytes and bytearray share, on both types.
for T in (bytes, bytearray):
    s = T(b'  hello world, hello  ')
    print(T.__name__)
    print(s.find(b'hello'), s.find(b'hello', 3), s.rfind(b'hello'), s.find(b'zz'),
          s.find(ord('w')), s.find(b''), s.rfind(b''), s.find(b'l', -5), s.find(b'o', 2, 6))
    print(s.index(b'world'), s.rindex(b'l'), s.count(b'l'), s.count(b''), s.count(b'll', 5),
          s.count(ord(' ')))
    for bad in ((b'zz',), (b'h', 20)):
        try:
            s.index(*bad)
        except ValueError as e:
            print('ValueError', e)
    print(s.startswith(b'  he'), s.startswith((b'x', b'  ')), s.endswith(b'  '),
          s.startswith(b'hello', 2), s.endswith(b'hello', 0, -2), s.startswith(b'', 100))
    print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(b'l'),
          s.split(b'l', 2), s.rsplit(b'l', 2), s.split(sep=b', '), T(b'').split(),
          T(b'a,,b').split(b','), T(b'  a b ').rsplit(maxsplit=0))
    print(s.strip(), s.lstrip(), s.rstrip(), s.strip(b' he'), T(b'xxaxx').strip(b'x'),
          T(b'\t\n a \x0b\x0c\r').strip(), s.strip(None))
    print(T(b', ').join([b'a', bytearray(b'b'), b'c']), T(b'').join([]), T(b'-').join(iter([b'x'])))
    print(s.replace(b'hello', b'bye'), s.replace(b'l', b'L', 2), T(b'abc').replace(b'', b'-'),
          T(b'abc').replace(b'', b'-', 2), T(b'aaa').replace(b'a', b''), s.replace(b'q', b'z'))
    print(T(b'Hello World 123').upper(), T(b'Hello World \xe9').lower(),
          T(b'123').isdigit(), T(b'12a').isdigit(), T(b'').isdigit(), T(b'abC').isalpha(),
          T(b'ab1').isalpha(), T(b'ab1').isalnum(), T(b' \t').isspace())
    print(T(b'a\nb\r\nc\rd').splitlines(), T(b'a\nb\r\n').splitlines(True),
          T(b'a=b=c').partition(b'='), T(b'abc').partition(b'x'))
    print(T(b'\x00\xff\x10ab').hex(), T(b'\x01\x02\x03\x04\x05').hex(':'),
          T(b'\x01\x02\x03\x04\x05').hex('-', 2), T(b'\x01\x02\x03\x04\x05').hex(b' ', -2),
          T(b'').hex())
    print(T.fromhex('00ff 10 AB'), T.fromhex(''), T.fromhex(' 0a0b  '))
    print(T(b'caf\xc3\xa9').decode(), T(b'caf\xe9').decode('latin-1'), T(b'x').decode(encoding='ascii'))
    for expr in ("s.split(b'')", "s.find('x')", "s.startswith('x')", "s.strip('x')",
                 "T(b',').join([b'a', 'b'])", "T.fromhex('0g')", "T.fromhex('abc')",
                 "T.fromhex(b'00')", "s.hex('ab')", "s.find(256)", "s.replace('a', b'b')",
                 "s.partition(b'')", "s.decode(1)"):
        try:
            print(eval(expr))
        except (TypeError, ValueError) as e:
            print(expr, '->', type(e).__name__, e)
print(type(bytearray(b'a,b').split(b',')[0]), type(b'x'.join([bytearray(b'a')])))
