# enum: Flag and IntFlag combinations, pseudo members, boundaries.
# refs: cycles -- enum's StrEnum and IntEnum members are str and int
# subclass instances, which the cycle collector does not track yet.
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6


class Color(Flag):
    NONE = 0
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Perm), list(Color), len(Color))
print(Perm.__members__)
for v in [Perm.R | Perm.W, Perm.R | Perm.X, Perm.R & Perm.W, Perm.RW ^ Perm.R, ~Perm.R, ~Perm.RW,
          Perm(7), Perm(0), Perm(6), Color(0), Color.WHITE, Color.RED | Color.BLUE, ~Color.WHITE]:
    print(repr(v), str(v), format(v), bool(v), len(v), list(v))
print(Perm.R in Perm.RW, Perm.X in Perm.RW, Perm.R | Perm.W is Perm.RW, (Perm.R | Perm.X) is Perm(5))
print(Perm(5) is Perm(5), Color.RED.value, Color.BLUE.name, Color.WHITE.value)
print(Perm.R == Perm.R, Perm.R != Perm.W, Perm.R == 4)


class IP(IntFlag):
    R = 4
    W = 2
    X = 1


for v in [IP.R | IP.W, IP.R | 8, IP(9), IP(0), ~IP.R, ~IP(0), IP(-1), IP.R | 1, 1 | IP.R, IP.W & 3, IP.W ^ IP.W]:
    print(repr(v), str(v), format(v), int(v), type(v).__name__)
print(IP.R + 1, IP.R * 2, IP.R == 4, IP.R < 5, hash(IP.R) == hash(4), f'{IP.R:#x}', type(IP.R + 1).__name__)
print(IP.R in IP(6), list(IP(7)), IP(7) is IP(7))


class Big(IntFlag):
    A = auto()
    B = auto()
    C = auto()
    D = auto()


print(list(Big), Big(15), repr(Big.A | Big.D))
