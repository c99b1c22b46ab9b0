-- Background jobs (console imports): status, progress and the report once they end.
-- No shopper data: a report lists rejected file rows (line numbers, receipt ids, reasons).
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  progress_json TEXT NOT NULL DEFAULT '{}',
  report_json TEXT,
  error_json TEXT
);
CREATE INDEX jobs_started ON jobs (started_at);
