#!/usr/bin/env bash
# A register made by schema version 3 (tests/data/dealsheet-team-v3.sql, the SQL as that
# release shipped it) upgraded by server/upgrade-3.sql, as an administrator would: the data
# stays, the new columns work for members, the history keeps them, and a second run is refused.
#   DEALSHEET_TEAM_SQL_FILE=tests/data/dealsheet-team-v3.sql \
#     bash scripts/team-server.sh --run tests/team_upgrade.sh
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/tests/team_psql.sh"

expect li "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-12-01', '北京华盛科技有限公司', '李娜') RETURNING customer_no" "202612-001" \
  "before the upgrade a member registers a customer (version 3)"

if out=$($DEALSHEET_OWNER_PSQL <"$here/server/upgrade-3.sql" 2>&1); then
  pass "the owner applies server/upgrade-3.sql"
else
  fail "the owner applies server/upgrade-3.sql" "$out"
fi
expect li "SELECT value FROM dealsheet.meta WHERE name = 'schema_version'" "5" \
  "the register says schema version 5"
today=$(as zhang "SELECT to_char(now(), 'YYYY-MM-DD')")
got=$(as wang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-12-02', '华盛科技（北京）有限责任公司', '王强')")
case "$got" in
  *"dealsheet-claimed:customer_name|李娜|$today|"*)
    pass "the customer registered before the upgrade is li's: wang's same company is refused" ;;
  *) fail "the customer registered before the upgrade is li's: wang's same company is refused" "$got" ;;
esac
expect li "SELECT customer_name || '|' || customer_no FROM dealsheet.customers" \
  "北京华盛科技有限公司|202612-001" "the customer registered before the upgrade is still there"
expect li "UPDATE dealsheet.customers SET credit_code = '91110108MA01D8NW4X'
  WHERE customer_no = '202612-001' RETURNING version" "2" \
  "a member writes the new 统一社会信用代码 column"
expect zhang "SELECT string_agg(version || ':' || coalesce(credit_code, '-'), ',' ORDER BY version)
  FROM dealsheet.customers_history WHERE customer_no = '202612-001'" "1:-,2:91110108MA01D8NW4X" \
  "the history keeps every version, with the new column"
if out=$($DEALSHEET_OWNER_PSQL <"$here/server/upgrade-3.sql" 2>&1); then
  fail "a second run of the upgrade is refused" "$out"
else
  case "$out" in
    *"not at schema version 3"*) pass "a second run of the upgrade is refused, saying why" ;;
    *) fail "a second run of the upgrade is refused, saying why" "$out" ;;
  esac
fi
finish "upgrade"
