-- A model head office trained on every store's receipts is judged by the store's own gate
-- (usecases/model-lifecycle gateChainModel); its decision is recorded with trigger 'chain'.
-- SQLite cannot change a CHECK in place: the table is rebuilt with its rows.
CREATE TABLE model_decisions_014 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual', 'first-start', 'chain')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('promoted', 'kept-incumbent', 'baseline', 'insufficient-history', 'failed')),
  served_kind TEXT NOT NULL CHECK (served_kind IN ('model', 'baseline')),
  served_name TEXT NOT NULL,
  artifact_dir TEXT,
  artifact_sha256 TEXT,
  customers INTEGER NOT NULL,
  baskets INTEGER NOT NULL,
  data_from TEXT,
  data_to TEXT,
  reason TEXT NOT NULL,
  record_json TEXT NOT NULL
);
INSERT INTO model_decisions_014 (id, trigger, started_at, finished_at, outcome, served_kind, served_name, artifact_dir, artifact_sha256, customers, baskets, data_from, data_to, reason, record_json)
  SELECT id, trigger, started_at, finished_at, outcome, served_kind, served_name, artifact_dir, artifact_sha256, customers, baskets, data_from, data_to, reason, record_json FROM model_decisions;
DROP TABLE model_decisions;
ALTER TABLE model_decisions_014 RENAME TO model_decisions;
