"""Thread objects and synchronisation primitives.

ftpy's threading module, written in Python on top of _thread (threads,
locks, thread-local storage in C) and embedded in the binary. It offers
CPython 3.11's interface and messages: Thread, Lock, RLock, Condition,
Event, Semaphore, BoundedSemaphore, Barrier, Timer, local, excepthook.

How the pieces fit:
  * Every started thread holds a "sentinel" lock from _thread._set_sentinel
    that the C side releases only once the thread has finished (its
    thread-local values are gone by then). join() waits on that lock.
  * _active maps the ident of every running Thread to its object; _limbo
    holds threads between start() and their first instruction.
  * At exit, the interpreter calls _shutdown(), which joins every
    non-daemon thread; daemon threads are simply left behind.
"""

import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock',
           'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'local', 'excepthook', 'get_native_id', 'stack_size']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
local = _thread._local
Lock = _allocate_lock
_CRLock = _thread.RLock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may take it again, and
    must release it as many times as it acquired it."""
    return _CRLock(*args, **kwargs)


# ---- Condition ---------------------------------------------------------------

class Condition:
    """A lock (an RLock unless one is given) plus a queue of waiting
    threads. Each waiter sleeps on a lock of its own that notify()
    releases, so a notification goes to exactly one waiter."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock knows how to let go of all its levels at once and how to
        # tell whether the caller owns it; a plain lock gets the methods
        # below instead.
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: "owned" means "someone holds it".
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, sleep until notified or until timeout seconds
        pass, take the lock again. True unless the timeout expired."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        state = self._release_save()
        notified = False
        try:
            if timeout is None:
                notified = waiter.acquire()
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
        finally:
            self._acquire_restore(state)
            if not notified:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    # notify() took us off the queue between our timeout
                    # and getting the lock back: that notification is ours,
                    # and dropping it would lose a wake-up.
                    notified = True
        return notified

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true or timeout seconds have passed;
        returns the last value of predicate()."""
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to n of the threads waiting on this condition."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while n > 0 and waiters:
            waiter = waiters.pop(0)
            waiter.release()
            n -= 1

    def notify_all(self):
        """Wake up every thread waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


# ---- Semaphore, BoundedSemaphore ----------------------------------------------

class Semaphore:
    """A counter: acquire() takes one (waiting while it is 0), release()
    gives n back."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %s: value=%d>" % (cls.__module__, cls.__qualname__,
                                            hex(id(self)), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                    if timeout <= 0:
                        return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to go above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %s: value=%d/%d>" % (
            cls.__module__, cls.__qualname__, hex(id(self)), self._value,
            self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# ---- Event --------------------------------------------------------------------

class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %s: %s>" % (cls.__module__, cls.__qualname__,
                                      hex(id(self)),
                                      'set' if self._flag else 'unset')

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is set or timeout seconds pass; returns the
        flag (so False means the wait timed out)."""
        with self._cond:
            if self._flag:
                return True
            return self._cond.wait(timeout)


# ---- Barrier ------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


# Barrier states: threads arrive while FILLING; the last one switches to
# DRAINING and they all leave; the last to leave switches back. RESETTING
# lets the threads inside leave with BrokenBarrierError before refilling.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Makes `parties` threads wait for each other; each wait() returns a
    different index in range(parties)."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %s: broken>" % (cls.__module__, cls.__qualname__,
                                              hex(id(self)))
        return "<%s.%s at %s: waiters=%d/%d>" % (
            cls.__module__, cls.__qualname__, hex(id(self)), self.n_waiting,
            self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # Wait for the previous round to drain (or a reset to finish).
            while self._state == _DRAINING or self._state == _RESETTING:
                self._cond.wait()
            if self._state == _BROKEN:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if self._count == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return index
            finally:
                self._count -= 1
                self._leave()

    def _trip(self):
        try:
            if self._action is not None:
                self._action()
        except BaseException:
            self._break()
            raise
        self._state = _DRAINING
        self._cond.notify_all()

    def _await_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state != _DRAINING:
            raise BrokenBarrierError

    def _leave(self):
        if self._count == 0 and (self._state == _DRAINING or
                                 self._state == _RESETTING):
            self._state = _FILLING
            self._cond.notify_all()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING or self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN


# ---- the registry of threads ----------------------------------------------------

_active_limbo_lock = _allocate_lock()
_active = {}  # ident -> Thread, for every running thread
_limbo = {}   # Thread -> Thread, started but not running yet
_name_counter = 0


def _newname(template):
    global _name_counter
    with _active_limbo_lock:
        _name_counter += 1
        n = _name_counter
    return template % n


# ---- exceptions in threads ----------------------------------------------------

class ExceptHookArgs:
    """What excepthook receives: exc_type, exc_value, exc_traceback,
    thread (also usable as a 4-tuple)."""

    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args

    def _fields(self):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)

    def __iter__(self):
        return iter(self._fields())

    def __getitem__(self, i):
        return self._fields()[i]

    def __len__(self):
        return 4

    def __repr__(self):
        return ("ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, "
                "thread=%r)" % self._fields())


