import type { Database, Queryable } from '../../platform/db/database.js';

export interface EventInput {
  type: string;
  deviceId?: string | null;
  customerId?: string | null;
  sessionId?: string | null;
  payload?: Record<string, unknown>;
}

export class EventsRepository {
  constructor(private readonly db: Database, private readonly storeId: string) {}

  /** Appends events atomically (a scan writes several at once). */
  async append(events: EventInput[], at = new Date().toISOString()) {
    if (events.length === 0) return;
    // One multi-row INSERT: a scan's events cost the write queue one statement.
    await this.db.run(
      `INSERT INTO events (store_id, type, at, device_id, customer_id, session_id, payload) VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      events.flatMap((e) => [this.storeId, e.type, at, e.deviceId ?? null, e.customerId ?? null, e.sessionId ?? null, JSON.stringify(e.payload ?? {})]),
    );
  }

  /** A customer's events for a data export (type and time only). */
  eventsOf(customerId: string) {
    return this.db.all<{ type: string; at: string }>('SELECT type, at FROM events WHERE customer_id = ? ORDER BY id LIMIT 10000', [customerId]);
  }

  /** Erasure: the customer's events stay for counts but no longer name anyone. */
  async forgetCustomerIn(q: Queryable, customerId: string) {
    return (await q.run('UPDATE events SET customer_id = NULL WHERE customer_id = ?', [customerId])).changes;
  }

  countByType(type: string) {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE type = ?', [type]).then((r) => r?.n ?? 0);
  }
}
