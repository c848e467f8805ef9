# Assignment: simple, chained, unpacking, starred, augmented.
a = 1
b = c = d = 5
print(a, b, c, d)
x = y = []
x.append(1)
print(x, y, x is y)

# tuple and list unpacking
p, q = 1, 2
print(p, q)
p, q = q, p
print(p, q)
(r, s) = [3, 4]
print(r, s)
[t, u] = (5, 6)
print(t, u)
m, n, o = "abc"
print(m, n, o)
i, j = range(2)
print(i, j)

# nested unpacking
(a1, (b1, c1)), d1 = (1, (2, 3)), 4
print(a1, b1, c1, d1)
for k, (v1, v2) in [("x", (1, 2)), ("y", (3, 4))]:
    print(k, v1, v2)

# starred
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
h, *mid, tl = "hello"
print(h, mid, tl)
e1, *e2 = [9]
print(e1, e2)
a2, *b2, c2 = (1, 2)
print(a2, b2, c2)
(f1, *f2), g1 = [1, 2, 3], 4
print(f1, f2, g1)

# unpacking errors
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)

# augmented assignment on names
v = 10
v += 5
print(v)
v -= 3
print(v)
v *= 2
print(v)
v //= 5
print(v)
v %= 3
print(v)
v **= 3
print(v)
v <<= 4
print(v)
v >>= 2
print(v)
v |= 1
print(v)
v &= 6
print(v)
v ^= 7
print(v)
w = 7
w /= 2
print(w)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
tup = (1,)
tup2 = tup
tup += (2,)
print(tup, tup2)


# augmented assignment on attributes and subscripts
class Box:
    pass


box = Box()
box.count = 0
box.count += 1
box.count += 10
print(box.count)
arr = [1, 2, 3]
arr[0] += 100
arr[-1] *= 3
print(arr)
dd = {"k": 1}
dd["k"] += 41
dd["new"] = dd.get("new", 0) + 1
print(dd)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)

calls = []


def idx():
    calls.append("idx")
    return 0


arr[idx()] += 1
print(arr, calls)

# assignment to subscripts and attributes
arr[1] = "two"
box.name = "box"
print(arr, box.name)
arr[0], arr[1] = arr[1], arr[0]
print(arr)
box.a, box.b = 1, 2
print(box.a, box.b)

# Unpacking exact tuples and lists (taken at once) and other iterables
# (iterated), starred or not, with the errors of each.
for src in [(1, 2, 3, 4), [1, 2, 3, 4], range(1, 5), "abcd", (c for c in "wxyz")]:
    a, *b, c = src
    print(type(src).__name__, a, b, c)
for src in [(), [], (1,), [1], (1, 2, 3), [1, 2, 3], range(3), iter([1, 2, 3])]:
    try:
        x, y = src
        print("pair", x, y)
    except ValueError as e:
        print(type(src).__name__, e)
    try:
        x, *y, z, w = src
        print("star", x, y, z, w)
    except ValueError as e:
        print(type(src).__name__, e)
shared = [[0, 1], [2, 3]]
(p, q), [r, s] = shared
first, *rest = shared[0]
print(p, q, r, s, first, rest, shared)
