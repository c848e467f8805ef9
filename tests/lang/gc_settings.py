# The gc module's settings: thresholds, enable/disable, counts, and
# automatic collection when allocations pass the first threshold.
import gc

print(gc.get_threshold())
print(gc.isenabled())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
for bad in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print("TypeError")

gc.collect()
c = gc.get_count()
print(len(c), all(isinstance(x, int) and x >= 0 for x in c))
junk = [[] for i in range(100)]
print("count grew", gc.get_count()[0] >= 100)
gc.collect()
print("count reset", gc.get_count()[0] < 100)
del junk


class Cycle:
    freed = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.freed += 1


# disabled: no automatic collection, explicit collect still works
gc.disable()
print(gc.isenabled())
for i in range(5000):
    Cycle()
print("disabled freed", Cycle.freed)
print("collect", gc.collect() >= 5000, Cycle.freed)
gc.enable()
print(gc.isenabled())

# enabled: cycles go away without an explicit collect
Cycle.freed = 0
for i in range(20000):
    Cycle()
print("auto freed most", Cycle.freed > 15000)

# threshold 0 turns automatic collection off
gc.collect()
Cycle.freed = 0
gc.set_threshold(0)
for i in range(5000):
    Cycle()
print("threshold 0 freed", Cycle.freed)
gc.set_threshold(700, 10, 10)
gc.collect()
print("after collect", Cycle.freed)

# get_objects sees tracked containers
marker = ["find me"]
print("get_objects", any(o is marker for o in gc.get_objects()))
print("end")
