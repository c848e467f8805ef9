# A missing module, a module whose body raises (it leaves sys.modules and
# the next import runs it again), and the uncaught case's traceback.
# refs: cycles (a module whose body failed is out of sys.modules, so the
# cycle between its functions and its namespace is never broken)
import sys

try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, "|", e, "|", e.name, e.path, e.args)
print(isinstance(ModuleNotFoundError("x"), ImportError))

try:
    from imports.fail import no_such_name
except ImportError as e:
    print(type(e).__name__, "|", e.name, "|", str(e).split(" (")[0])

try:
    import imports.fail.needs_missing
except ModuleNotFoundError as e:
    print(e, "|", e.name, "|", "imports.fail.needs_missing" in sys.modules)

try:
    import imports.nope.deeper
except ModuleNotFoundError as e:
    print(e, "|", e.name)

try:
    import sys.path
except ModuleNotFoundError as e:
    print(e, "|", e.name)

for attempt in range(3):
    try:
        import imports.fail.raises as r
        print("imported:", r.first, r.last)
    except ValueError as e:
        print("ValueError:", e, "| in sys.modules:",
              "imports.fail.raises" in sys.modules,
              "| bound on package:", hasattr(sys.modules["imports.fail"], "raises"))
import builtins
print("runs:", builtins.raises_runs)
import imports.fail.raises
print("runs after a successful import:", builtins.raises_runs)

sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(e, "|", e.name)

import imports.fail.wrapper
