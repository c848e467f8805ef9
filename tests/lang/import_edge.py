# __import__ with odd arguments, odd module names, odd sys.path and
# sys.modules entries: the errors CPython raises, and no crash.
import sys


def t(f):
    try:
        r = f()
        print("ok", type(r).__name__, getattr(r, "__name__", ""))
    except BaseException as e:
        print(type(e).__name__, e)


t(lambda: __import__(123))
t(lambda: __import__("imports.pkg", fromlist=5))
t(lambda: __import__("imports.pkg", fromlist=[5]))
t(lambda: __import__("imports.pkg", level=-1))
t(lambda: __import__("imports.pkg", {}, None, [], 1))
t(lambda: __import__("imports.pkg", {"__package__": 5}, None, [], 1))
t(lambda: __import__("imports.pkg", {"__name__": 5}, None, [], 1))
t(lambda: __import__("x", {"__package__": "a.b"}, None, [], 3))
t(lambda: __import__("x", None, None, [], 1))

sys.modules["intmod"] = 5
t(lambda: __import__("intmod"))
t(lambda: exec("from intmod import real"))
t(lambda: exec("from intmod import nothing"))

sys.path.insert(0, 42)
sys.path.insert(0, None)
t(lambda: __import__("imports.pkg.leaf"))
saved = sys.path
sys.path = "not a list"
t(lambda: __import__("nowhere_mod"))
sys.path = saved

t(lambda: __import__("imports.", fromlist=["x"]))
t(lambda: __import__("imports..pkg"))
t(lambda: exec("from imports.pkg.allbad import *", {}))
import imports.pkg
imports.pkg.__all__ = ["leaf", 7]
t(lambda: __import__("imports.pkg", fromlist=["*"]))
