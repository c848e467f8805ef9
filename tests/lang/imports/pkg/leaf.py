print("imports.pkg.leaf: body runs, __package__ =", __package__)


def double(x):
    return 2 * x


_private = "hidden"
public = "shown"
