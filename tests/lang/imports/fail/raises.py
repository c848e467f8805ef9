# Counts its runs in builtins, then fails half-way.
import builtins

builtins.raises_runs = getattr(builtins, "raises_runs", 0) + 1
first = "defined"
if builtins.raises_runs < 3:
    raise ValueError("body failed, run %d" % builtins.raises_runs)
last = "defined too"
