#!/bin/sh
# bench/scaling.sh — thread scaling of the built presets: runs
# bench/scaling.py on 1..K worker threads under every preset (and optionally
# a free-threaded CPython), then prints a Markdown report and writes the raw
# data, medians, report and charts under results/. It builds nothing.
# Lists (presets, thread counts, workloads) are space-separated words, split
# on purpose; globbing is off so they cannot expand.
# shellcheck disable=SC2086,SC2116
set -f
usage() {
    cat <<'EOF'
usage: bench/scaling.sh [OPTIONS]

Run from the build directory (in or out of tree) once the presets are built
in variants/PRESET/ftpy (`make compare` or `make check` builds them; this
script builds nothing). Each run starts bench/scaling.py once per preset and
thread count K, with every workload; each workload runs in K worker threads
at once, one unit of work per thread (weak scaling). Runs alternate the
presets run by run, so machine noise hits all of them alike:
  for each run, for each K, for each preset:
      variants/PRESET/ftpy bench/scaling.py --threads K --scale S
From the medians over runs, per preset and workload:
  worker cost vs gil   wall time on 1 thread / the gil preset's (1.10 = 10%
                       slower)
  speedup at K         K * WALL(1) / WALL(K); ideal K (at most the CPU count)
  CPU inflation at K   CPU(K) / (K * CPU(1)); 1.00 = no contention. CPU
                       time shows contention even on a busy machine.
K is 1, 2, 4 and the number of CPUs (deduplicated, at most 64). A preset whose
`ftpy -V` says `unsafe-refcount: yes` runs on 1 thread only: its reference
counts race by design. The report goes to stdout and results/scaling.md;
raw runs to results/scaling.csv, medians and metrics to
results/scaling-medians.csv, the chart (gnuplot) to
results/scaling-speedup.svg and .png. Progress goes to stderr.

Options:
  --quick           rough numbers fast: 3 runs, --scale 0.25, K = 1, 2 and
                    the CPU count
  --runs N          runs per measurement (default 5, 3 with --quick)
  --presets LIST    only these presets (space or comma separated, names from
                    bench/presets.txt; worker cost needs gil among them)
  --threads LIST    these thread counts instead (space or comma separated,
                    1 to 64; 1 is always added, speedups are relative to it)
  --scale S         scaling.py --scale (default 1, 0.25 with --quick)
  --results DIR     where the results go (default results)
  --python PROG     also run a Python interpreter (a free-threaded CPython,
                    say) as one more column, named after it: cpython-ft,
                    or cpython when its GIL is on
  -h, --help        this text

Environment: FTPY_SCALING_PYTHON=PROG does what --python PROG does. Without
either, python3 is added when it is a free-threaded CPython (its
sys._is_gil_enabled() returns False).

Exit status: 0 when everything ran (missed goals included), 1 when a
preset is not built or a run failed, 2 on bad usage.
EOF
}

tool=scaling
bench=$(cd "$(dirname "$0")" && pwd) || exit 2
# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
max_threads=64
quick=
runs=
presets_arg=
threads_arg=
scale=
results=results
python_arg=
while [ $# -gt 0 ]; do
    case $1 in
        -h|--help) usage; exit 0 ;;
        --quick) quick=1 ;;
        --quick=*|--help=*) bad_usage "${1%%=*} takes no value" ;;
        --runs|--presets|--threads|--scale|--results|--python)
            [ $# -ge 2 ] || bad_usage "$1 needs a value"
            case $1 in
                --runs) runs=$2 ;;
                --presets) presets_arg=$2 ;;
                --threads) threads_arg=$2 ;;
                --scale) scale=$2 ;;
                --results) results=$2 ;;
                --python) python_arg=$2 ;;
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
    : "${runs:=3}" "${scale:=0.25}"
else
    : "${runs:=5}" "${scale:=1}"
