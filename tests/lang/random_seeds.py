# random: seeding as CPython does it — ints by their absolute value in
# 32-bit words, str/bytes/bytearray through SHA-512 (version 2), floats
# through hash(), None from the OS — then random() and getrandbits().
import random

for s in [0, 1, 2, 12345, -7, 7, 2**31, 2**32 - 1, 2**32, 2**64 + 5, 2**100,
          -2**100, 10**50, True, False, 1.5, -2.25, 0.0, 1e300, 'hello', '',
          'ünïcödé', b'abc', b'', bytearray(b'abc')]:
    random.seed(s)
    print(repr(s)[:30], random.random(), random.random(),
          random.getrandbits(32))

# Seeds of every length across SHA-512's block and padding edges (111,
# 112, 128, 239, 240, 256 bytes).
total = 0
for n in range(300):
    random.seed('x' * n)
    total = (total * 31 + random.getrandbits(64)) % (2**61 - 1)
    random.seed(bytes(range(256))[:n] * 2)
    total = (total * 31 + random.getrandbits(64)) % (2**61 - 1)
print('sha checksum', total)

# An equal int, str and bytes seed give equal sequences; int sign is lost.
a = random.Random('abc').random()
print(a == random.Random(b'abc').random(),
      a == random.Random(bytearray(b'abc')).random())
print(random.Random(-99).random() == random.Random(99).random())

# getrandbits: every width up to 200 bits, words least significant first.
r = random.Random(2024)
print([r.getrandbits(k) for k in range(0, 40)])
print([r.getrandbits(k) for k in (63, 64, 65, 95, 96, 97, 127, 128, 129, 200)])
print(r.getrandbits(1000) % 1000003, r.getrandbits(1000).bit_length() <= 1000)

# random(): 53-bit floats in [0, 1).
r = random.Random(7)
xs = [r.random() for i in range(10000)]
print(min(xs) >= 0.0, max(xs) < 1.0, xs[-1], sum(xs))
print(all(x * 2**53 == int(x * 2**53) for x in xs))

# Version 1 seeds of str and bytes (the old string hash).
for s in ['', 'a', 'hello world', b'bytes']:
    random.seed(s, version=1)
    print(repr(s), random.random())
random.seed(12, version=1)
print(random.random())

# Unseeded generators differ from each other.
print(random.Random().random() != random.Random().random())
random.seed()
random.seed(None)
x = random.random()
print(0.0 <= x < 1.0)
