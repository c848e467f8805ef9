import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor
import threading
import time

def square(x):
    return x * x

def fail(x):
    raise ValueError('bad %d' % x)

def state(f):
    return repr(f).split(' state=')[1]

# submit, result, done
with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(square, i) for i in range(50)]
    print(sum(f.result() for f in fs), all(f.done() for f in fs))
    print(state(fs[3]), fs[3].running(), fs[3].cancelled(), fs[3].exception())
    f = ex.submit(fail, 7)
    try:
        f.result()
    except ValueError as e:
        print('result raised', repr(e))
    print(repr(f.exception()), state(f))
    f = ex.submit(pow, 2, 10)
    print(f.result(timeout=5))
    kw = ex.submit(sorted, [3, 1, 2], reverse=True)
    print(kw.result())
    fn = ex.submit(lambda fn: fn * 2, fn=21)
    print(fn.result())

# map: results in order, exceptions at iteration, several iterables
with ThreadPoolExecutor(3) as ex:
    print(list(ex.map(square, range(12))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6])))
    print(list(ex.map(square, [])))
    it = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
    out = []
    try:
        for v in it:
            out.append(v)
    except ZeroDivisionError as e:
        print('map raised', repr(e), out)
    print(list(ex.map(square, range(5), timeout=10)))

# as_completed and wait
with ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(square, i) for i in range(30)]
    print(sorted(f.result() for f in cf.as_completed(fs)))
    print(sorted(f.result() for f in cf.as_completed(fs + fs[:5])))
    print(list(cf.as_completed([])))
    done, not_done = cf.wait(fs)
    print(len(done), len(not_done))
    r = cf.wait(fs, timeout=1, return_when=cf.FIRST_COMPLETED)
    print(type(r).__name__, len(r.done), len(r.not_done))
    gate = threading.Event()
    started = threading.Event()
    def blocker():
        started.set()
        return gate.wait()
    slow = ex.submit(blocker)
    started.wait()
    quick = ex.submit(square, 3)
    r = cf.wait([slow, quick], return_when=cf.FIRST_COMPLETED)
    print(quick in r.done, slow in r.not_done)
    bad = ex.submit(fail, 1)
    r = cf.wait([slow, bad], return_when=cf.FIRST_EXCEPTION)
    print(bad in r.done, slow in r.not_done)
    r = cf.wait([slow], timeout=0.05)
    print(len(r.done), len(r.not_done))
    try:
        for f in cf.as_completed([slow, quick], timeout=0.05):
            print('completed', f.result())
    except cf.TimeoutError as e:
        print('as_completed timeout:', e)
    try:
        slow.result(timeout=0.01)
    except cf.TimeoutError as e:
        print('result timeout', repr(e))
    try:
        slow.exception(timeout=0)
    except TimeoutError:
        print('exception timeout')
    print(slow.cancel(), state(slow))
    gate.set()
    print(slow.result())

# callbacks
calls = []
with ThreadPoolExecutor(2) as ex:
    gate = threading.Event()
    f = ex.submit(gate.wait)
    f.add_done_callback(lambda fut: calls.append(('cb1', fut.result())))
    f.add_done_callback(lambda fut: calls.append(('cb2', fut.done())))
    gate.set()
    f.result()
f.add_done_callback(lambda fut: calls.append(('late', fut.result())))
print(calls)

# Future on its own
f = cf.Future()
print(state(f), f.done(), f.running(), f.cancelled())
print(f.cancel(), state(f), f.cancelled(), f.done(), f.cancel())
try:
    f.result()
except cf.CancelledError as e:
    print('CancelledError', repr(e))
try:
    f.exception()
except cf.CancelledError:
    print('exception() CancelledError')
print(f.set_running_or_notify_cancel(), state(f))
f = cf.Future()
print(f.set_running_or_notify_cancel(), state(f), f.running(), f.cancel())
f.set_result([1, 2])
print(state(f), f.result(), f.exception())
try:
    f.set_result(3)
except cf.InvalidStateError as e:
    print('InvalidStateError', str(e).split(':')[0])
try:
    f.set_exception(ValueError())
except cf.InvalidStateError as e:
    print('InvalidStateError', str(e).split(':')[0])
f = cf.Future()
f.set_exception(KeyError('k'))
print(state(f), repr(f.exception()))
got = []
f.add_done_callback(got.append)
print(got == [f])

# cancel_futures, shutdown, and submit after it
ex = ThreadPoolExecutor(1)
gate = threading.Event()
first = ex.submit(gate.wait)
rest = [ex.submit(square, i) for i in range(5)]
time.sleep(0.05)
gate.set()
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), sum(f.cancelled() for f in rest) + sum(f.done() and not f.cancelled() for f in rest))
for call in (lambda: ex.submit(square, 2), lambda: ex.map(square, [1])):
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError', e)
ex.shutdown()
ex.shutdown(wait=False)

# thread names, initializer
names = []
def init(tag):
    names.append((tag, threading.current_thread().name.split('_')[0]))
with ThreadPoolExecutor(2, thread_name_prefix='pool', initializer=init, initargs=('x',)) as ex:
    print(sorted(set(ex.map(lambda _: threading.current_thread().name, range(40)))) <= ['pool_0', 'pool_1'])
print(sorted(set(names)))
e1 = ThreadPoolExecutor()
print(e1._thread_name_prefix.startswith('ThreadPoolExecutor-'), e1._max_workers == min(32, __import__('os').cpu_count() + 4))
e1.shutdown()
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
print(cf.TimeoutError is TimeoutError, issubclass(cf.CancelledError, cf._base.Error))
print(cf.CancelledError, cf.InvalidStateError, cf.BrokenExecutor.__mro__[1])
print(cf.__all__)

# a job submitted and not waited for still runs before the program ends
ex = ThreadPoolExecutor(2)
ex.submit(print, 'ran at exit')
