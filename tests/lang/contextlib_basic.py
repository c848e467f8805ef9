# contextlib: contextmanager, suppress, closing, nullcontext, ExitStack,
# redirect_stdout; compared with CPython, exception chaining included.
# refs: cycles (the C types of _functools are readied at import and keep their
# dicts for good: the delta equals that of a bare import)
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext,
                        ExitStack, redirect_stdout, redirect_stderr,
                        AbstractContextManager, ContextDecorator)

def t(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)

log = []
@contextmanager
def tag(name):
    """A tag."""
    log.append('<%s>' % name)
    try:
        yield name.upper()
    finally:
        log.append('</%s>' % name)
with tag('a') as v:
    log.append(v)
print(log, tag.__name__, tag.__doc__)

@contextmanager
def catcher():
    try:
        yield
    except ValueError as e:
        print('caught in generator:', e)
with catcher():
    raise ValueError('boom')
print('after swallow')
def exec_with(cm, exc):
    with cm:
        raise exc
t(lambda: exec_with(catcher(), KeyError('k')))

@contextmanager
def noyield():
    if False:
        yield
t(lambda: noyield().__enter__())
@contextmanager
def twice():
    yield 1
    yield 2
def use_twice():
    with twice():
        pass
t(use_twice)
@contextmanager
def reraiser():
    try:
        yield
    except ZeroDivisionError:
        raise KeyError('converted')
try:
    with reraiser():
        1 / 0
except KeyError as e:
    print('KeyError', e, type(e.__context__).__name__)
@contextmanager
def ignore_throw():
    try:
        yield
    except Exception:
        yield
def use_ignore():
    with ignore_throw():
        raise ValueError
t(use_ignore)
@contextmanager
def passthrough():
    yield
try:
    with passthrough():
        raise StopIteration('stop')
except StopIteration as e:
    print('StopIteration passes through:', e)
try:
    with passthrough():
        raise IndexError('idx')
except IndexError as e:
    print('IndexError passes through:', e)

# as a decorator: each call gets a fresh generator
@tag('deco')
def decorated(x):
    return x * 2
log.clear()
print(decorated(2), decorated(3), log)
class mycm(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        print('exit', exc[0])
        return False
@mycm()
def work():
    print('working')
work()

# suppress
with suppress(KeyError, IndexError):
    {}['x']
print('suppressed')
with suppress():
    pass
t(lambda: exec_with(suppress(KeyError), ValueError('not suppressed')))
with suppress(LookupError):
    [][1]
print('subclass suppressed')

# closing
class Thing:
    def close(self):
        print('closed')
with closing(Thing()) as th:
    print(type(th).__name__)
t(lambda: exec_with(closing(Thing()), RuntimeError('inside')))

# nullcontext
with nullcontext() as n:
    print(n)
with nullcontext(42) as n:
    print(n)

# redirect_stdout
class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
buf = Buf()
with redirect_stdout(buf) as r:
    print('captured', 1)
print('back', ''.join(buf.parts) == 'captured 1\n', r is buf)
eb = Buf()
with redirect_stderr(eb):
    sys.stderr.write('err!')
print(eb.parts)

# ExitStack
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    stack.enter_context(tag('s'))
    print('body')
print(log[-2:])
def exit_fn(*exc):
    print('exit_fn got', exc[0].__name__ if exc[0] else None)
    return True
with ExitStack() as stack:
    stack.push(exit_fn)
    raise ValueError('swallowed by exit_fn')
print('after ExitStack suppress')
stack = ExitStack()
stack.callback(print, 'deferred')
moved = stack.pop_all()
stack.close()
print('moved')
moved.close()
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)
with ExitStack() as stack:
    print(stack.enter_context(CM('one')), stack.enter_context(CM('two')))
    stack.push(CM('pushed'))
t(lambda: ExitStack().enter_context(object()))
print(stack.callback(len) is len)

# exception chaining across callbacks
def raiser(exc):
    def cb():
        raise exc
    return cb
try:
    with ExitStack() as stack:
        stack.callback(raiser(KeyError('first')))
        stack.callback(raiser(IndexError('second')))
        raise ValueError('body')
except Exception as e:
    chain = []
    while e is not None:
        chain.append('%s(%s)' % (type(e).__name__, e))
        e = e.__context__
    print(' <- '.join(chain))
try:
    try:
        raise TypeError('outer')
    except TypeError:
        with ExitStack() as stack:
            stack.callback(raiser(KeyError('cb')))
except Exception as e:
    chain = []
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__context__
    print(' <- '.join(chain))
# a callback that suppresses after another raised
try:
    with ExitStack() as stack:
        stack.push(lambda *exc: True)
        stack.callback(raiser(KeyError('later suppressed')))
    print('suppressed the callback error')
except KeyError:
    print('not suppressed')

# AbstractContextManager
class Plain(AbstractContextManager):
    def __exit__(self, *exc):
        return None
p = Plain()
with p as got:
    print(got is p)
print(isinstance(p, AbstractContextManager), Plain.__enter__ is AbstractContextManager.__enter__)
