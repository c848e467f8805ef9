print("must not be printed")
items = [1, 2,
         3,
