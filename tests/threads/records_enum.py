# dataclasses and enum from 4 threads at once: each thread defines its own
# dataclass (exec-generated methods), builds, compares, hashes and
# replaces instances of a shared frozen dataclass, and looks enum members
# up by value and name; Flag combinations are created for the first time
# concurrently. Every lookup must give the one singleton member, and the
# per-thread totals must match what one thread computes.
import threading
from dataclasses import dataclass, field, replace, asdict
from enum import Enum, IntEnum, Flag

THREADS = 4
ROUNDS = 1500


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


class Level(IntEnum):
    LOW = 10
    MID = 20
    HIGH = 30


class Perm(Flag):
    R = 1
    W = 2
    X = 4
    S = 8
    T = 16


@dataclass(frozen=True, order=True)
class Rec:
    key: int
    color: Color
    level: Level = Level.LOW
    tags: tuple = ()


members = {c.value: c for c in Color}
results = [None] * THREADS
identities = [None] * THREADS
start = threading.Barrier(THREADS)


def work(slot):
    @dataclass
    class Local:
        n: int
        items: list = field(default_factory=list)

    start.wait()
    same = 0
    total = 0
    recs = []
    flags = set()
    for i in range(ROUNDS):
        c = Color(i % 3 + 1)
        if c is members[i % 3 + 1] and Color[c.name] is c:
            same += 1
        lv = Level((i % 3 + 1) * 10)
        r = Rec(i, c, lv, (slot,))
        r2 = replace(r, key=i + 1)
        if r < r2 and r == Rec(i, c, lv, (slot,)) and hash(r) == hash(Rec(i, c, lv, (slot,))):
            total += r2.key + lv
        recs.append(r)
        p = Perm(i % 32)
        if p is Perm(i % 32):
            flags.add(p)
        loc = Local(i)
        loc.items.append(c)
        total += len(asdict(loc)['items'])
    recs.sort(reverse=True)
    results[slot] = (same, total, recs[0].key, len(flags))
    identities[slot] = [id(Perm(v)) for v in range(32)] + [id(Color(v)) for v in (1, 2, 3)]


threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for slot, r in enumerate(results):
    print(slot, r)
print('all same:', len(set(results)) == 1)
print('one member per value in every thread:', all(ids == identities[0] for ids in identities))
print('flag members:', len(Perm._value2member_map_), sorted(str(Perm(v)) for v in (3, 5, 31)))
