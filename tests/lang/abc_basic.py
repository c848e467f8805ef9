import abc
from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f"{type(self).__name__} area={self.area()}"

print(sorted(Shape.__abstractmethods__))
for cls in (Shape,):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Half.__abstractmethods__))

class Square(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
    def perimeter(self): return 4 * self.s
sq = Square(3)
print(sq.describe(), sq.perimeter(), Square.__abstractmethods__)
print(isinstance(sq, Shape), issubclass(Square, Shape), issubclass(int, Shape))

# register
class Drawable(ABC):
    pass
@Drawable.register
class Circle:
    pass
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
Drawable.register(int)
print(isinstance(3, Drawable), isinstance(True, Drawable), isinstance("x", Drawable))
print(Drawable.register(Circle) is Circle)
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    Drawable.register(object) if False else Circle.__class__
    class Sub(Drawable): pass
    Sub.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)

# __subclasshook__
class Quacker(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacker:
            if any("quack" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented
class Duck:
    def quack(self): pass
class Robot(Duck): pass
print(isinstance(Duck(), Quacker), issubclass(Robot, Quacker), isinstance(1, Quacker))

class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)

# ABCMeta directly, abstract properties, classmethods, staticmethods
class Base(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def helper(): ...
print(sorted(Base.__abstractmethods__))
class Impl(Base):
    @property
    def name(self): return "impl"
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def helper(): return 42
print(Impl.make().name, Impl.helper())
print(type(Base).__name__, isinstance(Base, ABCMeta), ABC.__slots__)
print(abc.get_cache_token() >= 0)

# update_abstractmethods
class P(ABC):
    @abstractmethod
    def f(self): ...
class C(P):
    pass
C.f = lambda self: 1
abc.update_abstractmethods(C)
print(C().f(), C.__abstractmethods__)

# abstract instance that is not an ABCMeta user (metaclass hooks)
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 1
    def __subclasscheck__(cls, sub):
        return sub is float
class Odd(metaclass=Meta):
    pass
print(isinstance(1, Odd), isinstance(2, Odd), issubclass(float, Odd), issubclass(int, Odd))
print(isinstance(Odd(), Odd), isinstance(1, (str, Odd)), issubclass(float, (str, Odd)))
class Raiser(type):
    def __instancecheck__(cls, inst):
        raise ValueError("nope")
class Rz(metaclass=Raiser): pass
try:
    isinstance(3, Rz)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(Rz(), Rz))
class Rec(type):
    def __instancecheck__(cls, inst):
        return isinstance(inst, cls)
class Rc(metaclass=Rec): pass
try:
    isinstance(3, Rc)
except RecursionError as e:
    print("RecursionError")
print(object.__subclasshook__(int), Shape.__subclasshook__(int))
