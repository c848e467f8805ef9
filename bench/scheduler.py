"""scheduler.py -- a discrete-event task scheduler built on heapq and deque.

Simulates TASKS cooperative tasks on a single-CPU scheduler: a ready queue
(collections.deque, round robin with a time slice), a timer heap (heapq)
of tasks sleeping until a given tick, and per-task work queues (deques)
fed by the tasks themselves. Each task alternates bursts of work and
sleeps whose lengths come from a small linear congruential generator, so
the run is the same on every Python.

Usage:
    scheduler.py [TASKS]

TASKS (a positive integer, default 6000) scales the work: each task runs
until it has done 40 bursts. Output: a few counters and a checksum, the
same under CPython and ftpy, then the wall time of the simulation:
    scheduler TASKS: T s
Exit status 2 on bad arguments.
"""

import heapq
import sys
import time
from collections import deque

SLICE = 3      # work units a task may run before it goes to the back
BURSTS = 40    # bursts each task does before it finishes


class Task:
    __slots__ = ("ident", "seed", "work", "bursts", "ran", "waited")

    def __init__(self, ident):
        self.ident = ident
        self.seed = ident * 2654435761 % 4294967296
        self.work = deque()
        self.bursts = 0
        self.ran = 0
        self.waited = 0

    def draw(self, n):
        """The next pseudo-random number in range(n)."""
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return self.seed % n

    def plan_burst(self):
        for _ in range(1 + self.draw(6)):
            self.work.append(1 + self.draw(4))


def simulate(tasks):
    ready = deque()
    timers = []          # (wake tick, sequence, task)
    seq = 0
    for i in range(tasks):
        t = Task(i)
        t.plan_burst()
        ready.append(t)
    tick = 0
    switches = 0
    finished = 0
    checksum = 0
    while ready or timers:
        while timers and timers[0][0] <= tick:
            _, _, t = heapq.heappop(timers)
            t.plan_burst()
            ready.append(t)
        if not ready:
            tick = timers[0][0]
            continue
        t = ready.popleft()
        switches += 1
        t.waited += tick
        used = 0
        while t.work and used < SLICE:
            unit = t.work.popleft()
            used += 1
            tick += unit
            t.ran += unit
        if t.work:
            ready.append(t)              # slice over: back of the queue
            continue
        t.bursts += 1
        if t.bursts == BURSTS:
            finished += 1
            checksum = (checksum * 31 + t.ident * t.ran + t.waited) % 1000000007
            continue
        seq += 1
        heapq.heappush(timers, (tick + 1 + t.draw(50), seq, t))
    return tick, switches, finished, checksum


def main(argv):
    tasks = 6000
    if len(argv) > 1 and argv[1] in ('-h', '--help'):
        print(__doc__)
        return 0
    if len(argv) > 1:
        try:
            tasks = int(argv[1])
        except ValueError:
            tasks = 0
        if tasks <= 0:
            print("usage: scheduler.py [TASKS]  (TASKS a positive integer)",
                  file=sys.stderr)
            return 2
    start = time.perf_counter()
    tick, switches, finished, checksum = simulate(tasks)
    elapsed = time.perf_counter() - start
    print("ticks:", tick, "switches:", switches, "finished:", finished)
    print("checksum:", checksum)
    print("scheduler %d: %.3f s" % (tasks, elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
