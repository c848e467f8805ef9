import queue

def attempt(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__ + ':', e)

q = queue.Queue()
attempt(q.task_done)
q.put(1)
attempt(q.get, timeout=-1)
attempt(q.get, True, -0.5)
print(q.qsize())
attempt(q.get, False, -1)
attempt(q.put, 2, timeout=-1)   # unbounded: never waits, never checks
b = queue.Queue(1)
attempt(b.put, 1, timeout=-1)
b.put(1)
attempt(b.put, 2, timeout=-1)
attempt(b.put_nowait, 2)
attempt(q.task_done)
attempt(q.task_done)
attempt(q.task_done)
attempt(q.task_done)
sq = queue.SimpleQueue()
attempt(sq.get, timeout=-1)
sq.put(1)
attempt(sq.get, timeout=-1)
attempt(sq.get, False, -1)
attempt(sq.get_nowait)
attempt(queue.PriorityQueue().put, 1) 
p = queue.PriorityQueue()
p.put(1)
attempt(p.put, 'a')
print(p.qsize(), p.unfinished_tasks)
attempt(queue.LifoQueue().get_nowait)
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print('caught Empty')
