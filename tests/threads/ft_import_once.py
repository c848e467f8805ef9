# Four threads import one slow module at the same moment: its body runs
# once, and every thread gets the complete module (none sees it half
# initialised, none runs it again).
import builtins
import threading

N = 4
barrier = threading.Barrier(N)
seen = []
lock = threading.Lock()


def worker():
    barrier.wait()
    import ft_imp.slow as m
    ok = getattr(m, "complete", False) and len(m.table) == 1000
    with lock:
        seen.append(ok)


ts = [threading.Thread(target=worker) for _ in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("body runs:", builtins.ft_slow_runs)
print("threads that saw the complete module:", seen.count(True), "of", N)
