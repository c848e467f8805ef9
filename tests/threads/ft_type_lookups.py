# Free-threading stress: method-cache misses from several threads at once
# (many classes and names, so lookups keep missing the cache and walk the
# MRO without a lock) while another thread replaces class attributes and
# methods. Every value read must be one that was assigned, whole.
import threading

NCLASSES = 24
NAMES = ["a%d" % i for i in range(12)]
ROUNDS = 300


class Base:
    def method(self):
        return ("base", 0)


classes = []
for c in range(NCLASSES):
    # Subclasses of Base and of each other, so lookups walk MROs.
    parent = classes[c - 1] if c % 3 else Base
    cls = type("C%d" % c, (parent,), {})
    for n in NAMES:
        setattr(cls, n, (c, 2 * c))
    classes.append(cls)
instances = [cls() for cls in classes]
bad = []
counts = [0] * 3


def reader(r):
    n = 0
    for i in range(ROUNDS):
        for j, obj in enumerate(instances):
            name = NAMES[(i + j + r) % len(NAMES)]
            v = getattr(obj, name)
            if v[1] != 2 * v[0]:
                bad.append(v)
            m = obj.method()
            if m[1] != len(m[0]) and m != ("base", 0):
                bad.append(m)
            n += 1
    counts[r] = n


def writer():
    for i in range(ROUNDS):
        cls = classes[i % NCLASSES]
        setattr(cls, NAMES[i % len(NAMES)], (i, 2 * i))
        if i % 5 == 0:
            tag = "m%d" % i

            def method(self, tag=tag):
                return (tag, len(tag))
            cls.method = method
        elif i % 5 == 1:
            try:
                del cls.method
            except AttributeError:
                pass


ts = [threading.Thread(target=reader, args=(r,)) for r in range(3)]
ts.append(threading.Thread(target=writer))
for t in ts:
    t.start()
for t in ts:
    t.join()
print("lookups:", counts)
print("bad values:", len(bad))
print("final:", getattr(instances[0], NAMES[0]), instances[5].method()[0][:1])
