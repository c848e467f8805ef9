# Output printed before an uncaught exception must still appear on stdout.
for i in range(5):
    print("line", i)
print("last line before the error")
raise ValueError("fatal after output")
