# Big ints: arithmetic identities across the 2**63 / 2**64 boundaries and far
# beyond, Python's floor division and modulo signs, pow with a modulus,
# shifts, and bitwise operators on negatives (infinite two's complement).

edges = [0, 1, -1, 2**31, 2**32 - 1, 2**62, 2**63 - 1, 2**63, -2**63,
         -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**65 + 3, 10**30, -10**30,
         3**100, -7**60, 2**200 - 1]

for a in edges:
    print(a, -a, abs(a), ~a, a + 1, a - 1, a * 3, a * a)

for a in edges:
    for b in edges:
        if b != 0:
            q, r = divmod(a, b)
            assert q * b + r == a and (r == 0 or (r < 0) == (b < 0))
            assert abs(r) < abs(b) and a // b == q and a % b == r
        assert a + b - b == a and (a * b == b * a) and (a - b == -(b - a))
        assert (a & b) + (a | b) == a + b and (a ^ b) == (a | b) - (a & b)
        assert ~(a & b) == ~a | ~b
print("identities ok")

for a, b in [(10**30, 7), (-10**30, 7), (10**30, -7), (-10**30, -7),
             (2**64, 2**32), (-2**64 - 1, 2**32), (2**100, 3**50),
             (-(2**100), 3**50), (2**63, -1), (-2**63, -1), (7, 10**30),
             (-7, 10**30), (7, -10**30)]:
    print(a // b, a % b, divmod(a, b), a / b)

print(2**64 // 1, (2**128 - 1) // (2**64 - 1), (2**128) % (2**64 + 1))
print(pow(2, 100), pow(-3, 41), 10**40, (-2)**127, 0**0, (2**70)**0)
print(pow(3, 10**20, 10**9 + 7), pow(2**100, 2**100, 97), pow(-5, 3, 2**70))
print(pow(5, -1, 2**127 - 1), pow(2**100 + 1, -3, 10**30 + 7), pow(3, -2, 7))
print(pow(7, 2**64 + 1, -1000), pow(-7, 3, -(2**65)), pow(2**70, 5, 1))
print(2 ** -2, (2**70) ** -1, 10**30 / 10**28)

for n in [1, 2**40 + 7, -(2**90) - 1, -1]:
    for s in [0, 1, 31, 32, 33, 63, 64, 65, 200]:
        print(n << s, n >> s, (n << s) >> s == n)
print(-1 >> 10**30, 5 >> 2**64, -5 >> 2**64, 0 << 2**70)

for a in [-1, -2**64, -2**64 + 5, 2**64 - 5, -(3**70)]:
    for b in [0xFF, -256, 2**70 - 1, -(2**70), 12345678901234567890]:
        print(a & b, a | b, a ^ b)

x = 1
for i in range(1, 60):
    x *= i
print(x, x.bit_length(), x.bit_count(), (-x).bit_length())
n = 0
for i in range(100):
    n = n * 31 + i
print(n, n % 1000003, n // 10**100, -n // 10**100)
print(sum(range(10**6)) * 2**64, sum([2**64, 2**64, -2**65]))
print(int(2**64 + 0.0), int(-1e30), int(1e300) == 10**300, 2**53 + 1.0)
print(round(2**70 + 5 * 10**5, -6), round(-(10**30) - 5, -1), round(2**65),
      round(15 * 10**20, -21), round(25 * 10**20, -21))
print(True + 2**64, 2**64 * False, -(2**64) // True)
