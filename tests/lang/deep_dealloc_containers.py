# Dropping a million-long chain of nested containers frees it without a
# crash: freeing each level would otherwise be a few C frames deeper than
# the level above (runtime/dealloc.c bounds the depth).

import gc

# This test is about the depth of deallocation, not about the collector,
# whose passes over millions of live objects would dominate its time.
gc.disable()

N = 1000000


class Node:
    def __init__(self, nxt):
        self.nxt = nxt


def chain(name, build):
    head = None
    for i in range(N):
        head = build(head)
    del head
    print(name, 'freed')


chain('list', lambda p: [p])
chain('tuple', lambda p: (p,))
chain('dict', lambda p: {1: p})
chain('set', lambda p: {Node(p)})

# A chain dropped from inside a deallocation (the last reference to the
# chain is in an object being freed) is freed too, and the objects freed
# before and after it stay intact.
outer = [[1, 2], None, [3, 4]]
head = None
for i in range(N):
    head = [head]
outer[1] = head
del head
outer[1] = 'replaced'
print(outer)
