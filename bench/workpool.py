"""workpool.py -- a worker pool: N jobs of pure-Python CPU work handed to K
worker threads, the way threaded Python programs are usually written.

Usage:
    workpool.py [N [K [MODE]]]

N is the number of jobs (default 2000), K the number of worker threads
(default 1), MODE one of:
    queue     the main thread puts the N job numbers on a queue.Queue; K
              threads get them, run the job, call task_done(); the main
              thread join()s the queue, then stops the workers
    executor  the same N jobs through ThreadPoolExecutor(K).map
Every K does the same total work, so time(1) / time(K) is the speedup.
Each job is an integer loop (WORK steps of a small linear congruential
generator) whose result depends on the job number only, so the checksum
depends on N only: bench/compare.sh checks that every K and mode agrees.

Prints one line (T = wall time from time.perf_counter, 3 decimals):
    workpool MODE N K threads: T s checksum C
"""

import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

WORK = 2000


def job(i):
    x = i
    s = 0
    for _ in range(WORK):
        x = (x * 75 + 74) % 65537
        s += x & 255
    return s


def run_queue(n, k):
    jobs = queue.Queue()
    totals = [0] * k

    def worker(slot):
        total = 0
        while True:
            i = jobs.get()
            if i is None:
                break
            total += job(i)
            jobs.task_done()
        totals[slot] = total

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(k)]
    for t in threads:
        t.start()
    for i in range(n):
        jobs.put(i)
    jobs.join()
    for _ in range(k):
        jobs.put(None)
    for t in threads:
        t.join()
    return sum(totals)


def run_executor(n, k):
    with ThreadPoolExecutor(max_workers=k) as ex:
        return sum(ex.map(job, range(n)))


def main(argv):
    if len(argv) > 1 and argv[1] in ('-h', '--help'):
        print(__doc__)
        return
    try:
        n = int(argv[1]) if len(argv) > 1 else 2000
        k = int(argv[2]) if len(argv) > 2 else 1
    except ValueError:
        n = k = 0
    mode = argv[3] if len(argv) > 3 else 'queue'
    if n < 1 or k < 1 or mode not in ('queue', 'executor') or len(argv) > 4:
        print("usage: workpool.py [N [K [queue|executor]]] (N, K >= 1)",
              file=sys.stderr)
        sys.exit(2)
    run = run_queue if mode == 'queue' else run_executor
    start = time.perf_counter()
    checksum = run(n, k)
    elapsed = time.perf_counter() - start
    print("workpool %s %d %d threads: %.3f s checksum %d"
          % (mode, n, k, elapsed, checksum))


main(sys.argv)
