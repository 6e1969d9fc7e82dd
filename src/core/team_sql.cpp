#include "team_sql.hpp"

#include <cctype>

namespace dealsheet {
namespace {

// A text for an SQL comment or string literal: quotes doubled.
std::string quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

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

-- Group roles: a lead reads and writes everything, a member reads and writes, a viewer only
-- reads. Each salesperson is a login role in one of them. Row-level security (who sees which
-- rows) comes with the roles issue; these grants are the coarse part.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lead') THEN CREATE ROLE lead NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'member') THEN CREATE ROLE member NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'viewer') THEN CREATE ROLE viewer NOLOGIN; END IF;
END $$;
GRANT USAGE ON SCHEMA dealsheet TO lead, member, viewer;
GRANT SELECT ON dealsheet.meta TO lead, member, viewer;

-- Version and signature of every write: the row's version counts its writes, so a client
-- that pulled version 3 knows that 4 was written by someone else since.
CREATE FUNCTION dealsheet.stamp_row() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
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

-- Every version of every row, written by the server itself (members cannot write history).
CREATE FUNCTION dealsheet.keep_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_temp AS $f$
BEGIN
  EXECUTE format('INSERT INTO dealsheet.%I SELECT ($1).*', TG_TABLE_NAME || '_history') USING NEW;
  RETURN NULL;
END $f$;
)";

const char* kNumbering = R"(
-- Customer numbers YYYYMM-NNN, unique across the team: the next number of the registration
-- month, taken under a lock on that month's counter, so two pushes at the same moment wait
-- for each other instead of taking the same number. Numbers typed by hand count too.
CREATE TABLE dealsheet.customer_months (month text PRIMARY KEY, last integer NOT NULL);
CREATE INDEX customers_customer_no ON dealsheet.customers (customer_no text_pattern_ops);

CREATE FUNCTION dealsheet.next_customer_no(registered text) RETURNS text LANGUAGE plpgsql
SECURITY DEFINER SET search_path = dealsheet, pg_temp AS $f$
DECLARE
  m text;
  n integer;
BEGIN
  IF registered IS NULL OR registered !~ '^[0-9]{4}-(0[1-9]|1[0-2])-[0-9]{2}' THEN
    RETURN NULL;  -- no valid registration date: reported by Validate, never guessed
  END IF;
  m := substr(registered, 1, 4) || substr(registered, 6, 2);
  INSERT INTO customer_months (month, last) VALUES (m, 0) ON CONFLICT (month) DO NOTHING;
  SELECT last INTO n FROM customer_months WHERE month = m FOR UPDATE;
  SELECT greatest(n, coalesce(max(substr(customer_no, 8)::integer), 0)) INTO n
    FROM customers WHERE customer_no LIKE m || '-%' AND customer_no ~ '^[0-9]{6}-[0-9]{3,9}$';
  n := n + 1;
  UPDATE customer_months SET last = n WHERE month = m;
  RETURN m || '-' || lpad(n::text, 3, '0');
END $f$;

-- A customer written without a number gets one inside the writing transaction.
CREATE FUNCTION dealsheet.number_customer() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF coalesce(btrim(NEW.customer_no, ' ' || chr(12288)), '') = '' THEN
    NEW.customer_no := dealsheet.next_customer_no(btrim(NEW.registered_on));
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER t20_number BEFORE INSERT OR UPDATE ON dealsheet.customers
  FOR EACH ROW EXECUTE FUNCTION dealsheet.number_customer();
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

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

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

std::string teamServerSql(const Schema& schema) {
    const std::string version = std::to_string(kTeamSchemaVersion);
    std::string sql = replaceAll(kPreamble, "@VERSION@", version);
    sql += kChangeTracking;
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
               quoted(sheet.name.zh + " / " + sheet.name.en) + ";\n";
        for (const auto& column : sheet.columns)
            if (isSyncedColumn(column))
                sql += "COMMENT ON COLUMN " + table + "." + sqlName(column.id) + " IS " +
                       quoted(column.header.zh + " / " + column.header.en) + ";\n";
        sql += changeTracking(table);
        sql += "CREATE TABLE " + table + "_history (LIKE " + table +
               ", PRIMARY KEY (row_id, version));\n";
        sql += "CREATE TRIGGER t10_stamp BEFORE INSERT OR UPDATE ON " + table +
               "\n  FOR EACH ROW EXECUTE FUNCTION dealsheet.stamp_row();\n";
        sql += changeTrigger(table);
        sql += "CREATE TRIGGER t90_history AFTER INSERT OR UPDATE ON " + table +
               "\n  FOR EACH ROW EXECUTE FUNCTION dealsheet.keep_history();\n";
        sql += "GRANT SELECT ON " + table + ", " + table + "_history TO lead, member, viewer;\n";
        sql += "GRANT INSERT, UPDATE ON " + table + " TO lead, member;\n";
    }
    sql += kNumbering;
    sql += "GRANT USAGE ON ALL SEQUENCES IN SCHEMA dealsheet TO lead, member;\n";
    sql += "\nCOMMIT;\n";
    return sql;
}

}  // namespace dealsheet
