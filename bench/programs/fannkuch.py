"""fannkuch.py -- pancake flipping over every permutation of 0..N-1.

For each permutation of a stack of N pancakes (numbered 0..N-1), flip the
top K+1 of them, K being the number of the top one, until 0 is on top, and
count the flips.  The program reports the largest count, a checksum that
adds the counts of even-numbered permutations and subtracts those of odd
ones, and how many permutations it visited.  Permutations are visited in
rotation order: the next one rotates the first R+1 elements left by one
(done here with pairwise swaps), R found with a counter per position.
What it exercises: list copies, slice assignment from a reversed slice,
swaps through tuple assignment, list item loads and stores, small ints.

Usage:
    fannkuch.py [SCALE]

One unit of work is every permutation of N = 9; SCALE (a positive integer,
default 1) repeats it, and every repetition must give the same result.

Output: the result lines, identical under CPython and ftpy, then on the
last line the wall time of the work:
    time: SECONDS
Exit status 1 if repetitions disagree, 2 on bad arguments.
"""

import sys
import time

N = 9


def count_flips(order):
    """Flips a copy of `order` until 0 is on top; returns the flips."""
    stack = order[:]
    top = stack[0]
    flips = 0
    while top:
        stack[:top + 1] = stack[top::-1]
        flips += 1
        top = stack[0]
    return flips


def fannkuch(n):
    """Returns (checksum, most flips, permutations visited)."""
    order = list(range(n))
    turns = [0] * n
    most = 0
    checksum = 0
    sign = 1
    visited = 0
    while True:
        if order[0]:
            flips = count_flips(order)
            if flips > most:
                most = flips
            checksum += sign * flips
        sign = -sign
        visited += 1
        # Rotate the first r + 1 elements until a counter has not wrapped.
        r = 1
        while True:
            if r == n:
                return checksum, most, visited
            for i in range(r):
                order[i], order[i + 1] = order[i + 1], order[i]
            turns[r] += 1
            if turns[r] <= r:
                break
            turns[r] = 0
            r += 1


def run():
    """One unit of work; returns its result lines."""
    checksum, most, visited = fannkuch(N)
    return [
        "fannkuch: N = %d, %d permutations" % (N, visited),
        "checksum: %d" % checksum,
        "most flips: %d" % most,
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: fannkuch.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("fannkuch: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
