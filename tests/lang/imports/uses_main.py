# Imported by import_main.py: reaches the running program through
# sys.modules['__main__'] and `import __main__`.
import __main__
import sys

print("uses_main: __name__ ==", __name__)
print("uses_main: main's marker:", __main__.MARKER)
print("uses_main: same module:", sys.modules["__main__"] is __main__)

if __name__ == "__main__":
    print("not printed: this module is not the main program")
