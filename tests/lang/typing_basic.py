import typing
from typing import (Any, Union, Optional, List, Dict, Set, Tuple, FrozenSet, Type,
    Callable, Iterable, Iterator, Sequence, Mapping, Generator, ClassVar, Final,
    Literal, TypeVar, cast, overload, no_type_check, TYPE_CHECKING, get_type_hints,
    NewType, AnyStr, get_origin, get_args, Annotated, NoReturn, ForwardRef)

print(TYPE_CHECKING, Any, NoReturn, Optional, Union, List, Dict, Callable, Iterable, Tuple)
print(List[int], Dict[str, List[int]], Set[str], FrozenSet[int], Type[int], Tuple[int, str],
      Tuple[int, ...], Tuple[()], Iterable[str], Iterator[int], Sequence[float],
      Mapping[str, Any], Generator[int, None, None])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Union[int, int, str],
      Optional[Union[int, str]], Union[Union[int, str], float])
print(ClassVar[int], Final[str], Literal[1, "a", None], Annotated[int, "meta"], List["Foo"])
print(Union[int, str] == Union[str, int], List[int] == List[int], List[int] == List[str],
      Optional[int] == Union[None, int], hash(List[int]) == hash(List[int]))
print(List[int].__origin__, List[int].__args__, Dict[str, int].__args__, Union[int, str].__args__)
print(get_origin(List[int]), get_origin(Union[int, str]), get_origin(int), get_origin(list[int]),
      get_origin(Literal[1]), get_origin(Annotated[int, 1]))
print(get_args(Dict[str, int]), get_args(Callable[[int], str]), get_args(int),
      get_args(Optional[int]), get_args(Tuple[int, ...]), get_args(Annotated[int, "x"]))
print(isinstance([], List), isinstance({}, Dict), isinstance((), Sequence), isinstance(3, Iterable),
      issubclass(list, Iterable), isinstance(iter([]), Iterator), isinstance(len, Callable))
print(isinstance(3, Union[int, str]), isinstance(3.0, Optional[int]), isinstance(None, Optional[int]))
for bad in (lambda: isinstance(1, Any), lambda: isinstance([], List[int]),
            lambda: isinstance(1, Union), lambda: Union(), lambda: Any(),
            lambda: List(), lambda: List[int, str], lambda: Dict[int],
            lambda: Union[()], lambda: Callable[int], lambda: Any[int],
            lambda: ClassVar[int, str] if False else issubclass(int, Optional)):
    try:
        bad()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
try:
    class Sub(Union):
        pass
except TypeError as e:
    print("TypeError:", e)

T = TypeVar("T")
KT = TypeVar("KT", str, bytes)
B = TypeVar("B", bound=int)
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
print(T, Co, Contra, T.__name__, KT.__constraints__, B.__bound__, T.__module__, AnyStr, AnyStr.__constraints__)
print(List[T], Dict[str, T].__parameters__, List[T][int], Dict[KT, T][str, int], Mapping[T, List[T]][int])
try:
    TypeVar("X", int)
except TypeError as e:
    print("TypeError:", e)
try:
    TypeVar("X", covariant=True, contravariant=True)
except ValueError as e:
    print("ValueError:", e)
try:
    List[int][str]
except TypeError as e:
    print("TypeError:", e)

print(cast(int, "not an int"), cast("List[int]", [1]))

@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2
print(f(2), f("ab"))
@overload
def g(x: int) -> int: ...
try:
    g(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)

@no_type_check
def h(x: "nonsense"): return x
print(h.__no_type_check__, get_type_hints(h))

UserId = NewType("UserId", int)
print(UserId, UserId(5), UserId(5) + 1, UserId.__supertype__, UserId.__name__)
try:
    class X(UserId): pass
except TypeError as e:
    print("TypeError:", e)

class Node:
    value: int
    next: "Optional[Node]"
    tags: List[str] = []
    count: ClassVar[int] = 0
class Child(Node):
    extra: "Dict[str, int]"
    flag: None
print(get_type_hints(Node))
print(get_type_hints(Child))
print(ForwardRef("X"), ForwardRef("X") == ForwardRef("X"), get_type_hints(Node)["next"] == Optional[Node])
print(Union[int, str] | None, Optional[int] | str, List[int] | None)
print(int | str if hasattr(int, "__or__") and False else "skip")
print(typing.Text is str, typing.Hashable, typing.Sized, typing.AbstractSet[int], typing.MutableMapping[str, int])
print(typing.SupportsInt, isinstance(3, typing.SupportsInt), isinstance("x", typing.SupportsInt),
      isinstance(2.5, typing.SupportsFloat), isinstance(3, typing.SupportsIndex), isinstance(-1, typing.SupportsAbs))
from typing import get_type_hints, List, Optional
def f(a: int, b: "List[str]" = None) -> Optional[int]: pass
print(get_type_hints(f))
