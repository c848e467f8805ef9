# list.sort() and sorted() while key functions or comparisons change the
# list (CPython's "list modified during sort"), and key functions that
# raise: the list always ends up holding each of its items exactly once.


def run(name, f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(name, r)


class C:
    def __init__(self, v, action=None):
        self.v = v
        self.action = action

    def __lt__(self, o):
        if self.action:
            self.action()
        return self.v < o.v

    def __repr__(self):
        return "C%d" % self.v


a = []


def fresh(action=None, values=(3, 1, 4, 1, 5, 9, 2, 6)):
    global a
    a = [C(v, action) for v in values]
    return a


# __lt__ changes the list (which looks empty while it is being sorted).
actions = {
    "append": lambda: a.append(C(0)),
    "extend": lambda: a.extend([C(0), C(0)]),
    "insert": lambda: a.insert(0, C(0)),
    "clear": lambda: a.clear(),
    "del-all": lambda: a.__delitem__(slice(None)),
    "assign-empty": lambda: a.__setitem__(slice(None), []),
    "assign-items": lambda: a.__setitem__(slice(None), [C(7), C(8)]),
    "imul": lambda: a.__imul__(3),
    "nested-sort": lambda: a.sort(),
    "reverse": lambda: a.reverse(),
    "pop": lambda: a.pop() if a else None,
}
for name, act in actions.items():
    fresh(act)
    run("lt " + name, lambda: (a.sort(), a)[1])
    fresh(act)
    run("lt reverse " + name, lambda: (a.sort(reverse=True), a)[1])

# The key function changes the list.
for name, act in actions.items():
    fresh()

    def key(x, act=act):
        act()
        return x.v

    run("key " + name, lambda: (a.sort(key=key), a)[1])

# A key function or comparison that raises leaves a permutation behind.


def key_raises(x):
    if x.v == 5:
        raise KeyError(x.v)
    return x.v


fresh()
run("key raises", lambda: a.sort(key=key_raises))
print(sorted(x.v for x in a))


class Bad(C):
    def __lt__(self, o):
        if self.v == 9 or o.v == 9:
            raise TypeError("cannot compare 9")
        return self.v < o.v


a = [Bad(v) for v in (3, 1, 4, 1, 5, 9, 2, 6)]
run("lt raises", lambda: a.sort())
print(sorted(x.v for x in a))

# Modified and raising at once: the exception of the key function wins.


def key_mod_raise(x):
    a.append(C(0))
    raise ValueError("from key")


fresh()
run("key modifies and raises", lambda: a.sort(key=key_mod_raise))
print(a)

# sorted() of a list that its key function empties: sorted sorts a copy.
fresh()
run("sorted key clears source", lambda: (sorted(a, key=lambda x: (a.clear(), x.v)[1]), a))
# A longer list (merging, not just insertion sort), changed by the 50th
# comparison: the sort still finishes, puts the sorted items back and then
# reports the change.
fresh(values=[(i * 37) % 200 for i in range(200)])
count = [0]


def append_at_50():
    count[0] += 1
    if count[0] == 50:
        a.append(C(-1))


for x in a:
    x.action = append_at_50
run("long list", lambda: a.sort())
print(len(a), a[:3], a[-3:], [x.v for x in a] == list(range(200)))
