#!/usr/bin/env bash
# README command (a): install dependencies, build, and run the client.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
./build/aurora --help
