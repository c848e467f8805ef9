# Big ints hash as CPython does (modulo 2**61 - 1, -1 -> -2), mix with small
# ints and floats as dict keys, compare exactly with floats, and convert to
# float with correct rounding or OverflowError.

for v in [2**61 - 2, 2**61 - 1, 2**61, 2**63, 2**64, -2**64, 2**64 + 1,
          -(2**61 - 1), 2**200, -(2**200), 3**300, -1, -(2**122 - 2**61)]:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2**1000 else "")
d = {2**64: "a", 2.0**64: "b", 2**65 - 2**64: "c", 10**30: "d"}
print(d, d[2**64], d.get(2**64 + 0.0), d[10**30])
d2 = {}
for i in range(60, 70):
    d2[2**i] = i
    d2[float(2**i)] = -i
print(sorted(d2.items()), 2**65 in d2, 2**65 + 1 in d2)
s = {2**100, 2**100 + 0, 4**50, float(2**100)}
print(len(s), sorted([2**70, -(2**70), 5, 2**64, -1, 2**63, 1.5, -2.0**80]))

f = 2.0**64
print(2**64 == f, 2**64 + 1 == f, 2**64 + 1 > f, 2**64 - 1 < f, f < 2**64 + 1)
print(2**1100 > 1e308, -(2**1100) < -1e308, 2**1100 < float("inf"),
      -(2**1100) > float("-inf"), 2**70 == float("nan"), 2**70 != float("nan"))
print(10**30 == 1e30, int(1e30), 1e30 < 10**30, 1e30 > 10**30 - 1)
print(2**53 + 1 == 2.0**53 + 1, 2**1023 * 2 > 1.7976931348623157e308)
print(float(2**64), float(2**1023), float(-(2**1023)), float(2**53 + 1),
      float(2**54 + 3), float(2**100 - 1), float(10**308))
print(2**100 / 3, (10**400) / (10**399), (2**1074) / (2**2000) if False else 0,
      1 / 2**2000, -(3**200) / 7**150, (2**64 + 1) / 2**64)
for f in [lambda: float(2**1024), lambda: 2**1024 / 1, lambda: 1.5 + 2**2000,
          lambda: 10**400 * 1.0, lambda: 2**2000 / 3]:
    try:
        f()
    except OverflowError as e:
        print("OverflowError", e)
print((2**70).__float__(), (2**100).as_integer_ratio(), (2.0**80).as_integer_ratio())
print(1.0 * 2**80, 2**80 - 0.5, 2.5 ** 2, (2**80) // 3.0, (2**80) % 7.0)
