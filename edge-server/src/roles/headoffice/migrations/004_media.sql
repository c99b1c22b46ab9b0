-- Head office's media library: the store's `media` table in its current shape (migration 011),
-- so head office reuses the media domain as it is (uploads checked by content with file-type,
-- sharp and DOMPurify; files content-addressed under DATA_DIR/media/lib/<sha256>.<ext>). A content
-- publication puts the files it names into the hub's `vitrina_media` object store.
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
