# join(timeout) on a thread that sleeps returns after about the timeout
# with the thread still alive; join() then waits for the end.
import threading
import time

stop = threading.Event()


def sleeper():
    time.sleep(0.3)
    stop.wait()


t = threading.Thread(target=sleeper, name="sleeper")
t.start()
start = time.monotonic()
t.join(0.1)
took = time.monotonic() - start
print("join(0.1) came back:", 0.08 <= took < 2.0, "alive:", t.is_alive())
print("repr:", repr(t).split(" ")[0], "started" in repr(t))
t.join(0)
t.join(-1)  # a negative timeout is like 0
print("join(0), join(-1): alive:", t.is_alive())
stop.set()
t.join()
print("join(): alive:", t.is_alive(), "stopped" in repr(t))
t.join()
t.join(1)
print("joining again is fine")

# Many threads join the same thread.
gate = threading.Event()
target = threading.Thread(target=gate.wait)
target.start()
joined = []
lock = threading.Lock()


def joiner():
    target.join()
    with lock:
        joined.append(1)


js = [threading.Thread(target=joiner) for i in range(5)]
for j in js:
    j.start()
time.sleep(0.05)
print("joiners waiting:", len(joined))
gate.set()
for j in js:
    j.join()
print("joiners done:", len(joined))
