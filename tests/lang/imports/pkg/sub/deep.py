from .. import leaf
from ..leaf import double
from ... import pkg as top
from . import other
print("imports.pkg.sub.deep: body runs, leaf is", leaf.__name__)
value = double(21)
