# Free-threading stress: objects other threads are calling lose their last
# outside reference, functions and classes are replaced while in use, and
# threads start while others run. Covers the shared objects that builds with
# immortal objects stop counting when the first thread starts (module
# functions, classes, module values: objects/deferred.h) beside the ones
# they keep counting (closures, instances, classes made in functions).
import threading

CALLERS = 3
ROUNDS = 3000
REPLACEMENTS = 300


def make_handler(k):
    def handler(x):
        return x + k
    return handler


def make_class(k):
    class Made:
        def get(self):
            return k
    return Made


class Holder:
    """Reached through a module global and through a class attribute."""

    def __init__(self, k):
        self.k = k

    def get(self):
        return self.k

    handler = staticmethod(make_handler(0))


slots = [make_handler(0), Holder(0), make_class(0)()]
results = [[0, 0] for _ in range(CALLERS + 2)]
go = threading.Event()


def caller(idx):
    go.wait()
    calls = bad = 0
    for i in range(ROUNDS):
        # A closure whose only other reference is slots[0].
        r = slots[0](i) - i
        # An instance, and an instance of a class made in a function.
        r2 = slots[1].get()
        r3 = slots[2].get()
        # A class attribute replaced by another thread.
        r4 = Holder.handler(i) - i
        for v in (r, r2, r3, r4):
            if not 0 <= v <= REPLACEMENTS:
                bad += 1
        calls += 4
    results[idx][0] = calls
    results[idx][1] = bad


def replacer(idx):
    go.wait()
    for k in range(1, REPLACEMENTS + 1):
        slots[0] = make_handler(k)
        slots[1] = Holder(k)
        slots[2] = make_class(k)()
        Holder.handler = staticmethod(make_handler(k))
    results[idx][0] = REPLACEMENTS


def late_starter(idx):
    """Starts more threads while the first ones run: each defines and
    uses functions and classes of its own."""
    go.wait()

    def late(j):
        f = make_handler(j)
        c = make_class(j)
        total = 0
        for i in range(200):
            total += f(0) + c().get()
        late_totals[j] = total

    ts = [threading.Thread(target=late, args=(j,)) for j in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    results[idx][0] = len(ts)


late_totals = [0] * 4
threads = [threading.Thread(target=caller, args=(i,)) for i in range(CALLERS)]
threads.append(threading.Thread(target=replacer, args=(CALLERS,)))
threads.append(threading.Thread(target=late_starter, args=(CALLERS + 1,)))
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()

print("calls:", [r[0] for r in results[:CALLERS]])
print("bad results:", sum(r[1] for r in results[:CALLERS]))
print("replacements:", results[CALLERS][0])
print("late threads:", results[CALLERS + 1][0], late_totals)
print("final:", slots[0](0), slots[1].get(), slots[2].get(), Holder.handler(0))
