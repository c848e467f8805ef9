# lambda, closures, nonlocal.
square = lambda x: x * x
print(square(7))
print((lambda: "no args")())
print((lambda a, b=10: a + b)(1), (lambda a, b=10: a + b)(1, 2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in late])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(4))


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())


def make_multiplier(factor):
    def mul(x):
        return x * factor
    return mul


double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x


print(outer())


def shared_cell():
    value = 0

    def get():
        return value

    def set_(v):
        nonlocal value
        value = v
    return get, set_


getter, setter = shared_cell()
print(getter())
setter(42)
print(getter())


def closure_sees_later_binding():
    def f():
        return y
    y = "bound after def"
    return f()


print(closure_sees_later_binding())


def accumulate():
    total = []

    def add(v):
        total.append(v)
        return sum(total)
    return add


acc = accumulate()
acc(1)
acc(2)
print(acc(3))


def loop_closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i * 100
        fs.append(f)
    return [f() for f in fs]


print(loop_closures())


def nonlocal_in_loop():
    n = 0

    def bump():
        nonlocal n
        n += 2
    for _ in range(5):
        bump()
    return n


print(nonlocal_in_loop())


def param_closure(a, b=5):
    return lambda: a * b


print(param_closure(3)(), param_closure(2, 2)())


# lambda in a class body / method
class Calc:
    op = staticmethod(lambda a, b: a - b)

    def make(self, k):
        return lambda v: v + k + self.base

    base = 1000


print(Calc.op(10, 3), Calc().make(5)(1))
