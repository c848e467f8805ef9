# An uncaught exception in a nested call chain (4 frames).
def level_three(v):
    return v[10]


def level_two(v):
    return level_three(v) + 1


def level_one(v):
    x = level_two(v)
    return x


print("calling")
level_one([1, 2, 3])
