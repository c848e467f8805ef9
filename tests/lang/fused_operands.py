# The fused operand instructions (LOAD_FAST; LOAD_FAST|LOAD_CONST; op):
# their fast paths, every fallback, errors, and jumps into the middle of a
# fused sequence. The output must equal CPython's.


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __lt__(self, other):
        return "MyInt.__lt__"


class MyList(list):
    def __getitem__(self, i):
        return "MyList[%r]" % (i,)


def arith(x, y):
    out = []
    for op in range(11):
        try:
            if op == 0:
                r = x + y
            elif op == 1:
                r = x - y
            elif op == 2:
                r = x * y
            elif op == 3:
                r = x // y
            elif op == 4:
                r = x % y
            elif op == 5:
                r = x & y
            elif op == 6:
                r = x | y
            elif op == 7:
                r = x ^ y
            elif op == 8:
                r = x / y
            elif op == 9:
                r = x << y
            else:
                r = x ** y
        except Exception as e:
            r = type(e).__name__
        out.append(r)
    return out


def with_consts(x):
    r = [x + 1, x - 1, x * 3, x // 2, x % 2, x // -1, x % -1, x / 4,
         x < 3, x <= 3, x == 3, x != 3, x > 3, x >= 3]
    if type(x) is int:
        r.append(x & 6)
    return r


def compares(x, y):
    return [x < y, x <= y, x == y, x != y, x > y, x >= y]


def subscripts(seq, i):
    try:
        return seq[i]
    except Exception as e:
        return type(e).__name__


def inplace(n):
    total = 0
    while n > 0:
        n -= 1
        total += n
    return total


def middle_jump(a, b, c):
    # The jump from the `a` branch lands on the LOAD_CONST after `b`.
    return (a if c else b) + 1


def unbound_left():
    try:
        print(q + 1)
    except UnboundLocalError:
        print("left unbound")
    q = 1
    return q


def unbound_right():
    p = 1
    try:
        print(p + q)
    except UnboundLocalError:
        print("right unbound")
    q = 2
    return p + q


for x, y in [(7, 2), (-7, 2), (7, -2), (7, 0), (0, 0), (-1, -1), (6, 1),
             (2.5, 0.5), (2.5, 0.0), (3, 1.5), (1.5, 3), ("ab", "cd"),
             ([1], [2]), (MyInt(5), 1), (1, True), (True, True)]:
    print(x, y, arith(x, y))
print(with_consts(3), with_consts(-4), with_consts(2.0))
for x, y in [(1, 2), (2, 1), (2, 2), (1.5, 1.5), (1, 1.5), (float("nan"), 1.0),
             ("a", "b"), ("a", "a"), ("b", "a"), ((1, 2), (1, 3)),
             (MyInt(1), 2), (None, None)]:
    try:
        print(repr(x), repr(y), compares(x, y))
    except TypeError as e:
        print(repr(x), repr(y), "TypeError")
for seq in [[10, 20, 30], (10, 20, 30), "xyz", MyList([1, 2]), {0: "zero"}]:
    print([subscripts(seq, i) for i in (0, 2, -1, -3, 3, -4)],
          subscripts(seq, 1.0), subscripts(seq, True))
print(inplace(10), inplace(0), inplace(-3))
print(middle_jump(10, 20, True), middle_jump(10, 20, False),
      middle_jump(1.5, "s", True))
print(unbound_left(), unbound_right())


def grows():
    # A local rebound between uses, and one shared by both operands.
    s = "a"
    i = 0
    while i < 3:
        s = s + s
        i = i + i + 1
    return s, i


print(grows())


# Attribute loads and stores through a local (LOAD_FAST; LOAD_ATTR and
# LOAD_FAST; STORE_ATTR): plain attributes, class attributes, properties,
# __getattr__ / __setattr__, slots of built-in types, modules, an unbound
# local, and an owner whose other references all go away during the access.
import math


class Attrs:
    kind = "class value"

    def __init__(self, x):
        self.x = x

    @property
    def double(self):
        return self.x * 2

    @double.setter
    def double(self, v):
        self.x = v // 2


class Dynamic:
    def __getattr__(self, name):
        return "dynamic " + name

    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 10)


holder = []


class Vanishing:
    """Its property drops the last reference other than the caller's local
    (when the reference goes depends on the build: free-threaded ones
    release a list's items after a grace period, so nothing here prints
    from __del__)."""

    def __init__(self):
        self.name = "vanishing"

    @property
    def gone(self):
        holder.clear()
        return "still here"


def attributes(a, d):
    out = [a.x, a.kind, a.double]
    a.x = 7
    a.double = 40
    out.append(a.x)
    a.extra = [a.x]
    out.append(a.extra)
    out.append(d.missing)
    d.y = 4
    out.append(d.y)
    m = math
    out.append(m.floor(2.5))
    c = 1.5
    out.append(c.real)
    del a.extra
    try:
        a.extra
    except AttributeError as e:
        out.append(str(e))
    return out


def owner_vanishes():
    holder.append(Vanishing())
    v = holder[0]
    r = v.gone
    v.after = r
    return v.name, v.after, len(holder)


def unbound_owner():
    try:
        print(o.x)
    except UnboundLocalError:
        print("owner unbound")
    try:
        o.x = 1
    except UnboundLocalError:
        print("store owner unbound")
    o = Attrs(1)
    o.x = 5
    return o.x


print(attributes(Attrs(3), Dynamic()))
print(owner_vanishes())
print(unbound_owner())
