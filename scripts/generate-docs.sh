#!/usr/bin/env bash
# Regenerates the checked-in man pages and completion scripts from a built aurora binary.
# Usage: scripts/generate-docs.sh [path/to/aurora]   (a test fails when they are stale)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/aurora}
rm -f man/aurora.1 man/aurora-*-*.1
"$binary" __man man
"$binary" completion bash > completions/aurora.bash
"$binary" completion zsh > completions/_aurora
"$binary" completion fish > completions/aurora.fish
echo "generate-docs: $(ls man/*.[15] | wc -l) man pages, 3 completion scripts"
