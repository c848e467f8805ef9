#!/bin/sh
# bench/vs-python.sh — how fast is this ftpy build next to the machine's
# CPython? Runs bench/pystone.py, bench/countdown.py, bench/pidigits.py (big
# ints), bench/cycles.py (cyclic garbage), and three programs built on the
# standard library — bench/records.py (dataclasses, enum, namedtuple),
# bench/randsim.py (random) and bench/scheduler.py (deque, heapq), whose
# checksum lines must match python3's — with both, RUNS times each,
# alternating ftpy and python3 run by run so machine noise hits both alike,
# and prints the median times and their ratio (>1 means ftpy is faster),
# then cycles.py's peak RSS (its ratio: >1 means ftpy uses more).
#
#   bench/vs-python.sh [-n RUNS] [-p PYSTONE_LOOPS] [-c COUNTDOWN_N]
#                      [-d PIDIGITS_N] [FTPY [PYTHON]]
usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}
runs=5
loops=50000
count=10000000
digits=3000
cycles=300
while getopts "n:p:c:d:h" opt; do
    case $opt in
        n) runs=$OPTARG ;;
        p) loops=$OPTARG ;;
        c) count=$OPTARG ;;
        d) digits=$OPTARG ;;
        h) usage 0 ;;
        *) usage 2 >&2 ;;
    esac
done
shift $((OPTIND - 1))
here=$(cd "$(dirname "$0")" && pwd)
ftpy=${1:-./ftpy}
python=${2:-python3}
for prog in "$ftpy" "$python"; do
    command -v "$prog" >/dev/null 2>&1 || { echo "vs-python: cannot run '$prog'" >&2; exit 2; }
done
case $runs in ''|*[!0-9]*|0) echo "vs-python: RUNS must be a positive integer" >&2; exit 2 ;; esac

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# time_of KIND PROG: prints the seconds the benchmark reports about itself.
time_of() {
    case $1 in
        pystone) "$2" "$here/pystone.py" "$loops" | sed -n 's/.*passes = \([0-9.]*\).*/\1/p' ;;
        countdown) "$2" "$here/countdown.py" "$count" | sed -n 's/.*: \([0-9.]*\) s$/\1/p' ;;
        pidigits) "$2" "$here/pidigits.py" "$digits" | sed -n 's/^pidigits .*: \([0-9.]*\) s$/\1/p' ;;
        records|randsim|scheduler)
            # the program reports its own time on its last line; every line
            # before it must be what python3 printed
            "$2" "$here/$1.py" >"$tmp/$1.$3.out" || return 1
            sed '$d' "$tmp/$1.$3.out" >"$tmp/$1.$3.sums"
            if [ -f "$tmp/$1.sums" ]; then
                cmp -s "$tmp/$1.sums" "$tmp/$1.$3.sums" || {
                    echo "vs-python: $2 printed other results on $1.py than $python" >&2
                    return 1
                }
            else
                cp "$tmp/$1.$3.sums" "$tmp/$1.sums"
            fi
            tail -n 1 "$tmp/$1.$3.out" | sed -n 's/.*: \([0-9.]*\)\( s\)\{0,1\}$/\1/p' ;;
        cycles)
            # wall seconds and peak RSS (KiB) from GNU time; the RSS goes
            # to a file of its own
            /usr/bin/time -f '%e %M' -o "$tmp/time" "$2" "$here/cycles.py" "$cycles" >"$tmp/cycles.out" &&
                grep -q "^cycles $cycles: " "$tmp/cycles.out" &&
                awk '{ print $2 }' "$tmp/time" >>"$tmp/rss.$3" &&
                awk '{ print $1 }' "$tmp/time" ;;
    esac
}
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-10s %12s %12s %10s\n' workload "ftpy (s)" "python3 (s)" "speed ratio"
kinds="pystone countdown pidigits"
[ -x /usr/bin/time ] && kinds="$kinds cycles"
kinds="$kinds records randsim scheduler"
for kind in $kinds; do
    : > "$tmp/ftpy.$kind"
    : > "$tmp/py.$kind"
    i=1
    while [ "$i" -le "$runs" ]; do
        printf '  %s run %d/%d\r' "$kind" "$i" "$runs" >&2
        t=$(time_of "$kind" "$ftpy" ftpy); [ -n "$t" ] || { echo "vs-python: $ftpy failed on $kind" >&2; exit 1; }
        echo "$t" >> "$tmp/ftpy.$kind"
        t=$(time_of "$kind" "$python" py); [ -n "$t" ] || { echo "vs-python: $python failed on $kind" >&2; exit 1; }
        echo "$t" >> "$tmp/py.$kind"
        i=$((i + 1))
    done
    printf '\r%40s\r' '' >&2
    f=$(median "$tmp/ftpy.$kind")
    p=$(median "$tmp/py.$kind")
    printf '%-10s %12s %12s %10s\n' "$kind" "$f" "$p" "$(awk -v f="$f" -v p="$p" 'BEGIN { printf "%.2f", p / f }')"
done
if [ -s "$tmp/rss.ftpy" ]; then
    f=$(median "$tmp/rss.ftpy")
    p=$(median "$tmp/rss.py")
    printf '%-10s %12s %12s %10s\n' "cycles RSS" "${f} KiB" "${p} KiB" "$(awk -v f="$f" -v p="$p" 'BEGIN { printf "%.2f", f / p }')"
fi
echo "medians of $runs alternating runs; pystone $loops passes, countdown $count, pidigits $digits, cycles $cycles rounds" >&2
