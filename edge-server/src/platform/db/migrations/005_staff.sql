-- Staff accounts managed from the console (issue 8): names, disabling, temporary passwords,
-- idle session expiry, and the audit log of staff writes.

ALTER TABLE staff_users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
-- Set by an admin's create or reset: until the user picks their own password, only
-- me / logout / change password answer.
ALTER TABLE staff_users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE staff_users ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_users ADD COLUMN password_changed_at TEXT NOT NULL DEFAULT '';
UPDATE staff_users SET updated_at = created_at, password_changed_at = created_at;

-- Sessions end at expires_at (absolute) or after a quiet spell since last_seen_at (idle).
ALTER TABLE staff_sessions ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_sessions ADD COLUMN last_seen_at TEXT NOT NULL DEFAULT '';
UPDATE staff_sessions SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- One row per staff write through the API (domains/audit). No foreign key to staff_users:
-- the log keeps the username as it was, and outlives any change to the account.
-- summary is short text with secrets and shoppers' contact data left out (domains/audit/summary.ts).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  -- The store-local day of `at` (the console filters by the store's days).
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
