#include "core/team/ownership_sql.hpp"

#include <vector>

#include "core/matching/merge.hpp"
#include "core/team/team_sql.hpp"
#include "core/text/text.hpp"
#include "core/workbook/settings.hpp"

namespace dealsheet {
namespace {

const char* kOwnership = R"(
-- ---- One customer, one owner (SPEC section 12) -------------------------------------------
-- The rules a lead sets (Settings 保护期天数, 每日领取上限, 回收冷却天数, sent by a lead's sync,
-- or dealsheet.set_ownership_rules), and when the pool release last ran.
CREATE TABLE dealsheet.ownership_rules (
  single boolean PRIMARY KEY DEFAULT true CHECK (single),
  protection_days integer NOT NULL DEFAULT @PROTECTION@ CHECK (protection_days BETWEEN 1 AND 3650),
  daily_claim_limit integer NOT NULL DEFAULT @LIMIT@ CHECK (daily_claim_limit BETWEEN 0 AND 100000),
  reclaim_cooldown_days integer NOT NULL DEFAULT @COOLDOWN@
    CHECK (reclaim_cooldown_days BETWEEN 0 AND 3650),
  last_release timestamptz
);
COMMENT ON TABLE dealsheet.ownership_rules IS '报备规则 / Ownership rules';
INSERT INTO dealsheet.ownership_rules DEFAULT VALUES;
GRANT SELECT ON dealsheet.ownership_rules TO lead, member, viewer;

-- The server's own keys of every customer, computed from the row as written (never taken from
-- a client), and who owns it since when, in server time. Nobody but the register's owner reads
-- it: a member learns of another's customer only what claim_refusal says.
CREATE TABLE dealsheet.customer_keys (
  row_id bigint PRIMARY KEY REFERENCES dealsheet.customers (row_id),
  owner_name text NOT NULL DEFAULT '',  -- '' in the pool (公海)
  name_key dealsheet.name_key_t,
  name_core text NOT NULL DEFAULT '',   -- the 字号, indexed
  phones text[] NOT NULL DEFAULT '{}',
  credit_code text,                     -- a valid 统一社会信用代码 only
  merged boolean NOT NULL DEFAULT false,  -- marked 已合并 in 备注: no longer a customer of its own
  claimed_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text,
  former_owner text,
  released_at timestamptz
);
COMMENT ON TABLE dealsheet.customer_keys IS '客户查重键与报备 / Customer match keys and claims';
CREATE INDEX customer_keys_core ON dealsheet.customer_keys (name_core);
-- No pending list: a push searches the keys it has just written, and a pending list is read
-- through on every search (a push of 10,000 customers took seconds).
CREATE INDEX customer_keys_phones ON dealsheet.customer_keys USING gin (phones)
  WITH (fastupdate = off);
CREATE INDEX customer_keys_credit ON dealsheet.customer_keys (credit_code);
CREATE INDEX customer_keys_claimed ON dealsheet.customer_keys (claimed_at) WHERE owner_name <> '';

-- Claims from the pool, for the daily limit.
CREATE TABLE dealsheet.claim_log (
  login text NOT NULL,
  owner_name text NOT NULL,
  row_id bigint NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_log_login ON dealsheet.claim_log (login, claimed_at);

-- What a sync tells its login: a possible duplicate of its push, a customer of theirs released
-- to the pool. Delivered once (take_notices).
CREATE TABLE dealsheet.notices (
  id bigserial PRIMARY KEY,
  login text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('possible_duplicate', 'released')),
  row_id bigint NOT NULL,
  other_owner text,
  since timestamptz,
  until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered boolean NOT NULL DEFAULT false
);
CREATE INDEX notices_pending ON dealsheet.notices (login) WHERE NOT delivered;

-- The keys of a customer row: the name key, the phone keys of 联系方式, a valid credit code, and
-- whether a merge marked it (its keys then match nothing).
CREATE FUNCTION dealsheet.keys_of(name text, contact text, code text, notes text,
  OUT name_key dealsheet.name_key_t, OUT phones text[], OUT credit_code text, OUT merged boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT dealsheet.name_key(left(coalesce(name, ''), 200)),  -- its time grows with length²
         ARRAY(SELECT DISTINCT p FROM unnest(dealsheet.phone_keys(coalesce(contact, ''))) p
               ORDER BY 1),
         dealsheet.credit_code_key(code),
         strpos(coalesce(notes, ''), @MERGED_ZH@) > 0 OR strpos(coalesce(notes, ''), @MERGED_EN@) > 0
$f$;

-- A day as the messages show it; a signed customer's protection has no end.
CREATE FUNCTION dealsheet.day_text(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT CASE WHEN t IS NULL THEN '' WHEN NOT isfinite(t) THEN 'signed'
              ELSE to_char(t, 'YYYY-MM-DD') END
$f$;

-- When a customer's protection ends: its claim or its last follow-up (a negotiation, action or
-- key point written on the server, by the server's clock) plus the protection days; never while
-- it has a signed contract.
CREATE FUNCTION dealsheet.protection_end(customer bigint) RETURNS timestamptz LANGUAGE sql STABLE
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT CASE WHEN @SIGNED@ THEN 'infinity'::timestamptz
              ELSE greatest(k.claimed_at@FOLLOW_UPS@)
                   + make_interval(days => (SELECT protection_days FROM dealsheet.ownership_rules))
         END
    FROM dealsheet.customer_keys k JOIN dealsheet.customers c ON c.row_id = k.row_id
   WHERE k.row_id = customer
$f$;

-- The statement's customers (ids) against everyone's, after waiting for any push of the same
-- keys to end (advisory locks on the keys, in one order): a certain match (the same credit code,
-- a phone, or the same company by name key; two different valid credit codes are never one
-- company) refuses the statement, naming only the owner and the dates; a possible one (the same
-- 字号, another company by its key) leaves a notice. A row of the statement matches only those
-- before it.
CREATE FUNCTION dealsheet.check_claims(ids bigint[]) RETURNS void LANGUAGE plpgsql
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  hit record;
  keys bigint[];
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  SELECT array_agg(DISTINCT hashtextextended(x, 1207) ORDER BY hashtextextended(x, 1207))
    INTO keys
    FROM dealsheet.customer_keys k,
         unnest(k.phones || ARRAY['n' || k.name_core, 'c' || coalesce(k.credit_code, '')]) x
   WHERE k.row_id = ANY (ids) AND NOT k.merged AND x NOT IN ('n', 'c');
  -- A lock per key for a small push; a large one (a lead's first push of the register) takes
  -- the one lock every small push shares instead: the server's lock table holds a few
  -- thousand locks in all.
  IF cardinality(keys) > 64 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('dealsheet-claims', 1207));
  ELSIF cardinality(keys) > 0 THEN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('dealsheet-claims', 1207));
    PERFORM pg_advisory_xact_lock(k) FROM unnest(keys) k;
  END IF;
  FOR hit IN
    SELECT w.row_id, m.other, m.owner_name, m.claimed_at, m.former_owner, m.released_at, m.certain
      FROM dealsheet.customer_keys w
      CROSS JOIN LATERAL (
        SELECT k.row_id AS other, k.owner_name, k.claimed_at, k.former_owner, k.released_at,
               (w.credit_code IS NOT NULL AND k.credit_code = w.credit_code)
               OR k.phones && w.phones
               OR dealsheet.same_company(k.name_key, w.name_key) AS certain
          FROM dealsheet.customer_keys k
         WHERE k.row_id <> w.row_id AND NOT k.merged
           AND (k.row_id <> ALL (ids) OR k.row_id < w.row_id)
           AND (k.credit_code = w.credit_code OR k.phones && w.phones
                OR (w.name_core <> '' AND k.name_core = w.name_core))
           AND NOT (k.credit_code IS NOT NULL AND w.credit_code IS NOT NULL
                    AND k.credit_code <> w.credit_code)
         ORDER BY 6 DESC, k.claimed_at, k.row_id
         LIMIT 1) m
     WHERE w.row_id = ANY (ids) AND NOT w.merged
     ORDER BY m.certain DESC, w.row_id
  LOOP
    IF hit.certain AND hit.owner_name = '' THEN
      RAISE EXCEPTION 'dealsheet-claimed-pool:customer_name|%|%',
        coalesce(hit.former_owner, ''), dealsheet.day_text(hit.released_at)
        USING ERRCODE = 'unique_violation';
    ELSIF hit.certain THEN
      RAISE EXCEPTION 'dealsheet-claimed:customer_name|%|%|%', hit.owner_name,
        dealsheet.day_text(hit.claimed_at), dealsheet.day_text(dealsheet.protection_end(hit.other))
        USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO dealsheet.notices (login, kind, row_id, other_owner, since, until)
      VALUES (session_user, 'possible_duplicate', hit.row_id, hit.owner_name, hit.claimed_at,
              dealsheet.protection_end(hit.other));
  END LOOP;
END $f$;

-- New customers: their keys, their claim (the owner since now), and the check against the team.
CREATE FUNCTION dealsheet.claim_inserted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  INSERT INTO dealsheet.customer_keys AS c
         (row_id, owner_name, name_key, name_core, phones, credit_code, merged, claimed_by)
  SELECT w.row_id, coalesce(btrim(w.@OWNER@, @SPACES@), ''), k.name_key,
         coalesce((k.name_key).core, ''), k.phones, k.credit_code, k.merged, session_user
    FROM written w
    CROSS JOIN LATERAL dealsheet.keys_of(w.@NAME@, w.@PHONE@, w.@CODE@, w.@NOTES@) k;
  PERFORM dealsheet.check_claims(ARRAY(SELECT row_id FROM written ORDER BY row_id));
  RETURN NULL;
END $f$;
CREATE TRIGGER t40_claim_insert AFTER INSERT ON dealsheet.customers
  REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.claim_inserted();

-- Changed customers: new keys where the name, 联系方式, credit code or 备注 changed (checked as
-- new ones are), and every change of 负责人: into the pool (the former owner is told), out of it
-- (a member's claim: the daily limit and the former owner's cooldown, whatever client writes),
-- or from one owner to another (a lead's hand-over: the new owner's claim starts now).
CREATE FUNCTION dealsheet.claim_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  changed bigint[];
  moved bigint[];      -- the rows whose 负责人 changed, from whom, to whom
  moved_from text[];
  moved_to text[];
  r record;
  rules dealsheet.ownership_rules;
  me text := session_user;
  taken integer;
  by_lead boolean := pg_has_role(session_user, 'lead', 'MEMBER')
    OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'dealsheet'),
                   'MEMBER');
