# ThreadPoolExecutor under load: 4 workers, thousands of small jobs through
# submit, map and as_completed, callbacks counted from the worker threads,
# wait() on everything, and several threads submitting to one executor at
# once. Totals must be exact.
import threading
from concurrent.futures import (ThreadPoolExecutor, as_completed, wait,
                                FIRST_EXCEPTION)

JOBS = 1000


def work(i):
    s = 0
    for k in range(i % 50):
        s += k * i
    return s


expected = sum(work(i) for i in range(JOBS))

with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(work, i) for i in range(JOBS)]
    print('submit', sum(f.result() for f in fs) == expected)
    print('map', sum(ex.map(work, range(JOBS))) == expected)
    print('map order', list(ex.map(work, range(200))) == [work(i) for i in range(200)])
    fs = [ex.submit(work, i) for i in range(JOBS)]
    n = total = 0
    for f in as_completed(fs):
        n += 1
        total += f.result()
    print('as_completed', n, total == expected)

    # done callbacks run in the workers; count them under a lock
    lock = threading.Lock()
    cb = [0, 0]
    def on_done(f):
        with lock:
            cb[0] += 1
            cb[1] += f.result()
    fs = [ex.submit(work, i) for i in range(JOBS)]
    for f in fs:
        f.add_done_callback(on_done)
    done, not_done = wait(fs)
    # a callback added after completion runs in this thread, so wait for
    # the workers' last callbacks through shutdown below
    print('wait', len(done), len(not_done))

    # exceptions among many results
    def maybe_fail(i):
        if i % 97 == 0:
            raise ValueError(i)
        return i
    fs = [ex.submit(maybe_fail, i) for i in range(500)]
    wait(fs, return_when=FIRST_EXCEPTION)
    errors = sorted(f.exception().args[0] for f in fs if f.exception() is not None)
    print('errors', len(errors), errors[:3])

    # 4 threads submitting to the same executor at once
    results = [0] * 4
    def submitter(k):
        futs = [ex.submit(work, k * 1000 + i) for i in range(250)]
        results[k] = sum(f.result() for f in futs)
    ts = [threading.Thread(target=submitter, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print('submitters', sum(results) == sum(work(i) for k in range(4) for i in range(k * 1000, k * 1000 + 250)))

print('callbacks', cb[0], cb[1] == expected)
print('threads left', threading.active_count())
