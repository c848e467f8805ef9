# Free-threading stress: threads write attributes of one shared instance
# (their own names and one shared name) and of the class; a lock-protected
# attribute counter must not lose updates.
import threading

N = 4
M = 3000


class Box:
    hits = 0

    def __init__(self):
        self.shared = None
        self.count = 0


box = Box()
lock = threading.Lock()


def worker(k):
    name = "own%d" % k
    for i in range(M):
        setattr(box, name, i)
        box.shared = (k, i)
        if i % 3 == 0:
            with lock:
                box.count += 1
                Box.hits += 1
        v = getattr(box, name)
        if v != i:
            print("torn read", k, i, v)


ts = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([getattr(box, "own%d" % k) for k in range(N)])
print("shared:", box.shared[0] in range(N), box.shared[1] == M - 1)
print("count:", box.count, "class hits:", Box.hits, N * ((M + 2) // 3))
print(sorted(k for k in box.__dict__))


# Many instances sharing one class, created and mutated concurrently.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)


sums = [0] * N


def points(k):
    p = Point(0, k)
    for i in range(M):
        p = p.moved(1)
        p.y = k
    sums[k] = p.x + p.y


ts = [threading.Thread(target=points, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("points:", sums)
