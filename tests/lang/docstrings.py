"""Module docstring: tests docstrings.

It spans several lines.
"""


def documented(a):
    """Return a doubled."""
    return a * 2


def undocumented():
    return 1


def single_quoted():
    'single-quoted docstring'
    pass


class Thing:
    """A thing with a docstring."""

    def method(self):
        """Method docstring."""
        return "m"


class Plain:
    x = 1


print(__doc__)
print(documented.__doc__)
print(documented(21))
print(undocumented.__doc__)
print(single_quoted.__doc__)
print(Thing.__doc__)
print(Thing.method.__doc__)
print(Thing().method.__doc__)
print(Plain.__doc__)
print(documented.__name__, Thing.__name__, Thing.method.__name__)


def not_a_doc():
    x = 1
    "this string is not a docstring"
    return x


print(not_a_doc.__doc__, not_a_doc())
