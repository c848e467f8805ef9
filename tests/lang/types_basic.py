import sys
import types

def f(): pass
class C:
    def m(self): pass
def gen(): yield 1

print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType),
      types.FunctionType is types.LambdaType, isinstance(f.__code__, types.CodeType))
print(isinstance(C().m, types.MethodType), isinstance(C.m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(gen(), types.GeneratorType), isinstance(sys, types.ModuleType))
print(types.NoneType is type(None), types.NotImplementedType is type(NotImplemented),
      types.EllipsisType is type(...))
print(types.NoneType.__name__, types.FunctionType.__name__, types.GeneratorType.__name__,
      types.ModuleType.__name__)
print(isinstance(sys._getframe(), types.FrameType))
try:
    raise ValueError
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType))

m = types.ModuleType("mymod", "the doc")
m.x = 3
print(m.__name__, m.__doc__, m.x)

# SimpleNamespace
ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b)
ns.c = [3]
del ns.a
print(ns, vars(ns))
print(types.SimpleNamespace() == types.SimpleNamespace(), ns == types.SimpleNamespace(b="two", c=[3]),
      ns == types.SimpleNamespace(b="two"), ns != 3, ns == 3)
ns.self = ns
print(ns)
class NS(types.SimpleNamespace): pass
print(NS(z=1), NS(z=1) == types.SimpleNamespace(z=1))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(types.SimpleNamespace())
except TypeError as e:
    print("TypeError", "unhashable" in str(e))
try:
    ns.missing
except AttributeError as e:
    print("AttributeError")

# MappingProxyType
d = {"a": 1}
mp = types.MappingProxyType(d)
print(mp, mp["a"], len(mp), "a" in mp, list(mp), mp.get("z", 0), list(mp.items()))
d["b"] = 2
print(mp["b"], mp == {"a": 1, "b": 2}, mp.copy(), mp | {"c": 3})
try:
    mp["c"] = 3
except TypeError as e:
    print("TypeError")
try:
    del mp["a"]
except TypeError as e:
    print("TypeError")
try:
    mp["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    types.MappingProxyType([1])
except TypeError as e:
    print("TypeError:", e)

# class creation helpers
def body(ns):
    ns["x"] = 42
    ns["hello"] = lambda self: "hi"
K = types.new_class("K", (C,), {}, body)
print(K.__name__, K.__bases__, K.x, K().hello())
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": True}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
K2 = types.new_class("K2", (), {"metaclass": Meta, "flag": 1})
print(type(K2).__name__, K2.injected)
meta, ns2, kw = types.prepare_class("X", (), {"metaclass": Meta, "a": 1})
print(meta.__name__, ns2, kw)
print(types.prepare_class("Y"))
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    types.new_class("Bad", (A1, A2))
except TypeError as e:
    print("TypeError:", e)
class Entry:
    def __mro_entries__(self, bases):
        return (C,)
print(types.resolve_bases((int, Entry())), types.resolve_bases((int,)))
E = types.new_class("E", (Entry(),))
print(E.__bases__, E.__orig_bases__[0].__class__.__name__)
class Bad:
    def __mro_entries__(self, bases): return C
try:
    types.resolve_bases((Bad(),))
except TypeError as e:
    print("TypeError:", e)

# class statements honour __mro_entries__ too
class Via(Entry()):
    pass
print(Via.__bases__, type(Via.__orig_bases__[0]).__name__)
try:
    class Via2(Bad()):
        pass
except TypeError as e:
    print("TypeError:", e)

# DynamicClassAttribute
class DA:
    def __init__(self): self._v = 5
    @types.DynamicClassAttribute
    def value(self):
        "the value"
        return self._v
    @value.setter
    def value(self, v): self._v = v
print(DA().value)
o = DA(); o.value = 9; print(o.value)
try:
    DA.value
except AttributeError:
    print("AttributeError on class access")
class MetaDA(type):
    def __getattr__(cls, name):
        return "meta:" + name
class DB(metaclass=MetaDA):
    @types.DynamicClassAttribute
    def name(self): return "inst"
print(DB.name, DB().name)

# MethodType binds a function to an instance
class Greeter:
    name = "g"
def hello(self, punct="!"):
    return "hello " + self.name + punct
g = Greeter()
bound = types.MethodType(hello, g)
print(bound(), bound("?"), bound.__self__ is g, bound.__func__ is hello)
g.hi = types.MethodType(hello, g)
print(g.hi())
for bad in ((1, g), (hello, None)):
    try:
        types.MethodType(*bad)
    except TypeError as e:
        print("TypeError:", e)
