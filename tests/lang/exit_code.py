# sys.exit with an integer code: rc 3, no stderr.
import sys
print("exiting with 3")
sys.exit(3)
print("not reached")
