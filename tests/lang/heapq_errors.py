import heapq

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

attempt(heapq.heappop, [])
attempt(heapq.heapreplace, [], 1)
attempt(heapq.heappush, (), 1)
attempt(heapq.heappop, ())
attempt(heapq.heapify, ())
attempt(heapq.heappushpop, (), 1)
attempt(heapq.heapreplace, (1,), 1)
attempt(heapq.heappush, [1], 'a')
attempt(heapq.heappushpop, [1], 'a')
attempt(heapq.nsmallest, 2, [1, 'a', 3])
attempt(heapq.nlargest, 2, 5)
attempt(heapq.nsmallest, 2, [3, 2, 1], len)
attempt(lambda: list(heapq.merge([1], ['a'])))
h = [3, 1, 2]
attempt(heapq.heappop, h)
print(h)
try:
    heapq.heappop([])
except IndexError as e:
    print('caught', repr(e))
