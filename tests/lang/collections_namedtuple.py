# collections.namedtuple
from collections import namedtuple


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), P._make([3, 4]))
print(P._fields, P.__doc__, P.__module__, P.__name__, P._field_defaults)
print(P(*p), tuple(p), len(p), p == (1, 2), p < P(1, 3), hash(p) == hash((1, 2)))
x, y = p; print(x, y, p.__getnewargs__(), P.x.__doc__)
e(lambda: P(1)); e(lambda: P._make([1])); e(lambda: p._replace(z=1))
e(lambda: P(1, 2, 3)); e(lambda: P(1, 2, x=3)); e(lambda: setattr(p, 'x', 9))
e(lambda: p.z)
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[2, 3])
print(Q(1), Q._field_defaults, Q(1, c=9), Q.__new__.__defaults__)
e(lambda: Q())
e(lambda: namedtuple('1x', 'a')); e(lambda: namedtuple('X', 'a class'))
e(lambda: namedtuple('X', 'a _b')); e(lambda: namedtuple('X', 'a a'))
e(lambda: namedtuple('X', 'a', defaults=[1, 2])); e(lambda: namedtuple('X', 'a-b'))
e(lambda: namedtuple('def', 'a')); e(lambda: namedtuple('X', ['a', 3]))
R = namedtuple('R', 'a def a _x 9', rename=True); print(R._fields)
print(namedtuple('Comma', 'a, b,c')._fields, namedtuple('E', '')(), namedtuple('One', 'a')(1))


class Pt(namedtuple('Pt', 'x y')):
    __slots__ = ()

    def norm(self):
        return self.x ** 2 + self.y ** 2

    def __repr__(self):
        return 'Pt<%d, %d>' % self


print(Pt(3, 4), Pt(3, 4).norm(), isinstance(Pt(1, 2), tuple), Pt._make([1, 5]))
print(namedtuple('M', 'a', module='mod').__module__, Pt.__mro__[1].__name__)
people = [namedtuple('Person', 'name age')(n, a) for n, a in [('bo', 30), ('al', 25), ('cy', 35)]]
print(sorted(people, key=lambda q: q.age))
print(max(people, key=lambda q: q.age).name)
Big = namedtuple('Big', ['f%d' % i for i in range(20)])
print(Big(*range(20)).f19, Big._make(range(20))[-1])
print(p._replace(), p._replace(y=p))
