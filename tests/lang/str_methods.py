# String methods.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")),
      repr("abcba".strip("ab")), repr("\t\n x \r\n".strip()), repr("..a..".lstrip(".")), repr("..a..".rstrip(".")))
print("a,b,,c".split(","), "  a  b c ".split(), "a b c".split(" "), "a-b-c".split("-", 1), "".split(), "".split(","))
print("one  two".split(" "), "x".split(","), "a\tb\nc  d".split(), "a::b::c".split("::"), "a b c d".split(None, 2))
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"), "/".join([]), "+".join(("1",)))
try:
    ",".join([1, 2])
except TypeError:
    print("TypeError: join needs strings")
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "hello".replace("l", ""), "abc".replace("x", "y"),
      "abab".replace("ab", "ba"), "".replace("", "-"), "ab".replace("", "-"))
print("hello".find("l"), "hello".find("lo"), "hello".find("z"), "hello".find("l", 3), "hello".find(""),
      "hello".find("h", 1), "hello".find("l", 1, 3))
print("hello".index("e"), "hello".index("lo"))
try:
    "hello".index("z")
except ValueError as e:
    print("ValueError", e)
print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"), "hello".endswith(""),
      "hello".startswith(("x", "h")), "hello".endswith(("a", "b")), "hello".startswith("l", 2))
print("MiXeD 123".upper(), "MiXeD 123".lower(), "".upper())
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalpha(), "".isalpha(),
      " \t\n".isspace(), " a ".isspace(), "".isspace(), "Abc".isalpha())
print("banana".count("a"), "banana".count("an"), "banana".count("x"), "aaaa".count("aa"), "abc".count(""))
print(repr("ab".center(6)), repr("ab".center(7, "*")), repr("abc".center(2)), repr("a".center(4, "-")))
print(repr("ab".ljust(5)), repr("ab".rjust(5)), repr("ab".ljust(5, ".")), repr("ab".rjust(5, "0")), repr("abcdef".ljust(3)))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print("{} + {} = {}".format(1, 2, 3), "{x}".format(x="fmt"))
# strings are immutable: methods return new strings
orig = "keep"
up = orig.upper()
print(orig, up)
# chained methods
print("  Some Text  ".strip().lower().replace(" ", "_"))
print("-".join("a b  c".split()).upper().center(9, "="))
line = "name=value=extra"
key, _, rest = line.partition("=")
print(key, rest)
words = "The quick brown fox".split()
print(len(words), [w.lower() for w in words if w[0].isupper()], max(words, key=len))
