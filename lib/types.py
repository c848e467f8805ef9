"""Names for the built-in types that are not directly accessible as
builtins, plus helpers for creating classes dynamically (new_class,
prepare_class, resolve_bases), SimpleNamespace, MappingProxyType,
DynamicClassAttribute and GenericAlias.
"""

import sys

__all__ = ['FunctionType', 'LambdaType', 'CodeType', 'MethodType',
           'BuiltinFunctionType', 'BuiltinMethodType', 'GeneratorType',
           'ModuleType', 'SimpleNamespace', 'MappingProxyType', 'NoneType',
           'NotImplementedType', 'EllipsisType', 'CellType', 'FrameType',
           'TracebackType', 'WrapperDescriptorType', 'MethodWrapperType',
           'MethodDescriptorType', 'ClassMethodDescriptorType',
           'GetSetDescriptorType', 'MemberDescriptorType', 'GenericAlias',
           'DynamicClassAttribute', 'new_class', 'prepare_class',
           'resolve_bases']


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _cell_factory():
    a = 1

    def f():
        return a
    return f.__closure__[0]


CellType = type(_cell_factory())


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
GetSetDescriptorType = type(FunctionType.__dict__['__name__'])
MemberDescriptorType = GetSetDescriptorType
FrameType = type(sys._getframe())
try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    del _e

del _f, _g, _C, _cell_factory


# ---- class creation ---------------------------------------------------------

def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    """Calculate the most derived metaclass."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) as a 3-tuple.
    """
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


# ---- SimpleNamespace ---------------------------------------------------------

_repr_running = set()


class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)
    """

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = ("namespace" if type(self) is SimpleNamespace
                else type(self).__name__)
        key = id(self)
        if key in _repr_running:
            return name + "(...)"
        _repr_running.add(key)
        try:
            items = ("{}={!r}".format(k, v) for k, v in self.__dict__.items())
            return "{}({})".format(name, ", ".join(items))
        finally:
            _repr_running.discard(key)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and \
                isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)


# ---- MappingProxyType ------------------------------------------------------------

class MappingProxyType:
    """A read-only proxy of a mapping."""

    __slots__ = ('_mapping_get',)

    def __new__(cls, mapping):
        if not hasattr(mapping, '__getitem__') or \
                not hasattr(mapping, 'keys') or \
                isinstance(mapping, (list, tuple)):
            raise TypeError("mappingproxy() argument must be a mapping, not "
                            + type(mapping).__name__)
        self = object.__new__(cls)
        # The mapping hides in a closure so the proxy gives no way to
        # reach and change it.
        object.__setattr__(self, '_mapping_get', lambda: mapping)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object attribute '%s' is "
                             "read-only" % name)

    def __getitem__(self, key):
        return self._mapping_get()[key]

    def __contains__(self, key):
        return key in self._mapping_get()

    def __iter__(self):
        return iter(self._mapping_get())

    def __len__(self):
        return len(self._mapping_get())

    def __reversed__(self):
        return reversed(self._mapping_get())

    def get(self, key, default=None):
        return self._mapping_get().get(key, default)

    def keys(self):
        return self._mapping_get().keys()

    def values(self):
        return self._mapping_get().values()

    def items(self):
        return self._mapping_get().items()

    def copy(self):
        return self._mapping_get().copy()

    def __eq__(self, other):
        return self._mapping_get() == other

    def __or__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping_get()
        return self._mapping_get() | other

    def __ror__(self, other):
        return other | self._mapping_get()

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' "
                        "instead")

    __hash__ = None

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping_get(),)

    def __str__(self):
        return str(self._mapping_get())


MappingProxyType.__name__ = MappingProxyType.__qualname__ = 'mappingproxy'


# ---- DynamicClassAttribute ---------------------------------------------------

class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    This is a descriptor, used to define attributes that act differently
    when accessed through an instance and through a class: instance access
    is normal, class access raises AttributeError, so the metaclass's
    __getattr__ is consulted (enum's name and value).
    """

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(
            getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


# ---- GenericAlias ------------------------------------------------------------

def _type_repr(obj):
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, FunctionType):
        return obj.__name__
    return repr(obj)


def _collect_parameters(args):
    params = []
    for a in args:
        if hasattr(a, '__typing_subst__'):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


class GenericAlias:
    """Represent a PEP 585 generic type: list[int] is
    GenericAlias(list, (int,))."""

    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _collect_parameters(args))

    def __repr__(self):
        if len(self.__args__) == 0:
            args = '()'
        else:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{_type_repr(self.__origin__)}[{args}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f"{self!r} is not a generic class")
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'}"
                            f" arguments for {self!r}; actual {len(items)}, "
                            f"expected {len(params)}")
        subst = dict(zip(params, items))
        new_args = []
        for a in self.__args__:
            if a in subst:
                new_args.append(subst[a])
            elif getattr(a, '__parameters__', ()):
                new_args.append(a[tuple(subst[p] for p in a.__parameters__)])
            else:
                new_args.append(a)
        return GenericAlias(self.__origin__, tuple(new_args))

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized "
                        "generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized "
                        "generic")

    def __or__(self, other):
        import typing
        return typing.Union[self, other]

    def __ror__(self, other):
        import typing
        return typing.Union[other, self]

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) |
                      {'__origin__', '__args__', '__parameters__'})


# ---- UnionType (int | str) ----------------------------------------------------

def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType))


def _union_args(obj):
    if isinstance(obj, UnionType):
        return obj.__args__
    return (NoneType if obj is None else obj,)


class UnionType:
    """The type of X | Y (PEP 604): isinstance(x, int | str) works."""

    __slots__ = ('__args__',)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    @property
    def __parameters__(self):
        return _collect_parameters(self.__args__)

    def __repr__(self):
        return ' | '.join('None' if a is NoneType else _type_repr(a)
                          for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _type_or(self, other)

    def __ror__(self, other):
        return _type_or(other, self)

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a "
                                "parameterized generic")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a "
                                "parameterized generic")
        return issubclass(cls, self.__args__)


def _type_or(a, b):
    """a | b for types (type.__or__ / __ror__ call this)."""
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in _union_args(a) + _union_args(b):
        if x not in args:
            args.append(x)
    if len(args) == 1:
        return args[0]
    u = object.__new__(UnionType)
    object.__setattr__(u, '__args__', tuple(args))
    return u


GenericAlias.__or__ = _type_or
GenericAlias.__ror__ = lambda self, other: _type_or(other, self)
__all__.append('UnionType')
