# Sourced by scripts/test-compat.sh and scripts/smoke-arm64.sh: Debian chroots of other
# LibreOffice versions and architectures, made once and kept outside the repository in
# $DEALSHEET_CHROOTS (default /var/cache/dealsheet-chroots). Needs root, debootstrap and, for
# arm64, qemu-user-static with binfmt_misc (scripts/deps.sh installs them with
# DEALSHEET_CHROOT_DEPS=1). Only Debian's package mirror is used.
CHROOTS=${DEALSHEET_CHROOTS:-/var/cache/dealsheet-chroots}
MIRROR=${DEALSHEET_MIRROR:-http://deb.debian.org/debian}

# make_chroot NAME ARCH APT_ARGS...: bookworm for ARCH with the packages of APT_ARGS installed
# (apt-get install arguments, e.g. -t bookworm-backports libreoffice-calc-nogui). Made in
# NAME.tmp and renamed when complete, so an interrupted run starts that chroot over.
make_chroot() {
  local name=$1 arch=$2
  shift 2
  local root="$CHROOTS/$name" tmp="$CHROOTS/$name.tmp"
  [ -f "$root/.dealsheet-ready" ] && return 0
  [ "$(id -u)" -eq 0 ] || { echo "making the $name chroot needs root" >&2; return 1; }
  mkdir -p "$CHROOTS"
  if [ "$arch" = arm64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    mountpoint -q /proc/sys/fs/binfmt_misc ||
      mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    update-binfmts --enable qemu-aarch64
  fi
  if [ ! -f "$tmp/.debootstrapped" ]; then
    rm -rf "$tmp"
    echo "debootstrap $name ($arch), a few minutes (arm64 under emulation: ~15)"
    nice debootstrap --variant=minbase --arch="$arch" bookworm "$tmp" "$MIRROR" >"$tmp.log" 2>&1 ||
      { tail -20 "$tmp.log" >&2; return 1; }
    touch "$tmp/.debootstrapped"
  fi
  cat >"$tmp/etc/apt/sources.list" <<SOURCES
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
deb $MIRROR bookworm-backports main
SOURCES
  cp /etc/resolv.conf "$tmp/etc/resolv.conf"
  echo "installing $* into $name"
  nice chroot "$tmp" env DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get update -q && apt-get install -y -q --no-install-recommends $* && apt-get clean" \
    >>"$tmp.log" 2>&1 || { tail -20 "$tmp.log" >&2; return 1; }
  touch "$tmp/.dealsheet-ready"
  mv "$tmp" "$root"
}

# chroot_install NAME APT_ARGS...: installs into a chroot made earlier what it lacks (apt-get
# install arguments, as for make_chroot); nothing to do when all is there.
chroot_install() {
  local root="$CHROOTS/$1"
  shift
  chroot "$root" env DEBIAN_FRONTEND=noninteractive sh -c \
    "apt-get install -y -q --no-install-recommends $* >/dev/null 2>&1 ||
     (apt-get update -q && apt-get install -y -q --no-install-recommends $* && apt-get clean)" \
    >>"$root.log" 2>&1 || { tail -20 "$root.log" >&2; return 1; }
}

# in_chroot NAME COMMAND...: runs COMMAND in the chroot with /proc, /dev and the repository
# (at the same path, so the build tree's absolute paths hold) mounted, unmounting afterwards.
in_chroot() {
  local root="$CHROOTS/$1"
  shift
  local repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  local mounts=(proc dev dev/pts dev/shm "${repo#/}")
  mkdir -p "$root/$repo"
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
  mount -t tmpfs tmpfs "$root/dev/shm"
  mount --bind "$repo" "$root/$repo"
  local status=0
  chroot "$root" "$@" || status=$?
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "$root/${mounts[i]}" || true; done
  return $status
}
