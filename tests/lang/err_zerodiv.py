# Uncaught ZeroDivisionError at module level.
total = 10
count = 0
print("computing")
average = total / count
print(average)
