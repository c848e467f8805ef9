# assert and del.
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(str(e)), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print("AssertionError", e)
try:
    x = 5
    assert x < 0, "x was %d" % x
except AssertionError as e:
    print(e)


def check(v):
    assert isinstance(v, int), "need int"
    return v * 2


print(check(4))
try:
    check("s")
except AssertionError as e:
    print("check failed:", e)

# del names
a = 1
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
b, c = 1, 2
del b, c
try:
    c
except NameError:
    print("b and c deleted")


def del_local():
    v = 10
    del v
    try:
        return v
    except UnboundLocalError:
        return "UnboundLocalError"


print(del_local())

# del items
lst = [0, 1, 2, 3, 4, 5, 6, 7]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    del [1][3]
except IndexError as e:
    print("IndexError", e)
nested = {"x": [1, 2, 3]}
del nested["x"][1]
print(nested)


# del attributes
class Obj:
    cls_attr = "class"


o = Obj()
o.val = 1
o.other = 2
del o.val
print(hasattr(o, "val"), o.other)
try:
    del o.val
except AttributeError:
    print("AttributeError on second del")
o.cls_attr = "instance"
print(o.cls_attr)
del o.cls_attr
print(o.cls_attr)

# del in loop
data = list(range(10))
i = 0
while i < len(data):
    if data[i] % 3 == 0:
        del data[i]
    else:
        i += 1
print(data)
