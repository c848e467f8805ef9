# Iteration built-ins: enumerate, zip, map, filter, sorted, reversed, iter/next, any/all.
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)))
for i, ch in enumerate("hi", start=10):
    print(i, ch)
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], "abcd", (True, False, None))), list(zip()))
print(list(zip([1])), list(zip([], [1])))
names = ["a", "b"]
vals = [1, 2]
print(dict(zip(names, vals)))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
print(list(filter(lambda v: v % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted([3, 1, 2]), sorted("cab"), sorted([3, 1, 2], reverse=True), sorted([]))
print(sorted(["bb", "a", "ccc", "dd"], key=len), sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), sorted({"b": 1, "a": 2}), sorted([-3, 2, -1], key=abs))
print(sorted([0.5, -1, 3, 2.25]), sorted(["B", "a", "C"]), sorted(["B", "a", "C"], key=str.lower))
data = [("x", 3), ("y", 1), ("z", 3), ("w", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
orig = [3, 2, 1]
s = sorted(orig)
print(orig, s)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print("".join(reversed("stressed")))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"), next(it, None))
it2 = iter("ab")
print(next(it2), list(it2), list(it2))
d_it = iter({"k1": 1, "k2": 2})
print(next(d_it), next(d_it))
r_it = iter(range(3))
print(list(r_it))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
print(any([]), any([0, 0]), any([0, 1]), all([]), all([1, 1]), all([1, 0]), any("a"), all(["a", ""]))
print(any(x > 2 for x in [1, 2, 3]), all(isinstance(x, int) for x in [1, 2]))
print(list(zip(range(3), enumerate("xyz"))))
print(sum(map(len, ["ab", "c"])), max(map(abs, [-9, 3])), list(map(int, "123")))
total = 0
for a, b in zip([1, 2, 3], [10, 20, 30]):
    total += a * b
print(total)
print(list(enumerate(zip("ab", "cd"))))
print(sorted(map(lambda w: w[::-1], ["abc", "zyx"])))
