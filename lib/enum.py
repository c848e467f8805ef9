"""Enumerations: classes whose attributes are a fixed set of named,
singleton members.

    class Color(Enum):
        RED = 1
        GREEN = auto()

Enum, IntEnum, StrEnum, Flag and IntFlag follow CPython 3.11's documented
behaviour (reprs, str() and format() of the mixed-in types, the errors and
their messages). The metaclass records the member definitions through the
namespace its __prepare__ returns, then turns them into instances of the
new class once it exists. Lookups are reads of dicts that never change
after the class is made, so they are safe from many threads; the pseudo
members of Flag combinations are cached with dict.setdefault, so every
thread gets the same one.
"""

import sys
from _mappingproxy import mappingproxy as _mappingproxy

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'property', 'member',
           'nonmember', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP']

_builtin_property = property


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    prefix = '_%s__' % cls_name.lstrip('_')
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not name.endswith('__'))


def _is_single_bit(num):
    return num != 0 and (num & (num - 1)) == 0


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Stands for a member value chosen by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces value to become a member, even a function."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps value a plain class attribute, not a member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """The `name` and `value` of members. On the class itself it finds a
    member of that name, so an enum may have a member called `name`."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self.name = None
        self.clsname = None

    def __set_name__(self, owner, name):
        self.name = name
        self.clsname = owner.__name__

    def __set__(self, instance, value):
        raise AttributeError('<enum %r> cannot set attribute %r'
                             % (self.clsname, self.name))

    def __delete__(self, instance):
        raise AttributeError('<enum %r> cannot delete attribute %r'
                             % (self.clsname, self.name))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            member_map = ownerclass.__dict__.get('_member_map_', {})
            if self.name in member_map:
                return member_map[self.name]
            raise AttributeError('%r has no attribute %r'
                                 % (ownerclass, self.name))
        return self.fget(instance)


class _EnumDict(dict):
    """The class-body namespace: records member names in definition order
    and computes auto() values."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass
        elif _is_sunder(key):
            if key not in ('_order_', '_generate_next_value_', '_missing_',
                           '_ignore_', '_iter_member_', '_numeric_repr_',
                           '_value_repr_',
                           '_iter_member_by_value_', '_iter_member_by_def_'):
                raise ValueError('_sunder_ names, such as %r, are reserved '
                                 'for future Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError('_generate_next_value_ must be defined '
                                    'before members')
                self._generate_next_value = getattr(value, '__func__', value)
            elif key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                else:
                    value = list(value)
                self._ignore = value
                already = set(value) & set(self._member_names)
                if already:
                    raise ValueError('_ignore_ cannot specify already set '
                                     'names: %r' % (already,))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif (not isinstance(value, member)
              and (isinstance(value, _builtin_property)
                   or _is_descriptor(value))):
            pass
        else:
            if isinstance(value, member):
                value = value.value
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = self._generate_next_value(
                        key, 1, len(self._member_names),
                        self._last_values[:])
                    self._auto_called = True
                value = value.value
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """The metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict._generate_next_value = getattr(
                first_enum, '_generate_next_value_', None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None,
                _simple=False, **kwds):
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        ns = dict(classdict)
        for key in list(ignore) + ['_ignore_']:
            ns.pop(key, None)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        member_names = list(getattr(classdict, '_member_names', ()))
        members = [(name, ns.pop(name)) for name in member_names]
        invalid = set(member_names) & {'mro', ''}
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % ', '.join(repr(n) for n in sorted(invalid)))
        # A __new__ in the body makes the members; the class itself gets
        # Enum's, which looks members up.
        # (Enum's own __new__ is the lookup, not a member maker.)
        new_member = ns.pop('__new__', None) if bases else None
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        if new_member is None:
            new_member = getattr(first_enum, '_custom_new_', None)
        ns['_custom_new_'] = new_member
        use_args = True
        if new_member is None:
            if member_type is object:
                new_member = object.__new__
                use_args = False
            else:
                new_member = member_type.__new__
        ns['_new_member_'] = new_member
        ns['_use_args_'] = use_args
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_unhashable_values_'] = []
        ns['_member_type_'] = member_type
        if '__doc__' not in ns:
            ns['__doc__'] = None
        order = ns.pop('_order_', None)

        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        if Flag is not None and issubclass(enum_class, Flag):
            enum_class._boundary_ = (boundary
                                     or getattr(first_enum, '_boundary_',
                                                None)
                                     or STRICT)
        if Enum is not None:
            # Calls look members up, even when the data type's __new__
            # comes first in the MRO.
            type.__setattr__(enum_class, '__new__',
                             staticmethod(Enum.__dict__['__new__'].__func__
                                          if isinstance(
                                              Enum.__dict__['__new__'],
                                              staticmethod)
                                          else Enum.__dict__['__new__']))
        for name, value in members:
            enum_class._add_member_(name, value)

        if Flag is not None and issubclass(enum_class, Flag):
            mask = 0
            for member in enum_class._member_map_.values():
                mask |= member._value_
            enum_class._flag_mask_ = mask
            enum_class._all_bits_ = 2 ** mask.bit_length() - 1

        # Enum's repr, str and format win over the data type's, which
        # come first in the MRO.
        if member_type is not object:
            for name in ('__repr__', '__str__', '__format__',
                         '__reduce_ex__'):
                if name in ns:
                    continue
                enum_method = getattr(first_enum, name)
                found = getattr(enum_class, name)
                if found is getattr(member_type, name, None):
                    type.__setattr__(enum_class, name, enum_method)

        # ReprEnum mixes leave str() and format() to the data type.
        if (ReprEnum is not None and ReprEnum in enum_class.__mro__
                and member_type is not object):
            if '__format__' not in ns:
                type.__setattr__(enum_class, '__format__',
                                 member_type.__format__)
            if '__str__' not in ns:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)

        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n'
                                '  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def _add_member_(cls, name, value):
        if not isinstance(value, tuple):
            args = (value,)
        else:
            args = value
        if cls._member_type_ is tuple:
            args = (args,)
        if not cls._use_args_:
            member = cls._new_member_(cls)
        else:
            member = cls._new_member_(cls, *args)
        if not hasattr(member, '_value_'):
            if cls._member_type_ is object:
                member._value_ = value
            else:
                try:
                    member._value_ = cls._member_type_(*args)
                except Exception:
                    member._value_ = value
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*args)
        member._sort_order_ = len(cls._member_names_)
        # An equal value already defined makes this name an alias.
        existing = None
        try:
            existing = cls._value2member_map_.get(value)
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
        if existing is None:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
        if existing is not None:
            member = existing
        elif cls._is_canonical(value):
            cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(value, member)
        except TypeError:
            cls._unhashable_values_.append(value)
        # `name` and `value` stay reachable on members through the
        # enum.property descriptors; other names become class attributes.
        found = None
        for base in cls.__mro__[1:]:
            if name in base.__dict__:
                found = base.__dict__[name]
                break
        if not isinstance(found, property):
            type.__setattr__(cls, name, member)

    def _is_canonical(cls, value):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """Color(1) looks a member up by value; Enum('Color', 'RED GREEN')
        creates an enumeration."""
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(
                names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(
                    name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict,
                               boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (__builtins__['type'](member).__qualname__
                   if isinstance(__builtins__, dict)
                   else member.__class__.__qualname__,
                   cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.'
                                 % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getattr__(cls, name):
        if _is_dunder(name) or _is_sunder(name):
            raise AttributeError(name)
        try:
            return cls.__dict__['_member_map_'][name]
        except KeyError:
            raise AttributeError(name)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name]
                for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        """All member names, aliases included, mapped to their members."""
        return _mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__',
                 '__init_subclass__', '__iter__', '__len__', '__members__',
                 '__module__', '__name__', '__qualname__'}
        names.update(cls._member_names_)
        return sorted(names)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if (isinstance(base, EnumType)
                        and base.__dict__.get('_member_names_')):
                    raise TypeError('<enum %r> cannot extend %r'
                                    % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        """(data type of the members, the Enum base) for these bases."""
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] '
                            'enum_type)`')
        member_type = mcls._find_data_type_(class_name, bases)
        return member_type, first_enum

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        data_types = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.append(base._member_type_)
                        break
                    continue
                if '__new__' in base.__dict__ or '__dataclass_fields__' in \
                        base.__dict__ or base.__module__ == 'builtins':
                    data_types.append(candidate or base)
                    break
                candidate = candidate or base
        uniq = []
        for t in data_types:
            if t not in uniq:
                uniq.append(t)
        if len(uniq) > 1:
            raise TypeError('too many data types for %r: %r'
                            % (class_name, uniq))
        return uniq[0] if uniq else object


