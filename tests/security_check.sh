#!/usr/bin/env bash
# The extension's security promise, checked on the built component and its sources:
# - it imports no function that opens a network connection, starts a program or opens, writes
#   or removes a file (neither the C library's nor the office runtime's osl_* file functions);
# - it names no script provider (so it cannot run a document's macros), temporary file, shell
#   execution or connector;
# - it writes files in exactly three places, each to a URL the user chose (file picker, macro
#   argument or Save As): Export to calendar through SimpleFileAccess.writeFile
#   (src/uno/reminders/deadlines.cxx), the contract dossier's PDF through the office's PDF filter,
#   storeToURL of a hidden document of DealSheet's own (src/uno/dossier/dossier_export.cxx), and the
#   .xlsx the user has just saved, whose list rules the save job corrects through the office's
#   package storage (src/uno/sharing/excel_save_job.cxx). The component's type descriptions list
#   XStorable's method names, so store calls are checked in the sources;
# - it links nothing but the office's own runtime and the C/C++ runtime and loader (libical, used to check
#   the calendar files, stays in the tests), so the .oxt loads wherever LibreOffice runs.
set -euo pipefail
component="$1"
sources="${2:-$(dirname "$0")/../src}"
forbidden='socket|connect|getaddrinfo|gethostbyname|fopen|fopen64|open|open64|openat|creat|unlink|rename|remove|mkdir|exec[lv]p?e?|system|popen|fork|posix_spawnp?|dlopen|osl_openFile|osl_writeFile|osl_removeFile|osl_moveFile|osl_copyFile|osl_createDirectory|osl_executeProcess'
imports=$(nm -D --undefined-only "$component" | awk '{print $2}' | sed 's/@.*//')
bad=$(grep -xE "$forbidden" <<<"$imports" || true)
if [ -n "$bad" ]; then
  echo "forbidden imports in $component:"; echo "$bad"; exit 1
fi
if grep -aqE 'vnd\.sun\.star\.script|ScriptProvider|XScriptInvocation|XLibraryContainer|TempFile|SystemShellExecute|connection\.Connector|XConnector' "$component"; then
  echo "$component names a script provider, macro library, temporary file, shell or connector"; exit 1
fi
# The component's own sources (src/tools are the build's and the tests' programs, not shipped).
component_sources=(./core ./uno ./platform)
writers=$(cd "$sources" && grep -rlE 'SimpleFileAccess|writeFile|openFileWrite|openFileReadWrite' "${component_sources[@]}" | sort)
if [ "$writers" != "./uno/reminders/deadlines.cxx" ]; then
  echo "file-writing API named outside src/uno/reminders/deadlines.cxx:"; echo "$writers"; exit 1
fi
if grep -qE 'openFileWrite|openFileReadWrite|kill\(|copy\(.*SimpleFileAccess' "$sources/uno/reminders/deadlines.cxx"; then
  echo "src/uno/reminders/deadlines.cxx uses more of SimpleFileAccess than writeFile"; exit 1
fi
storages=$(cd "$sources" && grep -rlE 'StorageFactory|XStorage\b|ElementModes' "${component_sources[@]}" | sort)
if [ "$storages" != "./uno/sharing/excel_save_job.cxx" ]; then
  echo "package storage opened outside the .xlsx save job:"; echo "$storages"; exit 1
fi
if ! grep -q 'storable->getLocation()' "$sources/uno/sharing/excel_save_job.cxx"; then
  echo "the .xlsx save job must open only the document's own location"; exit 1
fi
stores=$(cd "$sources" && grep -rlE 'storeToURL|storeAsURL|storeSelf|->store\(' "${component_sources[@]}" | sort)
if [ "$stores" != "./uno/dossier/dossier_export.cxx" ]; then
  echo "store calls outside the dossier export:"; echo "$stores"; exit 1
fi
if grep -qE 'storeAsURL|storeSelf|->store\(' "$sources/uno/dossier/dossier_export.cxx"; then
  echo "the dossier export stores something other than its own PDF"; exit 1
fi
needed=$(readelf -d "$component" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
unexpected=$(grep -vxE 'libuno_(cppuhelpergcc3|cppu|sal|salhelpergcc3)\.so\.3|libstdc\+\+\.so\.6|libm\.so\.6|libgcc_s\.so\.1|libc\.so\.6|ld-linux-(x86-64|aarch64)\.so\.[12]' <<<"$needed" || true)
if [ -n "$unexpected" ]; then
  echo "$component links libraries that may be missing where LibreOffice runs:"; echo "$unexpected"; exit 1
fi
echo "$(wc -l <<<"$imports") imports checked: no network, no programs, no macros; files written" \
     "only to the user's chosen .ics (SimpleFileAccess.writeFile), dossier PDF (storeToURL)" \
     "and just-saved .xlsx (package storage);" \
     "links $(wc -l <<<"$needed") runtime libraries"
