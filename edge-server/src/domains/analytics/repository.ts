import type { Database } from '../../platform/db/database.js';

export interface EventInput {
  type: string;
  deviceId?: string | null;
  customerId?: string | null;
  sessionId?: string | null;
  payload?: Record<string, unknown>;
}

export class EventsRepository {
  constructor(private readonly db: Database, private readonly storeId: string) {}

  /** Appends events in one transaction (a scan writes several at once). */
  async append(events: EventInput[], at = new Date().toISOString()) {
    if (events.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const e of events) {
        await tx.run('INSERT INTO events (store_id, type, at, device_id, customer_id, session_id, payload) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          this.storeId, e.type, at, e.deviceId ?? null, e.customerId ?? null, e.sessionId ?? null, JSON.stringify(e.payload ?? {}),
        ]);
      }
    });
  }

  countByType(type: string) {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE type = ?', [type]).then((r) => r?.n ?? 0);
  }
}
