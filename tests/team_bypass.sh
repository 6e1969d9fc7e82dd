#!/usr/bin/env bash
# The server's own integrity whatever the client does: a member and a viewer with a database
# client of their own (plain psql, their own login) try every table and every function of
# schema dealsheet. Tables and functions are enumerated from pg_catalog when the test runs, so
# one added tomorrow is covered without editing this file. Logins of scripts/team-server.sh:
# zhang lead 张伟, li and wang members 李娜 and 王强, zhao viewer 赵敏. Run through the script,
# which starts and always stops the server:
#   bash scripts/team-server.sh --run tests/team_bypass.sh
set -uo pipefail
source "$(dirname "$0")/team_psql.sh"

# refused USER SQL PATTERN WHAT: the statement fails with a message matching PATTERN (an
# extended regular expression); it runs in a transaction that is rolled back in any case.
refused() {
  local got
  got=$(as "$1" "BEGIN; $2; ROLLBACK;")
  if [[ "$got" =~ ERROR && "$got" =~ $3 ]]; then
    pass "$4"
  else
    fail "$4 ($1) was not refused with /$3/" "sql: $2" "got: $got"
  fi
}
denied='permission denied'
rls='row-level security'

# Functions a login may run, each with the reason it is harmless; every other function of the
# schema must be refused. A viewer needs none: its policies call no function and it writes
# nothing, so no trigger of its reaches one.
# Every sync calls the first three (SPEC §12); they run as the register's owner and reveal only
# the caller's own notices and protection dates.
declare -A ownership_may=(
  [release_due]="the pool release when due; runs as the owner, at most once an hour"
  [take_notices]="the caller's own notices (possible duplicates, releases), once"
  [my_protection]="the caller's own customers' claim and protection dates"
)
declare -A viewer_may=()
for f in "${!ownership_may[@]}"; do viewer_may[$f]=${ownership_may[$f]}; done
declare -A member_may=(
  [unchanged]="compares two rows given to it; stamp_row calls it on every write"
  [my_owner_name]="the member's own 负责人 name, readable anyway; the member_own policies call it"
  [is_lead]="whether the caller is a lead; guard_approved_contract calls it"
  [approval_result]="a pure function of three texts; guard_approved_contract calls it"
  [reserve_row_ids]="row ids for the member's own new rows, reserved to their login (the push)"
  [settled_row_ids]="which of the member's own reserved ids are used (the push)"
)
for f in "${!ownership_may[@]}"; do member_may[$f]=${ownership_may[$f]}; done
# The match keys (src/core/team/match_sql.cpp): pure functions of their arguments, revealing
# only the word lists, which are no secret; a lead's or a member's push computes them.
for name in match_lists region_within region_at region_run name_key same_company \
  credit_code_key phone_digits_kind phone_number_kind phone_key_of phone_without_extension \
  phone_keys mobile_keys landline_keys; do
  member_may[$name]="a match key, a pure function of its arguments (the push computes keys)"
done

# ---- The lead's register: one customer of each member, wang's contracts, and in every table
# a member's rows live in (those with a member_own policy), rows of wang's -------------------
expect zhang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner) VALUES
  ('2026-11-02', '李的客户', '李娜'), ('2026-11-03', '王的客户', '王强') RETURNING customer_no" \
  "202611-001
202611-002" "the lead registers a customer of each member"
li_no=202611-001
wang_no=202611-002
expect zhang "INSERT INTO dealsheet.approvals (contract_no, customer_no, amount, sales_opinion)
  VALUES ('HT-001', '$wang_no', '100000', '同意'), ('', '$wang_no', '5', NULL),
  ('HT-LI', '$li_no', '1', NULL) RETURNING contract_no" "HT-001

HT-LI" "the lead adds wang's contract HT-001 (pending), one of his without a number, one of li's"

# Which column ties each table's rows to a customer or a contract, read from its policy.
declare -A tie=() tied_to=()
while IFS='|' read -r table contract customer; do
  [ -n "$table" ] || continue
  if [ -n "$contract" ]; then
    tie[$table]=$contract
    tied_to[$table]=contract
  elif [ -n "$customer" ]; then
    tie[$table]=$customer
    tied_to[$table]=customer
  else
    tied_to[$table]=none
  fi
done < <(as zhang "SELECT tablename, coalesce(substring(qual from 'a\.contract_no = \w+\.(\w+)'), ''),
  coalesce(substring(qual from 'c\.customer_no = \w+\.(\w+)'), '') FROM pg_policies
  WHERE schemaname = 'dealsheet' AND policyname = 'member_own' AND tablename <> 'customers'
  ORDER BY 1")
[ "${#tied_to[@]}" -gt 3 ] || fail "the synced tables were not found through their policies" \
  "found: ${!tied_to[*]}"
for table in "${!tied_to[@]}"; do
  [ "$table" = approvals ] && continue
  case ${tied_to[$table]} in
    contract) values="('HT-001'), ('')" ;;  # wang's contract, and rows without a contract
    customer) values="('$wang_no')" ;;
    *) values="(DEFAULT)" ;;
  esac
  column=${tie[$table]:-row_id}
  got=$(as zhang "INSERT INTO dealsheet.$table ($column) VALUES $values")
  [ -z "$got" ] || fail "the lead's row of wang's in $table" "got: $got"
