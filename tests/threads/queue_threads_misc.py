# The other queues under 4 threads: SimpleQueue with 4 producers and 4
# consumers; a PriorityQueue filled by 4 threads at once must then give
# its items back sorted; a LifoQueue filled by 4 threads must give every
# item back once; get/put with timeouts race against each other; join()
# waited on by several threads at once.
import queue
import threading

N = 2000
T = 4

# SimpleQueue: many producers, many consumers
sq = queue.SimpleQueue()
got = [None] * T

def sq_consumer(c):
    count = total = 0
    while True:
        v = sq.get()
        if v is None:
            break
        count += 1
        total += v
    got[c] = (count, total)

cons = [threading.Thread(target=sq_consumer, args=(c,)) for c in range(T)]
prods = [threading.Thread(target=lambda p=p: [sq.put(p * N + i) for i in range(N)])
         for p in range(T)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in range(T):
    sq.put(None)
for t in cons:
    t.join()
print('SimpleQueue', sum(c for c, _ in got), sum(s for _, s in got) == (T * N) * (T * N - 1) // 2,
      sq.empty())

# PriorityQueue filled concurrently, emptied in order
pq = queue.PriorityQueue()
def pq_fill(p):
    for i in range(N):
        pq.put(((i * 7919 + p) % (T * N), p))
ts = [threading.Thread(target=pq_fill, args=(p,)) for p in range(T)]
for t in ts:
    t.start()
for t in ts:
    t.join()
out = [pq.get_nowait() for _ in range(pq.qsize())]
print('PriorityQueue', len(out), out == sorted(out), pq.empty())

# LifoQueue: fill and drain concurrently
lq = queue.LifoQueue()
drained = [[] for _ in range(T)]
def lq_worker(p):
    for i in range(N):
        lq.put(p * N + i)
        if i % 2:
            drained[p].append(lq.get())
ts = [threading.Thread(target=lq_worker, args=(p,)) for p in range(T)]
for t in ts:
    t.start()
for t in ts:
    t.join()
rest = []
while True:
    try:
        rest.append(lq.get_nowait())
    except queue.Empty:
        break
allv = sorted(rest + [v for d in drained for v in d])
print('LifoQueue', len(allv), allv == list(range(T * N)))

# bounded queue, producers with put timeouts, consumers with get timeouts
bq = queue.Queue(maxsize=2)
stats = [[0, 0] for _ in range(T)]  # per thread: items moved, timeouts
def timed_producer(p):
    i = 0
    while i < N // 5:
        try:
            bq.put(p * N + i, timeout=0.5)
            i += 1
        except queue.Full:
            stats[p][1] += 1
def timed_consumer(c):
    while True:
        try:
            v = bq.get(timeout=0.5)
        except queue.Empty:
            stats[c][1] += 1
            continue
        if v is None:
            return
        stats[c][0] += 1
cons = [threading.Thread(target=timed_consumer, args=(c,)) for c in range(T)]
prods = [threading.Thread(target=timed_producer, args=(p,)) for p in range(T)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in range(T):
    bq.put(None)
for t in cons:
    t.join()
print('timed Queue moved', sum(s[0] for s in stats))

# task_done from workers, join() from several threads
jq = queue.Queue()
joined = []
jlock = threading.Lock()
def jworker():
    while True:
        v = jq.get()
        if v is None:
            jq.task_done()
            return
        jq.task_done()
def joiner(k):
    jq.join()
    with jlock:
        joined.append(k)
workers = [threading.Thread(target=jworker) for _ in range(T)]
for t in workers:
    t.start()
for i in range(N):
    jq.put(i)
joiners = [threading.Thread(target=joiner, args=(k,)) for k in range(T)]
for t in joiners:
    t.start()
for t in joiners:
    t.join()
print('joiners', sorted(joined), jq.unfinished_tasks)
for _ in range(T):
    jq.put(None)
for t in workers:
    t.join()
jq.join()
try:
    jq.task_done()
except ValueError as e:
    print('ValueError', e)
