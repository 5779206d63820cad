#!/bin/sh
# Builds the fuzz targets with clang and runs one for a bounded time (or number of runs).
# usage: run-fuzz.sh BUILD_DIR [SECONDS] [TARGET] [RUNS]   (exit status is libFuzzer's: non-zero on
# a crash). TARGET: fuzz_sync_decode (default; seeds/) or fuzz_batch_file (seeds-batch/).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
build="$1"
seconds="${2:-60}"
target="${3:-fuzz_sync_decode}"
runs="${4:--1}"
case "$target" in
fuzz_batch_file) seeds="$here/seeds-batch" ;;
*) seeds="$here/seeds" ;;
esac
cxx="$(command -v clang++-14 || command -v clang++ || true)"
if [ -z "$cxx" ]; then
    echo "run-fuzz: clang is missing (packaging/setup-deps.sh installs clang-14)" >&2
    exit 1
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" --target "$target" >/dev/null
corpus="$build/corpus-$target"
mkdir -p "$corpus"
cp "$seeds"/* "$corpus"/ 2>/dev/null || true
# Qt's own CBOR and string code is not instrumented; leaks inside Qt's static data are not ours.
ASAN_OPTIONS=detect_leaks=0 "$build/$target" -max_total_time="$seconds" -runs="$runs" -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 "$corpus"
