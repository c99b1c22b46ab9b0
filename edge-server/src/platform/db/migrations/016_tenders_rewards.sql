-- Issue 15 (loyalty depth): gift cards as a till tender, and the rewards catalogue.

-- A gift card's last day (store-local YYYY-MM-DD, inclusive); NULL = no expiry.
ALTER TABLE gift_cards ADD COLUMN expires_on TEXT CHECK (expires_on IS NULL OR expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

CREATE INDEX gift_card_ledger_receipt ON gift_card_ledger(receipt_id) WHERE receipt_id IS NOT NULL;

-- Items members buy with points: a product handed over, a voucher (a promotion granted), a service.
CREATE TABLE rewards (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('product', 'voucher', 'service')),
  name TEXT NOT NULL,
  points_price INTEGER NOT NULL CHECK (points_price > 0),
  -- Units left; NULL = unlimited. Never below zero.
  stock INTEGER CHECK (stock IS NULL OR stock >= 0),
  per_member_limit INTEGER CHECK (per_member_limit IS NULL OR per_member_limit > 0),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  product_id TEXT,
  promotion_id TEXT,
  voucher_valid_days INTEGER,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  created_at TEXT NOT NULL,
  CHECK (starts_on <= ends_on),
  CHECK (kind <> 'voucher' OR (promotion_id IS NOT NULL AND voucher_valid_days IS NOT NULL)),
  CHECK (kind <> 'product' OR product_id IS NOT NULL)
);

-- One row per redemption; a reversal flips its status (points come back through the points ledger).
-- Holds a shopper's data: exported and erased in usecases/data-requests.
CREATE TABLE reward_redemptions (
  id TEXT PRIMARY KEY,
  reward_id TEXT NOT NULL REFERENCES rewards(id),
  customer_id TEXT NOT NULL,
  points INTEGER NOT NULL CHECK (points > 0),
  idempotency_key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'till')),
  at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'redeemed' CHECK (status IN ('redeemed', 'reversed')),
  reversed_at TEXT,
  reverse_reason TEXT,
  voucher_promotion_id TEXT,
  voucher_valid_to TEXT
);
CREATE INDEX reward_redemptions_member ON reward_redemptions(customer_id, reward_id);
CREATE INDEX reward_redemptions_reward ON reward_redemptions(reward_id, status);
