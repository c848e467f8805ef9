"""A package with relative imports and submodules."""
print("imports.pkg: body runs, __name__ =", __name__, "__package__ =", __package__)
from . import leaf
from .leaf import double
from .sub import deep as _deep
VERSION = (1, 2)
