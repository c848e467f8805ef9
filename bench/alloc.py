"""alloc.py -- the memory workload of `make compare`: many small objects alive
at once, so that the peak RSS of a run shows what each build's object header
(reference count fields, inline lock, owner thread id) costs per object.

Usage:
    alloc.py [N]

Builds a list of N (default 1000000) two-item tuples of distinct ints, so
about 3 * N objects are alive together, then walks it once and prints
    alloc N: S
where S is the sum of the first items (N * (N - 1) / 2), so a caller can tell
a complete run from a broken one.  Exit status 1 if the sums come out
wrong, 2 on a bad N.
"""

import sys


def build(n):
    # A fresh tuple and (past the small-int cache) two fresh ints per item:
    # three separately allocated objects each.
    return [(i, -i) for i in range(n)]


def main(argv):
    n = 1000000
    if len(argv) > 2:
        print("usage: alloc.py [N]", file=sys.stderr)
        sys.exit(2)
    if len(argv) > 1:
        try:
            n = int(argv[1])
        except ValueError:
            n = 0
        if n < 1:
            print("alloc.py: N must be a positive integer, not %r" % argv[1],
                  file=sys.stderr)
            sys.exit(2)
    items = build(n)
    firsts = 0
    seconds = 0
    for first, second in items:
        firsts += first
        seconds += second
    if len(items) != n or firsts != n * (n - 1) // 2 or seconds != -firsts:
        print("alloc.py: wrong sums %d %d" % (firsts, seconds), file=sys.stderr)
        sys.exit(1)
    print("alloc %d: %d" % (n, firsts))


main(sys.argv)
