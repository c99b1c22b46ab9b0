import type { Database, Queryable, SqlValue } from '../../platform/db/database.js';

export interface EventInput {
  type: string;
  deviceId?: string | null;
  customerId?: string | null;
  sessionId?: string | null;
  payload?: Record<string, unknown>;
}

/** Events waiting for the next flush, and who waits for their commit. */
interface PendingEvents {
  rows: SqlValue[][];
  settle: Array<{ resolve: () => void; reject: (err: unknown) => void }>;
}

/** A flush writes at most this many events in one statement (7 parameters each, far under SQLite's limit). */
const MAX_BATCH = 200;

export class EventsRepository {
  private pending: PendingEvents = { rows: [], settle: [] };
  private timer: NodeJS.Timeout | null = null;

  /**
   * `flushMs`: how long appended events may wait so that the events of several scans share one
   * write (one statement in the writer's queue instead of one per scan); 0 writes each append at once.
   */
  constructor(private readonly db: Database, private readonly storeId: string, private readonly flushMs = 50) {}

  /**
   * Appends events atomically (a scan writes several at once). They are batched with other
   * appends for up to `flushMs` (or until MAX_BATCH events wait) and written in one statement;
   * the promise settles when that statement has committed.
   */
  append(events: EventInput[], at = new Date().toISOString()): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const rows = events.map((e): SqlValue[] => [this.storeId, e.type, at, e.deviceId ?? null, e.customerId ?? null, e.sessionId ?? null, JSON.stringify(e.payload ?? {})]);
    const committed = new Promise<void>((resolve, reject) => {
      this.pending.rows.push(...rows);
      this.pending.settle.push({ resolve, reject });
    });
    if (this.flushMs === 0 || this.pending.rows.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs).unref();
    return committed;
  }

  /** Writes what waits now (graceful shutdown calls it before the database closes). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { rows, settle } = this.pending;
    if (rows.length === 0) return;
    this.pending = { rows: [], settle: [] };
    try {
      for (let i = 0; i < rows.length; i += MAX_BATCH) {
        const chunk = rows.slice(i, i + MAX_BATCH);
        await this.db.run(`INSERT INTO events (store_id, type, at, device_id, customer_id, session_id, payload) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`, chunk.flat());
      }
      for (const s of settle) s.resolve();
    } catch (err) {
      for (const s of settle) s.reject(err);
    }
  }

  /** A customer's events for a data export (type and time only). */
  eventsOf(customerId: string) {
    return this.db.all<{ type: string; at: string }>('SELECT type, at FROM events WHERE customer_id = ? ORDER BY id LIMIT 10000', [customerId]);
  }

  /** Erasure: the customer's events stay for counts but no longer name anyone. */
  async forgetCustomerIn(q: Queryable, customerId: string) {
    // Events still waiting for their flush must not name the person either.
    for (const row of this.pending.rows) if (row[4] === customerId) row[4] = null;
    return (await q.run('UPDATE events SET customer_id = NULL WHERE customer_id = ?', [customerId])).changes;
  }

  countByType(type: string) {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE type = ?', [type]).then((r) => r?.n ?? 0);
  }
}
