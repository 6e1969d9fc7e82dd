#include "core/team/team_sql.hpp"

#include "core/team/match_sql.hpp"
#include "core/team/ownership_sql.hpp"
#include "core/text/text.hpp"

#include <stdexcept>

#include <cctype>

namespace dealsheet {
namespace {

const char* kPreamble =
    R"(-- DealSheet team register: the server side (SPEC section 8), team schema version @VERSION@.
-- Generated from schema/sheets.json by the build (make_server_sql); do not edit by hand.
-- An administrator runs it once, as the owner of an empty database:
--   psql -v ON_ERROR_STOP=1 -d dealsheet -f dealsheet-team.sql
-- Every column a user types is text: the server keeps what the workbook holds (a wrong
-- value is Validate's to report, not a reason to refuse the whole push). Dates travel as
-- ISO text (2026-11-05). Nothing is ever deleted by DealSheet; every version of every row
-- is kept in the matching *_history table.
BEGIN;

CREATE SCHEMA dealsheet;
COMMENT ON SCHEMA dealsheet IS 'DealSheet team register';

CREATE TABLE dealsheet.meta (name text PRIMARY KEY, value text NOT NULL);
INSERT INTO dealsheet.meta VALUES ('schema_version', '@VERSION@');

-- Group roles: a lead reads and writes everything, a member reads and writes the customers
-- they are responsible for (负责人) and the rows that refer to them, a viewer only reads. Each
-- salesperson is a login role in one of them (dealsheet.add_salesperson, below). The grants
-- here are the coarse part; row-level security at the end of this file decides which rows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lead') THEN CREATE ROLE lead NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'member') THEN CREATE ROLE member NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'viewer') THEN CREATE ROLE viewer NOLOGIN; END IF;
END $$;
GRANT USAGE ON SCHEMA dealsheet TO lead, member, viewer;
GRANT SELECT ON dealsheet.meta TO lead, member, viewer;

-- Version and signature of every write: the row's version counts its writes, so a client
-- that pulled version 3 knows that 4 was written by someone else since. A write that changes
-- no value (only the change stamp, see touch_dependants) is no new version.
CREATE FUNCTION dealsheet.unchanged(a jsonb, b jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $f$
  SELECT a - 'change_xid' - 'version' - 'updated_at' - 'updated_by'
       = b - 'change_xid' - 'version' - 'updated_at' - 'updated_by'
$f$;
CREATE FUNCTION dealsheet.stamp_row() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'UPDATE' AND dealsheet.unchanged(to_jsonb(NEW), to_jsonb(OLD)) THEN
    NEW.version := OLD.version;
    NEW.updated_at := OLD.updated_at;
    NEW.updated_by := OLD.updated_by;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    NEW.row_id := OLD.row_id;
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := 1;
  END IF;
  NEW.updated_at := now();
  NEW.updated_by := session_user;
  RETURN NEW;
END $f$;

-- Every version of every row, written by the server itself (members cannot write history),
-- once per statement from its transition tables (a push of 100,000 rows is one INSERT here,
-- not 100,000). An update that made no new version adds nothing.
CREATE FUNCTION dealsheet.keep_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_temp AS $f$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO dealsheet.%I SELECT * FROM written', TG_TABLE_NAME || '_history');
  ELSE
    EXECUTE format('INSERT INTO dealsheet.%I SELECT n.* FROM written n JOIN previous o '
                   'ON o.row_id = n.row_id WHERE n.version <> o.version',
                   TG_TABLE_NAME || '_history');
  END IF;
  RETURN NULL;
END $f$;
)";

// The characters the core trims from a cell (text.cpp, isSpaceCodePoint), as an SQL string:
// a customer or contract number is compared, counted and checked for blanks without them, as
// the workbook reads it.
const char* kSpaces =
    R"(E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008)"
    R"(\u2009\u200A\u3000\uFEFF')";
// A customer number as the core reads one (parseCustomerNumber, after trimming): year
// 1900-9999, month 01-12, three digits or, above 999, no leading zero, at most nine digits.
const char* kCanonicalNumber =
    "'^(19|[2-9][0-9])[0-9]{2}(0[1-9]|1[0-2])-([0-9]{3}|[1-9][0-9]{3,8})$'";

const char* kNumbering = R"(
-- Customer numbers YYYYMM-NNN, as the core's CUSTOMERNO and Assign customer numbers make them:
-- the registration month, a dash and the next number of that month after the highest in use,
-- at least three digits and never cut (202611-999, 202611-1000, 202611-10000). Numbers typed by
-- hand count when the core would read them (surrounding spaces ignored; three digits or, above
-- 999, no leading zero). Unique across the team: no two customers share a number (spaces
-- around it ignored), whoever writes them and however.
-- Two pushes at the same moment wait for each other on the month's row of customer_months,
-- locked until the end of the transaction. A transaction locks and reads each month once: the
-- last number it issued is kept in a transaction-local setting (dealsheet.customer_no_YYYYMM,
-- undone with the transaction or savepoint that set it, as the lock is), and the month's row is
-- written once per statement (t25_customer_months_*). So numbering is linear in the rows pushed,
-- and a push that is rolled back leaves the counter as it was.
CREATE TABLE dealsheet.customer_months (month text PRIMARY KEY, last integer NOT NULL);
CREATE UNIQUE INDEX customers_customer_no_unique ON dealsheet.customers
  (btrim(customer_no, @SPACES@) text_pattern_ops) WHERE btrim(customer_no, @SPACES@) <> '';

-- The last number of month m (YYYYMM) in use, for this transaction: the first call locks the
-- month's row (waiting for a concurrent push of that month to end) and reads the highest
-- number of the month once; later calls read the transaction's own setting.
CREATE FUNCTION dealsheet.customer_month_last(m text) RETURNS integer LANGUAGE plpgsql AS $f$
DECLARE
  n integer := nullif(current_setting('dealsheet.customer_no_' || m, true), '')::integer;
BEGIN
  IF n IS NOT NULL THEN
    RETURN n;
  END IF;
  INSERT INTO dealsheet.customer_months (month, last) VALUES (m, 0) ON CONFLICT (month) DO NOTHING;
  SELECT last INTO n FROM dealsheet.customer_months WHERE month = m FOR UPDATE;
  SELECT greatest(n, coalesce(max(substr(k, 8)::integer), 0)) INTO n
    FROM (SELECT btrim(customer_no, @SPACES@) AS k FROM dealsheet.customers
          WHERE btrim(customer_no, @SPACES@) <> ''
            AND btrim(customer_no, @SPACES@) ~>=~ (m || '-')
            AND btrim(customer_no, @SPACES@) ~<~ (m || '.')) numbers
    WHERE k ~ @CANONICAL@;
  PERFORM set_config('dealsheet.customer_no_' || m, n::text, true);
  RETURN n;
END $f$;

-- The next number of the month of `registered` (an ISO date: 2026-11-05), NULL without a valid
-- date or when the month is full (999999999), as the core leaves such a row unnumbered. Called
-- by number_customer (as the register's owner); nobody else may run it.
CREATE FUNCTION dealsheet.next_customer_no(registered text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  m text;
  n integer;
BEGIN
  IF registered IS NULL
     OR registered !~ '^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' THEN
    RETURN NULL;  -- no valid registration date: reported by Validate, never guessed
  END IF;
  m := substr(registered, 1, 4) || substr(registered, 6, 2);
  n := dealsheet.customer_month_last(m);
  IF n >= 999999999 THEN
    RETURN NULL;
  END IF;
  n := n + 1;
  PERFORM set_config('dealsheet.customer_no_' || m, n::text, true);
  IF pg_trigger_depth() = 0 THEN  -- run by hand, not by a write: the counter at once
    UPDATE dealsheet.customer_months SET last = n WHERE month = m;
  END IF;
  RETURN m || '-' || CASE WHEN n < 1000 THEN lpad(n::text, 3, '0') ELSE n::text END;
END $f$;

-- A customer written without a number gets one inside the writing transaction; a number
-- typed by hand makes its month wait for concurrent pushes and counts at once.
CREATE FUNCTION dealsheet.number_customer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_temp AS $f$
DECLARE
  k text := btrim(NEW.customer_no, @SPACES@);
BEGIN
  IF coalesce(k, '') = '' THEN
    NEW.customer_no := dealsheet.next_customer_no(btrim(NEW.registered_on, @SPACES@));
  ELSIF k ~ @CANONICAL@
        AND (TG_OP = 'INSERT' OR k IS DISTINCT FROM btrim(OLD.customer_no, @SPACES@)) THEN
    PERFORM set_config('dealsheet.customer_no_' || substr(k, 1, 6),
      greatest(dealsheet.customer_month_last(substr(k, 1, 6)), substr(k, 8)::integer)::text, true);
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER t20_number BEFORE INSERT OR UPDATE ON dealsheet.customers
  FOR EACH ROW EXECUTE FUNCTION dealsheet.number_customer();

-- The month counters, once per statement: each month the statement's rows were numbered in
-- (or typed in) gets the last number this transaction issued.
CREATE FUNCTION dealsheet.save_customer_months() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = dealsheet, pg_temp AS $f$
BEGIN
  UPDATE dealsheet.customer_months c SET last = s.n
    FROM (SELECT m, nullif(current_setting('dealsheet.customer_no_' || m, true), '')::integer AS n
          FROM (SELECT DISTINCT substr(btrim(customer_no, @SPACES@), 1, 6) AS m FROM written
                WHERE btrim(customer_no, @SPACES@) ~ @CANONICAL@) months) s
    WHERE c.month = s.m AND s.n > c.last;
  RETURN NULL;
END $f$;
CREATE TRIGGER t25_customer_months_insert AFTER INSERT ON dealsheet.customers
  REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.save_customer_months();
CREATE TRIGGER t25_customer_months_update AFTER UPDATE ON dealsheet.customers
  REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.save_customer_months();

-- An issued customer number never changes, whoever writes (a lead too): the rows that refer
-- to a customer find it by its number. A blank number may still be filled in.
CREATE FUNCTION dealsheet.guard_customer_number() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF coalesce(btrim(OLD.customer_no, @SPACES@), '') <> ''
     AND NEW.customer_no IS DISTINCT FROM OLD.customer_no THEN
    RAISE EXCEPTION 'dealsheet-customer-number:customer_no (an issued customer number never changes)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER t18_issued_number BEFORE UPDATE ON dealsheet.customers
  FOR EACH ROW EXECUTE FUNCTION dealsheet.guard_customer_number();
)";

// Change tracking, so a sync reads only what changed since the last one: every write stamps
// the row with the id of its transaction (xid8). A client keeps, per sheet, the oldest
// transaction still running when it last read (pg_snapshot_xmin), and next time reads only
// rows stamped at or after it: a transaction that had not committed when the client read
// has an id at least that high, so commit order never hides a row.
std::string changeTracking(const std::string& table) {
    return "ALTER TABLE " + table +
           " ADD COLUMN change_xid xid8 NOT NULL DEFAULT pg_current_xact_id();\n"
           "CREATE INDEX ON " +
           table + " (change_xid);\n";
}

const char* kChangeTracking = R"(
-- The transaction that wrote each row last (change_xid of each table); the register's identity, so
-- a workbook's sync marks from another server are never used.
CREATE FUNCTION dealsheet.stamp_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END $f$;
INSERT INTO dealsheet.meta VALUES ('register_id', gen_random_uuid()::text);
)";

std::string changeTrigger(const std::string& table) {
    return "CREATE TRIGGER t15_change BEFORE INSERT OR UPDATE ON " + table +
           "\n  FOR EACH ROW EXECUTE FUNCTION dealsheet.stamp_change();\n";
}

}  // namespace

std::string sqlLiteral(std::string_view text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string sqlName(std::string_view id) {
    std::string out;
    for (char c : id) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

bool isSyncedSheet(const SheetSchema& sheet) {
    return sheet.kind == SheetKind::Data && !sheet.columns.empty();
}

bool isSyncedColumn(const ColumnSchema& column) {
    return column.type != ColumnType::Computed && column.formula.empty();
}

std::string ownershipColumn(const SheetSchema& sheet) {
    if (sheet.id == "customers") return sheet.column("owner") ? "owner" : "";
    for (const char* ref : {"customers", "approvals"})
        for (const auto& column : sheet.columns)
            if (column.ref == ref && isSyncedColumn(column)) return sqlName(column.id);
    return {};
}

namespace {

// Who is who, and the helpers the policies and the lead use.
const char* kPeople = R"(
-- ---- Who may see and change what (SPEC section 8, Roles) --------------------------------
-- Each login and the 负责人 (owner) name it stands for in the sheets: data the lead maintains
-- (dealsheet.add_salesperson or plain INSERT/UPDATE), never guessed from the login's name.
-- The team may read it: it holds names that are in the workbooks anyway.
CREATE TABLE dealsheet.salespeople (
  login text PRIMARY KEY,
  owner_name text NOT NULL CHECK (btrim(owner_name) <> ''),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE dealsheet.salespeople IS '销售人员：登录名与负责人 / Salespeople: login and owner name';
GRANT SELECT ON dealsheet.salespeople TO lead, member, viewer;
GRANT INSERT, UPDATE, DELETE ON dealsheet.salespeople TO lead;

-- The 负责人 name of the login running the query (NULL: not a salesperson, sees nothing of
-- a member's). Inlined into the policies, evaluated once per query.
CREATE FUNCTION dealsheet.my_owner_name() RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT owner_name FROM dealsheet.salespeople WHERE login = current_user::text
$f$;

-- A lead, or the administrator who owns the register.
CREATE FUNCTION dealsheet.is_lead() RETURNS boolean LANGUAGE sql STABLE AS $f$
  SELECT pg_catalog.pg_has_role(current_user, 'lead', 'MEMBER')
      OR pg_catalog.pg_has_role(current_user, (SELECT nspowner FROM pg_catalog.pg_namespace
                                               WHERE nspname = 'dealsheet'), 'MEMBER')
$f$;

-- A lead adds a salesperson, moves one to another role or renames their 负责人 name:
--   SELECT dealsheet.add_salesperson('chen', '陈静', 'member', 'first-password');
-- The login is created when it does not exist (the password is optional: the administrator
-- may set it, or the login may use another authentication). It is in exactly one of the
-- three group roles afterwards. Runs with the rights of the register's owner, who needs
-- CREATEROLE; administrators, superusers and the group roles themselves are refused.
CREATE FUNCTION dealsheet.add_salesperson(login text, owner_name text, team_role text,
                                          password text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  existing record;
  g text;
BEGIN
  IF team_role IS NULL OR team_role NOT IN ('lead', 'member', 'viewer') THEN
    RAISE EXCEPTION 'the role must be lead, member or viewer, not %', coalesce(team_role, 'NULL');
  END IF;
  IF coalesce(btrim(owner_name), '') = '' THEN
    RAISE EXCEPTION 'the owner name (负责人) of % is empty', login;
  END IF;
  IF coalesce(login, '') = '' OR login IN ('lead', 'member', 'viewer', 'public') THEN
    RAISE EXCEPTION '% cannot be a salesperson''s login', coalesce(login, 'NULL');
  END IF;
  SELECT r.rolsuper, r.rolcreaterole, r.oid INTO existing FROM pg_roles r WHERE r.rolname = login;
  IF NOT FOUND THEN
    EXECUTE format('CREATE ROLE %I LOGIN', login);
  ELSIF existing.rolsuper OR existing.rolcreaterole OR existing.oid =
        (SELECT nspowner FROM pg_namespace WHERE nspname = 'dealsheet') THEN
    RAISE EXCEPTION '% is an administrator, not a salesperson''s login', login;
  END IF;
  IF password IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password);
  END IF;
  FOREACH g IN ARRAY ARRAY['lead', 'member', 'viewer'] LOOP
    IF g = team_role THEN
      EXECUTE format('GRANT %I TO %I', g, login);
    ELSIF EXISTS (SELECT FROM pg_auth_members m WHERE m.roleid = g::regrole
                  AND m.member = login::regrole) THEN
      EXECUTE format('REVOKE %I FROM %I', g, login);
    END IF;
  END LOOP;
  INSERT INTO salespeople (login, owner_name) VALUES (login, btrim(owner_name))
    ON CONFLICT ON CONSTRAINT salespeople_pkey
    DO UPDATE SET owner_name = EXCLUDED.owner_name, updated_at = now();
  RETURN format('%s: %s (%s)', login, btrim(owner_name), team_role);
END $f$;
REVOKE ALL ON FUNCTION dealsheet.add_salesperson(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dealsheet.add_salesperson(text, text, text, text) TO lead;
)";

// Row ids come from the server alone. A client reserves the ids of its new rows first, in a
// transaction of its own, and inserts with them; the insert marks the reservation used in
// the push's own transaction, so a push whose COMMIT answer was lost is settled by the next
// sync asking which of its ids were used (never pushed twice). An id no unused reservation of
// the login covers is replaced by a fresh one: no value a client sends can take or block
// another's row.
std::string rowIdsSql(const Schema& schema) {
    std::string sheets;
    for (const auto& sheet : schema.sheets())
        if (isSyncedSheet(sheet))
            sheets += std::string(sheets.empty() ? "" : ", ") + sqlLiteral(sqlName(sheet.id));
    std::string sql = R"(
-- ---- Row ids: issued by the server only ---------------------------------------------------
-- A sync reserves the ids of its new rows in a transaction of its own, then inserts with
-- them; the insert marks the reservation used in the same transaction as the rows. A sync
-- that could not learn whether its push committed asks settled_row_ids next time.
CREATE TABLE dealsheet.reserved_ids (
  sheet text NOT NULL,
  row_id bigint NOT NULL,
  login text NOT NULL,
  reserved_at timestamptz NOT NULL DEFAULT now(),
  used boolean NOT NULL DEFAULT false,
  PRIMARY KEY (sheet, row_id)
);
COMMENT ON TABLE dealsheet.reserved_ids IS '预留的行标识 / Row ids reserved for a push';

CREATE FUNCTION dealsheet.reserve_row_ids(in_sheet text, how_many integer) RETURNS SETOF bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  IF in_sheet IS NULL OR in_sheet NOT IN (@SHEETS@) THEN
    RAISE EXCEPTION 'no synced sheet %', coalesce(in_sheet, 'NULL');
  END IF;
  IF NOT (pg_has_role(session_user, 'lead', 'MEMBER') OR pg_has_role(session_user, 'member', 'MEMBER')
          OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'dealsheet'), 'MEMBER')) THEN
    RAISE EXCEPTION 'permission denied: your role may not add rows' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF how_many IS NULL OR how_many < 1 OR how_many > 1000000 THEN
    RAISE EXCEPTION 'between 1 and 1000000 ids at a time, not %', coalesce(how_many::text, 'NULL');
  END IF;
  RETURN QUERY INSERT INTO reserved_ids AS r (sheet, row_id, login)
    SELECT in_sheet, nextval(pg_get_serial_sequence('dealsheet.' || in_sheet, 'row_id')), session_user
      FROM generate_series(1, how_many)
    RETURNING r.row_id;
END $f$;
REVOKE ALL ON FUNCTION dealsheet.reserve_row_ids(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dealsheet.reserve_row_ids(text, integer) TO lead, member;

-- Which of the login's own reserved ids (of one sheet) were used by a committed insert.
CREATE FUNCTION dealsheet.settled_row_ids(in_sheet text, ids bigint[])
RETURNS TABLE(row_id bigint, used boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT r.row_id, r.used FROM dealsheet.reserved_ids r
   WHERE r.sheet = in_sheet AND r.row_id = ANY (ids) AND r.login = session_user::text
$f$;
REVOKE ALL ON FUNCTION dealsheet.settled_row_ids(text, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dealsheet.settled_row_ids(text, bigint[]) TO lead, member;

-- Every insert: a reserved id of the login's is taken (and marked used), any other is
-- replaced by a fresh one from the sequence.
CREATE FUNCTION dealsheet.take_row_id() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  -- Held as plain text: TG_TABLE_NAME and session_user are names (collation "C"), and compared
  -- as such they would not use the key's index (a scan of every reservation for every row).
  this_sheet text := TG_TABLE_NAME;
  me text := session_user;
BEGIN
  UPDATE reserved_ids SET used = true
   WHERE sheet = this_sheet AND row_id = NEW.row_id AND login = me AND NOT used;
  IF NOT FOUND THEN
    NEW.row_id := nextval(pg_get_serial_sequence('dealsheet.' || TG_TABLE_NAME, 'row_id'));
  END IF;
  RETURN NEW;
END $f$;
)";
    sql = replaceAll(sql, "@SHEETS@", sheets);
    for (const auto& sheet : schema.sheets())
        if (isSyncedSheet(sheet))
            sql += "CREATE TRIGGER t05_row_id BEFORE INSERT ON dealsheet." + sqlName(sheet.id) +
                   "\n  FOR EACH ROW EXECUTE FUNCTION dealsheet.take_row_id();\n";
    return sql;
}

// The approval result as the sheet's 审批结论 formula (and APPROVALRESULT) gives it, from the
// three opinions the server holds (the result itself is computed, so it does not sync).
std::string approvalResultSql(const Schema& schema) {
    const EnumList& opinions = schema.list("opinions");
    const auto texts = [&](const char* id) {
        const EnumValue& value = opinions.byId(id);
        return "(" + sqlLiteral(value.text.zh) + ", lower(" + sqlLiteral(value.text.en) + "))";
    };
    std::string lockedColumnChecks;
    for (const char* id : {"amount", "paymentTerms", "customerNo", "salesOpinion", "legalOpinion",
                           "financeOpinion"}) {
        const std::string column = sqlName(id);
        lockedColumnChecks += "  IF NEW." + column + " IS DISTINCT FROM OLD." + column +
                              " THEN\n    changed := changed || '" + column +
                              "'::text;\n  END IF;\n";
    }
    return R"(
-- ---- Approved contracts ------------------------------------------------------------------
-- 审批结论 from the three opinions, as the sheet computes it: any reject is rejected, any
-- blank pending, any approve-with-changes approved with changes, else approved.
CREATE FUNCTION dealsheet.approval_result(sales text, legal text, finance text) RETURNS text
LANGUAGE sql IMMUTABLE AS $f$
  SELECT CASE
    WHEN lower(btrim(sales)) IN )" +
           texts("reject") + R"( OR lower(btrim(legal)) IN )" + texts("reject") +
           R"(
      OR lower(btrim(finance)) IN )" +
           texts("reject") + R"( THEN 'rejected'
    WHEN coalesce(btrim(sales), '') = '' OR coalesce(btrim(legal), '') = ''
      OR coalesce(btrim(finance), '') = '' THEN 'pending'
    WHEN lower(btrim(sales)) IN )" +
           texts("approveWithChanges") + R"( OR lower(btrim(legal)) IN )" +
           texts("approveWithChanges") + R"(
      OR lower(btrim(finance)) IN )" +
           texts("approveWithChanges") + R"( THEN 'approvedWithChanges'
    ELSE 'approved' END
$f$;

-- Once approved (通过 / 修改后通过), the amount, the payment terms, the customer (the party)
-- and the opinions that approved it change only by a lead: anyone else's change is refused
-- with the columns named, so the workbook can say which cell the server refused.
CREATE FUNCTION dealsheet.guard_approved_contract() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  changed text[] := '{}';
BEGIN
  IF dealsheet.approval_result(OLD.sales_opinion, OLD.legal_opinion, OLD.finance_opinion)
       NOT IN ('approved', 'approvedWithChanges') OR dealsheet.is_lead() THEN
    RETURN NEW;
  END IF;
)" + lockedColumnChecks +
           R"(  IF cardinality(changed) > 0 THEN
    RAISE EXCEPTION 'dealsheet-approved-contract:% (only a lead may change an approved contract)',
      array_to_string(changed, ',') USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER t15_approved_contract BEFORE UPDATE ON dealsheet.approvals
  FOR EACH ROW EXECUTE FUNCTION dealsheet.guard_approved_contract();
)";
}

// Row-level security on every synced table and its history: a lead all rows, a viewer reads
// all rows, a member the rows of the customers whose 负责人 is theirs. A child row finds its
// customer through the indexed customer number (a contract's rows through the contract).
// Rows that become visible to another member without being written — the actions of a customer
// handed to someone else, the milestones of a contract moved to another customer — get a new
// change stamp (no new version), so the new owner's next sync, which reads only what changed,
// reads them too.
std::string touchDependantsSql(const Schema& schema) {
    std::string byCustomer, byContract;
    for (const auto& sheet : schema.sheets()) {
        if (!isSyncedSheet(sheet) || sheet.id == "customers") continue;
        const std::string table = "dealsheet." + sqlName(sheet.id);
        const std::string via = ownershipColumn(sheet);
        const std::string touch = "  UPDATE " + table + " SET change_xid = pg_current_xact_id()";
        if (via == "customer_no")
            byCustomer += touch + " WHERE customer_no IN (OLD.customer_no, NEW.customer_no);\n";
        else if (!via.empty())
            byContract += touch + " WHERE " + via +
                          " IN (SELECT contract_no FROM dealsheet.approvals WHERE customer_no IN "
                          "(OLD.customer_no, NEW.customer_no));\n";
    }
    return R"(
CREATE FUNCTION dealsheet.touch_dependants() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_temp AS $f$
BEGIN
  IF NEW.owner IS NOT DISTINCT FROM OLD.owner
     AND NEW.customer_no IS NOT DISTINCT FROM OLD.customer_no THEN
    RETURN NULL;
  END IF;
  -- Into the pool: the rows become nobody's new (a member sees a pool customer's row only),
  -- so nobody's next sync needs them; the claim that takes it out touches them.
  IF coalesce(btrim(NEW.owner), '') = '' AND NEW.customer_no IS NOT DISTINCT FROM OLD.customer_no THEN
    RETURN NULL;
  END IF;
)" + byCustomer +
           byContract +
           R"(  RETURN NULL;
