"""cycles.py -- the cycle-collector workload of `make compare`: builds and
drops cyclic structures in a loop, so that peak RSS shows whether the
collector keeps up and the pauses show what a collection costs.

Usage:
    cycles.py [ROUNDS]

Each round builds a complete binary tree of depth 10 (2047 nodes) whose
nodes point to their children and back to their parent (every edge is a
cycle), plus a ring of 500 small lists, then drops both. Only the
collector can free them. Prints
    cycles ROUNDS: S
where S is the number of nodes built (2047 * ROUNDS), checked against a
walk of each tree, then, on ftpy (gc._pause_stats),
    gc pauses: C, total T s
the number of collections and the total time the world was stopped.
Exit status 1 on a wrong count, 2 on a bad ROUNDS.
"""

import gc
import sys


class Node:
    def __init__(self, parent):
        self.parent = parent
        self.left = None
        self.right = None


def build(parent, depth):
    node = Node(parent)
    if depth > 0:
        node.left = build(node, depth - 1)
        node.right = build(node, depth - 1)
    return node


def count(node):
    n = 1
    if node.left is not None:
        n += count(node.left) + count(node.right)
    return n


def ring(n):
    first = [None]
    last = first
    for i in range(n):
        nxt = [last]
        last = nxt
    first[0] = last
    return first


def main(argv):
    rounds = 1000
    if len(argv) > 2:
        print("usage: cycles.py [ROUNDS]", file=sys.stderr)
        sys.exit(2)
    if len(argv) > 1:
        try:
            rounds = int(argv[1])
        except ValueError:
            rounds = 0
        if rounds < 1:
            print("cycles.py: ROUNDS must be a positive integer, not %r"
                  % argv[1], file=sys.stderr)
            sys.exit(2)
    total = 0
    for r in range(rounds):
        tree = build(None, 10)
        total += count(tree)
        r = ring(500)
        del tree, r
    if total != 2047 * rounds:
        print("cycles.py: wrong count %d" % total, file=sys.stderr)
        sys.exit(1)
    print("cycles %d: %d" % (rounds, total))
    stats = getattr(gc, "_pause_stats", None)
    if stats is not None:
        last, pauses, n = stats()
        print("gc pauses: %d, total %.6f s" % (n, pauses))


main(sys.argv)
