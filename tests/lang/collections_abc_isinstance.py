import collections.abc as cabc
from collections.abc import (Hashable, Iterable, Iterator, Reversible, Generator,
    Sized, Container, Callable, Collection, Sequence, MutableSequence, Set,
    MutableSet, Mapping, MutableMapping, MappingView, KeysView, ItemsView,
    ValuesView, ByteString, Awaitable, Coroutine, AsyncIterable, AsyncIterator)

names = ["Hashable", "Iterable", "Iterator", "Generator", "Sized", "Container",
         "Callable", "Collection", "Sequence", "MutableSequence", "Set",
         "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
         "ItemsView", "ValuesView", "ByteString"]

def gen():
    yield 1

for obj in ([], (), "", b"", bytearray(), {}, set(), frozenset(), range(3),
            {}.keys(), {}.items(), iter([]), iter(()), iter("\u00e9"), iter({}),
            iter(range(2)), iter(set()), gen(), 3, 2.5, None, len, lambda: 0,
            object()):
    print(type(obj).__name__, [n for n in names if isinstance(obj, getattr(cabc, n))])

print(issubclass(dict, MutableMapping), issubclass(dict, Mapping),
      issubclass(list, Sequence), issubclass(tuple, MutableSequence),
      issubclass(str, Sequence), issubclass(frozenset, MutableSet))
print([issubclass(t, Reversible) for t in (list, tuple, str, range, dict, set)])

# structural checks through __subclasshook__
class It:
    def __iter__(self): return iter([1, 2])
class Nx(It):
    def __next__(self): return 1
class Sz:
    def __len__(self): return 0
class Ct:
    def __contains__(self, x): return True
class Cl:
    def __call__(self): pass
class Coll(It, Sz, Ct): pass
class NoIter(It):
    __iter__ = None
class NoHash:
    __hash__ = None
class EqOnly:
    def __eq__(self, o): return True
print(isinstance(It(), Iterable), isinstance(It(), Iterator), isinstance(Nx(), Iterator))
print(isinstance(Sz(), Sized), isinstance(Ct(), Container), isinstance(Cl(), Callable))
print(isinstance(Coll(), Collection), isinstance(It(), Collection))
print(isinstance(NoIter(), Iterable), isinstance(NoHash(), Hashable), isinstance(EqOnly(), Hashable))
print(issubclass(It, Iterable), issubclass(int, Iterable), issubclass(Nx, Sized))
# structural check does not make a class a Sequence or Mapping
class SeqLike:
    def __getitem__(self, i): return i
    def __len__(self): return 3
print(isinstance(SeqLike(), Sequence), isinstance(SeqLike(), Sized))
Sequence.register(SeqLike)
print(isinstance(SeqLike(), Sequence), issubclass(SeqLike, Reversible), issubclass(SeqLike, Iterable))
class Awa:
    def __await__(self): yield
class AI:
    def __aiter__(self): return self
    def __anext__(self): pass
print(isinstance(Awa(), Awaitable), isinstance(AI(), AsyncIterable), isinstance(AI(), AsyncIterator), isinstance(Awa(), Coroutine))
try:
    Sequence()
except TypeError as e:
    print("TypeError:", e)
try:
    MutableMapping()
except TypeError as e:
    print("TypeError:", e)
try:
    Iterable()
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, Iterable)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance([], Sequence[int]) if False else isinstance([], (Sequence, 3))
    print("no error")
except TypeError as e:
    print("TypeError:", e)
print(sorted(MutableSequence.__abstractmethods__), sorted(Mapping.__abstractmethods__))
print(sorted(MutableSet.__abstractmethods__), sorted(Generator.__abstractmethods__))
