# Generators: yield, generator expressions, send, StopIteration.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)))
for v in count_up(3):
    print("got", v)

g = count_up(2)
print(type(g).__name__)
print(next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
print(next(g, "default"))


def trace():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")


t = trace()
print("created")
print(next(t))
print(next(t))
print(list(t))


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for f in fib_gen():
    if f > 100:
        break
    out.append(f)
print(out)


def yields_in_for(items):
    for item in items:
        if item % 2:
            continue
        yield item * 10
    yield "done"


print(list(yields_in_for(range(7))))


def with_return(n):
    for i in range(n):
        yield i
    return "result"


g = with_return(1)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)


def early_exit(n):
    if n == 0:
        return
    yield n


print(list(early_exit(0)), list(early_exit(5)))


# send
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value


acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration:
    print("accumulator finished")


def echo():
    received = yield "ready"
    while True:
        received = yield "echo:" + str(received)


e = echo()
print(e.send(None), e.send("a"), e.send(42))

# generator expressions
squares = (x * x for x in range(6))
print(type(squares).__name__, sum(squares), sum(squares))
print(list(x for x in "abc"))
print(sum(x for x in range(10) if x % 3 == 0))
print(max(len(w) for w in ["a", "abcd", "ab"]))
print(sorted((y for y in [3, 1, 2]), reverse=True))
print(list((i, j) for i in range(3) for j in range(i)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(", ".join(str(n) for n in count_up(4)))


# generator holding state across loops, and closures
def chunks(seq, size):
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


print(list(chunks([1, 2, 3, 4, 5, 6, 7], 3)))


def pipeline():
    nums = count_up(10)
    evens = (n for n in nums if n % 2 == 0)
    return [n * n for n in evens]


print(pipeline())


# generator with try/finally
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("guarded cleanup")


for v in guarded():
    print("guarded", v)


# exception inside generator propagates
def failing():
    yield 1
    raise ValueError("inside generator")


try:
    for v in failing():
        print("failing yielded", v)
except ValueError as e:
    print("caught", e)


# iterator protocol on generator
def gen3():
    yield "a"
    yield "b"


it = gen3()
print(iter(it) is it, list(zip(it, count_up(5))))
a, b = gen3()
print(a, b)
print(list(enumerate(gen3())))
