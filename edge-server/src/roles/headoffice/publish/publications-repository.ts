import type { Publication, PublishTarget } from '@vitrina/contracts';
import type { Database } from '../../../platform/db/database.js';

interface Row {
  id: string; kind: string; entityId: string; version: number; target_json: string; store_ids_json: string; subjects_json: string;
  summary: string; publishedAt: string; publishedBy: string;
}

/** hq_publications: what head office sent down, one row per publication (its per-target messages listed). */
export class PublicationsRepository {
  constructor(private readonly db: Database) {}

  /** The version the next publication of this entity gets: one above the last published. */
  async nextVersion(kind: string, entityId: string): Promise<number> {
    const row = await this.db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM hq_publications WHERE kind = ? AND entity_id = ?', [kind, entityId]);
    return (row?.v ?? 0) + 1;
  }

  async insert(p: Publication, payload: unknown): Promise<void> {
    await this.db.run(
      `INSERT INTO hq_publications (id, kind, entity_id, version, target_json, store_ids_json, subjects_json, summary, payload_json, published_at, published_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [p.id, p.kind, p.entityId, p.version, JSON.stringify(p.target), JSON.stringify(p.storeIds), JSON.stringify(p.subjects), p.summary, JSON.stringify(payload), p.publishedAt, p.publishedBy],
    );
  }

  async latest(limit: number): Promise<Publication[]> {
    const rows = await this.db.all<Row>(
      `SELECT id, kind, entity_id AS entityId, version, target_json, store_ids_json, subjects_json, summary, published_at AS publishedAt, published_by AS publishedBy
         FROM hq_publications ORDER BY published_at DESC, id DESC LIMIT ?`,
      [limit],
    );
    return rows.map(({ target_json, store_ids_json, subjects_json, ...r }) => ({
      ...r, target: JSON.parse(target_json) as PublishTarget, storeIds: JSON.parse(store_ids_json) as string[], subjects: JSON.parse(subjects_json) as string[],
    }));
  }

  /** Each entity of a kind at its last version, with the payload it carried, newest first (the console edits from it). */
  async lastOfEach<T>(kind: string): Promise<Array<{ publication: Publication; payload: T }>> {
    const rows = await this.db.all<Row & { payload_json: string }>(
      `SELECT p.id, p.kind, p.entity_id AS entityId, p.version, p.target_json, p.store_ids_json, p.subjects_json, p.summary, p.payload_json,
              p.published_at AS publishedAt, p.published_by AS publishedBy
         FROM hq_publications p
        WHERE p.kind = ? AND p.version = (SELECT MAX(q.version) FROM hq_publications q WHERE q.kind = p.kind AND q.entity_id = p.entity_id)
        ORDER BY p.published_at DESC, p.id DESC`,
      [kind],
    );
    return rows.map(({ target_json, store_ids_json, subjects_json, payload_json, ...r }) => ({
      publication: { ...r, target: JSON.parse(target_json) as PublishTarget, storeIds: JSON.parse(store_ids_json) as string[], subjects: JSON.parse(subjects_json) as string[] },
      payload: JSON.parse(payload_json) as T,
    }));
  }

  /** The last published payload of one entity (the campaign a lift is measured for). */
  async lastPayload<T>(kind: string, entityId: string): Promise<{ payload: T; storeIds: string[] } | undefined> {
    const row = await this.db.get<{ payload_json: string; store_ids_json: string }>(
      'SELECT payload_json, store_ids_json FROM hq_publications WHERE kind = ? AND entity_id = ? ORDER BY version DESC LIMIT 1',
      [kind, entityId],
    );
    return row ? { payload: JSON.parse(row.payload_json) as T, storeIds: JSON.parse(row.store_ids_json) as string[] } : undefined;
  }
}
