import bisect

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

a = [1, 2, 3]
attempt(bisect.bisect, a, 1, -1)
attempt(bisect.bisect_left, a, 1, -5, 2)
attempt(bisect.insort, a, 1, -1)
attempt(bisect.bisect, a, 3, 0, 10)
attempt(bisect.bisect, a, 3, 0, 'a')
attempt(bisect.bisect, a, 3, 1.0)
attempt(bisect.bisect, a, 3, None)
attempt(bisect.bisect, 5, 3)
attempt(bisect.insort, (1, 2), 3)
attempt(bisect.bisect, a, 'x')
attempt(bisect.bisect_left, a, 'x')
attempt(bisect.bisect, a, 2, key=lambda v: str(v))
attempt(bisect.bisect, a, 2, True, key=lambda v: -v)
attempt(bisect.insort, a, 'x', key=len)
print(a)
