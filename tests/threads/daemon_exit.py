# Daemon threads left running when the main program ends do not keep the
# process alive, whatever they are doing (spinning in Python, blocked on a
# lock, sleeping); a non-daemon thread is waited for first.
import threading
import time

spins = [0]
forever = threading.Lock()
forever.acquire()


def spin():
    while True:
        spins[0] += 1


def blocked():
    forever.acquire()


def sleepy():
    while True:
        time.sleep(0.01)


def late():
    time.sleep(0.2)
    print("non-daemon thread finished after the main program")


for f in (spin, blocked, sleepy):
    threading.Thread(target=f, daemon=True).start()
t = threading.Thread(target=late)
t.start()
d = threading.Thread(target=spin)
d.daemon = True
print("daemon flags:", d.daemon, t.daemon, threading.main_thread().daemon)
d.start()
time.sleep(0.05)
print("spinner ran:", spins[0] > 0)
print("alive:", threading.active_count())
print("main program done")
