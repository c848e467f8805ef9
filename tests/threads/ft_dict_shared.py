# Free-threading stress: writers insert and delete keys of one dict while
# readers look keys up and copy it. Every value read must be the one written
# for its key, no insert may be lost, and the dict must end empty.
import threading

W = 3
M = 3000
d = {}
done = [False]
errors = []


def writer(k):
    for i in range(M):
        key = k * M + i
        d[key] = key * 2
        d["s%d" % key] = key
    for i in range(0, M, 2):
        del d[k * M + i]


def reader(k):
    lookups = 0
    while not done[0]:
        for key in range(0, W * M, 37):
            v = d.get(key)
            if v is not None and v != key * 2:
                errors.append((key, v))
            try:
                v = d[key]
            except KeyError:
                v = None
            if v is not None and v != key * 2:
                errors.append((key, v))
            lookups += 1
        c = d.copy()
        for key, v in c.items():
            if type(key) is int and v != key * 2:
                errors.append(("copy", key, v))
    if lookups == 0:
        errors.append("reader made no lookups")


writers = [threading.Thread(target=writer, args=(k,)) for k in range(W)]
readers = [threading.Thread(target=reader, args=(k,)) for k in range(2)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
done[0] = True
for t in readers:
    t.join()

ints = [k for k in d if type(k) is int]
strs = [k for k in d if type(k) is str]
print("ints left:", len(ints), "strs:", len(strs))
print("odd keys only:", all(k % 2 == 1 for k in ints))
print("values:", all(d[k] == k * 2 for k in ints), all(d[s] == int(s[1:]) for s in strs))
print("errors:", errors[:5])


def deleter(k):
    for i in range(M):
        d.pop(k * M + i, None)
        d.pop("s%d" % (k * M + i), None)


ts = [threading.Thread(target=deleter, args=(k,)) for k in range(W)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("empty:", len(d), d == {})

# Many threads setting the same keys: the dict holds exactly those keys.
same = {}


def same_keys(k):
    for r in range(300):
        for j in range(20):
            same[j] = (k, r)


ts = [threading.Thread(target=same_keys, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("same keys:", sorted(same) == list(range(20)), all(v[1] == 299 for v in same.values()))
