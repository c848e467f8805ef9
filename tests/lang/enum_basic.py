# enum: Enum, IntEnum, StrEnum, auto, unique, lookups, aliases, reprs.
# refs: cycles -- enum's StrEnum and IntEnum members are str and int
# subclass instances, which the cycle collector does not track yet.
import enum
from enum import Enum, IntEnum, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return '%s is %d' % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(list(Color), len(Color))
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(1), Color['BLUE'], Color(2) is Color.GREEN, Color.CRIMSON is Color.RED)
print(Color.__members__)
print(list(Color.__members__), Color.RED in Color, Color.RED.describe(), Color.default())
print(type(Color.RED), isinstance(Color.RED, Color), type(Color), repr(Color))
print(Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1, Color.RED is Color(Color.RED))
print({Color.RED: 'r', Color.GREEN: 'g'}[Color(1)], hash(Color.RED) == hash(Color.RED))
print(format(Color.RED), f'{Color.BLUE}', f'{Color.BLUE:>12}|', '%s' % Color.GREEN, str(Color.GREEN))
print(list(reversed(Color)), sorted(Color, key=lambda c: -c.value))
print(dir(Color))
print(dir(Color.RED))
print(Color.RED.__reduce_ex__(2), Color.__doc__, bool(Color), bool(Color.RED))


class Shape(IntEnum):
    CIRCLE = 1
    SQUARE = 2


print(repr(Shape.CIRCLE), str(Shape.CIRCLE), format(Shape.SQUARE), f'{Shape.SQUARE:03d}')
print(Shape.CIRCLE == 1, Shape.CIRCLE < Shape.SQUARE, Shape.SQUARE + 1, sorted([Shape.SQUARE, 0, Shape.CIRCLE]))
print(Shape(2), isinstance(Shape.CIRCLE, int), hash(Shape.CIRCLE) == hash(1), [1, 2, 3][Shape.CIRCLE])


class Mixed(int, Enum):
    ONE = 1
    TWO = 2


print(repr(Mixed.ONE), str(Mixed.ONE), format(Mixed.TWO), Mixed.TWO * 3)


class Fruit(StrEnum):
    APPLE = auto()
    PEAR = 'pear'
    Banana = auto()


print(list(Fruit), str(Fruit.APPLE), Fruit.APPLE == 'apple', Fruit.PEAR.upper(), f'{Fruit.Banana}')


class Numbers(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Numbers), repr(auto()))


class Custom(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name * 2
    X = auto()
    Y = auto()


print(list(Custom))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
print(Planet((3.303e+23, 2.4397e6)))


class Coord(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, 'P.X')
    PY = (1, 'P.Y')


print(repr(Coord.PY), Coord(1).label, Coord.PX.value)


class Status(Enum):
    OK = 'ok'
    ERR = 'err'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Status('OK'), Status('Err'))


@unique
class Single(Enum):
    A = 1
    B = 2


print(list(Single))


class Ignored(Enum):
    _ignore_ = ['tmp']
    A = 1
    tmp = 5


print(list(Ignored), hasattr(Ignored, 'tmp'))

# members named like Enum's own properties
class Attr(Enum):
    name = 1
    value = 2


print(Attr.name, Attr.value, Attr.name.name, Attr.value.value, list(Attr))

# functional API
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal.__name__)
Grade = IntEnum('Grade', [('LOW', 10), ('HIGH', 20)])
print(list(Grade), Grade(20))
Pets = Enum('Pets', {'DOG': 'd', 'FISH': 'f'})
print(list(Pets), Enum('Comma', 'A, B').B)

# subclassing an enum without members, with shared methods
class Describable(Enum):
    def label(self):
        return self.name.lower()


class Light(Describable):
    ON = True
    OFF = False


print(Light.ON.label(), Light(False), list(Light))
print(enum.EnumMeta is enum.EnumType, isinstance(Color, enum.EnumType), issubclass(Shape, int))

# member() and nonmember()
from enum import member, nonmember


class Special(Enum):
    A = 1
    LIMIT = nonmember(5)

    @member
    def handler():
        return 'handled'

    def method(self):
        return 'method'


print([m.name for m in Special], Special.LIMIT, Special.A.method(), Special.handler.value())
