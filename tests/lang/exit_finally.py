# sys.exit runs finally blocks and can be caught; an uncaught SystemExit(0) exits 0.
import sys


def main():
    try:
        print("in main")
        sys.exit(0)
    finally:
        print("finally ran")


main()
print("not reached")
