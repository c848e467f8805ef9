# Producer/consumer over a bounded buffer with one Condition: 2 producers
# and 3 consumers move 10000 items through a 4-slot buffer, so almost
# every step waits. A lost wake-up hangs the test (the runner's timeout);
# a lost or doubled item changes the checksum.
import threading

ITEMS = 10000
PRODUCERS = 2
CONSUMERS = 3
SLOTS = 4

buf = []
cond = threading.Condition()
taken = []  # per consumer: [count, sum]
done_producing = [0]


def producer(first, step):
    for i in range(first, ITEMS, step):
        with cond:
            while len(buf) >= SLOTS:
                cond.wait()
            buf.append(i)
            cond.notify_all()
    with cond:
        done_producing[0] += 1
        cond.notify_all()


def consumer(slot):
    count = 0
    total = 0
    while True:
        with cond:
            while not buf and done_producing[0] < PRODUCERS:
                cond.wait()
            if not buf:
                break
            item = buf.pop(0)
            cond.notify_all()
        count += 1
        total += item * item
    taken[slot] = [count, total]


threads = []
for c in range(CONSUMERS):
    taken.append(None)
    threads.append(threading.Thread(target=consumer, args=(c,)))
for p in range(PRODUCERS):
    threads.append(threading.Thread(target=producer, args=(p, PRODUCERS)))
for t in threads:
    t.start()
for t in threads:
    t.join()

print("items", sum(c for c, s in taken))
print("checksum", sum(s for c, s in taken))
print("expected", sum(i * i for i in range(ITEMS)))
print("every consumer finished", all(x is not None for x in taken))


# notify(n) wakes exactly n waiters, notify_all the rest.
# Waiters sleep on cond2; they report to the main thread through
# main_cond, which shares cond2's lock, so reports wake no waiter.
lock2 = threading.Lock()
cond2 = threading.Condition(lock2)
main_cond = threading.Condition(lock2)
state = {"waiting": 0, "woken": 0, "go": 0, "wakeups": 0}


def waiter():
    with cond2:
        state["waiting"] += 1
        main_cond.notify()
        while True:
            cond2.wait()
            state["wakeups"] += 1
            if state["go"] > 0:
                state["go"] -= 1
                break
        state["woken"] += 1
        main_cond.notify()


ws = [threading.Thread(target=waiter) for i in range(5)]
for t in ws:
    t.start()
with cond2:
    print("all waiting", main_cond.wait_for(lambda: state["waiting"] == 5, 10))
    state["go"] = 2
    cond2.notify(2)
    print("two woken", main_cond.wait_for(lambda: state["woken"] == 2, 10))
    main_cond.wait(0.1)  # time for a wrongly woken third waiter to show up
    print("wake-ups after notify(2):", state["wakeups"])
    state["go"] = 3
    cond2.notify_all()
    print("all woken", main_cond.wait_for(lambda: state["woken"] == 5, 10))
    print("wake-ups in all:", state["wakeups"])
for t in ws:
    t.join()
print("notify without waiters is fine")
with cond2:
    cond2.notify()
    cond2.notify_all()
print(repr(threading.Condition(threading.Lock()))[:37])
