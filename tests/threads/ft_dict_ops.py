# Writers, deleters and readers on one dict; exact final contents.
import threading

NT = 4
N = 3000
D = {}
errors = []
done = [0]

def writer(k):
    try:
        for i in range(N):
            D[(k, i)] = i
            if i % 2 == 0:
                D.setdefault(("d", k, i), 0)
            if i % 7 == 0:
                D.update({("u", k, i): i})
        for i in range(0, N, 2):
            del D[(k, i)]
            assert D.pop(("d", k, i)) == 0
    except Exception as e:
        errors.append(repr(e))

def reader(k):
    n = 0
    try:
        while done[0] < NT:
            for key, v in list(D.items()):
                if key[0] not in ("d", "u") and key[1] != v and v != key[1]:
                    pass
            D.get((0, 1))
            (1, 2) in D
            len(D)
            c = D.copy()
            c2 = dict(D)
            try:
                for key in D:
                    n += 1
            except RuntimeError:
                pass
            try:
                for v in D.values():
                    pass
            except RuntimeError:
                pass
    except Exception as e:
        errors.append(repr(e))

def writer_done(k):
    writer(k)
    done[0] += 1  # not atomic, but readers only poll it

ws = [threading.Thread(target=writer_done, args=(k,)) for k in range(NT)]
rs = [threading.Thread(target=reader, args=(k,)) for k in range(NT)]
for t in ws + rs:
    t.start()
for t in ws:
    t.join()
done[0] = NT
for t in rs:
    t.join()

exp = {}
for k in range(NT):
    for i in range(N):
        if i % 2:
            exp[(k, i)] = i
        if i % 7 == 0:
            exp[("u", k, i)] = i
print("errors", errors)
print("len", len(D), len(exp))
print("equal", D == exp)
# popitem drains exactly
n = 0
while D:
    D.popitem()
    n += 1
print("popitem", n)
