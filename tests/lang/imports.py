# import / from-import of built-in modules, and the time module.
import sys
import math
import time
import math as m
from math import sqrt, pi
from math import floor as fl, ceil
from sys import argv
import sys, math

print(sys.__name__, math.__name__, time.__name__, m.__name__)
print(m is math, sqrt(16.0), pi == math.pi, fl(2.7), ceil(2.1))
print(argv is sys.argv, argv[0])


def uses_import_inside():
    import math
    from time import perf_counter
    return math.floor(perf_counter() * 0) == 0


print(uses_import_inside())

try:
    import no_such_module_anywhere
except ImportError as e:
    print("ImportError", type(e).__name__)

try:
    from math import no_such_name
except ImportError:
    print("ImportError from-import")

# time
t0 = time.time()
p0 = time.perf_counter()
print(isinstance(t0, float), t0 > 1500000000.0)
time.sleep(0.02)
time.sleep(0)
p1 = time.perf_counter()
t1 = time.time()
print(p1 >= p0, p1 - p0 >= 0.015, p1 - p0 < 5.0, t1 >= t0)
print(isinstance(time.perf_counter(), float))

print(__name__)
if __name__ == "__main__":
    print("running as main")
