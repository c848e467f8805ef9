# set lookups (in, add, discard, remove) whose keys' __eq__ changes the
# set, and set algebra (&, |, -, ^, <=, ==, isdisjoint and the in-place
# forms) with __eq__ that empties one of the operands: the probe starts
# over only when the table or the compared entry changed, a copy of a set
# runs no __eq__, and the operations walk the sets in CPython's order.

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
s = set()
cnt = 0
def add():
    global cnt
    cnt += 1
    s.add(cnt)
def setup_add():
    global act, s, cnt
    s = {K(1), K(2)}; cnt = 0
    act = add
run('add-in', lambda: (setup_add(), K(2) in s, len(s))[1:])
run('add-notin', lambda: (setup_add(), K(3) in s, len(s))[1:])
run('add-add', lambda: (setup_add(), s.add(K(3)), len(s))[1:])
run('add-discard', lambda: (setup_add(), s.discard(K(2)), len(s))[1:])
run('add-remove', lambda: (setup_add(), s.remove(K(5)), len(s))[1:])
n = 0
def rebuild():
    global n
    if n < 5:
        n += 1
        items = list(s)
        s.clear()
        s.update(items)
def setup_rebuild():
    global act, s, n
    s = {K(1), K(2)}; n = 0
    act = rebuild
run('rebuild-in', lambda: (setup_rebuild(), K(2) in s, n)[1:])
run('rebuild-notin', lambda: (setup_rebuild(), K(3) in s, n)[1:])
run('rebuild-add', lambda: (setup_rebuild(), s.add(K(3)), len(s), n)[1:])
run('rebuild-discard', lambda: (setup_rebuild(), s.discard(K(2)), len(s), n)[1:])
run('rebuild-remove', lambda: (setup_rebuild(), s.remove(K(2)), len(s), n)[1:])
def clr(): s.clear()
def setup_clr():
    global act, s
    s = {K(1), K(2)}
    act = clr
run('clear-in', lambda: (setup_clr(), K(2) in s)[1:])
run('clear-add', lambda: (setup_clr(), s.add(K(2)), len(s))[1:])
run('clear-discard', lambda: (setup_clr(), s.discard(K(2)), len(s))[1:])
run('clear-remove', lambda: (setup_clr(), s.remove(K(2)))[1:])
# set algebra with mutating __eq__
other = None
def clr_other(): other.clear()
def setup_alg():
    global act, s, other
    s = {K(1), K(2), K(3)}
    other = {K(2), K(3), K(4)}
    act = clr_other
run('inter', lambda: (setup_alg(), len(s & other))[1:])
run('union', lambda: (setup_alg(), len(s | other))[1:])
run('diff', lambda: (setup_alg(), len(s - other))[1:])
run('symdiff', lambda: (setup_alg(), len(s ^ other))[1:])
run('issubset', lambda: (setup_alg(), s <= other)[1:])
run('eq', lambda: (setup_alg(), s == other)[1:])
run('isdisjoint', lambda: (setup_alg(), s.isdisjoint(other))[1:])
run('inter-upd', lambda: (setup_alg(), s.intersection_update(other), len(s))[1:])
run('diff-upd', lambda: (setup_alg(), s.difference_update(other), len(s))[1:])
run('symdiff-upd', lambda: (setup_alg(), s.symmetric_difference_update(other), len(s))[1:])
run('upd', lambda: (setup_alg(), s.update(other), len(s))[1:])
def clr_s(): s.clear()
def setup_alg2():
    global act, s, other
    s = {K(1), K(2), K(3)}
    other = {K(2), K(3), K(4)}
    act = clr_s
run('inter2', lambda: (setup_alg2(), len(s & other))[1:])
run('union2', lambda: (setup_alg2(), len(s | other))[1:])
run('diff2', lambda: (setup_alg2(), len(s - other))[1:])
run('symdiff2', lambda: (setup_alg2(), len(s ^ other))[1:])
run('issubset2', lambda: (setup_alg2(), s <= other)[1:])
run('eq2', lambda: (setup_alg2(), s == other)[1:])
run('isdisjoint2', lambda: (setup_alg2(), s.isdisjoint(other))[1:])
run('inter-upd2', lambda: (setup_alg2(), s.intersection_update(other), len(s))[1:])
run('diff-upd2', lambda: (setup_alg2(), s.difference_update(other), len(s))[1:])
run('symdiff-upd2', lambda: (setup_alg2(), s.symmetric_difference_update(other), len(s))[1:])
run('upd2', lambda: (setup_alg2(), s.update(other), len(s))[1:])
run('inter-list', lambda: (setup_alg2(), len(s.intersection(list(other))))[1:])
run('diff-list', lambda: (setup_alg2(), len(s.difference(list(other))))[1:])

