from typing import NamedTuple, TypedDict, List, Optional, Generic, TypeVar
import typing

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)
    @property
    def doubled(self):
        return Point(self.x * 2, self.y * 2, self.label)

p = Point(3, -4)
print(p, p.x, p.y, p.label, p[0], p[-1], len(p), p.norm1(), p.doubled)
print(Point._fields, Point._field_defaults, Point.__annotations__, Point.__mro__)
print(p._asdict(), p._replace(y=5), Point._make([1, 2, "m"]), tuple(p), p == (3, -4, "p"))
print(isinstance(p, tuple), isinstance(p, Point), hash(p) == hash((3, -4, "p")), Point.__name__)
x, y, label = p
print(x, y, label, Point(y=1, x=2), Point.x.__doc__ if False else "", sorted({p, Point(3, -4)}))
for bad in (lambda: Point(), lambda: Point(1, 2, "a", 4), lambda: Point(1, z=3),
            lambda: Point._make([1]), lambda: p._replace(z=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(NamedTuple):
        _a: int
except ValueError as e:
    print("ValueError:", e)
try:
    class Bad3(NamedTuple):
        a: int
        def _asdict(self): pass
except AttributeError as e:
    print("AttributeError:", e)
class Empty(NamedTuple):
    pass
print(Empty(), Empty._fields)
class Single(NamedTuple):
    only: List[int]
print(Single([1]), Single([1]).only)
Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1), Emp._fields, Emp.__annotations__)
Kw = NamedTuple("Kw", a=int, b=str)
print(Kw(1, "x"), Kw.__module__)

class Movie(TypedDict):
    name: str
    year: int
class Film(Movie, total=False):
    rating: Optional[float]
m = Movie(name="Blade Runner", year=1982)
print(m, type(m), m["year"], Movie.__annotations__, Movie.__total__)
f = Film(name="x", year=1, rating=None)
print(f, sorted(Film.__required_keys__), sorted(Film.__optional_keys__), Film.__total__)
print(sorted(Film.__annotations__), Movie.__name__)
print(typing.is_typeddict(Movie), typing.is_typeddict(dict), typing.get_type_hints(Film) == {"name": str, "year": int, "rating": Optional[float]})
print(Movie(m), Movie({"name": "y"}, year=2))
try:
    isinstance(m, Movie)
except TypeError as e:
    print("TypeError:", e)
try:
    class Mixed(Movie, int):
        pass
except TypeError as e:
    print("TypeError:", e)
Alt = TypedDict("Alt", {"a": int, "b": str}, total=False)
print(Alt(a=1), sorted(Alt.__optional_keys__), Alt.__total__)
