# dict lookups (in, get, [], []=, del, pop, setdefault) whose keys' __eq__
# or __hash__ change the dict: as in CPython the probe starts over only
# when the table or the compared entry was replaced, so writes elsewhere in
# the dict cannot make it loop; also ==, update, copy and | with __eq__
# that change one of the dicts.

act = None
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, o):
        if act: act()
        return isinstance(o, K) and self.v == o.v
    def __repr__(self): return 'K(%r)' % self.v
def run(name, f):
    global act
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    act = None
    print(name, r)
d = {}
def setval(): d['x'] = d.get('x', 0) + 1
def t1():
    global act, d
    d = {K(1): 'a', 'x': 0}
    act = setval
    return (K(1) in d, d['x'])
run('setval-in', t1)
def t2():
    global act, d
    d = {K(1): 'a', 'x': 0}
    act = setval
    return (K(2) in d, d['x'])
run('setval-notin', t2)
cnt = 0
def add():
    global cnt
    cnt += 1
    d[cnt] = cnt
def t3():
    global act, d, cnt
    d = {K(1): 'a'}; cnt = 0
    act = add
    return (K(1) in d, len(d))
run('add-in', t3)
def t4():
    global act, d, cnt
    d = {K(1): 'a'}; cnt = 0
    act = add
    return (d.get(K(2)), len(d))
run('add-get', t4)
# How often rebuild() runs depends on whether a freed table comes back at
# the same address, so only the results are shown.
n = 0
def rebuild():
    global n
    if n < 5:
        n += 1
        items = list(d.items())
        d.clear()
        d.update(items)
def setup_rebuild():
    global act, d, n
    d = {K(1): 'a', K(2): 'b'}; n = 0
    act = rebuild
run('rebuild-in', lambda: (setup_rebuild(), K(2) in d)[1:])
run('rebuild-notin', lambda: (setup_rebuild(), K(3) in d)[1:])
run('rebuild-get', lambda: (setup_rebuild(), d.get(K(2)))[1:])
run('rebuild-getitem', lambda: (setup_rebuild(), d[K(2)])[1:])
run('rebuild-set', lambda: (setup_rebuild(), d.__setitem__(K(2), 'z'), sorted(d.values()))[1:])
run('rebuild-setnew', lambda: (setup_rebuild(), d.__setitem__(K(3), 'z'), sorted(d.values()))[1:])
run('rebuild-pop', lambda: (setup_rebuild(), d.pop(K(2)))[1:])
run('rebuild-popdef', lambda: (setup_rebuild(), d.pop(K(5), 'dflt'))[1:])
run('rebuild-setdefault', lambda: (setup_rebuild(), d.setdefault(K(2), 'q'))[1:])
run('rebuild-setdefault-new', lambda: (setup_rebuild(), d.setdefault(K(4), 'q'), len(d))[1:])
run('rebuild-del', lambda: (setup_rebuild(), d.__delitem__(K(2)), len(d))[1:])
def clr(): d.clear()
def setup_clr():
    global act, d
    d = {K(1): 'a', K(2): 'b'}
    act = clr
run('clear-in', lambda: (setup_clr(), K(2) in d)[1:])
run('clear-get', lambda: (setup_clr(), d.get(K(2)))[1:])
run('clear-set', lambda: (setup_clr(), d.__setitem__(K(2), 'z'), d)[1:])
run('clear-pop', lambda: (setup_clr(), d.pop(K(2), 'gone'))[1:])
run('clear-del', lambda: (setup_clr(), d.__delitem__(K(2)))[1:])
run('clear-setdefault', lambda: (setup_clr(), d.setdefault(K(2), 'n'), d)[1:])

class V:
    """A value whose == empties (or refills) another dict."""
    def __init__(self, target, how): self.target = target; self.how = how
    def __eq__(self, o):
        t = self.target[0]
        if self.how == 'clear': t.clear()
        elif self.how == 'grow':
            for i in range(20): t[('g', i)] = i
        elif self.how == 'pop': t.popitem()
        return True
    __hash__ = None
for how in ('clear', 'grow', 'pop'):
    tgt = [None]
    a = {i: V(tgt, how) for i in range(5)}
    b = {i: V(tgt, how) for i in range(5)}
    tgt[0] = b
    run('eq-other-' + how, lambda: (a == b, len(a), len(b)))
    tgt = [None]
    a = {i: V(tgt, how) for i in range(5)}
    b = {i: V(tgt, how) for i in range(5)}
    tgt[0] = a
    run('eq-self-' + how, lambda: (a == b, len(a), len(b)))
    tgt = [None]
    a = {i: V(tgt, how) for i in range(5)}
    b = {i: V(tgt, how) for i in range(5)}
    tgt[0] = a
    run('ne-self-' + how, lambda: (a != b, len(a), len(b)))
class K:
    def __init__(self, v, tgt): self.v = v; self.tgt = tgt
    def __hash__(self): return 3
    def __eq__(self, o):
        t = self.tgt[0]
        if t is not None and len(t) < 40:
            t[('x', len(t))] = 0
        return self is o
    def __repr__(self): return 'K%d' % self.v
tgt = [None]
src = {K(i, tgt): i for i in range(4)}
dst = {K(9, tgt): 9}
tgt[0] = src
run('update-src-grows', lambda: (dst.update(src), len(dst)))
tgt[0] = None
src = {K(i, tgt): i for i in range(4)}
dst = {K(9, tgt): 9}
tgt[0] = dst
run('update-dst-grows', lambda: (dst.update(src), len(dst)))
class KC:
    def __init__(self, v, tgt): self.v = v; self.tgt = tgt
    def __hash__(self): return 3
    def __eq__(self, o):
        t = self.tgt[0]
        if t is not None: t.clear()
        return self is o
    def __repr__(self): return 'KC%d' % self.v
tgt = [None]
src = {KC(i, tgt): i for i in range(4)}
dst = {KC(9, tgt): 9}
tgt[0] = src
run('update-src-clear', lambda: (dst.update(src), len(dst), len(src)))
tgt[0] = None
src = {KC(i, tgt): i for i in range(4)}
tgt[0] = src
run('or-clear', lambda: (len({KC(8, [None]): 1} | src), len(src)))
tgt[0] = None
src = {KC(i, tgt): i for i in range(4)}
tgt[0] = src
run('pairs-clear', lambda: (len(dict([(KC(8, [None]), 1)] + list(src.items()))), len(src)))
tgt[0] = None
src = {KC(i, tgt): i for i in range(4)}
del src[list(src)[0]]
tgt[0] = src
run('copy-with-holes', lambda: (len(src.copy()), len(src)))
tgt[0] = None
src = {KC(i, tgt): i for i in range(4)}
del src[list(src)[0]]
tgt[0] = src
run('dict-of-holes', lambda: (len(dict(src)), len(src)))
class HM:
    def __init__(self, tgt): self.tgt = tgt
    def __hash__(self):
        self.tgt.clear()
        return 1
d = {i: i for i in range(5)}
run('hash-clears', lambda: (d.get(HM(d)), HM(d) in d, d.setdefault(HM(d), 5), len(d)))
d = {i: i for i in range(5)}
run('hash-clears-pop', lambda: (d.pop(HM(d), 'no'), len(d)))
d = {i: i for i in range(5)}
run('hash-clears-set', lambda: (d.__setitem__(HM(d), 1), len(d)))
s = {1, 2, 3}
run('set-hash-clears', lambda: (s.add(HM(s)), len(s), HM(s) in s, s.discard(HM(s)), len(s)))
