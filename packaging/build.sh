#!/bin/sh
# Configures and builds Cunzhan with the default CMake preset (into ./build).
set -eu
cd "$(dirname "$0")/.."
"$(dirname "$0")/setup-deps.sh"
cmake --preset default
cmake --build --preset default
