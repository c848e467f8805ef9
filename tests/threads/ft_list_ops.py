# 8 threads hammer one list (append / insert / pop / setitem / index /
# count / remove / slices) and one fixed-size list (setitem in owned
# slots); every printed number is exact.
import threading

NT = 8
N = 3000
L = []
A = [0] * (NT * 10)
popped = [0] * NT
errors = []

def worker(k):
    try:
        base = k * N
        for i in range(N):
            L.append(base + i)
            if i % 3 == 0:
                L.insert(0, -1)          # removed again below
            if i % 5 == 0:
                popped[k] += L.pop()     # any item: accounted in popped
            A[k * 10 + i % 10] += 1      # slots owned by this thread
            if i % 50 == 0:
                s = L[:]                 # a consistent copy
                n = len(s)
                if n and s[-1] is None:
                    errors.append("bad slice")
                L.count(-1)
                -1 in L
        for i in range(N):
            if i % 3 == 0:
                L.remove(-1)
    except Exception as e:
        errors.append(repr(e))

ts = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()

total = sum(range(NT * N))
print("errors", errors)
print("len", len(L), "expected", NT * N - NT * len(range(0, N, 5)))
print("checksum ok", sum(L) + sum(popped) == total - 0)
print("A", sum(A), A[:3])
print("no -1 left", -1 not in L)
L.sort()
print("sorted ok", all(L[i] < L[i + 1] for i in range(len(L) - 1)))
