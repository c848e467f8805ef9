#!/bin/sh
# bench/sync-tree.sh — makes the tree DEST hold exactly the files of SRC,
# copying only the files whose contents differ (they get the current time
# as their modification time) and deleting the files SRC lacks.
#
#   bench/sync-tree.sh SRC DEST
#
# The source snapshot the variants build from is refreshed this way, not
# copied afresh: `make distdir` keeps each file's modification time, so a
# file edited while a variant was building from the previous snapshot
# could carry a time older than the object built from its old contents,
# and make would never rebuild that object. Unchanged files keep their
# times, so the variants rebuild only what changed.
case $1 in -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
if [ $# -ne 2 ] || [ ! -d "$1" ]; then
    echo "usage: $0 SRC DEST (SRC must be a directory)" >&2
    exit 2
fi
src=$1
dest=$2
mkdir -p "$dest" || exit 1
# Files of DEST that SRC lacks.
(cd "$dest" && find . -type f) | while IFS= read -r f; do
    [ -f "$src/$f" ] || rm -f "$dest/$f" || exit 1
done || exit 1
# New and changed files; cp without -p stamps them with the current time.
(cd "$src" && find . -type f) | while IFS= read -r f; do
    if ! cmp -s "$src/$f" "$dest/$f"; then
        mkdir -p "$(dirname "$dest/$f")" &&
        rm -f "$dest/$f" &&
        cp "$src/$f" "$dest/$f" || exit 1
        # Keep the execute bits (configure, scripts).
        if [ -x "$src/$f" ]; then chmod +x "$dest/$f" || exit 1; fi
    fi
done || exit 1
exit 0
