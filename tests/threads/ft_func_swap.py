# Free-threading stress test: functions whose __code__, __defaults__ and
# __dict__ are replaced by one thread while others call them. Every call
# must run one whole code object with one whole set of defaults (no mixed
# or freed ones), and reads of function attributes must see a value that
# was really assigned.
import threading

ROUNDS = 400
CALLERS = 3


def one(a, b=1):
    return ("one", a + b)


def two(a, b=1):
    return ("two", a * b)


def target(a, b=1):
    return ("one", a + b)


allowed = set()
for b in (1, 10, 100):
    allowed.add(("one", 3 + b))
    allowed.add(("two", 3 * b))
target.tag = 0

bad = []
calls = [0]
start = threading.Barrier(CALLERS + 1)


def caller():
    start.wait()
    mine = []
    n = 0
    for _ in range(ROUNDS * 5):
        r = target(3)
        if r not in allowed:
            mine.append(r)
        t = target.tag
        if not (0 <= t <= ROUNDS):
            mine.append(("tag", t))
        n += 1
    bad.extend(mine)
    calls.append(n)


def swapper():
    start.wait()
    for i in range(1, ROUNDS + 1):
        target.__code__ = (two if i % 2 else one).__code__
        target.__defaults__ = ((1, 10, 100)[i % 3],)
        target.__dict__ = {"tag": i}


threads = [threading.Thread(target=caller) for _ in range(CALLERS)]
threads.append(threading.Thread(target=swapper))
for t in threads:
    t.start()
for t in threads:
    t.join()

print("bad results:", bad[:5], len(bad))
print("calls:", sum(calls))
print("final:", target(3), target.tag)
