"""Weak reference support for Python objects.

ref, getweakrefcount and getweakrefs come from the C module _weakref
(objects/weakref.c: a ref() racing with the referent's death in another
thread returns the object or None, never a dangling pointer). Built on
them: proxy, WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet
and finalize. The containers guard their own table with a lock, since the
callbacks that remove dead entries can run in any thread.
"""

from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType
from collections.abc import MutableMapping, MutableSet
import sys
import threading as _threading

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize", "KeyedRef"]


# ---- proxies ---------------------------------------------------------------------

def _dead():
    raise ReferenceError("weakly-referenced object no longer exists")


class ProxyType:
    """A proxy for a weakly referenced object: attribute access and
    operators go to the referent, ReferenceError once it is gone."""

    __slots__ = ('_proxy_ref',)

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_proxy_ref',
                           ref(ob, (lambda r: callback(self))
                               if callback is not None else None))

    def _target(self):
        o = object.__getattribute__(self, '_proxy_ref')()
        if o is None:
            _dead()
        return o

    def __getattribute__(self, name):
        if name in ('_target', '__class__'):
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, '_target')(), name)

    def __setattr__(self, name, value):
        setattr(self._target(), name, value)

    def __delattr__(self, name):
        delattr(self._target(), name)

    def __repr__(self):
        o = object.__getattribute__(self, '_proxy_ref')()
        return '<weakproxy at %#x; %s>' % (
            id(self), 'dead' if o is None else
            'to %s at %#x' % (type(o).__name__, id(o)))

    def __str__(self):
        return str(self._target())

    def __bool__(self):
        return bool(self._target())

    def __len__(self):
        return len(self._target())

    def __iter__(self):
        return iter(self._target())

    def __contains__(self, x):
        return x in self._target()

    def __getitem__(self, k):
        return self._target()[k]

    def __setitem__(self, k, v):
        self._target()[k] = v

    def __delitem__(self, k):
        del self._target()[k]

    def __eq__(self, other):
        return self._target() == other

    def __ne__(self, other):
        return self._target() != other

    def __lt__(self, other):
        return self._target() < other

    def __le__(self, other):
        return self._target() <= other

    def __gt__(self, other):
        return self._target() > other

    def __ge__(self, other):
        return self._target() >= other

    __hash__ = None

    def __add__(self, o):
        return self._target() + o

    def __sub__(self, o):
        return self._target() - o

    def __mul__(self, o):
        return self._target() * o

    def __index__(self):
        return self._target().__index__()

    def __int__(self):
        return int(self._target())

    def __float__(self):
        return float(self._target())


class CallableProxyType(ProxyType):
    """A proxy for a callable referent."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)


ProxyType.__name__ = ProxyType.__qualname__ = 'weakproxy'
CallableProxyType.__name__ = CallableProxyType.__qualname__ = \
    'weakcallableproxy'
ProxyTypes = (ProxyType, CallableProxyType)


def proxy(object, callback=None, /):
    """Create a proxy object that weakly references 'object'."""
    if callable(object):
        return CallableProxyType(object, callback)
    return ProxyType(object, callback)


# ---- WeakMethod --------------------------------------------------------------------

class WeakMethod(ref):
    """A weak reference to a bound method that dies with either its
    instance or its function (a plain ref to a bound method would die at
    once)."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


# ---- WeakValueDictionary ---------------------------------------------------------

