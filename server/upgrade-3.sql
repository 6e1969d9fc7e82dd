-- DealSheet team register: upgrade from schema version 3 to 4.
-- Generated from the schema (make_server_sql --upgrade-from 3). Back up first; run as the owner:
--   psql -v ON_ERROR_STOP=1 -d dealsheet -f THIS_FILE
BEGIN;
DO $$ BEGIN
  IF (SELECT value FROM dealsheet.meta WHERE name = 'schema_version') <> '3' THEN
    RAISE EXCEPTION 'this register is not at schema version 3';
  END IF;
END $$;
ALTER TABLE dealsheet.customers ADD COLUMN credit_code text;
ALTER TABLE dealsheet.customers_history ADD COLUMN credit_code text;
COMMENT ON COLUMN dealsheet.customers.credit_code IS '统一社会信用代码 / Credit Code';
UPDATE dealsheet.meta SET value = '4' WHERE name = 'schema_version';
COMMIT;
