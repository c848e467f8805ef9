# Two-object operations in opposite orders from several threads (the
# SECTION2 deadlock-freedom check): a[:] = b vs b[:] = a, a == b, a + b,
# a.extend(b) on bounded copies, d1.update(d2) vs d2.update(d1), dict ==,
# set |= / & / - / == both ways. Must finish with exact contents.
import threading

NT = 6
N = 2000
a = list(range(100))
b = list(range(100))
d1 = {i: i for i in range(100)}
d2 = {i: i for i in range(100)}
s1 = set(range(100))
s2 = set(range(100))
errors = []

def worker(k):
    try:
        x, y = (a, b) if k % 2 else (b, a)
        dx, dy = (d1, d2) if k % 2 else (d2, d1)
        sx, sy = (s1, s2) if k % 2 else (s2, s1)
        for i in range(N):
            x[:] = y
            if not (x == y or len(x) == len(y)):
                errors.append("list size")
            c = x + y
            t = x[:]
            t.extend(y)
            dx.update(dy)
            dx == dy
            sx |= sy
            sx & sy
            sx - sy
            sx == sy
            sx <= sy
    except Exception as e:
        errors.append(repr(e))

ts = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("errors", errors)
print("lists", a == list(range(100)), b == list(range(100)))
print("dicts", d1 == d2 == {i: i for i in range(100)})
print("sets", s1 == s2 == set(range(100)))
