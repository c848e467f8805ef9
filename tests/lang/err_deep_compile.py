# An expression too deep to compile raises RecursionError, which is
# reported like any other uncaught exception (exit code 1).
print("building")
src = "x = " + "a+" * 100000 + "a"
exec(src)
print("not reached")
