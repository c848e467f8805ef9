# Unhashable built-in types: __hash__ is None on the type (so isinstance
# checks against collections.abc.Hashable and `T.__hash__ is None` agree
# with CPython), hash() raises TypeError naming the type, and a subclass
# is unhashable too unless it defines __hash__.
from collections import deque

kinds = [list, dict, set, bytearray, slice, deque, type({}.keys()),
         type({}.items())]
for t in kinds:
    print(t.__name__, t.__hash__ is None, '__hash__' in t.__dict__)

samples = [[], {}, set(), bytearray(b'x'), slice(1, 2), deque(),
           {}.keys(), {}.items()]
for v in samples:
    try:
        hash(v)
    except TypeError as e:
        print('TypeError:', e)


class L(list):
    pass


class H(list):
    def __hash__(self):
        return 7


try:
    hash(L())
except TypeError as e:
    print('TypeError:', e)
print(L.__hash__ is None, hash(H()))
v = {}.values()
print(hash(v) == hash(v))
print(tuple.__hash__ is None, frozenset.__hash__ is None, object.__hash__ is None)
