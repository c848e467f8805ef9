# 4 threads mix every list mutation on two shared lists: append, pop,
# insert, del, remove, slice assignment, extend, sort, reverse, iteration
# and copies. Each thread only ever adds tokens it owns and removes tokens
# it can name, so the final contents are exact.
import threading

NT = 4
N = 2000
shared = []        # every thread's tokens, in any order
scratch = [0] * 64  # overwritten, sorted and reversed in place by all
taken = [[] for _ in range(NT)]
errors = []
start = threading.Barrier(NT)


def worker(k):
    try:
        start.wait()
        base = k * 1_000_000
        for i in range(N):
            tok = base + i
            shared.append(tok)
            if i % 4 == 0:
                shared.insert(i % 7, -tok - 1)   # a marker, removed below
            if i % 5 == 0:
                shared.extend((tok + 500_000, tok + 600_000))
            if i % 9 == 0:
                shared.remove(tok)               # this thread's own token
                taken[k].append(tok)
            if i % 4 == 0:
                shared.remove(-tok - 1)
            # Shared scratch: whole-list operations race with each other.
            scratch[i % 56] = tok  # pops below shrink it by <= 4 at a time
            if i % 50 == 0:
                scratch.sort()
            if i % 70 == 0:
                scratch.reverse()
            if i % 30 == 0:
                scratch[10:20] = scratch[20:30]  # same length: size stays 64
            if i % 150 == 0:
                snapshot = shared[:]
                for x in snapshot:
                    if x is None:
                        errors.append("None in a copy")
                n = 0
                for x in shared:                 # live iteration
                    n += 1
            if i % 11 == 0:
                x = scratch.pop()                # pop and put back one item
                scratch.append(x)
            if i % 13 == 0:
                del scratch[0]
                scratch.insert(0, tok)
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(NT)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = []
for k in range(NT):
    base = k * 1_000_000
    for i in range(N):
        if i % 9 != 0:
            expected.append(base + i)
        if i % 5 == 0:
            expected += [base + i + 500_000, base + i + 600_000]
print("errors", errors)
print("shared exact", sorted(shared) == sorted(expected), len(shared))
print("no markers left", min(shared) >= 0)
print("taken", [len(t) for t in taken])
print("scratch size", len(scratch))
print("scratch all ints", all(type(x) is int for x in scratch))
