# if/elif/else and conditional expressions, truthiness.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in [-5, 0, 3, 42]:
    print(n, classify(n))

x = 7
if x > 5:
    print("gt5")
if x > 10:
    print("gt10")
else:
    print("not gt10")
if x == 1:
    print("one")
elif x == 7:
    print("seven")

# nested if
if x:
    if x % 2:
        print("odd")
    else:
        print("even")

# truthiness of different values
for v in [0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), (0,), {}, {"a": 1},
          None, True, False, set(), range(0), range(3)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")

# conditional expressions
print("yes" if x > 3 else "no")
print("yes" if x > 30 else "no")
print(1 if False else 2 if False else 3)
y = [i if i % 2 else -i for i in range(5)]
print(y)
print((lambda v: "pos" if v > 0 else "nonpos")(-1))

# and/or/not
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0)
print(not 1, not 0, not None, not [], not [1])
print(x > 1 and x < 10, x < 1 or x > 100)


def noisy(v):
    print("eval", v)
    return v


print(noisy(0) and noisy(1))
print(noisy(1) or noisy(2))
print(noisy(1) and noisy(0) or noisy(3))
if not (x < 0 or x > 100) and x != 8:
    print("in range")
