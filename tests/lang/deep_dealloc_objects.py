# Dropping a very long chain of instances, functions or exceptions,
# each holding the previous one, frees it without a crash
# (runtime/dealloc.c bounds how deeply deallocations nest), and runs every
# finalizer in it exactly once.

import gc

# This test is about the depth of deallocation, not about the collector,
# whose passes over millions of live objects would dominate its time.
gc.disable()

N = 1000000
# Every level of the instance and function chains is two or three objects
# deep (an instance and its dict; a function, its closure tuple and cell).
N_OBJECTS = 300000


class Node:
    def __init__(self, nxt):
        self.nxt = nxt

    def method(self):
        return self.nxt


def chain(name, build, n=N):
    head = None
    for i in range(n):
        head = build(head)
    del head
    print(name, 'freed')


def closure(prev):
    def f():
        return prev
    return f


def default(prev):
    def f(x=prev):
        return x
    return f


def exception(prev):
    e = ValueError('level')
    e.__context__ = prev
    return e


chain('instance', lambda p: Node(p), N_OBJECTS)
chain('bound method', lambda p: Node(p).method, N_OBJECTS)
chain('closure', closure, N_OBJECTS)
chain('default argument', default, N_OBJECTS)
chain('exception context', exception)


class Noisy:
    count = 0

    def __init__(self, nxt):
        self.nxt = nxt

    def __del__(self):
        Noisy.count += 1


def finalized_chain(n):
    head = None
    for i in range(n):
        head = Noisy(head)
    del head
    return Noisy.count


print('finalized', finalized_chain(N_OBJECTS))
