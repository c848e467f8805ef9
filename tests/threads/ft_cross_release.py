# Free-threading stress: objects made in one thread are dropped in another
# (producer/consumer through a Condition), in both directions at once. Each
# object refers to a marker; when everything is released the marker's
# reference count must be back where it started (no leak, no double free).
import sys
import threading
import time


# Builds that make module-level values immortal when the first extra thread
# starts (objects/deferred.h) would stop counting objects bound before it:
# start one first, so that the shared objects below are counted ones, which
# is what this test is about.
_first = threading.Thread(target=len, args=((),))
_first.start()
_first.join()

marker = ["marker"]
base = sys.getrefcount(marker)

N = 2000
box = []
cond = threading.Condition()
DONE = "done"


def producer(tag):
    for i in range(N):
        item = [marker, {"i": i, "tag": tag}, (tag, i, marker), "%s-%d" % (tag, i)]
        with cond:
            box.append(item)
            cond.notify()
        del item
    with cond:
        box.append(DONE)
        cond.notify()


got = [0]


def consumer(nprod):
    seen_done = 0
    while seen_done < nprod:
        with cond:
            while not box:
                cond.wait()
            item = box.pop(0)
        if item is DONE:
            seen_done += 1
        else:
            if item[0] is not marker or item[2][2] is not marker:
                print("corrupt item")
            got[0] += 1
        del item


ts = [threading.Thread(target=consumer, args=(2,))]
ts += [threading.Thread(target=producer, args=(t,)) for t in ("a", "b")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("consumed:", got[0])

# Hand a batch over the other way: the main thread builds, workers drop.
batches = [[[marker, j] for j in range(500)] for k in range(4)]


def dropper(k):
    b = batches[k]
    batches[k] = None
    while b:
        b.pop()


ts = [threading.Thread(target=dropper, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
# Workers built these; the main thread drops them.
made = [None] * 4


def builder(k):
    made[k] = [(marker, k, j) for j in range(500)]


ts = [threading.Thread(target=builder, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("built:", [len(m) for m in made])
made = None
# Biased counts: an object whose owner thread is still on its way out
# (joined, but not yet gone) is merged and freed by that thread a moment
# later, so give finishing threads a little time.
for tries in range(200):
    for i in range(100):  # safe points, where deferred merges happen
        pass
    if sys.getrefcount(marker) == base:
        break
    time.sleep(0.01)
print("marker refs back:", sys.getrefcount(marker) - base)