EnumMeta = EnumType

# Set once the classes exist; the metaclass tests for them.
Enum = ReprEnum = Flag = None


class Enum(metaclass=EnumType):
    """Base class of enumerations: subclass it and list members as class
    attributes."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        ve_exc = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        exc = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and result is not None:
            return result
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of '
                            'None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """The value auto() gives: one more than the last value, or
        start."""
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_,
                                v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__',
                 'name', 'value'}
        for cls in type(self).__mro__:
            if cls is Enum or cls is object:
                break
            for name, obj in cls.__dict__.items():
                if not name.startswith('_') and name not in \
                        cls.__dict__.get('_member_map_', ()):
                    names.add(name)
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_

    _value_repr_ = None


class ReprEnum(Enum):
    """An enum whose str() and format() are those of its data type; only
    repr() shows the member."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""
    _value_repr_ = int.__repr__


class StrEnum(str, ReprEnum):
    """Enum whose members are also strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() gives the lower-cased member name."""
        return name.lower()


class FlagBoundary(StrEnum):
    """What Flag does with a value that has bits no member has."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with |, & , ^ and ~."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() gives the next power of two."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        """Makes (and caches) the pseudo member for a combination."""
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s'
                             % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        if value < 0:
            value &= flag_mask
        unknown = value & ~flag_mask
        if unknown:
            if cls._boundary_ is STRICT:
                bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                    '%r invalid value %r\n    given %s\n  allowed %s'
                    % (cls, value, _bin(value, bits), _bin(flag_mask, bits)))
            if cls._boundary_ is CONFORM:
                value &= flag_mask
                unknown = 0
            elif cls._boundary_ is EJECT:
                return value
        known = value & flag_mask
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        if known or unknown:
            names = [m._name_ for m in cls._iter_bits(known)]
            if unknown:
                names.append(cls._numeric_repr_(unknown))
            pseudo._name_ = '|'.join(names)
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_bits(cls, value):
        # Canonical members in definition order.
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ and member._value_ & value == member._value_:
                yield member

    @classmethod
    def _is_canonical(cls, value):
        return isinstance(value, int) and _is_single_bit(value)

    _numeric_repr_ = repr

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return self.__class__._iter_bits(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(
                other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._other_value(other)
        if value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _bin(num, bits):
    digits = bin(num)[2:].rjust(bits, '0')
    return '0b0 ' + digits


Flag._boundary_ = STRICT


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints."""
    _value_repr_ = int.__repr__
    # Flag's operators, not int's, which come first in the MRO.
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """Class decorator: refuse an enumeration that has aliases."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name)
                                  for (alias, name) in duplicates)
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, alias_details))
    return enumeration
