# raise ... from ... left uncaught.
class StorageError(Exception):
    pass


def fetch(store, key):
    try:
        return store[key]
    except KeyError as e:
        raise StorageError("missing record " + key) from e


print(fetch({"a": 1}, "a"))
fetch({"a": 1}, "b")
