#!/bin/sh
# Builds the sync decoding fuzz target with clang and runs it for a bounded time.
# usage: run-fuzz.sh BUILD_DIR [SECONDS]   (exit status is libFuzzer's: non-zero on a crash)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
build="$1"
seconds="${2:-60}"
cxx="$(command -v clang++-14 || command -v clang++ || true)"
if [ -z "$cxx" ]; then
    echo "run-fuzz: clang is missing (packaging/setup-deps.sh installs clang-14)" >&2
    exit 1
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" >/dev/null
corpus="$build/corpus"
mkdir -p "$corpus"
cp "$here"/seeds/* "$corpus"/ 2>/dev/null || true
# Qt's own CBOR and string code is not instrumented; leaks inside Qt's static data are not ours.
ASAN_OPTIONS=detect_leaks=0 "$build/fuzz_sync_decode" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 "$corpus"
