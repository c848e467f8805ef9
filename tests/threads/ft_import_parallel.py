# Two threads import two different modules whose bodies wait for each
# other (an Event with a timeout): both finish only if the two bodies run
# at the same time, i.e. imports of different modules do not serialise.
import threading
import time

results = {}


def worker(name):
    mod = __import__("ft_imp." + name, fromlist=["met"])
    results[name] = mod.met


start = time.time()
ts = [threading.Thread(target=worker, args=(n,)) for n in ("par_a", "par_b")]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("both bodies met the other:", results["par_a"], results["par_b"])
print("well within the timeout:", time.time() - start < 8)
