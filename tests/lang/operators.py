# Operators and precedence.
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 100 / 10 / 5, 2 * 3 ** 2)
print(2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 2)
print(-2 ** 2, -(2 ** 2), (-2) ** 2, - - 2, -+2, +-2, ~5, ~-1, -~5, 2 ** -2 ** 2)
print(not 1 + 1 == 3, not (1 + 1 == 3))

# division and modulo with negative numbers
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (0, 5), (1, 7)]:
    print(a, b, a // b, a % b, a / b, divmod(a, b))
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (7, 0.5), (1, 0.3)]:
    print(a, b, a // b, a % b, a / b)
print(-3 % 5, 3 % -5, -0.5 % 1, 5.0 % -3, -1 // 10, -1.0 // 10)

# int/float mixing
print(1 + 2.0, 3 * 1.5, 10 / 4, 10 // 4, 10.0 // 4, 2 ** 0.5, 4 ** 0.5, 9 ** -0.5)
print(True + True, True * 10, False - 1, 3 / True)

# bit operations and shifts
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010, ~0b1100)
print(1 << 10, 1 << 62, 1024 >> 3, -1024 >> 3, -1 >> 10, 5 >> 1, -5 >> 1, 7 << 0)
print(-8 & 0xff, -1 & 0xffff, 6 | -8, -6 ^ 3)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 + 2 << 3, 1 + (2 << 3), 16 >> 2 + 1)
print(3 & 5 == 1, (3 & 5) == 1)

# comparison precedence below arithmetic and bitwise
print(1 + 1 < 3, 2 * 2 == 4, 1 | 2 == 3, 1 < 2 == 2)

# and / or / not precedence
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 and 2 or 3, 0 and 2 or 3, 0 or 0 and 1, None and 1 or "x")

# string and sequence operators
print("ab" + "cd", "ab" * 3, 0 * "ab", -1 * "ab", [1, 2] * 2, (0,) * 3, [1] + [2, 3])
print("a" < "b" < "c", [1, 2] < [1, 3], (1, 2, 3) > (1, 2), [] < [0], (2,) > (1, 9))
print("%d%%" % 5)

# unary on expressions, parentheses
x = 5
print(-x, +x, ~x, -(-x), -x ** 2, (-x) ** 2, -x * -x, x - -x, x+-x)

# operator results chained into methods and subscripts
print((1 + 2).__class__.__name__, (3 * "ab")[1:4], [1, 2, 3][1] * 10, "abc".upper()[::-1])

# large but in-range integers
big = 2 ** 62
print(big, big - 1 + big, -big - big, big // 3, big % 1000, (big - 1) * 2 + 1)
print(3 ** 39, 10 ** 18, 9223372036854775807 // 2, -9223372036854775807 % 10)
print(2 ** 31 * 2 ** 31, (2 ** 32 - 1) * (2 ** 31 - 1), 123456789 * 987654321)
print(-(2 ** 62) * 2, abs(-(2 ** 62)), 2 ** 62 + 2 ** 61)
