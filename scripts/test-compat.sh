#!/usr/bin/env bash
# Runs the integration suite against LibreOffice 25.x (Debian bookworm-backports) with the very
# package the host build made (build/dealsheet.oxt), in a chroot made once and cached in
# $DEALSHEET_CHROOTS (default /var/cache/dealsheet-chroots, ~2 GB, ~10 min the first time).
# The host's LibreOffice 7.4 is not touched. Needs root. Extra arguments go to ctest
# (e.g. -R boundary). The result is printed and kept in build/compat/. DEALSHEET_NO_BUILD=1
# uses build/ as it is (already built).
#   scripts/test-compat.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/chroot-lib.sh
chroot_name=bookworm-amd64-lo25

DEALSHEET_CHROOT_DEPS=1 bash scripts/deps.sh
[ "${DEALSHEET_NO_BUILD:-0}" = 1 ] || bash scripts/build.sh
# The office and its PostgreSQL driver from backports; beside them what the integration tests
# use on the host (scripts/deps.sh): a PostgreSQL server, Gnumeric's ssconvert, libical,
# poppler's pdftotext and a Chinese font for the dossier's PDFs.
packages=(-t bookworm-backports libreoffice-calc-nogui libreoffice-writer-nogui
  libreoffice-sdbc-postgresql cmake postgresql libfaketime gnumeric libical3 python3-icalendar
  fonts-wqy-microhei poppler-utils)
make_chroot "$chroot_name" amd64 "${packages[@]}"
chroot_install "$chroot_name" "${packages[@]}"  # a chroot made before a package was added
version=$(chroot "$CHROOTS/$chroot_name" dpkg-query -W -f='${Version}' libreoffice-calc-nogui)
echo "LibreOffice $version ($chroot_name), package build/dealsheet.oxt"

mkdir -p build/compat
log=build/compat/lo25-x86_64.log
start=$(date +%s)
status=0
# The gui test needs an X server the chroot does not have; everything else runs.
in_chroot "$chroot_name" env LANG=C.UTF-8 ctest --test-dir "$PWD/build" -L integration \
  --output-on-failure -j "$(nproc)" "$@" 2>&1 | tee "$log" || status=$?
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
summary=$(grep -E 'tests passed|tests failed' "$log" | tail -1)
echo "LibreOffice $version x86-64: $summary in $(($(date +%s) - start)) s ($(date -u +%F))" |
  tee build/compat/lo25-x86_64.txt
exit $status
