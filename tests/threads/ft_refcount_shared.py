# Free-threading stress: threads take and drop many references to shared
# objects (locals, arguments, containers, attribute reads, bound methods);
# after they finish every object's reference count is back to its start
# value, so no increment or decrement was lost.
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


class Thing:
    def method(self):
        return self


shared_list = [1, 2, 3]
shared_dict = {"a": 1}
shared_str = "shared-" + str(12345) * 3
shared_float = 1.5 * 3.1
shared_obj = Thing()
shared_tuple = (shared_list, shared_dict)
objs = [shared_list, shared_dict, shared_str, shared_float, shared_obj, shared_tuple]


def refs():
    return [sys.getrefcount(o) for o in objs]


def take(o):
    return o


def worker(k):
    keep = []
    for i in range(3000):
        a = shared_list
        b = take(shared_dict)
        c = shared_str
        keep.append(shared_float)
        m = shared_obj.method
        m()
        t = shared_tuple
        x = t[0]
        if len(keep) > 50:
            keep = []
        d = {1: a, 2: b, 3: c, 4: x}
        del a, b, c, m, t, x, d
    keep = None


before = refs()
ts = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
t = None
ts = None
# Biased counts: a thread that has been joined may still be on its way
# out, merging what it owns; give it a moment (see ft_cross_release.py).
for tries in range(200):
    for i in range(100):  # safe points, where deferred merges happen
        pass
    after = refs()
    if after == before:
        break
    time.sleep(0.01)
print("same counts:", before == after)
if before != after:
    print(before, after)
