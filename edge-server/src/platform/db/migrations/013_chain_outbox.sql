-- The chain's store side (usecases/chain-sync, deploy/chain/README.md).
--
-- chain_outbox: what this store still has to send up to head office. Rows are written by the
-- triggers below, inside the same SQLite transaction as the write they describe (a receipt, a
-- points ledger entry, an analytics event, a survey answer, a screen's play), so a kill -9 can never lose a
-- receipt that the till was told was posted: it committed together with its outbox row. The row
-- holds only a reference (kind + local id); the publisher reads the record when it sends, so a
-- shopper's erasure before sending is respected. Nothing here is a shopper's data.
--
-- The triggers fire only while chain_settings.enabled = 1 (set at start when CHAIN_NATS_URL is
-- configured), so a single store without NATS never grows an outbox.
CREATE TABLE chain_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1))
);
INSERT INTO chain_settings (id, enabled) VALUES (1, 0);

CREATE TABLE chain_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('receipts', 'ledger', 'events', 'survey', 'pop')),
  ref TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- When the leaf's JetStream acknowledged it (PubAck); NULL while pending.
  sent_at TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  UNIQUE (kind, ref)
);
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

-- Proof of play (migration 011's play_records, written when a screen's batch is accepted).
CREATE TRIGGER chain_outbox_pop AFTER INSERT ON play_records
WHEN (SELECT enabled FROM chain_settings WHERE id = 1) = 1
BEGIN INSERT OR IGNORE INTO chain_outbox (kind, ref) VALUES ('pop', NEW.id); END;

-- chain_applied: the down-flow messages this store applied, per entity (campaign id, product
-- batch, zone, model id): a message is applied only when its version is above the last one, so
-- a redelivery or a replay after days offline changes nothing twice.
CREATE TABLE chain_applied (
  kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  msg_key TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  outcome TEXT NOT NULL,
  PRIMARY KEY (kind, entity_id)
);
