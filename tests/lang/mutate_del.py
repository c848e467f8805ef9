# Destructors of the items a list, dict or set operation removes or
# replaces: each one finds its container whole (every item alive, len()
# agreeing with iteration) and may add to it; the items go in CPython's
# order. Free-threaded builds release such items only after a grace
# period, which settle() lets pass, so the log reads the same there.
import sys

log = []


class D:
    def __init__(self, c, tag):
        self.c = c
        self.tag = tag

    def __repr__(self):
        return "D%d" % self.tag

    def __del__(self):
        c = self.c
        items = list(c)
        whole = len(items) == len(c) and all(repr(x) for x in items)
        log.append((self.tag, whole))
        if isinstance(c, list):
            c.append(self.tag)
        elif isinstance(c, dict):
            c[("del", self.tag)] = self.tag
        else:
            c.add(("del", self.tag))


def settle():
    for _ in range(3):
        sys.getrefcount(None)


def fresh_list(n=3):
    a = []
    a.extend(D(a, i) for i in range(n))
    return a


def fresh_dict(n=3):
    d = {}
    for i in range(n):
        d[i] = D(d, i)
    return d


def fresh_dict_keys(n=3):
    d = {}
    for i in range(n):
        d[D(d, i)] = i
    return d


def fresh_set(n=3):
    s = set()
    for i in range(n):
        s.add(D(s, i))
    return s


def t(name, op, maker, ordered=True, sort_shown=False):
    c = maker()
    try:
        op(c)
        r = "ok"
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    settle()
    got = log[:] if ordered else sorted(log)
    log.clear()
    if isinstance(c, list):
        shown = sorted(c) if sort_shown else c
    else:
        shown = sorted(map(repr, c))
    print(name, r, got, shown)


t("slice-clear", lambda a: a.__setitem__(slice(None), []), fresh_list)
t("slice-replace", lambda a: a.__setitem__(slice(0, 2), ["x"]), fresh_list)
t("clear", lambda a: a.clear(), fresh_list)
t("del-item", lambda a: a.__delitem__(1), fresh_list)
t("del-slice", lambda a: a.__delitem__(slice(0, 2)), fresh_list)
t("del-ext", lambda a: a.__delitem__(slice(0, 3, 2)), fresh_list)
t("del-ext-rev", lambda a: a.__delitem__(slice(None, None, -1)), fresh_list)
t("del-ext-long", lambda a: a.__delitem__(slice(0, 20, 2)), lambda: fresh_list(20))
t("set-item", lambda a: a.__setitem__(0, "new"), fresh_list)
t("set-ext", lambda a: a.__setitem__(slice(0, 3, 2), ["x", "y"]), fresh_list)
t("set-ext-rev", lambda a: a.__setitem__(slice(None, None, -1), "xyz"), fresh_list)
t("pop", lambda a: a.pop(), fresh_list)
t("remove", lambda a: a.remove(a[1]), fresh_list)
t("imul0", lambda a: a.__imul__(0), fresh_list)
# Here free-threaded builds run the destructors after the new items are in.
t("init", lambda a: a.__init__([7]), fresh_list, sort_shown=True)
t("sort-key-raise", lambda a: a.sort(key=lambda x: 1 / 0), fresh_list)

t("d-clear", lambda d: d.clear(), fresh_dict)
t("d-set", lambda d: d.__setitem__(1, "new"), fresh_dict)
t("d-del", lambda d: d.__delitem__(1), fresh_dict)
t("d-pop", lambda d: d.pop(1), fresh_dict)
t("d-popitem", lambda d: d.popitem(), fresh_dict)
t("d-update", lambda d: d.update({0: "a", 1: "b"}), fresh_dict)
t("d-keys-clear", lambda d: d.clear(), fresh_dict_keys)
t("d-keys-popitem", lambda d: d.popitem(), fresh_dict_keys)

# A set's order depends on addresses: its log is shown sorted.
t("s-clear", lambda s: s.clear(), fresh_set, False)
t("s-iand", lambda s: s.__iand__(set()), fresh_set, False)
t("s-isub", lambda s: s.__isub__(set(s)), fresh_set, False)
