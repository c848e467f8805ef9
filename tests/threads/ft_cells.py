# Free-threading stress: closure cells read, replaced and emptied by several
# threads at once (LOAD_DEREF, STORE_DEREF, DELETE_DEREF take no lock in
# free-threaded builds). Every value read must be one that was written, whole.
import threading

WRITERS = 2
READERS = 3
N = 3000


def make_cell():
    value = (0, 0, "0")

    def get():
        return value

    def put(k):
        nonlocal value
        value = (k, k * 2, str(k))

    def clear_and_put(k):
        nonlocal value
        del value
        value = (k, k * 2, str(k))

    return get, put, clear_and_put


get, put, clear_and_put = make_cell()
bad = []
unbound = [0] * READERS
reads = [0] * READERS
done = threading.Event()


def writer(w):
    for i in range(N):
        k = w * N + i
        # Only writer 0 empties the cell: a second one could find it empty.
        if w == 0 and i % 10 == 0:
            clear_and_put(k)
        else:
            put(k)


def reader(r):
    n = 0
    while not done.is_set() or n < 1000:
        try:
            v = get()
        except NameError:
            unbound[r] += 1
            continue
        if v[1] != v[0] * 2 or v[2] != str(v[0]):
            bad.append(v)
        n += 1
    reads[r] = n


ws = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
rs = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
for t in rs + ws:
    t.start()
for t in ws:
    t.join()
done.set()
for t in rs:
    t.join()
print("bad values:", len(bad))
print("readers read:", all(n >= 1000 for n in reads))
last = get()
print("last is whole:", last[1] == last[0] * 2 and last[2] == str(last[0]))
