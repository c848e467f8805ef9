#!/bin/sh
# Check (or regenerate) the expected output of the language tests against
# CPython, so that NAME.out / NAME.err / NAME.rc cannot drift.
#
#   tests/lang/recheck.sh [--regen] [PYTHON] [TESTNAME...]
#
# PYTHON defaults to python3 (the files were produced with CPython 3.11).
# Without --regen: runs every test with PYTHON exactly the way run.sh runs
# ftpy and reports "N passed, N failed"; exits nonzero on any mismatch.
# With --regen: rewrites NAME.out (always), NAME.err (only when the filtered
# stderr is non-empty) and NAME.rc (only when the exit code is nonzero), then
# checks again.

regen=
if [ "$1" = "--regen" ]; then
    regen=1
    shift
fi
python=${1:-python3}
[ $# -gt 0 ] && shift

dir=$(dirname "$0")
if [ -n "$regen" ]; then
    FTPY_TEST_REGEN=1 sh "$dir/run.sh" "$python" "$@" || exit 1
fi
FTPY_TEST_REGEN='' exec sh "$dir/run.sh" "$python" "$@"
