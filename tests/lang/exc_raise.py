# raise: classes, instances, custom exceptions, raise from, chaining attributes.
class AppError(Exception):
    pass


class DetailedError(AppError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return "[%d] %s" % (self.code, self.args[0])


try:
    raise ValueError
except ValueError as e:
    print("class raised:", type(e).__name__, repr(str(e)), e.args)

try:
    raise ValueError("instance")
except ValueError as e:
    print("instance raised:", e)

try:
    raise AppError("custom")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, AppError), isinstance(e, Exception))

try:
    raise DetailedError(404, "not found")
except AppError as e:
    print("caught base:", type(e).__name__, e, e.code, e.args)

# raise from
try:
    try:
        {}["k"]
    except KeyError as exc:
        raise RuntimeError("wrapped") from exc
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), "context:", repr(e.__context__),
          e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no cause") from None
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

# implicit chaining
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")
except IndexError as e:
    print("implicit context:", repr(e.__context__), e.__cause__)

# no context when raised outside a handler
try:
    raise TypeError("plain")
except TypeError as e:
    print(e.__context__, e.__cause__)


# raise inside function, caught by caller
def check(v):
    if v < 0:
        raise ValueError("negative: %d" % v)
    return v


for v in [1, -2]:
    try:
        print("ok", check(v))
    except ValueError as e:
        print("error", e)

# raising an existing exception object again
saved = None
try:
    raise AppError("saved")
except AppError as e:
    saved = e
try:
    raise saved
except AppError as e:
    print("re-raised saved:", e, e is saved)


# exception classes with class attributes and methods
class Retry(Exception):
    limit = 3

    def describe(self):
        return "retry up to %d" % self.limit


try:
    raise Retry()
except Retry as r:
    print(r.describe())

# raising non-exception is a TypeError
try:
    raise 42
except TypeError:
    print("TypeError: exceptions must derive from BaseException")

# builtin exception hierarchy checks via except
for exc in [KeyError("k"), IndexError("i"), ZeroDivisionError("z"), OverflowError("o"),
            RecursionError("r"), NotImplementedError("n"), StopIteration(), AssertionError(),
            AttributeError("a"), NameError("n"), UnboundLocalError("u"), MemoryError()]:
    try:
        raise exc
    except LookupError:
        print(type(exc).__name__, "is LookupError")
    except ArithmeticError:
        print(type(exc).__name__, "is ArithmeticError")
    except RuntimeError:
        print(type(exc).__name__, "is RuntimeError")
    except NameError:
        print(type(exc).__name__, "is NameError")
    except Exception:
        print(type(exc).__name__, "is Exception")

# SystemExit and KeyboardInterrupt are not Exceptions
try:
    try:
        raise SystemExit(0)
    except Exception:
        print("not printed")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
