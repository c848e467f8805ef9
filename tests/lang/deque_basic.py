# collections.deque: construction, both ends, rotation, indexing, operators
from collections import deque
import gc


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


d = deque(range(10))
d.rotate(3); print(d)
d.rotate(-5); print(d)
d.rotate(23); print(d)
d = deque(range(5), maxlen=5)
d.append(5); print(d)
d.appendleft(-1); print(d)
d.extend(range(10, 13)); print(d)
d.extendleft('ab'); print(d)
print(list(reversed(d)), len(d), bool(d), bool(deque()))

# a ring that wraps around and grows and shrinks
d = deque()
for i in range(100):
    if i % 2:
        d.appendleft(i)
    else:
        d.append(i)
print(d[0], d[-1], d[50], sum(d), d.count(3), d.index(50), 50 in d, 1000 in d)
for i in range(95):
    if i % 2:
        d.pop()
    else:
        d.popleft()
print(d)
big = deque()
for i in range(10000):
    big.append(i)
while len(big) > 3:
    big.popleft()
print(big, big.pop(), big.popleft(), big)

d = deque([1, 2, 3])
d.insert(1, 'x'); d.insert(-1, 'y'); d.insert(100, 'z'); d.insert(-100, 'w')
print(d)
d.remove('x'); print(d)
del d[0]; print(d)
d[1] = 'q'; print(d)
d.reverse(); print(d)
del d[-1]; print(d)

print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque([1]),
      deque([1, 2, 3], maxlen=4) * 3, deque([1]) * 0, deque([1, 2], 3) + deque([3, 4]))
d = deque([1]); d += [2, 3]; print(d)
d *= 2; print(d)
d *= 0; print(d)
d = deque('ab'); d += d; print(d)
print(deque([1, 2]) < deque([1, 2, 3]), deque([1]) >= deque([1]),
      deque() != deque([1]), deque([1]) == deque([1]), deque([1]) == [1],
      deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]))


class C(deque):
    def __init__(self, it=(), extra=0):
        super().__init__(it)
        self.extra = extra


c = C([1, 2], 5)
print(c, c.extra, c.copy(), type(c.copy()).__name__, isinstance(c, deque))
print(type(c + C([3])).__name__, c.__reduce__()[2])


class M(deque):
    pass


print(M([1, 2]), M([1], 2), repr(M()), M('ab', maxlen=1) * 2)

d = deque([1]); d.append(d); print(d)
del d
gc.collect()
d = deque(); d.extend(d); d.extend([1, 2]); d.extend(d); print(d)
d.extendleft(d); print(d)

print(deque('abc', 0), deque([1]).maxlen, deque([1], 2).maxlen, deque(maxlen=None).maxlen)
z = deque(maxlen=0); z.append(1); z.appendleft(2); z.extend([3]); print(z, len(z))
d = deque('abcdef'); d.rotate(0); d.rotate(6); d.rotate(-12); print(''.join(d))
d = deque(range(8)); d.pop(); d.rotate(2); print(d); d.rotate(-3); print(d)
print(deque(range(20)).index(15, -10, -2), deque(range(20)).index(3, 1))
print(deque(range(4)).__copy__(), deque(range(4), 2).copy())
d = deque(); d.__init__([1, 2], 1); print(d)
d = deque([1, 2, 3]); d.__init__('xy'); print(d)
r = deque([3, 4], 7).__reduce__()
print(r[0].__name__, r[1], r[2], list(r[3]))
print(deque.__module__, deque.__name__, deque([1]).maxlen)
d = deque([[1], 2, 2.0, 'x'])
print(d.count(2), [1] in d, d.index('x'), d.index(2.0))
d.clear(); print(d, len(d))
print(list(iter(deque('hello'))), list(reversed(deque('hello'))))
print(len(list(reversed(deque(range(33))))), sum(deque(range(1000))))
ann: deque[int] = deque([1])
print(ann)
