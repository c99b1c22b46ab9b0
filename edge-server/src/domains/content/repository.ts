import type { Database, Queryable } from '../../platform/db/database.js';

export interface LayoutRow { id: string; name: string; template: string; regions: string; version: string; updated_at: string }
export interface ScheduleRow { zone_id: string; default_layout_id: string | null; entries: string; power: string; version: string; updated_at: string }
export interface EmergencyRow { id: string; zone_ids: string | null; title: string; body: string; started_at: string; ended_at: string | null }

export class ContentRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  // ——— classic playlists (one per zone) ———

  playlist(zoneId: string) {
    return this.db.get<{ zone_id: string; version: string; items: string }>('SELECT * FROM playlists WHERE zone_id = ?', [zoneId]);
  }

  async save(zoneId: string, version: string, itemsJson: string) {
    await this.db.run(
      'INSERT INTO playlists (zone_id, version, items) VALUES (?, ?, ?) ON CONFLICT(zone_id) DO UPDATE SET version = excluded.version, items = excluded.items',
      [zoneId, version, itemsJson],
    );
  }

  // ——— layouts ———

  layouts(q: Queryable = this.db) {
    return q.all<LayoutRow>('SELECT * FROM signage_layouts ORDER BY name, id');
  }

  layout(id: string, q: Queryable = this.db) {
    return q.get<LayoutRow>('SELECT * FROM signage_layouts WHERE id = ?', [id]);
  }

  layoutsByIds(ids: readonly string[], q: Queryable = this.db) {
    if (ids.length === 0) return Promise.resolve([]);
    return q.all<LayoutRow>(`SELECT * FROM signage_layouts WHERE id IN (${ids.map(() => '?').join(',')})`, [...ids]);
  }

  async upsertLayout(q: Queryable, row: LayoutRow) {
    await q.run(
      `INSERT INTO signage_layouts (id, name, template, regions, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, template = excluded.template, regions = excluded.regions, version = excluded.version, updated_at = excluded.updated_at`,
      [row.id, row.name, row.template, row.regions, row.version, row.updated_at],
    );
  }

  async deleteLayout(q: Queryable, id: string) {
    return (await q.run('DELETE FROM signage_layouts WHERE id = ?', [id])).changes > 0;
  }

  // ——— schedules ———

  schedule(zoneId: string, q: Queryable = this.db) {
    return q.get<ScheduleRow>('SELECT * FROM signage_schedules WHERE zone_id = ?', [zoneId]);
  }

  schedules(q: Queryable = this.db) {
    return q.all<ScheduleRow>('SELECT * FROM signage_schedules ORDER BY zone_id');
  }

  /** Zones whose schedule plays the layout (as default or in an entry). */
  async zonesPlaying(layoutId: string, q: Queryable = this.db) {
    return (await q.all<{ zone_id: string }>('SELECT zone_id FROM signage_schedule_layouts WHERE layout_id = ? ORDER BY zone_id', [layoutId])).map((r) => r.zone_id);
  }

  async saveSchedule(q: Queryable, row: ScheduleRow, layoutIds: readonly string[]) {
    await q.run(
      `INSERT INTO signage_schedules (zone_id, default_layout_id, entries, power, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(zone_id) DO UPDATE SET default_layout_id = excluded.default_layout_id, entries = excluded.entries, power = excluded.power,
         version = excluded.version, updated_at = excluded.updated_at`,
      [row.zone_id, row.default_layout_id, row.entries, row.power, row.version, row.updated_at],
    );
    await q.run('DELETE FROM signage_schedule_layouts WHERE zone_id = ?', [row.zone_id]);
    for (const id of new Set(layoutIds)) await q.run('INSERT INTO signage_schedule_layouts (zone_id, layout_id) VALUES (?, ?)', [row.zone_id, id]);
  }

  // ——— emergencies ———

  activeEmergencies(q: Queryable = this.db) {
    return q.all<EmergencyRow>('SELECT * FROM signage_emergencies WHERE ended_at IS NULL ORDER BY started_at, id');
  }

  recentEmergencies(limit: number, q: Queryable = this.db) {
    return q.all<EmergencyRow>('SELECT * FROM signage_emergencies ORDER BY started_at DESC, id DESC LIMIT ?', [limit]);
  }

  emergency(id: string, q: Queryable = this.db) {
    return q.get<EmergencyRow>('SELECT * FROM signage_emergencies WHERE id = ?', [id]);
  }

  async insertEmergency(q: Queryable, row: EmergencyRow) {
    await q.run('INSERT INTO signage_emergencies (id, zone_ids, title, body, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?)',
      [row.id, row.zone_ids, row.title, row.body, row.started_at, row.ended_at]);
  }

  async endEmergency(q: Queryable, id: string, at: string) {
    return (await q.run('UPDATE signage_emergencies SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [at, id])).changes > 0;
  }
}
