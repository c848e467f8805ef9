# Common dunder methods.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "<" + str(self.x) + "," + str(self.y) + ">"

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return Vec(self.x + other, self.y + other)

    def __radd__(self, other):
        return Vec(other + self.x, other + self.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self.__mul__(k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __bool__(self):
        return self.x != 0 or self.y != 0


v = Vec(1, 2)
w = Vec(3, 4)
print(v, repr(v), str(w))
print([v, w])
print(v + w, v + 10, 10 + v, w - v, v * 3, 3 * v, -v)
print(sum([v, w, Vec(10, 10)]))
print(v == Vec(1, 2), v != Vec(1, 2), v == w, v != w, v == "x")
print(v < w, w < v, w > v, v > w)
print(sorted([Vec(3, 1), Vec(1, 5), Vec(1, 2)]))
print(min([w, v]), max([w, v]))
print(bool(Vec(0, 0)), bool(v), "truthy" if v else "falsy", not Vec(0, 0))
s = set()
s.add(Vec(1, 2))
s.add(Vec(1, 2))
s.add(Vec(2, 1))
print(len(s), Vec(2, 1) in s)
d = {Vec(0, 1): "a"}
print(d[Vec(0, 1)])
acc = Vec(0, 0)
acc += v
print(acc)
print("%s and %r" % (v, v), "{} {!r}".format(v, v), f"{v} {v!r}")


class Seq:
    def __init__(self, n):
        self.data = list(range(n))

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, value):
        self.data[i] = value

    def __delitem__(self, i):
        del self.data[i]

    def __contains__(self, item):
        print("contains called")
        return item in self.data

    def __iter__(self):
        return SeqIter(self.data)


class SeqIter:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.pos >= len(self.data):
            raise StopIteration
        v = self.data[self.pos]
        self.pos += 1
        return v


sq = Seq(5)
print(len(sq), sq[0], sq[-1], sq[1:3])
sq[0] = 100
del sq[1]
print(sq.data, 3 in sq, 42 in sq, 42 not in sq)
print(list(sq), [x * 2 for x in sq], sum(sq))
for x in sq:
    print("item", x)
it = iter(sq)
print(next(it), next(it))
print(bool(Seq(0)), bool(Seq(1)))
a, b, c, e = sq
print(a, b, c, e)


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, y=0):
        return self.n + x + y


add5 = Adder(5)
print(add5(1), add5(1, y=2), callable(add5), callable(v))


class OnlyEq:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k


print(OnlyEq(1) == OnlyEq(1), OnlyEq(1) != OnlyEq(2), OnlyEq(1) in [OnlyEq(0), OnlyEq(1)])


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


print(list(Countdown(4)), 2 in Countdown(3))


class StrOnly:
    def __str__(self):
        return "str-only"


class ReprOnly:
    def __repr__(self):
        return "repr-only"


print(StrOnly(), ReprOnly(), str(ReprOnly()), [ReprOnly()])


class Cmp:
    def __init__(self, v):
        self.v = v

    def __le__(self, other):
        return self.v <= other.v

    def __ge__(self, other):
        return self.v >= other.v

    def __gt__(self, other):
        return self.v > other.v


print(Cmp(1) <= Cmp(2), Cmp(1) >= Cmp(2), Cmp(3) > Cmp(2), Cmp(3) < Cmp(2))


class Radd:
    def __radd__(self, other):
        return "radd(" + repr(other) + ")"


print(1 + Radd(), "s" + Radd(), [1] + Radd())
try:
    Radd() + 1
except TypeError:
    print("TypeError for unsupported +")
