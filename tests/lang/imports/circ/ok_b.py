print("ok_b: start")
from . import ok_a
import imports.circ.ok_a
print("ok_b: sees a partial ok_a:", hasattr(ok_a, "fa"))
try:
    ok_a.fa
except AttributeError as e:
    print("ok_b:", e)
try:
    imports.circ.ok_a
except AttributeError as e:
    print("ok_b:", e)


def fb():
    return "fb"


def call_a():
    return ok_a.fa()
