# A module from the interpreter's own library folder: __future__ (a file
# in ftpy's lib/, in CPython's standard library).
import __future__
import sys

print(__future__.__name__, __future__.__package__ == "")
print(__future__.__file__.endswith("/__future__.py"))
print(__future__.all_feature_names)
for name in __future__.all_feature_names:
    f = getattr(__future__, name)
    print(name, f.getOptionalRelease(), f.getMandatoryRelease(),
          hex(f.compiler_flag))
print(__future__.annotations)
print(__future__.CO_FUTURE_ANNOTATIONS == __future__.annotations.compiler_flag)
print("__future__" in sys.modules, __import__("__future__") is __future__)
