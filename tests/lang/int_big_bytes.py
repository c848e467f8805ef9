# int.to_bytes / int.from_bytes on small and big ints, both byte orders,
# signed and unsigned, with CPython's errors.

for v in [0, 1, 255, 256, 1024, 2**63, 2**64 - 1, 2**64, 3**80, -1, -128,
          -129, -(2**63), -(2**64), -(3**80)]:
    n = (v.bit_length() + 8) // 8
    for order in ["big", "little"]:
        b = v.to_bytes(n, order, signed=True)
        print(v, order, b, int.from_bytes(b, order, signed=True) == v,
              int.from_bytes(b, order))
    if v >= 0:
        u = v.to_bytes((v.bit_length() + 7) // 8, "big")
        print(u, int.from_bytes(u, "big") == v)
print((1024).to_bytes(2, byteorder="little"), (1).to_bytes(), (0).to_bytes(0, "big"))
print((-(2**127)).to_bytes(16, "big", signed=True), (2**127 - 1).to_bytes(16, "little", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\xff" * 20), "little", signed=True))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\x80" + b"\x00" * 15, "big", signed=True))
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")))

def show(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: (256).to_bytes(1, "big"))
show(lambda: (2**64).to_bytes(8, "little"))
show(lambda: (-1).to_bytes(1, "big"))
show(lambda: (128).to_bytes(1, "big", signed=True))
show(lambda: (-129).to_bytes(1, "big", signed=True))
show(lambda: (-(2**64) - 1).to_bytes(8, "big", signed=True))
show(lambda: (1).to_bytes(1, "middle"))
show(lambda: (1).to_bytes(-1, "big"))
show(lambda: int.from_bytes("abc", "big"))
