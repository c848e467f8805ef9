# Dict methods, iteration order, views.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"])
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("c", 99))
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d.setdefault("new", []).append(1)
print(d["new"])
print(d.pop("new"), d.pop("missing", "dflt"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e, repr(e))
d.update({"a": 10, "d": 4})
d.update(e=5)
d.update([("f", 6)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, end=" ")
print()
for k, v in d.items():
    print(k + "=" + str(v), end=" ")
print()
print(d.popitem(), d.popitem(), d)
e = {}
try:
    e.popitem()
except KeyError:
    print("KeyError popitem on empty")
# insertion order is kept; updates keep position; delete + reinsert moves to end
o = {}
o["x"] = 1
o["y"] = 2
o["z"] = 3
o["x"] = 10
print(list(o))
del o["x"]
o["x"] = 100
print(list(o), o)
# views are live
ks = o.keys()
o["w"] = 0
print(list(ks), len(ks), "w" in ks, "q" in o.values(), 100 in o.values())
print(sorted(o.items()), sorted(o.values()))
c = o.copy()
c["only_copy"] = 1
print("only_copy" in o, "only_copy" in c)
c.clear()
print(c, len(c))
# keys of various hashable types
m = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"}
print(m[1], m[2.5], m["s"], m[(1, 2)], m[None], len(m), m[1.0])
try:
    m[[1]] = 0
except TypeError:
    print("TypeError: unhashable list")
# counting and grouping
text = "one two three two one two"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
print("a" in {"a": 1}, 1 in {"a": 1}, "b" not in {"a": 1})
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"]["inner"][-1])
big = {}
for i in range(500):
    big[i] = i * i
for i in range(0, 500, 2):
    del big[i]
print(len(big), big[499], sum(big.values()), list(big)[:5])
print(repr({}), repr({"k": "v", 1: [None]}), str({1: 2}))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print(sorted({"b": 1, "a": 2}, key=lambda k: {"b": 1, "a": 2}[k]))

# Keys of different types that compare equal share an entry, whichever
# type was stored first and whichever is used to look it up.
mixed = {1: "int one", "1": "str one"}
print(mixed[1], mixed[True], mixed[1.0], mixed["1"])
mixed[True] = "bool one"
print(mixed, mixed[1])
flt = {2.0: "float two", -1: "minus one"}
print(flt[2], flt[-1], flt.get(-1.0), -2 in flt, flt.get(2 ** 62))
big = {2 ** 62: "big", -2 ** 62: "small"}
print(big[2 ** 62], big[-2 ** 62], big.get(2 ** 62 + 1))
