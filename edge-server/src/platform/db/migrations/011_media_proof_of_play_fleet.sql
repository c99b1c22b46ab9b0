-- Issue 10: the media library (domains/media), proof of play (domains/proof-of-play) and the
-- fleet's device reports (domains/fleet). No table holds a shopper's data.

-- One row per stored file. The id is the file's sha256: the file lives content-addressed under
-- DATA_DIR/media/lib/<id>.<ext>, so the same file uploaded twice is one row and one file.
CREATE TABLE media (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('image', 'video')),
  mime TEXT NOT NULL,
  ext TEXT NOT NULL,
  name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  duration_ms INTEGER,
  has_thumbnail INTEGER NOT NULL DEFAULT 0,
  tags TEXT NOT NULL DEFAULT '[]',
  valid_from TEXT,
  valid_to TEXT,
  created_at TEXT NOT NULL
);

-- What screens actually played, as they reported it. The id is the device's UUID for the play,
-- so a batch delivered twice counts once. Item name, kind and media hash are copied in: history
-- outlives the media and playlists it names. `day` is the store-local day of started_at.
CREATE TABLE play_records (
  id TEXT PRIMARY KEY,
  device_id TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  item_name TEXT NOT NULL,
  item_kind TEXT NOT NULL,
  media_hash TEXT,
  layout_id TEXT,
  region_id TEXT,
  reason TEXT NOT NULL CHECK (reason IN ('scheduled', 'takeover', 'emergency', 'fallback')),
  takeover_id TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  day TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX play_records_day ON play_records (day, zone_id);

-- Takeovers the server pushed to a zone's screens ("sent"), to compare with those shown.
CREATE TABLE takeovers_sent (
  takeover_id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  day TEXT NOT NULL
);
CREATE INDEX takeovers_sent_day ON takeovers_sent (day, zone_id);

-- The last status report of each device (fleet) and its latest remote screenshot (a file under
-- DATA_DIR/fleet/screenshots/).
CREATE TABLE device_reports (
  device_id TEXT PRIMARY KEY,
  app_version TEXT,
  current_item TEXT,
  cache_state TEXT,
  uptime_ms INTEGER,
  error_count INTEGER,
  reported_at TEXT,
  screenshot_mime TEXT,
  screenshot_bytes INTEGER,
  screenshot_at TEXT
);
