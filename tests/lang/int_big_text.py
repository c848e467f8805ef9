# Big ints as text: int(str, base) in every base, huge literals in source,
# str/repr/hex/oct/bin, every int format type with ',' and '_' grouping,
# %-formatting, and CPython 3.11's 4300-digit limit on decimal conversion.

big = 123456789012345678901234567890123456789
print(big, -big, repr(big), str(-big))
print(hex(big), oct(big), bin(2**70 + 1), hex(-(2**64)), oct(-(8**30)))
print(0xFFFF_FFFF_FFFF_FFFF_FFFF, 0o7777777777777777777777777, 0b1 << 0)
print(0b1111111111111111111111111111111111111111111111111111111111111111111)
print(99999999999999999999999999999999999999999999999999999999999999999999)
for base in range(2, 37):
    s = "z" * 30
    try:
        v = int(s, base)
    except ValueError as e:
        v = str(e)
    print(base, v, int("-1" + "0" * 40, base), int("1" * 25, base))
print(int("0x" + "f" * 40, 0), int("-0o" + "7" * 30, 0), int("0b" + "1" * 80, 0))
print(int("  -1_000_000_000_000_000_000_000  "), int("+12345678901234567890123"))
for s in ["1" * 30 + "x", "0x" + "f" * 30 + "g", "1__0" + "0" * 30]:
    try:
        int(s, 0)
    except ValueError as e:
        print("ValueError", e)

v = 2**100 + 12345
for spec in ["", "d", ",", "_", "x", "X", "#x", "_x", "o", "#o", "b", "_b",
             "n", "+d", " d", "50", "<50", "^50,", "=+50_", "050,", "e", ".3e",
             "f", ".2%", "g", "E", "#X"]:
    print(repr(format(v, spec)), repr(format(-v, spec)))
print("%d %i %x %X %o %#x" % (v, -v, v, v, -v, v), "%30d|%-30d|" % (v, v))
print("%.40d" % -(2**70), "%+d" % 2**64, "{:,}".format(10**25))
print(f"{2**80:_}", f"{-(2**80):#b}", f"{3**50:>{60}}")

print(len(str(10**4299)), len(str(-(10**4299))), len(hex(2**100000)))
for f in [lambda: str(10**4300), lambda: int("1" * 4301), lambda: repr(-10**5000)]:
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
print(int("1" * 4300) % 1000, int("f" * 5000, 16) % 1000)
