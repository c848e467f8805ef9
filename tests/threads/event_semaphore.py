# Ping-pong between two threads, first with a pair of Events, then with a
# pair of Semaphores: each round needs a hand-off in both directions, so a
# lost wake-up hangs and a doubled one breaks the strict alternation the
# log checks.
import threading

ROUNDS = 2000

# ---- Events
ping = threading.Event()
pong = threading.Event()
log = []


def ponger():
    for i in range(ROUNDS):
        ping.wait()
        ping.clear()
        log.append("o")
        pong.set()


t = threading.Thread(target=ponger)
t.start()
for i in range(ROUNDS):
    log.append("i")
    ping.set()
    pong.wait()
    pong.clear()
t.join()
s = "".join(log)
print("event rounds", len(s) // 2, "alternating", s == "io" * ROUNDS)

# ---- Semaphores
sa = threading.Semaphore(0)
sb = threading.Semaphore(0)
log = []


def semponger():
    for i in range(ROUNDS):
        sa.acquire()
        log.append("o")
        sb.release()


t = threading.Thread(target=semponger)
t.start()
for i in range(ROUNDS):
    log.append("i")
    sa.release()
    sb.acquire()
t.join()
s = "".join(log)
print("semaphore rounds", len(s) // 2, "alternating", s == "io" * ROUNDS)

# ---- a Semaphore limits how many threads are inside at once
sem = threading.BoundedSemaphore(3)
inside = [0]
most = [0]
guard = threading.Lock()


def worker():
    for i in range(50):
        with sem:
            with guard:
                inside[0] += 1
                if inside[0] > most[0]:
                    most[0] = inside[0]
            with guard:
                inside[0] -= 1


ts = [threading.Thread(target=worker) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("never more than 3 inside", most[0] <= 3, "left", inside[0])
print("value back to 3", sem.acquire(False), sem.acquire(False),
      sem.acquire(False), sem.acquire(False))
sem.release(3)

# ---- Event basics
e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set())
print(repr(e).startswith("<threading.Event at 0x"), repr(e).endswith(": unset>"))
s3 = threading.Semaphore(2)
print(repr(s3).endswith(": value=2>"), repr(sem).endswith(": value=3/3>"))
print(s3.acquire(), s3.acquire(), s3.acquire(blocking=False))
s3.release(2)
print(s3._value)
