# Classes: __init__, attributes, methods, inheritance, super().
class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return self.name + " says " + self.sound

    def kind(self):
        return "animal"

    def describe(self):
        return self.name + " is an " + self.kind()


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def kind(self):
        return "dog"

    def add_trick(self, t):
        self.tricks.append(t)
        return self


class Puppy(Dog):
    def kind(self):
        return "young " + super().kind()

    def speak(self):
        return super().speak() + "!"


a = Animal("generic")
d = Dog("rex")
p = Puppy("bit")
print(a.speak(), "|", d.speak(), "|", p.speak())
print(a.describe(), "|", d.describe(), "|", p.describe())
print(Animal.count, a.count, p.count)
print(d.kingdom, Dog.kingdom)
d.add_trick("sit").add_trick("roll")
print(d.tricks, p.tricks)

# instance attribute shadows class attribute
d.kingdom = "dogdom"
print(d.kingdom, a.kingdom, Animal.kingdom)
Animal.kingdom = "changed"
print(a.kingdom, p.kingdom, d.kingdom)

# methods are bound
m = d.speak
print(m())
print(Animal.speak(d))
print(type(d).__name__, type(d) is Dog, d.__class__ is Dog, d.__class__.__name__)


# class without __init__, attributes added later
class Bag:
    pass


b = Bag()
b.x = 1
b.y = [b.x]
print(b.x, b.y)
print(hasattr(b, "x"), hasattr(b, "z"))


# class attribute holding mutable shared state
class Registry:
    items = []

    def register(self, v):
        self.items.append(v)


r1 = Registry()
r2 = Registry()
r1.register(1)
r2.register(2)
print(Registry.items)


# super() with explicit arguments and in __init__ chains
class Base:
    def __init__(self):
        self.log = ["Base"]

    def who(self):
        return "Base"


class Mid(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Mid")

    def who(self):
        return "Mid>" + super(Mid, self).who()


class Leaf(Mid):
    def __init__(self):
        super().__init__()
        self.log.append("Leaf")

    def who(self):
        return "Leaf>" + super().who()


leaf = Leaf()
print(leaf.log, leaf.who())


# class body executes statements
class Computed:
    values = [i * i for i in range(4)]
    total = 0
    for v in values:
        total += v
    label = "total=" + str(total)


print(Computed.values, Computed.total, Computed.label)


# methods calling other methods, and objects referencing each other
class Node:
    def __init__(self, value, next_node=None):
        self.value = value
        self.next = next_node

    def length(self):
        return 1 if self.next is None else 1 + self.next.length()

    def values(self):
        out = []
        node = self
        while node is not None:
            out.append(node.value)
            node = node.next
        return out


chain = Node(1, Node(2, Node(3)))
print(chain.length(), chain.values())


# classes are objects
def make_class():
    class Local:
        def hi(self):
            return "hi from local"
    return Local


L = make_class()
print(L().hi(), L.__name__)
cls = Dog
print(cls("made").speak())


# inheriting from a builtin exception and object
class Plain(object):
    pass


print(isinstance(Plain(), object), Plain.__bases__[0].__name__, Dog.__bases__[0].__name__)
