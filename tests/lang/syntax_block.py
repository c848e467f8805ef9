print("must not be printed")
x = 1
if x:
print("x is set")