END $f$;
CREATE TRIGGER t30_touch_dependants AFTER UPDATE ON dealsheet.customers
  FOR EACH ROW EXECUTE FUNCTION dealsheet.touch_dependants();
)";
}

std::string accessSql(const Schema& schema) {
    std::string sql = kPeople;
    const bool contracts = schema.sheet("approvals") &&
                           schema.sheet("approvals")->column("salesOpinion") &&
                           schema.sheet("approvals")->column("paymentTerms");
    if (contracts) sql += approvalResultSql(schema);
    sql += R"(
-- ---- Row-level security -----------------------------------------------------------------
-- The owner's name is compared without surrounding spaces; the owner of the register (the
-- administrator) and superusers are not subject to these policies.
CREATE INDEX customers_owner ON dealsheet.customers (btrim(owner));
CREATE INDEX customers_customer_no_eq ON dealsheet.customers (customer_no);
-- A member's read filters through the policies' subqueries; their cost estimates make the
-- planner compile them with JIT, which takes seconds for a query that runs in milliseconds.
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$;
)";
    const std::string mine = "btrim(c.owner) = (SELECT dealsheet.my_owner_name())";
    for (const auto& sheet : schema.sheets()) {
        if (!isSyncedSheet(sheet)) continue;
        const std::string name = sqlName(sheet.id);
        const std::string table = "dealsheet." + name;
        const std::string via = ownershipColumn(sheet);
        std::string owned;
        if (sheet.id == "customers") {
            owned = "btrim(owner) = (SELECT dealsheet.my_owner_name())";  // + the pool, below
        } else if (via == "customer_no") {
            owned = "EXISTS (SELECT FROM dealsheet.customers c WHERE c.customer_no = " + name +
                    ".customer_no AND " + mine + ")";
            sql += "CREATE INDEX " + name + "_customer_no ON " + table + " (customer_no);\n";
        } else if (!via.empty()) {
            // A blank contract number names no contract: many contracts may still lack one.
            owned =
                "EXISTS (SELECT FROM dealsheet.approvals a JOIN dealsheet.customers c ON "
                "c.customer_no = a.customer_no WHERE a.contract_no = " +
                name + "." + via + " AND btrim(a.contract_no, @SPACES@) <> '' AND " + mine + ")";
            sql += "CREATE INDEX " + name + "_" + via + " ON " + table + " (" + via + ");\n";
        } else {
            owned = "false";  // a sheet that refers to no customer: leads only
        }
        if (sheet.id == "approvals") {
            sql += "CREATE INDEX approvals_contract_no ON dealsheet.approvals (contract_no);\n";
            // One contract per contract number (spaces around it ignored), whoever writes it:
            // the rows of a contract find it by its number.
            sql +=
                "CREATE UNIQUE INDEX approvals_contract_no_unique ON dealsheet.approvals\n"
                "  (btrim(contract_no, @SPACES@)) WHERE btrim(contract_no, @SPACES@) <> '';\n";
        }
        sql += "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n";
        sql += "CREATE POLICY lead_all ON " + table + " TO lead USING (true) WITH CHECK (true);\n";
        sql += "CREATE POLICY viewer_reads ON " + table + " FOR SELECT TO viewer USING (true);\n";
        if (sheet.id == "customers")
            sql += memberCustomersPolicySql();
        else
            sql += "CREATE POLICY member_own ON " + table + " TO member\n  USING (" + owned +
                   ")\n  WITH CHECK (" + owned + ");\n";
        // History: the versions of the rows the reader may see now (the history is written by
        // the server itself, never by a login).
        sql += "ALTER TABLE " + table + "_history ENABLE ROW LEVEL SECURITY;\n";
        sql += "CREATE POLICY visible_rows ON " + table +
               "_history FOR SELECT TO lead, member, viewer\n  USING (EXISTS (SELECT FROM " +
               table + " t WHERE t.row_id = " + name + "_history.row_id));\n";
    }
    sql += touchDependantsSql(schema);
    return sql;
}

