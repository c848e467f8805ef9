# Lexing: string literal kinds and escapes.
print('single quoted')
print("double quoted")
print('''triple
single''')
print("""triple
double "with" 'quotes'""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "it's")
print("tab:\tend")
print("newline:\nnext")
print("backslash: \\ done")
print("hex: \x41\x42\x43", "octal: \101\102", "\x7e")
print(len("\n"), len("\t"), len("\\"), len("\x00"), ord("\0"))
print(ord("\u00e9"), len("\u00e9"), ord("\u20ac"))
print(ord("\r"), ord("\a"), ord("\b"), ord("\f"), ord("\v"))
print(r"raw \n stays", r'C:\dir\file', len(r"\n"))
print(R"upper raw \t")
print("adjacent " 'literals ' """are """ "joined")
s = ("implicit "
     "concatenation "
     "across lines")
print(s)
print("backslash-newline \
continues the string")
t = """line one
line two\
 joined
line three"""
print(t)
print(t.count("\n"))
print('''a 'quoted' "word" inside''')
print("""ends with quote\"""")
print("")
print('', "", len(''))
# repr chooses quotes and escapes
print(repr("plain"))
print(repr("it's"))
print(repr('say "x"'))
print(repr("both ' and \""))
print(repr("a\nb\tc\\d"))
print(repr("\x01\x7f"))
print(repr("\r"))
print(repr(''))
# strings are sequences
w = "hello"
print(w[0], w[-1], w[1:3], len(w), "ell" in w, "z" not in w)
print(w + " world", w * 2, 3 * "ab")
for ch in "abc":
    print(ch, end=" ")
print()
print("abc" < "abd", "abc" < "ab", "B" < "a", "abc" == "a" + "bc")
