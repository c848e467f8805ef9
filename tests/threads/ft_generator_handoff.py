# Free-threading stress: generators whose frames run `for` loops over a
# list and a range are resumed by several threads in turn (a thread that
# finds one already running gets ValueError and tries again). The loops'
# iterators are private to their frames, which pass from thread to thread
# with the generator; every item must come out exactly once.
import threading

N = 20000
THREADS = 4


def over_list(items):
    for x in items:
        yield x


def over_range(n):
    for i in range(n):
        yield i


def nested(n):
    for i in range(n // 4):
        for j in [0, 1, 2, 3]:
            yield i * 4 + j


def drain(gen, out):
    while True:
        try:
            out.append(next(gen))
        except ValueError:
            continue  # another thread is running it
        except StopIteration:
            return


for name, gen in (("list", over_list(list(range(N)))),
                  ("range", over_range(N)),
                  ("nested", nested(N))):
    outs = [[] for _ in range(THREADS)]
    ts = [threading.Thread(target=drain, args=(gen, outs[k]))
          for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    got = sorted(x for out in outs for x in out)
    print(name, len(got), got == list(range(N)))
