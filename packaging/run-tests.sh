#!/bin/sh
# Installs what is missing, builds, and runs the whole test suite (unit, CLI, GUI offscreen,
# integration and kill tests, translation completeness). Exit status is ctest's.
set -eu
cd "$(dirname "$0")/.."
./packaging/build.sh
export QT_QPA_PLATFORM=offscreen
# The county server tests run against PostgreSQL too (CUNZHAN_TEST_PG=skip to leave it out).
if [ -z "${CUNZHAN_TEST_PG:-}" ]; then
    CUNZHAN_TEST_PG="$(./packaging/start-postgres.sh)"
    export CUNZHAN_TEST_PG
fi
ctest --preset default "$@"
