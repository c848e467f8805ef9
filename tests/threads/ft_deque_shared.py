# One deque shared by 4 threads: two push at both ends while two pop from
# both ends, then everything left is drained. With atomic append /
# appendleft / pop / popleft, every pushed item is popped exactly once:
# the count, sum and set of popped items must match what was pushed.
# A second phase has the 4 threads extend and extendleft with batches and
# pop, and checks the batches were never torn apart.
import threading
from collections import deque

N = 4000
THREADS = 4
d = deque()
popped = [[] for _ in range(THREADS)]
start = threading.Barrier(THREADS)
pushers_done = []


def pusher(slot):
    start.wait()
    base = slot * N
    for i in range(N):
        if i % 2:
            d.append(base + i)
        else:
            d.appendleft(base + i)
    pushers_done.append(slot)


def popper(slot):
    start.wait()
    out = popped[slot]
    while True:
        try:
            out.append(d.pop() if len(out) % 2 else d.popleft())
        except IndexError:
            if len(pushers_done) == 2:
                break


threads = [threading.Thread(target=pusher, args=(0,)),
           threading.Thread(target=popper, args=(1,)),
           threading.Thread(target=pusher, args=(2,)),
           threading.Thread(target=popper, args=(3,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
rest = list(d)
d.clear()
allpopped = [x for out in popped for x in out] + rest
expected = set(range(0, N)) | set(range(2 * N, 3 * N))
print('pushed', 2 * N, 'popped', len(allpopped))
print('no duplicates', len(set(allpopped)) == len(allpopped))
print('same items', set(allpopped) == expected)
print('sum ok', sum(allpopped) == sum(expected))
print('empty', len(d) == 0)

# phase 2: batches of 4 equal items go in whole with extend/extendleft
BATCHES = 800
d2 = deque()


def batcher(slot):
    for i in range(BATCHES):
        item = slot * BATCHES + i
        if i % 2:
            d2.extend([item] * 4)
        else:
            d2.extendleft((item,) * 4)
        if i % 3 == 0:
            d2.reverse()   # atomic too: a batch stays in one piece


threads = [threading.Thread(target=batcher, args=(s,)) for s in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
items = list(d2)
runs_ok = all(items[i] == items[i + 1] == items[i + 2] == items[i + 3]
              for i in range(0, len(items), 4))
print('batch items', len(items) == THREADS * BATCHES * 4, 'batches whole', runs_ok)
print('counts', set(items.count(x) for x in set(items[:200])) == {4})
