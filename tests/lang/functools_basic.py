# functools: partial, reduce, wraps, lru_cache, cache, cached_property,
# total_ordering, cmp_to_key, singledispatch; compared with CPython.
# refs: cycles (the C types of _functools are readied at import and keep their
# dicts for good: the delta equals that of a bare import)
import functools
from functools import (partial, reduce, wraps, update_wrapper, lru_cache,
                       cache, cached_property, total_ordering, cmp_to_key,
                       singledispatch, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)

def t(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

# partial
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 7), p(2, d=8), p.func is f, p.args, p.keywords)
pp = partial(p, 9, c=0)
print(pp(), pp.func is f, pp.args, pp.keywords, type(pp).__name__)
print(repr(partial(max, 1, 2, key=abs)))
print(repr(partial(partial(max, 1), key=abs)))
print(partial(int, base=2)('1010'), partial(print, end='!\n')('hi'))
print([partial(pow, 2)(i) for i in range(5)])
p.attr = 'x'
print(p.attr, p.__dict__)
class P(partial):
    pass
q = P(f, 1, 2)
print(q(), type(q).__name__, isinstance(q, partial), repr(q).startswith('P(<function f'))
print(partial(len)('abc'), partial(dict, a=1)(b=2), partial(f, a=1, b=2)())
t(lambda: partial())
t(lambda: partial(1))
t(lambda: partial(f)(1))
t(lambda: partial(f, 1, 2, 3, 4)())
big = partial(f)
print(big(*range(2)), partial(lambda *a, **k: (a, k), 1, 2, 3, 4, 5, 6, x=1)(7, 8, 9, y=2))

# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10),
      reduce(max, [], 'init'), reduce(lambda a, b: a + b, ['x']), reduce(lambda a, b: a + b, 'abc'))
t(lambda: reduce(lambda a, b: a, []))
t(lambda: reduce(None, 1))
t(lambda: reduce(None))
t(lambda: reduce(None, [], 1, 2))
t(lambda: reduce(lambda a, b: a + b, [1, 'x']))

# wraps / update_wrapper
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k)
    return inner
@deco
def greet(name):
    """Say hello."""
    return 'hello ' + name
greet.__dict__['extra'] = 1
print(greet('bob'), greet.__name__, greet.__qualname__, greet.__doc__, greet.__module__,
      greet.__wrapped__.__name__, greet.__wrapped__('x'), greet.__annotations__)
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
def target():
    pass
target.flag = True
def w():
    pass
print(update_wrapper(w, target) is w, w.__name__, w.flag, w.__wrapped__ is target)
class Obj:
    pass
o = Obj()
update_wrapper(o, len, assigned=('__name__', '__nonexistent__'), updated=())
print(o.__name__, o.__wrapped__ is len)

# lru_cache
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print(sq(1), sq(2), sq(1), sq(3), sq(2), sq(1))
print(calls, sq.cache_info(), sq.cache_info().hits, sq.cache_info()._fields if hasattr(sq.cache_info(), '_fields') else None)
info = sq.cache_info()
print(tuple(info), info[0], info == (2, 4, 2, 2), isinstance(info, tuple))
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__(5))
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache(maxsize=None)
def ident(*a, **k):
    return (a, k)
print(ident(1), ident(1, x=2), ident(1), ident(1.0), ident(x=2), ident.cache_info())
@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info(), typed.cache_parameters())
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
@lru_cache(-5)
def neg(x):
    return x
print(neg(1), neg.cache_info())
t(lambda: sq([1]))
t(lambda: lru_cache('x'))
t(lambda: lru_cache(maxsize='x'))
t(lambda: lru_cache(maxsize=3)(5))
t(lambda: cache(5))
class Cls:
    def __init__(self):
        self.n = 0
    @lru_cache(maxsize=None)
    def meth(self, x):
        self.n += 1
        return x + 1
c = Cls()
print(c.meth(1), c.meth(1), c.n, Cls.meth.cache_info())

# cache
@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(10), fact(5), fact.cache_info())

# cached_property
class Circle:
    def __init__(self, r):
        self.r = r
        self.computed = 0
    @cached_property
    def area(self):
        """The area."""
        self.computed += 1
        return 3 * self.r * self.r
cc = Circle(2)
print(cc.area, cc.area, cc.computed, 'area' in cc.__dict__, Circle.area.__doc__,
      type(Circle.area).__name__, Circle.area.attrname)
del cc.area
print(cc.area, cc.computed)
cc.area = 99
print(cc.area)
cp = cached_property(lambda self: 1)
class B:
    pass
B.y = cp
t(lambda: B().y)

# total_ordering
@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v
a, b = V(1), V(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= V(1), a >= V(1), a > V(1))
print(sorted(V(x) for x in [3, 1, 2])[0].v, V.__gt__.__name__)
t(lambda: a >= 3)
@total_ordering
class G:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __ge__(self, o):
        return self.v >= o.v
print(G(1) < G(2), G(1) <= G(1), G(2) > G(1), G(1) > G(1))
@total_ordering
class L:
    def __init__(self, v):
        self.v = v
    def __le__(self, o):
        return self.v <= o.v
print(L(1) < L(2), L(1) >= L(1), L(2) > L(1))
t(lambda: total_ordering(type('X', (), {})))

# cmp_to_key
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 4, 1], key=cmp_to_key(cmp)), sorted('bca', key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(1) == K(1), K(3) >= K(2), K(2).obj, min([3, 1, 2], key=K))
t(lambda: K(1) < 2)

# singledispatch
@singledispatch
def show(x):
    return 'object ' + repr(x)
@show.register(int)
def _(x):
    return 'int %d' % x
@show.register(list)
def _(x):
    return 'list of %d' % len(x)
def show_str(x):
    return 'str ' + x
show.register(str, show_str)
class MyList(list):
    pass
print(show(1), show(True), show('a'), show([1, 2]), show(MyList([1])), show(2.5), show(None))
print(show.dispatch(bool) is show.dispatch(int), show.dispatch(float) is show.registry[object],
      sorted(k.__name__ for k in show.registry), show.__name__)
t(lambda: show())
t(lambda: show.register(1))
