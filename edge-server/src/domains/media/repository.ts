import type { Database } from '../../platform/db/database.js';

export interface MediaRow {
  id: string;
  kind: 'image' | 'video';
  mime: string;
  ext: string;
  name: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  has_thumbnail: number;
  tags: string;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}

/** `media`: one row per stored file, keyed by the file's sha256. */
export class MediaRepository {
  constructor(private readonly db: Database) {}

  get(id: string): Promise<MediaRow | undefined> {
    return this.db.get<MediaRow>('SELECT * FROM media WHERE id = ?', [id]);
  }

  list(kind: string | null): Promise<MediaRow[]> {
    return kind === null
      ? this.db.all<MediaRow>('SELECT * FROM media ORDER BY created_at DESC, id')
      : this.db.all<MediaRow>('SELECT * FROM media WHERE kind = ? ORDER BY created_at DESC, id', [kind]);
  }

  /** Inserts the row unless the same file is already stored; true when it was new. */
  async insert(r: MediaRow): Promise<boolean> {
    const { changes } = await this.db.run(
      `INSERT INTO media (id, kind, mime, ext, name, bytes, width, height, duration_ms, has_thumbnail, tags, valid_from, valid_to, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      [r.id, r.kind, r.mime, r.ext, r.name, r.bytes, r.width, r.height, r.duration_ms, r.has_thumbnail, r.tags, r.valid_from, r.valid_to, r.created_at],
    );
    return changes === 1;
  }

  async update(id: string, r: Pick<MediaRow, 'name' | 'tags' | 'valid_from' | 'valid_to'>): Promise<void> {
    await this.db.run('UPDATE media SET name = ?, tags = ?, valid_from = ?, valid_to = ? WHERE id = ?', [r.name, r.tags, r.valid_from, r.valid_to, id]);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM media WHERE id = ?', [id])).changes === 1;
  }
}
