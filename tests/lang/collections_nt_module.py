# namedtuple's __module__ is the module whose code called namedtuple()
# (ftpy finds it without frame objects).
from collections import namedtuple
from imports import nt_maker

print(nt_maker.Here.__module__, nt_maker.make('Made').__module__)
print(namedtuple('Local', 'a').__module__)


def inner():
    return namedtuple('Inner', 'a').__module__


print(inner(), namedtuple('Given', 'a', module='elsewhere').__module__)
print(repr(nt_maker.Here(1)), nt_maker.Here.__qualname__)
