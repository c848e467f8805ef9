"""spectral_norm.py -- the spectral norm of an infinite matrix, truncated.

The matrix A has entries A[i][j] = 1 / ((i + j) * (i + j + 1) / 2 + i + 1)
(i, j from 0).  It is never stored: a function computes each entry when
needed.  The power method, applied to A-transposed times A on an N x N
corner, converges to the square of the largest singular value of A, whose
square root is printed.  What it exercises: nested for loops over ranges,
a small function called for every entry, float multiply-adds, list item
loads and stores, math.sqrt.

Usage:
    spectral_norm.py [SCALE]

One unit of work is ITERATIONS power-method steps on the N x N corner;
SCALE (a positive integer, default 1) repeats it, and every repetition
must give the same result.

Output: the result lines, identical under CPython and ftpy, then on the
last line the wall time of the work:
    time: SECONDS
Exit status 1 if repetitions disagree, 2 on bad arguments.
"""

import math
import sys
import time

N = 330
ITERATIONS = 10


def entry(i, j):
    """A[i][j]."""
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times_a(v, out):
    """out = A v."""
    n = len(v)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(i, j) * v[j]
        out[i] = total


def times_a_transposed(v, out):
    """out = A-transposed v."""
    n = len(v)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(j, i) * v[j]
        out[i] = total


def times_ata(v, out, scratch):
    """out = A-transposed A v."""
    times_a(v, scratch)
    times_a_transposed(scratch, out)


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = [0.0] * n
    scratch = [0.0] * n
    for _ in range(iterations):
        times_ata(u, v, scratch)
        times_ata(v, u, scratch)
    vbv = 0.0
    vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    return math.sqrt(vbv / vv), sum(u)


def run():
    """One unit of work; returns its result lines."""
    norm, total = spectral_norm(N, ITERATIONS)
    return [
        "spectral norm: N = %d, %d iterations" % (N, ITERATIONS),
        "norm: %.9f" % norm,
        "vector sum: %.6f" % total,
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: spectral_norm.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("spectral_norm: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
