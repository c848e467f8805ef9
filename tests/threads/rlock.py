# RLock: re-entrancy by the owner, errors for everyone else, and its use
# under a Condition (wait() must release every level and restore them).
import threading

r = threading.RLock()
print(type(r).__name__, repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
print(r.acquire(), r.acquire(), r.acquire(False), r.acquire(True, 1))
print(repr(r).split(" owner=")[0], repr(r).split(" count=")[1].split(" ")[0])
print("owned", r._is_owned())

# Another thread can neither take it nor release it.
errors = []


def intruder():
    print("other thread acquire:", r.acquire(False))
    print("other thread owns:", r._is_owned())
    try:
        r.release()
    except RuntimeError as e:
        errors.append(str(e))


t = threading.Thread(target=intruder)
t.start()
t.join()
print("intruder error:", errors)

for i in range(4):
    r.release()
print(repr(r).split(" owner=")[0], "owned", r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# with-statement nesting
with r:
    with r:
        with r:
            print("three deep", r._is_owned())
print("unwound", r._is_owned())

# Condition over an RLock held two levels deep: wait() releases both, so
# the other thread gets in; on return both levels are back.
cond = threading.Condition(r)
flag = []


def setter():
    with cond:
        flag.append(1)
        cond.notify()


with cond:
    with cond:
        t = threading.Thread(target=setter)
        t.start()
        print("wait_for:", cond.wait_for(lambda: flag, 10))
        print("still owned twice:", r._is_owned())
    print("still owned once:", r._is_owned())
print("released:", r._is_owned())
t.join()

# release_save / acquire_restore keep the depth
r.acquire()
r.acquire()
state = r._release_save()
print("saved count:", state[0], "owned now:", r._is_owned())
r._acquire_restore(state)
r.release()
print("one level left:", r._is_owned())
r.release()
print("done:", r._is_owned())

# A plain Lock may be released by another thread; an RLock may not.
lk = threading.Lock()
lk.acquire()
t = threading.Thread(target=lk.release)
t.start()
t.join()
print("plain lock released by another thread:", not lk.locked())
