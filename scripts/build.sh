#!/usr/bin/env bash
# Configures and builds DealSheet into build/ (incrementally); produces build/dealsheet.oxt.
# Arguments go to cmake's configure step, e.g. -DDEALSHEET_WERROR=ON (what scripts/test.sh uses).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
# ccache hits across clones: paths relative to the checkout, not the folder it sits in.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
generator=()
if [ ! -f build/CMakeCache.txt ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j "$(nproc)"
