import type { Database } from '../../../platform/db/database.js';

export interface StoreRow {
  id: string;
  name: string;
  region: string;
  registeredAt: string;
  lastMessageAt: string | null;
  lastOccurredAt: string | null;
  lastDelayMs: number | null;
  messages: number;
  lastStreamSeq: number;
}

const COLUMNS = `id, name, region, registered_at AS registeredAt, last_message_at AS lastMessageAt, last_occurred_at AS lastOccurredAt,
  last_delay_ms AS lastDelayMs, messages, last_stream_seq AS lastStreamSeq`;

/** hq_stores: the chain's stores as staff registered them, with the ingest's last-message figures. */
export class StoresRepository {
  constructor(private readonly db: Database) {}

  /** Registers or renames/moves a store (its ingest figures stay). */
  async upsert(s: { id: string; name: string; region: string }, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO hq_stores (id, name, region, registered_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region`,
      [s.id, s.name, s.region, at],
    );
  }

  list(): Promise<StoreRow[]> {
    return this.db.all<StoreRow>(`SELECT ${COLUMNS} FROM hq_stores ORDER BY region, id`);
  }

  get(id: string): Promise<StoreRow | undefined> {
    return this.db.get<StoreRow>(`SELECT ${COLUMNS} FROM hq_stores WHERE id = ?`, [id]);
  }

  async idsIn(region: string): Promise<string[]> {
    return (await this.db.all<{ id: string }>('SELECT id FROM hq_stores WHERE region = ? ORDER BY id', [region])).map((r) => r.id);
  }
}
