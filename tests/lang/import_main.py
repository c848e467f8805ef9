# __name__ == "__main__", sys.modules['__main__'], sys.argv, and sys.path's
# first entry being the script's own folder.
import sys

MARKER = "set by the main program"
print(__name__, sys.modules["__main__"].__name__)
print(sys.modules["__main__"] is sys.modules[__name__])
print(sys.modules["__main__"].MARKER)
print(sys.argv)
print(type(sys.path).__name__, sys.path[0] == __file__.rsplit("/", 1)[0])
print(sorted(k for k in vars(sys.modules["__main__"]) if k.startswith("__")))

import imports.uses_main


def main():
    print("main() runs because __name__ is", repr(__name__))


if __name__ == "__main__":
    main()
