# functools.lru_cache and cache shared by 4 threads calling them on
# overlapping arguments: results stay right, hits + misses equals the number
# of calls, the bounded cache never holds more than maxsize entries.
# itertools iterators shared by the threads hand out each item once.
import threading
import itertools
from functools import lru_cache, cache, partial

THREADS = 4
CALLS = 3000
MAXSIZE = 16


@lru_cache(maxsize=MAXSIZE)
def bounded(x):
    return x * x + 1


@cache
def unbounded(x, y=0):
    return (x, y, x * 31 + y)


@lru_cache(maxsize=MAXSIZE, typed=True)
def typed(x):
    return str(x)


errors = []
sizes = []
start = threading.Barrier(THREADS)
ids = itertools.count()
shared_chain = itertools.chain.from_iterable(
    itertools.repeat(range(10), 40 * THREADS))
taken = [[] for _ in range(THREADS)]
add = partial(lambda a, b: a + b, 1000)


def worker(n):
    start.wait()
    bad = 0
    for i in range(CALLS):
        x = (i * 7 + n * 3) % 40      # overlapping arguments
        if bounded(x) != x * x + 1:
            bad += 1
        if unbounded(x % 25, y=i % 3) != (x % 25, i % 3, (x % 25) * 31 + i % 3):
            bad += 1
        if typed(x % 5) != str(x % 5):
            bad += 1
        if add(i) != 1000 + i:
            bad += 1
        if i % 50 == 0:
            sizes.append(bounded.cache_info().currsize)
        taken[n].append(next(ids))
    for item in shared_chain:
        taken[n].append(('c', item))
    if bad:
        errors.append((n, bad))


ts = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()

calls = THREADS * CALLS
b = bounded.cache_info()
u = unbounded.cache_info()
ty = typed.cache_info()
print("errors:", errors)
print("bounded: calls", b.hits + b.misses == calls, "currsize", b.currsize,
      "max seen", max(sizes) <= MAXSIZE, "misses >= 40", b.misses >= 40)
print("unbounded: calls", u.hits + u.misses == calls, "currsize", u.currsize,
      "misses", u.misses >= 75)
print("typed: calls", ty.hits + ty.misses == calls, "currsize", ty.currsize)
print(b.maxsize, u.maxsize)
ids_seen = sorted(i for part in taken for i in part if not isinstance(i, tuple))
print("count: unique", ids_seen == list(range(calls)))
chained = sorted(i[1] for part in taken for i in part if isinstance(i, tuple))
print("chain: items", len(chained), chained == sorted(list(range(10)) * 40 * THREADS))
bounded.cache_clear()
print(bounded.cache_info())
