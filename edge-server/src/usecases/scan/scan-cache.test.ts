import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { KioskSession } from '@vitrina/contracts';
import { build } from '../../test-support/build.js';
import { sale, seedLoyaltyStore } from '../../test-support/loyalty-store.js';

/**
 * The scan path reads a shopper's rows from the database's cache (platform/db/read-cache.ts):
 * every kind of write to them is followed by a scan that shows the new state, and erasure
 * leaves nothing of the shopper in any cache.
 */
async function store() {
  const t = await build();
  const { cards, customers } = await seedLoyaltyStore(t.services, 3);
  await t.services.devices.upsertZone('zone-a', 'Zone A');
  await t.services.devices.pairWithId('kiosk-a', { kind: 'kiosk', name: 'Kiosk A', zoneId: 'zone-a' });
  await t.services.db.transaction(async (tx) => {
    for (const p of ['p-milk', 'p-bread', 'p-apples']) {
      await tx.run("INSERT INTO offers (id, product_id, title, discount_kind, discount_value, starts_on, ends_on, status) VALUES (?, ?, '10% off', 'percent', 10, '2000-01-01', '2999-12-31', 'live')", [`off-${p}`, p]);
    }
    // Only for the "vip" segment: shown once a segment evaluation puts the shopper in it.
    await tx.run("INSERT INTO offers (id, product_id, title, discount_kind, discount_value, starts_on, ends_on, status, segment) VALUES ('off-vip', 'p-tv', 'VIP', 'percent', 5, '2000-01-01', '2999-12-31', 'live', 'vip')");
  });
  await t.services.loyalty.replaceTiers([{ id: 'gold', name: 'Gold', thresholdMinor: 100_000, multiplierPct: 150 }]);
  const kiosk = { id: 'kiosk-a', zone_id: 'zone-a' };
  const scan = async (card: string): Promise<KioskSession> => {
    const r = await t.services.scan.identify(kiosk, card, 'keypad');
    if (r.status !== 'known') throw new Error('expected a known card');
    return r.session;
  };
  const now = () => new Date().toISOString();
  return { ...t, cards, customers, kiosk, scan, now };
}

const remaining = (s: KioskSession) => s.tier.next?.remainingSpendMinor;

