"""records.py -- a record-processing job built on dataclasses and enum.

Builds SIZE order records (a frozen, ordered dataclass holding an enum
status and a nested dataclass), then works on them the way report code
does: sorts them by their generated __lt__ and by key functions, groups
them by status in dicts, deduplicates through their generated __hash__,
rewrites some with dataclasses.replace(), turns some into dicts with
asdict(), and compares pairs with the generated __eq__. The same pass runs
on plain tuples, for comparison. What it exercises: calls of exec-built
__init__/__eq__/__lt__/__hash__, attribute access, tuple comparison and
hashing, list.sort with keys, enum lookups by value.

A third pass runs the tuple job on collections.namedtuple rows, read by
field name.

Usage:
    records.py [SIZE]

SIZE (a positive integer, default 10000) is the number of records.

Output: result lines with checksums, identical under CPython and ftpy
(nothing depends on str hashing), then the wall time of the work:
    time: SECONDS
Exit status 2 on bad arguments.
"""

import sys
import time
from collections import namedtuple
from dataclasses import dataclass, field, replace, asdict, astuple
from enum import Enum, IntEnum

DEFAULT_SIZE = 10000


class Status(Enum):
    NEW = 1
    PAID = 2
    SHIPPED = 3
    RETURNED = 4


class Priority(IntEnum):
    LOW = 1
    NORMAL = 2
    HIGH = 3


@dataclass(frozen=True, order=True)
class Money:
    units: int
    cents: int = 0

    def total(self):
        return self.units * 100 + self.cents


@dataclass(frozen=True, order=True)
class Order:
    customer: int
    key: int
    amount: Money
    status: Status = field(compare=False)
    priority: Priority = Priority.NORMAL
    tags: tuple = ()


@dataclass
class Summary:
    count: int = 0
    cents: int = 0
    keys: list = field(default_factory=list)


def lcg(seed):
    """A small linear congruential generator: the same numbers anywhere."""
    state = seed
    while True:
        state = (state * 1103515245 + 12345) & 0x7fffffff
        yield state


def make_orders(size):
    rnd = lcg(42)
    orders = []
    for key in range(size):
        r = next(rnd)
        orders.append(Order(customer=r % 997,
                            key=key,
                            amount=Money(r % 5000, (r >> 8) % 100),
                            status=Status(r % 4 + 1),
                            priority=Priority((r >> 4) % 3 + 1),
                            tags=('bulk',) if r % 7 == 0 else ()))
    return orders


def record_pass(orders):
    """The job on dataclass records; returns a list of checksums."""
    sums = []
    ordered = sorted(orders)
    sums.append(sum(o.key * (i % 101) for i, o in enumerate(ordered)) % 1000000007)
    by_amount = sorted(orders, key=lambda o: (o.amount, -o.key))
    sums.append(by_amount[0].key + by_amount[-1].key * 7)

    groups = {}
    for o in orders:
        s = groups.get(o.status)
        if s is None:
            s = groups[o.status] = Summary()
        s.count += 1
        s.cents += o.amount.total()
        if o.priority >= Priority.HIGH:
            s.keys.append(o.key)
    for status in Status:
        s = groups[status]
        sums.append(s.count * 31 + s.cents % 100003 + len(s.keys))

    # Deduplicate on everything but the key: hash and eq of the records.
    stripped = {replace(o, key=0) for o in orders if o.customer < 50}
    sums.append(len(stripped))

    shipped = [replace(o, status=Status.SHIPPED, tags=o.tags + ('moved',))
               if o.status is Status.PAID else o for o in orders]
    sums.append(sum(1 for a, b in zip(orders, shipped) if a == b))
    sums.append(sum(o.status.value for o in shipped))

    dicts = [asdict(o) for o in orders[::50]]
    sums.append(sum(d['amount']['units'] + d['customer'] for d in dicts))
    sums.append(sum(len(astuple(o)) for o in orders[::50]))
    return sums


def tuple_pass(orders):
    """The same job on plain tuples (customer, key, units, cents, status,
    priority, tags)."""
    rows = [(o.customer, o.key, o.amount.units, o.amount.cents,
             o.status.value, int(o.priority), o.tags) for o in orders]
    sums = []
    ordered = sorted(rows, key=lambda r: r[:4] + (r[5], r[6]))
    sums.append(sum(r[1] * (i % 101) for i, r in enumerate(ordered)) % 1000000007)
    groups = {}
    for r in rows:
        g = groups.setdefault(r[4], [0, 0])
        g[0] += 1
        g[1] += r[2] * 100 + r[3]
    sums.append(sum(c * 31 + cents % 100003 for c, cents in groups.values()))
    stripped = {r[:1] + (0,) + r[2:] for r in rows if r[0] < 50}
    sums.append(len(stripped))
    return sums


Row = namedtuple('Row', 'customer key units cents status priority tags')


def namedtuple_pass(orders):
    """The tuple job again, on namedtuple rows read by field name."""
    rows = [Row(o.customer, o.key, o.amount.units, o.amount.cents,
                o.status.value, int(o.priority), o.tags) for o in orders]
    sums = []
    ordered = sorted(rows, key=lambda r: (r.customer, r.key, r.units,
                                          r.cents, r.priority, r.tags))
    sums.append(sum(r.key * (i % 101) for i, r in enumerate(ordered)) % 1000000007)
    groups = {}
    for r in rows:
        g = groups.setdefault(r.status, [0, 0])
        g[0] += 1
        g[1] += r.units * 100 + r.cents
    sums.append(sum(c * 31 + cents % 100003 for c, cents in groups.values()))
    stripped = {r._replace(key=0) for r in rows if r.customer < 50}
    sums.append(len(stripped))
    return sums


def main(argv):
    size = DEFAULT_SIZE
    if len(argv) > 1 and argv[1] in ('-h', '--help'):
        print(__doc__)
        return 0
    if len(argv) > 1:
        try:
            size = int(argv[1])
        except ValueError:
            size = 0
        if size <= 0:
            print('usage: records.py [SIZE]  (SIZE a positive integer)',
                  file=sys.stderr)
            return 2
    start = time.perf_counter()
    orders = make_orders(size)
    rec = record_pass(orders)
    tup = tuple_pass(orders)
    named = namedtuple_pass(orders)
    elapsed = time.perf_counter() - start
    print('records: %d orders' % size)
    print('dataclass checksums:', rec)
    print('tuple checksums:', tup)
    print('namedtuple checksums:', named)
    print('checksum:', sum((i + 1) * v for i, v in enumerate(rec + tup + named))
          % 1000000007)
    print('time: %.3f' % elapsed)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
