# add / discard / remove / pop / update / operators / iteration on one set.
import threading

NT = 6
N = 3000
S = set()
popped = []
errors = []

def worker(k):
    try:
        base = k * N
        for i in range(N):
            S.add(base + i)
            if i % 4 == 0:
                S.discard(base + i)
            if i % 100 == 0:
                S.update(range(10 ** 6 + base + i, 10 ** 6 + base + i + 3))
                S.remove(10 ** 6 + base + i)
                u = S | {1, 2}
                x = S & {base + 1, base + 5}
                d = S - {base + 1}
                c = S.copy()
                try:
                    for e in S:
                        pass
                except RuntimeError:
                    pass
        for i in range(N // 10):
            popped.append(S.pop())   # list.append is atomic too
    except Exception as e:
        errors.append(repr(e))

ts = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()

exp = set()
for k in range(NT):
    base = k * N
    for i in range(N):
        if i % 4:
            exp.add(base + i)
        if i % 100 == 0:
            exp.update(range(10 ** 6 + base + i + 1, 10 ** 6 + base + i + 3))
print("errors", errors)
print("popped", len(popped), len(set(popped)))
print("union ok", (S | set(popped)) == exp, len(S) + len(popped) == len(exp))
print("disjoint", S.isdisjoint(popped))
