"""Shallow and deep copies of Python objects.

copy(x) makes a new object of x's type holding the same references as x;
deepcopy(x) copies what x refers to as well, recursively, copying each
object once (so shared references and cycles survive) with the help of
a memo dict from id(original) to copy.

A class controls its copies by defining __copy__() and
__deepcopy__(memo), or __reduce_ex__(protocol) / __reduce__() as for
pickling. Other instances are rebuilt from cls.__new__(cls, *args)
(args from __getnewargs__, if any), their __dict__ and __slots__, and,
for list and dict subclasses, their items.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # the old name


def _function():
    pass


class _C:
    def _method(self):
        pass


# Objects that cannot change (or whose copies would be pointless): both
# copies are the object itself.
_atomic = {type(None), int, float, bool, str, bytes, type, range, slice,
           type(len), type(_function), type(_function.__code__),
           type(Ellipsis), type(NotImplemented), property}
try:
    _atomic.add(complex)
except NameError:
    pass

# Builtin types a subclass may store its value in, rebuilt by
# cls.__new__(cls, base(x)) when the subclass says nothing more.
_value_bases = (int, float, str, bytes, tuple, frozenset)

_nil = []


# ---- shallow copies -------------------------------------------------------------

def copy(x):
    "A shallow copy of x (see the module's docstring)."
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


# ---- deep copies ----------------------------------------------------------------

def deepcopy(x, memo=None, _nil=_nil):
    "A deep copy of x; memo maps id(original) to copy (see the module)."
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # An atomic object is its own copy: remembering it would only keep
    # the memo growing.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # A tuple inside a cycle may have been copied while copying its items.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


def _deepcopy_frozenset(x, memo):
    items = [deepcopy(a, memo) for a in x]
    for k, j in zip(x, items):
        if k is not j:
            return frozenset(items)
    return x


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


def _deepcopy_method(x, memo):
    # binding the function again makes the method (ftpy cannot call
    # the method type)
    return x.__func__.__get__(deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _atomic}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_frozenset
_deepcopy_dispatch[bytearray] = _deepcopy_bytearray
_deepcopy_dispatch[type(_C()._method)] = _deepcopy_method


def _keep_alive(x, memo):
    """Keeps x alive as long as the memo: ids in the memo must not be
    reused by new objects while a deepcopy runs."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


# ---- taking objects apart and putting them together ---------------------------

def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reduce(x):
    """(callable, args, state, listitems, dictitems) rebuilding x, or a
    string (x is a global: copy it as itself)."""
    cls = type(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(x, 4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None:
        return reductor(x)
    return _reduce_default(x, cls)


def _reduce_default(x, cls):
    # What object.__reduce_ex__(4) gives in CPython.
    getnewargs = getattr(cls, "__getnewargs__", None)
    if getnewargs is not None:
        args = tuple(getnewargs(x))
    else:
        args = ()
        for base in _value_bases:
            if isinstance(x, base):
                args = (base(x),)
                break
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None:
        state = getstate(x)
    else:
        state = _default_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, (cls,) + args, state, listitems, dictitems


def _default_state(x, cls):
    state = getattr(x, "__dict__", None) or None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return state, slots
    return state


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, *ignored):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


del _function, _C
