# Parameter and return annotations are evaluated at def time, in the scope
# that holds the def, and kept in __annotations__ (mangled names, parameter
# order, 'return' last); lambdas and unannotated defs have an empty dict.
def f(a: int, b: 'str' = 'x', /, *args: float, c: list = None, **kw: dict) -> bool:
    pass
print(f.__annotations__)
def g(x, y=1):
    pass
print(g.__annotations__, (lambda x: x).__annotations__)
class C:
    def m(self, __p: int) -> 'C':
        pass
    def n(self) -> None:
        pass
print(C.m.__annotations__, C.n.__annotations__)
def outer():
    T = int
    def inner(x: T, *, y: T = 0) -> T:
        return x
    return inner
print(outer().__annotations__)
order = []
def note(v):
    order.append(v)
    return v
def h(a: note('ann a') = note('default a'), *, b: note('ann b') = note('default b')) -> note('ret'):
    pass
print(order)
try:
    def bad(x: undefined_name):
        pass
except NameError as e:
    print('NameError', e)
f.__annotations__ = {'z': 1}
print(f.__annotations__)
f.__annotations__ = None
print(f.__annotations__)
try:
    f.__annotations__ = 5
except TypeError as e:
    print('TypeError', e)
def annotated_star(*args: int, **kwargs: str):
    pass
print(annotated_star.__annotations__)
