#!/bin/sh
# bench/programs.sh — what each preset of bench/presets.txt costs against the
# gil preset on realistic single-thread programs (bench/programs/*.py): runs
# them on the already built variants/PRESET/ftpy, checks every result against
# the output CPython gave, and prints a Markdown report of the median times.
# Lists (presets, programs) are space-separated words, split on purpose;
# globbing is off so they cannot expand.
# shellcheck disable=SC2086,SC2116
set -f
usage() {
    cat <<'EOF'
usage: bench/programs.sh [OPTIONS]

Run from a build directory whose variants/PRESET/ftpy are already built
(`make compare` builds them all); this script builds nothing.
Each program of bench/programs/ runs on every preset, RUNS times,
alternating the presets run by run so machine noise hits all of them alike:
  PRESET's ftpy bench/programs/NAME.py SCALE
A program prints its result lines and then `time: SECONDS`, the wall time
of its work. The result lines must equal bench/programs/NAME.out, the
output of CPython (make it again after changing a program with
`python3 bench/programs/NAME.py | sed '$d' >bench/programs/NAME.out`);
any difference is a failure. The report (median times and their ratios to
gil, with the geometric mean over the programs) goes to stdout and
results/programs.md; every run goes to results/programs.csv. Progress goes
to stderr.

Options:
  --quick           rough numbers fast (3 runs, SCALE 1)
  --runs N          runs per program and preset (default 5, 3 with --quick)
  --scale N         the programs' SCALE, a repeat count of their work
                    (default 2, 1 with --quick; 1 is about 0.3 to 0.6 s on gil)
  --presets LIST    only these presets (space or comma separated, names from
                    bench/presets.txt; ratios need gil among them)
  --programs LIST   only these programs (space or comma separated, names of
                    bench/programs/NAME.py)
  --results DIR     where the results go (default results)
  -h, --help        this text

Exit status: 0 when everything ran (missed goals included), 1 when a
program failed or gave a wrong result, 2 on bad usage.
EOF
}

tool=programs
bench=$(cd "$(dirname "$0")" && pwd) || exit 2
# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
progdir=$bench/programs
quick=
runs=
scale=
presets_arg=
programs_arg=
results=results
while [ $# -gt 0 ]; do
    case $1 in
        -h|--help) usage; exit 0 ;;
        --quick) quick=1 ;;
        --quick=*|--help=*) bad_usage "${1%%=*} takes no value" ;;
        --runs|--scale|--presets|--programs|--results)
            [ $# -ge 2 ] || bad_usage "$1 needs a value"
            case $1 in
                --runs) runs=$2 ;;
                --scale) scale=$2 ;;
                --presets) presets_arg=$2 ;;
                --programs) programs_arg=$2 ;;
                --results) results=$2 ;;
            esac
            shift ;;
        --*=*)  # --opt=value: split it and look at it again
            opt=${1%%=*} val=${1#*=}
            shift
            set -- "$opt" "$val" "$@"
            continue ;;
        *) bad_usage "unknown argument '$1'" ;;
    esac
    shift
done

if [ -n "$quick" ]; then
    : "${runs:=3}" "${scale:=1}"
else
    : "${runs:=5}" "${scale:=2}"
fi
positive RUNS "$runs"
positive SCALE "$scale"
[ -n "$results" ] || bad_usage "--results needs a directory"

# ---- presets (bench/presets.txt is the one list) and programs ----------------

select_presets "$presets_arg"