class KeyedRef(ref):
    """ref with the dictionary key it is stored under (for the removal
    callback of WeakValueDictionary)."""

    __slots__ = "key",

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakValueDictionary(MutableMapping):
    """Mapping class that references values weakly: an entry goes away
    when its value is no longer strongly referenced."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                with self._lock:
                    if self.data.get(wr.key) is wr:
                        del self.data[wr.key]
        self._remove = remove
        self._lock = _threading.RLock()
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        with self._lock:
            del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        with self._lock:
            self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in self.items():
            new[deepcopy(key, memo)] = value
        return new

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def _live_items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v

    def items(self):
        yield from self._live_items()

    def keys(self):
        for k, v in self._live_items():
            yield k

    __iter__ = keys

    def itervaluerefs(self):
        """Return an iterator that yields the weak references to the
        values."""
        yield from list(self.data.values())

    def valuerefs(self):
        """Return a list of weak references to the values."""
        return list(self.data.values())

    def values(self):
        for k, v in self._live_items():
            yield v

    def popitem(self):
        with self._lock:
            while True:
                key, wr = self.data.popitem()
                o = wr()
                if o is not None:
                    return key, o

    def pop(self, key, *args):
        with self._lock:
            try:
                o = self.data.pop(key)()
            except KeyError:
                o = None
            if o is None:
                if args:
                    return args[0]
                raise KeyError(key)
            return o

    def setdefault(self, key, default=None):
        with self._lock:
            try:
                o = self.data[key]()
            except KeyError:
                o = None
            if o is None:
                self.data[key] = KeyedRef(default, self._remove, key)
                return default
            return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def __or__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


# ---- WeakKeyDictionary -------------------------------------------------------------

class WeakKeyDictionary(MutableMapping):
    """Mapping class that references keys weakly: an entry goes away when
    its key is no longer strongly referenced."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                with self._lock:
                    self.data.pop(k, None)
        self._remove = remove
        self._lock = _threading.RLock()
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        with self._lock:
            del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        with self._lock:
            self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        for key, value in self.items():
            new[key] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        try:
            return self.data.get(ref(key), default)
        except TypeError:
            return default

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def _live_items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def items(self):
        yield from self._live_items()

    def keys(self):
        for k, v in self._live_items():
            yield k

    __iter__ = keys

    def values(self):
        for k, v in self._live_items():
            yield v

    def keyrefs(self):
        """Return a list of weak references to the keys."""
        return list(self.data)

    def popitem(self):
        with self._lock:
            while True:
                key, value = self.data.popitem()
                o = key()
                if o is not None:
                    return o, value

    def pop(self, key, *args):
        with self._lock:
            return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        with self._lock:
            return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if len(kwargs):
            self.update(kwargs)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, MutableMapping)):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


# ---- WeakSet -------------------------------------------------------------------------

class WeakSet(MutableSet):
    """A set whose items are held by weak references: an item goes away
    when it is no longer strongly referenced."""

    def __init__(self, data=None):
        self.data = set()

        def _remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                with self._lock:
                    self.data.discard(item)
        self._remove = _remove
        self._lock = _threading.RLock()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), self.__getstate__()
                if hasattr(self, '__getstate__') else None)

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, set(self))

    def add(self, item):
        with self._lock:
            self.data.add(ref(item, self._remove))

    def clear(self):
        with self._lock:
            self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        with self._lock:
            while True:
                try:
                    itemref = self.data.pop()
                except KeyError:
                    raise KeyError('pop from empty WeakSet') from None
                item = itemref()
                if item is not None:
                    return item

    def remove(self, item):
        with self._lock:
            self.data.remove(ref(item))

    def discard(self, item):
        with self._lock:
            self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        newset = self.copy()
        newset.difference_update(other)
        return newset

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        with self._lock:
            if self is other:
                self.data.clear()
            else:
                self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        with self._lock:
            self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None

    def symmetric_difference(self, other):
        newset = self.copy()
        newset.symmetric_difference_update(other)
        return newset

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        with self._lock:
            if self is other:
                self.data.clear()
            else:
                self.data.symmetric_difference_update(
                    ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


# ---- finalize ----------------------------------------------------------------------------

class finalize:
    """Class for finalization of weakrefable objects.

    finalize(obj, func, *args, **kwargs) returns a callable finalizer
    object which will be called when obj is garbage collected. The first
    call (explicit, or at collection) calls func(*args, **kwargs) and
    returns its result; later calls return None. (ftpy has no atexit
    module yet, so finalizers still alive at exit are not run.)
    """

    __slots__ = ()
    _registry = {}
    _lock = _threading.RLock()
    _index_iter = iter(range(1 << 62))

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        with self._lock:
            info.index = next(self._index_iter)
            self._registry[self] = info

    def __call__(self, _=None):
        """If alive then mark as dead and return func(*args, **kwargs);
        otherwise return None."""
        with self._lock:
            info = self._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """If alive then mark as dead and return (obj, func, args, kwargs);
        otherwise return None."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            with self._lock:
                if self._registry.pop(self, None):
                    return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """If alive then return (obj, func, args, kwargs); otherwise
        return None."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether finalizer is alive."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether finalizer should be called at exit."""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__,
                                                 id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))
