#!/usr/bin/env bash
# Installs the Debian 12 packages DealSheet needs to build, test and run its demo.
# As root it installs what is missing; otherwise it prints the exact apt-get line.
set -euo pipefail

packages=(
  g++ cmake make zip ccache
  libreoffice-calc libreoffice-writer libreoffice-dev libreoffice-dev-common
  libboost-dev libgtest-dev
  clang libclang-rt-14-dev  # the libFuzzer targets (tests/fuzz, ctest label fuzz)
  gnumeric  # ssconvert: "another spreadsheet engine" for the .xlsx sharing test (sharing_it)
  libreoffice-sdbc-postgresql  # Sync with team: LibreOffice's own PostgreSQL driver
  postgresql                   # the team tests' throw-away server and scripts/team-server.sh
  libfaketime  # the team tests move the throw-away server's clock (pool release after the protection period)
  libical-dev python3-icalendar  # the tests read the calendar files back (not linked by the .oxt)
  fonts-wqy-microhei  # Chinese glyphs in the contract dossier's PDF (and the GUI screenshots)
  poppler-utils       # pdftotext, pdfinfo, pdftoppm: the dossier tests read the PDFs back
)
# The linux_aarch64 binary of the package: Debian's cross compiler (its objdump checks the
# binary's symbol versions); scripts/arm64-sdk.sh below fetches the arm64 UNO libraries.
if [ "${DEALSHEET_AARCH64:-1}" = 1 ]; then
  packages+=(g++-aarch64-linux-gnu binutils-aarch64-linux-gnu)
fi
# Chroots of other LibreOffice versions and architectures (scripts/test-compat.sh,
# scripts/smoke-arm64.sh).
if [ "${DEALSHEET_CHROOT_DEPS:-0}" = 1 ]; then
  packages+=(debootstrap qemu-user-static binfmt-support unzip)
fi
# The real-window test (ctest label gui) needs an X server and screenshots (the CJK font is above).
if [ "${DEALSHEET_GUI_DEPS:-1}" = 1 ]; then
  packages+=(xvfb xauth imagemagick xdotool)
  # The sidebar's real-window test runs under GTK3 too (gui.sidebar_gtk3), users' desktops'
  # window back end; the other gui tests pin the plain X11 one (SAL_USE_VCLPLUGIN=gen).
  packages+=(libreoffice-gtk3)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "DealSheet needs these Debian packages:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ "${DEALSHEET_AARCH64:-1}" = 1 ]; then
  sdk=${DEALSHEET_ARM64_SDK:-/var/cache/dealsheet-sdk/arm64}
  if [ -w "$(dirname "$sdk")" ] || [ "$(id -u)" -eq 0 ]; then
    bash "$(dirname "$0")/arm64-sdk.sh" "$sdk"
  elif ! ls "$sdk"/.complete-* >/dev/null 2>&1; then
    echo "No arm64 SDK in $sdk: the package gets linux_x86_64 only (run scripts/deps.sh as root)" >&2
  fi
fi
