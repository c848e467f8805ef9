# Circular imports: the working pattern sees the partly initialised
# module; `from m import name` of a name m has not defined yet fails
# with CPython's "partially initialized module" message.
import sys

from imports.circ import ok_a
print(ok_a.fa(), ok_a.ok_b.call_a())
print(sys.modules["imports.circ.ok_b"].ok_a is ok_a)

try:
    import imports.circ.bad_a
except ImportError as e:
    print(type(e).__name__, "name:", e.name, "path ends:", e.path[-20:])
    print("left in sys.modules:",
          sorted(k for k in sys.modules if k.startswith("imports.circ.bad")))

# Once more, uncaught: the traceback goes through both module bodies.
import imports.circ.bad_b
