#!/bin/sh
# bench/micro/run.sh — the driver of `make bench-micro`: builds ftpy's
# refcount, object-lock and thread-state variants from a source snapshot,
# runs each build's ftpy-micro on the benchmarks its variants make
# meaningful, prints each table under the build's name, then a summary.
#
#   bench/micro/run.sh [-t MIN_TIME] [-b "BUILD..."] SNAPSHOT VARIANTS-DIR
#                      [-- GOOGLE-BENCHMARK-ARGS...]
#
# BUILDs (default all): gil stein atomic biased (the presets of
# bench/presets.txt) and micro-globallocks (the atomic preset with
# --with-object-locks=global). Each is built in VARIANTS-DIR/BUILD with
# bench/build-variant.sh. MIN_TIME is --benchmark_min_time (default 0.5 s).
# Arguments after -- go to every ftpy-micro run, after the per-build ones.
# Environment: MAKE (default make).
usage() { sed -n '6,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd) || exit 2
presets=$here/../presets.txt
build_variant=$here/../build-variant.sh
make=${MAKE:-make}
min_time=0.5
builds="gil stein atomic biased micro-globallocks"

while [ $# -gt 0 ]; do
    case $1 in
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -t) [ $# -ge 2 ] || usage; min_time=$2; shift 2 ;;
    -b) [ $# -ge 2 ] || usage; builds=$2; shift 2 ;;
    --) break ;;
    -*) echo "run.sh: unknown option $1" >&2; usage ;;
    *) break ;;
    esac
done
[ $# -ge 2 ] || usage
snapshot=$1 vdir=$2
shift 2
if [ $# -gt 0 ]; then
    [ "$1" = "--" ] || usage
    shift
fi
case $min_time in
''|*[!0-9.]*|*.*.*) echo "run.sh: bad minimum time '$min_time' (seconds, e.g. 0.2)" >&2; exit 2 ;;
esac
[ -x "$snapshot/configure" ] || { echo "run.sh: $snapshot has no configure script (make variants-src)" >&2; exit 2; }
[ -n "$builds" ] || { echo "run.sh: no builds given" >&2; exit 2; }

# The configure arguments of preset $1, from the one list of presets.
preset() {
    a=$(sed -n "s/^$1[[:space:]][[:space:]]*//p" "$presets")
    [ -n "$a" ] || { echo "run.sh: no preset $1 in $presets" >&2; return 1; }
    echo "$a"
}
build_args() {
    case $1 in
    gil|stein|atomic|biased) preset "$1" ;;
    micro-globallocks)
        a=$(preset atomic) || return 1
        echo "$(echo "$a" | sed 's/ *--with-object-locks=[^ ]*//') --with-object-locks=global" ;;
    *) echo "run.sh: unknown build '$1' (gil stein atomic biased micro-globallocks)" >&2; return 1 ;;
    esac
}
# What each build is there to measure. stein's object locks are left out:
# every critical section there also scans the thread-state list, so the
# atomic build (pooled locks, TLS lookup) stands for pooled locks.
build_filter() {
    case $1 in
    gil) echo '^(empty_loop|incref_decref|list_append|dict_)' ;;
    stein) echo '^(incref_decref|tstate_get|list_append|dict_)' ;;
    atomic) echo '^(incref_decref|lock_unlock|tstate_get|list_append|dict_)' ;;
    biased) echo '^(incref_decref|lock_unlock|list_append|dict_)' ;;
    micro-globallocks) echo '^lock_unlock' ;;
    esac
}

for b in $builds; do build_args "$b" >/dev/null || exit 2; done

# ---- build everything first, so that the runs do not compete with compilers
for b in $builds; do
    args=$(build_args "$b")
    # shellcheck disable=SC2086
    "$build_variant" "$snapshot" "$vdir/$b" $args >/dev/null || exit 1
    echo "run.sh: building $b/bench/micro/ftpy-micro" >&2
    if ! $make -s -C "$vdir/$b" bench/micro/ftpy-micro >"$vdir/$b/micro-make.out" 2>&1; then
        tail -n 30 "$vdir/$b/micro-make.out" >&2
        echo "run.sh: could not build ftpy-micro in $vdir/$b (is Google Benchmark found by its configure? see $vdir/$b/configure.out)" >&2
        exit 1
    fi
done

# ---- run
failed=
first=1
for b in $builds; do
    args=$(build_args "$b")
    csv=$vdir/$b/micro.csv
    log=$vdir/$b/micro.log
    rm -f "$csv"
    echo
    echo "==== $b: configure $args ===="
    echo "run.sh: running $b" >&2
    if "$vdir/$b/bench/micro/ftpy-micro" --benchmark_filter="$(build_filter "$b")" \
         --benchmark_min_time="$min_time" --benchmark_out="$csv" \
         --benchmark_out_format=csv "$@" 2>"$log"; then
        # The machine description, once (Google Benchmark writes it to
        # stderr, once per reporter).
        if [ -n "$first" ]; then awk '!seen[$0]++' "$log" >&2; first=; fi
        grep -i 'error' "$log" >&2
    else
        cat "$log" >&2
        failed="$failed $b"
    fi