BEGIN
  SELECT * INTO rules FROM dealsheet.ownership_rules;
  WITH fresh AS (
    SELECT n.row_id, k.*
      FROM written n JOIN previous o ON o.row_id = n.row_id
      CROSS JOIN LATERAL dealsheet.keys_of(n.@NAME@, n.@PHONE@, n.@CODE@, n.@NOTES@) k
     WHERE (n.@NAME@, n.@PHONE@, n.@CODE@, n.@NOTES@)
           IS DISTINCT FROM (o.@NAME@, o.@PHONE@, o.@CODE@, o.@NOTES@)),
  renewed AS (
    UPDATE dealsheet.customer_keys c
       SET name_key = f.name_key, name_core = coalesce((f.name_key).core, ''), phones = f.phones,
           credit_code = f.credit_code, merged = f.merged
      FROM fresh f WHERE c.row_id = f.row_id
    RETURNING c.row_id, c.merged)
  SELECT coalesce(array_agg(row_id ORDER BY row_id) FILTER (WHERE NOT merged), '{}')
    INTO changed FROM renewed;

  SELECT coalesce(array_agg(n.row_id), '{}'), coalesce(array_agg(coalesce(btrim(o.@OWNER@, @SPACES@), '')), '{}'),
         coalesce(array_agg(coalesce(btrim(n.@OWNER@, @SPACES@), '')), '{}')
    INTO moved, moved_from, moved_to
    FROM written n JOIN previous o ON o.row_id = n.row_id
   WHERE coalesce(btrim(o.@OWNER@, @SPACES@), '') <> coalesce(btrim(n.@OWNER@, @SPACES@), '');
  -- Into the pool (a release, or a lead's doing): the former owner is told. In bulk: a release
  -- pass may empty thousands of claims.
  UPDATE dealsheet.customer_keys k SET owner_name = '', former_owner = x.before, released_at = now()
    FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
   WHERE k.row_id = x.row_id AND x.after = '';
  INSERT INTO dealsheet.notices (login, kind, row_id, other_owner, since)
    SELECT s.login, 'released', x.row_id, x.before, now()
      FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
      JOIN dealsheet.salespeople s ON btrim(s.owner_name) = x.before
     WHERE x.after = '';
  -- Out of the pool by a member: one claim at a time, against the limit and the cooldown.
  IF NOT by_lead THEN
    FOR r IN SELECT * FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
              WHERE x.before = '' AND x.after <> '' ORDER BY x.row_id
    LOOP
      IF EXISTS (SELECT FROM dealsheet.customer_keys k
                  WHERE k.row_id = r.row_id AND k.former_owner = r.after
                    AND k.released_at > now() - make_interval(days => rules.reclaim_cooldown_days))
      THEN
        RAISE EXCEPTION 'dealsheet-claim-cooldown:@OWNER@ (released % days ago or less)',
          rules.reclaim_cooldown_days USING ERRCODE = 'insufficient_privilege';
      END IF;
      SELECT count(*) INTO taken FROM dealsheet.claim_log
       WHERE login = me AND claimed_at >= date_trunc('day', now());
      IF taken >= rules.daily_claim_limit THEN
        RAISE EXCEPTION 'dealsheet-claim-limit:@OWNER@ (% a day)', rules.daily_claim_limit
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      INSERT INTO dealsheet.claim_log (login, owner_name, row_id) VALUES (me, r.after, r.row_id);
    END LOOP;
  END IF;
  -- A new owner's claim starts now (a claim from the pool, a lead's hand-over).
  UPDATE dealsheet.customer_keys k SET owner_name = x.after, claimed_at = now(), claimed_by = me
    FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
   WHERE k.row_id = x.row_id AND x.after <> '';
  PERFORM dealsheet.check_claims(changed);
  RETURN NULL;
