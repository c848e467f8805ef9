"""A read-only view of a mapping, for modules that hand out one
(dataclasses.Field.metadata, enum's __members__).

ftpy's type.__dict__ is a plain dict rather than CPython's mappingproxy, so
this module supplies the type; where the runtime has its own, that one is
used instead.
"""

__all__ = ['mappingproxy']


class _MappingProxy:
    """mappingproxy(mapping): reads go to mapping, writes are refused."""
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__'):
            raise TypeError('mappingproxy() argument must be a mapping, not '
                            + type(mapping).__name__)
        object.__setattr__(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute "
                             f"'{name}'")

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    __hash__ = None

    def __or__(self, other):
        if isinstance(other, _MappingProxy):
            other = other._mapping
        return dict(self._mapping) | other

    def __ror__(self, other):
        return other | dict(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)


_MappingProxy.__name__ = _MappingProxy.__qualname__ = 'mappingproxy'
_MappingProxy.__module__ = 'builtins'

if type(type.__dict__) is dict:
    mappingproxy = _MappingProxy
else:
    mappingproxy = type(type.__dict__)
