# printf-style % formatting.
print("%d" % 42, "%d" % -7, "%d" % 3.99, "%i" % 5, "%d" % True)
print("%s" % "str", "%s" % 12, "%s" % 1.5, "%s" % None, "%s" % [1, "a"], "%s" % (("t", 1),))
print("%r" % "str", "%r" % 12, "%r" % [1, "a"], "%r" % None)
print("%5.2f|" % 3.14159, "%.3f" % 2.0, "%f" % 1.5, "%.0f" % 2.5, "%.0f" % 3.5, "%8.3f|" % -1.23456)
print("%-5d|" % 42, "%5d|" % 42, "%05d" % 42, "%+d" % 42, "%+d" % -42, "% d" % 42, "%-+6d|" % 7)
print("%x" % 255, "%X" % 255, "%#x" % 255, "%o" % 8, "%#o" % 8, "%x" % -255, "%08x" % 48879)
print("%e" % 12345.678, "%.2e" % 0.000123, "%E" % 1.5, "%e" % 0.0)
print("%g" % 0.0001, "%g" % 1234567.0, "%g" % 100.0, "%.3g" % 3.14159)
print("100%%", "%d%%" % 50, "%%d")
print("%s is %d years and %.1f%% done" % ("Ann", 30, 99.5))
print("%(name)s has %(count)d items" % {"name": "box", "count": 3})
print("%(a)s %(a)r %(b)05.1f" % {"a": "x", "b": 2.25})
print("%10s|%-10s|" % ("right", "left"))
print("%.2s|%5.1s|" % ("abcdef", "xyz"))
print("%c%c" % (72, "i"))
print("%s" % (1,), "%s %s" % (1, 2))
print("[%3d]" % 1234, "[%-3s]" % "abcd", "%s" % "")
rows = [("apple", 3, 0.5), ("kiwi", 12, 0.25)]
for name, qty, price in rows:
    print("%-8s%4d%8.2f" % (name, qty, price))
try:
    print("%d %d" % (1,))
except TypeError:
    print("TypeError: not enough arguments")
try:
    print("%d" % (1, 2))
except TypeError:
    print("TypeError: not all arguments converted")
try:
    print("%d" % "x")
except TypeError:
    print("TypeError: %d needs a number")
