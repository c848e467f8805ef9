# property, staticmethod, classmethod, isinstance/issubclass, multiple inheritance.
class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._c = celsius

    def _get_c(self):
        return self._c

    def _set_c(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value

    celsius = property(_get_c, _set_c)

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def from_f_value(f):
        return (f - 32) * 5 / 9

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(cls.from_f_value(f))

    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError:
    print("AttributeError on read-only property")
print(Temperature.from_f_value(212), t.from_f_value(50))
t2 = Temperature.from_fahrenheit(212)
print(type(t2).__name__, t2.celsius)
print(Temperature.describe(), t.describe())


class Kelvin(Temperature):
    scale = "K"


k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.celsius, Kelvin.describe())


class Counter:
    instances = 0

    def __init__(self):
        Counter.bump()

    @staticmethod
    def bump():
        Counter.instances += 1

    @classmethod
    def how_many(cls):
        return cls.instances


Counter()
Counter()
print(Counter.how_many())

# isinstance / issubclass


class A:
    pass


class B(A):
    pass


class C:
    pass


class D(B, C):
    pass


objs = [A(), B(), C(), D()]
for o in objs:
    print(type(o).__name__, isinstance(o, A), isinstance(o, B), isinstance(o, C),
          isinstance(o, (B, C)), isinstance(o, object))
print(issubclass(D, A), issubclass(D, C), issubclass(A, D), issubclass(A, A),
      issubclass(B, (C, A)), issubclass(A, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", str),
      isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, object))
print(issubclass(bool, int), issubclass(int, float), issubclass(KeyError, LookupError),
      issubclass(ZeroDivisionError, ArithmeticError), issubclass(ValueError, Exception),
      issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))


# multiple inheritance and the MRO
class Base:
    def hello(self):
        return ["Base"]

    def name(self):
        return "Base.name"


class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()

    def name(self):
        return "Right.name"


class Diamond(Left, Right):
    def hello(self):
        return ["Diamond"] + super().hello()


dm = Diamond()
print(dm.hello())
print(dm.name())
print([c.__name__ for c in Diamond.__mro__])
print([c.__name__ for c in D.__mro__])


class Mixin:
    def greet(self):
        return "mixin greets " + self.who()


class Person:
    def who(self):
        return "person"


class Greeter(Mixin, Person):
    pass


print(Greeter().greet())


class X:
    attr = "X"


class Y:
    attr = "Y"
    only_y = "only in Y"


class Z(X, Y):
    pass


print(Z.attr, Z.only_y, Z().attr)


# cooperative __init__ through the MRO
class P:
    def __init__(self):
        self.trace = ["P"]


class Q(P):
    def __init__(self):
        super().__init__()
        self.trace.append("Q")


class R(P):
    def __init__(self):
        super().__init__()
        self.trace.append("R")


class S(Q, R):
    def __init__(self):
        super().__init__()
        self.trace.append("S")


print(S().trace)

# getattr/setattr/hasattr/delattr with classes
obj = Temperature(5)
print(getattr(obj, "celsius"), getattr(obj, "missing", "dflt"), hasattr(obj, "fahrenheit"))
setattr(obj, "extra", 42)
print(obj.extra, hasattr(obj, "extra"))
delattr(obj, "extra")
print(hasattr(obj, "extra"))
try:
    getattr(obj, "missing")
except AttributeError:
    print("AttributeError")
