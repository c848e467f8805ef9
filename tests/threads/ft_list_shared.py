# Free-threading stress: many threads append to, pop from and assign into
# one list at the same time. A lost append, a duplicated or lost pop, a torn
# item or a crash shows up in the checks (same output in every build).
import threading

N = 4
M = 5000
shared = []


def run_all(target):
    ts = [threading.Thread(target=target, args=(k,)) for k in range(N)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def appender(k):
    for i in range(M):
        shared.append(k * M + i)


run_all(appender)
print("appended:", len(shared), sorted(shared) == list(range(N * M)))

popped = [[] for _ in range(N)]


def popper(k):
    out = popped[k]
    while True:
        try:
            out.append(shared.pop())
        except IndexError:
            break


run_all(popper)
got = []
for p in popped:
    got.extend(p)
print("popped:", len(got), len(shared), sorted(got) == list(range(N * M)))

# Disjoint slots: each thread owns every N-th item; nothing may be lost.
slots = [0] * (N * 64)


def bumper(k):
    for r in range(200):
        for j in range(k, len(slots), N):
            slots[j] = slots[j] + 1


run_all(bumper)
print("setitem disjoint:", all(v == 200 for v in slots))

# One contended slot and a lock-protected counter.
hot = [None]
counter = [0]
lock = threading.Lock()


def writer(k):
    mine = ["w", k]
    for i in range(M):
        hot[0] = mine
        if i % 10 == 0:
            with lock:
                counter[0] += 1


run_all(writer)
print("hot slot:", hot[0][0], hot[0][1] in range(N), "counter:", counter[0])

# Mixed: appends, pops and setitems on one list at once; the total is kept.
mixed = list(range(1000))
taken = [0] * N


def mixer(k):
    n = 0
    for i in range(2000):
        if k % 2 == 0:
            mixed.append(i)
            try:
                mixed.pop()
            except IndexError:
                n += 1
        else:
            try:
                mixed[i % 500] = i
            except IndexError:
                n += 1
    taken[k] = n


run_all(mixer)
print("mixed:", len(mixed), taken)