describe('the scan path after every kind of write', () => {
  it('shows receipts posted, returned and imported', async () => {
    const s = await store();
    const card = s.cards[0]!;
    const before = await scan2(s, card); // twice: the second is answered from the cache
    expect(before.offersBasis).toBe('popular');
    expect(remaining(before)).toBe(100_000);

    const posted = await s.services.receipts.post(sale(card, [['p-coffee', 1, 1299]], { storeTime: s.now() }));
    const afterSale = await s.scan(card);
    expect(afterSale.offersBasis).toBe('picked'); // has a sale now, and baskets to rank from
    expect(remaining(afterSale)).toBe(100_000 - 1299);

    await s.services.receipts.post({ kind: 'return', receiptId: `ret-${posted.receiptId}`, storeTime: s.now(), originalReceiptId: posted.receiptId, lines: [{ originalLineNo: 1, quantity: -1 }] });
    expect(remaining(await s.scan(card))).toBe(100_000);

    const csv = `receipt_id,store_time,customer_id,product_id,quantity,unit_price_minor,discount_minor\nimp-1,${s.now()},${s.customers[0]},p-milk,2,500,0\n`;
    expect((await s.services.purchases.importCsv(Readable.from([csv]), { storeId: 'test', timeZone: 'UTC' })).receiptsImported).toBe(1);
    expect(remaining(await s.scan(card))).toBe(100_000 - 1000);
  });

  it('shows ledger entries, tiers, clips, consents and segment evaluations', async () => {
    const s = await store();
    const card = s.cards[1]!;
    const id = s.customers[1]!;
    const before = await scan2(s, card);
    expect(before.pointsBalance).toBe(0);
    expect(before.greetingName).toBe('M2');
    expect(before.offers.map((o) => o.offerId)).not.toContain('off-vip');

    await s.services.loyalty.adjust(id, 50, 'goodwill-1', 'goodwill');
    expect((await s.scan(card)).pointsBalance).toBe(50);

    await s.services.loyalty.replaceTiers([{ id: 'gold', name: 'Gold', thresholdMinor: 100_000, multiplierPct: 150 }, { id: 'bronze', name: 'Bronze', thresholdMinor: 1, multiplierPct: 100 }]);
    expect((await s.scan(card)).tier.next?.name).toBe('Bronze');

    const session = await s.scan(card);
    const offer = session.offers.find((o) => !o.clipped)!;
    await s.services.scan.clip(s.kiosk.id, session.sessionId, offer.offerId);
    expect((await s.scan(card)).offers.find((o) => o.offerId === offer.offerId)?.clipped).toBe(true);

    await s.services.promotions.replaceSegment('vip', [id]);
    expect((await s.scan(card)).offers.map((o) => o.offerId)).toContain('off-vip');
    await s.services.promotions.replaceSegment('vip', []);
    expect((await s.scan(card)).offers.map((o) => o.offerId)).not.toContain('off-vip');

    await s.services.dataRequests.setConsents(id, { program: true, marketing: true, profiling: false });
    const withoutProfiling = await s.scan(card);
    expect(withoutProfiling.greetingName).toBeNull();
    expect(withoutProfiling.personalized).toBe(false);
  });

  it("a till's sale applies a clipped offer from the cache, and never one that ended after it was cached", async () => {
    const s = await store();
    const offerDiscount = (r: { promotions?: Array<{ promotionId: string; discountMinor: number }> }) =>
      (r.promotions ?? []).filter((p) => p.promotionId.includes('off-p-milk')).reduce((sum, p) => sum + p.discountMinor, 0);
    const clipMilk = async (card: string) => {
      const session = await s.scan(card);
      await s.services.scan.clip(s.kiosk.id, session.sessionId, 'off-p-milk');
      // A sale without milk reads the shopper's clipped offers ahead (into the cache).
      await s.services.receipts.post(sale(card, [['p-coffee', 1, 1299]], { storeTime: s.now() }));
    };
    await clipMilk(s.cards[0]!);
    expect(offerDiscount(await s.services.receipts.post(sale(s.cards[0]!, [['p-milk', 1, 1000]], { storeTime: s.now() })))).toBe(100);

    await clipMilk(s.cards[1]!);
    await s.services.db.transaction((tx) => s.services.offers.endIn(tx, 'off-p-milk'));
    expect(offerDiscount(await s.services.receipts.post(sale(s.cards[1]!, [['p-milk', 1, 1000]], { storeTime: s.now() })))).toBe(0);
  });

  it("reads a shopper's own rows on their first scan as one statement, and shows what reading them one by one showed", async () => {
    const s = await store();
    const card = s.cards[2]!;
    await s.services.receipts.post(sale(card, [['p-milk', 2, 500], ['p-bread', 1, 250]], { storeTime: s.now() }));
    const warm = await scan2(s, card);
    // The shopper's rows and card, as on their first visit; the program's and the store's stay.
    s.services.db.cache.forgetSubject(s.customers[2]!);
    s.services.db.cache.forget('cards.hmac:');
    const reads = [vi.spyOn(s.services.db, 'get'), vi.spyOn(s.services.db, 'all')];
    const cold = await s.scan(card);
    const sqls = reads.flatMap((r) => r.mock.calls.map((c) => c[0]));
    const ownTables = ['customers', 'points_ledger', 'receipts', 'clipped_offers', 'segment_members', 'campaign_assignments', 'offer_instances'];
    expect(sqls.filter((sql) => ownTables.some((t) => sql.includes(`FROM ${t} `)))).toHaveLength(1);
    expect({ ...cold, sessionId: warm.sessionId }).toEqual(warm);
    expect(cold.offersBasis).toBe('picked'); // the baskets and the sale were read
    expect(cold.pointsBalance).toBeGreaterThan(0); // and the ledger
  });

  it('erasure drops the shopper from every cache', async () => {
    const s = await store();
    const card = s.cards[2]!;
    const id = s.customers[2]!;
    await s.services.loyalty.adjust(id, 10, 'before-erasure', 'test');
    const seen = await scan2(s, card);
    await s.services.scan.clip(s.kiosk.id, seen.sessionId, seen.offers[0]!.offerId);
    await scan2(s, card);
    const cached = () => s.services.db.cache.keys().filter((k) => k.endsWith(`:${id}`) || k.startsWith('cards.hmac:'));
    expect(cached().length).toBeGreaterThan(3); // the card, the row, the ledger, spends, clips…

    await s.services.dataRequests.erase(id);
    expect(cached()).toEqual([]);
    expect((await s.services.scan.identify(s.kiosk, card, 'keypad')).status).toBe('unknown');
    // Another shopper is still answered.
    expect((await s.scan(s.cards[0]!)).greetingName).toBe('M1');
  });
});

/** Scans twice and checks both answers agree: the second comes from the cache. */
async function scan2(s: Awaited<ReturnType<typeof store>>, card: string) {
  const first = await s.scan(card);
  const second = await s.scan(card);
  expect({ ...second, sessionId: first.sessionId }).toEqual(first);
  return second;
}
