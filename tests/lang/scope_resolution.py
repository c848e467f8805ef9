# How names resolve through nested scopes: locals, cells, free variables
# passing through functions and classes, global declarations that hide an
# enclosing function's local from the scopes inside, nonlocal, __class__.

x = "module x"
y = "module y"


def outer():
    x = "outer x"
    y = "outer y"

    def middle():
        global x  # hides outer's x from middle and from inner

        def inner():
            return x, y  # x: the module's; y: outer's, passed through

        return inner()

    return middle()


print(outer())


def counter():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n

    def peek():
        return n

    bump()
    bump()
    return n, peek()


print(counter())


def through_class():
    v = "function v"

    class C:
        v = "class v"  # invisible to the methods

        def get(self):
            return v

        w = [v for _ in range(1)]  # the iterable's scope is the class's

    return C().get(), C.v, C.w


print(through_class())


class Base:
    def who(self):
        return "Base"


class Derived(Base):
    def who(self):
        return "Derived/" + super().who()

    def cls(self):
        return __class__.__name__


print(Derived().who(), Derived().cls())


def class_global():
    z = "function z"

    class K:
        global z  # the class body's z is the module's

        def m(self):
            return z  # still the function's: class names are not seen

    return K().m()


z = "module z"
print(class_global())


def deep():
    a = 1

    def l1():
        def l2():
            def l3():
                return a + 1

            return l3()

        return l2()

    return l1()


print(deep())


def shadow():
    q = "shadow q"

    def f(q):
        return lambda: q

    return f("param q")(), q


print(shadow())


def lambdas():
    k = 10
    fs = [lambda i=i: i + k for i in range(3)]
    k = 20
    return [f() for f in fs]


print(lambdas())


def gen_scope():
    base = 5
    return list(x * base for x in range(3)), sum(base for _ in (1, 2))


print(gen_scope())


# A global declaration hides the enclosing local from nonlocal too.
bad = [
    "def f():\n    x = 1\n    def g():\n        global x\n"
    "        def h():\n            nonlocal x\n",
    "nonlocal x\n",
    "def f():\n    global x\n    nonlocal x\n",
    "class C:\n    y = 1\n    def m(self):\n        nonlocal y\n",
]
for src in bad:
    try:
        exec(src)
        print("compiled")
    except SyntaxError as e:
        print(e.msg, e.lineno)
