# Uncaught NameError for an undefined name inside a function.
def compute():
    return 1 + qqzzxx_unknown


print("start")
compute()
