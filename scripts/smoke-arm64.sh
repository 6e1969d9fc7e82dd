#!/usr/bin/env bash
# Installs build/dealsheet.oxt into LibreOffice arm64 (Debian 12's 7.4) running under
# qemu-user emulation in a chroot, and computes every DealSheet function of
# templates/demo-functions.fods there (--convert-to csv recalculates formula cells that have
# no cached value). Compares the result with tests/smoke/demo-functions.csv, which the x86-64
# office gives (`scripts/smoke-arm64.sh --native` checks that). Needs root; the chroot is made
# once in $DEALSHEET_CHROOTS (default /var/cache/dealsheet-chroots, ~1.5 GB, ~30 min under
# emulation the first time). Too slow for CI: run by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/chroot-lib.sh
chroot_name=bookworm-arm64-lo74
expected=tests/smoke/demo-functions.csv

DEALSHEET_CHROOT_DEPS=1 bash scripts/deps.sh
[ -f build/dealsheet.oxt ] || bash scripts/build.sh
work=$(mktemp -d /tmp/dealsheet-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp build/dealsheet.oxt templates/demo-functions.fods "$work/"

# The same steps in either office: install into a throw-away profile, convert.
convert() {
  local -a env=("-env:UNO_SHARED_PACKAGES_CACHE=file://$work/shared"
                "-env:UserInstallation=file://$work/profile")
  "$@" /usr/lib/libreoffice/program/unopkg add --shared --suppress-license "${env[@]}" \
    "$work/dealsheet.oxt"
  "$@" /usr/lib/libreoffice/program/soffice "${env[@]}" --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$work/out" \
    "$work/demo-functions.fods"
}

start=$(date +%s)
if [ "${1:-}" = --native ]; then
  convert env
  platform="$(uname -m) (native)"
else
  unzip -l build/dealsheet.oxt | grep -q 'lib/linux_aarch64/dealsheet.uno.so' ||
    { echo "build/dealsheet.oxt has no linux_aarch64 binary (scripts/deps.sh)" >&2; exit 1; }
  make_chroot "$chroot_name" arm64 libreoffice-calc-nogui
  mkdir -p "$CHROOTS/$chroot_name/$work"
  mount --bind "$work" "$CHROOTS/$chroot_name/$work"
  trap 'umount -l "$CHROOTS/$chroot_name/$work"; rm -rf "$work"' EXIT
  convert in_chroot "$chroot_name" env HOME=/tmp LANG=C.UTF-8
  platform="aarch64 under qemu-user, $(chroot "$CHROOTS/$chroot_name" uname -m)"
fi
seconds=$(($(date +%s) - start))
if diff -u "$expected" "$work/out/demo-functions.csv"; then
  echo "SMOKE OK: every function computed as expected on $platform in ${seconds} s"
else
  echo "SMOKE FAILED on $platform (expected $expected)" >&2
  exit 1
fi
