# Comparisons: chained, is / is not, in / not in.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= 0 < 1, 3 > 2 > 1 > 0, 1 < 2 < 2)
print(1 == 1 == 1, 1 == 1 == 2, 1 != 2 != 1, 1 < 3 != 4 > 2)
print(x == 5.0, 1 == True, 0 == False, 2 == True, 0.5 < 1, -1 < 0.0)

calls = []


def val(v):
    calls.append(v)
    return v


print(val(1) < val(2) < val(3), calls)
calls = []
print(val(3) < val(2) < val(1), calls)
calls = []
print(val(1) < val(5) > val(4) == val(4), calls)

# comparisons of mixed/equal containers
print([1, 2] == [1, 2], [1, 2] == (1, 2), (1, 2) == (1, 2), {"a": 1} == {"a": 1},
      {1, 2} == {2, 1}, "ab" == "ab", [] == [], [[1]] == [[1]])
print("abc" != "abd", [1, [2, 3]] < [1, [2, 4]], (1, "b") > (1, "a"))
print(1 == "1", None == 0, None == None, [1] != [1])
try:
    1 < "1"
except TypeError:
    print("TypeError on int < str")
try:
    [1] < (1,)
except TypeError:
    print("TypeError on list < tuple")

# is / is not
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
print(None is None, x is not None, True is True, type(x) is int, type(x) is not float)
n = None
print(n is None, n is not None)


def returns_none():
    pass


print(returns_none() is None)
print(id(a) == id(b), id(a) == id(c))

# in / not in
print(2 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3], not 4 in [1, 2, 3])
print("b" in "abc", "bc" in "abc", "ac" in "abc", "" in "abc", "A" not in "abc")
print(1 in (1, 2), "k" in {"k": 0}, 0 in {"k": 0}, 3 in {1, 2, 3}, 5 in range(10),
      10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print([1] in [[1], [2]], (1, 2) in [(1, 2)], None in [0, None], 1.0 in [1])
print(x in [5] and x not in [6])
