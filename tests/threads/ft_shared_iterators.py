# Free-threading stress: K threads share ONE iterator of each kind and
# drain it with next() until StopIteration. Across the threads every item
# must come out exactly once, and each thread must get its items in the
# iterator's order; a lost, repeated or torn item, or a crash, fails.
#
# Two things raise the odds of catching a bug. Many small iterators per
# kind, interleaved, each started by all threads at once, so the
# exhaustion step (where a sharer may find the state cleared under it)
# runs often. And free-list and critical-lock traffic around next():
# after each item the threads allocate and drop small tuples and floats,
# and in builds without a GIL they assign a class attribute (which takes
# the interpreter's critical lock), as two more threads do all the time,
# so a thread inside an iterator's critical section often meets a busy
# lock when it allocates.
#
# Last, one more shared object: the __class__ cell, which __build_class__
# fills while a thread started in the class body keeps reading it (only
# ThreadSanitizer sees that race; the printed line is the same).
#
# ThreadSanitizer builds see a race on the first overlap, so they run a
# smaller share of the iterator work; what is printed does not depend on it.
import sys
import threading
import time

K = 4
BUILD = getattr(sys, "build_info", "")  # ftpy only
FREE = "gil: none" in BUILD
SMALL = "tsan: yes" in BUILD


def scaled(n, by):
    return max(2, n // by) if SMALL else n


def ints(n):
    return list(range(1000, 1000 + n))


# name, iterator factory, items per iterator, iterators
KINDS = [
    ("list_iterator", lambda n: iter(ints(n)), 500, 8),
    ("list_reverseiterator", lambda n: reversed(ints(n)), 500, 8),
    ("dict_keyiterator", lambda n: iter(dict.fromkeys(ints(n))), 500, 8),
    ("dict_itemiterator", lambda n: iter({x: -x for x in ints(n)}.items()), 500, 8),
    ("set_iterator", lambda n: iter(set(ints(n))), 500, 8),
    ("enumerate", lambda n: enumerate(ints(n), 1000), 200, 40),
    ("zip", lambda n: zip(ints(n), [str(i) for i in range(n)]), 100, 80),
    ("range_iterator", lambda n: iter(range(1000, 1000 + n)), 4000, 8),
    ("range_iterator_step", lambda n: iter(range(3 * n, -4 * n, -7)), 4000, 8),
]

# Round-robin over the kinds, so every part of the run has each of them.
jobs = []
rounds = max(count for name, make, n, count in KINDS)
for r in range(rounds):
    for name, make, n, count in KINDS:
        if r < scaled(count, 2):
            m = scaled(n, 6)
            jobs.append((name, list(make(m)), make(m)))


class Base:  # with subclasses, so an assignment has work to do
    pass


SUBS = [type("Sub%d" % i, (Base,), {}) for i in range(30)]
stop = []
results = [[None] * K for _ in jobs]
barrier = threading.Barrier(K)


def worker(k):
    for j in range(len(jobs)):
        it = jobs[j][2]
        got = []
        barrier.wait()
        while True:
            try:
                x = next(it)
            except StopIteration:
                break
            got.append(x)
            pair = (x, got)  # free-list traffic, see the top
            f = len(got) * 0.5
            t3 = (x, f, pair)
            if FREE:
                Base.attr = x  # the critical lock
        results[j][k] = got


def noise():
    i = 0
    while not stop:
        i += 1
        Base.attr = i


# With a GIL the noise would only take turns holding it.
nts = [threading.Thread(target=noise) for _ in range(2)] if FREE else []
ws = [threading.Thread(target=worker, args=(k,)) for k in range(K)]
for t in nts + ws:
    t.start()
for t in ws:
    t.join()
stop.append(True)
for t in nts:
    t.join()


def exact(expected, outs):
    """Each item once overall, and in the iterator's order per thread."""
    pos = {}
    for i, x in enumerate(expected):
        pos[x] = i
    total = 0
    for got in outs:
        total += len(got)
        last = -1
        for x in got:
            p = pos.get(x, -1)
            if p <= last:
                return False
            last = p
    seen = set()
    for got in outs:
        seen.update(got)
    return total == len(expected) and len(seen) == len(expected)


bad = {}
for j in range(len(jobs)):
    name, expected, it = jobs[j]
    if not exact(expected, results[j]):
        bad[name] = bad.get(name, 0) + 1
for name, make, n, count in KINDS:
    if name in bad:
        print(name, bad[name], "of", scaled(count, 2),
              "shared iterators went wrong")
    else:
        print(name, "every item exactly once, in order")


# ---- the __class__ cell ------------------------------------------------------


def poll(f, out):
    for _ in range(10 ** 7):  # bounded: a cell never filled fails, not hangs
        try:
            out.append(f(None))
            return
        except NameError:  # the cell is still empty
            if not FREE:
                time.sleep(0)  # let the class body have the GIL


CLASSES = 60
seen = 0
for i in range(CLASSES):
    out = []

    class A:
        def who(self):
            return __class__

        t = threading.Thread(target=poll, args=(who, out))
        t.start()

    A.t.join()
    seen += out == [A]
print("__class__ cell read from a thread started in the class body:", seen,
      "of", CLASSES)
