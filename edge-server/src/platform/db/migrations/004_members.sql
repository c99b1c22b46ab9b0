-- Members moving in from a store's old program (issue 8): last names, the member's id in the old
-- system, e-mail addresses, consent records with the text version, virtual cards.

-- Names stay in clear (they are shown to staff); the *_key columns are the lower-cased forms the
-- console's prefix search runs on (SQLite's LIKE and lower() fold only ASCII; Cyrillic names are
-- lower-cased by the application before they are written).
ALTER TABLE customers ADD COLUMN last_name TEXT;
ALTER TABLE customers ADD COLUMN first_name_key TEXT;
ALTER TABLE customers ADD COLUMN last_name_key TEXT;
UPDATE customers SET first_name_key = lower(first_name) WHERE first_name IS NOT NULL;
CREATE INDEX customers_first_name_key ON customers(first_name_key);
CREATE INDEX customers_last_name_key ON customers(last_name_key);

-- HMAC of the member's id in the old system (never the id itself): makes a re-run of the same
-- import skip the member, and stays after an erasure so an old file cannot bring them back.
ALTER TABLE customers ADD COLUMN import_ref TEXT;
CREATE UNIQUE INDEX customers_import_ref ON customers(import_ref);

-- A card number the store issued itself (kiosk enrollment without a plastic card).
ALTER TABLE cards ADD COLUMN virtual INTEGER NOT NULL DEFAULT 0 CHECK (virtual IN (0, 1));

-- E-mail addresses only as HMAC-SHA256 of the lower-cased address plus a masked hint (a***@e***.com).
CREATE TABLE member_emails (
  hmac TEXT PRIMARY KEY,
  hint TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  created_at TEXT NOT NULL
);
CREATE INDEX member_emails_customer ON member_emails(customer_id);

-- What a shopper agreed to (or withdrew), under which text version, when, and through what.
-- The three flags on customers stay the current state; these rows are the history behind them.
CREATE TABLE consent_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  consent TEXT NOT NULL CHECK (consent IN ('program', 'marketing', 'profiling')),
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  text_version TEXT NOT NULL,
  at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'import', 'console')),
  recorded_at TEXT NOT NULL
);
CREATE INDEX consent_records_customer ON consent_records(customer_id, id);
