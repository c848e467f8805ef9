# functools.singledispatch registered by annotation and by type, dispatch
# along the MRO; singledispatchmethod; partialmethod.
# refs: cycles (the C types of _functools are readied at import and keep their
# dicts for good: the delta equals that of a bare import)
from functools import singledispatch, singledispatchmethod, partialmethod


@singledispatch
def describe(x):
    return 'thing'


@describe.register
def _(x: int):
    return 'int %r' % x


@describe.register
def _(x: list, verbose=False):
    return 'list %d%s' % (len(x), ' (verbose)' if verbose else '')


@describe.register(dict)
def _(x):
    return 'dict'


class Base:
    pass


class Derived(Base):
    pass


class Other(Derived, dict):
    pass


describe.register(Base, lambda x: 'base')
print(describe(3), describe(True), describe([1]), describe([1, 2], verbose=True),
      describe({}), describe(Derived()), describe(Other()), describe(2.0))
print(describe.dispatch(Derived)(None), describe.dispatch(object) is describe.registry[object])
try:
    describe.register(lambda x: x)
except TypeError as e:
    print('TypeError', str(e)[:40])
@describe.register
def _(x: 'float'):
    return 'float from a string annotation'
print(describe(2.5))


class Formatter:
    def __init__(self, prefix):
        self.prefix = prefix

    @singledispatchmethod
    def fmt(self, arg):
        return self.prefix + 'obj'

    @fmt.register
    def _(self, arg: int):
        return self.prefix + 'int'

    @fmt.register(str)
    def _(self, arg):
        return self.prefix + 'str:' + arg


fm = Formatter('> ')
print(fm.fmt(1), fm.fmt('s'), fm.fmt(1.5), fm.fmt(False))


class Cell:
    def __init__(self):
        self.alive = False

    def set_state(self, state, note=''):
        self.alive = state
        return note

    set_alive = partialmethod(set_state, True, note='up')
    set_dead = partialmethod(set_state, False)


c = Cell()
print(c.set_alive(), c.alive, repr(c.set_dead()), c.alive)
