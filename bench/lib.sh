# bench/lib.sh — what the benchmark drivers (compare.sh, scaling.sh,
# programs.sh) share: messages and exit codes, argument checks, the preset
# list of bench/presets.txt, what each built preset is, and the goal lines
# of their reports. Sourced (POSIX sh) after the driver has set `tool`, the
# name its messages start with, and `bench`, this directory. Word lists are
# space-separated and split on purpose (the drivers run with `set -f`).
# shellcheck shell=sh disable=SC2086,SC2116,SC2154

die() { echo "$tool: $*" >&2; exit 1; }
bad_usage() { echo "$tool: $*" >&2; echo "$tool: try --help" >&2; exit 2; }
positive() {  # positive NAME VALUE
    case $2 in ''|*[!0-9]*|0*) bad_usage "$1 must be a positive integer, not '$2'" ;; esac
}

# pick WHAT ALL WANTED: sets `picked` to the words of ALL that WANTED names
# (space or comma separated), in ALL's order; bad usage if WANTED names one
# that is not in ALL.
pick() {
    wanted=$(echo "$3" | tr ',' ' ')
    for w in $wanted; do
        printf '%s\n' $2 | grep -qx -- "$w" || bad_usage "no $1 '$w' (there are: $(echo $2))"
    done
    picked=
    for a in $2; do
        case " $wanted " in *" $a "*) picked="$picked $a" ;; esac
    done
    picked=$(echo $picked)
}

# select_presets WANTED: sets presets_file, all_presets (the file's order)
# and presets (the ones WANTED names, or all of them when it is empty).
select_presets() {
    presets_file=$bench/presets.txt
    [ -r "$presets_file" ] || die "cannot read $presets_file"
    all_presets=$(sed -n 's/^\([A-Za-z0-9_][A-Za-z0-9_.-]*\)[[:space:]].*/\1/p' "$presets_file")
    all_presets=$(echo $all_presets)
    [ -n "$all_presets" ] || die "no presets in $presets_file"
    if [ -n "$1" ]; then
        pick preset "$all_presets" "$1"
        presets=$picked
    else
        presets=$all_presets
    fi
    [ -n "$presets" ] || bad_usage "no presets selected"
}

# preset_args NAME: its configure arguments.
preset_args() { sed -n "s/^$1[[:space:]][[:space:]]*//p" "$presets_file"; }

# probe_presets DIR: each preset's `ftpy -V` into DIR/PRESET.version; sets
# single_only (presets whose reference counts race by design, which run
# single-threaded only, as in `make check-free`: more threads would crash
# them, not measure them) and free_threaded (those without a GIL).
probe_presets() {
    single_only=
    free_threaded=
    for p in $presets; do
        "variants/$p/ftpy" -V >"$1/$p.version" 2>&1 || die "variants/$p/ftpy -V failed"
        grep -q '^unsafe-refcount: yes' "$1/$p.version" && single_only="$single_only $p"
        grep -q '^gil: none' "$1/$p.version" && free_threaded="$free_threaded $p"
    done
}
is_single_only() { case " $single_only " in *" $1 "*) return 0 ;; esac; return 1; }
has() { case " $presets " in *" $1 "*) return 0 ;; esac; return 1; }

show() { if [ -n "$1" ]; then printf '%s%s' "$1" "$2"; else printf 'n/a'; fi; }

# goal TEXT MEASURED OP LIMIT [NOTE]: one line of a Goals section; OP is le
# or ge; NOTE is added in brackets when there is a measurement.
goal() {
    if [ -z "$2" ]; then verdict="not measured"
    elif awk -v m="$2" -v l="$4" -v op="$3" 'BEGIN { exit !(op == "le" ? m <= l : m >= l) }'
    then verdict="met"
    else verdict="MISSED"
    fi
    note=
    [ -n "$2" ] && [ -n "${5:-}" ] && note=" ($5)"
    echo "- $verdict: $1: $(show "$2" x)$note"
}
