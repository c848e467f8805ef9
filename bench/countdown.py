"""countdown.py -- the classic GIL benchmark: count an integer down to zero.

Usage:
    countdown.py [N [K]]

N is the count (default 10000000).  K is the number of threads the count is
meant to be split across (default 1).  Threading arrives later in ftpy: for
now K is accepted and ignored, and the whole count runs on the main thread.
(Once `threading` works, the plan is to run K threads that each count N // K.)

Prints one line:  countdown N: T s   (T = wall time from time.perf_counter,
3 decimals).
"""

import sys
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
        k = int(argv[2])  # accepted but ignored until threads are supported
    start = time.perf_counter()
    countdown(n)
    elapsed = time.perf_counter() - start
    print("countdown %d: %.3f s" % (n, elapsed))


main(sys.argv)
