-- Model lifecycle (usecases/model-lifecycle): one row per training run on the store's own
-- receipts and what it decided to serve. Aggregate metrics only, no shopper's data.
CREATE TABLE model_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual', 'first-start')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('promoted', 'kept-incumbent', 'baseline', 'insufficient-history', 'failed')),
  -- What serves from this decision on: the store's own model (version) or a baseline (name).
  served_kind TEXT NOT NULL CHECK (served_kind IN ('model', 'baseline')),
  served_name TEXT NOT NULL,
  artifact_dir TEXT,
  artifact_sha256 TEXT,
  customers INTEGER NOT NULL,
  baskets INTEGER NOT NULL,
  data_from TEXT,
  data_to TEXT,
  reason TEXT NOT NULL,
  -- The whole decision record: split, every method's metrics with 95% intervals, the candidate.
  record_json TEXT NOT NULL
);

