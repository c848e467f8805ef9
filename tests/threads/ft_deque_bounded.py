# A bounded deque (maxlen 50) shared by 4 threads that append, appendleft,
# extend and pop: its length never exceeds maxlen, no item appears twice,
# and every item it holds or a thread popped was pushed. Iterating it
# while others change it raises RuntimeError or finishes, nothing else.
import threading
from collections import deque

MAXLEN = 50
ROUNDS = 3000
THREADS = 4
d = deque(maxlen=MAXLEN)
too_long = [0]
popped = [[] for _ in range(THREADS)]
iter_outcomes = set()


def worker(slot):
    base = slot * ROUNDS * 10
    for i in range(ROUNDS):
        v = base + i * 10
        k = i % 4
        if k == 0:
            d.append(v)
        elif k == 1:
            d.appendleft(v)
        elif k == 2:
            d.extend([v + 1, v + 2, v + 3])
        else:
            try:
                popped[slot].append(d.pop())
            except IndexError:
                pass
        if len(d) > MAXLEN:
            too_long[0] += 1
        if i % 500 == 0:
            try:
                n = sum(1 for _ in d)
                iter_outcomes.add('finished' if n <= MAXLEN else 'too many')
            except RuntimeError as e:
                iter_outcomes.add(str(e))


threads = [threading.Thread(target=worker, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
held = list(d)
seen = held + [x for out in popped for x in out]
print('maxlen', d.maxlen, 'final len <= maxlen', len(d) <= MAXLEN)
print('never too long', too_long[0] == 0)
print('no duplicates', len(seen) == len(set(seen)))
valid = all(x % 10 in (0, 1, 2, 3) and 0 <= x < THREADS * ROUNDS * 10 for x in seen)
print('all pushed values', valid)
print('iteration outcomes ok', iter_outcomes <= {'finished', 'deque mutated during iteration'})
