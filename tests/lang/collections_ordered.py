# collections.OrderedDict, ChainMap, UserDict, UserList, UserString
from collections import OrderedDict, ChainMap, UserDict, UserList, UserString


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


def e2(f):
    # the exception's type only: messages name C types in CPython
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__)


od = OrderedDict(); od['a'] = 1; od['b'] = 2; od['c'] = 3
od.move_to_end('a'); print(od)
od.move_to_end('c', last=False); print(od)
print(od.popitem(), od.popitem(last=False), od, OrderedDict(), OrderedDict(a=1) == OrderedDict(a=1))
print(OrderedDict([(1, 1), (2, 2)]) == OrderedDict([(2, 2), (1, 1)]),
      OrderedDict([(1, 1), (2, 2)]) == {2: 2, 1: 1},
      OrderedDict([(1, 1), (2, 2)]) != OrderedDict([(2, 2), (1, 1)]))
e(lambda: OrderedDict().popitem()); e(lambda: od.move_to_end('zz')); e2(lambda: hash(od))
o2 = OrderedDict.fromkeys('xyz', 0)
print(o2, o2.copy(), list(reversed(o2)), o2 | {'w': 1}, {'w': 1} | o2, type(o2 | {}).__name__)
o2 |= [('q', 5)]; print(o2)
r = OrderedDict(); r['self'] = r; print(r)
print(isinstance(od, dict), list(OrderedDict(b=1, a=2).items()), OrderedDict(b=1, a=2).setdefault('c', 7))

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm, 'b' in cm, cm.get('q', 7), cm.get('b'))
cm['b'] = 9
print(cm.maps, cm.parents, cm.new_child({'z': 0}), cm.new_child(), cm.new_child(w=1))
e(lambda: cm.__delitem__('a') or cm); e(lambda: cm.__delitem__('a')); e(lambda: cm['nope'])
e(lambda: cm.pop('zz')); e(lambda: ChainMap({}, {'a': 1}).popitem())
print(list(cm.keys()), list(cm.items()), list(cm.values()), dict(cm))
print(ChainMap(), bool(ChainMap()), bool(cm), ChainMap({'a': 1}) == {'a': 1})
c2 = cm.copy(); c2['new'] = 1; print(cm, c2, cm | {'x': 1}, ChainMap.fromkeys('ab', 0))
cm.clear(); print(cm, cm.pop('b', 'dflt'))
defaults = {'color': 'red', 'user': 'guest'}
args = {'user': 'bob'}
combined = ChainMap(args, defaults)
print(combined['color'], combined['user'], len(combined), sorted(combined.items()))
print(combined.setdefault('size', 5), args)

u = UserDict(a=1); u['b'] = 2
print(u, len(u), u.data, 'a' in u, u.get('c', 0), u.copy(), u | {'z': 1}, dict(u))
e(lambda: u['nope'])
del u['a']; print(u, u.pop('b'), u, UserDict.fromkeys('ab'))
u.update({'x': 1}, y=2); print(u, list(u.items()), u == {'x': 1, 'y': 2})


class Miss(UserDict):
    def __missing__(self, k):
        return k * 2


print(Miss()['ab'])
l = UserList([3, 1, 2]); l.sort()
print(l, l[0], l[1:], type(l[1:]).__name__, l + [4], [0] + l, len(l), l == [1, 2, 3], l * 2)
l.append(9); l.extend([7]); l.insert(0, 'x'); print(l, l.pop(), l.pop(0), l.index(9), l.count(1))
l.reverse(); print(l, 9 in l, list(reversed(l)), l.copy(), l < [10])
s = UserString('Hello')
print(s.upper(), s + '!', '>' + s, len(s), s[1:3], s == 'Hello', 'ell' in s, s.split('l'))
print(s.replace('l', 'L'), s.find('l'), s.startswith('He'), s * 2, repr(s), str(s), s.center(9, '*'))
ov = OrderedDict([('b', 1), ('a', 2)])
print(ov.keys(), ov.items(), ov.values(), list(reversed(ov.keys())), len(ov.values()))
print('a' in ov.keys(), ('a', 2) in ov.items(), 2 in ov.values(), ov.keys() == {'a', 'b'},
      ov.keys() & {'a', 'z'}, ov.keys() | {'z'} == {'a', 'b', 'z'}, ov.keys() - {'a'},
      {'a', 'q'} - ov.keys(), ov.items() == OrderedDict([('a', 2), ('b', 1)]).items(),
      ov.keys().isdisjoint(['x']))
print(list(ov.items()), [k for k in ov.keys()], sorted(ov.values()), dict(ov.items()))
