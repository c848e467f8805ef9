# Barrier: 4 threads meet 3 times, the action runs once per round, the
# indices of a round are 0..3; abort() and a timeout break the barrier.
# Timer: fires after its interval, or never if cancelled first.
import threading
import time

PARTIES = 4
ROUNDS = 3
rounds = []
log = []
lock = threading.Lock()


def action():
    rounds.append(len(rounds))


b = threading.Barrier(PARTIES, action=action)


def party():
    for r in range(ROUNDS):
        i = b.wait()
        with lock:
            log.append((r, i))


ts = [threading.Thread(target=party) for i in range(PARTIES)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("actions:", rounds)
for r in range(ROUNDS):
    print("round", r, "indices:", sorted(i for rr, i in log if rr == r))
print("parties:", b.parties, "waiting:", b.n_waiting, "broken:", b.broken)

# A timeout breaks the barrier for everyone.
b2 = threading.Barrier(3, timeout=0.1)
errs = []


def lonely():
    try:
        b2.wait()
    except threading.BrokenBarrierError:
        with lock:
            errs.append("broken")


ts = [threading.Thread(target=lonely) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("timeout:", errs, "broken:", b2.broken)
b2.reset()
print("after reset broken:", b2.broken)

b3 = threading.Barrier(2)
errs = []


def aborted():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        errs.append("aborted")


t = threading.Thread(target=aborted)
t.start()
while b3.n_waiting < 1:
    time.sleep(0.005)
b3.abort()
t.join()
print("abort:", errs, issubclass(threading.BrokenBarrierError, RuntimeError))

# Timers
fired = []
t1 = threading.Timer(0.05, fired.append, args=["first"])
t2 = threading.Timer(5, fired.append, args=["cancelled"])
start = time.monotonic()
t1.start()
t2.start()
t2.cancel()
t1.join()
t2.join()
print("timers:", fired, "waited:", time.monotonic() - start >= 0.04)
