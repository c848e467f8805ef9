"""Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.
"""

from _operator import (
    abs, add, and_, attrgetter, contains, delitem, eq, floordiv, ge,
    getitem, gt, iadd, iand, ifloordiv, ilshift, imatmul, imod, imul,
    index, inv, invert, ior, ipow, irshift, is_, is_not, isub,
    itemgetter, itruediv, ixor, le, lshift, lt, matmul, methodcaller,
    mod, mul, ne, neg, not_, or_, pos, pow, rshift, setitem, sub,
    truediv, truth, xor,
    __abs__, __add__, __and__, __contains__, __delitem__, __eq__,
    __floordiv__, __ge__, __getitem__, __gt__, __iadd__, __iand__,
    __ifloordiv__, __ilshift__, __imatmul__, __imod__, __imul__,
    __index__, __inv__, __invert__, __ior__, __ipow__, __irshift__,
    __isub__, __itruediv__, __ixor__, __le__, __lshift__, __lt__,
    __matmul__, __mod__, __mul__, __ne__, __neg__, __not__, __or__,
    __pos__, __pow__, __rshift__, __setitem__, __sub__, __truediv__,
    __xor__,
)

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat',
           'contains', 'countOf', 'delitem', 'eq', 'floordiv', 'ge',
           'getitem', 'gt', 'iadd', 'iand', 'iconcat', 'ifloordiv',
           'ilshift', 'imatmul', 'imod', 'imul', 'index', 'indexOf', 'inv',
           'invert', 'ior', 'ipow', 'irshift', 'is_', 'is_not', 'isub',
           'itemgetter', 'itruediv', 'ixor', 'le', 'length_hint', 'lshift',
           'lt', 'matmul', 'methodcaller', 'mod', 'mul', 'ne', 'neg', 'not_',
           'or_', 'pos', 'pow', 'rshift', 'setitem', 'sub', 'truediv',
           'truth', 'xor']


def _check_sequence(a):
    if not hasattr(type(a), '__getitem__'):
        raise TypeError("'%s' object can't be concatenated"
                        % type(a).__name__)


def concat(a, b):
    "Same as a + b, for a and b sequences."
    _check_sequence(a)
    return a + b


def iconcat(a, b):
    "Same as a += b, for a and b sequences."
    _check_sequence(a)
    a += b
    return a


def countOf(a, b):
    "Return the number of items in a which are, or which equal, b."
    count = 0
    for item in a:
        if item is b or item == b:
            count += 1
    return count


def indexOf(a, b):
    "Return the first index of b in a."
    for i, item in enumerate(a):
        if item is b or item == b:
            return i
    raise ValueError('sequence.index(x): x not in sequence')


def length_hint(obj, default=0):
    """Return an estimate of the number of items in obj.

    This is useful for presizing containers when building from an iterable.
    If the object supports len(), the result will be exact.  Otherwise, it
    may over- or under-estimate by an arbitrary amount.  The result will be
    an integer >= 0.
    """
    if not isinstance(default, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(default).__name__)
    try:
        return len(obj)
    except TypeError:
        pass
    try:
        hint = type(obj).__length_hint__
    except AttributeError:
        return default
    val = hint(obj)
    if val is NotImplemented:
        return default
    if not isinstance(val, int):
        raise TypeError('__length_hint__ must be integer, not %s'
                        % type(val).__name__)
    if val < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return val


def call(obj, /, *args, **kwargs):
    "Same as obj(*args, **kwargs)."
    return obj(*args, **kwargs)


__concat__ = concat
__iconcat__ = iconcat
__call__ = call
