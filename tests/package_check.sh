#!/usr/bin/env bash
# The package a user downloads: small, its binaries stripped, their debug info kept beside it.
#   package_check.sh build/dealsheet.oxt build/debug [max MB]
# For every lib/<platform>/dealsheet.uno.so in the .oxt:
# - no debug section (.debug_info, .debug_line, ...) and no local symbol table (.symtab);
# - a .gnu_debuglink naming dealsheet.uno.so.debug, whose CRC is that of
#   <debug dir>/<platform>/dealsheet.uno.so.debug (gdb ignores a file with another CRC);
# - the same build-id (readelf -n) as that debug file, which holds the debug info, and a link
#   to it under <debug dir>/.build-id/ (gdb's lookup by build-id);
# and the .oxt is below the size bound (8 MB unless given).
set -euo pipefail
oxt="$1"
debug_dir="$2"
max_mb="${3:-8}"
readelf="${READELF:-readelf}"
fail() { echo "FAIL: $*"; exit 1; }

size=$(stat -c %s "$oxt")
[ "$size" -lt $((max_mb * 1024 * 1024)) ] ||
  fail "$oxt is $((size / 1024)) KiB, above $max_mb MB"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$oxt" 'lib/*' -d "$work"
binaries=$(cd "$work" && find lib -name dealsheet.uno.so | sort)
[ -n "$binaries" ] || fail "$oxt holds no lib/<platform>/dealsheet.uno.so"

build_id() { "$readelf" -n "$1" | sed -n 's/.*Build ID: \([0-9a-f]*\).*/\1/p'; }
for binary in $binaries; do
  platform=$(basename "$(dirname "$binary")")
  packaged="$work/$binary"
  sections=$("$readelf" -S -W "$packaged")
  if grep -qE '\.debug_|\.zdebug_' <<<"$sections"; then
    fail "$binary carries debug sections: $(grep -oE '\.z?debug_[a-z_]+' <<<"$sections" | sort -u | tr '\n' ' ')"
  fi
  grep -qE ' \.symtab ' <<<"$sections" && fail "$binary still has its local symbol table (.symtab)"
  grep -qE ' \.gnu_debuglink ' <<<"$sections" || fail "$binary has no .gnu_debuglink"

  debug_file="$debug_dir/$platform/dealsheet.uno.so.debug"
  [ -f "$debug_file" ] || fail "no debug file $debug_file for $binary"
  grep -qE ' \.debug_info +PROGBITS ' <<<"$("$readelf" -S -W "$debug_file")" ||
    fail "$debug_file holds no .debug_info"
  id=$(build_id "$packaged")
  [ -n "$id" ] || fail "$binary has no build-id"
  [ "$id" = "$(build_id "$debug_file")" ] ||
    fail "$binary (build-id $id) and $debug_file ($(build_id "$debug_file")) do not match"
  by_id="$debug_dir/.build-id/${id:0:2}/${id:2}.debug"
  [ "$(readlink -f "$by_id")" = "$(readlink -f "$debug_file")" ] ||
    fail "$by_id does not lead to $debug_file"

  # .gnu_debuglink: the file name, NUL-padded to 4 bytes, then the CRC-32 of the debug file.
  python3 - "$packaged" "$debug_file" <<'EOF' || fail "$binary: .gnu_debuglink does not name $debug_file"
import struct, sys, zlib
packaged, debug_file = sys.argv[1], sys.argv[2]
with open(packaged, "rb") as f:
    elf = f.read()
order = "<" if elf[5] == 1 else ">"  # EI_DATA; both platforms are 64-bit ELF
shoff, = struct.unpack_from(order + "Q", elf, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", elf, 0x3A)
def section(i):
    name, _, _, _, offset, size = struct.unpack_from(order + "IIQQQQ", elf, shoff + i * shentsize)
    return name, offset, size
_, names_at, _ = section(shstrndx)
link = None
for i in range(shnum):
    name, offset, size = section(i)
    if elf[names_at + name:elf.index(b"\0", names_at + name)] == b".gnu_debuglink":
        link = elf[offset:offset + size]
name = link[:link.index(b"\0")].decode()
crc, = struct.unpack(order + "I", link[-4:])
with open(debug_file, "rb") as f:
    actual = zlib.crc32(f.read()) & 0xFFFFFFFF
if name != "dealsheet.uno.so.debug" or crc != actual:
    print(f"debuglink names {name!r} with CRC {crc:08x}; {debug_file} has CRC {actual:08x}")
    sys.exit(1)
EOF
  # What a crash report needs: gdb finds the packaged binary's sources and lines, given the
  # debug folder (by build-id), or with the debug file beside the binary (by debuglink). The
  # native platform's binary only: gdb reads its own architecture.
  native=linux_$(uname -m | sed 's/arm64/aarch64/')
  if [ "$platform" = "$native" ] && command -v gdb >/dev/null; then
    lookup='info functions ^org_dealsheet_calc_Dispatch_get_implementation'
    where=$(gdb -nx -batch -iex "set debug-file-directory $debug_dir" -ex "$lookup" "$packaged" 2>&1)
    grep -q 'File .*src/uno/commands/dispatch.cxx:' <<<"$where" ||
      fail "gdb with debug-file-directory $debug_dir read no debug info for $binary: $where"
    cp "$debug_file" "$(dirname "$packaged")/"
    where=$(gdb -nx -batch -ex "$lookup" "$packaged" 2>&1)
    grep -q 'File .*src/uno/commands/dispatch.cxx:' <<<"$where" ||
      fail "gdb did not follow the .gnu_debuglink of $binary to the debug file beside it: $where"
  fi
  echo "$binary: $(($(stat -c %s "$packaged") / 1024)) KiB, build-id $id," \
       "debug info in $debug_file ($(($(stat -c %s "$debug_file") / 1024)) KiB)"
done
echo "$oxt: $((size / 1024)) KiB (bound $max_mb MB)"