END $f$;
CREATE TRIGGER t40_claim_update AFTER UPDATE ON dealsheet.customers
  REFERENCING OLD TABLE AS previous NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.claim_updated();

-- The pool release: every owned customer whose protection has ended (protection_end) goes to
-- the pool, its owner cleared; the former owner's next sync is told. Runs as the register's
-- owner, by the server's clock. An administrator may schedule it (cron: psql -c 'SELECT
-- dealsheet.release_unfollowed()'); syncs run it through release_due.
CREATE FUNCTION dealsheet.release_unfollowed() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  days integer;
  released integer;
BEGIN
  UPDATE dealsheet.ownership_rules SET last_release = now() RETURNING protection_days INTO days;
  -- protection_end(k) < now(), for the whole register at once: claimed before the protection
  -- time, no follow-up written within it, no signed contract (one pass over each table, not
  -- three lookups per customer).
  WITH since AS (SELECT now() - make_interval(days => days) AS t),
  followed AS (@FOLLOWED@),
  due AS (
    SELECT k.row_id FROM dealsheet.customer_keys k
      JOIN dealsheet.customers c ON c.row_id = k.row_id
     WHERE k.owner_name <> '' AND k.claimed_at < (SELECT t FROM since)
       AND NOT EXISTS (SELECT FROM followed f WHERE f.customer_no = c.customer_no)
       AND NOT @SIGNED@)
  UPDATE dealsheet.customers c SET @OWNER@ = NULL FROM due WHERE c.row_id = due.row_id;
  GET DIAGNOSTICS released = ROW_COUNT;
  RETURN released;
