import type { Database } from '../../platform/db/database.js';

export type StaffRole = 'admin' | 'marketer' | 'staff';
export interface StaffUserRow {
  id: string;
  username: string;
  password_hash: string;
  role: StaffRole;
  created_at: string;
}

export class AuthRepository {
  constructor(private readonly db: Database) {}

  userByName(username: string) {
    return this.db.get<StaffUserRow>('SELECT * FROM staff_users WHERE username = ?', [username]);
  }

  async insertUser(row: StaffUserRow) {
    await this.db.run('INSERT INTO staff_users (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)', [
      row.id, row.username, row.password_hash, row.role, row.created_at,
    ]);
  }

  async setPasswordHash(userId: string, passwordHash: string) {
    await this.db.run('UPDATE staff_users SET password_hash = ? WHERE id = ?', [passwordHash, userId]);
  }

  async insertSession(tokenHash: string, userId: string, expiresAt: string) {
    await this.db.run('INSERT INTO staff_sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)', [tokenHash, userId, expiresAt]);
  }

  sessionUser(tokenHash: string, now: string) {
    return this.db.get<StaffUserRow>(
      `SELECT u.* FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
      [tokenHash, now],
    );
  }

  async deleteSession(tokenHash: string) {
    await this.db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [tokenHash]);
  }
}
