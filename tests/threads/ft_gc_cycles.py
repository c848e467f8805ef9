# Cycle collection while 4 threads create and drop cycles: each thread
# builds self-referencing instances, lists and dicts, cycles that span
# objects made by different threads (through a shared exchange list), and
# calls gc.collect() now and then, while automatic collections run too.
# Every finalizer must run exactly once, no object reachable from a live
# structure may be freed (each thread checks its kept structures after
# every round), and at the end nothing is left.
import gc
import threading

THREADS = 4
ROUNDS = 30
PER_ROUND = 300

lock = threading.Lock()
created = [0] * THREADS
finalized = [0] * THREADS
twice = []
errors = []
exchange = []


class Node:
    def __init__(self, slot, serial):
        self.slot = slot
        self.serial = serial
        self.done = False
        self.links = []

    def __del__(self):
        if self.done:
            twice.append(self.serial)
        self.done = True
        finalized[self.slot] += 1


def make(slot, serial):
    created[slot] += 1
    return Node(slot, serial)


def worker(slot):
    serial = slot * 10000000
    kept = []
    for r in range(ROUNDS):
        for i in range(PER_ROUND):
            serial += 1
            a = make(slot, serial)
            a.links.append(a)                       # self cycle
            b = make(slot, -serial)
            a.other, b.other = b, {"back": a}       # through a dict
            if i % 10 == 0:
                # a cycle across threads: link to a node another thread made
                with lock:
                    exchange.append(a)
                    if len(exchange) > 8:
                        c = exchange.pop(0)
                        c.links.append(a)
                        a.links.append(c)
            if i % 50 == 0:
                # kept alive: a live cycle that must survive every collection
                k = make(slot, serial + 5000000)
                k.links.append(k)
                k.payload = [serial, {"n": serial}]
                kept.append(k)
        if r % 5 == slot % 5:
            gc.collect()
        for k in kept:
            if k.done or k.links[0] is not k or k.payload[1]["n"] != k.payload[0]:
                errors.append(("kept damaged", slot, k.serial))
    kept_count = len(kept)
    del kept
    return kept_count


results = [None] * THREADS


def run(slot):
    results[slot] = worker(slot)


gc.set_threshold(200, 5, 5)
threads = [threading.Thread(target=run, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with lock:
    exchange.clear()
gc.collect()
gc.collect()
print("kept per thread", results)
print("created == finalized:", created == finalized)
if created != finalized:
    print(created, finalized)
print("finalized twice:", len(twice))
print("errors:", errors[:5])
print("garbage:", gc.garbage)
