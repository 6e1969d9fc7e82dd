#!/usr/bin/env bash
# The roles of the team register proven at the SQL level, without the extension: psql logged
# in as each demo login of scripts/team-server.sh (zhang lead 张伟, li and wang members 李娜
# and 王强, zhao viewer 赵敏). Run through the script, which starts and always stops the server:
#   bash scripts/team-server.sh --run tests/team_policies.sh
set -uo pipefail
source "$(dirname "$0")/team_psql.sh"

refused() {  # refused USER SQL MESSAGE-FRAGMENT WHAT
  local got
  got=$(as "$1" "$2")
  if [[ "$got" != *"$3"* ]]; then
    echo "FAIL: $4 ($1) was not refused with \"$3\""
    echo "  sql: $2"
    echo "  got: $got"
    failures=$((failures + 1))
  else
    echo "ok: $4"
  fi
}
rls='new row violates row-level security policy'
names='SELECT coalesce(string_agg(customer_name, $$,$$ ORDER BY customer_name), $$-$$) FROM dealsheet.customers'

# The lead registers two customers of each member; the server numbers them.
expect zhang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner) VALUES
  ('2026-11-02', '华东机械', '李娜'), ('2026-11-03', '南方电子', '李娜'),
  ('2026-11-04', '北方物流', '王强'), ('2026-11-05', '西部能源', ' 王强 ')
  RETURNING customer_no" "202611-001
202611-002
202611-003
202611-004" "a lead writes every customer, numbered by the server"
expect zhang "INSERT INTO dealsheet.actions (customer_no, task, owner) VALUES
  ('202611-001', '报价', '李娜'), ('202611-003', '回访', '王强');
  INSERT INTO dealsheet.approvals (contract_no, customer_no, amount, payment_terms,
    sales_opinion, legal_opinion, finance_opinion) VALUES
  ('HT-1', '202611-001', '100000', '预付30%', '同意', '同意', '修改后同意'),
  ('HT-2', '202611-002', '50000', '月结', '同意', NULL, NULL),
  ('HT-3', '202611-003', '80000', '月结', '同意', '同意', '同意');
  INSERT INTO dealsheet.execution (contract_no, milestone, owner) VALUES
  ('HT-1', '发货', '李娜'), ('HT-3', '发货', '王强');
  SELECT count(*) FROM dealsheet.actions" "2" "a lead writes every child row"

# Reading: a member their own customers and what refers to them; a viewer everything.
expect li "$names" "华东机械,南方电子" "a member reads only their customers"
expect wang "$names" "北方物流,西部能源" "the owner name matches without surrounding spaces"
expect li "SELECT string_agg(task, ',') FROM dealsheet.actions" "报价" \
  "a member reads only the actions of their customers"
expect li "SELECT string_agg(contract_no, ',' ORDER BY contract_no) FROM dealsheet.approvals" \
  "HT-1,HT-2" "a member reads only the contracts of their customers"
expect li "SELECT string_agg(contract_no, ',') FROM dealsheet.execution" "HT-1" \
  "a member reads a contract's milestones through the contract's customer"
expect li "SELECT count(*) FROM dealsheet.customers_history WHERE owner LIKE '%王强%'" "0" \
  "a member reads no history of another's customers"
expect zhao "SELECT (SELECT count(*) FROM dealsheet.customers) || '/' ||
  (SELECT count(*) FROM dealsheet.execution) || '/' ||
  (SELECT count(*) FROM dealsheet.customers_history)" "4/2/4" "a viewer reads everything"

# Writing another member's rows: invisible, so nothing changes; moving a row to another is
# refused; crafted row ids reach nothing.
expect li "WITH u AS (UPDATE dealsheet.customers SET notes = 'x' WHERE customer_name = '北方物流'
  RETURNING 1) SELECT count(*) FROM u" "0" "a member's update of another's customer changes nothing"
wang_id=$(as zhang "SELECT row_id FROM dealsheet.customers WHERE customer_name = '北方物流'")
expect li "WITH u AS (UPDATE dealsheet.customers SET notes = 'x' WHERE row_id = $wang_id
  RETURNING 1) SELECT count(*) FROM u" "0" "a crafted row id of another's customer reaches nothing"
expect li "INSERT INTO dealsheet.customers (row_id, customer_name, owner)
  VALUES ($wang_id, '冒名', '李娜') RETURNING row_id <> $wang_id" "t" \
  "a crafted row id is replaced by a fresh one (ids come from the server only)"
expect zhang "SELECT coalesce(notes, '') || customer_name FROM dealsheet.customers
  WHERE row_id = $wang_id" "北方物流" "another's customer is untouched"
refused li "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-09', '冒名客户', '王强')" "$rls" "a member cannot add a customer for another"
refused li "UPDATE dealsheet.customers SET owner = '王强' WHERE customer_name = '华东机械'" \
  "$rls" "a member cannot hand a customer to another"
refused li "INSERT INTO dealsheet.actions (customer_no, task) VALUES ('202611-003', '插手')" \
  "$rls" "a member cannot add an action to another's customer"
