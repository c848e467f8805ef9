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


main_done = threading.Event()


def late():
    # Waits for the main program's last statement, then outlasts it: the
    # order of the output does not depend on how loaded the machine is.
    main_done.wait()
    time.sleep(0.1)
    print("non-daemon thread finished after the main program")


for f in (spin, blocked, sleepy):
    threading.Thread(target=f, daemon=True).start()
t = threading.Thread(target=late)
t.start()
d = threading.Thread(target=spin)
d.daemon = True
print("daemon flags:", d.daemon, t.daemon, threading.main_thread().daemon)
d.start()
deadline = time.time() + 30
while spins[0] == 0 and time.time() < deadline:
    time.sleep(0.001)
print("spinner ran:", spins[0] > 0)
print("alive:", threading.active_count())
print("main program done")
main_done.set()
