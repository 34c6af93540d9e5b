#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer in build-asan/ and runs
# the whole test suite there: the integration tests then drive sanitized aurora and
# aurora-devcluster binaries, so any report (a leak included) fails the test that caused it.
# The sanitized build is slow (longer than CI's budget on 2 cores), the tests about 9 minutes;
# not part of CI (see README, Testing).
#   scripts/test-sanitizers.sh [CTEST_ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAURORA_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
# halt_on_error: a UBSan report fails its test like an ASan one does. The suppressions file says
# why Thrift's enums are exempt.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/sanitizers/ubsan.supp}"
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" "$@"
