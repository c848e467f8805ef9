#!/bin/sh
# tests/stress.sh — the thread tests, many times over, under load.
#
#   tests/stress.sh [-n RUNS] [-l BUSY] [-t TEST]... FTPY...
#
# Runs every tests/threads test (or only the -t ones) RUNS times (default
# 30) with each FTPY binary, while BUSY (default 2) busy-looping processes
# compete for the cores, so that thread interleavings vary from run to run.
# A ThreadSanitizer build (its path contains "tsan") gets halt_on_error and
# a longer per-test timeout, so that any report fails the run. Prints one
# line per round, then a summary; keeps the output of every failing run in
# stress-failures/. Exits 1 if anything failed.

usage() {
    sed -n '2,12s/^# \{0,1\}//p' "$0"
}

runs=30
busy=2
tests=
while [ $# -gt 0 ]; do
    case $1 in
        -n) runs=${2:?-n needs a number}; shift 2 ;;
        -l) busy=${2:?-l needs a number}; shift 2 ;;
        -t) tests="$tests ${2:?-t needs a test name}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "$0: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || { usage >&2; exit 2; }
case $runs$busy in *[!0-9]*) echo "$0: -n and -l take numbers" >&2; exit 2 ;; esac

here=$(cd "$(dirname "$0")" && pwd)
for b in "$@"; do
    [ -x "$b" ] || { echo "$0: $b is not an executable ftpy (build it first)" >&2; exit 2; }
done

pids=
cleanup() { [ -n "$pids" ] && kill $pids 2>/dev/null; }
trap cleanup EXIT INT TERM
i=0
while [ $i -lt "$busy" ]; do
    sh -c 'while :; do :; done' &
    pids="$pids $!"
    i=$((i + 1))
done

out=stress-failures
failed_total=0
summary=
for b in "$@"; do
    env_extra=
    case $b in
        *tsan*) env_extra="TSAN_OPTIONS=halt_on_error=1 exitcode=66 FTPY_TEST_TIMEOUT=${FTPY_TEST_TIMEOUT:-120}" ;;
    esac
    bad=0
    r=1
    while [ $r -le "$runs" ]; do
        log=$(mktemp)
        # shellcheck disable=SC2086
        env $env_extra sh "$here/lang/run.sh" -d "$here/threads" "$b" $tests >"$log" 2>&1
        last=$(tail -n 1 "$log")
        printf '%s round %d/%d: %s\n' "$b" "$r" "$runs" "$last"
        case $last in
            *" 0 failed") rm -f "$log" ;;
            *)
                bad=$((bad + 1))
                mkdir -p "$out"
                name=$(echo "$b" | tr '/' '_')
                mv "$log" "$out/$name.round$r.log"
                grep '^FAIL' "$out/$name.round$r.log"
                ;;
        esac
        r=$((r + 1))
    done
    summary="$summary
$b: $bad of $runs rounds failed"
    failed_total=$((failed_total + bad))
done
echo "stress: $runs rounds each, $busy busy processes alongside:$summary"
[ "$failed_total" -eq 0 ] || { echo "failing runs kept in $out/" >&2; exit 1; }
