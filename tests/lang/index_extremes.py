# Slices, steps and widths at the ends of the 64-bit range: the loops that
# walk a slice and the padding arithmetic must not overflow (the ASan build's
# UBSan checks each of these), and results match CPython.
B = 9223372036854775807
NB = -B - 1

for seq in ([1, 2, 3], (1, 2, 3), "abc", "héllo", range(3)):
    print(seq[1::B], seq[::B], seq[::NB], seq[-1::NB], seq[B::-1], seq[NB:B:B])
    print(seq[NB:], seq[:NB], seq[B:], seq[:B], seq[NB:B:2], seq[B:NB:-2])

l = [1, 2, 3, 4]
del l[::B]
print(l)
l = [1, 2, 3, 4]
del l[-1::NB]
print(l)
l = [1, 2, 3, 4]
l[::B] = ["x"]
print(l)
l[2::B] = ["y"]
print(l)
l[B::NB] = ["z"]
print(l)
try:
    l[::B] = [1, 2]
except ValueError as e:
    print("ValueError", e)

for w in (NB, NB + 1, -1, 0, 3, 6):
    print(repr("ab".center(w)), repr("ab".ljust(w, "*")), repr("ab".rjust(w)),
          repr("ab".zfill(w)), repr("-é".zfill(w)))
print(list(enumerate("ab", B - 1)))
print(list(enumerate("ab", NB)))
print("abc".find("b", NB, B), "abc".count("", NB, B), "abc".rfind("", B, NB))
print([1, 2, 3].index(2, NB, B))
r = [1, 2, 3]
r.insert(B, 4)
r.insert(NB, 0)
print(r, r.pop(-5) if False else r)
