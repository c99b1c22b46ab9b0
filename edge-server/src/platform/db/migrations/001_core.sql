-- Core tables of the scan path. Money in integer minor units, instants as UTC ISO-8601 text.

CREATE TABLE zones (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'screen')),
  name TEXT NOT NULL,
  zone_id TEXT NOT NULL REFERENCES zones(id),
  token_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at TEXT NOT NULL,
  last_seen_at TEXT
);

CREATE TABLE staff_users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'marketer', 'staff')),
  created_at TEXT NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL
);

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  first_name TEXT,
  birth_date TEXT,
  enrolled_at TEXT NOT NULL,
  consent_program INTEGER NOT NULL DEFAULT 1 CHECK (consent_program IN (0, 1)),
  consent_marketing INTEGER NOT NULL DEFAULT 0 CHECK (consent_marketing IN (0, 1)),
  consent_profiling INTEGER NOT NULL DEFAULT 0 CHECK (consent_profiling IN (0, 1)),
  consents_updated_at TEXT NOT NULL,
  -- Demo data: the Complete Journey household this customer was derived from.
  source_ref TEXT,
  erased_at TEXT
);

-- Card numbers and phones only as HMAC-SHA256 (per-install secret) plus last 4 digits.
CREATE TABLE cards (
  hmac TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ean13', 'pan', 'pattern', 'phone')),
  last4 TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
  created_at TEXT NOT NULL
);
CREATE INDEX cards_customer ON cards(customer_id);

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  category TEXT NOT NULL,
  brand TEXT,
  price_minor INTEGER CHECK (price_minor IS NULL OR price_minor >= 0),
  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1))
);

CREATE TABLE receipts (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  customer_id TEXT REFERENCES customers(id),
  kind TEXT NOT NULL DEFAULT 'sale' CHECK (kind IN ('sale', 'return')),
  original_receipt_id TEXT REFERENCES receipts(id),
  store_time TEXT NOT NULL,
  total_minor INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX receipts_customer_time ON receipts(customer_id, store_time);

CREATE TABLE receipt_lines (
  receipt_id TEXT NOT NULL REFERENCES receipts(id),
  line_no INTEGER NOT NULL,
  product_id TEXT NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL,
  unit_price_minor INTEGER NOT NULL,
  discount_minor INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (receipt_id, line_no)
);
CREATE INDEX receipt_lines_product ON receipt_lines(product_id);

-- Offers shown on kiosks and signage; campaigns, holdouts and lifecycle extend this later.
CREATE TABLE offers (
  id TEXT PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products(id),
  title TEXT NOT NULL,
  discount_kind TEXT NOT NULL CHECK (discount_kind IN ('percent', 'amount', 'points', 'price')),
  discount_value INTEGER NOT NULL CHECK (discount_value >= 0),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'live' CHECK (status IN ('draft', 'live', 'paused', 'ended')),
  source_ref TEXT
);
CREATE INDEX offers_product ON offers(product_id);

CREATE TABLE clipped_offers (
  customer_id TEXT NOT NULL REFERENCES customers(id),
  offer_id TEXT NOT NULL REFERENCES offers(id),
  clipped_at TEXT NOT NULL,
  PRIMARY KEY (customer_id, offer_id)
);

-- Append-only analytics events (scan, offer_shown, offer_clipped, takeover_sent, ...).
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  store_id TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  device_id TEXT,
  customer_id TEXT,
  session_id TEXT,
  payload TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_type_at ON events(type, at);

CREATE TABLE playlists (
  zone_id TEXT PRIMARY KEY REFERENCES zones(id),
  version TEXT NOT NULL,
  items TEXT NOT NULL
);
