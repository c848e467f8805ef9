#!/bin/sh
# fuzz/run.sh — runs ftpy's libFuzzer harnesses one after the other and
# says whether any of them found something.
#
#   fuzz/run.sh -b BINDIR -l LANGDIR [-t SECONDS] [-r RUNS] [-s SEED]
#               [-w WORKDIR] [-o FINDINGS] [-q] TARGET...
#
# TARGET is compile or run: BINDIR/ftpy-fuzz-TARGET is run for SECONDS
# (default 300), or until it has tried RUNS inputs if that comes first,
# with the dictionary fuzz/python.dict, starting from the
# seed corpus (LANGDIR/*.py, the language tests) and from
# WORKDIR/corpus/TARGET, where the inputs it finds interesting are kept
# for the next run. Without -w the corpus lives in a temporary directory
# and is thrown away, so a run with -s depends on nothing but the seeds.
# An input that crashes (or trips a sanitizer or an assertion), hangs or
# exhausts memory is written to FINDINGS/TARGET/ (default fuzz-findings);
# every target still runs, and the script then exits 1. With -s and -r
# (and no -w) every run tries the same inputs, unless the watchdog of the
# run harness (fuzz/bounds.h) cuts a program short at a different point.
# -q keeps libFuzzer's progress lines in FINDINGS/TARGET.log and shows
# only its summary, or the end of the log when something was found (CI).
# Exit status: 0 nothing found, 1 findings, 2 usage or setup error.
case $1 in -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
bindir= langdir= seconds=300 runs= seed= work= findings=fuzz-findings quiet=
while getopts b:l:t:r:s:w:o:q opt; do
    case $opt in
        b) bindir=$OPTARG ;;
        l) langdir=$OPTARG ;;
        t) seconds=$OPTARG ;;
        r) runs=$OPTARG ;;
        s) seed=$OPTARG ;;
        w) work=$OPTARG ;;
        o) findings=$OPTARG ;;
        q) quiet=1 ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ -z "$bindir" ] || [ -z "$langdir" ] || [ $# -eq 0 ]; then
    echo "usage: $0 -b BINDIR -l LANGDIR [-t SECONDS] [-r RUNS] [-s SEED] [-w WORKDIR] [-o FINDINGS] [-q] TARGET..." >&2
    exit 2
fi
case $seconds in ''|*[!0-9]*) echo "$0: SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;; esac
case $runs in *[!0-9]*) echo "$0: RUNS must be a whole number, not '$runs'" >&2; exit 2 ;; esac
case $seed in *[!0-9]*) echo "$0: SEED must be a whole number, not '$seed'" >&2; exit 2 ;; esac
here=$(cd "$(dirname "$0")" && pwd)
dict=$here/python.dict

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ftpy-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'rm -rf "$tmp"; exit 130' INT TERM
[ -n "$work" ] || work=$tmp/work
# The seeds: the language tests' programs, without their expected output.
mkdir -p "$tmp/seeds" || exit 2
cp "$langdir"/*.py "$tmp/seeds/" || exit 2

found=
for t in "$@"; do
    bin=$bindir/ftpy-fuzz-$t
    [ -x "$bin" ] || { echo "$0: no harness $bin" >&2; exit 2; }
    mkdir -p "$work/corpus/$t" "$findings/$t" || exit 2
    # -timeout: the run harness ends programs after 1 s itself
    # (fuzz/bounds.h), so 10 s means stuck where no check is made.
    # -rss_limit_mb: above the harness's own 1 GiB budget per program.
    set -- -dict="$dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=3072 -max_len=8192 -detect_leaks=0 \
        -print_final_stats=1 -artifact_prefix="$findings/$t/"
    [ -z "$seed" ] || set -- "$@" -seed="$seed"
    [ -z "$runs" ] || set -- "$@" -runs="$runs"
    echo "fuzz: $t for ${seconds}s${runs:+ or $runs inputs} (corpus $work/corpus/$t, findings $findings/$t/)" >&2
    if [ -n "$quiet" ]; then
        "$bin" "$@" "$work/corpus/$t" "$tmp/seeds" >"$findings/$t.log" 2>&1
        rc=$?
        if [ $rc -eq 0 ]; then grep -E '^(Done|stat::)' "$findings/$t.log" >&2
        else tail -n 80 "$findings/$t.log" >&2; fi
    else
        "$bin" "$@" "$work/corpus/$t" "$tmp/seeds"
        rc=$?
    fi
    if [ $rc -ne 0 ]; then
        echo "fuzz: $t found something (exit $rc); see $findings/$t/" >&2
        found="$found $t"
    fi
done
if [ -n "$found" ]; then
    echo "fuzz: findings from:$found" >&2
    echo "fuzz: reproduce with $bindir/ftpy-fuzz-TARGET FILE (FTPY_FUZZ_VERBOSE=1 shows the program's output);" >&2
    echo "fuzz: shrink with $bindir/ftpy-fuzz-TARGET -minimize_crash=1 -runs=20000 FILE (README.md, Fuzzing)" >&2
    exit 1
fi
echo "fuzz: nothing found" >&2
exit 0
