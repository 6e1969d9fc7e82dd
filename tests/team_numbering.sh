#!/usr/bin/env bash
# The server's customer numbering proven at the SQL level, with the expectations of the core's
# unit tests (tests/unit/numbering_test.cpp): at least three digits and never cut (…-999,
# …-1000, …-10000), distinct under concurrent pushes, numbers typed by hand counted as the core
# reads them, a rolled-back push leaving the counter as it was, and linear in the rows. psql
# logged in as the demo logins of scripts/team-server.sh (zhang lead 张伟, li and wang members
# 李娜 and 王强). Run through the script, which starts and always stops the server:
#   bash scripts/team-server.sh --run tests/team_numbering.sh
set -uo pipefail
source "$(dirname "$0")/team_psql.sh"

# N customers of LOGIN's owner name registered on DATE, without numbers, in one statement.
push() {  # push N DATE OWNER
  echo "INSERT INTO dealsheet.customers (registered_on, customer_name, owner)
    SELECT '$2', '客户' || '$2' || '-' || i, '$3' FROM generate_series(1, $1) i"
}
# The numbers of a month, in the core's order of sequence: count, distinct, first, last.
summary() {  # summary YYYYMM
  echo "SELECT count(*) || '|' || count(DISTINCT customer_no) || '|' ||
    min(customer_no) FILTER (WHERE substr(customer_no, 8)::integer = 1) || '|' ||
    (array_agg(customer_no ORDER BY substr(customer_no, 8)::integer DESC))[1]
    FROM dealsheet.customers WHERE customer_no LIKE '$1-%'"
}

# 1,100 customers of one month pushed at once: 1,100 distinct numbers, -001 … -1100.
expect zhang "$(push 1100 2026-12-05 李娜); $(summary 202612)" "1100|1100|202612-001|202612-1100" \
  "1,100 customers of one month at once get 1,100 distinct numbers up to 202612-1100"
expect zhang "SELECT string_agg(customer_no, ',' ORDER BY row_id) FROM dealsheet.customers
  WHERE customer_no IN ('202612-999', '202612-1000', '202612-100', '202612-1001')" \
  "202612-100,202612-999,202612-1000,202612-1001" "after 202612-999 comes 202612-1000, never a cut -100 again"
expect zhang "SELECT count(*) FROM dealsheet.customers
  WHERE customer_no !~ '^202612-([0-9]{3}|[1-9][0-9]{3,8})$'" "0" \
  "every number has at least three digits and no leading zero above 999"

# As the core: after 9999 comes 10000; spaces around a typed number are ignored; a typed number
# the core does not read (a leading zero above three digits) does not count.
expect zhang "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, owner)
  VALUES ('202701-9999', '2027-01-01', '甲', '李娜'), (NULL, '2027-01-02', '乙', '李娜'),
  ('202702-0070', '2027-02-01', '丙', '李娜'), (' 202702-060　', '2027-02-01', '丁', '李娜'),
  ('', '2027-02-02', '戊', '李娜') RETURNING customer_no" "202701-9999
202701-10000
202702-0070
 202702-060　
202702-061" "after 9999 comes 10000; typed numbers count as the core reads them"
expect zhang "INSERT INTO dealsheet.customers (customer_no, registered_on, customer_name, owner)
  VALUES (NULL, '2027-03-01', '一', '李娜'), ('202703-010', '2027-03-01', '二', '李娜'),
  (NULL, '2027-03-02', '三', '李娜') RETURNING customer_no" "202703-001
202703-010
202703-011" "a number typed in the middle of a push counts for the rows after it"
expect zhang "INSERT INTO dealsheet.customers (registered_on, customer_name, owner) VALUES
  ('1899-12-31', '旧', '李娜'), ('2027-13-01', '错', '李娜'), ('2027/03/01', '斜', '李娜')
  RETURNING coalesce(customer_no, '-')" "-
-
-" "no valid registration date (as the core reads one): no number"

# A rolled-back push leaves the counter as it was; a savepoint rolled back too.
expect zhang "BEGIN; $(push 5 2027-04-01 李娜); ROLLBACK;
  $(push 1 2027-04-02 李娜) RETURNING customer_no" "202704-001" \
  "a rolled-back push leaves the counter as it was"
expect zhang "BEGIN; SAVEPOINT s; $(push 3 2027-04-03 李娜); ROLLBACK TO SAVEPOINT s;
  $(push 1 2027-04-04 李娜) RETURNING customer_no; $(push 1 2027-04-05 李娜) RETURNING customer_no;
  COMMIT" "202704-002
202704-003" "a savepoint rolled back gives its numbers back; a transaction's statements continue"

# Two members pushing 500 each at the same moment, across 999/1000: the second waits for the
# first on the month's lock, and all 1,490 numbers are distinct (a member counts the numbers
# of customers they cannot see).
expect zhang "$(push 490 2027-05-01 王强); SELECT count(*) FROM dealsheet.customers
  WHERE customer_no LIKE '202705-%'" "490" "490 customers of May 2027 registered"
tmp=$(mktemp -d)
(as li "BEGIN; $(push 500 2027-05-10 李娜); SELECT pg_sleep(1); COMMIT;" >"$tmp/li" 2>&1) &
sleep 0.3
(as wang "BEGIN; $(push 500 2027-05-20 王强); COMMIT;" >"$tmp/wang" 2>&1) &
wait
for who in li wang; do
  if grep -q . "$tmp/$who"; then
    echo "FAIL: $who's concurrent push: $(cat "$tmp/$who")"
    failures=$((failures + 1))
  fi
done
rm -rf "$tmp"
expect zhang "$(summary 202705)" "1490|1490|202705-001|202705-1490" \
  "two concurrent pushes of 500 across 999/1000 get 1,000 distinct numbers"
expect zhang "SELECT registered_on || ':' || min(substr(customer_no, 8)::integer) || '-' ||
  max(substr(customer_no, 8)::integer) FROM dealsheet.customers WHERE customer_no LIKE '202705-%'
  AND registered_on > '2027-05-01' GROUP BY registered_on ORDER BY 1" "2027-05-10:491-990
2027-05-20:991-1490" "the push that waited continued where the first ended"

# Linear in the rows: 10,000 customers of one month in one push (the quadratic numbering took
# 42 s here; the bound is loose, for shared machines).
start=$(date +%s%N)
expect zhang "$(push 10000 2027-06-01 李娜); $(summary 202706)" \
  "10000|10000|202706-001|202706-10000" "10,000 customers of one month numbered in one push"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
echo "  10,000 numbered in ${elapsed_ms} ms"
if [ "$elapsed_ms" -gt 20000 ]; then
  echo "FAIL: numbering 10,000 took ${elapsed_ms} ms (linear numbering takes a few seconds)"
  failures=$((failures + 1))
fi

finish numbering