fi
positive RUNS "$runs"
if [ "$runs" = 1 ]; then of_runs="1 run"; else of_runs="$runs runs"; fi
case $scale in
    *[!0-9.]*|*.*.*|.|'') bad_usage "--scale must be a positive number, not '$scale'" ;;
esac
awk -v s="$scale" 'BEGIN { exit !(s > 0) }' || bad_usage "--scale must be positive, not '$scale'"
[ -n "$results" ] || bad_usage "--results needs a directory"

cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
if [ -n "$threads_arg" ]; then
    threads="1 $(echo "$threads_arg" | tr ',' ' ')"
    for k in $threads; do
        positive "a thread count" "$k"
        [ "$k" -le "$max_threads" ] || bad_usage "at most $max_threads threads, not $k"
    done
else
    kcpu=$cpus
    [ "$kcpu" -le "$max_threads" ] || kcpu=$max_threads
    if [ -n "$quick" ]; then threads="1 2 $kcpu"; else threads="1 2 4 $kcpu"; fi
fi
threads=$(printf '%s\n' $threads | sort -n -u | tr '\n' ' ')
threads=$(echo $threads)
multi=$(printf '%s\n' $threads | sed '/^1$/d' | tr '\n' ' ')
multi=$(echo $multi)
maxk=$(printf '%s\n' $threads | tail -n 1)
# The tables show 2 threads, or the smallest K above 1 when 2 is not run.
k2=
case " $threads " in *" 2 "*) k2=2 ;; *) k2=$(echo "$multi" | cut -d' ' -f1) ;; esac

# ---- presets: bench/presets.txt is the one list -------------------------

[ -r "$bench/scaling.py" ] || die "cannot read $bench/scaling.py"
select_presets "$presets_arg"

missing=
for p in $presets; do [ -x "variants/$p/ftpy" ] || missing="$missing variants/$p/ftpy"; done
[ -z "$missing" ] ||
    die "not built in $(pwd):$missing (this script builds nothing:" \
        "run it from the build directory after \`make compare\` or \`make check\`)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ftpy-scaling.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

probe_presets "$tmp"

# ---- the optional Python column -----------------------------------------

# python_probe PROG: "IMPLEMENTATION GIL-ENABLED", e.g. "cpython False".
python_probe() {
    "$1" -c 'import sys
print(sys.implementation.name, getattr(sys, "_is_gil_enabled", lambda: True)())' 2>/dev/null
}
python=
pyname=
if [ -n "$python_arg" ]; then
    python=$python_arg
    probe=$(python_probe "$python") || die "cannot run --python '$python'"
elif [ -n "${FTPY_SCALING_PYTHON:-}" ]; then
    python=$FTPY_SCALING_PYTHON
    probe=$(python_probe "$python") || die "cannot run FTPY_SCALING_PYTHON='$python'"
elif probe=$(python_probe python3) && [ "${probe#* }" = False ]; then
    python=python3
fi
if [ -n "$python" ]; then
    pyname=${probe% *}
    [ "${probe#* }" = False ] && pyname=$pyname-ft
    echo "$all_presets" | grep -qx -- "$pyname" &&
        die "the Python column '$pyname' has the name of a preset"
    python_version=$("$python" -VV 2>&1 | head -n 1)
fi
runners=$(echo $presets $pyname)
program() { if [ "$1" = "$pyname" ]; then echo "$python"; else echo "variants/$1/ftpy"; fi; }

first=$(echo "$presets" | cut -d' ' -f1)
workloads=$("variants/$first/ftpy" "$bench/scaling.py" --list 2>"$tmp/err") ||
    die "variants/$first/ftpy $bench/scaling.py --list failed: $(tail -n 3 "$tmp/err")"
workloads=$(echo $workloads)
[ -n "$workloads" ] || die "$bench/scaling.py --list lists no workloads"

if command -v timeout >/dev/null 2>&1; then has_timeout=1; else has_timeout=; fi

# ---- runs -------------------------------------------------------------------

