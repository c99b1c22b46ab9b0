-- Loyalty and offers engine (issue 4): receipts detail, points ledger, tiers, earn rules,
-- promotions, codes, gift cards, referrals, campaigns with holdouts, offer lifecycle, margins.
-- Money in integer minor units, instants UTC ISO-8601, calendar days as store-local YYYY-MM-DD.

-- Receipts: store-local day (for windows and tiers), and the first response of an idempotent post.
ALTER TABLE receipts ADD COLUMN local_date TEXT;
ALTER TABLE receipts ADD COLUMN request_hash TEXT;
ALTER TABLE receipts ADD COLUMN result_json TEXT;
CREATE INDEX receipts_original ON receipts(original_receipt_id);
CREATE INDEX receipts_customer_date ON receipts(customer_id, local_date);
CREATE INDEX receipts_date ON receipts(local_date);

-- Per line: promotion discount, net revenue, points earned and points tendered on it; a return
-- line points at the sale line it refunds (quantity and net are negative on returns).
ALTER TABLE receipt_lines ADD COLUMN promo_discount_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE receipt_lines ADD COLUMN net_minor INTEGER;
ALTER TABLE receipt_lines ADD COLUMN points_earned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE receipt_lines ADD COLUMN points_redeemed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE receipt_lines ADD COLUMN original_line_no INTEGER;

-- Margin needs a cost: per product when known, else a margin rate per department (else default).
ALTER TABLE products ADD COLUMN cost_minor INTEGER CHECK (cost_minor IS NULL OR cost_minor >= 0);
CREATE TABLE department_margins (
  department TEXT PRIMARY KEY,
  margin_bp INTEGER NOT NULL CHECK (margin_bp BETWEEN 0 AND 10000)
);

-- One row of program settings.
CREATE TABLE loyalty_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  earn_rate_bp INTEGER NOT NULL DEFAULT 100 CHECK (earn_rate_bp BETWEEN 0 AND 100000),
  point_value_minor INTEGER NOT NULL DEFAULT 1 CHECK (point_value_minor >= 1),
  validity_days INTEGER NOT NULL DEFAULT 365 CHECK (validity_days >= 1),
  pending_days INTEGER NOT NULL DEFAULT 0 CHECK (pending_days >= 0),
  tier_window_days INTEGER NOT NULL DEFAULT 365 CHECK (tier_window_days >= 1),
  tier_review_month_day TEXT NOT NULL DEFAULT '01-01',
  default_margin_bp INTEGER NOT NULL DEFAULT 3000 CHECK (default_margin_bp BETWEEN 0 AND 10000),
  referrer_points INTEGER NOT NULL DEFAULT 500 CHECK (referrer_points >= 0),
  referee_points INTEGER NOT NULL DEFAULT 250 CHECK (referee_points >= 0),
  birthday_promotion_id TEXT,
  birthday_window_days INTEGER NOT NULL DEFAULT 7 CHECK (birthday_window_days >= 1)
);
INSERT INTO loyalty_settings (id) VALUES (1);

CREATE TABLE tiers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  threshold_minor INTEGER NOT NULL UNIQUE CHECK (threshold_minor >= 0),
  multiplier_pct INTEGER NOT NULL DEFAULT 100 CHECK (multiplier_pct BETWEEN 0 AND 10000)
);

CREATE TABLE earn_rules (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('category_multiplier', 'product_bonus')),
  category TEXT,
  product_id TEXT REFERENCES products(id),
  multiplier_pct INTEGER CHECK (multiplier_pct IS NULL OR multiplier_pct BETWEEN 0 AND 10000),
  bonus_points INTEGER CHECK (bonus_points IS NULL OR bonus_points BETWEEN 0 AND 1000000),
  starts_on TEXT,
  ends_on TEXT
);

-- The points ledger: append-only, one idempotency key per entry, balance derived by replay.
-- Credits (earn, restore, adjust > 0) are lots with their own pending day and last valid day.
CREATE TABLE points_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  store_id TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'expire', 'reverse', 'restore', 'adjust')),
  points INTEGER NOT NULL CHECK (points <> 0),
  idempotency_key TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  available_on TEXT,
  expires_on TEXT,
  lot_id INTEGER REFERENCES points_ledger(id),
  receipt_id TEXT,
  note TEXT
);
CREATE INDEX points_ledger_customer ON points_ledger(customer_id, id);
CREATE INDEX points_ledger_receipt ON points_ledger(receipt_id);
CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;
CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger BEGIN SELECT RAISE(ABORT, 'points_ledger is append-only'); END;

