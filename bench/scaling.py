"""scaling.py -- does a free-threaded build scale on ordinary code?

Each workload is a small loop over objects that all threads share but never
write: module functions, a module class and its methods, builtins,
constants, a global dict and list, a threading.local, a shared context
manager.  K worker threads each run the same fixed unit of work at once
(weak scaling: K threads do K units), so on a build that scales the wall
time stays that of one unit and the CPU time grows K-fold, no more.

Usage:
    scaling.py [--threads K] [--scale S] [WORKLOAD ...]
    scaling.py --list

--threads K   worker threads (default 1).  Even K = 1 runs in a worker
              thread, not the main thread: objects made by the main thread
              are shared with every worker, which is the case to measure.
--scale S     multiplies every workload's iteration count (default 1.0;
              a unit takes roughly 0.1-0.3 s on one core of a GIL build).
WORKLOAD      names from --list (default: all of them, in that order).

Output, one line per workload (times in seconds, 4 decimals):
    NAME K WALL CPU
WALL is from the moment all K threads are released until the last one
finishes (time.perf_counter); CPU is the process's CPU time over the same
span (time.process_time).  The driver bench/scaling.sh turns
these into speedups (K * WALL(1) / WALL(K)) and CPU inflation
(CPU(K) / (K * CPU(1))).  Exit status 2 on bad arguments, 1 if a worker
failed.

The program runs unchanged on CPython, so a free-threaded CPython can be
measured beside the ftpy builds.
"""

import sys
import threading
import time


# ---- shared objects: made by the main thread, never written by workers ----

def module_function(x):
    return x


class Point:
    """A small class with two attributes and two methods."""

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x + self.y

    def scaled(self, k):
        return Point(self.x * k, self.y * k)


class NullContext:
    """A context manager that does nothing, shared by every thread."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return False


TABLE = {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon": 5}
KEYS = ("alpha", "beta", "gamma", "delta", "epsilon")
SHARED_LIST = list(range(100))
SHARED_CONTEXT = NullContext()
LOCAL = threading.local()


def counter_gen(n):
    i = 0
    while i < n:
        yield i
        i += 1


# ---- the workloads: each runs `n` iterations of its loop ----

def w_function_call(n):
    for i in range(n):
        module_function(i)
        module_function(i)
        module_function(i)


def w_method_call(n):
    p = Point(1, 2)
    for i in range(n):
        p.norm1()
        p.norm1()


def w_instance_create(n):
    for i in range(n):
        Point(i, i)


def w_closure_create(n):
    for i in range(n):
        def inner(y):
            return i + y
        inner(1)


def w_generator(n):
    for i in range(n // 10):
        for x in counter_gen(10):
            pass


def w_builtins(n):
    s = "abc"
    for i in range(n):
        len(s)
        abs(i)
        isinstance(i, int)


def w_str_const(n):
    for i in range(n):
        a = "alpha"
        b = "beta"
        a == b


def w_tuple_const(n):
    for i in range(n):
        t = (1, 2, 3)
        u = ("a", "b")
        t[0]


def w_global_dict(n):
    for i in range(n // 5):
        for k in KEYS:
            TABLE[k]


def w_shared_list(n):
    for i in range(n // 100):
        for x in SHARED_LIST:
            pass


def w_thread_local(n):
    LOCAL.value = 7
    for i in range(n):
        LOCAL.value
        LOCAL.value


def w_context_manager(n):
    for i in range(n):
        with SHARED_CONTEXT:
            pass


# name, function, iterations per unit at scale 1
WORKLOADS = [
    ("function_call", w_function_call, 5000000),
    ("method_call", w_method_call, 3000000),
    ("instance_create", w_instance_create, 3000000),
    ("closure_create", w_closure_create, 4000000),
    ("generator", w_generator, 8000000),
    ("builtins", w_builtins, 5000000),
    ("str_const", w_str_const, 12000000),
    ("tuple_const", w_tuple_const, 12000000),
    ("global_dict", w_global_dict, 8000000),
    ("shared_list", w_shared_list, 30000000),
    ("thread_local", w_thread_local, 4000000),
    ("context_manager", w_context_manager, 4000000),
]


def run_workload(func, n, k):
    """Runs func(n) in k worker threads at once; returns (wall, cpu, ok)."""
    start = []

    def start_clocks():
        # Runs in the last thread to reach the barrier, before any is
        # released: read in the main thread after its wait(), the clocks
        # would start late whenever a worker got a CPU (or the GIL) first.
        start.append(time.perf_counter())
        start.append(time.process_time())

    ready = threading.Barrier(k + 1, action=start_clocks)
    failures = []

    def worker():
        ready.wait()
        try:
            func(n)
        except BaseException as e:
            failures.append(e)
            raise

    threads = [threading.Thread(target=worker) for _ in range(k)]
    for t in threads:
        t.start()
    ready.wait()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start[0]
    cpu = time.process_time() - start[1]
    return wall, cpu, not failures


def usage(message):
    print("scaling.py: " + message, file=sys.stderr)
    print("usage: scaling.py [--threads K] [--scale S] [WORKLOAD ...] | --list",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    k = 1
    scale = 1.0
    names = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            print(__doc__)
            return 0
        if a == "--list":
            for name, func, n in WORKLOADS:
                print(name)
            return 0
        if a in ("--threads", "--scale"):
            if i + 1 >= len(argv):
                usage(a + " needs a value")
            try:
                if a == "--threads":
                    k = int(argv[i + 1])
                else:
                    scale = float(argv[i + 1])
            except ValueError:
                usage("bad value for " + a + ": " + argv[i + 1])
            i += 2
            continue
        if a.startswith("-"):
            usage("unknown option " + a)
        names.append(a)
        i += 1
    if k < 1:
        usage("--threads must be at least 1")
    if scale <= 0:
        usage("--scale must be positive")
    known = [w[0] for w in WORKLOADS]
    for name in names:
        if name not in known:
            usage("unknown workload " + name + " (see --list)")
    status = 0
    for name, func, n in WORKLOADS:
        if names and name not in names:
            continue
        iters = max(1, int(n * scale))
        wall, cpu, ok = run_workload(func, iters, k)
        if not ok:
            print("scaling.py: workload %s failed" % name, file=sys.stderr)
            status = 1
        print("%s %d %.4f %.4f" % (name, k, wall, cpu))
        sys.stdout.flush()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
