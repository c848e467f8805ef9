"""countdown.py -- the classic GIL benchmark: count an integer down to zero.

Usage:
    countdown.py [N [K]]

N is the count (default 10000000).  K is the number of threads (default 1):
K threads are started together, each counts N // K down (the first one also
takes the remainder), and the main thread joins them.  With K = 1 the count
runs on the main thread, as the classic benchmark does.  A GIL lets only one
thread count at a time, so on a GIL build K > 1 takes at least as long as
K = 1 (David Beazley's measurements: longer, because of GIL hand-offs).

Prints one line (T = wall time from time.perf_counter, 3 decimals):
    countdown N: T s              for K = 1
    countdown N K threads: T s    otherwise
"""

import sys
import threading
import time


def countdown(n):
    while n > 0:
        n -= 1


def main(argv):
    n = 10000000
    if len(argv) > 1:
        n = int(argv[1])
    k = 1
    if len(argv) > 2:
        k = int(argv[2])
    if k < 1:
        print("countdown: K must be at least 1", file=sys.stderr)
        sys.exit(2)
    if k == 1:
        start = time.perf_counter()
        countdown(n)
        elapsed = time.perf_counter() - start
        print("countdown %d: %.3f s" % (n, elapsed))
        return
    share = n // k
    threads = [threading.Thread(target=countdown, args=(share,))
               for i in range(k)]
    threads[0] = threading.Thread(target=countdown, args=(n - share * (k - 1),))
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print("countdown %d %d threads: %.3f s" % (n, k, elapsed))


main(sys.argv)