done
synced=(customers "${!tied_to[@]}")
# The ids of the rows each login sees, per table.
ids() { as "$1" "SELECT coalesce(string_agg(row_id::text, ',' ORDER BY row_id), '') FROM dealsheet.$2"; }

# ---- A member's hostile values ----------------------------------------------------------
refused li "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, owner)
  VALUES ('$wang_no', '2026-11-09', '冒名', '李娜')" customers_customer_no_unique \
  "a member cannot register her customer under another member's customer number"
refused li "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, owner)
  VALUES (' $wang_no　', '2026-11-09', '冒名', '李娜')" customers_customer_no_unique \
  "nor under that number with spaces around it"
refused li "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-09', '冒名', '王强')" "$rls" "a member cannot register a customer for another"
refused li "INSERT INTO dealsheet.approvals (contract_no, customer_no) VALUES ('HT-001', '$li_no')" \
  approvals_contract_no_unique "a member cannot add a contract under an existing contract number"
refused li "INSERT INTO dealsheet.approvals (contract_no, customer_no) VALUES (' HT-001 ', '$li_no')" \
  approvals_contract_no_unique "nor under that number with spaces around it"
refused zhang "INSERT INTO dealsheet.approvals (contract_no, customer_no) VALUES ('HT-001', '$li_no')" \
  approvals_contract_no_unique "a lead cannot either: contract numbers are unique"
expect li "INSERT INTO dealsheet.approvals (contract_no, customer_no) VALUES ('', '$li_no'),
  (NULL, '$li_no') RETURNING customer_no" "$li_no
$li_no" "a member adds contracts without a number yet (several may lack one)"
refused li "UPDATE dealsheet.customers SET customer_no = '202611-099' WHERE customer_no = '$li_no'" \
  'dealsheet-customer-number:customer_no' "a member cannot change her customer's issued number"
refused li "UPDATE dealsheet.customers SET customer_no = '' WHERE customer_no = '$li_no'" \
  'dealsheet-customer-number:customer_no' "nor blank it (to have it numbered again)"
refused li "UPDATE dealsheet.customers SET customer_no = '$wang_no' WHERE customer_no = '$li_no'" \
  'dealsheet-customer-number:customer_no' "nor change it to another member's number"
refused zhang "UPDATE dealsheet.customers SET customer_no = '202611-099' WHERE customer_no = '$wang_no'" \
  'dealsheet-customer-number:customer_no' "a lead cannot change an issued number either"
expect li "WITH u AS (UPDATE dealsheet.approvals SET amount = '1', sales_opinion = '不同意'
  WHERE contract_no = 'HT-001' RETURNING 1) SELECT count(*) FROM u" "0" \
  "a member's update of another member's unapproved contract changes nothing"

# ---- What each member reaches, table by table --------------------------------------------
li_customer=$(as zhang "SELECT row_id FROM dealsheet.customers WHERE customer_no = '$li_no'")
li_approvals=$(as zhang "SELECT string_agg(row_id::text, ',' ORDER BY row_id) FROM
  dealsheet.approvals WHERE customer_no = '$li_no'")
for table in "${synced[@]}"; do
  case $table in
    customers) mine=$li_customer ;;
    approvals) mine=$li_approvals ;;
    *) mine="" ;;  # li has no rows there
  esac
  all=$(ids zhang "$table")
  wang=$(ids wang "$table")
  [ -n "$all" ] && [ "$all" != "$mine" ] ||
    fail "$table holds no row of another's to try" "lead sees: $all"
  expect li "SELECT coalesce(string_agg(row_id::text, ',' ORDER BY row_id), '') FROM
    dealsheet.$table" "$mine" "a member reads only her own rows of $table"
  others=$(as zhang "SELECT coalesce(string_agg(row_id::text, ','), '0') FROM dealsheet.$table
    WHERE row_id <> ALL ('{${mine:-0}}'::bigint[])")
  expect li "WITH u AS (UPDATE dealsheet.$table SET updated_at = updated_at
    WHERE row_id IN ($others) RETURNING 1) SELECT count(*) FROM u" "0" \
    "a member's update of the others' rows of $table (by their ids) affects none"
  count=$(echo "$mine" | tr ',' '\n' | grep -c .)
  expect li "WITH u AS (UPDATE dealsheet.$table SET updated_at = updated_at RETURNING 1)
    SELECT count(*) FROM u" "$count" "a member's update of all of $table reaches only her rows"
  if [ "$table" != customers ] && [ "${tied_to[$table]}" != none ]; then
    value=$wang_no
    [ "${tied_to[$table]}" = contract ] && value=HT-001
    refused li "INSERT INTO dealsheet.$table (${tie[$table]}) VALUES ('$value')" "$rls" \
      "a member cannot add a row to another's ${tied_to[$table]} in $table"
  fi
  [ "$table" = customers ] || [ -n "$wang" ] ||
    fail "wang sees none of his rows of $table" "lead sees: $all"
