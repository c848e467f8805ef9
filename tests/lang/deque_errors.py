# collections.deque: errors, with CPython's types and messages
from collections import deque


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


d = deque()
e(lambda: d.pop()); e(lambda: d.popleft()); e(lambda: d[0]); e(lambda: d[-1])
e(lambda: d.remove(1)); e(lambda: d.index(1))
e(lambda: deque([1])[1:]); e(lambda: deque(maxlen=-1)); e(lambda: deque(maxlen='a'))
e(lambda: deque([1]) + [1]); e(lambda: [1] + deque([1]))
x = deque([1, 2, 3], 3); e(lambda: x.insert(0, 1))
e(lambda: hash(deque())); e(lambda: deque(1)); e(lambda: deque([1], 2, 3))
e(lambda: deque([1]) * 'a'); e(lambda: 'a' * deque([1])); e(lambda: deque([1]) * deque())
d = deque([1, 2])


def mutate():
    for i in d:
        d.append(3)


e(mutate)
e(lambda: deque([1]).index(1, 2))
e(lambda: deque([1]).rotate('a'))
e(lambda: deque().__delitem__(0))
e(lambda: deque().__setitem__(0, 1))
e(lambda: deque([1]) < [1])
e(lambda: deque().extend(1))
e(lambda: deque().extendleft(None))


class E:
    def __eq__(s, o):
        d.clear()
        return False


d = deque([E(), 1, 2]); e(lambda: d.remove(5))
d = deque([E(), 1, 2]); e(lambda: d.count(5))
d = deque([E(), 1, 2]); e(lambda: d.index(5))
d = deque([E(), 1, 2]); e(lambda: 5 in d)


class Bad:
    def __eq__(s, o):
        raise ValueError('no eq')


e(lambda: deque([Bad()]).count(1))
e(lambda: Bad() in deque([1]))
e(lambda: setattr(deque(), 'maxlen', 3))
e(lambda: deque([1])['a'])
e(lambda: deque([1])[2**70])
e(lambda: deque([1])[None])
e(lambda: deque().index(1, 'a'))
e(lambda: deque().index(1, 0, None))
for f in ['append', 'appendleft', 'pop', 'popleft', 'extend', 'extendleft',
          'clear', 'copy', 'count', 'index', 'insert', 'remove', 'reverse',
          'rotate', '__reversed__', '__copy__']:
    for n in (0, 1, 3, 4):
        try:
            getattr(deque(), f)(*range(n))
        except TypeError as exc:
            print(f, n, exc)
        except Exception as exc:
            print(f, n, type(exc).__name__)
d = deque([1, 2, 3]); it = iter(d); next(it); d[0] = 9; print(list(it))
d = deque([1, 2, 3]); it = iter(d); list(it); d.append(5); e(lambda: next(it))
d = deque([1, 2, 3]); it = reversed(d); print(next(it)); d.rotate(); e(lambda: next(it))
d = deque([1, 2, 3]); it = iter(d); d.pop(); e(lambda: next(it)); e(lambda: next(it))
d = deque([1]); it = iter(d); d.reverse(); print(next(it))
