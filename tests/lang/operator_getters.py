# operator.itemgetter, attrgetter, methodcaller
from operator import itemgetter, attrgetter, methodcaller


def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)


rows = [('b', 2, 'x'), ('a', 3, 'y'), ('c', 1, 'z'), ('a', 1, 'w')]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0, 1)))
print(itemgetter(1)('abc'), itemgetter(-1, 0)([1, 2, 3]), itemgetter('k')({'k': 5}),
      itemgetter(slice(1, None))([1, 2, 3]), list(map(itemgetter(0), rows)))
print(repr(itemgetter(1)), repr(itemgetter(1, 'a')), repr(attrgetter('a.b', 'c')),
      repr(attrgetter('x')), repr(methodcaller('f', 1, k=2)), repr(methodcaller('g')))


class A:
    def __init__(self, name, sub=None):
        self.name = name
        self.sub = sub

    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct


objs = [A('zed', A('in1')), A('amy', A('in2'))]
print([attrgetter('name')(o) for o in objs], attrgetter('sub.name')(objs[0]),
      attrgetter('name', 'sub.name')(objs[1]), sorted(objs, key=attrgetter('name'))[0].name)
print(methodcaller('greet', 'hi')(objs[0]), methodcaller('greet', 'yo', punct='?')(objs[1]),
      methodcaller('upper')('abc'), methodcaller('split', ',', 1)('a,b,c'))
e(lambda: itemgetter()); e(lambda: itemgetter(1)([1, 2], 3)); e(lambda: itemgetter(1)())
e(lambda: itemgetter(5)([1])); e(lambda: itemgetter('x')({}))
e(lambda: attrgetter(1)); e(lambda: attrgetter()); e(lambda: attrgetter('x')(1))
e(lambda: attrgetter('sub.nope')(objs[0])); e(lambda: attrgetter('a')())
e(lambda: methodcaller()); e(lambda: methodcaller(1)); e(lambda: methodcaller('nope')(1))
e(lambda: methodcaller('greet')(objs[0]))
e(lambda: itemgetter(0, k=1))
print(type(itemgetter(1)).__name__, type(attrgetter('a')).__name__, type(methodcaller('a')).__name__)
data = {'b': 2, 'a': 3, 'c': 1}
print(sorted(data.items(), key=itemgetter(1)), max(data.items(), key=itemgetter(1)))
