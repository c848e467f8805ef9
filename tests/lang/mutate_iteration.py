# Iterating over a dict, a dict view or a set that changes size meanwhile
# (RuntimeError, as in CPython), `in` on dict views whose == changes the
# dict, and copies (list(d), sorted(d), dict(d), set(d)) while keys'
# __eq__ or __hash__ change the source.

def run(name, f):
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(name, r)
def t_dict_add():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0
run('dict-add', t_dict_add)
def t_dict_del():
    d = {1: 1, 2: 2, 3: 3}
    for k in d:
        del d[k]
run('dict-del', t_dict_del)
def t_dict_same_size():
    d = {1: 1, 2: 2, 3: 3}
    out = []
    for k in d:
        out.append(k)
        del d[k]
        d[k + 100] = 0
        if len(out) > 10: break
    return out
run('dict-samesize', t_dict_same_size)
def t_values():
    d = {1: 1, 2: 2}
    for v in d.values():
        d.pop(1, None); d[5] = 5; d[6] = 6
run('values', t_values)
def t_items():
    d = {1: 1, 2: 2}
    for k, v in d.items():
        d.clear()
run('items', t_items)
def t_rev():
    d = {1: 1, 2: 2}
    for k in reversed(d):
        d[k + 10] = 0
run('reversed', t_rev)
def t_set():
    s = {1, 2, 3}
    for k in s:
        s.add(k + 10)
run('set-add', t_set)
def t_set_del():
    s = {1, 2, 3}
    for k in s:
        s.discard(k)
run('set-del', t_set_del)
class H:
    def __init__(self, v, c): self.v = v; self.c = c
    def __hash__(self):
        self.c.clear()
        return hash(self.v)
    def __eq__(self, o): return self is o
    def __repr__(self): return 'H%d' % self.v
def t_list_of_dict_gen():
    d = {}
    d.update({i: i for i in range(5)})
    def g():
        for k in d:
            yield k
            d[k + 100] = 1
    return list(g())
run('list-gen', t_list_of_dict_gen)
def t_sorted_keys_mutate():
    class L:
        def __init__(self, v): self.v = v
        def __lt__(self, o):
            d.clear()
            return self.v < o.v
        def __repr__(self): return 'L%d' % self.v
    d = {L(i): i for i in (3, 1, 2)}
    return sorted(d), len(d)
run('sorted-keys', t_sorted_keys_mutate)
def t_dict_copy_eq():
    class E:
        def __init__(self, v): self.v = v
        def __hash__(self): return 1
        def __eq__(self, o):
            if 'src' in globals(): src.clear()
            return False
        def __repr__(self): return 'E%d' % self.v
    global src
    src = {E(i): i for i in range(4)}
    del src[list(src)[1]]
    return len(dict(src)), len(src)
run('dict-copy-eq', t_dict_copy_eq)
def t_dict_from_keys_hash():
    d = {1: 1, 2: 2}
    class HH:
        def __hash__(self):
            d.clear()
            return 5
    return dict.fromkeys([HH(), HH()]) and len(d)
run('fromkeys-hash', t_dict_from_keys_hash)
def t_view_len():
    d = {1: 1, 2: 2}
    it = iter(d.items())
    next(it)
    d[3] = 3
    return next(it)
run('view-it', t_view_len)
def t_set_from_dict():
    class E:
        def __init__(self, v): self.v = v
        def __hash__(self): return 1
        def __eq__(self, o):
            if 'src' in globals(): src.clear()
            return False
    global src
    src = {E(i): i for i in range(4)}
    return len(set(src)), len(src)
run('set-from-dict', t_set_from_dict)
def t_items_contains():
    class V:
        def __eq__(self, o):
            d.clear()
            return True
    d = {1: V()}
    return (1, 5) in d.items(), len(d)
run('items-contains', t_items_contains)
def t_values_contains():
    class V:
        def __eq__(self, o):
            d.clear()
            return False
    d = {1: V(), 2: V(), 3: V()}
    return 5 in d.values(), len(d)
run('values-contains', t_values_contains)
def t_keys_eq():
    class E:
        def __init__(self, v): self.v = v
        def __hash__(self): return 1
        def __eq__(self, o):
            if 'b' in globals(): a.clear(); b.clear()
            return False
    global a, b
    a = {E(1): 1, E(2): 2}
    b = {E(3): 1, E(4): 2}
    return a.keys() == b.keys(), a.items() == b.items(), a.keys() & b.keys()
run('keys-eq', t_keys_eq)
