# Subscripts and slices.
s = "abcdefgh"
l = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
t = (10, 20, 30, 40)
print(s[0], s[7], s[-1], s[-8], l[3], l[-2], t[1], t[-1])
print(s[2:5], s[:3], s[5:], s[:], s[-3:], s[:-3], s[-5:-2], s[3:3], s[5:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[6:1:-1], s[-1:-4:-1], s[:2:-1], s[2::-1])
print(l[1:8:3], l[::-3], l[8:2:-2], l[100:], l[-100:2], l[2:100], l[5:-100:-1])
print(t[1:3], t[::-1], t[:0], type(t[1:]).__name__, type(l[:]).__name__)
print(l[0:10:1] == l, l[:] is l)
i = 2
print(l[i], l[i + 1], l[i * 2:i * 4], l[-i], l[len(l) - 1])
print("xyz"[1], (1, 2, 3)[::2], [[1, 2], [3, 4]][1][0], {"k": [5, 6]}["k"][-1])
print(range(10)[3], range(10)[-1], range(0, 20, 5)[2], list(range(10)[2:5]))

# index errors
for bad in [lambda: s[8], lambda: l[-11], lambda: t[4], lambda: ""[0]]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)

# item assignment
m = list(range(6))
m[0] = "zero"
m[-1] = "last"
print(m)
try:
    m[6] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    t[0] = 1
except TypeError:
    print("TypeError: tuple does not support item assignment")
try:
    s[0] = "z"
except TypeError:
    print("TypeError: str does not support item assignment")

# slice assignment
m = list(range(10))
m[2:4] = ["a", "b"]
print(m)
m[2:4] = ["x"]
print(m)
m[1:1] = [100, 200, 300]
print(m)
m[:3] = []
print(m)
m[-2:] = "YZ"
print(m)
m[:] = [1, 2, 3]
print(m)
m[len(m):] = [4, 5]
print(m)
m[::2] = ["e0", "e2", "e4"]
print(m)
m[::-2] = [0, 0, 0]
print(m)
try:
    m[::2] = [1]
except ValueError:
    print("ValueError: extended slice size mismatch")
n = [1, 2, 3]
n[1:2] = n
print(n)
n[0:0] = (9, 8)
print(n)
n[10:20] = [7]
print(n)

# nested subscripts and assignment targets
grid = [[0] * 3 for _ in range(3)]
for r in range(3):
    for c in range(3):
        grid[r][c] = r * 3 + c
print(grid)
print([row[1] for row in grid], grid[-1][-1], grid[1][::-1])
grid[0][1:] = [99]
print(grid[0])
dd = {"a": {"b": {"c": 1}}}
dd["a"]["b"]["c"] += 1
dd["a"]["new"] = [0]
dd["a"]["new"][0] = "set"
print(dd)

# strings are immutable; slices make copies
orig = [1, 2, 3]
copy = orig[:]
copy.append(4)
print(orig, copy)
