# Set methods and operators (printed through sorted() since order is unspecified).
s = {1, 2, 3}
s.add(4)
s.add(2)
print(sorted(s), len(s))
s.discard(1)
s.discard(100)
print(sorted(s))
s.remove(4)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([10, 11], (12,))), sorted(a.intersection(range(3))), sorted(a.difference("x")))
print(sorted(a), sorted(b))
c = set(a)
c |= {9}
c &= {1, 2, 9}
c -= {1}
print(sorted(c))
c ^= {2, 7}
print(sorted(c))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {1}, {1}.issubset({1, 2}), {1, 2}.issuperset({2}),
      {1}.isdisjoint({2}), {1, 2} == {2, 1}, {1} != {1})
print(3 in a, 7 in a, 7 not in a, len(set()), bool(set()), bool({0}))
e = set()
print(type(e).__name__, repr(e), sorted(e))
f = a.copy()
f.clear()
print(sorted(a), sorted(f))
p = {3, 1}
print(p.pop() in {1, 3}, len(p))
words = ["pear", "apple", "pear", "fig", "apple"]
print(sorted(set(words)), len(set(words)))
print(sorted({w[0] for w in words}), sorted(set("mississippi") - set("sp")))
seen = set()
unique = []
for w in words:
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique)
print(sorted({(1, 2), (1, 2), (2, 1)}), {frozen for frozen in [(0,)]} == {(0,)})
try:
    {[1]}
except TypeError:
    print("TypeError: unhashable")
big = set(range(0, 1000, 3))
print(len(big), 999 in big, 998 in big, sum(big))
big -= set(range(0, 1000, 6))
print(len(big), min(big), max(big))
