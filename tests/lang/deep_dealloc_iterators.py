# Dropping a very long chain of iterators or suspended generators, each
# holding the previous one, frees it without a crash (runtime/dealloc.c
# bounds how deeply deallocations nest).

import gc

# This test is about the depth of deallocation, not about the collector,
# whose passes over millions of live objects would dominate its time.
gc.disable()

# A generator's frame takes more C stack to free than an iterator does:
# 200,000 of them were already too many.
N = 1000000
N_GENERATORS = 200000


def chain(name, build, n=N):
    head = None
    for i in range(n):
        head = build(() if head is None else head)
    del head
    print(name, 'freed')


def suspended(prev):
    def hold(p):
        yield 1
        return p
    g = hold(prev)
    next(g)  # suspended: its frame holds the previous generator
    return g


chain('generator expression', lambda p: (x for x in p), N_GENERATORS)
chain('suspended generator', suspended, N_GENERATORS)
chain('filter', lambda p: filter(None, p))
chain('map', lambda p: map(abs, p))
chain('zip', lambda p: zip(p))
chain('list iterator', lambda p: iter([p]))

# The wrapped iterators still work before the chain is dropped.
it = iter([1, -2, 0, 3])
for i in range(1000):
    it = map(abs, filter(None, it))
print(list(it))
