# sum() of ints near and past the 64-bit limits: exact, as in CPython (the
# running total moves to a big int when it no longer fits).

print(sum([2**62, 2**62 - 1]))
print(sum([-2**62, -2**62]))
print(sum([2**61, 2**61, -2**61, 5]))
print(sum([True, 2, 3.5]))
print(sum([2**62, 2**62, -2**62]) == 2**62)
print(sum([-2**62, -2**62, -1, 2**62]) == -2**62 - 1)
print(sum([2**62, 2**62, 1.5]) == 2.0**63 + 1.5)
print(sum([2**63, 2**63]), sum([2**63, -2**63]), sum([-2**63, -1]))
print(sum([10**30, 1.5]), sum(range(10**6)) * 10**20)
print(sum([2**64] * 5, 7), sum([-2**100, 2**100, 3]))
try:
    sum([1.5, 2**2000])
except OverflowError as e:
    print("OverflowError", e)
