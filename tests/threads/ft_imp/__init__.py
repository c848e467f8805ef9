# Helper modules of the concurrent-import thread tests
# (tests/threads/ft_import_*.py). Not tests themselves.
