# random: every function of a seeded Random gives CPython's values —
# integers, sequences, the real-valued distributions, bytes.
import random

pops = [list(range(10)), list(range(30)), list(range(200)), 'abcdefghij',
        tuple(range(1000)), range(10**6)]
for s in [0, 1, 12345, -7, 2**100, 'hello', b'abc']:
    r = random.Random(s)
    print('seed', repr(s))
    print([r.randrange(n) for n in (1, 2, 3, 4, 5, 7, 8, 9, 100, 2**31,
                                    2**32, 2**33, 2**64 + 1, 10**30)])
    print([r.randrange(3, 100, 7), r.randrange(100, 3, -7),
           r.randrange(-10, 10), r.randint(1, 6), r.randint(-2**70, 2**70),
           r.randrange(0, 10**20, 3)])
    for pop in pops:
        k = min(len(pop), 7)
        print(r.choice(pop), r.sample(pop, k), r.sample(pop, 0),
              r.choices(pop, k=4))
        print(r.sample(pop, min(len(pop), 25)))
    print(r.sample(range(100), 100)[:10], r.sample(range(10**9), 8))
    print(r.sample(['a', 'b', 'c'], 5, counts=[3, 1, 2]),
          r.sample('xy', k=4, counts=[2, 2]))
    print(r.choices('abc', [1, 2, 3], k=10),
          r.choices('abc', cum_weights=[1, 1.5, 7], k=10),
          r.choices('ab', [0, 1], k=3), r.choices([5], k=2),
          r.choices(range(10), [i * 0.5 for i in range(10)], k=5))
    x = list(range(20))
    r.shuffle(x)
    print(x)
    x = list('abcdefghijklmnopqrstuvwxyz' * 3)
    r.shuffle(x)
    print(''.join(x))
    print(r.uniform(1, 10), r.uniform(-1.5, 2), r.uniform(5, 5),
          r.triangular(), r.triangular(0, 10, 2), r.triangular(5, 1, 2),
          r.triangular(2, 2), r.triangular(0, 1, 1))
    print(r.normalvariate(), r.normalvariate(10, 3), r.gauss(), r.gauss(),
          r.gauss(5, 2), r.gauss(1, 1), r.gauss(mu=2, sigma=0.5))
    print(r.lognormvariate(0, 1), r.expovariate(1.5), r.expovariate(-2))
    print(r.vonmisesvariate(1, 0.5), r.vonmisesvariate(0, 4),
          r.vonmisesvariate(3, 0), r.vonmisesvariate(6, 100))
    print(r.gammavariate(0.5, 2), r.gammavariate(1, 3),
          r.gammavariate(2.5, 1), r.gammavariate(50, 0.1),
          r.gammavariate(0.01, 1))
    print(r.betavariate(2, 3), r.betavariate(0.5, 0.5), r.betavariate(1, 1),
          r.betavariate(0.01, 5))
    print(r.paretovariate(3), r.weibullvariate(2, 1.5),
          r.weibullvariate(1, 0.5))
    print(r.randbytes(0), r.randbytes(1), r.randbytes(5), r.randbytes(17))

# Long runs: the sums show any drift.
r = random.Random(31337)
print(sum(r.randrange(1000) for i in range(5000)),
      sum(r.random() for i in range(5000)),
      sum(r.gauss() for i in range(2000)),
      sum(r.normalvariate() for i in range(2000)),
      sum(r.gammavariate(0.7, 1) for i in range(1000)),
      sum(r.gammavariate(3.0, 1) for i in range(1000)))
counts = [0] * 6
for i in range(6000):
    counts[r.randint(1, 6) - 1] += 1
print(counts)

# The module-level functions share one hidden instance.
random.seed(99)
print(random.random(), random.randint(1, 100), random.choice('xyz'),
      random.gauss(), random.randrange(10, 20, 3), random.uniform(0, 1))
x = [1, 2, 3, 4, 5]
random.shuffle(x)
print(x, random.sample(x, 2), random.choices(x, k=3), random.getrandbits(9),
      random.randbytes(3), random.expovariate(2), random.triangular(1, 3),
      random.betavariate(2, 2), random.paretovariate(1),
      random.weibullvariate(1, 1), random.vonmisesvariate(0, 1),
      random.lognormvariate(0, 1), random.normalvariate(0, 1),
      random.gammavariate(2, 2))
print(random.random.__self__ is random._inst)
