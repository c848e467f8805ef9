# Timed waits give up at about the right time and report it: Lock, RLock,
# Condition, Event, Semaphore, Thread.join. Only coarse bounds are checked
# (at least most of the timeout, far less than ten times it).
import threading
import time

lock = threading.Lock()
lock.acquire()
print("non-blocking on a held lock:", lock.acquire(False), lock.acquire(blocking=False))
print("zero timeout:", lock.acquire(True, 0), lock.acquire(timeout=0))


def timed(label, f, timeout):
    start = time.monotonic()
    r = f()
    took = time.monotonic() - start
    ok = timeout * 0.8 <= took < timeout * 10 + 0.5
    print(label, r, "in time" if ok else "took %.3f s for %.3f" % (took, timeout))


timed("lock.acquire(timeout=0.2):", lambda: lock.acquire(timeout=0.2), 0.2)

# The same from another thread, while the main thread holds the lock.
result = []
t = threading.Thread(target=lambda: timed("other thread:", lambda: lock.acquire(True, 0.1), 0.1))
t.start()
t.join()

# A release during the wait ends it early, with True.
def late_release():
    time.sleep(0.1)
    lock.release()


t = threading.Thread(target=late_release)
t.start()
start = time.monotonic()
got = lock.acquire(timeout=5)
took = time.monotonic() - start
t.join()
print("released during the wait:", got, took < 4)
lock.release()

r = threading.RLock()


def hold_rlock(ready, done):
    r.acquire()
    ready.set()
    done.wait()
    r.release()


ready = threading.Event()
done = threading.Event()
t = threading.Thread(target=hold_rlock, args=(ready, done))
t.start()
ready.wait()
timed("rlock held elsewhere:", lambda: r.acquire(timeout=0.1), 0.1)
print("rlock non-blocking:", r.acquire(False))
done.set()
t.join()
print("rlock free again:", r.acquire(False))
r.release()

c = threading.Condition()
with c:
    timed("condition.wait(0.1):", lambda: c.wait(0.1), 0.1)
    timed("condition.wait_for(0.1):", lambda: c.wait_for(lambda: False, 0.1), 0.1)
timed("event.wait(0.1):", lambda: threading.Event().wait(0.1), 0.1)
timed("semaphore.acquire(timeout=0.1):",
      lambda: threading.Semaphore(0).acquire(timeout=0.1), 0.1)

t = threading.Thread(target=time.sleep, args=(0.5,))
t.start()
timed("join(0.1) returns", lambda: t.join(0.1), 0.1)
print("still alive:", t.is_alive())
t.join()
print("after join:", t.is_alive())
