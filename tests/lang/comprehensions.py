# List, dict, set and tuple literals and comprehensions.
print([], [1], [1, 2, 3], [1, "a", 2.5, None, True, [2, [3]]], [1, 2,])
print((), (1,), (1, 2), ((1, 2), (3,)), tuple())
print({}, {"a": 1, "b": [2]}, {1: "one", 2: "two"}, {"k": {"n": 1}})
print({"dup": 1, "dup": 2}, len({"x": 0, "y": 0, "x": 1}))
print(sorted({3, 1, 2}), sorted({1, 1, 1}), len({1, 2, 2, 3}), set())
x = 1, 2, 3
print(x, type(x).__name__)
print([*[1, 2], *(3, 4), 5], (*"ab", "c"), {**{"a": 1}, "b": 2, **{"a": 3}})
print(sorted({*[1, 2], *(2, 3)}))

# list comprehensions
print([i * i for i in range(6)])
print([i for i in range(20) if i % 3 == 0])
print([i for i in range(20) if i % 2 if i % 3])
print([(i, j) for i in range(3) for j in range(3) if i != j])
print([[i * j for j in range(4)] for i in range(3)])
print([c.upper() for c in "hello" if c != "l"])
print([x if x > 0 else 0 for x in [-2, -1, 0, 1, 2]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2 == 0])
print([(k, v) for k, v in [("a", 1), ("b", 2)]])
print([n for n in range(3) for _ in range(2)])

# comprehension variables do not leak
i = "outer"
_ = [i for i in range(3)]
print(i)

# comprehension uses enclosing scope
factor = 10


def scaled(vals):
    offset = 1
    return [v * factor + offset for v in vals]


print(scaled([1, 2, 3]))

# dict comprehensions
print({k: k * k for k in range(5)})
print({s: len(s) for s in ["a", "bb", "ccc"] if len(s) != 2})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print({(i, j): i * j for i in range(2) for j in range(2)})
words = "the quick brown the lazy the end".split()
counts = {w: words.count(w) for w in words}
print(counts)

# set comprehensions
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in "mississippi"}))
print(len({(i % 2, i % 3) for i in range(12)}))

# nested comprehensions in other expressions
print(sum([x for x in range(101)]), max([len(w) for w in words]), "-".join([w[0] for w in words]))
print(dict([(i, str(i)) for i in range(3)]))
flat = [y for x in [[1, 2], [3], [], [4, 5, 6]] for y in x]
print(flat)
print([[]] * 2, [[] for _ in range(2)])
