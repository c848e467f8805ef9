# copy.copy and copy.deepcopy: containers, cycles, instances, hooks
import copy
from collections import deque, OrderedDict, defaultdict, Counter, namedtuple, ChainMap
def e(f):
    try: print(f())
    except Exception as x: print(type(x).__name__, x)
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c == a, c[1] is a[1], c[2]['k'] is a[2]['k'])
t = (1, 2, [3]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t[:2]) is t[:2])
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is not l)
d = {}; d['self'] = d; d2 = copy.deepcopy(d); print(d2['self'] is d2)
s = {1, 2}; print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(frozenset([1, (2,)])))
class P:
    def __init__(self, x): self.x = x; self.l = [x]
p = P(5); q = copy.copy(p); r = copy.deepcopy(p); print(q.x, q.l is p.l, r.l is p.l, r.l == p.l, type(r).__name__)
class S:
    __slots__ = ('a', 'b')
s1 = S(); s1.a = [1]; s2 = copy.deepcopy(s1); print(s2.a, s2.a is s1.a, hasattr(s2, 'b'))
class CC:
    def __init__(self): self.n = 0
    def __copy__(self): r = CC(); r.n = 'copied'; return r
    def __deepcopy__(self, memo): r = CC(); r.n = ('deep', len(memo) >= 0); return r
print(copy.copy(CC()).n, copy.deepcopy(CC()).n, copy.deepcopy([CC()])[0].n)
class R:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (R, (self.v * 2,))
print(copy.copy(R(2)).v, copy.deepcopy(R(3)).v)
dq = deque([1, [2]], maxlen=5); d3 = copy.deepcopy(dq); print(d3, d3[1] is dq[1], copy.copy(dq), copy.copy(dq)[1] is dq[1])
od = OrderedDict(a=[1]); print(copy.deepcopy(od), copy.copy(od))
dd = defaultdict(list, a=[1]); x = copy.deepcopy(dd); print(x, x['a'] is dd['a'], copy.copy(dd))
cnt = Counter('aab'); print(copy.deepcopy(cnt), copy.copy(cnt))
N = namedtuple('N', 'a b'); n = N(1, [2]); print(copy.copy(n), copy.deepcopy(n), copy.deepcopy(n).b is n.b)
class L(list):
    pass
ll = L([1, [2]]); ll.attr = 'x'; l2 = copy.deepcopy(ll); print(type(l2).__name__, l2, l2.attr, l2[1] is ll[1])
class Dd(dict): pass
dd2 = copy.copy(Dd(a=1)); print(type(dd2).__name__, dd2)
class I(int): pass
print(copy.copy(I(5)), type(copy.deepcopy(I(5))).__name__, type(copy.copy(I(5))).__name__)
cm = ChainMap({'a': 1}, {'b': 2}); cm2 = copy.copy(cm); cm2['z'] = 0; print(cm, cm2)
print(copy.copy(len) is len, copy.deepcopy(P) is P, copy.copy(None), copy.deepcopy(3.5))
class M:
    def m(self): return self
mm = M(); bm = copy.deepcopy(mm.m); print(bm() is not mm, type(bm()).__name__)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
shared = [1]; pair = [shared, shared]; cp = copy.deepcopy(pair); print(cp[0] is cp[1])
memo = {}; copy.deepcopy([1, [2]], memo); print(len(memo) > 0)


class NoCopy:
    def __reduce__(self):
        raise copy.Error('not copyable')


e(lambda: copy.copy(NoCopy())); e(lambda: copy.deepcopy([NoCopy()]))


class BadDeep:
    def __deepcopy__(self, memo):
        raise TypeError('deep no')


e(lambda: copy.deepcopy({'k': BadDeep()}))
e(lambda: copy.deepcopy(1, 2, 3, 4))


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


a = Node(1); b = Node(2); a.next = b; b.next = a
a2 = copy.deepcopy(a)
print(a2.v, a2.next.v, a2.next.next is a2, a2 is not a, a2.next is not b)


class State:
    def __init__(self):
        self.x = 1

    def __getstate__(self):
        return {'x': self.x, 'extra': 'got'}

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.restored = True


s2 = copy.copy(State()); print(s2.x, s2.extra, s2.restored)
nested = {'a': [1, {'b': (2, [3])}], 't': (4, 5)}
n2 = copy.deepcopy(nested)
print(n2 == nested, n2['a'][1]['b'][1] is nested['a'][1]['b'][1], n2['t'] is nested['t'])
print(copy.copy(bytearray(b'ab')), copy.deepcopy(bytearray(b'x')), copy.copy(range(3)))
from collections import OrderedDict
class DQ(deque):
    pass
d = DQ([1, [2]], 3); d.tag = 'x'
d2 = copy.deepcopy(d); print(type(d2).__name__, d2, d2.tag, d2.maxlen, d2[1] is d[1])
d3 = copy.copy(d); print(type(d3).__name__, d3, getattr(d3, 'tag', None))
class OD(OrderedDict): pass
o = OD(a=[1]); o.z = 1; o2 = copy.deepcopy(o); print(type(o2).__name__, o2, o2.z)
q = deque(); q.append(q); q2 = copy.deepcopy(q); print(q2[0] is q2)
