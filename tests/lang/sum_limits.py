# sum() of ints near the 64-bit limits: exact while the running total
# fits, and never a wrapped value when it does not (without big integers
# ftpy refuses with OverflowError, which counts as correct here; CPython
# gives the exact sum).


def exact_or_refused(values, expected):
    try:
        return sum(values) == expected
    except OverflowError:
        return True


print(sum([2**62, 2**62 - 1]))
print(sum([-2**62, -2**62]))
print(sum([2**61, 2**61, -2**61, 5]))
print(sum([True, 2, 3.5]))
print(exact_or_refused([2**62, 2**62, -2**62], 2**62))
print(exact_or_refused([-2**62, -2**62, -1, 2**62], -2**62 - 1))
print(exact_or_refused([2**62, 2**62, 1.5], 2.0**63 + 1.5))
