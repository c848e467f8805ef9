import bisect

a = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in (0, 1, 2, 3, 4, 8, 13, 14):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
for lo, hi in ((0, None), (2, 5), (3, 3), (5, 2), (0, -1), (1, -2), (4, 100)):
    try:
        print(lo, hi, bisect.bisect_left(a, 8, lo, hi), bisect.bisect_right(a, 2, lo, hi))
    except IndexError as e:
        print(lo, hi, 'IndexError', e)
print(bisect.bisect_left(a, 2, hi=4), bisect.bisect_right(a, 2, lo=2), bisect.bisect(a, 5, 0, len(a)))
print(bisect.bisect_left([], 1), bisect.bisect_right([], 1), bisect.bisect(a, 2.5))

# key: applied to the list's items, not to x
recs = [('ann', 21), ('bob', 25), ('cy', 25), ('dee', 30), ('ed', 41)]
age = lambda r: r[1]
for x in (20, 25, 26, 41, 50):
    print(x, bisect.bisect_left(recs, x, key=age), bisect.bisect_right(recs, x, key=age),
          bisect.bisect(recs, x, 1, 3, key=age))

# insort
b = []
seed = 7
for i in range(25):
    seed = (seed * 75 + 74) % 65537
    bisect.insort(b, seed % 40)
print(b)
c = [1, 1.0, 2]
bisect.insort_left(c, True)
print(c, [type(v).__name__ for v in c])
c = [1, 1.0, 2]
bisect.insort_right(c, True)
print(c, [type(v).__name__ for v in c])
bisect.insort(c, 0, 0, 1)
print(c)
r = list(recs)
bisect.insort(r, ('fay', 25), key=age)
bisect.insort_left(r, ('gus', 25), key=age)
bisect.insort_right(r, ('hal', 99), key=age)
bisect.insort_left(r, ('ivy', 1), key=age)
print(r)
words = ['apple', 'Banana', 'cherry']
bisect.insort(words, 'BLUEBERRY', key=str.lower)
print(words)

# a grade table, the classic use
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

# any sequence with __len__/__getitem__; insort needs insert()
class Seq:
    def __init__(self, n):
        self.n = n
        self.probes = []
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        self.probes.append(i)
        return i * 10
s = Seq(100)
print(bisect.bisect_left(s, 435), s.probes)
print(bisect.bisect_right(range(0, 100, 3), 50), bisect.bisect_left((1, 3, 5), 3))
print(sorted(bisect.__all__) if hasattr(bisect, '__all__') else None)
