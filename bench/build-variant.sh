#!/bin/sh
# bench/build-variant.sh — builds one configuration of ftpy in its own
# directory, out of tree, from a snapshot of the sources, so several
# variants (sanitizers, GIL flavours, free-threaded presets) can sit side by
# side and be compared.
#
#   bench/build-variant.sh [-q] SNAPSHOT DIR [CONFIGURE-ARGS...]
#
# SNAPSHOT is a configured-nowhere copy of the sources (`make variants-src`
# makes one); DIR is created if needed. configure runs again only when the
# arguments or the snapshot's Makefile.in changed. Prints the path of the
# built ftpy on success.
quiet=
if [ "$1" = "-q" ]; then quiet=1; shift; fi
case $1 in -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
if [ $# -lt 2 ]; then
    echo "usage: $0 [-q] SNAPSHOT DIR [CONFIGURE-ARGS...]" >&2
    exit 2
fi
src=$(cd "$1" && pwd) || exit 2
dir=$2
shift 2
[ -x "$src/configure" ] || { echo "build-variant: $src has no configure script" >&2; exit 2; }
mkdir -p "$dir" && cd "$dir" || exit 2

say() { [ -n "$quiet" ] || echo "build-variant: $*" >&2; }
args="$*"
# A new Makefile.in (files added or removed) is configured for here, not
# left to make: automake's regeneration of the dependency fragments from
# inside this make can trip over the calling make's job server.
if [ ! -f config.status ] || [ "$(cat .variant-args 2>/dev/null)" != "$args" ] ||
   [ "$src/Makefile.in" -nt Makefile ]; then
    say "configuring $(basename "$dir"): $args"
    rm -f .variant-args
    # shellcheck disable=SC2068
    "$src/configure" -q "$@" >configure.out 2>&1 || {
        cat configure.out >&2
        echo "build-variant: configure failed in $dir" >&2
        exit 1
    }
    printf '%s' "$args" > .variant-args
fi
say "building $(basename "$dir")"
jobs=$(nproc 2>/dev/null || echo 2)
make -s -j"$jobs" >make.out 2>&1 || {
    tail -n 40 make.out >&2
    echo "build-variant: make failed in $dir" >&2
    exit 1
}
echo "$(pwd)/ftpy"
