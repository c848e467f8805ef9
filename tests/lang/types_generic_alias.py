import types
from collections.abc import Iterable, Mapping, Callable

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[frozenset[str]])
print(list[int] == list[int], list[int] == list[str], list[int] == list, hash(list[int]) == hash(list[int]))
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, type(a) is types.GenericAlias)
print(a([1, 2]), dict[str, int](x=1), a() == [])
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)))
print(Iterable[int], Mapping[str, int], Iterable[int].__origin__ is Iterable)
for bad in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class MyList(list[int]):
    pass
print(MyList.__bases__, MyList.__orig_bases__, MyList([3]))
x: dict[str, int] = {}
class Ann:
    field: list[str]
print(Ann.__annotations__)
try:
    int[str]
except TypeError as e:
    print("TypeError:", e)
print(list[int].append is list.append if False else list[int].__origin__.append is list.append)
