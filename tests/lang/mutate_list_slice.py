# Subscripts and slices of a list whose bounds' __index__ (or the assigned
# iterable) change the list: the length is read after every __index__ and
# indices are clamped to the list as it is when they are used.


def run(name, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(name, r)


a = []


class Idx:
    """An index whose __index__ empties, shortens or grows the list a."""

    def __init__(self, v, how="clear"):
        self.v = v
        self.how = how

    def __index__(self):
        if self.how == "clear":
            a.clear()
        elif self.how == "shrink":
            del a[2:]
        elif self.how == "grow":
            a.extend(range(100, 120))
        return self.v


def fresh():
    global a
    a = list(range(10))
    return a


def get(key):
    fresh()
    return lambda: (a[key], len(a))


for how in ("clear", "shrink", "grow"):
    print("--", how)
    run("a[:i]", get(slice(None, Idx(8, how))))
    run("a[i:]", get(slice(Idx(3, how), None)))
    run("a[i:j]", get(slice(Idx(1, how), Idx(9, how))))
    run("a[::s]", get(slice(None, None, Idx(2, how))))
    run("a[::-s]", get(slice(None, None, Idx(-2, how))))
    run("a[i::-1]", get(slice(Idx(9, how), None, -1)))
    run("a[i:j:s]", get(slice(Idx(1, how), Idx(9, how), Idx(3, how))))
    run("a[-i::s]", get(slice(Idx(-1, how), None, Idx(-3, how))))
    run("a[i]", get(Idx(5, how)))
    run("a[-i]", get(Idx(-5, how)))

    fresh()
    run("a[i:j] = [...]", lambda: (a.__setitem__(slice(Idx(2, how), Idx(8, how)), ["x", "y"]), a)[1])
    fresh()
    run("a[::s] = [...]", lambda: (a.__setitem__(slice(None, None, Idx(2, how)), list("vwxyz")), a)[1])
    fresh()
    run("a[i::-s] = [...]", lambda: (a.__setitem__(slice(Idx(9, how), None, Idx(-4, how)), list("xyz")), a)[1])
    fresh()
    run("a[::s] = []", lambda: (a.__setitem__(slice(None, None, Idx(3, how)), []), a)[1])
    fresh()
    run("del a[i:j]", lambda: (a.__delitem__(slice(Idx(2, how), Idx(8, how))), a)[1])
    fresh()
    run("del a[::s]", lambda: (a.__delitem__(slice(None, None, Idx(2, how))), a)[1])
    fresh()
    run("del a[i::-s]", lambda: (a.__delitem__(slice(Idx(8, how), None, Idx(-3, how))), a)[1])
    fresh()
    run("del a[i]", lambda: (a.__delitem__(Idx(5, how)), a)[1])
    fresh()
    run("a[i] = v", lambda: (a.__setitem__(Idx(5, how), "v"), a)[1])
    fresh()
    run("insert", lambda: (a.insert(Idx(5, how), "v"), a)[1])
    fresh()
    run("pop", lambda: (a.pop(Idx(5, how)), a)[1])
    fresh()
    run("index", lambda: a.index(7, Idx(2, how), Idx(9, how)))
    fresh()
    run("index-neg", lambda: a.index(7, Idx(-8, how)))

# The assigned iterable changes the list while it is being consumed.
print("-- iterables")


def g_clear():
    a.clear()
    yield "p"
    yield "q"


def g_grow():
    a.extend(range(100, 150))
    yield from "vwxyz"


fresh()
run("a[2:8] = g_clear()", lambda: (a.__setitem__(slice(2, 8), g_clear()), a)[1])
fresh()
run("a[::2] = g_clear()", lambda: (a.__setitem__(slice(None, None, 2), g_clear()), a)[1])
fresh()
run("a[::2] = g_grow()", lambda: (a.__setitem__(slice(None, None, 2), g_grow()), a[:12], len(a))[1:])
fresh()
run("a[::2] = 5", lambda: a.__setitem__(slice(None, None, 2), 5))
fresh()
run("a[2:4] = 5", lambda: a.__setitem__(slice(2, 4), 5))
fresh()
run("a[::-1] = a", lambda: (a.__setitem__(slice(None, None, -1), a), a)[1])
