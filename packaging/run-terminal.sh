#!/bin/sh
# Quick start: installs what is missing, builds, and launches the terminal on its embedded default
# database (local SQLite in the user's data folder). Extra arguments go to cunzhan, e.g. --db FILE.
set -eu
cd "$(dirname "$0")/.."
./packaging/build.sh
exec ./build/bin/cunzhan "$@"
