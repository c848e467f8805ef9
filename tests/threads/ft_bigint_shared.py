# Free-threading stress: big ints shared between threads without locks. A
# big int is written once by the thread that makes it and never changed, so
# readers in other threads must always see whole, consistent values: each
# thread multiplies, divides and hashes the shared ints and checks the
# identities, while a writer keeps replacing the shared list's items.
import threading

THREADS = 4
ROUNDS = 300

shared = [3**200 + k for k in range(8)]
bad = []


def worker(t):
    for i in range(ROUNDS):
        a = shared[i % 8]
        b = shared[(i + t) % 8] | 1
        p = a * b
        q, r = divmod(p + t, b)
        if q != a or r != t or hash(a) != hash(int(str(a))):
            bad.append((t, i))
        shared[(i * 3 + t) % 8] = 3**200 + (i * 5 + t) % 8


threads = [threading.Thread(target=worker, args=(t,)) for t in range(THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print("bad:", bad)
print(all(0 <= x - 3**200 < 8 for x in shared))
