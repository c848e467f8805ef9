# from __future__ import annotations: module and class annotations are
# kept as their source text, normalised as CPython writes it back.
from __future__ import annotations
from __future__ import (division,
                        generator_stop)
import sys
a: int = 1
b: Optional[str]
c: dict[str, list[int]] = {}
d: "quoted"
e: int | None | 'x'
f: typing.Callable[[int, str], bool]
g: tuple[int, ...]
h: f(1, k=2, *args, **kw)
i: -1 + 2 * 3 ** -x
j: (a, b)
k: x if y else z
l: not a and b or c
m: a < b <= c is not d
n: [1, 2.5, None, True]
o: {1: 'a', **rest}
p: (1,)
q: x[1:2, ::3]
r: (a + b) * c
s: a - (b - c)
t: 2 ** 3 ** 4
u: (2 ** 3) ** 4
v: ~x
w: {1, 2}
x2: obj.attr.deep
y2: 1 .real
z2: a[b][c](d)
print(__annotations__)
class C:
    x: ClassVar[int] = 3
    y: List["C"]
print(C.__annotations__)
def fn():
    local: Whatever = 1
    return local
print(fn())
