# Edge cases around empty containers, strings and numbers (some used to
# pass NULL arrays to memcpy, which the sanitizer build reports).
l = []
l[0:0] = [1]
l = []
l[:] = []
l[0:0] = ()
del l[:]
l = []
l.insert(0, 5)
l = []
l.extend([])
l += []
l *= 3
print(l * 0, [] * 5, [] + [], list(()), tuple([]), tuple(x for x in []), tuple(iter([])))
print(sorted([]), sorted(()), sorted([1]), sorted([], reverse=True), [].copy(), [][:], [][::-1], [][::2])
l = [1, 2, 3]
l[1:1] = []
l[5:] = []
l[::2] = [7, 8]
del l[::2]
print(l)
print((), ()[:], ()[::-1], () + (), () * 3, (1,) * 0)
print(str(), ''.join([]), ''.join(()), ' '.join(['']), ''[:], ''[::-1], '' * 5, 'ab' * 0, ''.split(), ''.split(','), ''.strip(), ''.upper(), ''.replace('', ''), ''.replace('a', 'b'), 'abc'.replace('', '-'))
print('%s' % '', '{}'.format(''), f'{""}', format('', ''), format('', '>0'), format(0, ''), format(0, '0'), format(0, ','), format(0.0, ''), repr(''), ascii(''))
print({}, dict(), {}.copy(), dict({}), dict(()), dict([]), dict(**{}), {**{}}, set(), set([]), set(()), frozenset() if 0 else 0)
d = {}
d.update({})
d.update([])
d.clear()
d |= {}
print(d, {} | {}, list({}.items()), list({}.keys()), list(reversed({})), sorted({}))
s = set()
s |= set(); s &= set(); s -= set(); s ^= set()
print(s, set() | set(), set() & {1}, set() - set(), set() ^ set(), set().union(), set().intersection(), set().difference(set()))
print(min([1]), max([1]), sum([]), sum(()), sum([], 0.0), any([]), all([]), list(zip()), list(zip([])), list(map(str, [])), list(filter(None, [])), list(enumerate([])), list(reversed([])), list(reversed(())), list(range(0)), list(range(5, 0)), range(0)[:])
print(int('0'), int('-0'), float('0'), float('-0.0'), str(0), str(-0.0), hex(0), oct(0), bin(0), round(0.0), round(0.5), round(-0.5), divmod(0, 1), 0 ** 0, 0.0 ** 0, pow(0, 0), pow(2, 0, 1), abs(0))
print(repr(1e16), repr(1e-7), repr(0.1), repr(2.5e-308), repr(5e-324), repr(1.7976931348623157e308), repr(123456789012345678.0), 1e22, 1e23, 9007199254740993.0)
print(float('inf') // 1 if 0 else 1, 1.0 // 3, -1.0 % 3, 3.0 % -2, divmod(-7.5, 2), round(2.675, 2), round(1e300, -300), round(123.456, -1), int(1e18), int(-1e18), int(2.0**63) if 0 else 0)
import math
print('a'[-1:], 'abc'[10:], 'abc'[-10:2], 'abc'[::-1], 'abc'[5:0:-1], 'abc'.find(''), 'abc'.rfind(''), 'abc'.count(''), ''.count(''), 'abc'.center(0), 'abc'.ljust(-5), 'a'.zfill(0), ''.zfill(3), '-'.zfill(3), 'abc'.expandtabs(0), 'a\tb'.expandtabs(0))
print('x'.partition('x'), ''.partition('x'), 'abc'.rsplit(None, 0), 'a b'.split(None, 0), ''.splitlines(), 'a\n'.splitlines(True), 'é' * 0, 'é'[::-1], 'aé'[1:], ord('é'), chr(0), chr(0x10FFFF) == '\U0010ffff')
print(sorted([3, 1, 2], key=lambda x: -x), sorted(['b', 'a', ''], reverse=True), sorted([(1, 'b'), (1, 'a')]), sorted([1.5, 1, True, 0]), sorted([[], [1], [0, 1]]), sorted(['é', 'e', 'f']))
x = [1]
x[0:1] = x
print(x, x[-1:-2], x * -1, [0] * 3, [None] * 0)
a = []
a.reverse(); a.sort(); a.clear(); print(a.count(1), a.__len__(), a == [], a < [1], [] < [], () < (), () == ())
print(divmod(7, -2), 7 // -2, -7 % 2, 7 % -2, -7 // 2, 2 ** -1, (-2) ** -1, 0.0 * -1, -0.0 + 0.0, 1 / 3, 2 ** 0.5, (-8) ** (1/3) if 0 else 0, 10 ** -2)
