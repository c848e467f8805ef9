# Works although circular: ok_b uses ok_a's names only when called.
print("ok_a: start")
from . import ok_b
print("ok_a: ok_b is complete:", hasattr(ok_b, "fb"))


def fa():
    return "fa+" + ok_b.fb()
