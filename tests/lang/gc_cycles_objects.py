# Cycles through functions, closures, classes, generators and bound
# methods are collected, and their __del__ methods run once.
import gc


class Tell:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


gc.collect()


# a closure that refers to itself through its cell
def make_closure():
    tell = Tell("closure")

    def f():
        return f, tell
    return f

f = make_closure()
del f
print("closure", gc.collect() > 0)


# a function stored in its own attribute dict
def g():
    pass

g.me = g
g.tell = Tell("function attr")
del g
print("function", gc.collect() > 0)


# a class made in a function (classes refer to themselves through __mro__)
def make_class():
    class Local:
        tell = Tell("class attr")

        def method(self):
            return Local
    return Local

C = make_class()
inst = C()
del C
print("class alive", gc.collect() == 0 or True, type(inst).__name__)
del inst
print("class", gc.collect() > 0)


# a bound method stored on its own instance
class Holder(Tell):
    def hello(self):
        return self.name

h = Holder("bound method")
h.cb = h.hello
print(h.cb())
del h
print("bound", gc.collect() > 0)


# a suspended generator whose frame refers to the generator
def gen():
    me = yield 1
    try:
        yield me
    finally:
        print("generator finally")

it = gen()
next(it)
it.send(it)
del it
gc.collect()
print("generator collected")


# a generator whose frame holds an object with __del__ in a cycle
def gen2(t):
    yield t

t = Tell("gen arg")
it2 = gen2(t)
t.gen = it2
del t, it2
gc.collect()
print("generator arg collected")


# many cycles at once, each finalized once
class Counted:
    count = 0

    def __del__(self):
        Counted.count += 1

for i in range(1000):
    c = Counted()
    c.me = [c, {"c": c}]
del c
gc.collect()
print("counted", Counted.count)
gc.collect()
print("counted", Counted.count)
print("end")
