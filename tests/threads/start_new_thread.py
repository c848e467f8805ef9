# The _thread module on its own: start_new_thread with args and kwargs,
# get_ident, locks as completion signals, exit(), the report of an
# uncaught exception, stack_size.
import _thread

done = _thread.allocate_lock()
done.acquire()
out = []


def work(a, b, c=0):
    out.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()


main_ident = _thread.get_ident()
ident = _thread.start_new_thread(work, (1, 2), {"c": 3})
done.acquire()
print("ran:", out, "ident is an int:", type(ident) is int and ident != 0)


def quits():
    out.append("before exit")
    done.release()
    _thread.exit()
    out.append("after exit")


_thread.start_new_thread(quits, ())
done.acquire()


def fails():
    try:
        raise ValueError("raw thread failed")
    finally:
        done.release()


_thread.start_new_thread(fails, ())
done.acquire()
# The report comes after the function returned: wait for the thread's end.
while _thread._count() > 0:
    lk = _thread.allocate_lock()
    lk.acquire()
    lk.acquire(True, 0.01)
print("after exit() and a failure:", out)

print("lock type:", type(done).__name__, _thread.LockType is type(done))
print("repr:", repr(done)[:24])
print("TIMEOUT_MAX:", _thread.TIMEOUT_MAX > 1e9)
old = _thread.stack_size()
print("stack_size default:", old)
print("set 1 MiB, previous:", _thread.stack_size(1 << 20))
_thread.start_new_thread(lambda: done.release(), ())
done.acquire()
print("thread with a 1 MiB stack ran; now:", _thread.stack_size(0))

# Deep recursion in a thread raises RecursionError there, not a crash.
res = []


def deep(n):
    return deep(n + 1)


def recurse():
    try:
        deep(0)
    except RecursionError:
        res.append("RecursionError")
    done.release()


_thread.start_new_thread(recurse, ())
done.acquire()
print(res)
