#!/usr/bin/env bash
# How fast the team server computes the match keys (src/core/team/match_sql.cpp): 100,000
# generated company names (regions before and in brackets, 2-3 character trade names, industry
# words, legal forms, branches, ASCII and full-width names), contacts and credit codes, each
# key computed once per row as an upgrade of a 100,000-customer register would. Run through the
# script, which starts and always stops a throw-away server:
#   bash scripts/team-server.sh --run "bash tools/bench_match_keys.sh [ROWS]"
# Figures: docs/BENCHMARKS.md.
set -euo pipefail
rows=${1:-100000}
$DEALSHEET_OWNER_PSQL -v rows="$rows" <<'SQL'
CREATE TEMP TABLE bench AS
SELECT i,
  CASE WHEN i % 20 = 0 THEN 'Acme ' || (ARRAY['Huasheng', 'Tengda', 'Xinhai', 'Yuanjing'])[(1 + i % 4)::integer] || i
                             || (ARRAY[' Technology Co., Ltd.', ' Trading Limited', ' Group Inc.', ''])[(1 + i / 20 % 4)::integer]
  ELSE (ARRAY['', '北京', '北京市', '上海市', '广东省深圳市', '浙江', '江苏省苏州市', '', '天津滨海新区', '四川成都'])[(1 + i % 10)::integer]
       || chr((19968 + (i * 7919) % 20902)::integer) || chr((19968 + (i * 104729) % 20902)::integer)
       || CASE WHEN i % 3 = 0 THEN chr((19968 + (i * 1299709) % 20902)::integer) ELSE '' END
       || (ARRAY['科技', '贸易', '电子科技', '物流', '', '网络技术', '医药', '机械设备', '文化传媒', '建设工程', '实业', '食品'])[(1 + i / 10 % 12)::integer]
       || (ARRAY['有限公司', '股份有限公司', '（北京）有限责任公司', '集团有限公司', '', '有限公司', '（上海）有限公司', '厂'])[(1 + i / 120 % 8)::integer]
       || CASE WHEN i % 25 = 0 THEN (ARRAY['深圳分公司', '北京海淀支行', '南山营业部'])[(1 + i / 25 % 3)::integer] ELSE '' END
  END AS name,
  (ARRAY['张经理 ', '手机：', '', '+86 '])[(1 + i % 4)::integer] || (13000000000 + i * 7919)::text
    || CASE WHEN i % 5 = 0 THEN ' / 0512-6200' || lpad((i % 10000)::text, 4, '0') || '转801' ELSE '' END AS contact,
  '91110108MA01KPXD7' || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (1 + i % 31)::integer, 1) AS code
FROM generate_series(1::bigint, :rows) i;
ANALYZE bench;
-- Once to warm the session (the first call plans the functions' statements).
SELECT count(*) FROM (SELECT dealsheet.name_key(name), dealsheet.mobile_keys(contact) FROM bench LIMIT 100) w;
DO $$
DECLARE
  t0 timestamptz;
  n bigint;
  rows bigint := (SELECT count(*) FROM bench);
  ms numeric;
BEGIN
  t0 := clock_timestamp();
  SELECT count(*) FILTER (WHERE (k).core <> '') INTO n
    FROM (SELECT dealsheet.name_key(name) AS k FROM bench) s;
  ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
  RAISE NOTICE 'name_key: % names in % ms, % ms per name (% with a 字号)', rows, round(ms), round(ms / rows, 4), n;
  t0 := clock_timestamp();
  SELECT count(*) FILTER (WHERE cardinality(m) > 0 OR cardinality(l) > 0) INTO n
    FROM (SELECT dealsheet.mobile_keys(contact) AS m, dealsheet.landline_keys(contact) AS l FROM bench) s;
  ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
  RAISE NOTICE 'mobile_keys + landline_keys: % contacts in % ms, % ms per contact (% with a key)', rows, round(ms), round(ms / rows, 4), n;
  t0 := clock_timestamp();
  SELECT count(dealsheet.credit_code_key(code)) INTO n FROM bench;
  ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
  RAISE NOTICE 'credit_code_key: % codes in % ms, % ms per code (% valid)', rows, round(ms), round(ms / rows, 4), n;
  t0 := clock_timestamp();
  SELECT count(*) FILTER (WHERE dealsheet.same_company(a.k, b.k)) INTO n
    FROM (SELECT i, dealsheet.name_key(name) AS k FROM bench) a
    JOIN (SELECT i, dealsheet.name_key(name) AS k FROM bench) b ON b.i = a.i + 1;
  ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
  RAISE NOTICE 'name_key twice + same_company: % pairs in % ms', rows - 1, round(ms);
END $$;
SQL
