"""Future statements: every known feature is accepted after the
docstring; unknown ones, `braces` and misplaced ones are SyntaxErrors."""
from __future__ import nested_scopes, generators, division
from __future__ import (absolute_import, with_statement,
                        print_function, unicode_literals)
from __future__ import generator_stop
from __future__ import annotations as feature_name
import __future__

print(feature_name is __future__.annotations)
print(1 / 2, 7 // 2)

cases = [
    "from __future__ import nosuch",
    "from __future__ import annotations, nosuch",
    "from __future__ import braces",
    "import sys\nfrom __future__ import annotations",
    "x = 1; from __future__ import division",
    "'''doc'''\nfrom __future__ import division\nx = 1\n\nfrom __future__ import generators",
    "def f():\n    from __future__ import annotations",
    "class C:\n    from __future__ import annotations",
    "if 1:\n    from __future__ import annotations",
    "'''doc'''\n'''not doc'''\nfrom __future__ import annotations",
]
for src in cases:
    try:
        exec(src, {})
        print("ran:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "| line", e.lineno)

# Fine: a later import of the __future__ module itself; and strings under
# the annotations feature in code that exec() compiles.
ns = {}
exec("import sys\nimport __future__\nx = __future__.division", ns)
print(ns["x"])
exec("from __future__ import annotations\nx: y = 1", ns)
print(ns["__annotations__"])
