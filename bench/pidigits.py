"""pidigits.py -- a big-integer workload: the digits of pi by Gibbons'
unbounded spigot, all in exact integer arithmetic.

Usage:
    pidigits.py [N]

N is the number of digits (default 2000). The state is a 2x2 matrix of
ints that grow by a few digits per step, so the run is dominated by
multiplying and dividing ints of a few thousand bits by small ones and by
each other.

Prints the digits ten to a line ("3141592653\t:10"), as the classic
benchmark does, then one line with the wall time (time.perf_counter):
    pidigits N: T s
"""

import sys
import time


def pi_digits(count, out):
    """Writes the first `count` digits of pi to `out`, ten per line."""
    # The state (q, r, t) with k: the linear fractional transformation
    # (q*x + r) / t composed from the series terms consumed so far.
    q, r, t, k = 1, 0, 1, 1
    line, emitted = 0, 0
    while emitted < count:
        # A digit is safe once the transformation maps 3 and 4 to the same
        # integer part.
        digit = (3 * q + r) // t
        if digit == (4 * q + r) // t:
            line = line * 10 + digit
            emitted += 1
            if emitted % 10 == 0:
                out.append("%010d\t:%d" % (line, emitted))
                line = 0
            q, r = 10 * q, 10 * (r - digit * t)
        else:
            # Consume the next term of the series.
            k2 = 2 * k + 1
            q, r, t = q * k, (2 * q + r) * k2, t * k2
            k += 1
    if emitted % 10:
        out.append("%-10s\t:%d" % (str(line).zfill(emitted % 10), emitted))


def main(argv):
    n = 2000
    if len(argv) > 1:
        n = int(argv[1])
    out = []
    start = time.perf_counter()
    pi_digits(n, out)
    elapsed = time.perf_counter() - start
    for s in out:
        print(s)
    print("pidigits %d: %.3f s" % (n, elapsed))


main(sys.argv)