# Prints "Exception in thread NAME:" and the traceback to sys.stderr;
# ignores SystemExit.
excepthook = _thread._excepthook
__excepthook__ = _thread._excepthook


def _report_exception(exc, thread):
    args = ExceptHookArgs((type(exc), exc, exc.__traceback__, thread))
    try:
        excepthook(args)
    except Exception as hook_exc:
        # Report the hook's own failure, not the exception it was given.
        hook_exc.__suppress_context__ = True
        _thread._print_exception(hook_exc,
                                 "Exception in threading.excepthook:\n")


# ---- Thread -------------------------------------------------------------------

class Thread:
    """A thread of control: subclass and override run(), or pass a
    target callable."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self._ident = None
        self._native_id = None
        self._sentinel = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        if not self._initialized:
            raise AssertionError("Thread.__init__() was not called")
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a finished thread
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity; at most once per Thread."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def _bootstrap(self):
        ident = get_ident()
        try:
            self._ident = ident
            self._native_id = get_native_id()
            self._sentinel = _set_sentinel()
            with _active_limbo_lock:
                _active[ident] = self
                del _limbo[self]
            self._started.set()
            try:
                self.run()
            except BaseException as exc:
                _report_exception(exc, self)
                exc = None
        finally:
            with _active_limbo_lock:
                if _active.get(ident) is self:
                    del _active[ident]

    def run(self):
        """What the thread does: calls target(*args, **kwargs)."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Do not keep the arguments alive for as long as the Thread.
            del self._target, self._args, self._kwargs

    def _wait_until_done(self, timeout):
        lock = self._sentinel
        if lock is None:
            return
        if lock.acquire(True, timeout):
            lock.release()
            self._is_stopped = True
            self._sentinel = None

    def join(self, timeout=None):
        """Wait until the thread ends, or at most timeout seconds."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_until_done(-1)
        else:
            self._wait_until_done(max(timeout, 0))

    def is_alive(self):
        """True from just before run() starts until just after it ends."""
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_until_done(0)
        return not self._is_stopped

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after interval seconds, unless
    cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._ident = _thread._main_thread_ident()
        if get_ident() == self._ident:
            self._native_id = get_native_id()
        # Released by _shutdown(), when the main program has ended.
        self._sentinel = _allocate_lock()
        self._sentinel.acquire()
        self._started.set()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by _thread.start_new_thread when it asks
    for current_thread(): daemonic, always alive, cannot be joined."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._sentinel = _set_sentinel()
        self._started.set()
        with _active_limbo_lock:
            _active[self._ident] = self

    @property
    def daemon(self):
        return True

    @daemon.setter
    def daemon(self, daemonic):
        raise RuntimeError("cannot set daemon status of active thread")

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


def _dead_dummy(t):
    # A dummy outlives its thread in _active; its sentinel tells.
    return type(t) is _DummyThread and not t.is_alive()


# ---- module-level functions -------------------------------------------------------

def current_thread():
    """The Thread object of the calling thread (a dummy one for threads
    not started through threading)."""
    t = _active.get(get_ident())
    if t is None or _dead_dummy(t):
        return _DummyThread()
    return t


def currentThread():
    return current_thread()


def main_thread():
    """The Thread object of the main thread."""
    return _main_thread


def enumerate():
    """Every Thread alive right now, the main thread included."""
    with _active_limbo_lock:
        threads = list(_active.values()) + list(_limbo.values())
    return [t for t in threads if not _dead_dummy(t)]


def active_count():
    """How many threads are alive: len(enumerate())."""
    return len(enumerate())


def activeCount():
    return active_count()


# Called by _shutdown() before it joins the threads, last registered
# first: concurrent.futures uses it to wake its idle workers so that they
# finish the work queued and exit.
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) when the main program ends, before the
    non-daemon threads are joined."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called when the main program ends: waits for every non-daemon
    thread, including threads those start meanwhile."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    lock = _main_thread._sentinel
    if lock is not None and lock.locked():
        lock.release()
    _main_thread._is_stopped = True
    _main_thread._sentinel = None
    while True:
        with _active_limbo_lock:
            threads = list(_active.values()) + list(_limbo.values())
        pending = [t for t in threads
                   if t is not _main_thread and not t._daemonic
                   and not t._is_stopped]
        if not pending:
            return
        for t in pending:
            t._started.wait()
            t.join()


_main_thread = _MainThread()
