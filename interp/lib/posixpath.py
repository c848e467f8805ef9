"""Common operations on POSIX pathnames (os.path).

The same functions and results as CPython's posixpath for str paths:
pure string functions (join, split, basename, dirname, splitext,
normpath, isabs, abspath) and queries of the file system (exists,
isfile, isdir, islink, getsize, getmtime).
"""
import posix

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _check(funcname, *args):
    for a in args:
        if not isinstance(a, str):
            raise TypeError(f"{funcname}() argument must be str, bytes, or "
                            f"os.PathLike object, not '{type(a).__name__}'")


def isabs(s):
    """Test whether a path is absolute."""
    _check('isabs', s)
    return s.startswith('/')


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    A component that is an absolute path discards all before it."""
    _check('join', a, *p)
    path = a
    for b in p:
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    """Split a pathname into (head, tail): tail is everything after the
    final slash. Either part may be empty."""
    _check('split', p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    """Split the extension from a pathname: (root, ext), where ext is
    empty or begins with a period and contains at most one period.
    Leading periods of the last component are not an extension."""
    _check('splitext', p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i] != '.':
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def basename(p):
    """Return the final component of a pathname."""
    _check('basename', p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    """Return the directory component of a pathname."""
    _check('dirname', p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    """Normalize a path: collapse redundant separators and '.' parts,
    resolve 'a/..' without looking at the file system."""
    _check('normpath', path)
    if not path:
        return '.'
    initial_slashes = 0
    if path.startswith('/'):
        initial_slashes = 2 if path.startswith('//') and \
            not path.startswith('///') else 1
    new_comps = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or \
                (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    """Return an absolute, normalized version of a path."""
    _check('abspath', path)
    if not isabs(path):
        path = join(posix.getcwd(), path)
    return normpath(path)


def expanduser(path):
    """Expand ~ at the start of a path to the HOME directory (~user is
    left as it is)."""
    _check('expanduser', path)
    if not path.startswith('~'):
        return path
    i = path.find('/', 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    home = posix.environ.get('HOME')
    if home is None:
        return path
    home = home.rstrip('/')
    return (home + path[i:]) or '/'


def _mode(path, follow=True):
    try:
        st = posix.stat(path) if follow else posix.lstat(path)
    except (OSError, ValueError):
        return None
    return st[0]


def exists(path):
    """Test whether a path exists (False for a broken symbolic link)."""
    return _mode(path) is not None


def lexists(path):
    """Test whether a path exists, broken symbolic links included."""
    return _mode(path, False) is not None


def isfile(path):
    """Test whether a path is a regular file."""
    m = _mode(path)
    return m is not None and m & _S_IFMT == _S_IFREG


def isdir(s):
    """Return True if the pathname refers to an existing directory."""
    m = _mode(s)
    return m is not None and m & _S_IFMT == _S_IFDIR


def islink(path):
    """Test whether a path is a symbolic link."""
    m = _mode(path, False)
    return m is not None and m & _S_IFMT == _S_IFLNK


def getsize(filename):
    """Return the size of a file, reported by os.stat()."""
    return posix.stat(filename)[6]


def getmtime(filename):
    """Return the last modification time of a file, reported by os.stat()."""
    return posix.stat(filename)[11]
