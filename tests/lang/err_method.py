# Uncaught exception raised inside a method and a generator.
class Stack:
    def __init__(self):
        self.items = []

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items.pop()


def drain(stack):
    while True:
        yield stack.pop()


s = Stack()
s.items = [1, 2]
for v in drain(s):
    print("popped", v)
