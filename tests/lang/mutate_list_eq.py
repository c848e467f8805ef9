# list.index/count/remove, `in`, ==/< between lists and tuples, max, min,
# sorted and sort over lists whose items' __eq__/__lt__/__gt__ empty,
# shorten or grow the list: nothing is read past the end or after it was
# freed, and the results are CPython's.

def run(name, f):
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(name, r)
class Sh:
    """An element whose comparisons empty the list it lives in."""
    def __init__(self, lst, v, how='clear'):
        self.lst = lst; self.v = v; self.how = how
    def _mut(self):
        if self.how == 'clear': self.lst.clear()
        elif self.how == 'pop':
            if self.lst: self.lst.pop()
        elif self.how == 'grow': self.lst.extend([0] * 3)
    def __eq__(self, o):
        self._mut()
        return False
    def __lt__(self, o):
        self._mut()
        return False
    def __gt__(self, o):
        self._mut()
        return False
    __hash__ = None
    def __repr__(self): return 'Sh%d' % self.v
def mk(how, n=5):
    a = []
    a.extend(Sh(a, i, how) for i in range(n))
    return a
for how in ('clear', 'pop', 'grow'):
    a = mk(how); run(how + ' index', lambda: a.index(99))
    a = mk(how); run(how + ' count', lambda: a.count(99))
    a = mk(how); run(how + ' remove', lambda: a.remove(99))
    a = mk(how); run(how + ' in', lambda: 99 in a)
    a = mk(how); run(how + ' index-range', lambda: a.index(99, 1, 4))
    a = mk(how); b = mk(how); run(how + ' eq', lambda: a == b)
    a = mk(how); b = list(a); run(how + ' eq-copy', lambda: (a == [0] + b[1:], len(a)))
    a = mk(how); b = list(a); run(how + ' lt', lambda: (a < [0] + b[1:], len(a)))
    a = mk(how); t = tuple(a); run(how + ' tuple-eq', lambda: t == tuple([0] + list(t[1:])))
    a = mk(how); t = tuple(a); run(how + ' tuple-lt', lambda: t < tuple([0] + list(t[1:])))
    if how == 'grow': continue
    a = mk(how); run(how + ' max', lambda: repr(max(a)))
    a = mk(how); run(how + ' min', lambda: repr(min(a)))
    a = mk(how); run(how + ' sorted', lambda: (sorted(a), len(a)))
    a = mk(how); run(how + ' sort', lambda: (a.sort(), len(a)))
    a = mk(how); run(how + ' max-key', lambda: repr(max(a, key=lambda x: x)))
    a = mk(how); run(how + ' list-in-dict', lambda: {1: a}.__eq__({1: list(a)}))
