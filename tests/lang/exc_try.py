# try/except/else/finally.
def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("no error")
        return r
    finally:
        print("finally for", a, b)


print(divide(1, 2))
print(divide(1, 0))

# multiple except clauses and tuples
for bad in [lambda: [][1], lambda: {}["k"], lambda: int("x"), lambda: 1 + "a",
            lambda: undefined_name_q, lambda: None.attr, lambda: 1 // 0]:
    try:
        bad()
    except (IndexError, KeyError) as e:
        print("lookup:", type(e).__name__)
    except ValueError:
        print("value error")
    except TypeError:
        print("type error")
    except NameError as e:
        print("name error:", e)
    except Exception as e:
        print("other:", type(e).__name__)

# hierarchy
try:
    {}["missing"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, repr(e), str(e), e.args)
try:
    1 % 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
try:
    [1][5]
except Exception as e:
    print("Exception caught:", e)

# bare except
try:
    raise RuntimeError("boom")
except:
    print("bare except")

# else runs only without exception
try:
    x = 1
except Exception:
    print("not printed")
else:
    print("else ran", x)

# nested try
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("not printed")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", e)

try:
    try:
        raise ValueError("first")
    except ValueError:
        print("handling first")
        raise TypeError("second")
except TypeError as e:
    print("outer got", e, "context:", type(e.__context__).__name__, e.__context__)


# re-raise
def reraiser():
    try:
        raise ValueError("again")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    reraiser()
except ValueError as e:
    print("re-raised", e)


# finally with return
def finally_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")


print(finally_return())


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(finally_swallows())

# finally with break and continue
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally in loop", i)
for i in range(3):
    try:
        if i < 2:
            continue
        print("body", i)
    finally:
        print("finally continue", i)

i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("while finally", i)

# exception variable is cleared after the except block
try:
    raise ValueError("v")
except ValueError as err:
    pass
try:
    err
except NameError:
    print("err is unbound after except")


# exceptions propagate through frames
def level3():
    raise IndexError("deep")


def level2():
    level3()


def level1():
    try:
        level2()
    finally:
        print("level1 finally")


try:
    level1()
except IndexError as e:
    print("propagated:", e)

# exception objects
e = ValueError("a", 1)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), repr(KeyError("k")), str(KeyError("k")))
print(repr(ValueError("msg")), str(Exception("x")), str(Exception()))

# try/except inside loops with state
results = []
for v in ["1", "x", "3", "", "5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
print(results)

# StopIteration from next()
it = iter([1])
next(it)
try:
    next(it)
except StopIteration:
    print("StopIteration")
