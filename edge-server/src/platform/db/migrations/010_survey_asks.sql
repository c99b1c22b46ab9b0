-- When a shopper was shown the end-of-session survey (domains/surveys). "At most once per shopper
-- per N days" counts being asked, so a shopper who skips is not asked again on the next "Done".
-- One row per kiosk session that showed the survey; no score, so it never enters NPS, KPIs or
-- the CSV. customer_id is the shopper's random id: exported to them, rows deleted on erasure.
CREATE TABLE survey_asks (
  session_id TEXT PRIMARY KEY,
  customer_id TEXT,
  kiosk_id TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX survey_asks_customer ON survey_asks (customer_id, at);
