class Base:
    def __init_subclass__(cls, /, flag=False, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
class A(Base, flag=True): pass
class B(Base): pass
print(A.flag, B.flag)
try:
    class C(Base, other=1): pass
except TypeError as e: print(e)
try:
    class D(bogus=1): pass
except TypeError as e: print(e)
class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", kw)
        return super().__new__(mcls, name, bases, ns, **kw)
class E(Base, metaclass=M, flag=3): pass
print(E.flag)
X = type("X", (Base,), {}, flag=7)
print(X.flag)
try: type("Y", (), {}, q=1)
except TypeError as e: print(e)
