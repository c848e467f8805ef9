# Iteration while other threads mutate: lists are iterated by index (no
# error), dicts and sets may raise "changed size during iteration" but
# never crash; a shared iterator hands out every item exactly once.
import threading

NT = 4
N = 2000
L = list(range(100))
D = {i: i for i in range(100)}
S = set(range(100))
errors = []
stop = [False]

def mutator(k):
    try:
        for i in range(N):
            L.append(i)
            L.pop(0)
            D[1000 + k * N + i] = i
            del D[1000 + k * N + i]
            S.add(-1 - k * N - i)
            S.discard(-1 - k * N - i)
    except Exception as e:
        errors.append(repr(e))

def iterator(k):
    count = 0
    try:
        while not stop[0]:
            for x in L:
                count += 1
            for x in reversed(L):
                count += 1
            try:
                for x in D.items():
                    count += 1
            except RuntimeError:
                pass
            try:
                for x in S:
                    count += 1
            except RuntimeError:
                pass
            sorted(S | {0})
            list(D)
    except Exception as e:
        errors.append(repr(e))

ms = [threading.Thread(target=mutator, args=(k,)) for k in range(NT)]
its = [threading.Thread(target=iterator, args=(k,)) for k in range(NT)]
for t in ms + its:
    t.start()
for t in ms:
    t.join()
stop[0] = True
for t in its:
    t.join()

shared = iter(list(range(20000)))
got = [[] for _ in range(NT)]
def consume(k):
    for x in shared:
        got[k].append(x)
cs = [threading.Thread(target=consume, args=(k,)) for k in range(NT)]
for t in cs:
    t.start()
for t in cs:
    t.join()
allgot = sorted(x for g in got for x in g)
print("errors", errors)
print("sizes", len(L), len(D), len(S))
print("shared iterator exact", allgot == list(range(20000)))
