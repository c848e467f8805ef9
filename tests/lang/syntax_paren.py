print("must not be printed")
value = (1 + 2))
print(value)
