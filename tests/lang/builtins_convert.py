# Constructors and conversions: int, float, str, bool, list, tuple, dict, set.
print(int(), int(5), int(-5.9), int(5.9), int(True), int("42"), int("-17"), int(" 12 "), int("+3"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("101", 2), int("z", 36), int("1_000"), int("0x1f", 16))
print(int("10", 0), int("0b11", 0), int("0o17", 0), int("0xa", 0))
for bad in ["", "abc", "1.5", "12a", " "]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
print(float(), float(3), float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-inf"), float("nan"))
print(float("Infinity"), float("1_0.5"), float(".5"), float("5."), float(True))
try:
    float("x")
except ValueError as e:
    print("ValueError", e)
print(str(), str(12), str(-1.5), str(True), str(None), str("s"), str([1, (2, "3")]), str({"a": None}))
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool(" "), bool([]), bool([0]),
      bool(None), bool({}), bool(()), bool(range(0)))
print(list(), list("abc"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}), list({"a": 1}.values()))
print(tuple(), tuple("ab"), tuple([1, 2]), tuple(range(2)), tuple(x * 2 for x in range(3)))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict([("a", 1)], b=2))
print(dict(zip("ab", range(2))), dict((k, k * 2) for k in range(3)))
print(sorted(set()), sorted(set([3, 1, 3])), sorted(set("hello")), sorted(set(range(4))), len(set("aab")))
l1 = [1, 2]
l2 = list(l1)
l2.append(3)
print(l1, l2, l1 is l2)
d1 = {"a": 1}
d2 = dict(d1)
d2["b"] = 2
print(d1, d2)
print(int(float("3.0")), float(int("7")), str(int("008")), int(str(12) + "3"))
print(type(int("1")).__name__, type(float("1")).__name__, type(str(1)).__name__, type(bool(1)).__name__)
print(isinstance(list(), list), isinstance(tuple(), tuple), isinstance(dict(), dict), isinstance(set(), set))
print(list(map(float, ["1", "2.5"])), [str(x) for x in [1, 2.0, "3"]], tuple(map(bool, [0, 1])))
print(int(-0.5), int(2.9999), int(1e15), int(-1e18), float(2 ** 53), float(2 ** 62))
