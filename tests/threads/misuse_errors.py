# Misusing threads and locks raises what CPython raises, with its words.
import threading
import _thread


def attempt(label, f, *args):
    try:
        f(*args)
        print(label, "-> no error")
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


t = threading.Thread(target=lambda: None)
attempt("join before start", t.join)
t.start()
attempt("start twice", t.start)
t.join()
attempt("start after the end", t.start)
attempt("set daemon of a started thread", setattr, t, "daemon", True)
attempt("join current thread", threading.current_thread().join)

result = []
me = []


def self_join():
    me.append(threading.current_thread())
    try:
        me[0].join()
    except RuntimeError as e:
        result.append(str(e))


t = threading.Thread(target=self_join)
t.start()
t.join()
print("a thread joining itself:", result)


class NoInit(threading.Thread):
    def __init__(self):
        pass


attempt("start without Thread.__init__", NoInit().start)

lock = threading.Lock()
attempt("release unlocked lock", lock.release)
attempt("_thread lock release", _thread.allocate_lock().release)
attempt("RLock release un-acquired", threading.RLock().release)
attempt("timeout on non-blocking acquire", lock.acquire, False, 1)
attempt("negative timeout", lock.acquire, True, -5)
attempt("NaN timeout", lock.acquire, True, float("nan"))
attempt("huge timeout", lock.acquire, True, 1e300)
attempt("str timeout", lock.acquire, True, "1")
attempt("float blocking", lock.acquire, 1.5)
print("lock still free:", not lock.locked())
attempt("Condition.wait unowned", threading.Condition().wait)
attempt("Condition.notify unowned", threading.Condition().notify)
attempt("Condition.notify_all unowned", threading.Condition(threading.Lock()).notify_all)
attempt("Semaphore(-1)", threading.Semaphore, -1)
attempt("Semaphore.release(0)", threading.Semaphore().release, 0)
attempt("Semaphore.acquire(False, 1)", threading.Semaphore().acquire, False, 1)
attempt("BoundedSemaphore over-release", threading.BoundedSemaphore(2).release)
attempt("local with arguments", threading.local, 1)
attempt("start_new_thread(1, ())", _thread.start_new_thread, 1, ())
attempt("start_new_thread(f, [])", _thread.start_new_thread, print, [])
attempt("start_new_thread(f, (), 1)", _thread.start_new_thread, print, (), 1)
attempt("stack_size(100)", _thread.stack_size, 100)
attempt("stack_size(-1)", _thread.stack_size, -1)
attempt("LockType()", _thread.LockType)
print("error is RuntimeError:", _thread.error is RuntimeError,
      threading.ThreadError is RuntimeError)
