import { describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { openStoreDatabase } from '../../platform/db/open.js';
import { ReportsRepository } from './reports-repository.js';

/** Runs a repository call against a recorder, then asks SQLite for the plan of the SQL it sent. */
async function planOf(call: (repo: ReportsRepository) => Promise<unknown>): Promise<string> {
  const db = await openStoreDatabase(':memory:');
  let sent: { sql: string; params: unknown } | undefined;
  const recorder = { all: async (sql: string, params: unknown) => { sent = { sql, params }; return []; }, get: async () => undefined } as unknown as Database;
  await call(new ReportsRepository(recorder));
  const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sent!.sql}`, sent!.params as never);
  await db.close();
  return rows.map((r) => r.detail).join('\n');
}

describe('report queries use the indexes of migration 017', () => {
  it('series reads receipts from the covering (day, id, kind, customer, total) index', async () => {
    const plan = await planOf((r) => r.receiptBuckets('2026-06-01', '2026-06-30', 'day'));
    expect(plan).toMatch(/USING COVERING INDEX receipts_date_id/);
  });

  it('the line export pages receipts by (day, id) without a sort of its own', async () => {
    const plan = await planOf((r) => r.linesPage('2026-06-01', '2026-06-30', '2026-06-02', 'r-9', 500));
    expect(plan).toMatch(/receipts USING COVERING INDEX receipts_date_id/);
    expect(plan).toMatch(/SEARCH receipts USING COVERING INDEX receipts_date_id \(local_date>\? AND local_date<\?\)/);
  });

  it('points per hour read the ledger by kind and instant', async () => {
    const plan = await planOf((r) => r.pointsByHour('2026-06-01T00', '2026-07-01T00'));
    expect(plan).toMatch(/USING COVERING INDEX points_ledger_kind_at/);
  });

  it('the code export reads one promotion\'s codes in code order', async () => {
    const plan = await planOf((r) => r.codesPage('promo-x', '', 100));
    expect(plan).toMatch(/SEARCH c USING (COVERING )?INDEX promo_codes_promotion \(promotion_id=\? AND code>\?\)/);
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
