# 4 threads mix set operations on shared sets and attribute changes on
# shared instances: add, discard, remove, update, difference_update,
# `in`, copies, iteration; setattr, delattr, getattr with a default,
# attribute counters under a lock, and __dict__ reads.
import threading

NT = 4
N = 2500
S = set()
T = set(range(1000))
errors = []
lock = threading.Lock()
start = threading.Barrier(NT)


class Node:
    pass


nodes = [Node() for _ in range(8)]
for n in nodes:
    n.hits = 0


def worker(k):
    try:
        start.wait()
        base = k * 1_000_000
        for i in range(N):
            tok = base + i
            S.add(tok)
            if i % 3 == 0:
                S.discard(tok)
            if i % 5 == 0:
                S.update((tok + 500_000, tok + 600_000))
                S.remove(tok + 600_000)
            if i % 7 == 0:
                S.difference_update({tok + 500_000})
            # T: every thread toggles the same shared items; any order.
            T.discard(i % 1000)
            T.add(i % 1000)
            if i % 31 == 0:
                c = S.copy()
                if (tok in c) != (i % 3 != 0):
                    errors.append("copy lost own token")
                try:
                    for x in S:
                        pass
                except RuntimeError:
                    pass
                len(T & {1, 2, 3})
            n = nodes[i % 8]
            name = "a%d_%d" % (k, i % 16)
            setattr(n, name, i)
            if getattr(n, name) != i:
                errors.append("own attribute changed")
            if i % 2 == 0:
                delattr(n, name)
                if getattr(n, name, None) is not None:
                    errors.append("deleted attribute seen")
            with lock:
                n.hits += 1
            if i % 23 == 0:
                d = dict(n.__dict__)
                if "hits" not in d:
                    errors.append("hits missing")
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()

want = set()
for k in range(NT):
    base = k * 1_000_000
    for i in range(N):
        if i % 3 != 0:
            want.add(base + i)
        if i % 5 == 0 and i % 7 != 0:
            want.add(base + i + 500_000)
print("errors", errors)
print("S exact", S == want, len(S))
print("T", len(T), T == set(range(1000)))
print("hits", sum(n.hits for n in nodes))
left = sorted(a for n in nodes for a in vars(n) if a != "hits")
print("attributes left", len(left))
print("all odd i", all(getattr(n, a) % 2 == 1 for n in nodes for a in vars(n) if a != "hits"))
