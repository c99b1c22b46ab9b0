import type { Database } from '../../platform/db/database.js';
import { WriteBatcher } from '../../platform/db/write-batcher.js';

export interface AuditRow {
  id: number;
  at: string;
  /** Store-local YYYY-MM-DD of `at`. */
  day: string;
  user_id: string;
  username: string;
  method: string;
  route_id: string;
  area: string;
  path: string;
  target_id: string | null;
  status: number;
  summary: string;
}

export interface AuditFilter {
  userId?: string;
  /** An area (`staff`) or a route id (`staff.update`). */
  area?: string;
  /** Inclusive ISO instants. */
  from?: string;
  to?: string;
  /** Inclusive store-local days. */
  fromDay?: string;
  toDay?: string;
}

function where(f: AuditFilter): { sql: string; params: string[] } {
  const clauses: Array<[string, string]> = [];
  if (f.userId) clauses.push(['user_id = ?', f.userId]);
  if (f.area) clauses.push([f.area.includes('.') ? 'route_id = ?' : 'area = ?', f.area]);
  if (f.from) clauses.push(['at >= ?', f.from]);
  if (f.to) clauses.push(['at <= ?', f.to]);
  if (f.fromDay) clauses.push(['day >= ?', f.fromDay]);
  if (f.toDay) clauses.push(['day <= ?', f.toDay]);
  return { sql: clauses.length ? clauses.map(([c]) => c).join(' AND ') : '1', params: clauses.map(([, p]) => p) };
}

/** The audit_log table: append-only (no update or delete here). */
export class AuditRepository {
  /** Audit rows of concurrent requests share one write (write-batcher.ts); each request still awaits its own. */
  private readonly batch: WriteBatcher<Omit<AuditRow, 'id'>>;

  constructor(private readonly db: Database) {
    this.batch = new WriteBatcher((rows) => this.db.run(
      `INSERT INTO audit_log (at, day, user_id, username, method, route_id, area, path, target_id, status, summary) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((r) => [r.at, r.day, r.user_id, r.username, r.method, r.route_id, r.area, r.path, r.target_id, r.status, r.summary]),
    ), { maxRows: 80 });
  }

  /** Resolves once the row is committed. */
  insert(row: Omit<AuditRow, 'id'>): Promise<void> {
    return this.batch.append([row]);
  }

  /** Newest first, `limit` rows with an id below `before`. */
  page(filter: AuditFilter, limit: number, before?: number) {
    const w = where(filter);
    const cursor = before === undefined ? '' : ' AND id < ?';
    return this.db.all<AuditRow>(`SELECT * FROM audit_log WHERE ${w.sql}${cursor} ORDER BY id DESC LIMIT ?`, [
      ...w.params, ...(before === undefined ? [] : [before]), limit,
    ]);
  }

  /** Oldest first, `limit` rows with an id above `after`: the CSV export walks the log in these batches. */
  batchAfter(filter: AuditFilter, after: number, limit: number) {
    const w = where(filter);
    return this.db.all<AuditRow>(`SELECT * FROM audit_log WHERE ${w.sql} AND id > ? ORDER BY id LIMIT ?`, [...w.params, after, limit]);
  }
}
