# frozenset: construction, repr, hashing, use as a key, set algebra and
# its result types, comparisons with set.
f = frozenset([3, 1, 2, 1])
print(f, frozenset(), repr(frozenset('a')), type(f), frozenset.__name__, len(f), 2 in f, 5 in f)
print(sorted(f), frozenset(f) is f, f.copy() is f, isinstance(f, frozenset), isinstance(f, set))
print(f == {1, 2, 3}, {1, 2, 3} == f, f != {1}, f == frozenset([1, 2, 3]), f < {1, 2, 3, 4}, f >= {1})
print(hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()) == hash(frozenset([])),
      hash(frozenset(range(100))) == hash(frozenset(range(99, -1, -1))))
d = {f: 'f', frozenset(): 'empty'}
print(d[frozenset({1, 2, 3})], d[frozenset()], {1, 2, 3} in {f}, f in {frozenset([3, 2, 1])})
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), frozenset([frozenset([1])]))
a, b = frozenset([1, 2, 3]), {2, 3, 4}
for r in (a | b, a & b, a - b, a ^ b, b | a, b & a, b - a, b ^ a):
    print(type(r).__name__, sorted(r))
for r in (a.union(b, [9]), a.intersection(b), a.difference(b), a.symmetric_difference(b),
          b.union(a), frozenset.union(a)):
    print(type(r).__name__, sorted(r))
print(a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint([7]), a.isdisjoint(b))
c = a
c |= {10}
print(type(c).__name__, sorted(c), sorted(a))
t = {1}
t |= frozenset([5])
print(type(t).__name__, sorted(t))
print({1: 2}.keys() & frozenset([1]), {1: 2}.keys() == frozenset([1]))
print(frozenset([b'x', 'y', (1, 2)]) == frozenset([(1, 2), 'y', b'x']))
class F(frozenset):
    pass
g = F([1, 2])
print(repr(g), type(g | {3}).__name__, hash(g) == hash(frozenset([1, 2])), g == frozenset([1, 2]))
for expr in ("f.add(1)", "frozenset([[]])", "frozenset(1)", "frozenset([1], [2])", "hash(frozenset([1, []]))"):
    try:
        print(eval(expr))
    except (TypeError, AttributeError) as e:
        print(expr, '->', type(e).__name__, e)
s2 = {frozenset([1]), frozenset([2])}
s2.remove({1})
s2.discard({2})
s2.discard({3})
print(s2, {1} in {frozenset([1])})
try:
    set().remove({4})
except KeyError as e:
    print('KeyError', e)
