from collections.abc import (Sequence, MutableSequence, Mapping, MutableMapping,
    Set, MutableSet, KeysView, ItemsView, ValuesView, Iterator, Generator, Hashable)

class Seq(Sequence):
    def __init__(self, *items): self._d = list(items)
    def __getitem__(self, i): return self._d[i]
    def __len__(self): return len(self._d)

s = Seq(1, 2, 3, 2)
print(list(s), 2 in s, 5 in s, list(reversed(s)), s.index(2), s.count(2))
print(s.index(2, 2), s.index(3, -3), s.index(2, 0, 2))
for args in ((9,), (3, 0, 2), (1, 1)):
    try:
        s.index(*args)
    except ValueError as e:
        print("ValueError", repr(e.args))

class MSeq(MutableSequence):
    def __init__(self, *items): self._d = list(items)
    def __getitem__(self, i): return self._d[i]
    def __setitem__(self, i, v): self._d[i] = v
    def __delitem__(self, i): del self._d[i]
    def __len__(self): return len(self._d)
    def insert(self, i, v): self._d.insert(i, v)
    def __repr__(self): return f"MSeq{self._d}"

m = MSeq(1, 2)
m.append(3); m.extend([4, 5]); print(m)
print(m.pop(), m.pop(0), m)
m.remove(3); print(m)
m.reverse(); print(m)
m += [7, 8]; print(m)
m.extend(m); print(m)
m.clear(); print(m, len(m))
try:
    m.pop()
except IndexError as e:
    print("IndexError", e)
try:
    m.remove(1)
except ValueError as e:
    print("ValueError", repr(e.args))

class Map(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, k): return self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)

mp = Map(a=1, b=2)
print(mp.get("a"), mp.get("z"), mp.get("z", 0), "a" in mp, "z" in mp)
print(list(mp.keys()), list(mp.items()), list(mp.values()))
print(type(mp.keys()).__name__, type(mp.items()).__name__)
print(mp == {"a": 1, "b": 2}, mp == {"a": 1}, mp != {"a": 1}, mp == [1], Map(a=1) == Map(a=1))
print("a" in mp.keys(), ("a", 1) in mp.items(), ("a", 2) in mp.items(), ("q", 1) in mp.items(), 2 in mp.values(), 9 in mp.values())
print(mp.keys() & {"a", "q"}, sorted(mp.keys() | {"q"}), mp.keys() - {"a"}, sorted(mp.keys() ^ {"a", "q"}))
print(mp.keys() == {"a", "b"}, mp.keys() <= {"a", "b", "c"}, mp.keys() < {"a", "b"}, len(mp.values()))
print(Mapping.__reversed__, Map.__hash__)

class MMap(MutableMapping):
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)

mm = MMap()
mm.update({"a": 1}, b=2); mm.update([("c", 3)]); mm.update(Map(d=4))
print(sorted(mm.items()), mm.setdefault("a", 9), mm.setdefault("e"), mm.pop("e"), mm.pop("zz", "dflt"))
try:
    mm.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(mm.popitem(), len(mm))
mm.clear(); print(len(mm))
try:
    mm.popitem()
except KeyError as e:
    print("KeyError", repr(e))

class S(Set):
    def __init__(self, it=()): self._d = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self._d
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
    def __repr__(self): return f"S({sorted(self._d)})"

a, b = S([1, 2, 3]), S([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, a & [3, 9], [3, 1] & a if False else a.isdisjoint([7]), a.isdisjoint(b))
print(a == S([3, 2, 1]), a <= b, S([2]) < a, a >= S([1]), a > a, a == {1, 2, 3}, a != b)
print(S([1, 2])._hash() == S([2, 1])._hash(), S([1, 2])._hash(), S([])._hash(), S(["ab", 7])._hash() == S([7, "ab"])._hash())
print(a.__and__(5), a.__sub__(5), a.__le__([1]))
print({2, 3} - a if False else a.__rsub__([1, 5]), a.__rxor__([1, 5]))

class MS(MutableSet):
    def __init__(self, it=()): self._d = set(it)
    def __contains__(self, x): return x in self._d
    def __iter__(self): return iter(sorted(self._d))
    def __len__(self): return len(self._d)
    def add(self, v): self._d.add(v)
    def discard(self, v): self._d.discard(v)
    def __repr__(self): return f"MS({sorted(self._d)})"

ms = MS([1, 2, 3])
ms.remove(1); print(ms, ms.pop(), ms)
ms |= [5, 6]; print(ms)
ms &= [5, 6, 7]; print(ms)
ms ^= [6, 8]; print(ms)
ms -= [8]; print(ms)
ms ^= ms; print(ms)
try:
    ms.remove(42)
except KeyError as e:
    print("KeyError", e)
try:
    ms.pop()
except KeyError as e:
    print("KeyError", repr(e))

kv = KeysView({1: "x"}); iv = ItemsView({1: "x"}); vv = ValuesView({1: "x"})
print(kv, iv, vv, len(kv), list(kv), list(iv), list(vv), 1 in kv, (1, "x") in iv, "x" in vv)

class Count(Iterator):
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
c = Count()
print(iter(c) is c, list(c))

class G(Generator):
    def __init__(self): self.i = 0
    def send(self, v):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
    def throw(self, typ, val=None, tb=None):
        raise StopIteration
g = G()
print(next(g), list(g))
g.close()
class Stubborn(G):
    def throw(self, typ, val=None, tb=None):
        return 1
try:
    Stubborn().close()
except RuntimeError as e:
    print("RuntimeError", e)
class H(Hashable):
    def __hash__(self): return 7
print(hash(H()), isinstance(H(), Hashable))
