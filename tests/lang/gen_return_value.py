# A generator that returns a value ends with StopIteration(value); every
# consumer of iterators must take that as the end of the iteration.
def g():
    yield 1
    yield 2
    return 5

def h():
    x = yield from g()
    yield x
    return 'done'

def e():
    return 7
    yield

print(list(g()))
print(list(h()))
print(list(e()))
print(tuple(g()), tuple(h()), tuple(e()))
print(set(g()), sorted(h(), key=str))
print(dict((k, k) for k in g()), dict(zip(g(), h())))
def pairs():
    yield (1, 2)
    return 9
print(dict(pairs()))
print(sorted(g()), sum(g()), min(g()), max(g()), min(e(), default='empty'))
print('-'.join(str(x) for x in g()), '-'.join(map(str, g())))
def sg():
    yield 'a'
    yield 'b'
    return 3
print(''.join(sg()), ','.join(sg()))
print(list(enumerate(g())), list(zip(g(), g())), list(map(str, g())), list(filter(None, g())))
print(2 in g(), 3 in g(), 5 in g())
a, b = g()
print(a, b)
a, *b = h()
print(a, b)
print([*g()], (*g(),), {*g()})
def yf():
    r = yield from g()
    print('r =', r)
    r = yield from e()
    print('r =', r)
print(list(yf()))
print(any(g()), all(g()), list(reversed(list(g()))))
for x in g():
    print('for', x)
print([x for x in g()], {x for x in g()}, {x: 1 for x in g()}, list(x for x in g()))
l = [0]
l.extend(g())
l += g()
print(l)
s = set()
s.update(g())
print(s, s.union(g()), s.issuperset(g()), s.isdisjoint(h()), s.intersection(g()), s.difference(g()), s.symmetric_difference(g()))
d = {}
d.update(pairs())
print(d, dict.fromkeys(g()))
print(list(iter(g())), next(iter(g())))
it = g()
print(next(it), next(it))
try:
    next(it)
except StopIteration as ex:
    print('StopIteration', ex.value)
print(next(g(), 'x'), next(e(), 'default'))
import math
print(math.fsum(g()) if hasattr(math, 'fsum') else 3.0)
print(str.join(' ', sg()), list(range(3)) + list(g()))
x = list(g()); x[0:1] = g(); print(x)
print(tuple(enumerate(h())))
print(max(g(), key=lambda v: -v), min(h(), key=str))
print(sorted(set(g()) | set(h()), key=str))