done

# ---- summary: one line per operation, one column per variant
echo
echo "==== summary: ns per operation, as each thread pays it ===="
echo "cpu: the thread's CPU time per operation; wall: its elapsed time per"
echo "operation (for 2-thread rows Google Benchmark's Time x 2). They differ when"
echo "a thread sleeps on a lock, or when other processes take the CPU away."
for b in $builds; do
    [ -f "$vdir/$b/micro.csv" ] || continue
    # name,iterations,real_time,cpu_time,time_unit,...,error_occurred,...
    awk -F, -v b="$b" '$1 ~ /^"/ { n = $1; gsub(/"/, "", n); print b "\t" n "\t" $3 "\t" $4 "\t" $5 "\t" $9 }' \
        "$vdir/$b/micro.csv"
done | awk -F'\t' '
function col_of(name, kind,   k, p, i) {
    k = split(name, p, "/")
    for (i = 1; i <= k; i++)
        if (index(p[i], kind ":") == 1)
            return substr(p[i], length(kind) + 2)
    return ""
}
function fmt(v) {
    if (v == "") return "-"
    if (v == "error") return v
    return sprintf(v < 10 ? "%.2f" : (v < 1000 ? "%.1f" : "%.0f"), v)
}
{
    build = $1; name = $2; real = $3; cpu = $4; unit = $5; err = $6
    threads = 1
    if (match(name, /\/threads:[0-9]+/))
        threads = substr(name, RSTART + 9, RLENGTH - 9) + 0
    gsub(/\/real_time|\/threads:[0-9]+/, "", name)
    split(name, p, "/")
    what = p[1]
    if (what ~ /^incref_decref/) col = col_of(name, "rc")
    else if (what ~ /^lock_unlock/) col = col_of(name, "locks")
    else if (what == "tstate_get") { col = col_of(name, "tstate"); what = what "/" p[3] }
    else col = build
    scale = unit == "us" ? 1000 : (unit == "ms" ? 1e6 : (unit == "s" ? 1e9 : 1))
    have[what, col] = 1
    if (err == "true") {
        cpus[what, col] = walls[what, col] = "error"
    } else {
        cpus[what, col] = cpu * scale
        walls[what, col] = real * scale * threads
    }
}
function section(title, cols, rows, labels,   nc, c, nr, r, lab, k, j, line, any) {
    nc = split(cols, c, " ")
    nr = split(rows, r, " ")
    split(labels, lab, "|")
    any = 0
    for (k = 1; k <= nr; k++)
        for (j = 1; j <= nc; j++)
            if ((r[k], c[j]) in have) any = 1
    if (!any) return
    printf "\n%-36s", title
    for (k = 1; k <= nc; k++) printf "  %16s", c[k]
    printf "\n%-36s", ""
    for (k = 1; k <= nc; k++) printf "  %7s %8s", "cpu", "wall"
    printf "\n"
    for (k = 1; k <= nr; k++) {
        line = sprintf("%-36s", lab[k])
        any = 0
        for (j = 1; j <= nc; j++) {
            if ((r[k], c[j]) in have) {
                any = 1
                line = line sprintf("  %7s %8s", fmt(cpus[r[k], c[j]]), fmt(walls[r[k], c[j]]))
            } else {
                line = line sprintf("  %7s %8s", "-", "-")
            }
        }
        if (any) print line
    }
}
END {
    section("refcount: FT_INCREF+FT_DECREF", "plain mutex atomic biased",
            "incref_decref incref_decref_shared incref_decref_private incref_decref_nonowner",
            "1 thread|2 threads, one shared object|2 threads, an object each|non-owner thread (biased)")
    section("object lock: critical section", "pooled inline global",
            "lock_unlock lock_unlock_shared lock_unlock_private",
            "1 thread|2 threads, one shared list|2 threads, a list each")
    section("thread-state lookup: ft_tstate_get", "tls list",
            "tstate_get/others:1 tstate_get/others:8",
            "1 other thread has a state|8 other threads have a state")
    section("containers, by build", "gil stein atomic biased",
            "list_append dict_get dict_set dict_get_shared",
            "list append|dict get (str key)|dict set (existing key)|dict get, 2 threads, one dict")
    if (("empty_loop", "gil") in have)
        printf "\n(the timing loop alone: %s ns cpu per iteration)\n", fmt(cpus["empty_loop", "gil"])
}'

if [ -n "$failed" ]; then
    echo "run.sh: ftpy-micro failed in:$failed" >&2
    exit 1
fi
