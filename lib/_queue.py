"""The parts of the queue module that CPython writes in C: SimpleQueue and
the Empty exception. Here they are Python over threading's locks.

SimpleQueue is an unbounded FIFO without task tracking, so put() never
blocks. Every access to its items happens under one lock, which makes it
correct on free-threaded builds as well; the Condition built on that lock
wakes one waiting get() per put().
"""

from threading import Condition as _Condition, Lock as _Lock
from time import monotonic as _time

__all__ = ['Empty', 'SimpleQueue']


class Empty(Exception):
    """Exception raised by Queue.get(block=0)/get_nowait()."""


def _check_timeout(timeout):
    if timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class SimpleQueue:
    """Simple, unbounded, reentrant FIFO queue."""

    def __init__(self):
        # Two stacks make a FIFO with O(1) amortised operations: put()
        # appends to _back; get() pops from _front, refilled from _back
        # reversed when it runs dry.
        self._front = []
        self._back = []
        self._not_empty = _Condition(_Lock())

    def put(self, item, block=True, timeout=None):
        """Put the item on the queue. block and timeout are there for
        compatibility with Queue: the queue is unbounded, so this never
        blocks."""
        with self._not_empty:
            self._back.append(item)
            self._not_empty.notify()

    def put_nowait(self, item):
        """Put an item into the queue without blocking."""
        self.put(item, False)

    def _take(self):
        front = self._front
        if not front:
            front = self._back
            front.reverse()
            self._back = self._front
            self._front = front
        return front.pop()

    def get(self, block=True, timeout=None):
        """Remove and return an item from the queue.

        With block true and timeout None, waits until an item is there;
        with a timeout, waits at most that many seconds and raises Empty;
        with block false, raises Empty at once when there is nothing."""
        if block and timeout is not None:
            _check_timeout(timeout)
        cond = self._not_empty
        with cond:
            if self._front or self._back:
                return self._take()
            if not block:
                raise Empty
            if timeout is None:
                while not (self._front or self._back):
                    cond.wait()
            else:
                endtime = _time() + timeout
                while not (self._front or self._back):
                    remaining = endtime - _time()
                    if remaining <= 0.0:
                        raise Empty
                    cond.wait(remaining)
            return self._take()

    def get_nowait(self):
        """Remove and return an item from the queue without blocking."""
        return self.get(False)

    def empty(self):
        """True if the queue is empty (not reliable once threads run)."""
        with self._not_empty:
            return not (self._front or self._back)

    def qsize(self):
        """The approximate size of the queue."""
        with self._not_empty:
            return len(self._front) + len(self._back)

    def __class_getitem__(cls, item):
        # ftpy has no types.GenericAlias yet; list[int] is list, too.
        return cls
