-- A shopper's erasure reaches head office (usecases/chain-sync, usecases/data-requests README).
--
-- chain_outbox gains the kind 'erasure' (its CHECK lists the kinds, and SQLite cannot change a
-- CHECK in place, so the table is rebuilt with its rows and the 013 triggers are re-made on it).
-- The new trigger writes the erasure row when `customers.erased_at` is set, i.e. inside the
-- erasure's own transaction: an erasure the store committed is never lost on its way up. Its
-- ref is the customer id (the store still holds its receipts under that random id); the message
-- key is built from the row's seq instead, so head office's dedupe record never holds the id.
DROP TRIGGER chain_outbox_receipts;
DROP TRIGGER chain_outbox_ledger;
DROP TRIGGER chain_outbox_events;
DROP TRIGGER chain_outbox_survey;
DROP TRIGGER chain_outbox_pop;

CREATE TABLE chain_outbox_v2 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('receipts', 'ledger', 'events', 'survey', 'pop', 'erasure')),
  ref TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- When the leaf's JetStream acknowledged it (PubAck); NULL while pending.
  sent_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  UNIQUE (kind, ref)
);
INSERT INTO chain_outbox_v2 (seq, kind, ref, created_at, sent_at, attempts, last_error)
  SELECT seq, kind, ref, created_at, sent_at, attempts, last_error FROM chain_outbox;
DROP TABLE chain_outbox;
ALTER TABLE chain_outbox_v2 RENAME TO chain_outbox;
CREATE INDEX chain_outbox_pending ON chain_outbox (seq) WHERE sent_at IS NULL;

CREATE TRIGGER chain_outbox_receipts AFTER INSERT ON receipts
WHEN (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('receipts', NEW.id); END;

CREATE TRIGGER chain_outbox_ledger AFTER INSERT ON points_ledger
WHEN (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('ledger', CAST(NEW.id AS TEXT)); END;

CREATE TRIGGER chain_outbox_events AFTER INSERT ON events
WHEN (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('events', CAST(NEW.id AS TEXT)); END;

CREATE TRIGGER chain_outbox_survey AFTER INSERT ON survey_answers
WHEN (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('survey', NEW.id); END;

CREATE TRIGGER chain_outbox_pop AFTER INSERT ON play_records
WHEN (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('pop', NEW.id); END;

CREATE TRIGGER chain_outbox_erasure AFTER UPDATE OF erased_at ON customers
WHEN OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('erasure', NEW.id); END;
