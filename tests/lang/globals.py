# global statement and module-level names.
counter = 0
name = "module"


def increment():
    global counter
    counter += 1


def read_only():
    return counter * 10


def shadow():
    name = "local"
    return name


def create_global():
    global created
    created = "made in function"


def reset(v):
    global counter, name
    counter = v
    name = "reset"


increment()
increment()
print(counter, read_only())
print(shadow(), name)
create_global()
print(created)
reset(100)
print(counter, name)


def unbound():
    try:
        print(counter)
    except UnboundLocalError:
        print("UnboundLocalError")
    counter = 1
    return counter


print(unbound())
print(isinstance(UnboundLocalError(), NameError))

items = []


def mutate_without_global():
    items.append("x")


mutate_without_global()
print(items)


def loop_global():
    global total
    total = 0
    for i in range(5):
        total += i


loop_global()
print(total)
for gi in range(3):
    pass
print(gi)


class UsesGlobal:
    def bump(self):
        global counter
        counter += 1
        return counter


print(UsesGlobal().bump())


def nested_global():
    def inner():
        global counter
        counter = -1
    inner()


nested_global()
print(counter)
