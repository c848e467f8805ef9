# Free-threading stress: threads are created and finish continuously, a
# few at a time, each doing a little work with shared objects; every result
# arrives and the thread count goes back to one.
import threading
import _thread

results = []
lock = threading.Lock()
shared = {"n": 0}


def small(k):
    local = [k] * 10
    s = sum(local)
    with lock:
        results.append(s)
        shared["n"] += 1


total = 0
for batch in range(40):
    ts = [threading.Thread(target=small, args=(batch * 8 + j,)) for j in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    total += 8
print("threads:", total, "results:", len(results), shared["n"])
print("sum ok:", sum(results) == sum(10 * k for k in range(total)))
print("active:", threading.active_count())

done = threading.Semaphore(0)


def raw(k):
    small(k)
    done.release()


for k in range(100):
    _thread.start_new_thread(raw, (k,))
for k in range(100):
    done.acquire()
print("raw threads:", shared["n"])
