# sys.set_int_max_str_digits / get_int_max_str_digits (CPython 3.11): the
# decimal digit limit on int <-> str conversion, 0 meaning none.
import sys

print(sys.get_int_max_str_digits())
for v in [100, 639, -1]:
    try:
        sys.set_int_max_str_digits(v)
    except ValueError as e:
        print("ValueError", e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), len(str(10**639)))
for f in [lambda: str(10**640), lambda: int("7" * 641)]:
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
print(len(hex(10**2000)), int("f" * 2000, 16) % 97)
sys.set_int_max_str_digits(maxdigits=0)
x = 7**20000
print(len(str(x)), int(str(x)) == x, str(x)[:20], str(x)[-20:])
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits())
