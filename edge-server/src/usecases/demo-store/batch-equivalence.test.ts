import { describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test-support/build.js';
import { seedDemoStoreIfEmpty } from './seed.js';

/** What posting history leaves behind: every receipt's result, the whole ledger, each member's tier. */
async function outcome(t: TestApp) {
  const { db, customers, loyalty } = t.services;
  const receipts = await db.all('SELECT id, customer_id, kind, store_time, total_minor, local_date, request_hash, result_json FROM receipts ORDER BY id');
  const lines = await db.all('SELECT * FROM receipt_lines ORDER BY receipt_id, line_no');
  const ledger = await db.all('SELECT id, customer_id, kind, points, idempotency_key, at, available_on, expires_on, lot_id, receipt_id, note FROM points_ledger ORDER BY id');
  const grants = await db.all('SELECT promotion_id, customer_id, source_key, valid_from, valid_to, used_receipt_id FROM promotion_grants ORDER BY id');
  const members = await customers.activeIds();
  const balances = await Promise.all(members.sort().map(async (id) => ({ id, ...(await loyalty.balance(id)) })));
  return { receipts, lines, ledger, grants, balances };
}

describe('demo history posted in batches', () => {
  it('leaves exactly the receipts, points and tiers that posting each receipt at the till leaves', async () => {
    const households = 25;
    const batch = await build();
    const oneByOne = await build();
    expect(await seedDemoStoreIfEmpty(batch.services, { households })).toBe(true);
    expect(await seedDemoStoreIfEmpty(oneByOne.services, { households, post: 'one-by-one' })).toBe(true);
    const [a, b] = await Promise.all([outcome(batch), outcome(oneByOne)]);
    // A real store's worth of history, not an empty comparison.
    expect(a.receipts.length).toBeGreaterThan(1000);
    expect(a.ledger.length).toBeGreaterThan(1000);
    expect(new Set(a.balances.map((m) => m.tier.id)).size).toBeGreaterThan(1);
    expect(a).toEqual(b);
  }, 300_000);
});
