# The cycle collector frees self-referencing containers and instances:
# __del__ runs exactly once, gc.collect() finds the cycle once and then
# nothing.
import gc


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def check(what, n):
    print(what, "found" if n > 0 else "nothing")


gc.collect()

# an instance referring to itself
a = Node("self")
a.me = a
del a
print("dropped")
check("instance", gc.collect())
check("second", gc.collect())

# two instances referring to each other
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
n = gc.collect()
print("pair", n >= 2)
check("second", gc.collect())

# a list and a dict that contain themselves
lst = []
lst.append(lst)
print("list", gc.collect() == 0)  # still reachable
del lst
print("list", gc.collect())
d = {}
d["me"] = d
del d
print("dict", gc.collect())

# a cycle through a list, a tuple, a set and a dict
class Key:
    pass

k = Key()
s = {k}
t = (s, [k])
k.t = t
k.node = Node("mixed")
del k, s, t
check("mixed", gc.collect())

# garbage that refers to live objects leaves them alone
live = [1, 2, 3]
x = Node("holder")
x.live = live
x.me = x
del x
check("holder", gc.collect())
print("live", live)

# a reachable cycle is never freed
keep = Node("kept")
keep.me = keep
print("kept", gc.collect() == 0, keep.me is keep)

# collect(generation) and its errors
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print(gc.garbage)
print("end")
