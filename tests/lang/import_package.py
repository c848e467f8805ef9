# Packages: __init__.py, submodules, relative imports (., .., ...),
# `import a.b.c`, `import a.b as c`, `from a.b import c`, __import__,
# and the attributes an imported module gets.
import sys

import imports.pkg.sub.deep
print(imports.pkg.sub.deep.value)
print(imports.pkg.sub.deep.top is imports.pkg)

import imports.pkg.sub.deep as d
print(d.__name__, d.value, d.other.name)

from imports.pkg import leaf, double, VERSION
print(leaf.__name__, double(5), VERSION)

from imports.pkg.sub import other as o
print(o.name, o.__package__)

# The body of each module ran once.
print(sorted(k for k in sys.modules if k.startswith("imports")))

# Submodules are bound on their parents.
print(imports.pkg.leaf is leaf, imports.pkg.sub.other is o)

# What a module and a package get (__spec__ and __loader__ are None in
# ftpy, so the test leaves them out).
for m in (imports.pkg, leaf):
    print(m.__name__, m.__package__,
          m.__file__.endswith(m.__name__.replace(".", "/") +
                              ("/__init__.py" if hasattr(m, "__path__") else ".py")))
print(len(imports.pkg.__path__), imports.pkg.__path__[0].endswith("imports/pkg"))
print(hasattr(leaf, "__path__"))
print(type(leaf.__builtins__).__name__)

# __import__ returns the top-level package, or the module with a fromlist.
print(__import__("imports.pkg.leaf").__name__)
print(__import__("imports.pkg.leaf", globals(), None, ["double"]).__name__)
print(__import__("leaf", imports.pkg.__dict__, None, ["x"], 1).__name__)
print(__import__("sub", imports.pkg.sub.deep.__dict__, None, [], 2).__name__)

# from package import * follows __all__, importing submodules it names.
from imports.pkg.sub import *
print(deep.value, other.name)
ns = {}
exec("from imports.pkg.leaf import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

# Relative import errors.
for level, name in ((1, "x"), (4, "")):
    try:
        __import__(name, imports.pkg.leaf.__dict__, None, ["y"], level)
    except ImportError as e:
        print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
