# A circular import across two threads: thread 1 imports cx_a, whose body
# imports cx_b; thread 2 imports cx_b, whose body imports cx_a; both
# bodies are running when they do. Waiting for each other would deadlock,
# so one thread goes on with the partial module, as CPython does.
import sys
import threading

done = []


def worker(name):
    __import__("ft_imp." + name)
    done.append(name)


ts = [threading.Thread(target=worker, args=(n,)) for n in ("cx_a", "cx_b")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("threads finished:", sorted(done))
a, b = sys.modules["ft_imp.cx_a"], sys.modules["ft_imp.cx_b"]
print("both modules complete:", a.done, b.done)
