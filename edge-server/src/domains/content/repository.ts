import type { Database } from '../../platform/db/database.js';

export class ContentRepository {
  constructor(private readonly db: Database) {}

  playlist(zoneId: string) {
    return this.db.get<{ zone_id: string; version: string; items: string }>('SELECT * FROM playlists WHERE zone_id = ?', [zoneId]);
  }

  async save(zoneId: string, version: string, itemsJson: string) {
    await this.db.run(
      'INSERT INTO playlists (zone_id, version, items) VALUES (?, ?, ?) ON CONFLICT(zone_id) DO UPDATE SET version = excluded.version, items = excluded.items',
      [zoneId, version, itemsJson],
    );
  }
}