mkdir -p "$results" || die "cannot create $results"
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
# No file of an earlier run may pass for one of this run.
for f in scaling.csv scaling-medians.csv scaling.md scaling-speedup.dat \
    scaling-speedup-biased.dat scaling-speedup.svg scaling-speedup.png; do
    rm -f "$results/$f"
done
raw=$results/scaling.csv
echo "preset,workload,threads,run,wall,cpu" >"$raw"

# measure RUNNER K RUN: one run of scaling.py with every workload, one CSV
# row per workload; exits on failure. The time limit grows with the threads
# each CPU has to carry and with the scale.
measure() {
    p=$1 k=$2 r=$3
    prog=$(program "$p")
    out=$tmp/out err=$tmp/err
    set -- "$bench/scaling.py" --threads "$k" --scale "$scale"
    limit=
    if [ -n "$has_timeout" ]; then
        limit=$(awk -v k="$k" -v c="$cpus" -v s="$scale" \
            'BEGIN { n = int((k + c - 1) / c); printf "%d", 600 * n * (s > 1 ? s : 1) }')
        timeout "$limit" "$prog" "$@" >"$out" 2>"$err"
    else
        "$prog" "$@" >"$out" 2>"$err"
    fi
    status=$?
    lost=
    if [ "$status" = 0 ]; then
        # Every workload must report once, for this K, with two numbers.
        lost=$(awk -v p="$p" -v k="$k" -v r="$r" -v want="$workloads" -v rows="$tmp/rows" '
            BEGIN { n = split(want, w, " ") }
            NF == 4 && $2 == k && $3 ~ /^[0-9]+(\.[0-9]*)?$/ && $4 ~ /^[0-9]+(\.[0-9]*)?$/ {
                wall[$1] = $3; cpu[$1] = $4
            }
            END {
                printf "" >rows
                for (i = 1; i <= n; i++)
                    if (w[i] in wall) print p "," w[i] "," k "," r "," wall[w[i]] "," cpu[w[i]] >rows
                    else printf " %s", w[i]
            }' "$out")
    fi
    if [ "$status" != 0 ] || [ -n "$lost" ]; then
        echo >&2
        if [ "$status" != 0 ]; then
            echo "scaling: FAILED: $prog $* (run $r, exit status $status)" >&2
        else
            echo "scaling: FAILED: $prog $* (run $r): no result line for:$lost" >&2
        fi
        [ "$status" = 124 ] && [ -n "$limit" ] && echo "scaling: it was killed after $limit s" >&2
        sed 's/^/  stdout: /' "$out" | tail -n 5 >&2
        sed 's/^/  stderr: /' "$err" | tail -n 20 >&2
        exit 1
    fi
    cat "$tmp/rows" >>"$raw"
}

echo "scaling: $runs run(s), K = $threads, scale $scale, $cpus CPUs: $runners" >&2
r=1
while [ "$r" -le "$runs" ]; do
    for k in $threads; do
        printf 'scaling: run %d/%d, %s thread(s):' "$r" "$runs" "$k" >&2
        for p in $runners; do
            if [ "$k" != 1 ] && is_single_only "$p"; then continue; fi
            printf ' %s' "$p" >&2
            measure "$p" "$k" "$r"
        done
        echo >&2
    done
    r=$((r + 1))
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ---- medians and metrics ----------------------------------------------------

# The awk functions every computation below shares. Lists are
# space-separated numbers; an empty result means "not measured".
# shellcheck disable=SC2016
awklib='
function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    if (n == 0) return ""
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function ratio(a, b) { return (a == "" || b == "" || b + 0 <= 0) ? "" : a / b }
function geomean(list,   n, v, i, s) {
    n = split(list, v, " ")
    if (n == 0) return ""
    for (i = 1; i <= n; i++) { if (v[i] + 0 <= 0) return ""; s += log(v[i]) }
    return exp(s / n)
}
function fixed(x, digits) { return x == "" ? "" : sprintf("%." digits "f", x) }
function shown(x, col) { return fixed(x, col == "wall" || col == "cpu" ? 3 : 2) }
function column(name,   i) { for (i = 1; i <= NF; i++) if ($i == name) return i; return 0 }
'

medians=$results/scaling-medians.csv
awk -F, "$awklib"'
    NR == 1 { next }
    {
        key = $1 "," $2 "," $3
        if (!(key in n)) order[++keys] = key
        n[key]++
        walls[key] = walls[key] " " $5
        cpus[key] = cpus[key] " " $6
    }
    END {
        for (i = 1; i <= keys; i++) {
            key = order[i]
            wall[key] = median(walls[key])
            cpu[key] = median(cpus[key])
        }
        print "preset,workload,threads,runs,wall,cpu,speedup,cpu_inflation,cost_vs_gil"
        for (i = 1; i <= keys; i++) {
            key = order[i]
            split(key, f, ",")
            one = f[1] "," f[2] ",1"
            gil = "gil," f[2] ",1"
            speedup = (one in wall) ? ratio(f[3] * wall[one], wall[key]) : ""
            inflation = (one in cpu) ? ratio(cpu[key], f[3] * cpu[one]) : ""
            cost = (f[3] == 1 && gil in wall) ? ratio(wall[key], wall[gil]) : ""
            print key "," n[key] "," fixed(wall[key], 4) "," fixed(cpu[key], 4) "," \
                fixed(speedup, 4) "," fixed(inflation, 4) "," fixed(cost, 4)
        }
    }' "$raw" >"$medians" || die "cannot compute medians"

# value RUNNER WORKLOAD K COLUMN: one cell of the medians (seconds to 3
# decimals, ratios to 2), or empty.
value() {
    awk -F, -v key="$1,$2,$3," -v col="$4" "$awklib"'
        NR == 1 { c = column(col); next }
        c && index($0, key) == 1 { printf "%s", shown($c, col); exit }' "$medians"
}
# over HOW RUNNER K COLUMN: COLUMN over the workloads, shown as value does.
# HOW is geomean (a number), max or min ("VALUE WORKLOAD"), or above=LIMIT
# (every "WORKLOAD VALUEx" shown above LIMIT, comma separated). Empty when
# not measured.
over() {
    awk -F, -v how="$1" -v p="$2" -v k="$3" -v col="$4" "$awklib"'
        NR == 1 { c = column(col); next }
        c && $1 == p && $3 == k && $c != "" {
            list = list " " $c
            if (best == "" || (how == "max" ? $c + 0 > best + 0 : $c + 0 < best + 0)) { best = $c; at = $2 }
            if (how ~ /^above=/ && shown($c, col) + 0 > substr(how, 7) + 0)
                hits = hits (hits == "" ? "" : ", ") $2 " " shown($c, col) "x"
        }
        END {
            if (how == "geomean") printf "%s", shown(geomean(list), col)
            else if (how == "max" || how == "min") { if (best != "") printf "%s %s", shown(best, col), at }
            else printf "%s", hits
        }' "$medians"
}

# ---- report -----------------------------------------------------------------

# workload_table COLUMN K: rows the workloads, columns the runners, then the
# geometric mean; "-" where a runner does not run K threads.
workload_table() {
    col=$1 k=$2
    line="| workload |"; sep="|---|"
    for p in $runners; do line="$line $p |"; sep="$sep--:|"; done
    echo "$line"; echo "$sep"
    for w in $workloads; do
        line="| $w |"
        for p in $runners; do
            if [ "$k" != 1 ] && is_single_only "$p"; then line="$line - |"
            else line="$line $(show "$(value "$p" "$w" "$k" "$col")") |"; fi
        done
        echo "$line"
    done
    line="| **geometric mean** |"
    for p in $runners; do
        if [ "$k" != 1 ] && is_single_only "$p"; then line="$line - |"
        else line="$line **$(show "$(over geomean "$p" "$k" "$col")")** |"; fi
    done
    echo "$line"
}

report=$results/scaling.md
{
    echo "# ftpy: thread scaling"
    echo
    if [ -n "$quick" ]; then
        echo "**QUICK: numbers are rough** ($of_runs, scale $scale; run \`bench/scaling.sh\` for the real figures)."
        echo
    fi
    echo "bench/scaling.py on **$cpus CPUs** (nproc), K = $(echo "$threads" | sed 's/ /, /g') threads,"
    echo "scale $scale; medians of $of_runs per cell, presets alternated run by run."
    echo
    echo "How to read: this is weak scaling. Each of K threads runs one whole unit of"
    echo "a workload at the same time, over objects they all share, so a build that"
    echo "scales keeps the wall time of one unit: the speedup K x WALL(1) / WALL(K) is"
    echo "ideally K (never more than the $cpus CPUs there are). CPU inflation,"
    echo "CPU(K) / (K x CPU(1)), is what each unit costs in CPU time on K threads against"
    echo "one: 1.00 means no contention, 1.30 means the threads slow each other by 30%"
    echo "(shared reference counts, locks, cache lines moving between cores). Being CPU"
    echo "time, it shows contention even when the machine is busy and the speedups are"
    echo "not to be trusted (though on a virtual machine a busy host slows CPU time too)."
    echo "Worker cost vs gil is the 1-thread wall time over the gil preset's, on the"
    echo "same workload: 1.10 means 10% slower."
    echo

    echo "## Worker cost vs gil (1 thread)"
    echo
    if has gil; then
        echo "1-thread wall time over gil's (gil takes $(show "$(over geomean gil 1 wall)" " s") per unit,"
        echo "geometric mean over the workloads; every median is in scaling-medians.csv)."
        echo
        workload_table cost_vs_gil 1
    else
        echo "n/a: the gil preset was not among the presets, so there is no baseline."
    fi
    echo

    if [ -n "$k2" ]; then
        echo "## Speedup on $k2 threads"
        echo
        echo "$k2 x WALL(1) / WALL($k2): $k2.00 is perfect, 1.00 means the threads bought nothing."
        echo
        workload_table speedup "$k2"
        echo
        echo "## CPU inflation on $k2 threads"
        echo
        echo "CPU($k2) / ($k2 x CPU(1)): 1.00 means no contention."
        echo
        workload_table cpu_inflation "$k2"
        echo
        echo "## All thread counts (geometric means over the workloads)"
        echo
        line="| preset |"; sep="|---|"
        for k in $multi; do line="$line speedup ${k}T |"; sep="$sep--:|"; done
        for k in $multi; do line="$line CPU inflation ${k}T |"; sep="$sep--:|"; done
        echo "$line"; echo "$sep"
        for p in $runners; do
            is_single_only "$p" && continue
            line="| $p |"
            for k in $multi; do line="$line $(show "$(over geomean "$p" "$k" speedup)") |"; done
            for k in $multi; do line="$line $(show "$(over geomean "$p" "$k" cpu_inflation)") |"; done
            echo "$line"
        done
        echo
        [ "$maxk" -le "$cpus" ] ||
            { echo "With more threads than CPUs ($cpus), the best speedup is $cpus."; echo; }
    else
        echo "Only 1 thread was run: no speedups."
        echo
    fi
    if [ -n "$single_only" ]; then
        echo "-:$single_only races on reference counts by design, so it runs single-threaded only."
        echo
    fi
    if [ -n "$pyname" ]; then
        echo "$pyname: $python_version ($(command -v "$python" 2>/dev/null || echo "$python"))."
    else
        echo "No free-threaded CPython column (python3 has a GIL or is missing;"
        echo "see --python and FTPY_SCALING_PYTHON)."
    fi
    echo

    # -- goals -----------------------------------------------------------------
    echo "## Goals"
    echo
    worst=$(over max biased 2 cpu_inflation)
    goal "biased CPU inflation on 2 threads at most 1.10 on every workload${worst:+ (worst: ${worst#* })}" \
        "${worst%% *}" le 1.10
    goal "biased worker cost within 1.10x of gil (geometric mean over the workloads)" \
        "$(over geomean biased 1 cost_vs_gil)" le 1.10
    above=$(over above=1.10 biased 1 cost_vs_gil)
    if [ -n "$above" ]; then echo "  - workloads above 1.10x: $above"
    elif has biased && has gil; then echo "  - no workload above 1.10x"; fi
    goal "biased wall-clock speedup on 2 threads at least 1.8x (geometric mean over the workloads)" \
        "$(over geomean biased 2 speedup)" ge 1.8
    worst=$(over min biased 2 speedup)
    [ -z "$worst" ] || echo "  - worst workload: ${worst#* }: ${worst%% *}x"
    echo "  - this one needs an idle machine with 2 CPUs free; load average (1, 5, 15 min)"
    echo "    at start: $load_start; at end: $load_end"
    has biased || echo "- (biased was not among the presets)"
    case " $threads " in *" 2 "*) ;; *) echo "- (2 threads were not run)" ;; esac
    echo

    # -- builds and machine ----------------------------------------------------
    echo "## Builds (\`ftpy -V\`)"
    echo
    keys=$(sed -n '2,$s/^\([a-z-]*\): .*/\1/p' "$tmp/$first.version" |
        grep -v -x -e compiler -e cflags -e configure-args | tr '\n' ' ')
    line="| preset |"; sep="|---|"
    for key in $keys; do line="$line $key |"; sep="$sep---|"; done
    echo "$line"; echo "$sep"
    for p in $presets; do
        line="| $p |"
        for key in $keys; do
            line="$line $(sed -n "s/^$key: //p" "$tmp/$p.version" | head -n 1) |"
        done
        echo "$line"
    done
    echo
    echo "## Machine"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1), $cpus CPUs (nproc)"
    echo "- system: $(uname -srm)"
    echo "- load average (1, 5, 15 min) at start: $load_start; at end: $load_end"
} >"$report"
cat "$report"

