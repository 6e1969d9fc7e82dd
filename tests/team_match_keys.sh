#!/usr/bin/env bash
# The team server computes the match keys itself (src/core/team/match_sql.cpp); they must be
# the core's, line for line: every name of tests/data/company_names.tsv, every line of
# tests/data/match_keys.txt and 3,000 random lines (tests/match_keys_random.py, fixed seed) as
# a name key, phone keys and credit code key; same_company for every pair of
# company_names.tsv and 2,000 random pairs sharing a trade name. The core's side comes from the
# name_keys tool (its path is the argument), the server's from psql as a member (li), as a
# push computes them. Run through the script, which starts and always stops the server:
#   bash scripts/team-server.sh --run "bash tests/team_match_keys.sh build/tests/name_keys"
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/tests/team_psql.sh"
tool=${1:?usage: team_match_keys.sh NAME_KEYS_TOOL}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v '^#' "$here/tests/data/company_names.tsv" >"$work/pairs.tsv"
python3 "$here/tests/match_keys_random.py" pairs 27 2000 >>"$work/pairs.tsv"
{ grep -v '^#' "$here/tests/data/company_names.tsv" | cut -f1
  grep -v '^#' "$here/tests/data/company_names.tsv" | cut -f2
  grep -v '^#' "$here/tests/data/match_keys.txt"
  python3 "$here/tests/match_keys_random.py" lines 27 3000; } >"$work/lines.txt"

# psql as li: FILE read into a temporary table (COPY's text format, as name_keys reads it),
# then QUERY's rows as COPY writes them (tab-separated).
server() {  # server COLUMN-DEFINITIONS COLUMN-NAMES FILE QUERY
  { echo "CREATE TEMP TABLE input (n serial, $1); COPY input ($2) FROM STDIN;"
    cat "$3"
    printf '\\.\n'
    echo "COPY ($4) TO STDOUT;"; } |
    PGPASSWORD=li-demo "$psql_bin" -X -q -U li -v ON_ERROR_STOP=1 2>&1
}

compare() {  # compare WHAT CORE-FILE SERVER-FILE INPUT-FILE
  local lines n
  lines=$(wc -l <"$2")
  if [ "$lines" -lt "$(wc -l <"$4")" ]; then
    fail "$1: the core gave $lines lines for $(wc -l <"$4")" "$(head -5 "$2")"
  elif diff -q "$2" "$3" >/dev/null; then
    pass "$1: the server agrees with the core on all $lines lines"
  else
    local details=()
    while IFS= read -r n; do
      details+=("input:  $(sed -n "${n}p" "$4")" "core:   $(grep -m1 "^$n	" "$2")"
                "server: $(grep -m1 "^$n	" "$3")")
    done < <(diff "$2" "$3" | grep -o '^[<>] [0-9]*' | cut -c3- | sort -un | head -10)
    [ "${#details[@]}" -gt 0 ] || details=("$(diff "$2" "$3" | head -10)")
    fail "$1: the server differs from the core (first 10 lines)" "${details[@]}"
  fi
}

"$tool" keys "$work/lines.txt" >"$work/core_keys.tsv"
server "line text" line "$work/lines.txt" "SELECT n, (k).core, (k).industry_class, (k).legal_form,
    (k).region, (k).branch, array_to_string(dealsheet.mobile_keys(line), ','),
    array_to_string(dealsheet.landline_keys(line), ','), coalesce(dealsheet.credit_code_key(line), '')
  FROM (SELECT n, line, dealsheet.name_key(line) AS k FROM input) i ORDER BY n" \
  >"$work/server_keys.tsv"
compare "name, phone and credit code keys" "$work/core_keys.tsv" "$work/server_keys.tsv" \
  "$work/lines.txt"

"$tool" pairs "$work/pairs.tsv" >"$work/core_pairs.tsv"
server "a text, b text, verdict text" "a, b, verdict" "$work/pairs.tsv" "SELECT n,
    dealsheet.same_company(dealsheet.name_key(a), dealsheet.name_key(b))::integer
  FROM input ORDER BY n" >"$work/server_pairs.tsv"
compare "same_company of every pair" "$work/core_pairs.tsv" "$work/server_pairs.tsv" \
  "$work/pairs.tsv"
same=$(grep -c '	1$' "$work/core_pairs.tsv")
[ "$same" -gt 300 ] || fail "the random pairs hold too few of one company to prove much" "$same"

expect li "SELECT dealsheet.name_key('华盛科技（北京）有限责任公司')" '(华盛,科技,有限责任公司,北京,"")' \
  "a member computes a name key (the push's trigger runs as the member)"
got=$(as zhao "SELECT dealsheet.name_key('华盛')")
if [[ "$got" =~ "permission denied" ]]; then
  pass "a viewer computes none"
else
  fail "a viewer computes none" "got: $got"
fi
expect zhang "SELECT dealsheet.name_key(NULL) IS NULL AND dealsheet.mobile_keys('') = '{}'
  AND dealsheet.credit_code_key('') IS NULL" t "NULL and empty texts"
finish "match keys"
