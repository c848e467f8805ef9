# itertools: results of every iterator, compared with CPython.
# refs: cycles (the C types of _itertools are readied at import and keep their
# dicts for good: the delta equals that of a bare import)
import itertools
from itertools import *

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)))
print(list(islice(count(2.5, 0.5), 3)), list(islice(count(0, -2), 3)))
c = count(5); next(c); next(c)
print(c, repr(count(2, 1.0)), count(start=3, step=2))
big = count(2**63 - 2)
print(next(big), next(big), next(big), big)
print(list(islice(count(True), 2)), list(islice(count(1, True), 2)))
r = repeat('x', 3); next(r)
print(r, list(r), r, repeat(None), list(repeat(1, 0)), list(repeat(7, times=2)))
print(repeat(1, 5).__length_hint__())
print(list(chain('ab', [1, 2], (), range(3))), list(chain()))
print(list(chain.from_iterable(['xy', 'z', []])))
print(type(chain.from_iterable([])).__name__)
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)),
      list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)),
      list(islice('abcdefg', None)), list(islice('abcdefg', 1, 100, 3)),
      list(islice('abc', 5, 10)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(zip_longest('abc', [1, 2])), list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(zip_longest()), list(zip_longest([1, 2])))
print(list(product('ab', [1, 2])), list(product(range(2), repeat=3))[:4])
print(len(list(product('abc', 'de', repeat=2))), list(product()), list(product('ab', [])))
print(list(permutations('abc')), list(permutations(range(3), 2)))
print(list(permutations('ab', 3)), list(permutations([], 0)), list(permutations('abc', 0)))
print(len(list(permutations(range(6)))), len(set(permutations(range(5), 3))))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)))
print(list(combinations('ab', 3)), list(combinations('abc', 0)), len(list(combinations(range(10), 4))))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement('', 2)),
      list(combinations_with_replacement('', 0)), len(list(combinations_with_replacement(range(5), 3))))
# results stay valid when kept (the reuse of the last tuple must not show)
kept = list(product('ab', repeat=2))
kept2 = [p for p in permutations('abc', 2)]
print(kept, kept2)
print(list(starmap(pow, [(2, 5), (3, 2), [10, 3]])), list(starmap(lambda *a: a, ['ab'])))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate('abc')), list(accumulate([1, 2, 3], lambda a, b: a * b)),
      list(accumulate(iterable=[1, 2], func=None, initial=None)))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(data='abc', selectors=[0, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
cy = cycle(iter([1, 2])); print([next(cy) for _ in range(5)])
for k, g in groupby('AAAABBBCCDAABBB'):
    print(k, list(g), end='; ')
print()
print([k for k, g in groupby('AAAABBBCCD')], [list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby(range(10), lambda x: x // 3)])
groups = groupby([1, 1, 2, 3, 3])
k1, g1 = next(groups); k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, g in groups])
print(list(groupby([])))
a, b = tee(range(5))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('abc', 3)
print(list(x), list(y), list(z), tee([1], 0), len(tee([1])))
t1, = tee(iter([1, 2]), 1); t2, t3 = tee(t1)
print(list(t2), list(t3))
print(type(count()).__name__, type(count()).__module__, count.__name__, isinstance(chain(), chain))
print(repr(itertools.count)[:30], itertools.__name__)
class MyCount(count):
    pass
print(MyCount(3), next(MyCount(4)))
print(sum(x * y for x, y in product(range(100), repeat=2)))
print(list(map(len, combinations(range(5), 2)))[:3])
# lazy: no iteration until next()
ch = chain([1], 5)
print(next(ch))
try:
    next(ch)
except TypeError as e:
    print('TypeError', e)
sm = starmap(len, [1])
try:
    next(sm)
except TypeError as e:
    print('TypeError', e)
print(list(zip(count(), 'abc')), dict(zip('ab', repeat(0))))
