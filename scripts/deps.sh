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
  libical-dev python3-icalendar  # the tests read the calendar files back (not linked by the .oxt)
  fonts-wqy-microhei  # Chinese glyphs in the contract dossier's PDF (and the GUI screenshots)
  poppler-utils       # pdftotext, pdfinfo, pdftoppm: the dossier tests read the PDFs back
)
# The real-window test (ctest label gui) needs an X server and screenshots (the CJK font is above).
if [ "${DEALSHEET_GUI_DEPS:-1}" = 1 ]; then
  packages+=(xvfb xauth imagemagick xdotool)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "DealSheet needs these Debian packages:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
