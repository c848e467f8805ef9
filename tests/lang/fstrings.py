# f-strings.
name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
d = {"key": "value", "n": 7}
print(f"Hello, {name}!")
print(f"{n} {n + 1} {n * 2} {n // 5} {-n}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {n:05d} {n:x} {n:>6}| {n:<6}| {n:^6}|")
print(f"{name!r} {name!s} {items!r} {n!r}")
print(f"{d['key']} {d['n'] + 1} {items[0]} {items[-1]} {len(items)}")
print(f'{d["key"]} single-quoted outer')
print(f"""{name} in triple quotes with "quotes" and {'inner'}""")
print(f"{{braces}} {{{n}}}")
print(f"{'nested ' + name}")
print(f"{n if n > 10 else 0} {'yes' if items else 'no'}")
print(f"{[x * 2 for x in items]} {sum(items)}")
print(f"{name.upper()} {name.lower()[1:3]} {'abc'.replace('b', 'B')}")
width = 8
prec = 3
print(f"{pi:{width}.{prec}f}|")
print(f"{name:>{width}}|")
print(f"{1.5:e} {255:#x} {1234567:,} {0.25:%}")
print(f"multiple {n} values {name} in {pi:.1f} one")
print(f"{n}{n}{n}")
print(f"")
print(f"no placeholders")
print(F"capital F {n}")
print(f"{n}" f" and {name}" " plain")
print(rf"raw \n {n}", fr"\t{name}")


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"


p = Point(1, "b")
print(f"{p} {p!r} {p.x}")
print(f"{(lambda v: v * 3)(2)}")
print(f"{None} {True} {[]} {()}")
for i in range(3):
    print(f"row {i}: {'*' * i}")
print(f"{3.0} {0.1 + 0.2} {1e20} {1/3:.4}")
