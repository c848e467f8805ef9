import types, typing
u = int | str
print(u, type(u), u.__args__, int | None, None | int, int | str | None, list[int] | None, int | int)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None), isinstance(None, int | None))
print(u == (str | int), hash(u) == hash(str | int), u == typing.Union[int, str])
try: int | 3
except TypeError as e: print(e)
try: 3 | int
except TypeError as e: print(e)
try: isinstance([], list[int] | None)
except TypeError as e: print(e)
class A:
    x: int | None = None
print(A.__annotations__, typing.get_type_hints(A))
print(typing.Optional[int] | str, typing.get_origin(int | str), typing.get_args(int | str))
class M(type):
    def __or__(cls, other): return "custom"
class K(metaclass=M): pass
print(K | int)
