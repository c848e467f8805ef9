#!/bin/sh
# Language test runner.
#
#   tests/lang/run.sh [-d DIR] FTPY [TESTNAME...]
#
# Runs every tests/lang/NAME.py (or only the named tests; "NAME" and
# "NAME.py" are both accepted) as `FTPY NAME.py` from inside tests/lang, with
# stdin from /dev/null and a timeout, and compares:
#   stdout      exactly with NAME.out (a missing .out means "empty")
#   exit code   with the decimal number in NAME.rc (no .rc file means 0)
#   stderr      with NAME.err (no .err file means stderr must be empty), after
#               normalising the actual stderr (see filter_stderr below).
# Prints "PASS: NAME" or "FAIL: NAME" plus the first 30 lines of a unified diff
# for each test, then one line "N passed, N failed"; exits 1 if any failed.
#
# -d DIR runs the tests of another directory the same way (tests/threads:
# `run.sh -d tests/threads FTPY`); DIR is taken relative to the current
# directory.
#
# Environment:
#   FTPY_TEST_WRAPPER  command prefix, e.g. "valgrind -q --error-exitcode=99"
#   FTPY_TEST_TIMEOUT  seconds per test (default 20)
#   FTPY_TEST_REGEN    internal, used by recheck.sh --regen: instead of
#                      comparing, (re)write NAME.out/.err/.rc from this run.
#
# The expected files are produced by CPython 3.11 (see recheck.sh).
#
# Multi-file tests: a test's directory is sys.path[0], so its helper
# modules live in packages beside it (tests/lang/imports/, tests/threads/
# ft_imp/) and only the top-level NAME.py files are tests. PYTHONPATH is
# unset and PYTHONDONTWRITEBYTECODE set, so that both interpreters see the
# same path and CPython leaves no __pycache__ folders behind.

testdir=
if [ "$1" = "-d" ]; then
    [ $# -ge 2 ] || { echo "$0: -d needs a directory" >&2; exit 2; }
    testdir=$(cd "$2" && pwd) || { echo "$0: no directory $2" >&2; exit 2; }
    shift 2
fi
if [ $# -lt 1 ]; then
    echo "usage: $0 [-d DIR] FTPY [TESTNAME...]" >&2
    exit 2
fi

ftpy=$1
shift
case $ftpy in
    */*)
        d=$(cd "$(dirname "$ftpy")" && pwd) || { echo "$0: cannot find $ftpy" >&2; exit 2; }
        ftpy=$d/$(basename "$ftpy")
        ;;
    *)
        found=$(command -v "$ftpy") || { echo "$0: cannot find $ftpy" >&2; exit 2; }
        ftpy=$found
        ;;
esac
if [ ! -x "$ftpy" ]; then
    echo "$0: $ftpy is not executable" >&2
    exit 2
fi

cd "${testdir:-$(dirname "$0")}" || exit 2
here=$(pwd)
LC_ALL=C
export LC_ALL
unset PYTHONPATH
PYTHONDONTWRITEBYTECODE=1
export PYTHONDONTWRITEBYTECODE
timeout_s=${FTPY_TEST_TIMEOUT:-20}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ftpy-lang.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'rm -rf "$tmp"; exit 130' INT TERM

# Normalise stderr:
#  * drop "caret lines": lines made only of whitespace, '~' and '^' (with at
#    least one '~' or '^'), which CPython 3.11 prints under traceback and
#    syntax-error source lines;
#  * remove the test directory's absolute path wherever it appears: `File
#    "/abs/path/to/tests/lang/NAME.py"` becomes `File "NAME.py"` (CPython
#    3.11 reports the main script by absolute path), an imported helper's
#    `.../tests/lang/imports/m.py` becomes `imports/m.py` (in tracebacks
#    and in messages such as "cannot import name ... (FILE)");
#  * drop traceback entries of the threading module (CPython's
#    `File ".../threading.py", line N, in f` plus its source line, ftpy's
#    `File "<frozen threading>", line N, in f`): their lines differ;
#  * write addresses ("at 0x7f3a...") as 0x?, since they differ per run.
filter_stderr() {
    awk -v pfx="$here/" '
        /^[ \t]*[~^][ \t~^]*$/ { next }
        skipsrc && /^    / { skipsrc = 0; next }
        { skipsrc = 0 }
        /^  File "(.*\/threading\.py|<frozen threading>)", line [0-9]+, in / {
            skipsrc = 1
            next
        }
        { gsub(/0x[0-9a-fA-F]+/, "0x?") }
        {
            line = $0
            out = ""
            while ((i = index(line, pfx)) > 0) {
                out = out substr(line, 1, i - 1)
                line = substr(line, i + length(pfx))
            }
            print out line
        }' "$1"
}

if [ $# -eq 0 ]; then
    set -- *.py
fi

passed=0
failed=0
for arg in "$@"; do
    name=${arg%.py}
    if [ ! -f "$name.py" ]; then
        echo "FAIL: $name"
        echo "  no such test: $here/$name.py"
        failed=$((failed + 1))
        continue
    fi

    # shellcheck disable=SC2086  # the wrapper is meant to be word-split
    timeout "$timeout_s" $FTPY_TEST_WRAPPER "$ftpy" "$name.py" \
        </dev/null >"$tmp/out" 2>"$tmp/err.raw"
    rc=$?
    filter_stderr "$tmp/err.raw" >"$tmp/err"

    if [ -n "$FTPY_TEST_REGEN" ]; then
        cp "$tmp/out" "$name.out"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$name.err"; else rm -f "$name.err"; fi
        if [ "$rc" -ne 0 ]; then echo "$rc" >"$name.rc"; else rm -f "$name.rc"; fi
        echo "REGEN: $name (rc $rc)"
        passed=$((passed + 1))
        continue
    fi

    if [ -f "$name.out" ]; then exp_out=$name.out; else : >"$tmp/empty"; exp_out=$tmp/empty; fi
    if [ -f "$name.err" ]; then exp_err=$name.err; else : >"$tmp/empty"; exp_err=$tmp/empty; fi
    exp_rc=0
    if [ -f "$name.rc" ]; then exp_rc=$(tr -d ' \t\r\n' <"$name.rc"); fi

    ok=1
    : >"$tmp/report"
    if [ "$rc" != "$exp_rc" ]; then
        ok=0
        if [ "$rc" -eq 124 ]; then
            echo "  timed out after ${timeout_s}s" >>"$tmp/report"
        fi
        echo "  exit code: expected $exp_rc, got $rc" >>"$tmp/report"
    fi
    if ! cmp -s "$exp_out" "$tmp/out"; then
        ok=0
        echo "  stdout differs:" >>"$tmp/report"
        diff -u "$exp_out" "$tmp/out" | sed 's/^/    /' >>"$tmp/report"
    fi
    if ! cmp -s "$exp_err" "$tmp/err"; then
        ok=0
        echo "  stderr differs (caret lines removed):" >>"$tmp/report"
        diff -u "$exp_err" "$tmp/err" | sed 's/^/    /' >>"$tmp/report"
    fi

    if [ $ok -eq 1 ]; then
        echo "PASS: $name"
        passed=$((passed + 1))
    else
        echo "FAIL: $name"
        head -n 30 "$tmp/report"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
