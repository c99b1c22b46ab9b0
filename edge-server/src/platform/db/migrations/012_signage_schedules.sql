-- Signage layouts, per-zone schedules and the emergency override (domains/content).
-- A layout is a built-in template (full, main-side, main-ticker) with a playlist per region,
-- stored as JSON (the contract's RegionPlaylist[]). A zone's schedule names a default layout
-- (NULL: the zone's classic playlist from `playlists`, shown as a `full` layout) and entries
-- with dates, days, windows and a priority class, plus power/sleep windows, as JSON.
-- Nothing here is about a shopper.
CREATE TABLE signage_layouts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  template TEXT NOT NULL CHECK (template IN ('full', 'main-side', 'main-ticker')),
  regions TEXT NOT NULL,
  version TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE signage_schedules (
  zone_id TEXT PRIMARY KEY,
  default_layout_id TEXT REFERENCES signage_layouts (id),
  entries TEXT NOT NULL,
  power TEXT NOT NULL,
  version TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Which layouts each schedule plays (default and entries): what a layout delete and an edit's
-- republish look up. Rewritten with the schedule in one transaction.
CREATE TABLE signage_schedule_layouts (
  zone_id TEXT NOT NULL REFERENCES signage_schedules (zone_id) ON DELETE CASCADE,
  layout_id TEXT NOT NULL REFERENCES signage_layouts (id),
  PRIMARY KEY (zone_id, layout_id)
);
CREATE INDEX signage_schedule_layouts_layout ON signage_schedule_layouts (layout_id);

-- Emergency messages pushed from the console. zone_ids: JSON array, or NULL for the whole store.
-- Active while ended_at IS NULL; kept after revert as a record.
CREATE TABLE signage_emergencies (
  id TEXT PRIMARY KEY,
  zone_ids TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX signage_emergencies_active ON signage_emergencies (ended_at);
