#!/usr/bin/env bash
# The benchmark in one command (docs/BENCHMARKS.md): installs what is missing, builds, and runs
# bench against a headless office with the extension in a throw-away profile.
#   bash scripts/bench.sh                  # 1,000, 10,000 and 100,000 rows, and the heavy case
#   bash scripts/bench.sh 1000 10000       # chosen sizes; BENCH_RUNS=5 for more runs
#   bash scripts/bench.sh heavy:100000     # only the heavy case (about 145,000 findings)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000 heavy:100000)
LD_LIBRARY_PATH=/usr/lib/libreoffice/program build/bench build/dealsheet.oxt "${sizes[@]}"
