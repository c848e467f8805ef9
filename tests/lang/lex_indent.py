# Lexing: indentation, comments, explicit and implicit line joining.
# A comment on its own line.
x = 1  # trailing comment
    # a comment indented oddly does not matter

if x:
  # two-space block
  y = 2
  if y:
          # deeper block with eight extra spaces
          z = 3

          # blank line above inside the block
          print("z", z)
  print("y", y)
print("x", x)


def tabbed():
	# this body is indented with a single tab
	a = 10
	if a > 5:
		a = a + 1
	return a


print("tabbed", tabbed())

# explicit line joining with backslash
total = 1 + \
    2 + \
    3
print("total", total)
if total > 5 and \
   total < 10:
    print("backslash condition")

# implicit line joining inside brackets
lst = [
    1, 2,   # comment inside brackets
    3,
        4,
]
print(lst)
d = {
  "a": 1,
                "b": 2,
}
print(d)
t = (10 +
     20 +
  30)
print(t)
print("call",
      "with",
      "many",
                  "lines")


def f(a,
      b,
  c):
    return a + b + c


print(f(1,
        2,
        3))

# semicolons and one-line compound statements
a = 1; b = 2; c = a + b; print(a, b, c)
if c == 3: print("one-line if")
for i in range(3): print("i", i)
n = 3
while n: n -= 1
print("n", n)


class K: pass


def g(): return "g"
print(g(), K.__name__)

# nested blocks dedenting several levels at once
for i in range(2):
    for j in range(2):
        if i == j:
            if i == 1:
                print("diag", i, j)
print("end")
# comment at end of file without newline handling issues