END $f$;

-- What a sync calls first: the release, when it has not run for an hour (server time) and no
-- other sync is running it. Returns how many customers went to the pool.
CREATE FUNCTION dealsheet.release_due() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('dealsheet-release', 1207)) THEN
    RETURN 0;
  END IF;
  IF (SELECT last_release FROM dealsheet.ownership_rules) > now() - interval '1 hour' THEN
    RETURN 0;
  END IF;
  RETURN dealsheet.release_unfollowed();
END $f$;

-- The login's notices, once.
CREATE FUNCTION dealsheet.take_notices()
RETURNS TABLE (kind text, row_id bigint, other_owner text, since text, until text)
LANGUAGE sql SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  UPDATE dealsheet.notices n SET delivered = true
   WHERE n.login = session_user::text AND NOT n.delivered
  RETURNING n.kind, n.row_id, n.other_owner, dealsheet.day_text(n.since), dealsheet.day_text(n.until)
$f$;

-- The login's own customers: since when they own each, and until when it is protected (the
-- Customer panel shows it).
CREATE FUNCTION dealsheet.my_protection()
RETURNS TABLE (customer_no text, since text, until text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT btrim(c.customer_no, @SPACES@), dealsheet.day_text(k.claimed_at),
         dealsheet.day_text(dealsheet.protection_end(k.row_id))
    FROM dealsheet.customer_keys k JOIN dealsheet.customers c ON c.row_id = k.row_id
   WHERE k.owner_name <> '' AND coalesce(btrim(c.customer_no, @SPACES@), '') <> ''
     AND k.owner_name = (SELECT btrim(owner_name) FROM dealsheet.salespeople
                          WHERE login = session_user::text)
$f$;

-- A lead sets the rules (a lead's sync does, from the lead's Settings sheet).
CREATE FUNCTION dealsheet.set_ownership_rules(protection_days integer, daily_claim_limit integer,
                                              reclaim_cooldown_days integer) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  UPDATE dealsheet.ownership_rules r
     SET protection_days = coalesce(set_ownership_rules.protection_days, r.protection_days),
         daily_claim_limit = coalesce(set_ownership_rules.daily_claim_limit, r.daily_claim_limit),
         reclaim_cooldown_days = coalesce(set_ownership_rules.reclaim_cooldown_days,
                                          r.reclaim_cooldown_days)
  RETURNING 1
$f$;

-- The customers the register already holds (an upgrade): owned since the first version with
-- their present owner.
INSERT INTO dealsheet.customer_keys
       (row_id, owner_name, name_key, name_core, phones, credit_code, merged, claimed_at, claimed_by)
SELECT c.row_id, coalesce(btrim(c.@OWNER@, @SPACES@), ''), k.name_key,
       coalesce((k.name_key).core, ''), k.phones, k.credit_code, k.merged,
       coalesce((SELECT min(h.updated_at) FROM dealsheet.customers_history h
                  WHERE h.row_id = c.row_id AND h.@OWNER@ IS NOT DISTINCT FROM c.@OWNER@),
                c.updated_at),
       c.updated_by
  FROM dealsheet.customers c
  CROSS JOIN LATERAL dealsheet.keys_of(c.@NAME@, c.@PHONE@, c.@CODE@, c.@NOTES@) k;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA dealsheet FROM PUBLIC;
-- Every sync calls these two (a viewer's too: they reveal nothing and write as the owner).
GRANT EXECUTE ON FUNCTION dealsheet.release_due() TO lead, member, viewer;
GRANT EXECUTE ON FUNCTION dealsheet.take_notices() TO lead, member, viewer;
GRANT EXECUTE ON FUNCTION dealsheet.my_protection() TO lead, member, viewer;
GRANT EXECUTE ON FUNCTION dealsheet.set_ownership_rules(integer, integer, integer) TO lead;
)";

// The follow-up sheets whose rows renew a customer's protection, as server tables.
std::vector<std::string> followUpTables(const Schema& schema) {
    std::vector<std::string> tables;
    for (const char* id : {"negotiations", "actions", "keyPoints"})
        if (const SheetSchema* sheet = schema.sheet(id);
            sheet && ownershipColumn(*sheet) == "customer_no")
            tables.push_back("dealsheet." + sqlName(id));
    return tables;
}

// The last follow-up of customer `c`, by the server's time of the write (protection_end).
std::string lastFollowUps(const Schema& schema) {
    std::string sql;
    for (const std::string& table : followUpTables(schema))
        sql += ",\n                            (SELECT max(f.updated_at) FROM " + table +
               " f WHERE f.customer_no = c.customer_no)";
    return sql;
}

// The customer numbers with a follow-up written since `since.t` (the release's CTE).
std::string followedSince(const Schema& schema) {
    std::string sql;
    for (const std::string& table : followUpTables(schema))
        sql += std::string(sql.empty() ? "" : "\n                UNION ALL ") +
               "SELECT customer_no FROM " + table + " WHERE updated_at >= (SELECT t FROM since)";
    return sql.empty() ? "SELECT NULL::text AS customer_no WHERE false" : sql;
}

// A signed contract (签订日期 filled in) keeps its customer protected.
std::string signedContract(const Schema& schema) {
    const SheetSchema* approvals = schema.sheet("approvals");
    if (!approvals || !approvals->column("signedOn") || !approvals->column("customerNo"))
        return "false";
    return "EXISTS (SELECT FROM dealsheet.approvals a WHERE a.customer_no = c.customer_no "
           "AND btrim(coalesce(a.signed_on, ''), @SPACES@) <> '')";
}

}  // namespace

