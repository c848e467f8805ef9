import weakref, gc

class A:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"A({self.n})"
    def __eq__(self, o): return isinstance(o, A) and o.n == self.n
    def __hash__(self): return hash(self.n)

a = A(1)
r = weakref.ref(a)
print(r() is a, r(), weakref.ref(a) is r, weakref.getweakrefcount(a))
def cb(w):
    print("callback", w is r2, w())
r2 = weakref.ref(a, cb)
print(r2 is not r, weakref.getweakrefcount(a), r2.__callback__ is cb, r.__callback__)
b = A(1)
rb = weakref.ref(b)
print(r == rb, r != rb, hash(r) == hash(1), r == 5)
del a
gc.collect()  # free-threaded builds release container items lazily
print(r(), r2(), r2.__callback__, r == rb, r == r, r != rb)
print(repr(r).endswith("; dead>"), repr(rb).startswith("<weakref at "), "to 'A' at" in repr(rb))
for bad in (1, [], {}, "s", (), object(), None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
class I(int): pass
class T(tuple): pass
for bad in (I(3), T()):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(b, None, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    r2()(1)
except TypeError as e:
    print("TypeError")
try:
    r(1)
except TypeError as e:
    print("TypeError")

def f(): return 7
rf = weakref.ref(f)
print(rf()(), rf() is f)
del f
gc.collect()  # free-threaded builds release container items lazily
print(rf())
C = type("C", (), {})
rc = weakref.ref(C)
print(rc() is C)
del C
gc.collect()  # free-threaded builds release container items lazily
gc.collect()
print(rc())
print(weakref.ref(int)() is int, weakref.ref(int) is weakref.ref(int))

class Cyc:
    pass
x = Cyc(); x.me = x
rx = weakref.ref(x, lambda w: print("cycle callback, dead:", w() is None))
del x
gc.collect()  # free-threaded builds release container items lazily
gc.collect()
print(rx())

try:
    hash(weakref.ref(A(5)))
except TypeError as e:
    print("TypeError:", e)
h = weakref.ref(b)
hb = hash(h)
del b
gc.collect()  # free-threaded builds release container items lazily
print(hash(h) == hb, h())

class L(list): pass
class D(dict): pass
print(weakref.ref(L([1]))(), weakref.ref(D()) is not None)

# subclassing ref
class Tagged(weakref.ref):
    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
z = A(3)
t = Tagged(z, None, "tag")
print(t.tag, t() is z, type(t).__name__, isinstance(t, weakref.ref), t is not weakref.ref(z))
del z
gc.collect()  # free-threaded builds release container items lazily
print(t())

# __del__ and weak references
class WithDel:
    def __del__(self):
        print("__del__ sees the ref dead:", wd() is None)
w = WithDel()
wd = weakref.ref(w, lambda r: print("callback after __del__"))
del w
gc.collect()  # free-threaded builds release container items lazily
print("done")

# callbacks run newest first
order = []
o = A(0)
refs = [weakref.ref(o, lambda r, i=i: order.append(i)) for i in range(4)]
del o
gc.collect()  # free-threaded builds release container items lazily
print(order)

# a callback that raises does not stop the others
def bad_cb(r):
    raise ValueError("ignored")
o = A(1)
good = []
r_bad = weakref.ref(o, bad_cb)
r_good = weakref.ref(o, lambda r: good.append(1))
print("before")
import sys
sys.stderr = open("/dev/null", "w")
del o
gc.collect()  # free-threaded builds release container items lazily
sys.stderr = sys.__stderr__
print(good)
print(weakref.ref[int] if hasattr(weakref.ref, "__class_getitem__") else "")
