# 8 threads append to one list and add to one counter under a Lock; the
# totals must be exact.
import threading

THREADS = 8
EACH = 5000
items = []
counter = [0]
lock = threading.Lock()


def work(tid):
    for i in range(EACH):
        with lock:
            items.append((tid, i))
            counter[0] += 1


ts = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("length:", len(items), "expected:", THREADS * EACH)
print("counter:", counter[0])
print("distinct:", len(set(items)))
# Each thread's items are in its own order.
last = [-1] * THREADS
ordered = True
for tid, i in items:
    if i != last[tid] + 1:
        ordered = False
    last[tid] = i
print("per-thread order kept:", ordered)

# The same with an RLock taken twice per step, and with acquire/release
# calls instead of with.
r = threading.RLock()
total = [0]


def work2():
    for i in range(2000):
        r.acquire()
        with r:
            total[0] += 1
        r.release()


ts = [threading.Thread(target=work2) for t in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("rlock total:", total[0])
