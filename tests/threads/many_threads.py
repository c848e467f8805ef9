# 1000 threads, created and joined in batches of 50; each reports its
# number and its ident. Checks that every one ran exactly once, that the
# idents of live threads are distinct, and that the thread count returns
# to one.
import threading
import _thread

N = 1000
BATCH = 50
seen = [0] * N
idents = {}
lock = threading.Lock()


def work(i, batch_started):
    batch_started.wait()  # the whole batch is alive at once
    x = 0
    for k in range(100):
        x += k
    with lock:
        seen[i] += 1
        idents[i] = threading.get_ident()


for base in range(0, N, BATCH):
    started = threading.Event()
    batch = [threading.Thread(target=work, args=(base + j, started))
             for j in range(BATCH)]
    for t in batch:
        t.start()
    live = set()
    for t in batch:
        live.add(t.ident)
    started.set()
    for t in batch:
        t.join()
    if len(live) != BATCH:
        print("duplicate idents in a batch")
    if any(t.is_alive() for t in batch):
        print("alive after join")

print("ran once each:", seen == [1] * N)
print("active_count:", threading.active_count())
print("enumerate:", [t.name for t in threading.enumerate()])
print("main ident differs:", all(v != threading.main_thread().ident for v in idents.values()))

# Raw threads: _count() goes up and back down.
done = threading.Semaphore(0)
running = threading.Semaphore(0)
gate = threading.Event()


def raw():
    running.release()
    gate.wait()
    done.release()


for i in range(20):
    _thread.start_new_thread(raw, ())
for i in range(20):
    running.acquire()
print("_count while running >= 20:", _thread._count() >= 20)
gate.set()
for i in range(20):
    done.acquire()
