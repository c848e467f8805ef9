"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads.

Work items go through one queue.SimpleQueue; a None in it tells a worker
to look whether the executor has been shut down (and to pass the None on,
so every worker sees it). Workers are started on demand, one per submit()
until max_workers, unless an idle worker is available: each worker that
finishes an item releases _idle_semaphore, and submit() takes one instead
of starting a thread.

When the main program ends, threading._shutdown() calls _python_exit
(registered below) before it joins the threads: it wakes every idle
worker, the workers run what is still queued, and exit.

ftpy has no weak references yet, so a worker holds its executor strongly:
an executor that is never shut down lives until the program ends (CPython
would notice it become garbage and stop its workers earlier).
"""

import os
import queue
import threading

from concurrent.futures import _base

_threads_queues = {}
_global_shutdown_lock = threading.Lock()
_shutdown = False


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for _t, q in items:
        q.put(None)
    for t, _q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break the cycle exception -> traceback -> this frame.
            self = None
        else:
            self.future.set_result(result)

    def __class_getitem__(cls, item):
        return cls


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _base._report('Exception in initializer:', exc)
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                # Let the item (and its arguments) go before waiting again.
                del work_item
                executor._idle_semaphore.release()
                continue
            if _shutdown or executor._shutdown:
                # Flag the executor as shutting down as early as possible,
                # then wake the next worker.
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException as exc:
        _base._report('Exception in worker', exc)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed
    initializing."""


class ThreadPoolExecutor(_base.Executor):

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        max_workers: the most threads used to run the calls (default
            min(32, os.cpu_count() + 4));
        thread_name_prefix: names the worker threads, for debugging;
        initializer, initargs: each worker calls initializer(*initargs)
            when it starts."""
        if max_workers is None:
            # Enough threads for I/O-bound work, few enough not to eat
            # the memory of a big machine.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % _next_id()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        # An idle worker will pick the item up: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Fail the futures still queued.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(
                        BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # Cancel what no worker has taken yet.
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Wake the workers so that they see the shutdown.
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
                # Nothing left for _python_exit to wake (CPython's table
                # forgets dead threads by itself, through weak references).
                _threads_queues.pop(t, None)
    shutdown.__doc__ = _base.Executor.shutdown.__doc__


_id_lock = threading.Lock()
_id_next = 0


def _next_id():
    """0, 1, 2, ...: numbers the executors' default thread names."""
    global _id_next
    with _id_lock:
        n = _id_next
        _id_next += 1
    return n