// Who may run which function, after every function of the file is created (so it covers
// them all): nobody but the register's owner, unless granted here.
std::string functionPrivilegesSql(const Schema& schema) {
    std::string sql = R"(
-- ---- Who may run which function ---------------------------------------------------------
-- PostgreSQL lets everyone (PUBLIC) run a new function: here nobody may but the register's
-- owner, except where granted below. Trigger functions need no grant (PostgreSQL checks none
-- when a trigger fires), and the SECURITY DEFINER ones run as the owner; the functions that
-- triggers and row-level security policies call run as the user who writes or reads, so each
-- is granted to exactly the roles whose statements reach it (tests/team_bypass.sh checks that
-- every other call is refused).
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA dealsheet FROM PUBLIC;
-- stamp_row, on every write of a lead or a member (a viewer's writes are refused before).
GRANT EXECUTE ON FUNCTION dealsheet.unchanged(jsonb, jsonb) TO lead, member;
-- The member_own policies (a lead's and a viewer's policies call no function).
GRANT EXECUTE ON FUNCTION dealsheet.my_owner_name() TO member;
)";
    const bool contracts = schema.sheet("approvals") &&
                           schema.sheet("approvals")->column("salesOpinion") &&
                           schema.sheet("approvals")->column("paymentTerms");
    if (contracts)
        sql += R"(-- guard_approved_contract, on a lead's or a member's update of a contract.
GRANT EXECUTE ON FUNCTION dealsheet.is_lead() TO lead, member;
GRANT EXECUTE ON FUNCTION dealsheet.approval_result(text, text, text) TO lead, member;
)";
    sql += R"(-- add_salesperson: a lead only (granted with it). next_customer_no and
