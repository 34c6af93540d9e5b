#!/bin/sh
# Builds the dialect benchmark in Release and prints the evaluation time of a 10,000-line config.
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
build="${BUILD_DIR:-$root/build-bench}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target config_lang_bench -j2 >/dev/null
"$build/tests/unit/config/config_lang_bench" "${1:-10000}"
