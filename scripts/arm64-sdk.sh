#!/usr/bin/env bash
# Unpacks the arm64 LibreOffice SDK libraries (Debian 12's arm64 packages of the UNO runtime
# and libreoffice-dev) into a folder the cross build links against:
#   scripts/arm64-sdk.sh [DIR]      (default /var/cache/dealsheet-sdk/arm64)
# Only package downloads from the Debian mirror; the host's own apt state is not touched (a
# private apt configuration with Architecture arm64 and its own lists in DIR/apt).
set -euo pipefail
sdk=${1:-${DEALSHEET_ARM64_SDK:-/var/cache/dealsheet-sdk/arm64}}
packages=(libuno-sal3 libuno-cppu3 libuno-cppuhelpergcc3-3 libuno-salhelpergcc3-3
          libuno-purpenvhelpergcc3-3 uno-libs-private libreoffice-dev)
stamp="$sdk/.complete-$(printf '%s\n' "${packages[@]}" | md5sum | cut -c1-8)"
[ -f "$stamp" ] && exit 0

apt_dir="$sdk/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/etc" "$sdk/root"
: > "$apt_dir/status"
# The host's Debian sources (deb822 or one-line), same mirror and suites.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$apt_dir/etc/debian.sources"
  sources=(-o "Dir::Etc::SourceParts=$apt_dir/etc" -o "Dir::Etc::SourceList=/dev/null")
else
  cp /etc/apt/sources.list "$apt_dir/etc/sources.list"
  sources=(-o "Dir::Etc::SourceList=$apt_dir/etc/sources.list" -o "Dir::Etc::SourceParts=/nonexistent")
fi
apt_options=(-q -o APT::Architecture=arm64 -o APT::Architectures::=arm64
             -o "Dir::State=$apt_dir" -o "Dir::State::Lists=$apt_dir/lists"
             -o "Dir::State::status=$apt_dir/status" -o "Dir::Cache=$apt_dir"
             -o "Dir::Cache::archives=$apt_dir/archives" -o Debug::NoLocking=1
             -o APT::Sandbox::User=root "${sources[@]}")
echo "Fetching the arm64 LibreOffice SDK libraries into $sdk"
apt-get "${apt_options[@]}" update >/dev/null
(cd "$apt_dir/archives" && apt-get "${apt_options[@]}" download "${packages[@]/%/:arm64}" >/dev/null)
for deb in "$apt_dir"/archives/*_arm64.deb; do dpkg-deb -x "$deb" "$sdk/root"; done
rm -rf "$apt_dir/lists" "$apt_dir"/*.bin
touch "$stamp"
echo "arm64 SDK ready: $sdk/root"
