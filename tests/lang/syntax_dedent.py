print("must not be printed")
def f(a):
    if a:
        return 1
  return 2