std::string memberCustomersPolicySql() {
    return "CREATE POLICY member_own ON dealsheet.customers TO member\n"
           "  USING (btrim(owner) = (SELECT dealsheet.my_owner_name())\n"
           "         OR coalesce(btrim(owner, @SPACES@), '') = '')\n"
           "  WITH CHECK (btrim(owner) = (SELECT dealsheet.my_owner_name()));\n";
}

std::string ownershipSql(const Schema& schema) {
    const SheetSchema* customers = schema.sheet("customers");
    if (!customers) return {};
    for (const char* id : {"customerName", "phoneEmail", "creditCode", "notes", "owner"})
        if (!customers->column(id)) return {};
    std::string sql = kOwnership;
    sql = replaceAll(std::move(sql), "@FOLLOW_UPS@", lastFollowUps(schema));
    sql = replaceAll(std::move(sql), "@FOLLOWED@", followedSince(schema));
    sql = replaceAll(std::move(sql), "@SIGNED@", signedContract(schema));
    const Settings defaults(schema);  // the schema is the one source of every default
    sql =
        replaceAll(std::move(sql), "@PROTECTION@", std::to_string(defaults.days("protectionDays")));
    sql = replaceAll(std::move(sql), "@LIMIT@", std::to_string(defaults.days("dailyClaimLimit")));
    sql = replaceAll(std::move(sql), "@COOLDOWN@",
                     std::to_string(defaults.days("reclaimCooldownDays")));
    sql = replaceAll(std::move(sql), "@MERGED_ZH@", sqlLiteral(mergeMark(Lang::Zh, "")));
    sql = replaceAll(std::move(sql), "@MERGED_EN@", sqlLiteral(mergeMark(Lang::En, "")));
    sql = replaceAll(std::move(sql), "@NAME@", "customer_name");
    sql = replaceAll(std::move(sql), "@PHONE@", "phone_email");
    sql = replaceAll(std::move(sql), "@CODE@", "credit_code");
    sql = replaceAll(std::move(sql), "@NOTES@", "notes");
    return replaceAll(std::move(sql), "@OWNER@", "owner");
}

}  // namespace dealsheet
