# heapq: heaps must match CPython's item for item (programs print them).
import heapq

seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

h = []
for i in range(40):
    heapq.heappush(h, rnd(100))
print(h)
print([heapq.heappop(h) for _ in range(10)])
print(h)
print(heapq.heapreplace(h, 50), h)
print(heapq.heappushpop(h, 1), h)
print(heapq.heappushpop(h, 99), h)
print(heapq.heappushpop([], 7))

data = [rnd(1000) for _ in range(57)]
d2 = list(data)
heapq.heapify(d2)
print(d2)
print([heapq.heappop(d2) for _ in range(len(d2))] == sorted(data))

# tuples and ties, strings
h = []
for i, w in enumerate("the quick brown fox jumps over the lazy dog".split()):
    heapq.heappush(h, (len(w), w, i))
print(h)
while h:
    print(heapq.heappop(h), end=' ')
print()

# a mixed run of operations, heap printed at the end
h = []
for i in range(300):
    op = rnd(4)
    if op == 0 and h:
        heapq.heappop(h)
    elif op == 1 and h:
        heapq.heapreplace(h, rnd(500))
    elif op == 2:
        heapq.heappushpop(h, rnd(500))
    else:
        heapq.heappush(h, rnd(500))
print(len(h), h)

# objects with only __lt__, counting comparisons
class Item:
    count = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Item.count += 1
        return self.v < other.v
    def __repr__(self):
        return 'I%d' % self.v

h = []
for i in range(30):
    heapq.heappush(h, Item(rnd(50)))
heapq.heappop(h)
heapq.heapify(h)
print(h, Item.count)

# nsmallest / nlargest
data = [rnd(100) for _ in range(60)]
for n in (-1, 0, 1, 2, 5, 59, 60, 70):
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data))
print(heapq.nsmallest(4, iter(data)), heapq.nlargest(4, iter(data)))
print(heapq.nsmallest(3, []), heapq.nlargest(3, iter([])), heapq.nsmallest(1, []))
words = "pear Apple fig banana kiwi cherry date Grape lime plum".split()
print(heapq.nsmallest(4, words, key=str.lower))
print(heapq.nlargest(4, words, key=len))
print(heapq.nsmallest(4, iter(words), key=len))
print(heapq.nlargest(1, words, key=len), heapq.nsmallest(1, words, key=len))
pairs = [(rnd(5), i) for i in range(30)]
print(heapq.nsmallest(6, pairs, key=lambda p: p[0]))
print(heapq.nlargest(6, pairs, key=lambda p: p[0]))
print(heapq.nlargest(6, iter(pairs), key=lambda p: p[0]))

# merge
a = sorted(rnd(100) for _ in range(10))
b = sorted(rnd(100) for _ in range(7))
c = sorted(rnd(100) for _ in range(12))
print(list(heapq.merge(a, b, c)))
print(list(heapq.merge(a, [], b)), list(heapq.merge()), list(heapq.merge([], [])))
print(list(heapq.merge(sorted(a, reverse=True), sorted(c, reverse=True), reverse=True)))
ka = sorted(((rnd(5), 'a', i) for i in range(6)), key=lambda t: t[0])
kb = sorted(((rnd(5), 'b', i) for i in range(6)), key=lambda t: t[0])
print(list(heapq.merge(ka, kb, key=lambda t: t[0])))
print(list(heapq.merge(ka[::-1], kb[::-1], key=lambda t: t[0], reverse=True)))
print(list(heapq.merge(['a', 'bb', 'ccc'], ['d', 'ee'], key=len)))
g = heapq.merge([1, 3, 5], [2, 4])
print(next(g), next(g), list(g))
print(heapq.__all__)
