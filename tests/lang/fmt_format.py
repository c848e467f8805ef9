# str.format and format().
print("{} and {}".format("a", "b"))
print("{0} {1} {0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=40))
print("{0} {name} {1}".format(1, 2, name="n"))
print("{{literal}} {}".format("braces"))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*>6}|{:-<6}|{:.^7}|".format(1, 2, 3))
print("{:5}|{:5}|".format(42, "s"))
print("{:05d} {:+d} {:+d} {: d}".format(42, 5, -5, 3))
print("{:.2f} {:8.3f}| {:.0f} {:f}".format(3.14159, 2.5, 2.5, 1.0))
print("{:x} {:X} {:o} {:b} {:#x} {:#b} {:08b}".format(255, 255, 8, 5, 255, 5, 5))
print("{:e} {:.2e} {:g} {:g}".format(12345.678, 0.000123, 0.0001, 1234567.0))
print("{:,} {:,}".format(1234567, -1000))
print("{:.1%} {:%}".format(0.256, 0.5))
print("{!r} {!s} {!r}".format("q", "q", 5))
print("{0[0]} {0[1]} {1[k]}".format([10, 20], {"k": "v"}))


class P:
    x = 3
    y = 4


print("{0.x},{0.y}".format(P()))
print("{:>{w}}|".format("pad", w=6), "{:.{p}f}".format(3.14159, p=2))
print("{}".format(None), "{}".format([1, "a"]), "{}".format(1.0), "{}".format(True))
print(format(3.14159, ".3f"), format(42, "06d"), format("s", ">3"), format(255, "x"), format(7))
print("{:<10.3f}|{:>10.2e}|".format(1.5, 1234.5))
print("{:d}".format(True), "{:.3}".format("abcdef"), "{:10.3}|".format("abcdef"))
print("".format(), "{}{}{}".format(1, 2, 3))
try:
    "{} {}".format(1)
except IndexError:
    print("IndexError: not enough positional args")
try:
    "{missing}".format(present=1)
except KeyError as e:
    print("KeyError", e)
