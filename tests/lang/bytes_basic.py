# bytes: literals, escapes, repr quoting, indexing, slicing, comparison,
# hashing, concatenation, repetition, `in`, iteration.
x = b'abc\x00\xff' b"d'"
print(x, len(x), x[0], x[-1], x[1:3], x[::-1], x[::2], x[5:1:-2])
print(type(x), bytes.__name__, type(b''), isinstance(x, bytes))
print(b'a"', b"a'", b'\'"', b'\t\n\r\\', b'\a\b\f\v\0\12\1234\777')
print(b'\u1234\N{x}\q', rb'\x00', br'\n', Rb'\'', b'line\
continued')
print(b"""tri
ple""", b'' == b'', b'a' b'' b'b')
print(x == b'abc\x00\xffd\'', x == 'abc', b'a' != 'a', b'a' < b'b')
print(b'ab' < b'a', b'ab' <= b'ab', b'b' > b'abc', b'' >= b'')
print(hash(b'abc') == hash(b'ab' + b'c'), hash(b'abc') == hash('abc'))
print({b'k': 1}[b'k'], b'x' in {b'x', b'y'})
print(b'ab' + b'cd', b'ab' * 3, 3 * b'x', b'x' * 0, b'x' * -2)
print(97 in b'abc', 100 in b'abc', b'bc' in b'abc', b'' in b'abc', b'cb' in b'abc')
print(list(b'hi'), [c for c in b''], tuple(iter(b'\x01\x02')))
print(str(b'x'), repr(b"'"), f'{b"q"}', '%s' % b'r')
print(bool(b''), bool(b'\x00'), not b'', b'' or b'y')
def f():
    return b'const'
print(f(), f() is f(), f.__code__.co_consts)
try:
    x[7]
except IndexError as e:
    print('IndexError', e)
try:
    x['a']
except TypeError as e:
    print('TypeError', e)
for bad in ("b'a' + 'b'", "b'a' + 1", "b'a' * 1.5", "'a' in b'a'", "256 in b'a'"):
    try:
        eval(bad)
    except (TypeError, ValueError) as e:
        print(bad, '->', type(e).__name__, e)