all_programs=
set +f
for f in "$progdir"/*.py; do
    [ -f "$f" ] && all_programs="$all_programs $(basename "$f" .py)"
done
set -f
[ -n "$all_programs" ] || die "no programs in $progdir"
if [ -n "$programs_arg" ]; then
    names=
    for w in $(echo "$programs_arg" | tr ',' ' '); do names="$names ${w%.py}"; done
    pick program "$all_programs" "$names"
    programs=$picked
else
    programs=$(echo $all_programs)
fi
[ -n "$programs" ] || bad_usage "no programs selected"

for p in $presets; do
    [ -x "variants/$p/ftpy" ] ||
        die "no variants/$p/ftpy in $(pwd): build the presets first (make compare builds them) or leave $p out with --presets"
done
for g in $programs; do
    [ -r "$progdir/$g.out" ] || die "no expected output $progdir/$g.out (see --help to make it)"
done

if command -v timeout >/dev/null 2>&1; then limit="timeout 600"; else limit=; fi

mkdir -p "$results" || die "cannot create $results"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ftpy-programs.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- runs -------------------------------------------------------------------

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
# No file of an earlier run may pass for one of this run.
rm -f "$results/programs.csv" "$results/programs.md"
raw=$results/programs.csv
echo "preset,program,scale,run,seconds" >"$raw"

# measure PRESET PROGRAM RUN: one run, checked, one CSV row; exits on failure.
measure() {
    p=$1 g=$2 r=$3
    ftpy=variants/$p/ftpy
    out=$tmp/out err=$tmp/err
    $limit "$ftpy" "$progdir/$g.py" "$scale" >"$out" 2>"$err"
    status=$?
    secs=$(sed -n '$s/^time: \([0-9][0-9]*\.[0-9]*\)$/\1/p' "$out")
    if [ "$status" != 0 ] || [ -z "$secs" ]; then
        echo >&2
        if [ "$status" != 0 ]; then
            echo "programs: FAILED: $ftpy $progdir/$g.py $scale (run $r, exit status $status)" >&2
        else
            echo "programs: FAILED: $ftpy $progdir/$g.py $scale (run $r): no 'time: SECONDS' last line" >&2
        fi
        [ "$status" = 124 ] && echo "programs: it was killed after 600 s" >&2
        sed 's/^/  stdout: /' "$out" | tail -n 5 >&2
        sed 's/^/  stderr: /' "$err" | tail -n 20 >&2
        exit 1
    fi
    sed '$d' "$out" >"$tmp/result"
    if ! cmp -s "$tmp/result" "$progdir/$g.out"; then
        echo >&2
        echo "programs: WRONG RESULT: $ftpy $progdir/$g.py $scale (run $r) differs from $g.out (CPython's; < expected, > got):" >&2
        diff "$progdir/$g.out" "$tmp/result" | sed 's/^/  /' | head -n 20 >&2
        exit 1
    fi
    echo "$p,$g,$scale,$r,$secs" >>"$raw"
}

r=1
while [ "$r" -le "$runs" ]; do
    for g in $programs; do
        printf 'programs: run %d/%d, %s:' "$r" "$runs" "$g" >&2
        for p in $presets; do
            printf ' %s' "$p" >&2
            measure "$p" "$g" "$r"
        done
        echo >&2
    done
    r=$((r + 1))
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ---- medians and ratios -----------------------------------------------------

# One line per cell and one per preset, read by `lookup` below:
#   cell,PRESET,PROGRAM,RUNS,MEDIAN_SECONDS,RATIO_TO_GIL
#   summary,PRESET,GEOMETRIC_MEAN_OF_RATIOS,LARGEST_RATIO,ITS_PROGRAM
# A ratio is empty without a gil median to divide by; the summary's fields
# are empty unless every program has a ratio.
stats=$tmp/stats
awk -F, -v presets="$presets" -v programs="$programs" '
    function median(list,   n, v, i, j, t) {
        n = split(list, v, " ")
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
        if (n == 0) return ""
        return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    NR == 1 { next }
    { s[$1, $2] = s[$1, $2] " " $5; n[$1, $2]++ }
    END {
        np = split(presets, P, " ")
        ng = split(programs, G, " ")
        for (i = 1; i <= np; i++) {
            p = P[i]
            logs = 0; rated = 0; worst = ""; worst_g = ""
            for (j = 1; j <= ng; j++) {
                g = G[j]
                m = median(s[p, g])
                b = median(s["gil", g])
                ratio = ""
                if (m != "" && b != "" && m > 0 && b > 0) {
                    ratio = m / b
                    logs += log(ratio); rated++
                    if (worst == "" || ratio > worst) { worst = ratio; worst_g = g }
                }
                printf "cell,%s,%s,%d,%s,%s\n", p, g, n[p, g],
                    (m == "" ? "" : sprintf("%.3f", m)), (ratio == "" ? "" : sprintf("%.2f", ratio))
            }
            if (rated == ng)
                printf "summary,%s,%.2f,%.2f,%s\n", p, exp(logs / ng), worst, worst_g
            else
                printf "summary,%s,,,\n", p
        }
    }' "$raw" >"$stats" || die "cannot compute the medians"

# lookup KEY COLUMN: a field of the stats line that starts with KEY (e.g.
# "cell,biased,nbody" 6 is biased's ratio on nbody), or empty.
lookup() { awk -F, -v key="$1" -v c="$2" 'index($0, key ",") == 1 { print $c; exit }' "$stats"; }

# ---- report -----------------------------------------------------------------

report=$results/programs.md
{
    echo "# ftpy: single-thread programs"
    echo
    if [ -n "$quick" ]; then
        echo "**QUICK: numbers are rough** ($runs runs, SCALE $scale; run \`bench/programs.sh\` for the real figures)."
        echo
    fi
    if [ -n "${FTPY_NO_FUSED+set}" ]; then
        echo "**FTPY_NO_FUSED is set: every build ran without the fused operand instructions.**"
        echo
    fi
    echo "Medians of $runs runs per cell, presets alternated run by run; each run is"
    echo "\`ftpy bench/programs/NAME.py $scale\` and its result matched CPython's."
    echo
    hdr="| program |" sep="|---|"
    for p in $presets; do hdr="$hdr $p (s) | vs gil |"; sep="$sep--:|--:|"; done
    echo "$hdr"
    echo "$sep"
    for g in $programs; do
        row="| $g |"
        for p in $presets; do
            row="$row $(show "$(lookup "cell,$p,$g" 5)") | $(show "$(lookup "cell,$p,$g" 6)") |"
        done
        echo "$row"
    done
    row="| geometric mean |"
    for p in $presets; do row="$row | $(show "$(lookup "summary,$p" 3)") |"; done
    echo "$row"
    echo
    echo "How to read: a time is the median of the wall times the program measured"
    echo "around its own work (start-up excluded). \"vs gil\" is that median over the"
    echo "gil preset's median on the same program, measured in the same session: 1.25"
    echo "means 25% slower than the GIL build, below 1.00 faster. The geometric mean"
    echo "weighs every program alike, however long it runs. What each program"
    echo "exercises is in its docstring. Differences of a few percent are within this"
    echo "machine's noise: compare the load averages below, and rerun with more"
    echo "--runs when in doubt."
    has gil || { echo; echo "n/a: the gil preset was not among the presets, so there is no baseline."; }
    echo

    # -- goals -----------------------------------------------------------------
    echo "## Goals"
    echo
    goal "biased geometric mean over the programs at most 1.10x of gil" \
        "$(lookup summary,biased 3)" le 1.10
    goal "no program above 1.25x of gil on biased" \
        "$(lookup summary,biased 4)" le 1.25 "$(lookup summary,biased 5)"
    has biased || echo "- (biased was not among the presets)"
    echo

    # -- machine ---------------------------------------------------------------
    echo "## Machine"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1), $(nproc 2>/dev/null || echo '?') CPUs (nproc)"
    echo "- system: $(uname -srm)"
    echo "- load average (1, 5, 15 min) at start: $load_start; at end: $load_end"
} >"$report"
cat "$report"
echo "programs: wrote $raw and $report" >&2
