# Copies and merges that CPython makes with the hashes the source stored,
# so that a key's __hash__ (here one that empties the source) never runs:
# set(d), dict.fromkeys(d or s), d.keys() | s, f(**d); and str.maketrans(d)
# with an int-subclass key whose __hash__ empties d (the items it already
# took must stay alive).

calls = []
class H:
    def __init__(self, v, tgt=None): self.v = v; self.tgt = tgt
    def __hash__(self):
        calls.append(self.v)
        if self.tgt is not None:
            self.tgt.clear()
        return self.v
    def __eq__(self, o): return isinstance(o, H) and self.v == o.v
    def __repr__(self): return 'H%d' % self.v
def run(name, f):
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(name, r, calls)
    calls.clear()
def mk():
    d = {}
    for i in range(3): d[H(i)] = i
    for k in d: k.tgt = d
    calls.clear()
    return d
def mks():
    s = set()
    for i in range(3): s.add(H(i))
    for k in s: k.tgt = s
    calls.clear()
    return s
d = mk(); run('set(d)', lambda: (len(set(d)), len(d)))
d = mk(); run('dict(d)', lambda: (len(dict(d)), len(d)))
d = mk(); run('d.copy', lambda: (len(d.copy()), len(d)))
d = mk(); run('{**d}', lambda: (len({**d}), len(d)))
d = mk(); run('d | {}', lambda: (len(d | {}), len(d)))
d = mk(); run('set(d.keys())', lambda: (len(set(d.keys())), len(d)))
d = mk(); run('d.keys() & d.keys()', lambda: (len(d.keys() & d.keys()), len(d)))
d = mk(); run('d.keys() | set()', lambda: (len(d.keys() | set()), len(d)))
d = mk(); run('set().union(d)', lambda: (len(set().union(d)), len(d)))
d = mk(); run('set(d) | set(d)', lambda: (len(set(d) | set(d)), len(d)))
s = mks(); run('set(s)', lambda: (len(set(s)), len(s)))
s = mks(); run('s.copy', lambda: (len(s.copy()), len(s)))
s = mks(); run('s | s', lambda: (len(s | s), len(s)))
s = mks(); run('s & s', lambda: (len(s & s), len(s)))
s = mks(); run('s - set()', lambda: (len(s - set()), len(s)))
s = mks(); run('dict.fromkeys(s)', lambda: (len(dict.fromkeys(s)), len(s)))
d = mk(); run('dict.fromkeys(d)', lambda: (len(dict.fromkeys(d)), len(d)))
d = mk(); run('list(d)', lambda: (len(list(d)), len(d)))
d = mk(); run('d == dict(d)', lambda: (d == {H(0): 0, H(1): 1, H(2): 2}, len(d)))
s = mks(); run('s == s2', lambda: (s == {H(0), H(1), H(2)}, len(s)))
s = mks(); run('s.issubset(list)', lambda: (s.issubset([H(0), H(1), H(2)]), len(s)))

class KW:
    def __init__(self, d): self.d = d
    def __hash__(self):
        if self.d is not None: self.d.clear()
        return 1
    def __eq__(self, o): return self is o
def f(*a, **kw): return sorted(map(str, kw))
src = {}
src[KW(None)] = 1
for k in src: k.d = src
try:
    print(f(x=1, **src))
except TypeError as e:
    print("TypeError", e)
src = {}
src['a'] = 1
src[KW(None)] = 2
src['b'] = 3
for k in list(src):
    if isinstance(k, KW): k.d = src
try:
    print(f(x=1, **src))
except TypeError as e:
    print("TypeError", e)
print(len(src))

armed = False
class I(int):
    def __hash__(self):
        if armed:
            d.clear()
        return int.__hash__(self)
d = {I(97): str(10**12), "b": "y"}
armed = True
try:
    print(sorted(str.maketrans(d).items()), d)
except Exception as e: print(type(e).__name__, e)
