-- A store's erasure of a shopper reaching head office (roles/headoffice/ingest, README "Erasure").
--
-- hq_erasures: that an erasure happened and what it changed, never who: the store, the message's
-- key (`<storeId>:erasure:<outbox seq>`, no customer id), when the store erased and when head
-- office applied it, and how many rows were unlinked or deleted.
CREATE TABLE hq_erasures (
  store_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  erased_at_store TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  receipts_unlinked INTEGER NOT NULL,
  ledger_deleted INTEGER NOT NULL,
  events_unlinked INTEGER NOT NULL,
  dead_letters_redacted INTEGER NOT NULL,
  PRIMARY KEY (store_id, idempotency_key)
);

-- hq_erased_shoppers: a keyed hash (HMAC-SHA256 with hq_erasure_salt) of `<storeId>:<customerId>`
-- for every erased shopper, so a message about them that arrives after the erasure (a redelivery,
-- a replay) is stored unlinked instead of bringing them back. The hash cannot be turned back into
-- the id; it only recognizes an id someone already holds (the store keeps its receipts under it).
CREATE TABLE hq_erased_shoppers (
  shopper_hash TEXT PRIMARY KEY
);

-- The HMAC key of hq_erased_shoppers: random per head-office database, made here once.
CREATE TABLE hq_erasure_salt (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  salt TEXT NOT NULL
);
INSERT INTO hq_erasure_salt (id, salt) VALUES (1, lower(hex(randomblob(32))));
