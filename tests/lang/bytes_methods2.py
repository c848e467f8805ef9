# More methods shared by bytes and bytearray: rpartition, removeprefix,
# padding, case mapping, classes, translate/maketrans.
for T in (bytes, bytearray):
    print(T.__name__)
    print(T(b'a=b=c').rpartition(b'='), T(b'abc').rpartition(b'x'),
          T(b'prefix-body').removeprefix(b'prefix-'), T(b'body.py').removesuffix(b'.py'),
          T(b'abc').removeprefix(b'x'), T(b'abc').removesuffix(b''))
    print(T(b'ab').center(7, b'*'), T(b'abc').center(6, b'*'), T(b'ab').center(6),
          T(b'ab').ljust(5), T(b'ab').rjust(5, b'.'), T(b'abc').ljust(2), T(b'ab').ljust(4, bytearray(b'-')))
    print(T(b'-12').zfill(6), T(b'+7').zfill(4), T(b'42').zfill(5), T(b'').zfill(3), T(b'abc').zfill(1))
    print(T(b'hello wORLD 3rd').title(), T(b'hELLo 1a').swapcase(), T(b'hELLo').capitalize(),
          T(b'').capitalize(), T(b"they're bill's").title())
    print(T(b'ab1').islower(), T(b'AB1').isupper(), T(b'123').islower(), T(b'aB').isupper(),
          T(b'\x7f').isascii(), T(b'\x80').isascii(), T(b'').isascii())
    table = T.maketrans(b'abc', b'xyz')
    print(len(table), type(table).__name__, T(b'aabbcc-d').translate(table),
          T(b'hello').translate(None, b'l'), T(b'hello').translate(table, delete=b'h'))
    for expr in ("T(b'a').center(5, '*')", "T(b'a').center(5, b'**')", "T(b'a').translate(b'x')",
                 "T.maketrans(b'a', b'xy')", "T(b'a').rpartition(b'')", "T(b'a').removeprefix('a')"):
        try:
            print(eval(expr))
        except (TypeError, ValueError) as e:
            print(expr, '->', type(e).__name__, e)
print(repr(bytearray(b"\x27")), repr(bytearray(b"a\x27b")), bytearray(b"q\x27\x22"))
