# random: getstate/setstate round trips (with the cached gauss value),
# independent instances, subclasses that override random() or
# getrandbits(), SystemRandom, and the _random base type.
import random
import _random


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


r1 = random.Random(42)
st = r1.getstate()
print(st[0], len(st[1]), st[1][:3], st[1][-1], st[2], type(st[1]).__name__)
a = [r1.random() for i in range(700)]   # crosses a regeneration
r1.setstate(st)
print(a == [r1.random() for i in range(700)])
r2 = random.Random()
r2.setstate(r1.getstate())
print([r1.random() for i in range(3)] == [r2.random() for i in range(3)])
print(r1.getstate() == r2.getstate())

# The gauss cache is part of the state.
r1.gauss()
st = r1.getstate()
print(type(st[2]).__name__)
g = r1.gauss()
r1.setstate(st)
print(g == r1.gauss(), r1.getstate()[2])
r1.seed(5)
print(r1.getstate()[2], r1.gauss_next)

# Module state round trip.
random.seed(2)
st = random.getstate()
x = [random.random(), random.randint(0, 9), random.gauss()]
random.setstate(st)
print(x == [random.random(), random.randint(0, 9), random.gauss()])

# setstate errors and odd-but-valid states.
R = random.Random(0)
t(R.setstate, (1, 2, 3))
t(R.setstate, (3, (1,) * 625))
t(R.setstate, 5)
t(R.setstate, (4, (1,) * 625, None))
t(R.setstate, (3, [1] * 625, None))
t(R.setstate, (3, (1,) * 624, None))
t(R.setstate, (3, (1,) * 624 + (625,), None))
t(R.setstate, (3, (1,) * 624 + (-1,), None))
t(R.setstate, (3, (-1,) + (1,) * 624, None))
t(R.setstate, (3, (2**64,) + (1,) * 624, None))
t(R.setstate, (3, (1.5,) + (1,) * 624, None))
t(R.setstate, (3, (1,) * 624 + (1.0,), None))
t(R.setstate, (3, (1,) * 624 + (2**70,), None))
t(R.setstate, (3, (1,) * 624 + (True,), None))
t(R.setstate, (3, (1,) * 625, None))
t(R.random)
t(R.setstate, (3, (2**32 + 7,) + (1,) * 623 + (624,), 1.25))
t(R.random)
t(R.gauss)
t(lambda: R.getstate()[1][0])
t(R.setstate, (2, tuple(range(-300, 325)), None))
t(R.random)
t(lambda: R.getstate()[1][:2])

# Instances do not share state.
a, b = random.Random(3), random.Random(3)
a.random()
print(a.random() != b.random(), b.random() == random.Random(3).random() or True)
print(isinstance(a, _random.Random), random.Random.__mro__[1] is _random.Random)
print(random.Random.__reduce__(a)[0] is random.Random,
      random.Random.__reduce__(a)[1], random.Random.__reduce__(a)[2][0])
c = random.Random()
c.__setstate__(a.__getstate__())
print(c.random() == a.random())


class OnlyRandom(random.Random):
    def random(self):
        return 0.37


m = OnlyRandom(5)
t(m.randrange, 10)
t(m.choice, 'abcdef')
t(m.randrange, 2**60)
t(m.sample, range(10), 3)
t(m._randbelow, 7)
t(m.uniform, 0, 10)
print(OnlyRandom._randbelow is random.Random._randbelow_without_getrandbits)


class Counter(random.Random):
    """random() from a counter: _randbelow rejects values past the limit."""
    def __init__(self):
        self.i = 0
        super().__init__(0)

    def random(self):
        self.i += 1
        return (self.i * 0.618033988749895) % 1.0


c = Counter()
print([c.randrange(7) for i in range(20)])
print([c._randbelow(3) for i in range(20)])


class OnlyBits(random.Random):
    def getrandbits(self, k):
        return (2**k - 1) // 3


t(OnlyBits(1).randrange, 100)
t(OnlyBits(1).choice, 'abcdef')
print(OnlyBits._randbelow is random.Random._randbelow_with_getrandbits)


class Both(random.Random):
    def random(self):
        return 0.5

    def getrandbits(self, k):
        return 1


t(Both().randrange, 100)


class Sub(random.Random):
    pass


s = Sub(8)
print(s.random() == random.Random(8).random(), Sub._randbelow is
      random.Random._randbelow)

# SystemRandom: the OS's entropy, no state.
s = random.SystemRandom()
t(lambda: 0 <= s.random() < 1)
t(lambda: 0 <= s.getrandbits(10) < 1024)
t(lambda: s.getrandbits(100).bit_length() <= 100)
t(lambda: len(s.randbytes(9)))
t(s.seed, 5)
t(s.getstate)
t(s.setstate, None)
t(lambda: 0 <= s.randrange(5) < 5)
t(lambda: sorted(s.sample(range(5), 5)))
t(s.getrandbits, -1)
t(s.getrandbits, 0)
t(lambda: -10 <= s.uniform(-10, 10) <= 10)
t(lambda: s.choice([7]))

# The C base type on its own.
b = _random.Random(3)
print(b.random() == random.Random(3).random())
print(_random.Random(-1.5).random() ==
      _random.Random(2**64 - 1152921504606846977).random())
print(_random.Random(0).getstate()[:3], len(_random.Random(0).getstate()))
z = _random.Random.__new__(_random.Random)
print(z.getstate()[-1], z.getstate()[0], z.getrandbits(8))
print(b.seed(), b.seed(4), b.random() == random.Random(4).random())
print(_random.Random.random.__doc__)
print(_random.Random.getrandbits.__doc__)
print(_random.Random.__doc__)
print(sorted(random.__all__))
print(random.NV_MAGICCONST, random.SG_MAGICCONST, random.LOG4, random.TWOPI,
      random.BPF, random.RECIP_BPF)
