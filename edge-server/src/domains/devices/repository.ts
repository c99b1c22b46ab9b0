import type { Database } from '../../platform/db/database.js';

export interface DeviceRow {
  id: string;
  kind: 'kiosk' | 'screen';
  name: string;
  zone_id: string;
  token_hash: string;
  status: 'active' | 'revoked';
  created_at: string;
  last_seen_at: string | null;
}

export class DevicesRepository {
  constructor(private readonly db: Database) {}

  listZones() {
    return this.db.all<{ id: string; name: string }>('SELECT id, name FROM zones ORDER BY id');
  }

  zone(id: string) {
    return this.db.get<{ id: string; name: string }>('SELECT id, name FROM zones WHERE id = ?', [id]);
  }

  async upsertZone(id: string, name: string) {
    await this.db.run('INSERT INTO zones (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name', [id, name]);
  }

  list() {
    return this.db.all<DeviceRow>('SELECT * FROM devices ORDER BY kind, name');
  }

  byId(id: string) {
    return this.db.get<DeviceRow>('SELECT * FROM devices WHERE id = ?', [id]);
  }

  byTokenHash(tokenHash: string) {
    return this.db.get<DeviceRow>('SELECT * FROM devices WHERE token_hash = ?', [tokenHash]);
  }

  async insert(row: DeviceRow) {
    await this.db.run(
      'INSERT INTO devices (id, kind, name, zone_id, token_hash, status, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [row.id, row.kind, row.name, row.zone_id, row.token_hash, row.status, row.created_at, row.last_seen_at],
    );
  }

  async setStatus(id: string, status: DeviceRow['status']) {
    const r = await this.db.run('UPDATE devices SET status = ? WHERE id = ?', [status, id]);
    return r.changes > 0;
  }

  async touch(id: string, at: string) {
    await this.db.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [at, id]);
  }
}