-- Campaigns group offers and promotions and carry the holdout share.
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  holdout_pct INTEGER NOT NULL CHECK (holdout_pct BETWEEN 0 AND 100),
  status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('draft', 'live', 'paused', 'ended')),
  created_at TEXT NOT NULL
);
ALTER TABLE offers ADD COLUMN campaign_id TEXT REFERENCES campaigns(id);

-- Assigned once and for all (stable hash); the first exposure day starts measurement.
CREATE TABLE campaign_assignments (
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  arm TEXT NOT NULL CHECK (arm IN ('treatment', 'control')),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, customer_id)
);

-- Lifecycle of a personal offer for one customer: issued → shown → clipped → redeemed | expired.
CREATE TABLE offer_instances (
  offer_id TEXT NOT NULL REFERENCES offers(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  campaign_id TEXT REFERENCES campaigns(id),
  state TEXT NOT NULL CHECK (state IN ('issued', 'shown', 'clipped', 'redeemed', 'expired')),
  issued_at TEXT NOT NULL,
  shown_at TEXT,
  clipped_at TEXT,
  redeemed_at TEXT,
  expired_at TEXT,
  receipt_id TEXT,
  discount_minor INTEGER NOT NULL DEFAULT 0,
  points INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (offer_id, customer_id)
);
CREATE INDEX offer_instances_campaign ON offer_instances(campaign_id, state);

-- Promotions: the typed definition (contracts/src/promotions.ts) as JSON, key columns beside it.
CREATE TABLE promotions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'paused', 'ended')),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  campaign_id TEXT REFERENCES campaigns(id),
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE promotion_uses (
  promotion_id TEXT NOT NULL REFERENCES promotions(id),
  receipt_id TEXT NOT NULL REFERENCES receipts(id),
  customer_id TEXT,
  discount_minor INTEGER NOT NULL,
  points INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL,
  PRIMARY KEY (promotion_id, receipt_id)
);
CREATE INDEX promotion_uses_customer ON promotion_uses(promotion_id, customer_id);

CREATE TABLE segment_members (
  segment TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  PRIMARY KEY (segment, customer_id)
);

-- A promotion granted to one customer (personal offer, claimed code, birthday), used once.
CREATE TABLE promotion_grants (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  promotion_id TEXT NOT NULL REFERENCES promotions(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  source TEXT NOT NULL,
  source_key TEXT NOT NULL UNIQUE,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  used_receipt_id TEXT
);
CREATE INDEX promotion_grants_customer ON promotion_grants(customer_id, used_receipt_id);

CREATE TABLE promo_codes (
  code TEXT PRIMARY KEY,
  promotion_id TEXT NOT NULL REFERENCES promotions(id),
  max_uses INTEGER CHECK (max_uses IS NULL OR max_uses >= 1),
  max_uses_per_customer INTEGER CHECK (max_uses_per_customer IS NULL OR max_uses_per_customer >= 1),
  created_at TEXT NOT NULL
);

CREATE TABLE code_redemptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL REFERENCES promo_codes(code),
  customer_id TEXT,
  receipt_id TEXT,
  device_id TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL
);
CREATE INDEX code_redemptions_code ON code_redemptions(code, customer_id);

-- Gift cards: the number only as HMAC + last 4; balance derived from their own ledger.
CREATE TABLE gift_cards (
  id TEXT PRIMARY KEY,
  code_hmac TEXT NOT NULL UNIQUE,
  last4 TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
  issued_at TEXT NOT NULL
);
CREATE TABLE gift_card_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  gift_card_id TEXT NOT NULL REFERENCES gift_cards(id),
  kind TEXT NOT NULL CHECK (kind IN ('issue', 'redeem', 'refund', 'adjust')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  idempotency_key TEXT NOT NULL UNIQUE,
  receipt_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX gift_card_ledger_card ON gift_card_ledger(gift_card_id);
CREATE TRIGGER gift_card_ledger_no_update BEFORE UPDATE ON gift_card_ledger BEGIN SELECT RAISE(ABORT, 'gift_card_ledger is append-only'); END;
CREATE TRIGGER gift_card_ledger_no_delete BEFORE DELETE ON gift_card_ledger BEGIN SELECT RAISE(ABORT, 'gift_card_ledger is append-only'); END;

CREATE TABLE referral_codes (
  code TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE REFERENCES customers(id)
);
CREATE TABLE referrals (
  referee_id TEXT PRIMARY KEY REFERENCES customers(id),
  referrer_id TEXT NOT NULL REFERENCES customers(id),
  claimed_at TEXT NOT NULL,
  rewarded_receipt_id TEXT
);
