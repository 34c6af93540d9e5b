#!/usr/bin/env bash
# Configures and builds a release tree in build/ (the binaries land in build/aurora*).
# Extra arguments go to cmake's configure step; AURORA_BUILD_TARGETS limits what is built.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
targets=()
for target in ${AURORA_BUILD_TARGETS:-}; do targets+=(--target "$target"); done
cmake --build build -j "$(nproc)" "${targets[@]}"
