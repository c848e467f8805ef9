# threading.local: every thread sees its own attributes, keeps them across
# sleeps while other threads write theirs, and loses them when it ends.
import threading
import time

data = threading.local()
data.x = "main"
errors = []
barrier = threading.Barrier(6)


def worker(i):
    try:
        data.x
        errors.append("thread %d saw another thread's x" % i)
    except AttributeError:
        pass
    data.x = i
    data.items = [i] * 3
    barrier.wait()  # everyone has written before anyone checks
    for k in range(5):
        time.sleep(0.005)
        if data.x != i or data.items != [i] * 3:
            errors.append("thread %d lost its value" % i)
        data.x = i
    if sorted(data.__dict__) != ["items", "x"]:
        errors.append("thread %d: __dict__ %r" % (i, sorted(data.__dict__)))
    del data.items
    if hasattr(data, "items"):
        errors.append("thread %d: del did not delete" % i)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("errors:", errors)
print("main still sees:", data.x, data.__dict__)


# A subclass: __init__ runs once in every thread that uses the object, with
# the constructor's arguments; methods and class attributes are shared.
class Counter(threading.local):
    shared = "class attribute"

    def __init__(self, start):
        self.n = start
        inits.append(start)

    def bump(self):
        self.n += 1
        return self.n


inits = []
c = Counter(10)
c.bump()
results = []


def use_counter():
    results.append((c.n, c.bump(), c.bump(), c.shared))


ts = [threading.Thread(target=use_counter) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("inits:", inits)
print("results:", results)
print("main's n:", c.n)

# What a thread stored dies with the thread.
freed = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)


store = threading.local()


def keep():
    store.obj = Tracked("from thread")


t = threading.Thread(target=keep)
t.start()
t.join()
print("freed after join:", freed)

try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    threading.local(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    del data.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(type(data).__name__, isinstance(c, threading.local))
