#!/usr/bin/env bash
# Builds DealSheet, installs it into a throw-away LibreOffice profile (nothing of the system's
# or the user's office is touched) and shows it at work in headless Calc: the functions, then
# Validate, Assign customer numbers and Refresh monthly review on the Chinese sample workbook.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
LD_LIBRARY_PATH=/usr/lib/libreoffice/program build/demo build/dealsheet.oxt \
  templates/demo-functions.fods build/workbooks/sample-zh.ods build/demo-output