refused li "INSERT INTO dealsheet.actions (customer_no, task) VALUES (NULL, '无客户')" \
  "$rls" "a member's row must refer to a customer of theirs"
refused li "UPDATE dealsheet.actions SET customer_no = '202611-003' WHERE task = '报价'" \
  "$rls" "a member cannot move an action to another's customer"
refused li "INSERT INTO dealsheet.execution (contract_no, milestone) VALUES ('HT-3', '插手')" \
  "$rls" "a member cannot add a milestone to another's contract"
expect li "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
  VALUES ('2026-11-10', '东海贸易', '李娜') RETURNING customer_no" "202611-005" \
  "a member's new customer is numbered counting customers they cannot see"
expect li "INSERT INTO dealsheet.actions (customer_no, task) VALUES ('202611-005', '首访')
  RETURNING task" "首访" "a member adds actions to their own customers"

# A viewer writes nothing.
refused zhao "UPDATE dealsheet.customers SET notes = 'v'" "permission denied" \
  "a viewer cannot change a row"
refused zhao "INSERT INTO dealsheet.actions (customer_no, task) VALUES ('202611-001', 'v')" \
  "permission denied" "a viewer cannot add a row"
refused zhao "INSERT INTO dealsheet.customers_history (row_id, version) VALUES (1, 9)" \
  "permission denied" "nobody writes the history"

# Approved contracts: amount, payment terms, customer and opinions only by a lead.
refused li "UPDATE dealsheet.approvals SET amount = '90000' WHERE contract_no = 'HT-1'" \
  "dealsheet-approved-contract:amount" "a member cannot change an approved contract's amount"
refused li "UPDATE dealsheet.approvals SET payment_terms = '月结', customer_no = '202611-002'
  WHERE contract_no = 'HT-1'" "dealsheet-approved-contract:payment_terms,customer_no" \
  "a member cannot change an approved contract's terms or customer"
refused li "UPDATE dealsheet.approvals SET finance_opinion = '不同意' WHERE contract_no = 'HT-1'" \
  "dealsheet-approved-contract:finance_opinion" "a member cannot un-approve a contract"
expect li "UPDATE dealsheet.approvals SET liability = '按日万分之五' WHERE contract_no = 'HT-1';
  UPDATE dealsheet.approvals SET amount = '60000' WHERE contract_no = 'HT-2';
  SELECT string_agg(coalesce(liability, '') || amount, ',' ORDER BY contract_no)
  FROM dealsheet.approvals" "按日万分之五100000,60000" \
  "a member changes other columns of an approved contract, and a pending one freely"
expect zhang "UPDATE dealsheet.approvals SET amount = '95000' WHERE contract_no = 'HT-1';
  SELECT amount FROM dealsheet.approvals WHERE contract_no = 'HT-1'" "95000" \
  "a lead changes an approved contract"

expect zhang "UPDATE dealsheet.approvals SET amount = amount WHERE contract_no = 'HT-1';
  SELECT string_agg(h.version || ':' || h.amount, ',' ORDER BY h.version)
  FROM dealsheet.approvals_history h JOIN dealsheet.approvals a USING (row_id)
  WHERE a.contract_no = 'HT-1'" "1:100000,2:100000,3:95000" \
  "the history holds every version, and an update that changes nothing adds none"

# Reassigning a customer moves it and its rows from one member to the other.
expect zhang "UPDATE dealsheet.customers SET owner = '王强' WHERE customer_name = '华东机械';
  SELECT 1" "1" "a lead reassigns a customer"
expect li "$names" "东海贸易,冒名,南方电子" "the old owner no longer reads the customer"
expect li "SELECT string_agg(task, ',') FROM dealsheet.actions" "首访" \
  "the old owner no longer reads its actions"
expect wang "$names" "北方物流,华东机械,西部能源" "the new owner reads it"
expect wang "SELECT string_agg(contract_no, ',' ORDER BY contract_no) FROM dealsheet.execution" \
  "HT-1,HT-3" "the new owner reads its contracts' milestones"

# Salespeople: the lead adds them; nobody else can; administrators cannot be taken over.
refused li "SELECT dealsheet.add_salesperson('chen', '陈静', 'lead')" "permission denied" \
  "a member cannot add a salesperson"
refused li "INSERT INTO dealsheet.salespeople VALUES ('li', '王强')" "permission denied" \
  "a member cannot change whose name they stand for"
expect zhang "SELECT dealsheet.add_salesperson('chen', '陈静', 'member', 'chen-demo')" \
  "chen: 陈静 (member)" "a lead adds a salesperson"
expect chen "$names" "-" "the new member reads nothing until a customer is theirs"
expect zhang "SELECT dealsheet.add_salesperson('chen', '陈静', 'viewer')" \
  "chen: 陈静 (viewer)" "a lead moves a salesperson to another role"
expect chen "SELECT count(*) FROM dealsheet.customers" "6" "the new viewer reads everything"
refused zhang "SELECT dealsheet.add_salesperson('postgres', '管理员', 'member')" \
  "is an administrator" "a lead cannot take over the administrator"
refused zhang "SELECT dealsheet.add_salesperson('member', '组', 'member')" \
  "cannot be a salesperson" "a group role is not a login"

finish role
