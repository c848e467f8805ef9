"""A future statement after other code: a SyntaxError at compile time,
so nothing runs."""
print("never printed")
from __future__ import annotations
