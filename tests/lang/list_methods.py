# List methods and operations.
a = [3, 1, 2]
a.append(4)
print(a)
a.extend([5, 6])
a.extend("ab")
a.extend(range(2))
a.extend((9,))
print(a)
a = [1, 2, 3]
a.insert(0, "first")
a.insert(2, "mid")
a.insert(100, "end")
a.insert(-1, "beforeend")
a.insert(-100, "start")
print(a)
b = [10, 20, 30, 40, 50]
print(b.pop(), b, b.pop(0), b, b.pop(-2), b, b.pop(1), b)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
c = [1, 2, 3, 2, 1]
c.remove(2)
print(c)
try:
    c.remove(99)
except ValueError:
    print("ValueError on remove")
print(c.index(3), c.index(1), c.index(1, 1), c.count(1), c.count(99), [[1], [1]].count([1]))
try:
    c.index(99)
except ValueError:
    print("ValueError on index")
d = [5, 2, 8, 1, 9]
d.sort()
print(d)
d.sort(reverse=True)
print(d)
words = ["banana", "Apple", "cherry", "fig"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort()
print(words)
pairs = [(2, "b"), (1, "b"), (2, "a"), (1, "a")]
pairs.sort(key=lambda p: p[1])
print(pairs)
r = d.sort()
print(r)
e = [1, 2, 3]
e.reverse()
print(e)
f = e.copy()
f.append(0)
print(e, f, e is f)
f.clear()
print(f, len(f))
# operators on lists
print([1, 2] + [3], [0] * 4, [1, 2] * 0, 2 * [7], [1, 2] == [1, 2], [1, 2] != [2, 1])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 3], [2] > [1, 100], 3 in [1, 2, 3], len([[], []]))
g = [1, 2]
g += [3]
g *= 2
print(g)
nested = [[1, 2], [3]]
shallow = nested.copy()
shallow[0].append(99)
print(nested)
# list as stack and queue
stack = []
for i in range(3):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
queue = ["a", "b", "c"]
print(queue.pop(0), queue)
# lists of lists built with loops
table = []
for i in range(3):
    row = []
    for j in range(3):
        row.append(i * j)
    table.append(row)
print(table)
# list mutation during iteration by index
vals = [1, 2, 3, 4, 5, 6]
for i in range(len(vals) - 1, -1, -1):
    if vals[i] % 2 == 0:
        vals.pop(i)
print(vals)
print(list(range(5)) == [0, 1, 2, 3, 4], [] == list(), [1, [2, [3]]])
big = list(range(1000))
print(len(big), sum(big), big[-1], big[500:503])
print(min([4, 2, 8]), max([4, 2, 8]), sorted([3, 2, 1]) == [1, 2, 3])
print(repr([1, "a", None, [2.5, ("t",)]]))
s = [1, 2, 3]
s.append(s[:])
print(s)
