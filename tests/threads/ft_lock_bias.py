# Owner-biased object locks: containers made by one thread and then
# written by others while the maker keeps writing them (the first foreign
# write revokes the maker's bias), containers handed from thread to thread,
# and sections nested inside each other on the maker's own objects. Every
# append must land exactly once.
import threading

N_THREADS = 4
ROUNDS = 300
PER_ROUND = 40

shared = [[] for _ in range(ROUNDS)]      # made by the main thread
handoff = [None] * (N_THREADS * ROUNDS)  # made by the workers, filled by others
barrier = threading.Barrier(N_THREADS + 1)


def worker(w):
    barrier.wait()
    mine = []
    passed = 0
    for r in range(ROUNDS):
        lst = shared[r]
        for i in range(PER_ROUND):
            lst.append(w)
        # a fresh list and dict, written here, then by the next worker
        fresh = [w] * 3
        fresh.append(w)
        d = {"n": 0}
        d["n"] += 1
        handoff[w * ROUNDS + r] = (fresh, d)
        prev = handoff[((w + 1) % N_THREADS) * ROUNDS + r - 1] if r else None
        if prev is not None:
            prev[0].append(-1)
            prev[1]["n"] += 1
            passed += 1
        # nested sections on objects this thread owns: a sort whose key
        # writes another owned list, an extend from the list itself
        mine.append(r)
        keys = []
        mine.sort(key=lambda x: (keys.append(x), -x)[1])
        mine.extend(mine[:1])
        del mine[-1]
    return mine, passed


results = [None] * N_THREADS


def run(w):
    results[w] = worker(w)


threads = [threading.Thread(target=run, args=(w,)) for w in range(N_THREADS)]
for t in threads:
    t.start()
barrier.wait()
# the owner (main) keeps writing its lists while the workers revoke
for r in range(ROUNDS):
    for i in range(PER_ROUND):
        shared[r].append(N_THREADS)
for t in threads:
    t.join()

total = sum(len(l) for l in shared)
print("shared appends:", total, total == ROUNDS * PER_ROUND * (N_THREADS + 1))
per = [0] * (N_THREADS + 1)
for l in shared:
    for x in l:
        per[x] += 1
print("per thread:", per == [ROUNDS * PER_ROUND] * (N_THREADS + 1))
passed = sum(p for m, p in results)
extra = sum(len(f) - 4 for f, d in handoff)
counts = sum(d["n"] for f, d in handoff)
print("handoff lists:", extra == passed, "dict counts:",
      counts == len(handoff) + passed)
print("own lists sorted:",
      all(m == sorted(range(ROUNDS), reverse=True) for m, p in results))
