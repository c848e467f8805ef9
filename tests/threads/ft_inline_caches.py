# Free-threading stress test: the eval loop's inline caches (global,
# attribute and method lookups) are shared by every thread running the same
# code, while other threads rebind the globals and class attributes those
# lookups find. Readers run one polymorphic call site over instances of
# two classes, so its cache entry is refilled for one class and then the
# other all the time. A torn entry would hand one class's method, class
# attribute or a stale global to the other, or crash; every result must
# name the right class and a value that was really assigned.
import threading

ROUNDS = 300
READERS = 3


class A:
    tag = "A0"

    def who(self):
        return "A0"


class B:
    tag = "B0"

    def who(self):
        return "B0"


def helper():
    return "g0"


objs = [A(), B(), B(), A()] * 4
errors = []
seen = set()
start = threading.Barrier(READERS + 1)


def reader():
    start.wait()
    bad = []
    kinds = set()
    for _ in range(ROUNDS):
        for o in objs:
            name = type(o).__name__
            m = o.who()  # LOAD_METHOD, refilled per class
            t = o.tag  # LOAD_ATTR of a class attribute
            if m[0] != name or t[0] != name:
                bad.append((name, m, t))
            h = helper()  # LOAD_GLOBAL of a rebound function
            if h[0] != "g":
                bad.append(h)
            kinds.add(m[0] + t[0])
    errors.extend(bad)
    seen.update(kinds)


def writer():
    start.wait()
    global helper
    for i in range(1, ROUNDS + 1):
        A.who = lambda self, i=i: "A%d" % i
        B.who = lambda self, i=i: "B%d" % i
        A.tag = "A%d" % i
        B.tag = "B%d" % i

        def helper(i=i):
            return "g%d" % i


threads = [threading.Thread(target=reader) for _ in range(READERS)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()

print("errors:", errors[:5], len(errors))
print("kinds seen:", sorted(seen))
print("final:", A().who(), B().who(), A.tag, B.tag, helper())
