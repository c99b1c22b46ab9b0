-- The chain as head office sees it (roles/headoffice). Every row that came up from a store is
-- keyed by (store_id, idempotency key): a replayed message finds its key and changes nothing.

CREATE TABLE hq_stores (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  -- When the last message from this store was ingested, and when that message was written at the store.
  last_message_at TEXT,
  last_occurred_at TEXT,
  -- occurredAt → ingested delay of the last message (ms): how far behind head office is.
  last_delay_ms INTEGER,
  messages INTEGER NOT NULL DEFAULT 0,
  -- Highest stream sequence consumed from this store's up stream.
  last_stream_seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX hq_stores_region ON hq_stores (region);

-- One row per ingested message: the dedupe key of everything below.
CREATE TABLE hq_ingested (
  store_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  stream_seq INTEGER NOT NULL,
  occurred_at TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  PRIMARY KEY (store_id, idempotency_key)
);

-- customer_ref is the store-local pseudonymous customer id: a shopper is (store_id, customer_ref).
CREATE TABLE hq_receipts (
  store_id TEXT NOT NULL,
  receipt_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  customer_ref TEXT,
  total_minor INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (store_id, receipt_id)
);
CREATE INDEX hq_receipts_customer ON hq_receipts (store_id, customer_ref, occurred_at);

CREATE TABLE hq_receipt_lines (
  store_id TEXT NOT NULL,
  receipt_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  net_minor INTEGER NOT NULL,
  PRIMARY KEY (store_id, receipt_id, line_no),
  FOREIGN KEY (store_id, receipt_id) REFERENCES hq_receipts (store_id, receipt_id) ON DELETE CASCADE
);

CREATE TABLE hq_ledger (
  store_id TEXT NOT NULL,
  entry_id INTEGER NOT NULL,
  customer_ref TEXT,
  points INTEGER NOT NULL,
  kind TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (store_id, entry_id)
);
CREATE INDEX hq_ledger_customer ON hq_ledger (store_id, customer_ref);

CREATE TABLE hq_events (
  store_id TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  customer_ref TEXT,
  payload_json TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (store_id, event_id)
);
CREATE INDEX hq_events_type ON hq_events (type, store_id, occurred_at);

CREATE TABLE hq_survey_answers (
  store_id TEXT NOT NULL,
  answer_id TEXT NOT NULL,
  score INTEGER,
  payload_json TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (store_id, answer_id)
);

CREATE TABLE hq_proof_of_play (
  store_id TEXT NOT NULL,
  play_id TEXT NOT NULL,
  screen_id TEXT NOT NULL,
  item_kind TEXT NOT NULL,
  item_ref TEXT,
  duration_ms INTEGER NOT NULL,
  payload_json TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  PRIMARY KEY (store_id, play_id)
);

-- Messages refused at ingest (wrong store, malformed): kept with the reason, acknowledged so they
-- never block the stream, shown to staff.
CREATE TABLE hq_dead_letters (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  subject TEXT NOT NULL,
  stream TEXT NOT NULL,
  stream_seq INTEGER NOT NULL,
  store_id TEXT,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  body TEXT NOT NULL
);

-- What head office published down: campaigns, promotions, catalogue, content, models.
CREATE TABLE hq_publications (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  -- The entity the message changes and its version (grows per kind + entity): stores apply only newer versions.
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  target_json TEXT NOT NULL,
  store_ids_json TEXT NOT NULL,
  subjects_json TEXT NOT NULL,
  summary TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL
);
CREATE INDEX hq_publications_kind ON hq_publications (kind, published_at);
CREATE UNIQUE INDEX hq_publications_entity ON hq_publications (kind, entity_id, version);
