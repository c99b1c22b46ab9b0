import { describe, expect, it } from 'vitest';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

/** CSV text → rows of cells (the exports write no quoted commas in these fixtures). */
const rowsOf = (text: string) => text.trimEnd().split('\r\n').map((l) => l.split(','));

async function store() {
  const t = await build({ STORE_TIME_ZONE: 'America/New_York' });
  const { cards, customers } = await seedLoyaltyStore(t.services, 6);
  // Enrolments: three members on 1 June, one late on 10 June New York time (03:00 UTC on the 11th), two in July.
  await t.services.db.run("UPDATE customers SET enrolled_at = '2026-06-01T12:00:00.000Z' WHERE id IN ('cust-1', 'cust-2', 'cust-3')");
  await t.services.db.run("UPDATE customers SET enrolled_at = '2026-06-11T03:00:00.000Z' WHERE id = 'cust-4'");
  await t.services.db.run("UPDATE customers SET enrolled_at = '2026-07-01T12:00:00.000Z' WHERE id IN ('cust-5', 'cust-6')");
  const headers = await t.staffHeaders('marketer');
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers });
  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers, payload });
  // 10 June (New York): a member buys coffee; another buys milk at 22:00 local (02:00 UTC on the 11th).
  expect((await post(sale(cards[0], [['p-coffee', 1, 1000]], { storeTime: '2026-06-10T15:00:00.000Z' }))).statusCode).toBe(200);
  expect((await post(sale(cards[1], [['p-milk', 2, 349]], { storeTime: '2026-06-11T02:00:00.000Z' }))).statusCode).toBe(200);
  // 11 June: an anonymous sale with a till discount.
  expect((await post(sale(undefined, [['p-bread', 1, 450, 50]], { storeTime: '2026-06-11T15:00:00.000Z' }))).statusCode).toBe(200);
  return { t, get, customers };
}

