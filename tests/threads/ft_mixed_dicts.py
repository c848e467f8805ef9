# 4 threads mix dict mutations on one shared dict and one shared counter
# table: setitem, delitem, pop, popitem-free deletes, setdefault, update,
# get, `in`, copies, views and iteration (which may see the dict change
# size, as in CPython). Keys are owned per thread, so the end is exact.
import threading

NT = 4
N = 2000
D = {}
lock = threading.Lock()
counts = {}
winners = []
errors = []
start = threading.Barrier(NT)


def worker(k):
    try:
        start.wait()
        for i in range(N):
            key = (k, i)
            D[key] = i
            D.setdefault(("sd", k, i % 50), []).append(i)
            if i % 3 == 0:
                D.update({("u", k, i): -i, key: i + 1})
            if i % 4 == 0:
                if D.pop(key) not in (i, i + 1):
                    errors.append("bad pop")
                D[key] = i
            if i % 6 == 0:
                del D[("u", k, i)]
            if i % 151 == 0:
                D.get((k, i - 1))
                (k + 1, i) in D
                c = D.copy()
                if c.get(key) not in (i, i + 1):
                    errors.append("copy lost own key")
                try:
                    for kk, vv in D.items():
                        pass
                except RuntimeError:
                    pass
                list(D.keys())
                len(D.values())
            # All threads race to create the same key; exactly one wins.
            w = D.setdefault(("race", i % 100), k)
            if D[("race", i % 100)] != w:
                errors.append("setdefault changed its mind")
            with lock:
                counts[i % 10] = counts.get(i % 10, 0) + 1
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()

ok = True
for k in range(NT):
    for i in range(N):
        want = i + 1 if (i % 3 == 0 and i % 4 != 0) else i
        if D.get((k, i)) != want:
            ok = False
        u = ("u", k, i)
        if (i % 3 == 0 and i % 6 != 0) != (u in D):
            ok = False
    for r in range(50):
        lst = D[("sd", k, r)]
        if lst != list(range(r, N, 50)):
            ok = False
print("errors", errors)
print("contents exact", ok)
print("race keys", sum(1 for key in D if key[0] == "race"),
      all(D[("race", r)] in range(NT) for r in range(100)))
print("counts", sorted(counts.items()))
print("size", len(D))
