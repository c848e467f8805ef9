# def: defaults, keyword arguments, *args, **kwargs, keyword-only, recursion.
def add(a, b):
    return a + b


print(add(1, 2), add("x", "y"), add(b=10, a=1), add(1, b=2))


def defaults(a, b=2, c="c"):
    return (a, b, c)


print(defaults(1))
print(defaults(1, 3))
print(defaults(1, c="z"))
print(defaults(a=0, c=9, b=8))


def mutable_default(item, acc=[]):
    acc.append(item)
    return acc


print(mutable_default(1), mutable_default(2))

counter = 5


def default_evaluated_once(v=counter):
    return v


counter = 99
print(default_evaluated_once())


def varargs(*args):
    return args


print(varargs(), varargs(1), varargs(1, "two", 3.0))


def mixed(a, b=0, *args, **kwargs):
    return a, b, args, kwargs


print(mixed(1))
print(mixed(1, 2, 3, 4))
print(mixed(1, x=5, y=6))
print(mixed(1, 2, 3, z=0))


def kwonly(a, *, key, flag=False):
    return (a, key, flag)


print(kwonly(1, key="k"))
print(kwonly(1, flag=True, key=2))


def after_star(*items, sep="-"):
    return sep.join(items)


print(after_star("a", "b", "c"), after_star("a", "b", sep="+"))


def kwargs_only(**kw):
    out = []
    for k in kw:
        out.append(k + "=" + str(kw[k]))
    return ", ".join(out)


print(kwargs_only(one=1, two=2, three=3))
print(kwargs_only())

# call-site unpacking
nums = [1, 2]
opts = {"c": "from-dict"}
print(defaults(*nums))
print(defaults(*nums, **opts))
print(defaults(0, **{"b": "B"}))
print(mixed(*[1, 2, 3], *(4, 5), **{"k": 1}, **{"j": 2}))
print(varargs(*"abc"))
print(varargs(*range(3), 99))

# argument errors are TypeErrors
for call in [lambda: add(1), lambda: add(1, 2, 3), lambda: add(1, a=1),
             lambda: kwonly(1, 2), lambda: add(1, c=3)]:
    try:
        call()
    except TypeError:
        print("TypeError")


# return values
def no_return():
    pass


def bare_return():
    return


def multi():
    return 1, "two", [3]


print(no_return(), bare_return(), multi())
a, b, c = multi()
print(a, b, c)


def early(n):
    if n > 0:
        return "positive"
    return "non-positive"


print(early(1), early(-1))


# recursion
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fact(10), fact(20), fib(15))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(10), is_odd(7), is_even(7))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(200))


# functions are objects
def apply(fn, *args):
    return fn(*args)


print(apply(add, 3, 4), apply(max, 3, 9, 2))
ops = {"add": add, "fact": fact}
print(ops["add"](5, 6), ops["fact"](5))
alias = add
print(alias(1, 1), alias is add, alias.__name__)


# nested function definitions
def outer(x):
    def inner(y):
        return x * y
    return inner(x + 1)


print(outer(3))


# a function redefined
def f():
    return 1


def f():
    return 2


print(f())
