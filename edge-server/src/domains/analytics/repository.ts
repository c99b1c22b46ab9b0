import type { Database, Queryable, SqlValue } from '../../platform/db/database.js';
import { WriteBatcher } from '../../platform/db/write-batcher.js';

export interface EventInput {
  type: string;
  deviceId?: string | null;
  customerId?: string | null;
  sessionId?: string | null;
  payload?: Record<string, unknown>;
}

/** A flush writes at most this many events in one statement (7 parameters each, far under SQLite's limit). */
const MAX_BATCH = 200;

export class EventsRepository {
  private readonly batch: WriteBatcher<SqlValue[]>;

  /**
   * `flushMs`: how long appended events may wait so that the events of several scans share one
   * write (one statement in the writer's queue instead of one per scan); 0: the end of the tick.
   */
  constructor(private readonly db: Database, private readonly storeId: string, flushMs = 50) {
    this.batch = new WriteBatcher((rows) => this.db.run(
      `INSERT INTO events (store_id, type, at, device_id, customer_id, session_id, payload) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    ), { maxRows: MAX_BATCH, delayMs: flushMs });
  }

  /**
   * Appends events atomically (a scan writes several at once). They are batched with other
   * appends (write-batcher.ts) and written in one statement; the promise settles when that
   * statement has committed.
   */
  append(events: EventInput[], at = new Date().toISOString()): Promise<void> {
    return this.batch.append(events.map((e): SqlValue[] => [this.storeId, e.type, at, e.deviceId ?? null, e.customerId ?? null, e.sessionId ?? null, JSON.stringify(e.payload ?? {})]));
  }

  /** Writes what waits now (graceful shutdown calls it before the database closes). */
  flush(): Promise<void> {
    return this.batch.flush();
  }

  /** A customer's events for a data export (type and time only). */
  eventsOf(customerId: string) {
    return this.db.all<{ type: string; at: string }>('SELECT type, at FROM events WHERE customer_id = ? ORDER BY id LIMIT 10000', [customerId]);
  }

  /** Erasure: the customer's events stay for counts but no longer name anyone. */
  async forgetCustomerIn(q: Queryable, customerId: string) {
    // Events still waiting for their flush must not name the person either.
    for (const row of this.batch.pendingRows()) if (row[4] === customerId) row[4] = null;
    return (await q.run('UPDATE events SET customer_id = NULL WHERE customer_id = ?', [customerId])).changes;
  }

  countByType(type: string) {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE type = ?', [type]).then((r) => r?.n ?? 0);
  }
}
