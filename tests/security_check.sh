#!/usr/bin/env bash
# The extension's security promise, checked on the built component and its sources:
# - it imports no function that opens a network connection, starts a program or opens, writes
#   or removes a file (neither the C library's nor the office runtime's osl_* file functions);
# - it names no script provider (so it cannot run a document's macros), temporary file, shell
#   execution, connector or store call;
# - the one way it writes a file is the office's SimpleFileAccess.writeFile, named in a single
#   source file (src/uno/deadlines.cxx: Export to calendar, to the .ics URL the user chose in
#   the file picker or the user's macro passed);
# - it links nothing but the office's own runtime and the C/C++ runtime (libical, used to check
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
if grep -aqE 'vnd\.sun\.star\.script|ScriptProvider|XScriptInvocation|XLibraryContainer|TempFile|SystemShellExecute|connection\.Connector|XConnector|storeToURL|storeAsURL' "$component"; then
  echo "$component names a script provider, macro library, temporary file, shell or store call"; exit 1
fi
writers=$(cd "$sources" && grep -rlE 'SimpleFileAccess|writeFile|openFileWrite|openFileReadWrite' . | sort)
if [ "$writers" != "./uno/deadlines.cxx" ]; then
  echo "file-writing API named outside src/uno/deadlines.cxx:"; echo "$writers"; exit 1
fi
if grep -qE 'openFileWrite|openFileReadWrite|kill\(|copy\(.*SimpleFileAccess' "$sources/uno/deadlines.cxx"; then
  echo "src/uno/deadlines.cxx uses more of SimpleFileAccess than writeFile"; exit 1
fi
needed=$(readelf -d "$component" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
unexpected=$(grep -vxE 'libuno_(cppuhelpergcc3|cppu|sal|salhelpergcc3)\.so\.3|libstdc\+\+\.so\.6|libm\.so\.6|libgcc_s\.so\.1|libc\.so\.6' <<<"$needed" || true)
if [ -n "$unexpected" ]; then
  echo "$component links libraries that may be missing where LibreOffice runs:"; echo "$unexpected"; exit 1
fi
echo "$(wc -l <<<"$imports") imports checked: no network, no programs, no macros; files written" \
     "only through SimpleFileAccess.writeFile in src/uno/deadlines.cxx; links $(wc -l <<<"$needed") runtime libraries"
