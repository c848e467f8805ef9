# Finalizers in several threads at once: each __del__ runs exactly once,
# in the thread that drops the last reference, also for objects that a
# __del__ resurrects and for long chains whose freeing is deferred past a
# nesting depth (each thread has its own depth and pending list).
import threading

THREADS = 4
OBJECTS = 10000
CHAIN = 20000


class Counted:
    def __init__(self, slot, nxt=None):
        self.slot = slot
        self.nxt = nxt

    def __del__(self):
        counts[self.slot] += 1


class Phoenix:
    """Resurrects itself once, into its thread's own list."""

    def __init__(self, slot):
        self.slot = slot

    def __del__(self):
        rises[self.slot] += 1
        saved[self.slot].append(self)


counts = [0] * THREADS
rises = [0] * THREADS
saved = [[] for _ in range(THREADS)]
chains = [0] * THREADS


def worker(slot):
    for i in range(OBJECTS):
        Counted(slot)
    for i in range(OBJECTS // 10):
        Phoenix(slot)
    # Dropping the resurrected objects again runs no __del__ this time.
    saved[slot].clear()
    head = None
    for i in range(CHAIN):
        head = Counted(slot, head)
    before = counts[slot]
    del head
    chains[slot] = counts[slot] - before


ts = [threading.Thread(target=worker, args=(s,)) for s in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('finalized:', counts)
print('resurrected:', rises, 'kept:', [len(s) for s in saved])
print('chain finalized:', chains)
print('all exact:', counts == [OBJECTS + CHAIN] * THREADS and
      rises == [OBJECTS // 10] * THREADS and chains == [CHAIN] * THREADS)
