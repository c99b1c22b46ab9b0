import type { Database, SqlValue } from '../../platform/db/database.js';
import { WriteBatcher } from '../../platform/db/write-batcher.js';

export interface PlayRow {
  id: string;
  device_id: string;
  zone_id: string;
  item_id: string;
  item_name: string;
  item_kind: string;
  media_hash: string | null;
  layout_id: string | null;
  region_id: string | null;
  reason: string;
  takeover_id: string | null;
  started_at: string;
  ended_at: string;
  duration_ms: number;
  day: string;
  received_at: string;
}

export interface ReportFilter {
  from: string;
  to: string;
  zoneId: string | null;
}

/** `play_records` and `takeovers_sent`. */
export class ProofOfPlayRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts the rows in one transaction; a row whose id is already stored is skipped. Returns how
   * many were new. In the bulk lane: screens' play logs never hold back a till or a scan.
   */
  insertBatch(rows: readonly PlayRow[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      let inserted = 0;
      for (const r of rows) {
        const { changes } = await tx.run(
          `INSERT INTO play_records (id, device_id, zone_id, item_id, item_name, item_kind, media_hash, layout_id, region_id, reason, takeover_id, started_at, ended_at, duration_ms, day, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
          [r.id, r.device_id, r.zone_id, r.item_id, r.item_name, r.item_kind, r.media_hash, r.layout_id, r.region_id, r.reason, r.takeover_id, r.started_at, r.ended_at, r.duration_ms, r.day, r.received_at],
        );
        inserted += changes;
      }
      return inserted;
    }, { priority: 'bulk' });
  }

  /** Resolves once committed; the takeovers of concurrent scans share one write (write-batcher.ts). */
  takeoverSent(takeoverId: string, zoneId: string, sentAt: string, day: string): Promise<void> {
    return this.takeovers.append([[takeoverId, zoneId, sentAt, day]]);
  }

  private readonly takeovers = new WriteBatcher<SqlValue[]>((rows) => this.db.run(
    `INSERT INTO takeovers_sent (takeover_id, zone_id, sent_at, day) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT(takeover_id) DO NOTHING`,
    rows.flat(),
  ), { maxRows: 200 });

  private where(f: ReportFilter): { sql: string; params: string[] } {
    return f.zoneId === null
      ? { sql: 'day BETWEEN ? AND ?', params: [f.from, f.to] }
      : { sql: 'day BETWEEN ? AND ? AND zone_id = ?', params: [f.from, f.to, f.zoneId] };
  }

  /** Plays and milliseconds on screen per day × zone × item (the finest grain; the report sums it up). */
  playsByDayZoneItem(f: ReportFilter) {
    const w = this.where(f);
    return this.db.all<{ day: string; zone_id: string; item_id: string; item_kind: string; item_name: string; plays: number; ms: number }>(
      `SELECT day, zone_id, item_id, item_kind, MAX(item_name) AS item_name, COUNT(*) AS plays, SUM(duration_ms) AS ms
       FROM play_records WHERE ${w.sql} GROUP BY day, zone_id, item_id, item_kind ORDER BY day, zone_id, item_id`,
      w.params,
    );
  }

  /** Takeovers sent and (distinctly) shown per day × zone. */
  takeoversByDayZone(f: ReportFilter) {
    const w = this.where(f);
    return this.db.all<{ day: string; zone_id: string; sent: number; shown: number }>(
      `SELECT day, zone_id, SUM(sent) AS sent, SUM(shown) AS shown FROM (
         SELECT day, zone_id, COUNT(*) AS sent, 0 AS shown FROM takeovers_sent WHERE ${w.sql} GROUP BY day, zone_id
         UNION ALL
         SELECT day, zone_id, 0 AS sent, COUNT(DISTINCT takeover_id) AS shown FROM play_records
         WHERE ${w.sql} AND reason = 'takeover' AND takeover_id IS NOT NULL GROUP BY day, zone_id
       ) GROUP BY day, zone_id ORDER BY day, zone_id`,
      [...w.params, ...w.params],
    );
  }

  count(): Promise<number> {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM play_records').then((r) => r?.n ?? 0);
  }
}
