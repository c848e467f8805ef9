print("must not be printed")
x = = 1
