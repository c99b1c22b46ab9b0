-- Head office staff: the auth domain's tables in their current shape (store migrations 001 and
-- 005), so the same auth domain signs head-office staff in. The audit log keeps HQ's writes.
CREATE TABLE staff_users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'marketer', 'staff')),
  created_at TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT '',
  password_changed_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT '',
  last_seen_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  user_id TEXT NOT NULL,
  username TEXT NOT NULL,
  method TEXT NOT NULL,
  route_id TEXT NOT NULL,
  area TEXT NOT NULL,
  path TEXT NOT NULL,
  target_id TEXT,
  status INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_day ON audit_log (day, id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
CREATE INDEX audit_log_area ON audit_log (area, id);
