import queue
import threading

q = queue.Queue()
print(q.maxsize, q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
for i in range(5):
    q.put(i)
q.put_nowait('five')
print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks, list(q.queue))
print([q.get() for _ in range(3)], q.get_nowait(), q.get(False), q.get(True, 0.5))
print(q.qsize(), q.empty())
for _ in range(6):
    q.task_done()
q.join()
print('joined', q.unfinished_tasks)

b = queue.Queue(maxsize=2)
b.put('a')
b.put('b', timeout=1)
print(b.full(), b.qsize())
for how in ('put_nowait', 'nonblock', 'timeout', 'zero'):
    try:
        if how == 'put_nowait':
            b.put_nowait('c')
        elif how == 'nonblock':
            b.put('c', False)
        elif how == 'timeout':
            b.put('c', True, 0.02)
        else:
            b.put('c', timeout=0)
    except queue.Full as e:
        print(how, 'Full', repr(e))
print(b.get(), b.full())
b.put('c', False, -1)  # timeout is ignored when not blocking
print(b.get(), b.get(), b.empty())
print(queue.Queue(-3).full(), queue.Queue(0).full())

for how in ('get_nowait', 'nonblock', 'timeout', 'zero'):
    try:
        if how == 'get_nowait':
            b.get_nowait()
        elif how == 'nonblock':
            b.get(False)
        elif how == 'timeout':
            b.get(timeout=0.02)
        else:
            b.get(True, 0)
    except queue.Empty as e:
        print(how, 'Empty', repr(e))

lq = queue.LifoQueue()
for c in 'abcde':
    lq.put(c)
print(lq.queue, [lq.get() for _ in range(5)])

pq = queue.PriorityQueue()
for item in [(3, 'c'), (1, 'a'), (5, 'e'), (2, 'b'), (4, 'd'), (1, 'A')]:
    pq.put(item)
print(pq.queue)
print([pq.get() for _ in range(6)])
pq = queue.PriorityQueue(3)
pq.put(9); pq.put(2); pq.put(7)
print(pq.full(), pq.get(), pq.full())

sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(4):
    sq.put(i)
sq.put_nowait('x')
sq.put(None, block=False, timeout=-1)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.get(False), sq.get(timeout=1), sq.get(), sq.get())
try:
    sq.get_nowait()
except queue.Empty as e:
    print('Empty', repr(e))
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print('Empty after timeout')

# a custom ordering through the _init/_qsize/_put/_get hooks
class EvenFirst(queue.Queue):
    def _init(self, maxsize):
        self.even = []
        self.odd = []
    def _qsize(self):
        return len(self.even) + len(self.odd)
    def _put(self, item):
        (self.odd if item % 2 else self.even).append(item)
    def _get(self):
        return self.even.pop(0) if self.even else self.odd.pop(0)
e = EvenFirst()
for i in range(7):
    e.put(i)
print([e.get() for _ in range(7)])

# a blocked get() woken by a put() from another thread, and join()
q = queue.Queue()
results = []
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * item)
        q.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(10):
    q.put(i)
q.join()
print(sorted(results))
q.put(None)
t.join()
print(q.unfinished_tasks, q.empty())

# a blocked put() woken by a get()
b = queue.Queue(1)
b.put(1)
def taker():
    b.get()
t = threading.Thread(target=taker)
t.start()
b.put(2, timeout=5)
t.join()
print(b.get())

print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Empty, queue.Full, queue.Queue, queue.SimpleQueue)
print(queue.__all__)
print(repr(queue.Queue()).split(' at ')[0], repr(queue.SimpleQueue()).split(' at ')[0])
print(sorted(vars(queue.Queue())))
