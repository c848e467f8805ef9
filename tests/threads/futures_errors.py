import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool

import sys

class Capture:
    # Reports go to stderr with file names and ids: keep their first and
    # last lines.
    def __init__(self):
        self.text = ''
    def write(self, s):
        self.text += s
        return len(s)
    def flush(self):
        pass
    def show(self):
        lines = self.text.splitlines()
        self.text = ''
        if lines:
            first = ' '.join(w for w in lines[0].split() if not w.isdigit())
            last = lines[-1] if len(lines) > 1 else ''
            print('stderr:', first.split(' at 0x')[0], '...', last)

err = Capture()
real_stderr = sys.stderr
sys.stderr = err

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(ThreadPoolExecutor, 0)
attempt(ThreadPoolExecutor, -2)
attempt(ThreadPoolExecutor, 2, initializer=3)
f = cf.Future()
attempt(f.result, timeout=0)
attempt(f.exception, 0.01)
f.set_running_or_notify_cancel()
attempt(f.set_running_or_notify_cancel)
err.show()
attempt(cf.wait, [f], 0, 'SOMETIMES')

def bad_init():
    raise OSError('no init')
ex = ThreadPoolExecutor(1, initializer=bad_init)
f = ex.submit(abs, -1)
try:
    f.result(timeout=5)
except BrokenThreadPool as e:
    print('BrokenThreadPool:', e)
err.show()
attempt(ex.submit, abs, 1)
ex.shutdown()
print(issubclass(BrokenThreadPool, cf.BrokenExecutor), issubclass(cf.BrokenExecutor, RuntimeError))

def boom(fut):
    raise ValueError('callback failed')
g = cf.Future()
g.add_done_callback(boom)
g.set_result(1)
print('callback error reported, result', g.result())
err.show()
with ThreadPoolExecutor(2) as ex:
    attempt(lambda: ex.submit(divmod, 1, 0).result())
    attempt(lambda: list(ex.map(int, ['1', 'x'])))
    attempt(lambda: ex.submit().result())
sys.stderr = real_stderr
