#!/usr/bin/env bash
# Runs every test: the unit tests of the core and the integration tests against a real
# headless LibreOffice with the built extension installed into throw-away profiles.
set -euo pipefail
cd "$(dirname "$0")/.."
# Warnings are errors here, as in CI.
bash scripts/build.sh -DDEALSHEET_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
