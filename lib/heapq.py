"""Heap queue algorithm (a.k.a. priority queue).

Heaps are plain lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
every k; a[0] is the smallest item. Items are compared with `<` only.

The functions move items exactly as CPython 3.11's heapq does, so a heap
printed after the same pushes and pops shows the same list:
  * a pop moves the last item to the root, lets it sink to a leaf along the
    path of smaller children without comparing it, then bubbles it up again
    (fewer comparisons than stopping on the way down, on average);
  * heapify sinks every inner node, last one first.

The heap functions act on the list in place; a free-threaded program that
shares a heap between threads guards it with a lock of its own.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(heap, name, single=False):
    if not isinstance(heap, list):
        which = "argument" if single else "argument 1"
        raise TypeError("%s() %s must be list, not %s"
                        % (name, which, type(heap).__name__))


# ---- the two basic moves (min-heap) -------------------------------------------

def _siftdown(heap, startpos, pos):
    """Bubble heap[pos] up towards startpos while it is smaller than its
    parent."""
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    """Sink heap[pos]: move the smaller child up until a leaf is reached,
    put the item there, then bubble it back up to its place."""
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


# ---- the same for a max-heap (merge(reverse=True), nsmallest) ----------------

def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


# ---- public functions ---------------------------------------------------------

def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, "heappush")
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, "heappop", True)
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item.

    The returned value may be larger than item; heappushpop() is the
    one to use when that matters."""
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Push item on the heap, then pop and return the smallest item from
    the heap; faster than heappush() followed by heappop()."""
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list(x, "heapify", True)
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    """Maxheap version of a heappop followed by a heappush."""
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def _heapify_max(x):
    """Transform list into a maxheap, in-place, in O(len(x)) time."""
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


# ---- merge --------------------------------------------------------------------

def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Like sorted(itertools.chain(*iterables)) but lazy: each input is read
    as the output needs it. Equal items come out in the order of their
    inputs, so the merge is stable. With reverse=True the inputs must be
    sorted from largest to smallest."""
    # Heap entries are lists [key, index, value, iterator] ([value, index,
    # iterator] without a key): the input's index breaks ties, so values
    # are never compared on a tie and equal items keep their inputs' order;
    # each entry is updated in place as its input advances.
    if reverse:
        heapify_, pop_, replace_, direction = (_heapify_max, _heappop_max,
                                               _heapreplace_max, -1)
    else:
        heapify_, pop_, replace_, direction = (heapify, heappop,
                                               heapreplace, 1)
    h = []
    for order, it in enumerate(map(iter, iterables)):
        try:
            value = next(it)
        except StopIteration:
            continue
        if key is None:
            h.append([value, order * direction, it])
        else:
            h.append([key(value), order * direction, value, it])
    heapify_(h)
    if key is None:
        while len(h) > 1:
            try:
                while True:
                    s = h[0]
                    value, _order, it = s
                    yield value
                    s[0] = next(it)
                    replace_(h, s)
            except StopIteration:
                pop_(h)
        if h:
            value, _order, it = h[0]
            yield value
            yield from it
        return
    while len(h) > 1:
        try:
            while True:
                s = h[0]
                _k, _order, value, it = s
                yield value
                value = next(it)
                s[0] = key(value)
                s[2] = value
                replace_(h, s)
        except StopIteration:
            pop_(h)
    if h:
        _k, _order, value, it = h[0]
        yield value
        yield from it


# ---- nsmallest / nlargest ------------------------------------------------------

_MISSING = object()


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to: sorted(iterable, key=key)[:n]"""
    if n == 1:
        it = iter(iterable)
        if key is None:
            result = min(it, default=_MISSING)
        else:
            result = min(it, default=_MISSING, key=key)
        return [] if result is _MISSING else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    if n <= 0:
        return []
    # Keep the n smallest seen so far in a max-heap of (key, index, item):
    # the index keeps equal keys in input order and spares comparing items.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for elem, _order in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for _k, _order, elem in result]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to: sorted(iterable, key=key, reverse=True)[:n]"""
    if n == 1:
        it = iter(iterable)
        if key is None:
            result = max(it, default=_MISSING)
        else:
            result = max(it, default=_MISSING, key=key)
        return [] if result is _MISSING else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    if n <= 0:
        return []
    # A min-heap of the n largest; indexes count down so that, sorted in
    # reverse, equal keys keep their input order.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for elem, _order in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for _k, _order, elem in result]
