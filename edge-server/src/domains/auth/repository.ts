import type { Database, Queryable } from '../../platform/db/database.js';

export type StaffRole = 'admin' | 'marketer' | 'staff';
export interface StaffUserRow {
  id: string;
  username: string;
  password_hash: string;
  role: StaffRole;
  created_at: string;
  display_name: string;
  disabled: 0 | 1;
  must_change_password: 0 | 1;
  updated_at: string;
  password_changed_at: string;
}

/** "This row is an active admin and no other active admin exists": the last-admin rule, in SQL so it holds under concurrent edits. */
const LAST_ACTIVE_ADMIN = `role = 'admin' AND disabled = 0
  AND (SELECT COUNT(*) FROM staff_users WHERE role = 'admin' AND disabled = 0) <= 1`;

export class AuthRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  userByName(username: string) {
    return this.db.get<StaffUserRow>('SELECT * FROM staff_users WHERE username = ?', [username]);
  }

  /** Usernames are unique regardless of case ("Ann" and "ann" would be the same person at the till). */
  usernameTaken(username: string, q: Queryable = this.db) {
    return q.get<{ id: string }>('SELECT id FROM staff_users WHERE username = ? COLLATE NOCASE', [username]).then(Boolean);
  }

  userById(id: string, q: Queryable = this.db) {
    return q.get<StaffUserRow>('SELECT * FROM staff_users WHERE id = ?', [id]);
  }

  listUsers() {
    return this.db.all<StaffUserRow>('SELECT * FROM staff_users ORDER BY disabled, username COLLATE NOCASE');
  }

  async insertUser(row: StaffUserRow, q: Queryable = this.db) {
    await q.run(
      `INSERT INTO staff_users (id, username, password_hash, role, created_at, display_name, disabled, must_change_password, updated_at, password_changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.id, row.username, row.password_hash, row.role, row.created_at, row.display_name, row.disabled, row.must_change_password, row.updated_at, row.password_changed_at],
    );
  }

  /** Keeps must_change_password and password_changed_at: a rehash is the same password. */
  async setPasswordHash(userId: string, passwordHash: string) {
    await this.db.run('UPDATE staff_users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
  }

  async setPassword(userId: string, passwordHash: string, mustChange: boolean, at: string, q: Queryable = this.db) {
    await q.run('UPDATE staff_users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, updated_at = ? WHERE id = ?', [
      passwordHash, mustChange ? 1 : 0, at, at, userId,
    ]);
  }

  async setDisplayName(userId: string, displayName: string, at: string, q: Queryable) {
    await q.run('UPDATE staff_users SET display_name = ?, updated_at = ? WHERE id = ?', [displayName, at, userId]);
  }

  /** False when refused: the user is the last active admin and the new role is not admin. */
  async setRole(userId: string, role: StaffRole, at: string, q: Queryable): Promise<boolean> {
    const res = await q.run(`UPDATE staff_users SET role = ?, updated_at = ? WHERE id = ? AND (? = 'admin' OR NOT (${LAST_ACTIVE_ADMIN}))`, [role, at, userId, role]);
    return res.changes === 1;
  }

  /** False when refused: disabling the last active admin. */
  async setDisabled(userId: string, disabled: boolean, at: string, q: Queryable): Promise<boolean> {
    const res = await q.run(`UPDATE staff_users SET disabled = ?, updated_at = ? WHERE id = ? AND (? = 0 OR NOT (${LAST_ACTIVE_ADMIN}))`, [
      disabled ? 1 : 0, at, userId, disabled ? 1 : 0,
    ]);
    return res.changes === 1;
  }

  async insertSession(tokenHash: string, userId: string, expiresAt: string, at: string, q: Queryable = this.db) {
    await q.run('INSERT INTO staff_sessions (token_hash, user_id, expires_at, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [tokenHash, userId, expiresAt, at, at]);
  }

  /** The user of a live session: not past its absolute end, seen since `idleSince`, and the account enabled. */
  sessionUser(tokenHash: string, now: string, idleSince: string) {
    return this.db.get<StaffUserRow & { last_seen_at: string }>(
      `SELECT u.*, s.last_seen_at FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ? AND u.disabled = 0`,
      [tokenHash, now, idleSince],
    );
  }

  async touchSession(tokenHash: string, at: string) {
    await this.db.run('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?', [at, tokenHash]);
  }

  async deleteSession(tokenHash: string) {
    await this.db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [tokenHash]);
  }

  /** Every session of a user (disabled, password reset or changed). */
  async deleteSessionsOf(userId: string, q: Queryable = this.db) {
    await q.run('DELETE FROM staff_sessions WHERE user_id = ?', [userId]);
  }

  /** Housekeeping: sessions past either end. */
  async deleteDeadSessions(now: string, idleSince: string) {
    await this.db.run('DELETE FROM staff_sessions WHERE expires_at <= ? OR last_seen_at <= ?', [now, idleSince]);
  }
}
