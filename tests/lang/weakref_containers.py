import weakref, gc, sys
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"Obj({self.n})"
    def meth(self): return self.n * 10

# WeakValueDictionary
d = weakref.WeakValueDictionary()
objs = [Obj(i) for i in range(5)]
for o in objs:
    d[o.n] = o
print(len(d), sorted(d.keys()), d[2], 3 in d, d.get(9, "none"))
del objs[1:3]
gc.collect()  # free-threaded builds release container items lazily
print(len(d), sorted(d.keys()), 1 in d, d.get(1))
try:
    d[1]
except KeyError as e:
    print("KeyError", e)
print(sorted(d.items(), key=lambda kv: kv[0]), sorted(v.n for v in d.values()))
print(d.pop(0), len(d), d.setdefault(7, objs[-1]), len(d), isinstance(d, dict))
objs.clear()
gc.collect()  # free-threaded builds release container items lazily
print(len(d), list(d.keys()))

# WeakKeyDictionary
k = weakref.WeakKeyDictionary()
a, b = Obj("a"), Obj("b")
k[a] = 1; k[b] = 2
print(len(k), k[a], a in k, Obj("c") in k, sorted(k.values()))
del a
gc.collect()  # free-threaded builds release container items lazily
print(len(k), [x.n for x in k.keys()], k.get(b), k.pop(b), len(k))

# WeakSet
s = weakref.WeakSet()
x, y, z = Obj(1), Obj(2), Obj(3)
s.add(x); s.add(y); s.add(z); s.add(x)
print(len(s), x in s, Obj(9) in s, 5 in s)
del y
gc.collect()  # free-threaded builds release container items lazily
print(len(s), sorted(o.n for o in s))
s.discard(x)
print(len(s), sorted(o.n for o in s))
s2 = weakref.WeakSet([z])
print(s == s2, len(s | weakref.WeakSet([x])), len(s & s2), len(s - s2))
try:
    s.remove(x)
except KeyError:
    print("KeyError")

# finalize
def bye(name, sep="!"):
    print("finalized", name + sep)
    return 42
o = Obj("f")
f = weakref.finalize(o, bye, "o")
print(f.alive, f.peek()[1] is bye)
del o
gc.collect()  # free-threaded builds release container items lazily
print(f.alive, f())
o2 = Obj("g")
f2 = weakref.finalize(o2, bye, "g", sep="?")
print(f2(), f2(), f2.alive)
o3 = Obj("h")
f3 = weakref.finalize(o3, bye, "h")
print(f3.detach()[0] is o3, f3.alive)
del o3
gc.collect()  # free-threaded builds release container items lazily

# WeakMethod
m = Obj(4)
wm = weakref.WeakMethod(m.meth)
print(wm()(), wm() == m.meth)
del m
gc.collect()  # free-threaded builds release container items lazily
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)

# proxy
p_target = Obj(8)
p = weakref.proxy(p_target)
print(p.n, p.meth(), isinstance(p, weakref.ProxyTypes))
p.n = 9
print(p_target.n)
del p_target
gc.collect()  # free-threaded builds release container items lazily
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)

print(weakref.getweakrefcount(Obj(1)), weakref.ref is weakref.ReferenceType)
q = Obj(0)
r1 = weakref.ref(q); r2 = weakref.ref(q, lambda r: None)
print(weakref.getweakrefcount(q), len(weakref.getweakrefs(q)), r1 in weakref.getweakrefs(q))
# callbacks: order and cycles
order = []
t = Obj("t")
rs = [weakref.ref(t, lambda r, i=i: order.append(i)) for i in range(3)]
del t
gc.collect()  # free-threaded builds release container items lazily
print(order)
class Node:
    pass
n1 = Node(); n2 = Node(); n1.other = n2; n2.other = n1
seen = []
wr = weakref.ref(n1, lambda r: seen.append("cb"))
del n1, n2
gc.collect()  # free-threaded builds release container items lazily
gc.collect()
print(seen, wr())
