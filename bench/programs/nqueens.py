"""nqueens.py -- every way to place N queens on an N x N board, N = 4..11.

A recursive generator (a closure that refers to itself) extends a partial
board row by row, keeping the columns and both diagonals in use as sets;
each level passes new sets (union with the new queen's) down, so no
permutation is ever enumerated.  Each solution is a tuple of column
numbers, one per row.  The solutions are then reduced to the distinct ones
up to rotation and reflection, with a set of canonical tuples.  What it
exercises: generators and closures, set unions and membership tests,
tuple concatenation and comparison, hashing tuples, comprehensions.

Usage:
    nqueens.py [SCALE]

One unit of work is every board from SMALLEST to LARGEST; SCALE (a positive
integer, default 1) repeats it, and every repetition must give the same
result.

Output: one result line per board size (solutions, distinct solutions, a
checksum and the first solution), identical under CPython and ftpy, then
on the last line the wall time of the work:
    time: SECONDS
Exit status 1 if repetitions disagree, 2 on bad arguments.
"""

import sys
import time

SMALLEST = 4
LARGEST = 11


def solutions(n):
    """A generator of every solution on an n x n board, in order."""
    def extend(row, cols, ups, downs):
        if row == n:
            yield ()
            return
        for col in range(n):
            if col in cols or row + col in ups or row - col in downs:
                continue
            for rest in extend(row + 1, cols | {col}, ups | {row + col},
                               downs | {row - col}):
                yield (col,) + rest
    return extend(0, set(), set(), set())


def quarter_turn(board):
    """The board turned by 90 degrees: the queen at (r, c) goes to (c, n-1-r)."""
    n = len(board)
    turned = [0] * n
    for row, col in enumerate(board):
        turned[col] = n - 1 - row
    return tuple(turned)


def canonical(board):
    """The smallest of the eight boards a rotation or reflection gives."""
    n = len(board)
    best = board
    for _ in range(4):
        mirrored = tuple(n - 1 - col for col in board)
        best = min(best, board, mirrored)
        board = quarter_turn(board)
    return best


def run():
    """One unit of work; returns its result lines."""
    lines = ["nqueens: boards %d to %d" % (SMALLEST, LARGEST)]
    for n in range(SMALLEST, LARGEST + 1):
        found = list(solutions(n))
        distinct = {canonical(board) for board in found}
        checksum = 0
        for board in found:
            for row, col in enumerate(board):
                checksum = (checksum * 3 + (row + 1) * col) % 1000000007
        lines.append("%d queens: %d solutions, %d distinct, checksum %d, first %s"
                     % (n, len(found), len(distinct), checksum, found[0]))
    return lines


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: nqueens.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("nqueens: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
