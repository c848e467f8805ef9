x = 1


def f():
    return {}["missing"]


f()
