# Less common string methods and operations.
print("hello".rfind("l"), "hello".rfind("z"), "hello".rindex("l"))
print("a,b,c".rsplit(",", 1), "a b c".rsplit(), "a b c".rsplit(None, 1))
print("k=v=w".partition("="), "kvw".partition("="), "k=v=w".rpartition("="))
print("hello world".title(), "hello WORLD".capitalize(), "Hello".swapcase())
print("abc123".isalnum(), "abc 123".isalnum(), "ABC".isupper(), "AbC".isupper(), "abc".islower(), "ab1".islower())
print("line1\nline2\r\nline3".splitlines(), "a\n\nb\n".splitlines(), "".splitlines())
print(str.upper("x"), str.join("-", ["a", "b"]))
print("%s" % "abc"[::-1], "abc" * 0 == "", "a" in "abc" and "abc".index("c") == 2)
print(sorted("hello"), list("ab") + ["c"], tuple("xy"))
print(min("hello"), max("hello"), "".join(sorted("dcba")))
print("a" < "aa" < "b", "Z" < "a", "10" < "9", "abc" >= "abc")
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
print("x".join(str(i) for i in range(4)))
print("ababab".replace("ab", "x", 1), "  x ".strip(" "), "xyx".strip("y"))
print("Hello"[1:].upper() + "Hello"[0].lower())
