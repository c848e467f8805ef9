"""Functional tools for creating and using iterators.

The iterators that hot loops use are written in C (the _itertools module);
groupby and tee, whose objects share state between several iterators, are
written here.
"""

from _itertools import (
    accumulate, chain, combinations, combinations_with_replacement, compress,
    count, cycle, dropwhile, filterfalse, islice, pairwise, permutations,
    product, repeat, starmap, takewhile, zip_longest,
)

__all__ = [
    'accumulate', 'chain', 'combinations', 'combinations_with_replacement',
    'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
    'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
    'takewhile', 'tee', 'zip_longest',
]

_NO_KEY = object()


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

      iterable
        Elements to divide into groups according to the key function.
      key
        A function for computing the group category for each element.
        If the key function is not specified or is None, the element itself
        is used for grouping.
    """

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._pending = False   # _value is read but not handed out yet
        self._value = None
        self._key = None
        self._target = _NO_KEY  # key of the group handed out last
        self._generation = 0    # bumped per group: older groupers stop

    def __iter__(self):
        return self

    def _fetch(self):
        value = next(self._it)
        self._key = value if self._keyfunc is None else self._keyfunc(value)
        self._value = value
        self._pending = True

    def __next__(self):
        self._generation += 1
        while True:
            if not self._pending:
                self._fetch()
            if self._target is _NO_KEY or not self._target == self._key:
                break
            self._pending = False
        self._target = self._key
        return self._key, _grouper(self, self._generation)


class _grouper:
    """One group of a groupby: valid until the groupby moves on."""

    def __init__(self, parent, generation):
        self._parent = parent
        self._generation = generation

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._generation != self._generation:
            raise StopIteration
        if not parent._pending:
            parent._fetch()
        if not parent._target == parent._key:
            raise StopIteration
        parent._pending = False
        return parent._value


class _tee:
    """Iterator wrapped to make it copyable."""

    # The tees of one iterator share a singly linked list of cells
    # [value, next cell]; a cell whose next is None is not filled yet.
    def __init__(self, it, cell):
        self._it = it
        self._cell = cell

    def __iter__(self):
        return self

    def __next__(self):
        cell = self._cell
        if cell[1] is None:
            cell[0] = next(self._it)
            cell[1] = [None, None]
        self._cell = cell[1]
        return cell[0]

    def __copy__(self):
        return _tee(self._it, self._cell)


def _as_index(n):
    try:
        index = type(n).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(n).__name__) from None
    return index(n)


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    if n == 0:
        return ()
    if isinstance(it, _tee):
        first = it
    else:
        first = _tee(it, [None, None])
    return (first,) + tuple(first.__copy__() for _ in range(n - 1))
