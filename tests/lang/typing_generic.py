from typing import (Generic, TypeVar, Protocol, runtime_checkable, List, Dict,
    Iterator, Optional, Iterable, SupportsInt)
import typing

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), list(s), type(s).__name__, s.__orig_class__)
print(Stack[int], Stack[str] == Stack[str], Stack.__parameters__, Stack.__mro__)
print(Stack.__orig_bases__, Stack[int].__origin__ is Stack, Stack[int].__args__)
print(isinstance(s, Stack), isinstance(s, Generic), issubclass(Stack, Generic))

class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v
print(Pair[str, int], Pair("a", 1).v, Pair.__parameters__)
class IntPair(Pair[int, V]):
    pass
print(IntPair.__parameters__, IntPair[str], IntPair.__orig_bases__, IntPair.__mro__)
class Concrete(Pair[int, str]):
    pass
print(Concrete.__parameters__, Concrete(1, "x").v)
class Mixed(Stack[T], Dict[str, T]):
    pass
print(Mixed.__parameters__, Mixed.__mro__)

for bad in (lambda: Generic[int], lambda: Generic[T, T], lambda: Stack[int, str],
            lambda: Concrete[int], lambda: Generic[()], lambda: isinstance(s, Stack[int])):
    try:
        bad()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(Generic):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(Generic[T], List[K]):
        pass
except TypeError as e:
    print("TypeError:", e)
class Node(Generic[T]):
    def __init__(self, value: T, next: "Optional[Node[T]]" = None):
        self.value = value
        self.next = next
n = Node(1, Node(2))
print(n.next.value, Node[int](5).value)

# Protocols
class Closer(Protocol):
    def close(self) -> None: ...
@runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...
@runtime_checkable
class HasName(Protocol):
    name: str
    def greet(self) -> str: ...
class File:
    def close(self): pass
class Named:
    name = "n"
    def greet(self): return "hi " + self.name
class NotNamed:
    def greet(self): return "x"
print(isinstance([], Sized2), isinstance(3, Sized2), issubclass(list, Sized2), issubclass(int, Sized2))
print(isinstance(Named(), HasName), isinstance(NotNamed(), HasName))
for bad in (lambda: isinstance(File(), Closer), lambda: Closer(), lambda: issubclass(Named, HasName),
            lambda: runtime_checkable(Stack)):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
class Impl(Closer):
    def __init__(self, x): self.x = x
    def close(self): return "closed"
print(Impl(3).x, Impl(3).close(), isinstance(Impl(1), Closer) if False else "skip")
@runtime_checkable
class GProto(Protocol[T]):
    def get(self) -> T: ...
class Getter:
    def get(self): return 1
print(GProto[int], isinstance(Getter(), GProto), GProto.__parameters__)
try:
    class BadProto(Protocol, int):
        pass
except TypeError as e:
    print("TypeError:", e)
class WithInt:
    def __int__(self): return 4
print(isinstance(WithInt(), SupportsInt), int(WithInt()))
class ClsProto(Protocol):
    x: int
print(ClsProto.__name__, getattr(ClsProto, "_is_protocol"), getattr(Impl, "_is_protocol"))
