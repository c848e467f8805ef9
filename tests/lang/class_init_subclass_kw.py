# Class statement keywords reach __init_subclass__ (and object refuses them).
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Sub(Base, tag='x'): pass
print(Sub.tag)
class Sub2(Base): pass
print(Sub2.tag)
try:
    class Bad(object, foo=1): pass
except TypeError as e: print(e)
try:
    class Bad2(Base, tag=1, other=2): pass
except TypeError as e: print(e)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        return super().__new__(m, name, bases, ns, **kw)
class WithMeta(Base, metaclass=Meta, tag='m'): pass
print(WithMeta.tag, type(WithMeta).__name__)
T = type('T', (Base,), {}, tag='t')
print(T.tag)
