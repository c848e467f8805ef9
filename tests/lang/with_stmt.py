# with statement and context managers.
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc_value)
        return self.suppress


with Managed("a") as value:
    print("body got", value)

with Managed("b"):
    print("no as-target")

with Managed("c", suppress=True):
    print("about to raise")
    raise ValueError("suppressed")
print("after suppressed block")

try:
    with Managed("d"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught outside", e)

with Managed("outer") as o, Managed("inner") as i:
    print("both", o, i)

with Managed("n1"):
    with Managed("n2", suppress=True):
        1 / 0
    print("between")


def early_return():
    with Managed("ret"):
        return "returned"


print(early_return())

for k in range(3):
    with Managed("loop%d" % k):
        if k == 1:
            break
print("loop done")


class Resource:
    def __init__(self):
        self.open = False

    def __enter__(self):
        self.open = True
        return self

    def __exit__(self, *args):
        self.open = False
        return False


r = Resource()
with r as res:
    print("inside", res is r, r.open)
print("outside", r.open)


class Recorder:
    log = []

    def __enter__(self):
        Recorder.log.append("enter")

    def __exit__(self, t, v, tb):
        Recorder.log.append("exit:" + (t.__name__ if t else "none"))
        return t is ZeroDivisionError


with Recorder() as nothing:
    pass
print(nothing)
with Recorder():
    1 // 0
try:
    with Recorder():
        [][0]
except IndexError:
    Recorder.log.append("caught IndexError")
print(Recorder.log)

# with and unpacking target


class Pair:
    def __enter__(self):
        return (1, 2)

    def __exit__(self, *a):
        pass


with Pair() as (p, q):
    print(p, q)
