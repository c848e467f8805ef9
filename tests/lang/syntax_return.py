print("must not be printed")
x = 1
return x
