# Uncaught KeyError from a dict lookup inside a function.
def lookup(table):
    return table["key"]


print("before")
lookup({"other": 1})
print("not reached")
