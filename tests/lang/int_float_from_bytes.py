# int() and float() of bytes and bytearray, as of str (with the repr CPython
# shows in their ValueError messages).
print(int(b"12"), int(bytearray(b" -7 ")), int(b"ff", 16), int(b"0x1f", 0), int(b"1" * 30))
for bad in (b"x", bytearray(b"1.5"), "z"):
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int(b"zz", 16)
except ValueError as e:
    print(e)
try:
    int([1], 10)
except TypeError as e:
    print(e)
try:
    print(float(b"1.5"))
except TypeError as e:
    print(e)
print(float(bytearray(b" 2.5e3 ")), float(b"-inf"))
for bad in (b"1.5x", bytearray(b"")):
    try:
        float(bad)
    except ValueError as e:
        print(e)
