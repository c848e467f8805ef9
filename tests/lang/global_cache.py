# LOAD_GLOBAL caches where a global lives; these programs change globals
# and builtins under functions that keep running (in loops, so the caches
# are warm) and must always see the current binding.

counter = 0


def read_counter(n):
    seen = []
    for i in range(n):
        seen.append(counter)
    return seen


def bump_in_loop():
    global counter
    out = []
    for i in range(5):
        counter = counter + 10  # rebinding: same key, new value
        out.append(counter)
    return out


print(read_counter(3))
print(bump_in_loop())
print(read_counter(3))
counter = 'text'
print(read_counter(2))

# Deleting a global: the next load must fail, not see the old value.
victim = 'alive'


def load_victim():
    try:
        return victim
    except NameError as e:
        return 'NameError: ' + str(e)


def loop_victim(n):
    return [load_victim() for i in range(n)]


print(loop_victim(3))
del victim
print(loop_victim(2))
victim = 'back'
print(loop_victim(2))
globals()['victim'] = 'via globals()'
print(load_victim())
del globals()['victim']
print(load_victim())
globals().pop('victim', None)
victim = 'again'
print(load_victim())
print(globals().pop('victim'))
print(load_victim())

# A global that shadows a builtin, added and removed while a function
# that uses the name keeps running.


def lengths(items):
    return [len(x) for x in items]


def use_len_in_loop():
    out = []
    for i in range(4):
        out.append(len('abc'))
    return out


print(lengths(['a', 'bb', 'ccc']), use_len_in_loop())


def len(x):
    return 'shadowed'


print(lengths(['a', 'bb']), use_len_in_loop())
del len
print(lengths(['a', 'bb']), use_len_in_loop())


def shadow_inside_loop():
    global len, abs
    out = []
    for i in range(6):
        out.append(len('xy'))
        out.append(abs(-i))
        if i == 1:
            len = lambda x: -1
        elif i == 3:
            del len
        if i == 2:
            abs = lambda x: 'abs'
        elif i == 4:
            del abs
    return out


print(shadow_inside_loop())

# The table moving: many globals added while a loop keeps loading one.
target = 1


def grow_globals():
    total = 0
    g = globals()
    for i in range(200):
        total += target
        g['filler_%d' % i] = i
    return total


print(grow_globals())
print(filler_0, filler_199)
for i in range(200):
    del globals()['filler_%d' % i]
print(grow_globals(), target)
for i in range(200):
    globals().pop('filler_%d' % i)


def after_removals():
    return [target for i in range(3)]


print(after_removals())

# Separate namespaces running the same source: each sees its own values.
src = '''
def get():
    out = []
    for i in range(3):
        out.append(value)
    return out
'''
ns1 = {'value': 'one'}
ns2 = {'value': 'two'}
exec(src, ns1)
exec(src, ns2)
print(ns1['get'](), ns2['get'](), ns1['get']())
ns1['value'] = 'uno'
del ns2['value']
print(ns1['get']())
try:
    ns2['get']()
except NameError as e:
    print('NameError:', e)
ns2['value'] = 'dos'
print(ns2['get']())
ns1.clear()
try:
    ns1_get = None
    print(ns2['get']())
except NameError as e:
    print('NameError:', e)

# A builtin rebound through the builtins module while cached.
import builtins


def call_max():
    return [max(1, 2) for i in range(2)]


print(call_max())
saved = builtins.max
builtins.max = min
print(call_max())
builtins.max = saved
print(call_max())
del builtins.max
try:
    call_max()
except NameError as e:
    print('NameError:', e)
builtins.max = saved
print(call_max())

# popitem() frees the last entry, and the next new key takes its place.
ns3 = {'first': 1}
exec(src.replace('value', 'last'), ns3)
ns3['last'] = 'L'
print(ns3['get']())
print(ns3.popitem())
ns3['other'] = 'O'
try:
    print(ns3['get']())
except NameError as e:
    print('NameError:', e)
ns3['last'] = 'L2'
print(ns3['get']())

# (The exec'd functions and their namespaces form cycles: break them.)
ns2.clear()
ns3.clear()
