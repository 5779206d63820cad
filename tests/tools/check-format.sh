#!/bin/sh
# Fails when a C++ source is not formatted as .clang-format says, and names each such file.
# Usage: check-format.sh ROOT [FILE...]   (no files: every tracked *.cpp and *.h under ROOT, except
# the test data, which holds a deliberately unformatted file for the test of this check)
set -eu
root="$1"
shift
cd "$root"
if [ "$#" -eq 0 ]; then
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        set -- $(git ls-files '*.cpp' '*.h' | grep -v '^tests/data/')
    else
        set -- $(find . -path ./build -prune -o -path './build-*' -prune -o -path ./tests/data -prune -o \
            \( -name '*.cpp' -o -name '*.h' \) -print)
    fi
fi
bad=0
for f in "$@"; do
    if ! clang-format --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then
        echo "not formatted: $f (run: clang-format -i $f)"
        bad=1
    fi
done
[ "$bad" -eq 0 ] && echo "$# files formatted"
exit "$bad"
