#!/bin/sh
# Installs what is missing, builds, and runs the whole test suite (unit, CLI, GUI offscreen,
# integration and kill tests, translation completeness). Exit status is ctest's.
set -eu
cd "$(dirname "$0")/.."
./packaging/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --preset default "$@"
