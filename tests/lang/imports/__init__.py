# Helper modules of the import language tests (tests/lang/import_*.py).
# Not tests themselves: run.sh runs only the top-level NAME.py files.
