# dataclasses: generated methods, field options, helpers, inheritance.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, InitVar, KW_ONLY, MISSING,
                         make_dataclass, FrozenInstanceError)
import dataclasses


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4))
print(p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__init__.__qualname__, Point.__init__.__defaults__)
print(Point.__doc__, Point.__match_args__)
print(Point.__hash__, list(Point.__dataclass_fields__))
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3), is_dataclass(int))
print([(f.name, f.type, f.default is MISSING and 'MISSING' or f.default) for f in fields(Point)])
print(Point.y, 'x' in Point.__dict__)

# order and frozen; hash from fields
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default='', compare=False)


vs = [Version(1, 2, 'b'), Version(0, 9), Version(1, 0, 'a'), Version(1, 2, 'a')]
print(sorted(vs))
print(Version(1, 2, 'x') == Version(1, 2, 'y'), Version(1) < Version(1, 1),
      Version(2) >= Version(1, 5), Version(1) <= Version(1))
print(hash(Version(3, 4)) == hash((3, 4)), len({Version(1), Version(1, 0, 'q')}))
try:
    Version(1).major = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del Version(1).minor
except AttributeError as e:
    print(type(e).__name__, e)
print(Version(1) < (1, 0) if False else Version.__lt__(Version(1), (1,)))

# unsafe_hash, eq=False
@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)


print(hash(H(5)) == hash((5,)), H(1) == H(1))


@dataclass(eq=False)
class NoEq:
    a: int


n = NoEq(1)
print(n == NoEq(1), n == n, NoEq.__hash__ is object.__hash__)

# defaults, factories, init=False, repr=False
counter = [0]


def next_id():
    counter[0] += 1
    return counter[0]


@dataclass
class Item:
    name: str
    tags: list = field(default_factory=list)
    ident: int = field(default_factory=next_id, init=False)
    secret: str = field(default='s', repr=False)
    meta: dict = field(default_factory=dict, metadata={'unit': 'cm'})


a, b = Item('a'), Item('b', ['t'])
a.tags.append(1)
print(a, b, a.tags is not b.tags, a.secret)
print(fields(Item)[4].metadata['unit'], fields(Item)[4].metadata)
print(Item.__init__.__defaults__[1], Item.__init__.__defaults__)

# __post_init__ and InitVar
@dataclass
class Rect:
    w: int
    h: int
    scale: InitVar[int] = 1
    area: int = field(init=False)

    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h


r = Rect(2, 3, 10)
print(r, Rect(2, 3), [f.name for f in fields(r)], 'scale' in Rect.__dataclass_fields__)
print(Rect.__match_args__, replace(r, w=1, scale=2))

# keyword-only fields
@dataclass
class Opts:
    path: str
    _: KW_ONLY
    verbose: bool = False
    level: int


@dataclass(kw_only=True)
class AllKw:
    a: int = 1
    b: int


print(Opts('p', level=3), Opts.__match_args__, AllKw(b=2), AllKw.__match_args__)


@dataclass
class Mixed:
    a: int
    b: int = field(default=2, kw_only=True)
    c: int = 3


print(Mixed(1, 5, b=7), Mixed.__match_args__)

# inheritance: base fields first, redefinition keeps the position
@dataclass
class Base:
    x: int = 1
    y: int = 2


@dataclass
class Derived(Base):
    z: int = 3
    x: int = 10


print(Derived(), Derived(4, 5, 6), [f.name for f in fields(Derived)])


class Plain(Base):
    pass


print(Plain(7), is_dataclass(Plain))

# nested classes use __qualname__; user-defined methods are kept
class Outer:
    @dataclass
    class Inner:
        v: float = 1.5

        def __repr__(self):
            return 'custom'

    @dataclass
    class Other:
        s: str = 'x'


print(Outer.Inner(), Outer.Other(), repr(Outer.Other('y')))

# asdict / astuple recurse into dataclasses, lists, tuples and dicts
@dataclass
class Leaf:
    v: int


@dataclass
class Tree:
    name: str
    leaves: list
    pair: tuple
    index: dict
    root: Leaf = None


t = Tree('t', [Leaf(1), Leaf(2)], (Leaf(3), 4), {'k': Leaf(5), Leaf(6).v: [Leaf(7)]}, Leaf(8))
d = asdict(t)
print(d)
print(astuple(t))
print(asdict(Leaf(1), dict_factory=lambda items: sorted(items)))
print(astuple(Leaf(2), tuple_factory=list))
d['leaves'].append(9)
print(len(t.leaves))

# replace
v2 = replace(Version(1, 2, 'a'), minor=5)
print(v2, v2 is not Version(1, 2, 'a'))

# recursive repr
@dataclass
class Node:
    val: int
    nxt: object = None


n1 = Node(1)
n1.nxt = n1
print(n1)

# make_dataclass
MC = make_dataclass('MC', [('a', int), 'c', ('b', str, field(default='q'))],
                    namespace={'double': lambda self: self.a * 2})
m = MC(1, c=3)
print(m, m.double(), [f.name for f in fields(MC)])

# a field named self
@dataclass
class S:
    self: int


print(S(3))

# class attributes without annotations are not fields; descriptors kept
@dataclass
class WithClassAttr:
    a: int
    count = 0

    @property
    def twice(self):
        return self.a * 2


print(WithClassAttr(4), WithClassAttr(4).twice, [f.name for f in fields(WithClassAttr)])
print(MISSING is dataclasses.MISSING, repr(dataclasses._HAS_DEFAULT_FACTORY))
print(Point.__dataclass_params__)
