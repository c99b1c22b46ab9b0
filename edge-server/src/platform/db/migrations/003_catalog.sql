-- Catalogue (issue 8, "bring your own store"): the group tree, barcodes, prices per price type
-- and price history, the fields a 1C CommerceML or CSV import brings, placeholders for products
-- the till sold before the catalogue knew them, and staging tables so a failed import file
-- leaves the catalogue as it was. Money in integer minor units, instants UTC ISO-8601.

-- The group tree (1C Классификатор/Группы, CSV group paths). department/category on products
-- stay: top-level group → department, leaf group → category (pricing, offers, reports read them).
CREATE TABLE product_groups (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES product_groups(id),
  name TEXT NOT NULL
);
CREATE INDEX product_groups_parent ON product_groups(parent_id);

ALTER TABLE products ADD COLUMN article TEXT;
ALTER TABLE products ADD COLUMN short_name TEXT;
ALTER TABLE products ADD COLUMN group_id TEXT REFERENCES product_groups(id);
ALTER TABLE products ADD COLUMN unit TEXT;
-- VAT as written by the source, normalized: '20', '10', '0', 'none'.
ALTER TABLE products ADD COLUMN vat_rate TEXT;
ALTER TABLE products ADD COLUMN image TEXT;
ALTER TABLE products ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
-- Which restricted kind the source names (alcohol, tobacco, …); `restricted` stays the flag everyone reads.
ALTER TABLE products ADD COLUMN restricted_kind TEXT;
-- Alcohol the source marks for EGAIS (the Russian alcohol tracking system).
ALTER TABLE products ADD COLUMN egais INTEGER NOT NULL DEFAULT 0 CHECK (egais IN (0, 1));
-- A placeholder the till or a receipts import created for an id the catalogue did not know.
ALTER TABLE products ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1));
-- Where the row came from: 'seed', 'manual', '1c', 'csv', 'placeholder'.
ALTER TABLE products ADD COLUMN source TEXT;
-- The source's own id when it is not a usable product id (1C Ид, ИдТовара#ИдХарактеристики).
ALTER TABLE products ADD COLUMN external_ref TEXT;
ALTER TABLE products ADD COLUMN stock_quantity REAL;
ALTER TABLE products ADD COLUMN updated_at TEXT;
CREATE INDEX products_name ON products(name COLLATE NOCASE);
CREATE INDEX products_article ON products(article);
CREATE INDEX products_review ON products(needs_review) WHERE needs_review = 1;
CREATE INDEX products_group ON products(group_id);

-- Several barcodes per product (EAN-13, EAN-8, UPC-A, ITF-14).
CREATE TABLE product_barcodes (
  product_id TEXT NOT NULL REFERENCES products(id),
  barcode TEXT NOT NULL,
  PRIMARY KEY (product_id, barcode)
) WITHOUT ROWID;
CREATE INDEX product_barcodes_code ON product_barcodes(barcode);

-- 1C ТипыЦен; the retail one sets products.price_minor.
CREATE TABLE price_types (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  currency TEXT
);
CREATE TABLE product_prices (
  product_id TEXT NOT NULL REFERENCES products(id),
  price_type_id TEXT NOT NULL REFERENCES price_types(id),
  price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
  currency TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (product_id, price_type_id)
) WITHOUT ROWID;
-- Every change of a product's shelf price (products.price_minor), newest last.
CREATE TABLE product_price_history (
  id INTEGER PRIMARY KEY,
  product_id TEXT NOT NULL REFERENCES products(id),
  price_minor INTEGER CHECK (price_minor IS NULL OR price_minor >= 0),
  changed_at TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE INDEX product_price_history_product ON product_price_history(product_id, id);

-- Staging: an import file is parsed into these rows in small transactions (scans keep being
-- served), then applied to the catalogue in one transaction; a file that fails is deleted from
-- here and never touches the catalogue.
CREATE TABLE catalog_staged_products (
  import_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  external_ref TEXT,
  name TEXT NOT NULL,
  short_name TEXT,
  article TEXT,
  brand TEXT,
  group_id TEXT,
  department TEXT,
  category TEXT,
  unit TEXT,
  vat_rate TEXT,
  image TEXT,
  barcodes TEXT,
  price_minor INTEGER,
  active INTEGER NOT NULL,
  restricted INTEGER NOT NULL,
  restricted_kind TEXT,
  egais INTEGER,
  PRIMARY KEY (import_id, product_id)
) WITHOUT ROWID;
CREATE TABLE catalog_staged_prices (
  import_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  ref TEXT NOT NULL,
  product_id TEXT NOT NULL,
  parent_id TEXT,
  variant_name TEXT,
  variant_suffix TEXT,
  price_type_id TEXT,
  price_minor INTEGER,
  currency TEXT,
  quantity REAL,
  PRIMARY KEY (import_id, seq)
) WITHOUT ROWID;
