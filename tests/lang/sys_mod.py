# sys module: argv, stdout/stderr, getrefcount, maxsize, SystemExit.
import sys
print(sys.argv, len(sys.argv), type(sys.argv).__name__)
n = sys.stdout.write("written with sys.stdout.write\n")
print(n)
sys.stdout.write("no newline; ")
sys.stdout.write("then newline\n")
sys.stderr.write("to stderr\n")
print("via print to stderr", file=sys.stderr)
obj = [1, 2, 3]
print(isinstance(sys.getrefcount(obj), int), sys.getrefcount(obj) >= 1)
print(sys.maxsize, sys.maxsize == 9223372036854775807)
sys.setswitchinterval(0.005)
print("switch interval set")
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit code", e.code)
try:
    sys.exit("a message")
except SystemExit as e:
    print("SystemExit code", e.code)
print(hasattr(sys.stdout, "write"), hasattr(sys, "exit"))
print("done")
