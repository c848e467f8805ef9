# Less common math functions.
import math
print(math.tan(0.5), math.atan(1.0) * 4 == math.pi, math.log10(1000), math.log10(2))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(9, 0.5))
print(math.trunc(2.7), math.trunc(-2.7), math.fmod(7, 3), math.fmod(-7, 3), math.hypot(3, 4))
print(math.atan2(1, 1) * 4 == math.pi, math.degrees(math.pi), math.radians(180) == math.pi)
print(round(math.asin(1.0) * 2, 12) == round(math.pi, 12))