-- customer_month_last: nobody (number_customer runs them as the owner).
)";
    return sql;
}

}  // namespace

namespace {

// The columns each schema version added to an existing register (the tables and their
// histories gain them at the end, in the same order, so keep_history's SELECT * still fits).
struct AddedColumn {
    int version;
    std::string_view sheet;
    std::string_view column;
};
constexpr AddedColumn kAddedColumns[] = {{4, "customers", "creditCode"}};

}  // namespace

std::string teamUpgradeSql(const Schema& schema, int from) {
    if (from < 3 || from > kTeamSchemaVersion)
        throw std::invalid_argument("no upgrade from schema version " + std::to_string(from));
    std::string sql =
        "-- DealSheet team register: upgrade from schema version " + std::to_string(from) + " to " +
        std::to_string(kTeamSchemaVersion) +
        ".\n-- Generated from the schema (make_server_sql --upgrade-from " + std::to_string(from) +
        "). Back up first; run as the owner:\n--   psql -v ON_ERROR_STOP=1 -d dealsheet -f "
        "THIS_FILE\nBEGIN;\n"
        "DO $$ BEGIN\n"
        "  IF (SELECT value FROM dealsheet.meta WHERE name = 'schema_version') <> '" +
        std::to_string(from) +
        "' THEN\n    RAISE EXCEPTION 'this register is not at schema version " +
        std::to_string(from) + "';\n  END IF;\nEND $$;\n";
    for (const AddedColumn& added : kAddedColumns) {
        if (added.version <= from) continue;
        const SheetSchema& sheet = schema.sheetOrThrow(std::string(added.sheet));
        const ColumnSchema& column = sheet.columnOrThrow(std::string(added.column));
        const std::string table = "dealsheet." + sqlName(sheet.id);
        for (const std::string& target : {table, table + "_history"})
            sql += "ALTER TABLE " + target + " ADD COLUMN " + sqlName(column.id) + " text;\n";
        sql += "COMMENT ON COLUMN " + table + "." + sqlName(column.id) + " IS " +
               sqlLiteral(column.header.zh + " / " + column.header.en) + ";\n";
    }
    if (from < 5) {
        sql += matchKeysSql();
        sql += ownershipSql(schema);
        sql += "DROP POLICY member_own ON dealsheet.customers;\n" + memberCustomersPolicySql();
    }
    sql += "UPDATE dealsheet.meta SET value = '" + std::to_string(kTeamSchemaVersion) +
           "' WHERE name = 'schema_version';\nCOMMIT;\n";
    return replaceAll(std::move(sql), "@SPACES@", kSpaces);
}