done

# ---- Every table: who may write, delete, empty ------------------------------------------
mapfile -t tables < <(as zhang "SELECT c.relname FROM pg_class c WHERE c.relnamespace =
  'dealsheet'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1")
[ "${#tables[@]}" -gt 10 ] || fail "the schema's tables were not found" "found: ${tables[*]}"
is_synced() { [[ " ${synced[*]} " == *" $1 "* ]]; }
for table in "${tables[@]}"; do
  column=$(as zhang "SELECT attname FROM pg_attribute WHERE attrelid = 'dealsheet.$table'::regclass
    AND attnum > 0 AND NOT attisdropped AND attidentity = '' AND attgenerated = ''
    ORDER BY attnum LIMIT 1")
  refused zhao "INSERT INTO dealsheet.$table DEFAULT VALUES" "$denied" "a viewer cannot add to $table"
  refused zhao "UPDATE dealsheet.$table SET $column = $column" "$denied" "a viewer cannot change $table"
  for who in zhao li; do
    refused $who "DELETE FROM dealsheet.$table" "$denied" "$who cannot delete from $table"
    refused $who "TRUNCATE dealsheet.$table" "$denied" "$who cannot empty $table"
  done
  if ! is_synced "$table"; then
    refused li "INSERT INTO dealsheet.$table DEFAULT VALUES" "$denied|$rls" \
      "a member cannot add to $table"
    got=$(as li "BEGIN; WITH u AS (UPDATE dealsheet.$table SET $column = $column RETURNING 1)
      SELECT count(*) FROM u; ROLLBACK;")
    if [[ "$got" =~ $denied || "$got" = 0 ]]; then
      pass "a member cannot change $table"
    else
      fail "a member changed $table" "got: $got"
    fi
  fi
done

# ---- Every function ---------------------------------------------------------------------
# Each argument is a NULL from a subquery: a constant NULL would let the planner fold a STRICT
# function's call away before the executor checks the privilege.
try_functions() {  # try_functions LOGIN ALLOW-LIST-NAME
  local who=$1
  local -n may=$2
  local signature name call got
  while IFS='|' read -r signature name call; do
    [ -n "$signature" ] || continue
    if [ -n "${may[$name]:-}" ]; then
      expect "$who" "SELECT has_function_privilege('$signature', 'EXECUTE')" t \
        "$who may run $signature (${may[$name]})"
    else
      refused "$who" "$call" "permission denied for function" "$who cannot run $signature"
    fi
  done < <(as "$who" "SELECT p.oid::regprocedure::text, p.proname,
    CASE p.prokind WHEN 'p' THEN 'CALL ' ELSE 'SELECT ' END || p.oid::regproc::text || '(' ||
    coalesce((SELECT string_agg('(SELECT NULL::' || format_type(t, NULL) || ')', ', ' ORDER BY i)
              FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(t, i)), '') || ')'
    FROM pg_proc p WHERE p.pronamespace = 'dealsheet'::regnamespace ORDER BY 1")
}
count=$(as zhao "SELECT count(*) FROM pg_proc WHERE pronamespace = 'dealsheet'::regnamespace")
[ "$count" -gt 10 ] || fail "the schema's functions were not found" "found: $count"
try_functions zhao viewer_may
try_functions li member_may
for who in zhao li zhang; do
  refused $who "SELECT dealsheet.next_customer_no('2026-11-30')" "$denied" \
    "$who cannot take a customer number outside a push"
done
expect zhang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-30', '下一位', '王强') RETURNING customer_no" "202611-003" \
  "the month's counter moved only with the customers registered"

# ---- Row ids: a member's crafted ids must not break another's later insert ---------------
# (The server ignores a row id the login did not reserve: the t05_row_id trigger.)
for table in customers "${!tied_to[@]}"; do
  if [ "$table" = customers ]; then
    columns="registered_on, customer_name, owner"
    li_values="'2026-10-01', '抢号' || i, '李娜'"
    wang_values="'2026-09-01', '后来' || i, '王强'"
  elif [ "${tied_to[$table]}" = customer ]; then
    columns=${tie[$table]}
    li_values="'$li_no'"
    wang_values="'$wang_no'"
  else
    continue
  fi
  # The ids the table's sequence hands out next lie within 200 of the highest in use.
  top=$(as zhang "SELECT coalesce(max(row_id), 0) FROM dealsheet.$table")
  as li "INSERT INTO dealsheet.$table (row_id, $columns) SELECT $top + i, $li_values
    FROM generate_series(1, 200) i" >/dev/null
  expect wang "WITH n AS (INSERT INTO dealsheet.$table ($columns) SELECT $wang_values
    FROM generate_series(1, 20) i RETURNING 1) SELECT count(*) FROM n" 20 \
    "a member's crafted row ids of $table ($((top + 1)) … $((top + 200))) do not fail another's insert"
done

finish bypass
