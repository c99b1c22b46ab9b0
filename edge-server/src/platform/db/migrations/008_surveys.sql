-- The one-question survey at the end of a kiosk session (issue 9, item 4; domains/surveys).

-- One row per answer. customer_id links the answer to the shopper only for the "once per N days"
-- rule, the shopper's export and erasure (which clears it and the comment); staff screens and
-- the CSV never show it. session_id is unique: one answer per kiosk session, even under a race.
CREATE TABLE survey_answers (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  zone_id TEXT,
  customer_id TEXT,
  session_id TEXT NOT NULL UNIQUE,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
  -- JSON array of reason chip ids, as configured when the shopper answered.
  reasons TEXT NOT NULL DEFAULT '[]',
  -- Free text as the shopper typed it (escaped where shown); NULL when none.
  comment TEXT,
  at TEXT NOT NULL,
  -- The store-local day of `at` (reports count store days).
  day TEXT NOT NULL
);
CREATE INDEX survey_answers_customer ON survey_answers (customer_id, at);
CREATE INDEX survey_answers_day ON survey_answers (day);

-- The survey's settings: one row.
CREATE TABLE survey_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  interval_days INTEGER NOT NULL DEFAULT 30 CHECK (interval_days BETWEEN 1 AND 365),
  reasons TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO survey_settings (id, enabled, interval_days, reasons, updated_at) VALUES (1, 1, 30, '[{"id":"prices","labels":{"en":"Prices","ru":"Цены"}},{"id":"offers","labels":{"en":"Offers","ru":"Предложения"}},{"id":"choice","labels":{"en":"Choice of products","ru":"Ассортимент"}},{"id":"staff","labels":{"en":"Staff","ru":"Персонал"}},{"id":"checkout","labels":{"en":"Checkout speed","ru":"Скорость на кассе"}},{"id":"cleanliness","labels":{"en":"Cleanliness","ru":"Чистота"}}]', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
