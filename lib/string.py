"""A collection of string constants and classes.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

Template placeholders are found by a small scanner rather than a regular
expression: a subclass may change `delimiter`, but not `pattern` or
`idpattern`.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---- Template -------------------------------------------------------------------

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits
_sentinel_dict = {}


class _ChainMap:
    """Keyword arguments first, then the mapping."""

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        if key in self._first:
            return self._first[key]
        return self._second[key]


def _identifier_end(s, i):
    """End of the ASCII identifier starting at s[i], or i if none does."""
    n = len(s)
    if i < n and s[i] in _ID_START:
        i += 1
        while i < n and s[i] in _ID_CHARS:
            i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yields (kind, text, start, end) for each part of the template:
        kind is 'text', 'escaped', 'named', 'braced' or 'invalid'; text is
        the literal text or the identifier; [start, end) its extent."""
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        pos = 0
        while True:
            i = s.find(delim, pos)
            if i < 0:
                if pos < len(s):
                    yield 'text', s[pos:], pos, len(s)
                return
            if i > pos:
                yield 'text', s[pos:i], pos, i
            j = i + dl
            if s.startswith(delim, j):
                yield 'escaped', delim, i, j + dl
                pos = j + dl
                continue
            end = _identifier_end(s, j)
            if end > j:
                yield 'named', s[j:end], i, end
                pos = end
                continue
            if s.startswith('{', j):
                end = _identifier_end(s, j + 1)
                if end > j + 1 and s.startswith('}', end):
                    yield 'braced', s[j + 1:end], i, end + 1
                    pos = end + 1
                    continue
            yield 'invalid', delim, i, j
            pos = j

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        for kind, text, start, end in self._scan():
            if kind == 'named' or kind == 'braced':
                out.append('%s' % (mapping[text],))
            elif kind == 'invalid':
                self._invalid(end)
            else:
                out.append(text)
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        for kind, text, start, end in self._scan():
            if kind == 'named' or kind == 'braced':
                try:
                    out.append('%s' % (mapping[text],))
                except KeyError:
                    out.append(self.template[start:end])
            else:
                out.append(text)
        return ''.join(out)

    def is_valid(self):
        for kind, text, start, end in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, text, start, end in self._scan():
            if (kind == 'named' or kind == 'braced') and text not in ids:
                ids.append(text)
        return ids


# ---- Formatter --------------------------------------------------------------------

def _parse_format(s):
    """The (literal_text, field_name, format_spec, conversion) tuples of a
    format string, as str.format reads it."""
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == '{' or c == '}':
            if i + 1 < n and s[i + 1] == c:
                # a doubled brace: the text so far plus one brace
                literal.append(c)
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            if c == '}':
                raise ValueError("Single '}' encountered in format string")
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            # find the matching close brace; braces nest in the spec
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                if s.find('}', i) < 0 and depth == 1:
                    raise ValueError("expected '}' before end of string")
                raise ValueError("unmatched '{' in format spec")
            field = s[i + 1:j]
            yield (''.join(literal),) + _split_field(field)
            literal = []
            i = j + 1
            continue
        literal.append(c)
        i += 1
    if literal:
        yield ''.join(literal), None, None, None


def _split_field(field):
    """(name, format_spec, conversion) of the text between braces."""
    k = 0
    n = len(field)
    in_index = False
    while k < n:
        c = field[k]
        if c == '[':
            in_index = True
        elif c == ']':
            in_index = False
        elif not in_index and (c == '!' or c == ':'):
            break
        k += 1
    name = field[:k]
    conversion = None
    spec = ''
    if k < n and field[k] == '!':
        if k + 1 >= n:
            raise ValueError('end of string while looking for conversion '
                             'specifier')
        conversion = field[k + 1]
        k += 2
        if k < n and field[k] != ':':
            raise ValueError("expected ':' after conversion specifier")
    if k < n:
        spec = field[k + 1:]
    return name, spec, conversion


def _split_field_name(name):
    """first, [(is_attr, key), ...] of a field name such as a.b[0]."""
    n = len(name)
    k = 0
    while k < n and name[k] not in '.[':
        k += 1
    first = name[:k]
    if first.isdigit():
        first = int(first)
    rest = []
    while k < n:
        if name[k] == '.':
            j = k + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[k + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            k = j
        elif name[k] == '[':
            j = name.find(']', k)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[k + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            k = j + 1
            if k < n and name[k] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                                 'format field specifier')
        else:
            raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                             'format field specifier')
    return first, rest


class Formatter:
    """str.format as a class whose steps a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        return list(_parse_format(format_string))

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
