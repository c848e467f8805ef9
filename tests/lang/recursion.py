# Unbounded recursion raises RecursionError, which can be caught.
def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RecursionError:
    print("caught")


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


try:
    mutual_a(0)
except RecursionError as e:
    print("caught again", isinstance(e, RuntimeError))


def limited(n):
    return 0 if n == 0 else 1 + limited(n - 1)


print("still works", limited(100))
