# Imports a module that raises: the traceback goes through both bodies.
def helper():
    return 1


from imports.fail import raises_uncaught
