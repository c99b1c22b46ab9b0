/**
 * Probe `races`: the tills' and kiosks' concurrent writes against the real server process on
 * the demo store. Asserts: a single-use code claimed 50× at once is used exactly once; one
 * receipt posted 20× at once is stored once with one earn row; one refund posted twice (same id
 * and two other ids for the same goods, all at once) refunds once; 20 simultaneous point redemptions
 * never take a balance below zero and the balance equals what the ledger says.
 */
import { demoCardNumber } from '../src/usecases/demo-store/cards.js';
import { alive, api, login, report, startStore, withDb } from './harness.js';

const store = await startStore();
const admin = await login(store.url, store.demo.admin.username, store.demo.admin.password);
const post = (path: string, body: unknown) => api(store.url, 'POST', path, admin, body);
const [p1, p2] = await withDb(store.dataDir, (db) => db.all<{ id: string }>('SELECT id FROM products WHERE active = 1 AND restricted = 0 ORDER BY id LIMIT 2'));
const now = () => new Date().toISOString();
let n = 0;
const sale = (card: string, extra: Record<string, unknown> = {}) => ({
  kind: 'sale', receiptId: `attack-race-${++n}`, storeTime: now(), cardNumber: card,
  lines: [{ productId: p1!.id, quantity: 2, unitPriceMinor: 1999 }, { productId: p2!.id, quantity: 1, unitPriceMinor: 549 }], ...extra,
});
const count = (sql: string, args: string[] = []) => withDb(store.dataDir, async (db) => (await db.get<{ n: number }>(sql, args))!.n);

// 1. One single-use code, 50 claims at once (half tills with a receipt, half kiosks).
await post('/api/v1/promotions', {
  id: 'attack-once', name: '5 off', discount: { type: 'amount', value: 500 }, target: { scope: 'basket' }, audience: { type: 'grant' },
  conditions: { startsOn: '2020-01-01', endsOn: '2099-12-31' }, stacking: 'stackable', limits: {},
});
await post('/api/v1/codes', { promotionId: 'attack-once', codes: ['ATTACKONCE'], maxUses: 1 });
const claimers = await Promise.all(Array.from({ length: 50 }, (_, i) => post('/api/v1/receipts', sale(demoCardNumber(i))).then((r) => r.body.customerId as string)));
const claims = await Promise.all(claimers.map((customerId, i) => i % 2 === 0
  ? post('/api/v1/receipts', sale(demoCardNumber(i), { codes: ['attackonce'] }))
  : post('/api/v1/codes/ATTACKONCE/redeem', { customerId, idempotencyKey: `attack-claim-${i}` })));
const codeWins = claims.filter((r) => r.status === 200 && (r.body.promotions === undefined || r.body.promotions.some((p: { promotionId: string }) => p.promotionId === 'attack-once'))).length;
const codeRows = await count("SELECT COUNT(*) AS n FROM code_redemptions WHERE code = 'ATTACKONCE'");

// 2. The same receipt 20× at once.
const same = sale(demoCardNumber(100));
const dup = await Promise.all(Array.from({ length: 20 }, () => post('/api/v1/receipts', same)));
const dupReceipts = await count('SELECT COUNT(*) AS n FROM receipts WHERE id = ?', [same.receiptId]);
const dupEarnRows = await count("SELECT COUNT(*) AS n FROM points_ledger WHERE receipt_id = ? AND kind = 'earn'", [same.receiptId]);

// 3. A refund of the whole purchase: the same return twice, then two different returns.
const bought = sale(demoCardNumber(101));
await post('/api/v1/receipts', bought);
const refund = (id: string) => ({ kind: 'return', receiptId: id, storeTime: now(), originalReceiptId: bought.receiptId, lines: [{ originalLineNo: 1, quantity: -2 }, { originalLineNo: 2, quantity: -1 }] });
// All at once: return "a" twice (a till's retry) and returns "b" and "c" (two tills) for the same goods.
const otherRefunds = await Promise.all(['attack-refund-a', 'attack-refund-a', 'attack-refund-b', 'attack-refund-c'].map((id) => post('/api/v1/receipts', refund(id))));
const returnsStored = await count("SELECT COUNT(*) AS n FROM receipts WHERE kind = 'return' AND original_receipt_id = ?", [bought.receiptId]);
const refundedMinor = await count("SELECT COALESCE(-SUM(total_minor), 0) AS n FROM receipts WHERE kind = 'return' AND original_receipt_id = ?", [bought.receiptId]);
const boughtMinor = await count('SELECT total_minor AS n FROM receipts WHERE id = ?', [bought.receiptId]);

// 4. 20 redemptions at once, together worth more than the balance.
const shopper = (await post('/api/v1/receipts', sale(demoCardNumber(102)))).body.customerId as string;
await post(`/api/v1/loyalty/customers/${shopper}/adjust`, { points: 300, idempotencyKey: 'attack-credit-300', reason: 'attack suite' });
const before = (await api(store.url, 'GET', `/api/v1/loyalty/customers/${shopper}`, admin)).body.balance as number;
const each = Math.ceil(before / 5);
const redemptions = await Promise.all(Array.from({ length: 20 }, (_, i) => post(`/api/v1/loyalty/customers/${shopper}/redeem`, { points: each, idempotencyKey: `attack-redeem-${i}` })));
const redeemed = redemptions.filter((r) => r.status === 200).length;
const after = (await api(store.url, 'GET', `/api/v1/loyalty/customers/${shopper}`, admin)).body.balance as number;

const statuses = [...claims, ...dup, ...otherRefunds, ...redemptions].map((r) => r.status);
const fiveXx = statuses.filter((s) => s >= 500).length;
const survived = alive(store.server);
await store.close();

const ok = codeWins === 1 && codeRows === 1 && dup.every((r) => r.status === 200 || r.status === 409) && dupReceipts === 1 && dupEarnRows === 1
  && refundedMinor === boughtMinor && returnsStored === 1
  && after >= 0 && after === before - redeemed * each && fiveXx === 0 && survived;
report('races', ok, {
  single_use_code: { claims: 50, successes: codeWins, redemption_rows: codeRows },
  same_receipt_x20: { receipts: dupReceipts, earn_rows: dupEarnRows, statuses: [...new Set(dup.map((r) => r.status))] },
  refund: { bought_minor: boughtMinor, refunded_minor: refundedMinor, returns_posted: 4, returns_stored: returnsStored },
  redemptions_x20: { balance_before: before, points_each: each, accepted: redeemed, balance_after: after },
  responses_5xx: fiveXx, server_alive: survived,
});
