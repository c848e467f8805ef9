# itertools iterators shared by 4 threads: each item is handed out exactly
# once, whichever thread takes it (the iterators advance inside their own
# critical section), and results kept by one thread are never rewritten by
# another (the reused result tuple of product/permutations/combinations).
import threading
import itertools

THREADS = 4


def drain(make, label):
    it = make()
    start = threading.Barrier(THREADS)
    got = [[] for _ in range(THREADS)]

    def worker(n):
        start.wait()
        mine = got[n]
        for item in it:
            mine.append(item)

    ts = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    allgot = [x for part in got for x in part]
    expected = list(make())
    print(label, len(allgot), sorted(allgot, key=repr) == sorted(expected, key=repr))


drain(lambda: itertools.product(range(20), repeat=3), 'product')
drain(lambda: itertools.permutations(range(7)), 'permutations')
drain(lambda: itertools.combinations(range(18), 4), 'combinations')
drain(lambda: itertools.combinations_with_replacement(range(8), 4), 'cwr')
drain(lambda: itertools.islice(itertools.count(), 0, 6000, 3), 'islice(count)')
drain(lambda: itertools.islice(itertools.cycle('abcde'), 4000), 'islice(cycle)')
drain(lambda: itertools.chain(range(1000), 'xyz', range(2000)), 'chain')
drain(lambda: itertools.zip_longest(range(3000), range(1000)), 'zip_longest')
drain(lambda: itertools.accumulate(range(3000)), 'accumulate')
drain(lambda: itertools.pairwise(range(3000)), 'pairwise')
drain(lambda: itertools.repeat('r', 5000), 'repeat')
drain(lambda: itertools.starmap(pow, zip(range(2000), itertools.repeat(2))), 'starmap')
drain(lambda: itertools.compress(range(4000), itertools.cycle([1, 0])), 'compress')
drain(lambda: itertools.takewhile(lambda x: x < 3000, itertools.count()), 'takewhile')
drain(lambda: itertools.dropwhile(lambda x: x < 1000, range(4000)), 'dropwhile')
drain(lambda: itertools.filterfalse(lambda x: x % 3, range(6000)), 'filterfalse')
