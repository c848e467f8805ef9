# operator: the operators as functions, their dunder aliases, errors
import operator as op


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2),
      op.mod(7, 3), op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3), op.invert(5), op.inv(0))
print(op.not_(0), op.truth([]), op.truth([1]), op.eq(1, 1), op.ne(1, 2), op.lt(1, 2),
      op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3))
print(op.lshift(1, 5), op.rshift(64, 2), op.concat([1], [2]), op.concat('a', 'b'),
      op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
print(op.is_(None, None), op.is_not(1, None), op.index(7), op.getitem([1, 2, 3], 1),
      op.getitem({'a': 1}, 'a'), op.getitem('hello', slice(1, 3)))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(5, 7))
print(op.__add__(1, 2), op.__mul__('a', 3), op.__not__(1), op.__getitem__([5], 0),
      op.__lt__(1, 2), op.__neg__(3), op.__inv__(1), op.__concat__([1], [2]))
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iadd(1, 2), op.isub(5, 1), op.imul([0], 2))
print(op.ifloordiv(7, 2), op.itruediv(1, 4), op.imod(9, 4), op.ipow(3, 3), op.ilshift(1, 2),
      op.irshift(8, 1), op.iand(7, 2), op.ior(1, 2), op.ixor(3, 1), op.iconcat([1], (2,)))
s = {1}; op.ior(s, {2}); print(s)
print(op.call(max, 1, 5, 3), op.call(sorted, [3, 1], reverse=True))
print(op.truediv(1.5, 0.5), op.pow(2, -1), op.mod(-7, 3), op.floordiv(-7, 2))
e(lambda: op.add(1)); e(lambda: op.add(1, 'a')); e(lambda: op.truediv(1, 0))
e(lambda: op.neg()); e(lambda: op.truth()); e(lambda: op.neg('a'))
e(lambda: op.concat(1, 2)); e(lambda: op.concat([1], (2,))); e(lambda: op.iconcat(1, [2]))
e(lambda: op.indexOf([1, 2, 1], 3)); e(lambda: op.length_hint(iter([1, 2]), 'a'))
e(lambda: op.index(1.5)); e(lambda: op.getitem([1], 5)); e(lambda: op.delitem({}, 'k'))
e(lambda: op.lt(1, 'a')); e(lambda: op.contains(1, 1)); e(lambda: op.is_(1))
e(lambda: op.setitem([1], 0)); e(lambda: op.getitem([1], 0, 1))
e(lambda: op.add(a=1, b=2))


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + o.v)

    def __iadd__(self, o):
        self.v += o.v * 10
        return self

    def __lt__(self, o):
        return self.v < o.v

    def __repr__(self):
        return 'V(%r)' % self.v

    def __length_hint__(self):
        return 42


print(op.add(V(1), V(2)), op.iadd(V(1), V(2)), op.lt(V(1), V(2)), op.length_hint(V(0)))
print(sorted(op.__all__) == sorted(set(op.__all__)), 'itemgetter' in op.__all__)
