# An uncaught ModuleNotFoundError raised in an imported module's body:
# the traceback goes through the importing lines of both files, and the
# failed module is left out of sys.modules.
import sys

try:
    import imports.fail.needs_missing
except ModuleNotFoundError as e:
    print("caught:", e.msg, "| name:", e.name, "| path:", e.path)
print("imports.fail.needs_missing" in sys.modules)

from imports.fail import needs_missing
