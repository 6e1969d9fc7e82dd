#!/usr/bin/env bash
# One customer, one owner (SPEC §12), enforced by the server whatever the client does: members
# with a psql of their own (logins of scripts/team-server.sh: zhang lead 张伟, li and wang members
# 李娜 and 王强, zhao viewer 赵敏) try to register a company another member owns, to read the
# server's keys and claims, to claim from the pool past the daily limit and within the former
# owner's cooldown. Run through the script, which starts and always stops the server:
#   bash scripts/team-server.sh --run tests/team_ownership.sh
set -uo pipefail
source "$(dirname "$0")/team_psql.sh"

# refused USER SQL PATTERN WHAT: the statement fails with a message matching PATTERN.
refused() {
  local got
  got=$(as "$1" "BEGIN; $2; ROLLBACK;")
  if [[ "$got" =~ ERROR && "$got" =~ $3 ]]; then pass "$4"; else
    fail "$4 ($1) was not refused with /$3/" "sql: $2" "got: $got"
  fi
}
today=$(as zhang "SELECT to_char(now(), 'YYYY-MM-DD')")
until=$(as zhang "SELECT to_char(now() + interval '30 days', 'YYYY-MM-DD')")

expect li "INSERT INTO dealsheet.customers (registered_on, customer_name, phone_email, credit_code, owner)
  VALUES ('2026-11-03', '北京华盛科技有限公司', '手机：139 1234 5678', '91350100M000100Y43', '李娜')
  RETURNING customer_no" "202611-001" "li registers 北京华盛科技有限公司"

# The same company, however written and whatever other value is given: refused, naming only
# the owner and the dates.
refused wang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-20', '华盛科技（北京）有限责任公司', '王强')" \
  "dealsheet-claimed:customer_name\|李娜\|$today\|$until" "the same company by its name key"
refused wang "INSERT INTO dealsheet.customers (registered_on, customer_name, phone_email, owner)
  VALUES ('2026-11-20', '某某公司', '+86 13912345678', '王强')" "dealsheet-claimed:.*李娜" \
  "the same company by its mobile"
refused wang "INSERT INTO dealsheet.customers (registered_on, customer_name, credit_code, owner)
  VALUES ('2026-11-20', '另一个名字', '91350100 m000100y43', '王强')" "dealsheet-claimed:.*李娜" \
  "the same company by its credit code"
refused wang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-20', '王的新客户', '王强');
  UPDATE dealsheet.customers SET customer_name = '华盛技术有限公司' WHERE owner = '王强'" \
  "dealsheet-claimed:.*李娜" "a customer renamed into another's"
expect wang "INSERT INTO dealsheet.customers (registered_on, customer_name, credit_code, owner)
  VALUES ('2026-11-20', '北京华盛科技有限公司', '91110108551385082Q', '王强') RETURNING owner" "王强" \
  "two different valid credit codes are two companies, whatever their names"
expect wang "SELECT kind || '|' || other_owner FROM dealsheet.take_notices()" "" \
  "and no notice for them"
expect wang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-20', '华盛贸易有限公司', '王强') RETURNING owner" "王强" \
  "the same 字号 in another trade goes through"
expect wang "SELECT kind || '|' || other_owner || '|' || since FROM dealsheet.take_notices()" \
  "possible_duplicate|李娜|$today" "with a notice of a possible duplicate, once"
expect wang "SELECT count(*) FROM dealsheet.take_notices()" "0" "a notice is delivered once"

# What the server keeps of ownership is nobody's to read or write but the owner's.
for table in customer_keys claim_log notices; do
  refused wang "SELECT * FROM dealsheet.$table" "permission denied" "a member cannot read $table"
  refused li "DELETE FROM dealsheet.$table" "permission denied" "a member cannot delete from $table"
done
refused li "UPDATE dealsheet.ownership_rules SET daily_claim_limit = 1000" "permission denied" \
  "a member cannot change the rules"
refused li "SELECT dealsheet.set_ownership_rules(1, 1000, 0)" "permission denied" \
  "nor through the lead's function"
refused li "SELECT dealsheet.release_unfollowed()" "permission denied" \
  "a member cannot release customers to the pool"

# The pool: a lead puts customers there; members see them and claim them by writing their own
# name into 负责人, as many a day as the rules allow, never back within the cooldown.
expect zhang "SELECT dealsheet.set_ownership_rules(NULL, 2, NULL)" "1" "the lead sets 2 claims a day"
expect zhang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner) VALUES
  ('2026-11-05', '公海一号', NULL), ('2026-11-05', '公海二号', ''), ('2026-11-05', '公海三号', ' ')
  RETURNING customer_name" "公海一号
公海二号
公海三号" "the lead adds three customers without an owner"
expect li "SELECT count(*) FROM dealsheet.customers WHERE coalesce(btrim(owner), '') = ''" "3" \
  "a member sees the pool"
refused li "UPDATE dealsheet.customers SET owner = '王强' WHERE customer_name = '公海一号'" \
  "row-level security" "a member cannot claim for someone else"
expect li "UPDATE dealsheet.customers SET owner = '李娜' WHERE customer_name IN ('公海一号', '公海二号')
  RETURNING owner" "李娜
李娜" "li claims two"
refused li "UPDATE dealsheet.customers SET owner = '李娜' WHERE customer_name = '公海三号'" \
  "dealsheet-claim-limit:owner" "the third claim of the day is refused"
expect zhang "UPDATE dealsheet.customers SET owner = NULL WHERE customer_name = '公海一号'
  RETURNING customer_name" "公海一号" "the lead puts li's claim back into the pool"
expect li "SELECT kind || '|' || other_owner FROM dealsheet.take_notices()" "released|李娜" \
  "li is told"
expect zhang "SELECT dealsheet.set_ownership_rules(NULL, 10, NULL)" "1" "the lead allows 10 a day"
refused li "UPDATE dealsheet.customers SET owner = '李娜' WHERE customer_name = '公海一号'" \
  "dealsheet-claim-cooldown:owner" "li cannot claim it back within the cooldown"
expect wang "UPDATE dealsheet.customers SET owner = '王强' WHERE customer_name = '公海一号'
  RETURNING owner" "王强" "wang can"
expect zhang "UPDATE dealsheet.customers SET owner = '李娜' WHERE customer_name = '公海一号'
  RETURNING owner" "李娜" "a lead hands it to li, cooldown or not"
expect li "SELECT count(*) FROM dealsheet.my_protection() WHERE until = '$until'" "3" \
  "li's three customers are protected until $until"
finish "ownership"
