# A __del__ that resurrects its object: the object survives the
# collection, keeps its contents, and its __del__ never runs again
# (PEP 442), even when it becomes garbage a second time.
import gc

saved = []


class Phoenix:
    calls = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Phoenix.calls += 1
        print("del", self.name, "call", Phoenix.calls)
        saved.append(self)


gc.collect()
p = Phoenix("bird")
p.me = p
p.data = [1, 2, 3]
del p
gc.collect()
print("saved", len(saved), saved[0].name, saved[0].me is saved[0], saved[0].data)

# garbage again: collected without a second __del__
saved.clear()
print("collect", gc.collect() > 0)
print("calls", Phoenix.calls, "saved", len(saved))


# a finalizer resurrecting another member of the cycle keeps the whole
# cycle alive, and the other member's own finalizer still runs only once
class Pair:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        if self.name == "first":
            saved.append(self.other)


a, b = Pair("first"), Pair("second")
a.other, b.other = b, a
del a, b
gc.collect()
print("resurrected", [x.name for x in saved], saved[0].other.name)
saved.clear()
gc.collect()
print("gone", len(saved))

# resurrection through the plain reference-count path (a local dropped
# in a function), then a cycle
def drop_one():
    q = Phoenix("plain")
    del q
    print("plain saved", len(saved))


drop_one()
r = saved.pop()
r.me = r
del r
print("collect", gc.collect() > 0, "calls", Phoenix.calls)
print("end")
