"""unpack_sequence.py -- sequence unpacking, `a, b, c = seq`, in tight loops.

A ten-element state is unpacked into ten names and packed again in a new
order (rotation, neighbour swap, riffle) over and over, once as a tuple
and once as a list; every round also unpacks a pair, a three-element
slice and a starred assignment.  A third loop unpacks the items of lists
of pairs and of nested (tuple, list) pairs in `for` targets.  Checksums
fold the values in as they go, so every unpacking counts.  What it
exercises: UNPACK_SEQUENCE on tuples and lists of 2, 3 and 10 items, nested
and starred targets, tuple and list displays.

Usage:
    unpack_sequence.py [SCALE]

One unit of work is ROUNDS rounds of each kind; SCALE (a positive integer,
default 1) repeats it, and every repetition must give the same result.

Output: the result lines (the checksums and the final states), identical
under CPython and ftpy, then on the last line the wall time of the work:
    time: SECONDS
Exit status 1 if repetitions disagree, 2 on bad arguments.
"""

import sys
import time

ROUNDS = 300000
MODULUS = 1000003


def tuple_rounds(n):
    state = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    check = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = state
        state = (j, a, b, c, d, e, f, g, h, i)
        a, b, c, d, e, f, g, h, i, j = state
        state = (b, a, d, c, f, e, h, g, j, i)
        a, b, c, d, e, f, g, h, i, j = state
        state = (a, c, e, g, i, b, d, f, h, j)
        a, b, c, d, e, f, g, h, i, j = state
        state = ((a + j) % 97, b, c, d, e, f, g, h, i, j)
        x, y = state[0], state[9]
        p, q, r = state[3:6]
        first, *middle, last = state
        check = (check * 31 + x * 7 + y + p - q * r + first * last + len(middle)) % MODULUS
    return check, state


def list_rounds(n):
    state = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    check = 0
    for _ in range(n):
        a, b, c, d, e, f, g, h, i, j = state
        state = [j, a, b, c, d, e, f, g, h, i]
        a, b, c, d, e, f, g, h, i, j = state
        state = [b, a, d, c, f, e, h, g, j, i]
        a, b, c, d, e, f, g, h, i, j = state
        state = [a, c, e, g, i, b, d, f, h, j]
        a, b, c, d, e, f, g, h, i, j = state
        state = [(a + j) % 89, b, c, d, e, f, g, h, i, j]
        x, y = [state[0], state[9]]
        p, q, r = state[3:6]
        *init, tail = state
        check = (check * 31 + x * 7 + y + p - q * r + tail * len(init)) % MODULUS
    return check, state


def pair_rounds(n):
    pairs = [(k, k * k % 17) for k in range(20)]
    nested = [((k, k + 1), [k * 2, k % 5]) for k in range(20)]
    check = 0
    for _ in range(n // 10):
        for x, y in pairs:
            check = (check + x * y) % MODULUS
        for (p, q), [r, s] in nested:
            check = (check * 3 + p - q + r * s) % MODULUS
    return check


def run():
    """One unit of work; returns its result lines."""
    t_check, t_state = tuple_rounds(ROUNDS)
    l_check, l_state = list_rounds(ROUNDS)
    p_check = pair_rounds(ROUNDS)
    return [
        "unpack_sequence: %d rounds" % ROUNDS,
        "tuples: checksum %d, state %s" % (t_check, t_state),
        "lists: checksum %d, state %s" % (l_check, l_state),
        "pairs: checksum %d" % p_check,
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: unpack_sequence.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("unpack_sequence: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