describe('GET /api/v1/analytics/series', () => {
  it('counts members, activity and sales per store day, week and month in the store time zone', async () => {
    const { get } = await store();
    const day = (await get('/api/v1/analytics/series?from=2026-06-09&to=2026-06-12&bucket=day')).json();
    expect(day.points.map((p: { start: string }) => p.start)).toEqual(['2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12']);
    expect(day.points[0]).toMatchObject({ members: 3, activeMembers: 0, receipts: 0, salesMinor: 0, averageReceiptMinor: null, frequency: null });
    expect(day.points[1]).toMatchObject({ members: 4, activeMembers: 2, receipts: 2, salesMinor: 1698, averageReceiptMinor: 849, frequency: 1 });
    expect(day.points[2]).toMatchObject({ members: 4, activeMembers: 0, receipts: 1, salesMinor: 400, averageReceiptMinor: 400, frequency: null });
    // Points were earned on the member sales' store day only.
    expect(day.points[1].pointsIssued).toBeGreaterThan(0);
    expect(day.points[2].pointsIssued).toBe(0);

    const week = (await get('/api/v1/analytics/series?from=2026-06-09&to=2026-06-12&bucket=week')).json();
    expect(week.points).toHaveLength(1);
    expect(week.points[0]).toMatchObject({ start: '2026-06-08', members: 4, activeMembers: 2, receipts: 3, salesMinor: 2098, averageReceiptMinor: 699 });

    const month = (await get('/api/v1/analytics/series?from=2026-06-01&to=2026-07-31&bucket=month')).json();
    expect(month.points.map((p: { start: string; members: number }) => [p.start, p.members])).toEqual([['2026-06-01', 4], ['2026-07-01', 6]]);
  });

  it('refuses a bad period with a coded error, for the JSON and the CSV alike', async () => {
    const { get } = await store();
    for (const url of [
      '/api/v1/analytics/series?from=2026-06-12&to=2026-06-01',
      '/api/v1/analytics/series?from=2026-02-30&to=2026-03-01',
      '/api/v1/analytics/series?from=2020-01-01&to=2026-01-01',
      '/api/v1/analytics/sales.csv?from=2026-06-12&to=2026-06-01&by=line',
      '/api/v1/analytics/sales?from=2026-06-12&to=2026-06-01&by=product',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VITRINA_ERR_REPORT_PERIOD_INVALID');
    }
    expect((await get('/api/v1/analytics/sales.csv?from=2026-06-01&to=2026-06-12&by=zone')).json().error.code).toBe('VITRINA_ERR_VALIDATION');
  });
});

describe('sales reports', () => {
  it('groups by product, category, department and period, best sellers first', async () => {
    const { get } = await store();
    const q = 'from=2026-06-01&to=2026-06-30';
    const product = (await get(`/api/v1/analytics/sales?${q}&by=product`)).json();
    expect(product.rows.map((r: { key: string; salesMinor: number; quantity: number }) => [r.key, r.salesMinor, r.quantity])).toEqual([['p-coffee', 1000, 1], ['p-milk', 698, 2], ['p-bread', 400, 1]]);
    expect(product.rows[2].discountMinor).toBe(50);
    const dept = (await get(`/api/v1/analytics/sales?${q}&by=department`)).json();
    expect(dept.rows.map((r: { key: string; salesMinor: number; receipts: number }) => [r.key, r.salesMinor, r.receipts])).toEqual([['Grocery', 1698, 2], ['Bakery', 400, 1]]);
    const period = (await get(`/api/v1/analytics/sales?${q}&by=period&bucket=day`)).json();
    expect(period.rows.map((r: { key: string; salesMinor: number }) => [r.key, r.salesMinor])).toEqual([['2026-06-10', 1698], ['2026-06-11', 400]]);
  });

  it('exports every receipt line as CSV with ISO days and decimal amounts', async () => {
    const { get } = await store();
    const res = await get('/api/v1/analytics/sales.csv?from=2026-06-01&to=2026-06-30&by=line');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="vitrina-sales-line-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = rowsOf(res.body);
    expect(rows[0]).toEqual(['day', 'receipt_id', 'kind', 'line_no', 'product_id', 'product', 'category', 'department', 'quantity', 'unit_price', 'discount', 'net']);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[8], r[9], r[10], r[11]])).toEqual([
      ['2026-06-10', 'p-coffee', '1', '10.00', '0.00', '10.00'],
      ['2026-06-10', 'p-milk', '2', '3.49', '0.00', '6.98'],
      ['2026-06-11', 'p-bread', '1', '4.50', '0.50', '4.00'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)).map((x) => x));
    const byCategory = rowsOf((await get('/api/v1/analytics/sales.csv?from=2026-06-01&to=2026-06-30&by=category')).body);
    expect(byCategory).toEqual([['category', 'label', 'receipts', 'quantity', 'sales', 'discount'], ['Bread', 'Bread', '1', '1', '4.00', '0.50'], ['Coffee', 'Coffee', '1', '1', '10.00', '0.00'], ['Dairy', 'Dairy', '1', '2', '6.98', '0.00']]);
  });

  it('streams a line export across many pages in (day, receipt) order without losing or repeating a line', async () => {
    const { t, get } = await store();
    // 1,200 receipts of 3 lines on 4 days: the export reads 500 receipts per page.
    await t.services.db.transaction(async (tx) => {
      for (let i = 0; i < 1200; i++) {
        const id = `bulk-${String(i).padStart(5, '0')}`;
        const day = `2026-05-0${1 + (i % 4)}`;
        await tx.run("INSERT INTO receipts (id, store_id, kind, store_time, total_minor, created_at, local_date) VALUES (?, 'test', 'sale', ?, 300, ?, ?)", [id, `${day}T12:00:00.000Z`, `${day}T12:00:00.000Z`, day]);
        for (let l = 1; l <= 3; l++) await tx.run("INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, net_minor) VALUES (?, ?, 'p-milk', 1, 100, 100)", [id, l]);
      }
    });
    const rows = rowsOf((await get('/api/v1/analytics/sales.csv?from=2026-05-01&to=2026-05-31&by=line')).body).slice(1);
    expect(rows).toHaveLength(3600);
    expect(new Set(rows.map((r) => `${r[1]}#${r[3]}`)).size).toBe(3600);
    const keys = rows.map((r) => `${r[0]}|${r[1]}|${r[3]}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('points liability, codes and segment exports', () => {
  it('values outstanding points by expiry month', async () => {
    const { t, get, customers } = await store();
    await t.services.loyalty.adjust(customers[2]!, 500, 'liability-1', 'test');
    const l = (await get('/api/v1/analytics/points-liability')).json();
    const balances = await Promise.all(customers.map(async (id) => (await t.services.loyalty.balance(id)).balance));
    const settings = await t.services.loyalty.settings();
    expect(l.byExpiryMonth.reduce((s: number, m: { points: number }) => s + m.points, 0)).toBe(l.outstandingPoints);
    expect(l.outstandingPoints).toBe(balances.reduce((a, b) => a + b, 0) + l.pendingPoints);
    expect(l.valueMinor).toBe(l.outstandingPoints * settings.pointValueMinor);
    const csv = rowsOf((await get('/api/v1/analytics/points-liability.csv')).body);
    expect(csv[0]).toEqual(['expiry_month', 'points', 'value']);
    expect(csv.length - 1).toBe(l.byExpiryMonth.length);
  });

  it('exports a promotion\'s codes and a segment\'s members; unknown ones are 404 with a code', async () => {
    const { t, get, customers } = await store();
    await t.services.db.run("INSERT INTO promotions (id, name, starts_on, ends_on, definition, created_at) VALUES ('promo-x', 'X', '2026-01-01', '2026-12-31', '{}', '2026-01-01T00:00:00Z')");
    for (const code of ['B-2', 'A-1', 'C-3']) await t.services.db.run("INSERT INTO promo_codes (code, promotion_id, max_uses, created_at) VALUES (?, 'promo-x', 1, '2026-01-01T00:00:00Z')", [code]);
    const codes = rowsOf((await get('/api/v1/analytics/promotions/promo-x/codes.csv')).body);
    expect(codes.map((r) => r[0])).toEqual(['code', 'A-1', 'B-2', 'C-3']);
    expect((await get('/api/v1/analytics/promotions/nope/codes.csv')).json().error.code).toBe('VITRINA_ERR_NOT_FOUND');

    await t.services.promotions.replaceSegment('vip', [customers[1]!, customers[0]!]);
    const members = rowsOf((await get('/api/v1/analytics/segments/vip/members.csv')).body);
    expect(members.map((r) => r[0])).toEqual(['customer_id', 'cust-1', 'cust-2']);
    const unknown = await get('/api/v1/analytics/segments/nobody/members.csv');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('VITRINA_ERR_SEGMENT_UNKNOWN');
    const staff = await t.staffHeaders('staff');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/analytics/segments/vip/members.csv', headers: staff })).statusCode).toBe(403);
  });
});
