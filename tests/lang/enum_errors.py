# enum: errors and their messages.
# refs: cycles -- enum's StrEnum and IntEnum members are str and int
# subclass instances, which the cycle collector does not track yet.
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        # (addresses cut off: they differ run by run)
        print(label, type(e).__name__, str(e).split(' at 0x')[0],
              repr(e.__context__) if e.__context__ else '')
    else:
        print(label, 'ok', repr(r))


class Color(Enum):
    RED = 1
    GREEN = 2


class Perm(Flag):
    R = 4
    W = 2
    X = 1


class Odd(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 3


class Raiser(Enum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        raise KeyError(value)


def extend():
    class More(Color):
        BLUE = 3


def duplicate():
    class D(Enum):
        A = 1
        A = 2


def method_then_member():
    class D(Enum):
        def A(self):
            pass
        A = 1


def sunder():
    class D(Enum):
        _bad_ = 1


def dup_unique():
    @unique
    class D(Enum):
        A = 1
        B = 1
        C = 2
        E = 2


def bad_mixin_order():
    class D(Enum, int):
        A = 1


def mro_name():
    class D(Enum):
        mro = 1


def str_enum_int():
    class S(StrEnum):
        A = 1


def order_mismatch():
    class D(Enum):
        _order_ = 'B A'
        A = 1
        B = 2


def reassign():
    Color.RED = 5


def delete():
    del Color.GREEN


attempt('value', lambda: Color(5))
attempt('value str', lambda: Color('RED'))
attempt('name', lambda: Color['PURPLE'])
attempt('attr', lambda: Color.PURPLE)
attempt('lt', lambda: Color.RED < Color.GREEN)
attempt('gt int', lambda: Color.RED > 1)
attempt('add', lambda: Color.RED + 1)
attempt('in int', lambda: 1 in Color)
attempt('reassign', reassign)
attempt('delete', delete)
attempt('set name', lambda: setattr(Color.RED, 'name', 'x'))
attempt('set value', lambda: setattr(Color.RED, 'value', 3))
attempt('extend', extend)
attempt('duplicate', duplicate)
attempt('method then member', method_then_member)
attempt('sunder', sunder)
attempt('unique', dup_unique)
attempt('mixin order', bad_mixin_order)
attempt('mro', mro_name)
attempt('StrEnum int', str_enum_int)
attempt('_order_', order_mismatch)
attempt('missing bad', lambda: Odd(7))
attempt('missing raises', lambda: Raiser(7))
attempt('flag strict', lambda: Perm(9))
attempt('flag str', lambda: Perm('x'))
attempt('flag or int', lambda: Perm.R | 1)
attempt('flag in', lambda: 1 in Perm.R)
attempt('flag and other', lambda: Perm.R & Color.RED)
attempt('intenum unhashable', lambda: IntEnum('I', 'A B')(3))
attempt('new attr ok', lambda: setattr(Color, 'extra', 1) or Color.extra)
