# while/else, for/else, break, continue, pass.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        pass
    print("while", i)
else:
    print("while else runs (no break)")

i = 0
while True:
    i += 1
    if i > 3:
        break
print("after break", i)

n = 10
while n > 0:
    if n == 7:
        print("found 7")
        break
    n -= 1
else:
    print("not printed")

while False:
    print("never")
else:
    print("else of empty while")

for x in [1, 2, 3]:
    print("for", x)
else:
    print("for else")

for x in range(10):
    if x % 2 == 0:
        continue
    if x > 6:
        break
    print("odd", x)
else:
    print("not printed")

for x in []:
    print("never")
else:
    print("else of empty for")


def search(items, target):
    for idx, item in enumerate(items):
        if item == target:
            break
    else:
        return -1
    return idx


print(search("abcdef", "d"), search("abc", "z"))

# nested loops with break in inner loop only
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print(a, b, end="; ")
    else:
        print("inner done", a, end="; ")
print()

# continue in while with else
k = 0
total = 0
while k < 10:
    k += 1
    if k % 3:
        continue
    total += k
else:
    print("total", total)

# loop variable keeps its last value
for z in range(4):
    pass
print("z", z)

# iterating over various iterables
for ch in "hi":
    print(ch)
for key in {"one": 1, "two": 2}:
    print(key)
for item in (1, "two", 3.0):
    print(item)
for q in range(10, 0, -3):
    print(q, end=" ")
print()

# modifying loop variable does not affect iteration
for v in range(3):
    v = v * 10
    print(v, end=" ")
print()

# pass in various places


def empty():
    pass


class Empty:
    pass


if True:
    pass
print(empty(), Empty.__name__)
