# Free-threading stress: the random module from 4 threads at once. The
# generator's state changes under its object lock, so concurrent draws
# must neither corrupt the state nor hand the same words to two threads:
# 4 threads drawing N values each from one seeded Random must together get
# exactly the first 4N values of a single-threaded run (as a multiset), and
# the module-level functions must keep giving values in range.
import random
import threading

THREADS = 4
N = 5000


def run(target, args_of):
    threads = [threading.Thread(target=target, args=args_of(t))
               for t in range(THREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


# 1. The shared module instance: counts and ranges.
got = [[] for t in range(THREADS)]


def module_worker(t):
    out = got[t]
    for i in range(N // 2):
        out.append(random.random())
        out.append(random.randint(1, 6))


run(module_worker, lambda t: (t,))
flat = [x for out in got for x in out]
floats = [x for x in flat if isinstance(x, float)]
ints = [x for x in flat if isinstance(x, int)]
print("module draws:", len(flat), len(floats), len(ints))
print("in range:", all(0.0 <= x < 1.0 for x in floats),
      all(1 <= x <= 6 for x in ints), sorted(set(ints)))

# 2. One seeded instance shared: the multiset of what the threads drew is
# the single-threaded prefix, for random() and for getrandbits().
for draw in ("random", "getrandbits"):
    ref = random.Random(2024)
    if draw == "random":
        expected = sorted(ref.random() for i in range(THREADS * N))
    else:
        expected = sorted(ref.getrandbits(64) for i in range(THREADS * N))
    shared = random.Random(2024)
    got = [[] for t in range(THREADS)]

    def shared_worker(t):
        out = got[t]
        if draw == "random":
            f = shared.random
            for i in range(N):
                out.append(f())
        else:
            f = shared.getrandbits
            for i in range(N):
                out.append(f(64))

    run(shared_worker, lambda t: (t,))
    drawn = sorted(x for out in got for x in out)
    print(draw, "multiset equal:", drawn == expected, len(drawn))
    print(draw, "next value continues:", shared.random() == ref.random())

# 3. Mixed calls (gauss's cache, shuffle, sample, seeding and setstate
# racing with draws) must not crash or leave a broken generator.
shared = random.Random(7)
state = shared.getstate()
errors = []


def mixed_worker(t):
    try:
        for i in range(300):
            shared.gauss()
            x = list(range(20))
            shared.shuffle(x)
            if sorted(x) != list(range(20)):
                errors.append("shuffle")
            s = shared.sample(range(1000), 10)
            if len(set(s)) != 10:
                errors.append("sample")
            shared.choices("abc", [1, 2, 3], k=3)
            if i % 50 == t:
                shared.seed(i)
            if i % 70 == t:
                shared.setstate(state)
            if not 0.0 <= shared.random() < 1.0:
                errors.append("random")
    except Exception as e:
        errors.append(repr(e))


run(mixed_worker, lambda t: (t,))
print("mixed errors:", errors)
shared.seed(3)
print("reseeded:", shared.random() == random.Random(3).random())
