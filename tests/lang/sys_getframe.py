import sys

def outer():
    a = 1
    return inner(a + 1)

def inner(b):
    c = b * 10
    def nested():
        return c
    f = sys._getframe()
    print(f.f_code.co_name, f.f_code.co_filename.endswith("sys_getframe.py"))
    print(sorted(k for k in f.f_locals if k != "f"))
    print(f.f_locals["b"], f.f_locals["c"])
    print(f.f_back.f_code.co_name, f.f_back.f_locals["a"])
    print(f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_globals is globals())
    print(sys._getframe(1).f_code.co_name, sys._getframe(2).f_globals.get("__name__"))
    print(type(f.f_lineno).__name__, f.f_back.f_lineno)
    return nested()

print(outer())
print(sys._getframe().f_back)
print(sys._getframe(0).f_locals is globals())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError")

class K:
    x = 1
    print(sorted(sys._getframe().f_locals))

def modname():
    return sys._getframe(1).f_globals.get('__name__')
print(modname())
