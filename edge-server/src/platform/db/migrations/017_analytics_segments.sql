-- Analytics a marketer can use and live segments (issue 15).
-- Money in integer minor units, instants UTC ISO-8601, calendar days as store-local YYYY-MM-DD.

-- Live segments: a named rule set (contracts/src/live-segments.ts) evaluated nightly and on
-- demand; its members go into segment_members (promotions) under the same name.
CREATE TABLE live_segments (
  name TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  rules TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  evaluated_at TEXT,
  size INTEGER
);

-- Size of each live segment per store day (the day's last evaluation). Counts only, no shopper data.
CREATE TABLE live_segment_sizes (
  name TEXT NOT NULL,
  day TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  PRIMARY KEY (name, day)
);

-- Reports read receipts by store day in (day, id) order with their kind, customer and total
-- without touching the table rows: the series, and the line export's keyset pages.
CREATE INDEX receipts_date_id ON receipts(local_date, id, kind, customer_id, total_minor);
-- Points issued/redeemed/expired per hour: the ledger by kind and instant.
CREATE INDEX points_ledger_kind_at ON points_ledger(kind, at, points);
-- Member counts over time: enrolment instants.
CREATE INDEX customers_enrolled_at ON customers(enrolled_at);
-- The code export pages through one promotion's codes in code order.
CREATE INDEX promo_codes_promotion ON promo_codes(promotion_id, code);
