# int and float behaviour, float repr.
print(7 / 2, 6 / 3, -7 / 2, 1 / 3, 2 / 3, 10 / 4, 1 / 7)
print(type(6 / 3).__name__, type(6 // 3).__name__, type(6.0 // 3).__name__)
print(0.1, 0.2, 0.1 + 0.2, 0.3, 1.1 * 3, 0.1 * 3, 1 / 10, 3.0, -0.0, 0.0, 100.0)
print(1e16, 1e15, 123456789012345.0, 1234567890123456.0, 12345678901234567.0, 1e22, 1e100, 1.5e300)
print(1e-4, 1e-5, 0.0001234, 1.5e-7, 5e-324, 1.7976931348623157e308, 2.5e-10)
print(2.0 ** 0.5, 1 / 3 * 3, 4.35 * 100, 0.5 + 0.25, 1e16 + 1, 2 ** 53 + 1.0)
print(float("inf"), float("-inf"), -float("inf"), float("inf") + 1, float("inf") * 0, 1e308 * 10)
nan = float("nan")
print(nan, nan == nan, nan != nan, nan < 1, nan > 1, [nan][0] is nan)
inf = float("inf")
print(inf > 1e308, -inf < -1e308, inf == inf, inf - inf, inf / inf, 1 / inf, -1 / inf)
print(int(3.7), int(-3.7), int(1e10), int(2.5e15), float(10), float(-0), int(-0.0))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
print(3 == 3.0, 1 == 1.0000000001, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(1 < 1.5 < 2, -1 > -1.5, 2 ** 53 == 2.0 ** 53, 10 ** 15 == 1e15)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(2 ** 10, 2 ** 62, 2 ** 62 - 1 + 2 ** 62, -2 ** 62 - 2 ** 62, 2.0 ** 62, 2 ** 0.5, (-8) ** 2)
print(10 ** 18, 10 ** 18 * 9, 9223372036854775807, -9223372036854775807 - 1, 3 ** 30)
x = 2 ** 62
print(x + x // 2, x // 7, x % 7, x >> 60, (x - 1) << 1, x | 1, x & (x - 1), x ^ 1)
print(-x // 3, -x % 3, divmod(-x, 1000), abs(-x), -(-x))
print(12345678 * 87654321, 999999999 * 999999999, 4611686018427387903 + 4611686018427387904)
print(5 * 0.1, 3 * 1.1, 0.7 + 0.1, 1 - 0.9, 100 * 1.1)
print(round(0.1 + 0.2, 10), 1e3 == 1000, 1000.0, 1e5, 10000000000000000.0, 999999999999999.9)
print(float(123), float(2 ** 62), 2 ** 62 / 2, 7 / 7, 0 / 5, -0.0 == 0.0)
print(str(1.0), str(1.5), str(-2.75), repr(0.1), str(1e16), str(1e-7), repr(123.456))
print(abs(-7), abs(-7.25), max(1, 2.5), min(0.0, -0.0), 0.5 * 4)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    5 % 0
except ZeroDivisionError:
    print("ZeroDivisionError for %")
print(True + 1, True * 2.5, False / 1, -True, ~True, True & False, True | False, True ^ True)
i = 0
for _ in range(1000):
    i += 3
print(i, i * i, i ** 3)
h = 0
for ch in "hashing":
    h = (h * 31 + ord(ch)) % 1000000007
print(h)
acc = 1
for k in range(1, 21):
    acc *= k
print(acc, acc // 10 ** 10, acc % 97)
