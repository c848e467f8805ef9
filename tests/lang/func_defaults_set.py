# __defaults__ and __kwdefaults__ replaced after definition: the last
# parameters take the last defaults, whatever the tuple's length.
def f(a, b=2):
    return a, b
f.__defaults__ = (10, 20, 30)
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
print(f(1))
f.__defaults__ = (7,)
print(f(1))
def g(a, b, c=3):
    return a, b, c
g.__defaults__ = (1, 2)
print(g(5))
g.__defaults__ = ()
try: print(g(5, 6))
except TypeError as e: print("TypeError", e)
g.__defaults__ = None
try: print(g(5, 6))
except TypeError as e: print("TypeError", e)
def h(*, k=1): return k
h.__kwdefaults__ = {'k': 9}
print(h())
try:
    f.__defaults__ = [1]
except TypeError as e: print("TypeError", e)
f.__defaults__ = (10, 20, 30)
try: f(1, 2, 3)
except TypeError as e: print("TypeError", e)
def k(a, *, b): return a
k.__defaults__ = (1, 2, 3)
print(k(b=1))
