import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../test-support/files.js';
import { build } from '../../test-support/build.js';
import { seedSmallStore } from '../../test-support/small-store.js';

describe("customers' data requests", () => {
  it('exports what the store holds, without any full card number', async () => {
    const t = await build();
    const { anaCard } = await seedSmallStore(t.services);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/customers/cust-ana/export', headers: await t.staffHeaders('admin') });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.profile).toMatchObject({ id: 'cust-ana', firstName: 'Ana', cards: [{ kind: 'ean13', last4: anaCard.slice(-4), status: 'active' }] });
    expect(body.receipts).toHaveLength(5);
    expect(body.receipts[0].lines[0]).toMatchObject({ productId: 'p-apples', productName: 'Gala Apples 3 lb' });
    expect(res.body).not.toContain(anaCard);
  });

  it('erases identity, keeps the receipts for accounting, and no longer recognizes the card', async () => {
    const t = await build();
    const { anaCard } = await seedSmallStore(t.services);
    const headers = await t.staffHeaders('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/customers/cust-ana/erase', headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'cust-ana', cardsRemoved: 1 });
    const row = await t.services.db.get<Record<string, unknown>>('SELECT first_name, birth_date, consent_profiling, erased_at FROM customers WHERE id = ?', ['cust-ana']);
    expect(row).toMatchObject({ first_name: null, birth_date: null, consent_profiling: 0 });
    expect(row?.erased_at).toBeTruthy();
    expect(await t.services.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM receipts WHERE customer_id = 'cust-ana'")).toEqual({ n: 5 });
    expect((await t.services.cards.recognize(anaCard, 'scanner')).status).toBe('unknown');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/customers/cust-ana/erase', headers });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'VITRINA_ERR_CONFLICT']);
  });

  it('erases table by table: deletes what leads to the person, anonymizes events, and the name leaves the files', async () => {
    const t = await build();
    await seedSmallStore(t.services);
    const { db } = t.services;
    // A name that cannot occur in the files by chance, in every place a shopper appears.
    await db.run("UPDATE customers SET first_name = 'Zebulonia' WHERE id = 'cust-ana'");
    await db.run("INSERT INTO segment_members (segment, customer_id) VALUES ('vip', 'cust-ana')");
    await db.run("INSERT INTO events (store_id, type, at, customer_id, payload) VALUES ('test', 'scan', '2026-01-01T00:00:00Z', 'cust-ana', '{}')");
    await t.services.referrals.codeOf('cust-ana');
    const count = async (sql: string) => (await db.get<{ n: number }>(sql))!.n;
    expect(await count("SELECT COUNT(*) AS n FROM referral_codes WHERE customer_id = 'cust-ana'")).toBe(1);

    const res = await t.app.inject({ method: 'POST', url: '/api/v1/customers/cust-ana/erase', headers: await t.staffHeaders('admin') });
    expect(res.statusCode).toBe(200);
    // Deleted: what leads back to the person.
    for (const table of ['cards', 'clipped_offers', 'segment_members', 'referral_codes']) {
      expect(await count(`SELECT COUNT(*) AS n FROM ${table} WHERE customer_id = 'cust-ana'`)).toBe(0);
    }
    expect(await count("SELECT COUNT(*) AS n FROM promotion_grants WHERE customer_id = 'cust-ana' AND used_receipt_id IS NULL")).toBe(0);
    // Anonymized: events stay for counts, without the customer.
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE customer_id = 'cust-ana'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE type = 'scan'")).toBeGreaterThan(0);
    // Kept for accounting under the random id.
    expect(await count("SELECT COUNT(*) AS n FROM receipts WHERE customer_id = 'cust-ana'")).toBe(5);
    // And the name is in no file of the store: not the database, not the WAL.
    for (const file of filesUnder(t.dataDir)) {
      expect(readFileSync(file).includes(Buffer.from('Zebulonia')), file).toBe(false);
    }
  });

  it('lets only admins export or erase, and answers unknown customers with a code', async () => {
    const t = await build();
    await seedSmallStore(t.services);
    const staff = await t.staffHeaders('staff');
    for (const [method, url] of [['GET', '/api/v1/customers/cust-ana/export'], ['POST', '/api/v1/customers/cust-ana/erase']] as const) {
      const res = await t.app.inject({ method, url, headers: staff });
      expect(res.statusCode).toBe(403);
    }
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/customers/nobody/export', headers: await t.staffHeaders('admin') });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'VITRINA_ERR_CUSTOMER_UNKNOWN']);
    expect((await t.services.customers.get('cust-ana')).firstName).toBe('Ana');
  });

  it('changes consents: withdrawing profiling makes the kiosk non-personal at once', async () => {
    const t = await build();
    const { anaCard } = await seedSmallStore(t.services);
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/customers/cust-ana/consents', headers: await t.staffHeaders('staff'), payload: { program: true, marketing: false, profiling: false } });
    expect(res.json().consents).toEqual({ program: true, marketing: false, profiling: false });
    const result = await t.services.scan.identify({ id: 'kiosk-a', zone_id: 'zone-a' }, anaCard, 'keypad');
    expect(result.status === 'known' && result.session.greetingName).toBeNull();
    expect(result.status === 'known' && result.session.personalized).toBe(false);
  });
});
