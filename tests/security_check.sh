#!/usr/bin/env bash
# The extension's security promise, checked on the built component: it imports no function
# that opens a network connection, starts a program or opens, writes or removes a file, and it
# names no script provider (so it cannot run a document's macros), file access service, shell
# execution or connector. Its only store call is the contract dossier's PDF export (checked in
# the source folder, the second argument).
set -euo pipefail
component="$1"
forbidden='socket|connect|getaddrinfo|gethostbyname|fopen|fopen64|open|open64|openat|creat|unlink|rename|remove|mkdir|exec[lv]p?e?|system|popen|fork|posix_spawnp?|dlopen'
imports=$(nm -D --undefined-only "$component" | awk '{print $2}' | sed 's/@.*//')
bad=$(grep -xE "$forbidden" <<<"$imports" || true)
if [ -n "$bad" ]; then
  echo "forbidden imports in $component:"; echo "$bad"; exit 1
fi
if grep -aqE 'vnd\.sun\.star\.script|ScriptProvider|XScriptInvocation|XLibraryContainer|SimpleFileAccess|TempFile|SystemShellExecute|connection\.Connector|XConnector' "$component"; then
  echo "$component names a script provider or macro library"; exit 1
fi
# The one file DealSheet writes: the contract dossier's PDF, stored by the office's own PDF
# filter from a hidden document of DealSheet's own, to the URL the user chose. The component
# names XStorable's methods for that (its type description lists them all), so the store calls
# are checked in the sources: only that file may call one, and only storeToURL.
if [ -z "${2:-}" ] && grep -aqE 'storeToURL|storeAsURL' "$component"; then
  echo "$component names a store call; pass the source folder to check who calls it"; exit 1
fi
if [ -n "${2:-}" ]; then
  stores=$(grep -rlE 'storeToURL|storeAsURL|storeSelf|->store\(' "$2" | sed "s|^$2/||" | sort)
  if [ "$stores" != "uno/dossier_export.cxx" ]; then
    echo "store calls outside the dossier export:"; echo "$stores"; exit 1
  fi
  if grep -qE 'storeAsURL|storeSelf|->store\(' "$2/uno/dossier_export.cxx"; then
    echo "the dossier export stores something other than its own PDF"; exit 1
  fi
fi
echo "$(wc -l <<<"$imports") imports checked: no network, no files but the dossier's PDF, no programs, no macros"
