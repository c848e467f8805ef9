print("must not be printed")
greeting = "hello
print(greeting)
