# queue.Queue from 4 producers and 4 consumers at once: each producer puts
# ITEMS numbers (a fifth of that for the other queues), each consumer
# takes until it gets a stop marker. A lost or doubled item changes the
# count or the checksum; a lost wake-up hangs the test. The bounded queues
# make both sides wait often; task_done and join must agree with the
# number of items.
import queue
import threading

ITEMS = 10000
PRODUCERS = 4
CONSUMERS = 4
STOP = 10 ** 12  # sorts after every item, for the PriorityQueue


def run(q, items):
    totals = [None] * CONSUMERS

    def producer(p):
        for i in range(items):
            q.put(p * items + i)

    def consumer(c):
        count = total = 0
        while True:
            item = q.get()
            if item == STOP:
                q.task_done()
                break
            count += 1
            total += item
            q.task_done()
        totals[c] = (count, total)

    cons = [threading.Thread(target=consumer, args=(c,)) for c in range(CONSUMERS)]
    prods = [threading.Thread(target=producer, args=(p,)) for p in range(PRODUCERS)]
    for t in cons + prods:
        t.start()
    for t in prods:
        t.join()
    q.join()  # every item taken and marked done
    print('joined, unfinished:', q.unfinished_tasks, 'empty:', q.empty())
    for _ in range(CONSUMERS):
        q.put(STOP)
    for t in cons:
        t.join()
    n = PRODUCERS * items
    count = sum(c for c, _ in totals)
    total = sum(t for _, t in totals)
    print(type(q).__name__, q.maxsize, 'count', count, count == n,
          'sum ok', total == n * (n - 1) // 2)


run(queue.Queue(), ITEMS)
run(queue.Queue(maxsize=8), ITEMS // 5)
run(queue.LifoQueue(maxsize=16), ITEMS // 5)
run(queue.PriorityQueue(), ITEMS // 5)
