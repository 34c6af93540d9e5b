#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need. Idempotent; safe as root in CI.
# `install-deps.sh demo` installs only what the README demo needs: the build, plus ssh for
# `task run` (the tests' ZooKeeper alone would pull in a Java runtime of ~200 MB).
set -euo pipefail

packages=(
  # build
  g++ cmake ninja-build pkg-config
  libcli11-dev libcurl4-openssl-dev libthrift-dev thrift-compiler libzookeeper-mt-dev
  nlohmann-json3-dev doctest-dev libboost-dev libssl-dev zlib1g-dev
  # the demo and the tests: a throwaway sshd on loopback
  openssh-server openssh-client
  # the demo's quick build (scripts/demo.sh), and tests/fuzz/run.sh
  clang
)
if [ "${1:-all}" != demo ]; then
  packages+=(
    # tests: a real ZooKeeper server
    zookeeper
    # tests: shells for completion, groff to render man pages, jq for the pipeline script test
    bash-completion zsh fish groff-base jq
    # tests/fuzz/run.sh: libFuzzer's runtime (only a Recommends of clang-14)
    libclang-rt-14-dev
  )
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
