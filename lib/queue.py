"""A multi-producer, multi-consumer queue.

Queue (FIFO), LifoQueue and PriorityQueue share one lock, `mutex`, and
three conditions over it: not_empty (get() waits on it), not_full (put()
waits on it when maxsize > 0) and all_tasks_done (join() waits on it). All
state (the items, unfinished_tasks) is read and written with mutex held,
so the queue needs no GIL: it is correct on free-threaded builds, where
threads really run at once.

Subclasses change the ordering by overriding _init, _qsize, _put and _get,
which are called with mutex held; SimpleQueue and Empty come from _queue.
"""

import threading
from time import monotonic as time
from heapq import heappush, heappop
from _queue import Empty, SimpleQueue

try:
    from collections import deque
except ImportError:
    deque = None

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue',
           'SimpleQueue']


class Full(Exception):
    """Exception raised by Queue.put(block=0)/put_nowait()."""


if deque is None:
    class deque:
        """The few deque methods the queue needs, for as long as ftpy has
        no collections module: a FIFO out of two stacks."""

        def __init__(self, iterable=()):
            self._front = []
            self._back = list(iterable)

        def append(self, item):
            self._back.append(item)

        def popleft(self):
            front = self._front
            if not front:
                if not self._back:
                    raise IndexError("pop from an empty deque")
                front = self._back
                front.reverse()
                self._back = self._front
                self._front = front
            return front.pop()

        def clear(self):
            self._front = []
            self._back = []

        def __len__(self):
            return len(self._front) + len(self._back)

        def __bool__(self):
            return bool(self._front or self._back)

        def __iter__(self):
            return iter(self._front[::-1] + self._back)

        def __repr__(self):
            return 'deque(%r)' % (list(self),)


def _check_timeout(timeout):
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Indicate that a formerly enqueued task is complete.

        Used by consumer threads: for each get() used to fetch a task, a
        later task_done() tells the queue that the task is finished. When
        the count of unfinished tasks drops to zero, join() returns.
        Raises ValueError if called more times than items were put."""
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Blocks until all items in the Queue have been gotten and
        processed (task_done() called for each)."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """Return the approximate size of the queue."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Return True if the queue is empty, False otherwise (not
        reliable once other threads use the queue)."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Return True if the queue is full, False otherwise (not reliable
        once other threads use the queue)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Put an item into the queue.

        With block true and timeout None, waits until a free slot is
        available; with a non-negative timeout, waits at most that many
        seconds and then raises Full; with block false, raises Full at
        once when there is no free slot (timeout is ignored then)."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                else:
                    _check_timeout(timeout)
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item from the queue.

        With block true and timeout None, waits until an item is
        available; with a non-negative timeout, waits at most that many
        seconds and then raises Empty; with block false, raises Empty at
        once when there is nothing (timeout is ignored then)."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            else:
                _check_timeout(timeout)
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """Put an item into the queue without blocking: raises Full when
        there is no free slot."""
        return self.put(item, block=False)

    def get_nowait(self):
        """Remove and return an item from the queue without blocking:
        raises Empty when there is none."""
        return self.get(block=False)

    # The storage; override these four to change the order. They run with
    # mutex held.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        # ftpy has no types.GenericAlias yet; list[int] is list, too.
        return cls


class PriorityQueue(Queue):
    """Variant of Queue that retrieves open entries in priority order
    (lowest first). Entries are typically tuples of the form:
    (priority number, data)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Variant of Queue that retrieves most recently added entries
    first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()