# ---- charts -----------------------------------------------------------------

if ! command -v gnuplot >/dev/null 2>&1; then
    echo "scaling: gnuplot is missing (apt-get install gnuplot-nox): no charts" >&2
    exit 0
fi
# Speedup against K: geometric means for gil, the free-threaded presets and
# the Python column; then biased's workloads one by one.
charted=
for p in $runners; do
    is_single_only "$p" && continue
    case " gil $free_threaded $pyname " in *" $p "*) charted="$charted $p" ;; esac
done
{
    echo "K$charted"
    for k in $threads; do
        printf '%s' "$k"
        for p in $charted; do s=$(over geomean "$p" "$k" speedup); printf ' %s' "${s:-NaN}"; done
        echo
    done
} >"$results/scaling-speedup.dat"
biased_cols=0
if has biased && ! is_single_only biased; then
    {
        echo "K $workloads"
        for k in $threads; do
            printf '%s' "$k"
            for w in $workloads; do s=$(value biased "$w" "$k" speedup); printf ' %s' "${s:-NaN}"; done
            echo
        done
    } >"$results/scaling-speedup-biased.dat"
    biased_cols=$(($(echo $workloads | wc -w) + 1))
fi
title="ftpy presets, medians of $of_runs, scale $scale, $cpus CPUs"
[ -z "$quick" ] || title="$title (QUICK: rough)"
ncols=$(head -n 1 "$results/scaling-speedup.dat" | wc -w)
for fmt in svg png; do
    gnuplot -e "results='$results'; fmt='$fmt'; subtitle='$title'" \
        -e "ncols=$ncols; biased_cols=$biased_cols; maxk=$maxk; cpus=$cpus" \
        "$bench/scaling.gp" 2>"$tmp/gnuplot.err" || {
        cat "$tmp/gnuplot.err" >&2
        die "gnuplot failed to draw the $fmt chart"
    }
done
echo "scaling: wrote $raw, $medians, $report and charts $results/scaling-speedup.svg, .png" >&2
