# A module that makes namedtuples, for collections_nt_module.py: their
# __module__ names this module, or the caller of a factory defined here.
from collections import namedtuple

Here = namedtuple('Here', 'a')


def make(name):
    return namedtuple(name, 'x')
