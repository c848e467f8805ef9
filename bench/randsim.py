"""randsim.py -- a random-driven simulation: a bank with several tellers
(a multi-server queue), random walkers on a grid, and card deals, all
drawn from one seeded random.Random.

Usage:
    randsim.py [N]

N scales the work (default 100000 customers; the walks and deals scale
with it). Every number comes from random.Random(N), so the output is a
function of N alone and must be the same on every Python that implements
CPython's generator: the lines before the last are checksums to compare.
The last line is the wall time (time.perf_counter):
    randsim N: T s

The mix of calls is what simulations use: random(), expovariate(),
gauss(), uniform(), choice(), choices() with weights, randrange(),
randint(), shuffle() and sample().
"""

import random
import sys
import time

KINDS = ("deposit", "withdrawal", "loan", "enquiry")
KIND_WEIGHTS = (50, 30, 5, 15)
MEAN_SERVICE = {"deposit": 2.0, "withdrawal": 2.5, "loan": 12.0,
                "enquiry": 1.0}


def bank(rng, customers, tellers):
    """Customers arrive at random and go to the teller free soonest."""
    free_at = [0.0] * tellers
    served = [0] * tellers
    clock = 0.0
    total_wait = 0.0
    longest_wait = 0.0
    by_kind = dict.fromkeys(KINDS, 0)
    kinds = rng.choices(KINDS, KIND_WEIGHTS, k=customers)
    for kind in kinds:
        clock += rng.expovariate(1.3)
        mean = MEAN_SERVICE[kind]
        service = max(0.1, rng.gauss(mean, mean / 4))
        if rng.random() < 0.05:             # a difficult customer
            service += rng.uniform(1.0, 5.0)
        teller = 0
        for j in range(1, tellers):
            if free_at[j] < free_at[teller]:
                teller = j
        start = clock if clock > free_at[teller] else free_at[teller]
        wait = start - clock
        total_wait += wait
        if wait > longest_wait:
            longest_wait = wait
        free_at[teller] = start + service
        served[teller] += 1
        by_kind[kind] += 1
    return total_wait / customers, longest_wait, served, by_kind


def walks(rng, walkers, steps, size):
    """Walkers step at random on a torus; count the cells they visit."""
    moves = ((0, 1), (1, 0), (0, -1), (-1, 0))
    visited = set()
    far = 0
    for w in range(walkers):
        x, y = rng.randrange(size), rng.randrange(size)
        x0, y0 = x, y
        for s in range(steps):
            dx, dy = rng.choice(moves)
            x = (x + dx) % size
            y = (y + dy) % size
            visited.add(x * size + y)
        d = abs(x - x0) + abs(y - y0)
        if d > far:
            far = d
    return len(visited), far


def deals(rng, rounds):
    """Shuffle a deck, deal hands, count pairs and same-suit hands."""
    deck = list(range(52))
    pairs = flushes = 0
    for r in range(rounds):
        rng.shuffle(deck)
        for h in range(0, 50, 5):
            hand = deck[h:h + 5]
            ranks = [c % 13 for c in hand]
            pairs += len(ranks) - len(set(ranks))
            if len(set(c // 13 for c in hand)) == 1:
                flushes += 1
        sample = rng.sample(deck, rng.randint(1, 13))
        pairs += sum(sample) % 3
    return pairs, flushes


def main(argv):
    if len(argv) > 1 and argv[1] in ('-h', '--help'):
        print(__doc__)
        return 0
    try:
        n = int(argv[1]) if len(argv) > 1 else 100000
    except ValueError:
        n = 0
    if n < 1 or len(argv) > 2:
        print("usage: randsim.py [N]  (N a positive integer)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    rng = random.Random(n)
    mean_wait, longest, served, by_kind = bank(rng, n, 4)
    print("bank: mean wait %r, longest %r" % (mean_wait, longest))
    print("bank: served", served, sorted(by_kind.items()))
    cells, far = walks(rng, n // 200 + 1, 200, 256)
    print("walks: cells", cells, "farthest", far)
    pairs, flushes = deals(rng, n // 20 + 1)
    print("deals: pairs", pairs, "flushes", flushes)
    print("state:", rng.getrandbits(64), rng.random())
    t1 = time.perf_counter()
    print("randsim %d: %.3f s" % (n, t1 - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
