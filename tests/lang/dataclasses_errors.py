# dataclasses: the errors and their messages.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok', r)


def mutable_list():
    @dataclass
    class C:
        x: list = []


def mutable_dict():
    @dataclass
    class C:
        items: dict = {}


def mutable_set():
    @dataclass
    class C:
        s: set = set()


def order_default():
    @dataclass
    class C:
        x: int = 1
        y: int


def both_defaults():
    return field(default=1, default_factory=list)


def order_without_eq():
    @dataclass(order=True, eq=False)
    class C:
        x: int


def overwrite_lt():
    @dataclass(order=True)
    class C:
        x: int

        def __lt__(self, other):
            return True


def overwrite_hash():
    @dataclass(unsafe_hash=True)
    class C:
        x: int

        def __hash__(self):
            return 1


def frozen_setattr():
    @dataclass(frozen=True)
    class C:
        x: int

        def __setattr__(self, k, v):
            pass


def frozen_from_plain():
    @dataclass
    class A:
        x: int

    @dataclass(frozen=True)
    class B(A):
        y: int


def plain_from_frozen():
    @dataclass(frozen=True)
    class A:
        x: int

    @dataclass
    class B(A):
        y: int


def field_without_annotation():
    @dataclass
    class C:
        x: int
        y = field(default=3)


def two_kw_only():
    @dataclass
    class C:
        _: KW_ONLY
        a: int
        __: KW_ONLY


def initvar_factory():
    @dataclass
    class C:
        x: InitVar[list] = field(default_factory=list)


@dataclass
class P:
    x: int
    y: int = 0
    z: int = field(default=0, init=False)


@dataclass
class WithInitVar:
    a: int
    k: InitVar[int]

    def __post_init__(self, k):
        self.a += k


@dataclass(frozen=True)
class F:
    x: int


attempt('mutable list', mutable_list)
attempt('mutable dict', mutable_dict)
attempt('mutable set', mutable_set)
attempt('order', order_default)
attempt('both', both_defaults)
attempt('order/eq', order_without_eq)
attempt('__lt__', overwrite_lt)
attempt('__hash__', overwrite_hash)
attempt('__setattr__', frozen_setattr)
attempt('frozen<plain', frozen_from_plain)
attempt('plain<frozen', plain_from_frozen)
attempt('no annotation', field_without_annotation)
attempt('KW_ONLY twice', two_kw_only)
attempt('InitVar factory', initvar_factory)
attempt('missing arg', lambda: P())
attempt('extra arg', lambda: P(1, 2, 3))
attempt('unknown kw', lambda: P(1, w=2))
attempt('dup arg', lambda: P(1, x=2))
attempt('init=False arg', lambda: P(1, z=2))
attempt('replace init=False', lambda: replace(P(1), z=5))
attempt('replace unknown', lambda: replace(P(1), q=5))
attempt('replace InitVar', lambda: replace(WithInitVar(1, 2), a=3))
attempt('replace InitVar ok', lambda: replace(WithInitVar(1, 2), k=10))
attempt('replace non-dc', lambda: replace(3, x=1))
attempt('asdict class', lambda: asdict(P))
attempt('asdict int', lambda: asdict(1))
attempt('astuple', lambda: astuple('x'))
attempt('fields', lambda: fields(object()))
attempt('fields int', lambda: fields(int))
attempt('hash unfrozen', lambda: hash(P(1)))
attempt('frozen set', lambda: setattr(F(1), 'x', 2))
attempt('frozen new attr', lambda: setattr(F(1), 'other', 2))
attempt('frozen del', lambda: delattr(F(1), 'x'))
attempt('compare order', lambda: P(1) < P(2))
attempt('initvar attr', lambda: WithInitVar(1, 2).k)
attempt('field positional', lambda: field(1))
