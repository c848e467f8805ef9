# math module: sqrt, floor, ceil, pi, e, sin, cos, log, exp, fabs, isnan, isinf, inf, nan.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(0))
print(math.floor(2.7), math.floor(-2.7), math.floor(5), math.ceil(2.1), math.ceil(-2.1), math.ceil(5.0))
print(type(math.floor(2.5)).__name__, type(math.ceil(2.5)).__name__, type(math.sqrt(4)).__name__)
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), round(math.sin(math.pi), 12))
print(math.sin(1.0), math.cos(1.0), math.sin(-0.5), math.cos(2.0))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(2.0), math.log(0.5))
print(math.exp(0), math.exp(1) == math.e, math.exp(2), math.exp(-1))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)).__name__)
print(math.isnan(math.nan), math.isnan(1.0), math.isnan(float("nan")), math.isinf(math.inf),
      math.isinf(-math.inf), math.isinf(1e308), math.isinf(1e308 * 10))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
r = 2.0
area = math.pi * r ** 2
print("%.6f" % area, round(area, 3), math.floor(area * 100) / 100)
dist = math.sqrt((4 - 1) ** 2 + (6 - 2) ** 2)
print(dist, int(dist))
