# 4 threads append / extend / pop / += on one shared bytearray while
# another reads it; every printed number is exact.
import threading

NT = 4
N = 20000
B = bytearray()
popped = [[0] * NT for _ in range(NT)]  # popped[k][v]: thread k popped byte v
errors = []
done = threading.Event()
go = threading.Barrier(NT + 1)  # all start together, so they overlap

def worker(k):
    global B  # B += x rebinds the name (to the same object)
    try:
        one = bytes([k])
        go.wait()
        for i in range(N):
            B.append(k)
            B.extend(one * 2)
            if i % 2 == 0:
                popped[k][B.pop()] += 1
            if i % 100 == 0:
                B += one
                popped[k][B.pop(0)] += 1
    except Exception as e:
        errors.append(repr(e))

def reader():
    go.wait()
    while not done.is_set():
        snap = bytes(B)
        if any(c >= NT for c in snap[:64]):
            errors.append("bad byte")
        B.count(0)
        B.find(b'\x03\x03')
        len(B)

r = threading.Thread(target=reader)
r.start()
ts = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
done.set()
r.join()

pops = N // 2 + len(range(0, N, 100))
print("errors", errors)
print("len", len(B), "expected", NT * (3 * N + len(range(0, N, 100))) - NT * pops)
for v in range(NT):
    got = B.count(v) + sum(popped[k][v] for k in range(NT))
    print("value", v, "accounted", got == 3 * N + len(range(0, N, 100)))
print("only thread bytes", set(B) <= set(range(NT)))
