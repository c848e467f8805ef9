# Every deque operation at once from 4 threads on one deque (and a
# bounded one): readers (iteration, reversed, len, indexing, count, index,
# `in`, copy, repr, ==) race writers (insert, remove, rotate, reverse,
# setitem, del, extend, clear). Only the exceptions these races allow may
# happen, and the bounded deque keeps its bound throughout.
import threading
from collections import deque

ROUNDS = 1500
d = deque(range(20))
b = deque(range(10), maxlen=10)
allowed = (IndexError, ValueError, RuntimeError)
unexpected = []
bad_bound = [0]


def reader(slot):
    for i in range(ROUNDS):
        try:
            k = i % 8
            if k == 0:
                sum(1 for _ in d)
            elif k == 1:
                list(reversed(d))
            elif k == 2:
                d[len(d) // 2]
            elif k == 3:
                d.count(5) + (5 in d)
            elif k == 4:
                d.index(7)
            elif k == 5:
                d.copy() == d
            elif k == 6:
                repr(d)
            else:
                b.copy()
        except allowed:
            pass
        except Exception as e:
            unexpected.append(repr(e))
        if len(b) > 10 or b.maxlen != 10:
            bad_bound[0] += 1


def writer(slot):
    for i in range(ROUNDS):
        try:
            k = i % 9
            if k == 0:
                d.insert(i % 7, i)
            elif k == 1:
                d.remove(i - 1)
            elif k == 2:
                d.rotate(slot + 1)
            elif k == 3:
                d.reverse()
            elif k == 4:
                d[0] = i
            elif k == 5:
                del d[-1]
            elif k == 6:
                d.extend(range(5))
            elif k == 7:
                if len(d) > 200:
                    d.clear()
            else:
                b.extend(range(i % 13))
                b.appendleft(i)
                b.rotate(-1)
        except allowed:
            pass
        except Exception as e:
            unexpected.append(repr(e))


threads = [threading.Thread(target=reader, args=(0,)),
           threading.Thread(target=writer, args=(1,)),
           threading.Thread(target=reader, args=(2,)),
           threading.Thread(target=writer, args=(3,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('unexpected exceptions', unexpected)
print('bound kept', bad_bound[0] == 0, len(b) == 10)
print('deque usable', isinstance(len(d), int), list(d) == [x for x in d])
