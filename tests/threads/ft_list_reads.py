# Free-threading stress for list[i] without the list's lock: readers index
# one list at random positions while a writer appends, pops, inserts,
# overwrites, deletes and assigns slices, sorts, reverses, repeats, clears
# and refills it. Every value ever stored is a fresh int with
# value % 1000 == 7, so a torn read or an item released too early shows up
# as a bad read (or a crash). Same output in every build.
import threading

READERS = 2
OPS = 30000
BASE = 10 ** 9

shared = [BASE + 1000 * k + 7 for k in range(200)]
done = []
results = []
started = [threading.Event() for _ in range(READERS)]


def fresh(k):
    return BASE + 1000 * k + 7


def reader(seed):
    good = bad = miss = 0
    lst = shared
    x = seed
    started[seed - 1].set()
    while True:
        for _ in range(64):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            n = len(lst)
            i = x % (2 * n + 8) - n - 4
            try:
                v = lst[i]
            except IndexError:
                miss += 1
                continue
            if type(v) is int and v > BASE and v % 1000 == 7:
                good += 1
            else:
                bad += 1
        if done:
            break
    results.append((good, bad, miss))


def writer():
    for e in started:
        e.wait()
    lst = shared
    x = 99
    for w in range(OPS):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        op = x % 16
        n = len(lst)
        a = (x >> 8) % n if n else 0
        if n > 600:
            del lst[n // 4:]
        elif op < 3:
            lst.append(fresh(w))
        elif op == 3:
            if n:
                lst.pop()
        elif op == 4:
            if n:
                lst.pop(a // 2)
        elif op == 5:
            lst.insert(0, fresh(w))
        elif op < 8:
            if n:
                lst[a] = fresh(w)
        elif op == 8:
            del lst[a:a + 1 + x % 7]
        elif op == 9:
            lst[a:a + x % 5] = [fresh(w + j) for j in range(x % 9)]
        elif op == 10:
            del lst[a % 3::3]
        elif op == 11:
            lst.sort(reverse=bool(x & 1))
            lst.reverse()
        elif op == 12:
            lst.extend([fresh(w + j) for j in range(40)])
            if n < 100:
                lst *= 2
        elif op == 13:
            if w % 8 == 0:
                lst.clear()
                lst += [fresh(w + j) for j in range(50)]
        elif op == 14:
            if n:
                lst.remove(lst[a])
        else:
            lst[::-2] = [fresh(w + j) for j in range(len(lst[::-2]))]
    done.append(True)


threads = [threading.Thread(target=reader, args=(k + 1,))
           for k in range(READERS)]
for t in threads:
    t.start()
writer()
for t in threads:
    t.join()

print("readers:", len(results))
print("bad reads:", sum(r[1] for r in results))
print("every reader read:", all(r[0] > 0 for r in results))
print("all values intact:", all(type(v) is int and v % 1000 == 7
                                for v in shared))
