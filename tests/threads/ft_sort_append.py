# One thread sorts (and reverses) a list while others append to it.
import threading

NT = 4
N = 4000
L = list(range(1000, 0, -1))
stop = [False]
errors = []

def appender(k):
    try:
        for i in range(N):
            L.append(-(k * N + i))
    except Exception as e:
        errors.append(repr(e))

def sorter():
    # Bounded: under the tick-counting GIL a thread in a tight loop can
    # keep the lock from the appenders for a long time (the convoy
    # effect), so it must also stop on its own.
    try:
        for _ in range(300):
            if stop[0]:
                break
            L.sort()
            L.reverse()
            L.sort(reverse=True)
            L.index(L[0])
    except Exception as e:
        errors.append(repr(e))

s = threading.Thread(target=sorter)
s.start()
ts = [threading.Thread(target=appender, args=(k,)) for k in range(NT)]
for t in ts:
    t.start()
for t in ts:
    t.join()
stop[0] = True
s.join()
print("errors", errors)
print("len", len(L), 1000 + NT * N)
L.sort()
print("content ok", L == sorted(list(range(1, 1001)) + [-x for x in range(NT * N)]))
