"""gc_pause.py -- what a full collection costs with N live tracked objects
while K-1 other threads run Python code (they must be brought to a safe
point when the world is stopped).

Usage:
    gc_pause.py [N [K [REPEAT]]]

Builds N live tracked objects (N/2 small lists, each with a dict of one
entry), starts K-1 threads that loop over a little arithmetic until told
to stop, then times REPEAT (default 5) calls of gc.collect() from the main
thread. Prints one line:
    gc_pause N K: collect_ms=M stw_ms=S
where M is the median wall time of gc.collect() and S the median time the
world stayed stopped in it (ftpy's gc._pause_stats(); "-" on a Python
without it).
"""

import gc
import sys
import threading
import time


def spin(stop):
    x = 0
    while not stop:
        x = (x + 1) % 1000


def median(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 100000
    k = int(argv[2]) if len(argv) > 2 else 1
    repeat = int(argv[3]) if len(argv) > 3 else 5
    live = [[i, {"k": i}] for i in range(n // 2)]
    stop = []
    threads = [threading.Thread(target=spin, args=(stop,)) for _ in range(k - 1)]
    for t in threads:
        t.start()
    time.sleep(0.05)
    gc.collect()
    walls, stws = [], []
    has_stats = hasattr(gc, "_pause_stats")
    for _ in range(repeat):
        t0 = time.perf_counter()
        gc.collect()
        walls.append(time.perf_counter() - t0)
        if has_stats:
            stws.append(gc._pause_stats()[0])
    stop.append(1)
    for t in threads:
        t.join()
    stw = "%.3f" % (median(stws) * 1000) if has_stats else "-"
    print("gc_pause %d %d: collect_ms=%.3f stw_ms=%s"
          % (n, k, median(walls) * 1000, stw))
    del live


main(sys.argv)
