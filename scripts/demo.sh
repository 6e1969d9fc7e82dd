#!/usr/bin/env bash
# Builds DealSheet, installs it into a throw-away LibreOffice profile (nothing of the system's
# or the user's office is touched) and shows the functions computing in headless Calc.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh

work=$(mktemp -d /tmp/dealsheet-demo-XXXXXX)
trap 'rm -rf "$work"' EXIT
env_args=("-env:UNO_SHARED_PACKAGES_CACHE=file://$work/shared"
          "-env:UserInstallation=file://$work/profile")
program=/usr/lib/libreoffice/program

echo "== Installing build/dealsheet.oxt into a throw-away profile"
"$program/unopkg" add --shared --suppress-license "${env_args[@]}" build/dealsheet.oxt
"$program/unopkg" list --shared "${env_args[@]}" 2>/dev/null | grep -E "Identifier|Version" || true

echo "== Recalculating templates/demo-functions.fods in headless Calc"
timeout 180 "$program/soffice" "${env_args[@]}" --headless --norestore --nologo \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$work/out" \
  templates/demo-functions.fods >/dev/null 2>&1
echo
python3 - "$work/out/demo-functions.csv" <<'PY'
import csv, sys, unicodedata
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
w = max(width(r[0]) for r in rows)
for r in rows:
    print(r[0] + " " * (w - width(r[0])) + "  →  " + (r[1] if len(r) > 1 else ""))
PY
