# Cycles through frozensets are collected like cycles through sets (set
# algebra on frozensets makes new frozensets from sets).
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.peers = None
    def __del__(self):
        print("del", self.name)
a = Node("a")
a.peers = frozenset([a, 1, 2])
b = Node("b")
b.peers = frozenset([b]) | frozenset([3])
print(type(b.peers).__name__)
del a, b
n = gc.collect()
print("collected something:", n > 0)
print("again:", gc.collect())
