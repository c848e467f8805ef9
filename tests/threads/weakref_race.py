# Weak references whose referents die in one thread while three others
# call them, take new weak references and drop strong ones: every call
# gives the object (the right one) or None, never a crash.
import threading
import time
import weakref

N = 3000
KEEP = 8


class Box:
    def __init__(self, n):
        self.n = n


refs = [None] * N
done = threading.Event()
lock = threading.Lock()
results = {"bad": 0, "calls": 0}


start = threading.Barrier(4)


def producer():
    alive = []
    start.wait()
    for i in range(N):
        if i % 50 == 0:
            time.sleep(0)         # let the others in, with or without a GIL
        b = Box(i)
        refs[i] = weakref.ref(b)
        alive.append(b)
        if len(alive) > KEEP:
            alive.pop(0)          # the oldest dies here, in this thread
        del b
    alive.clear()
    done.set()


def consumer(k):
    bad = calls = 0
    mine = []
    start.wait()
    while not done.is_set():
        for i in range(N - 1, -1, -1):
            r = refs[i]
            if r is None:
                continue
            o = r()
            calls += 1
            if o is not None:
                if o.n != i:
                    bad += 1
                # a second weak reference, made and dropped by this thread
                w = weakref.ref(o, lambda w: None)
                if w() is not o:
                    bad += 1
                if len(mine) < 4:
                    mine.append(o)  # kept a while: dies in this thread
                else:
                    mine.clear()
                del o, w
            if done.is_set():
                break
    mine.clear()
    with lock:
        results["bad"] += bad
        results["calls"] += calls


threads = [threading.Thread(target=producer)]
threads += [threading.Thread(target=consumer, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("bad results:", results["bad"])
print("all dead at the end:", all(r() is None for r in refs))

# A shared WeakValueDictionary: four threads add values that die at once
# or after a while; the dictionary only ever holds live values. (Each
# thread drops its kept values itself: under biased counting a value
# dropped by another thread may wait for its owner to merge it.)
cache = weakref.WeakValueDictionary()
phase = threading.Barrier(5)


def worker(k):
    keep = []
    for i in range(500):
        b = Box(i)
        cache[(k, i)] = b
        if i % 5 == 0:
            keep.append(b)
        for key in ((k, i), (k, i - 1), ((k + 1) % 4, i)):
            v = cache.get(key)
            if v is not None and v.n != key[1]:
                with lock:
                    results["bad"] += 1
        del b, v
    phase.wait()   # the main thread looks at the cache
    phase.wait()
    keep.clear()


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
phase.wait()
print("bad cache values:", results["bad"])
print("cache holds the kept values:", sorted(cache.keys()) ==
      sorted((k, i) for k in range(4) for i in range(0, 500, 5)))
phase.wait()
for t in threads:
    t.join()
print("cache empty once they are dropped:", len(cache) == 0)
