#!/usr/bin/env bash
# Configures and builds a release tree in build/ (the binaries land in build/aurora*).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j "$(nproc)"