std::string teamServerSql(const Schema& schema) {
    const std::string version = std::to_string(kTeamSchemaVersion);
    std::string sql = replaceAll(kPreamble, "@VERSION@", version);
    sql += kChangeTracking;
    sql += matchKeysSql();
    for (const auto& sheet : schema.sheets()) {
        if (!isSyncedSheet(sheet)) continue;
        const std::string table = "dealsheet." + sqlName(sheet.id);
        sql += "\n-- " + sheet.name.zh + " / " + sheet.name.en + "\n";
        sql += "CREATE TABLE " + table + " (\n";
        sql += "  row_id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n";
        sql += "  version integer NOT NULL DEFAULT 1,\n";
        sql += "  updated_at timestamptz NOT NULL DEFAULT now(),\n";
        sql += "  updated_by text NOT NULL DEFAULT session_user";
        for (const auto& column : sheet.columns)
            if (isSyncedColumn(column)) sql += ",\n  " + sqlName(column.id) + " text";
        sql += "\n);\n";
        sql += "COMMENT ON TABLE " + table + " IS " +
               sqlLiteral(sheet.name.zh + " / " + sheet.name.en) + ";\n";
        for (const auto& column : sheet.columns)
            if (isSyncedColumn(column))
                sql += "COMMENT ON COLUMN " + table + "." + sqlName(column.id) + " IS " +
                       sqlLiteral(column.header.zh + " / " + column.header.en) + ";\n";
        sql += changeTracking(table);
        sql += "CREATE TABLE " + table + "_history (LIKE " + table +
               ", PRIMARY KEY (row_id, version));\n";
        sql += "CREATE TRIGGER t10_stamp BEFORE INSERT OR UPDATE ON " + table +
               "\n  FOR EACH ROW EXECUTE FUNCTION dealsheet.stamp_row();\n";
        sql += changeTrigger(table);
        sql += "CREATE TRIGGER t90_history AFTER INSERT ON " + table +
               "\n  REFERENCING NEW TABLE AS written\n"
               "  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.keep_history();\n";
        sql += "CREATE TRIGGER t90_history_update AFTER UPDATE ON " + table +
               "\n  REFERENCING OLD TABLE AS previous NEW TABLE AS written\n"
               "  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.keep_history();\n";
        sql += "GRANT SELECT ON " + table + ", " + table + "_history TO lead, member, viewer;\n";
        sql += "GRANT INSERT, UPDATE ON " + table + " TO lead, member;\n";
    }
    sql += kNumbering;
    sql += accessSql(schema);
    // No grant on the sequences: ids come from reserve_row_ids and take_row_id only.
    sql += rowIdsSql(schema);
    sql += ownershipSql(schema);
    sql += functionPrivilegesSql(schema);
    sql += "\nCOMMIT;\n";
    return replaceAll(replaceAll(std::move(sql), "@SPACES@", kSpaces), "@CANONICAL@",
                      kCanonicalNumber);
}

}  // namespace dealsheet
