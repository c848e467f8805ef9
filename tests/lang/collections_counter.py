# collections.Counter and defaultdict
from collections import Counter, defaultdict


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


def e2(f):
    # the exception's type only: messages name C types in CPython
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__)


c = Counter('abracadabra')
print(c, c.most_common(2), c.total(), c['z'], sorted(c.elements()))
print(list(Counter(a=2, b=0, c=-1, d=1).elements()))
c.update('aaz'); c.subtract({'b': 5}); print(c)
c.update({'a': 10}); c.update(x=2); c.subtract('xx'); c.subtract(y=1); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=-1, b=2), -Counter(a=-1, b=2), Counter(), repr(Counter()))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2),
      Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1), Counter(a=3) > Counter(),
      Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1})
e(lambda: Counter.fromkeys('ab'))
del c['nope']
print(c.most_common(0), Counter('aab').most_common(-1), Counter('abcabc').most_common())
x = Counter(a=2); x += Counter(a=-3, b=1); print(x)
x = Counter(a=2, b=5); x -= Counter(b=1, c=4); print(x)
x = Counter(a=2, b=5); x |= Counter(a=7); print(x)
x = Counter(a=2, b=5); x &= Counter(a=7); print(x)
e(lambda: Counter(a=1) + {'a': 1})
e(lambda: Counter(a=1) < {'a': 1})
e(lambda: hash(Counter()))
print(Counter({'x': 'a', 'y': 1}).copy() == Counter({'x': 'a', 'y': 1}))
print(repr(Counter({'x': 1, 'y': 'b'})))
print(Counter(['a', 'b', 'a']).copy(), type(Counter().copy()).__name__)


class MyCounter(Counter):
    pass


print(MyCounter('aab'), type(MyCounter('a').copy()).__name__, MyCounter('aa') + MyCounter('a'))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
print(Counter(words).most_common(3), len(Counter(words)))

d = defaultdict(list); d['a'].append(1); d['b']
print(d, d.default_factory, len(d))
print(defaultdict(None, {1: 2}), defaultdict(int), defaultdict(lambda: 0).default_factory())
e(lambda: defaultdict(5)); e(lambda: defaultdict()['x'])
dd = defaultdict(int, a=1); c2 = dd.copy(); c2['z'] += 1
print(dd, c2, type(c2).__name__)
print(isinstance(d, dict), d == {'a': [1], 'b': []}, d | {'c': 1}, {'c': 1} | dd)
e(lambda: d.__missing__('q'))
print(d.get('zz'), 'zz' in d, d.pop('a'), d)
dd.default_factory = list; print(dd['new'], dd)
dd.default_factory = None; e(lambda: dd['missing'])
e2(lambda: defaultdict(int).__missing__())
e2(lambda: defaultdict(int).no_such_attr)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 3; nested['x']['z'] += 1
print({k: dict(v) for k, v in nested.items()})
dd = defaultdict(list); dd.default_factory = dd.copy
print(type(dd['k']).__name__)


class DD(defaultdict):
    pass


print(DD(set, a={1}), DD(set)['q'], DD(int).copy().default_factory)
g = defaultdict(int, [('a', 1), ('b', 2)], c=3); g |= {'d': 4}; print(g)
print(defaultdict(list, {1: [2]}).__reduce__()[:4])


class Loud(Counter):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


print(Loud('aab'))


class Getter(Counter):
    def get(self, k, default=None):
        return 100


print(Getter('aab'))
e(lambda: Counter(5))
e(lambda: Counter([[1]]))


def gen():
    yield 'a'
    raise ValueError('stop here')


e(lambda: Counter(gen()))
print(Counter({'a': 1}, b=2), Counter(iter('xyx')), Counter(a=1, b=2).most_common(1))
