# Module and class annotations are evaluated and stored in __annotations__;
# annotations of function locals are never evaluated.
import sys
x: int = 1
y: str
z: "a string" = 3
(w): int = 4
class C:
    "doc"
    a: int = 5
    b: "list[int]"
    __p: dict = {}
    if True:
        c: float = 1.5
    def f(self):
        q: undefined_name = 1
        return q
print(__annotations__)
print(C.__annotations__, list(C.__dict__)[:4])
print(C().f(), C.a, C._C__p)
class D:
    pass
print(D.__dict__.get('__annotations__'))
try:
    bad: undefined_thing = 1
except NameError as e:
    print(e)
print(x, z, w)
print(sorted(globals())[:8])
obj = C()
obj.attr: int = 3
print(obj.attr)
d = {}
d['k']: str = 'v'
print(d)
