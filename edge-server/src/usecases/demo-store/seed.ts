import { mkdirSync, writeFileSync } from 'node:fs';
import { Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { databaseFile } from '../../db/plugin.js';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { storeDate } from '../../shared/store-time.js';
import { nowIso } from '../../shared/ids.js';
import { demoCardNumber } from './cards.js';
import { loadDemoSeed } from './load-seed.js';
import { demoFirstName } from './names.js';
import { seedLoyaltyDemo } from './loyalty-program.js';
import type { SaleWithCustomer } from '../checkout/receipts-service.js';

export const DEMO_ZONES = [
  { id: 'entrance', name: 'Entrance' },
  { id: 'bakery', name: 'Bakery & Deli' },
];
export const DEMO_DEVICES = [
  { id: 'kiosk-entrance', kind: 'kiosk', name: 'Entrance kiosk', zoneId: 'entrance' },
  { id: 'screen-entrance-1', kind: 'screen', name: 'Entrance screen 1', zoneId: 'entrance' },
  { id: 'screen-entrance-2', kind: 'screen', name: 'Entrance screen 2', zoneId: 'entrance' },
  { id: 'screen-bakery-1', kind: 'screen', name: 'Bakery screen', zoneId: 'bakery' },
] as const;

/** Demo consents: most shoppers allow personalization, some do not (they get non-personal offers). */
export function demoConsents(i: number) {
  return { program: true, marketing: i % 3 !== 0, profiling: i % 7 !== 3 };
}

const DAY_MS = 86_400_000;

/**
 * Whether the store on disk has no customers yet, read without building the app (which would
 * load the model and build its aggregates just to find the store already seeded).
 */
export async function demoSeedNeeded(dataDir: string): Promise<boolean> {
  if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(databaseFile(dataDir));
  try {
    await migrate(db);
    return ((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers'))?.n ?? 0) === 0;
  } finally {
    await db.close();
  }
}

/**
 * Seeds the demo store from the committed seed when the database has no customers:
 * zones, pre-paired devices, an admin, products, customers with EAN-13 cards, their
 * purchase history (shifted so the latest receipt was yesterday) and live offers.
 * Idempotent: a store that already has customers is left alone.
 */
export async function seedDemoStoreIfEmpty(app: FastifyInstance): Promise<boolean> {
  if ((await app.customers.count()) > 0) return false;
  const started = Date.now();
  const seed = loadDemoSeed();
  const now = new Date();
  const shift = Math.floor((now.getTime() - DAY_MS - new Date(seed.lastInstant).getTime()) / DAY_MS) * DAY_MS;
  const today = storeDate(app.config.STORE_TIME_ZONE, now);
  const createdAt = nowIso();

  for (const z of DEMO_ZONES) await app.devices.upsertZone(z.id, z.name);
  const devices = [];
  for (const d of DEMO_DEVICES) {
    const { token } = await app.devices.pairWithId(d.id, { kind: d.kind, name: d.name, zoneId: d.zoneId });
    devices.push({ ...d, token, url: `/${d.kind === 'kiosk' ? 'kiosk' : 'signage'}/?token=${token}` });
  }
  const adminPassword = randomBytes(9).toString('base64url');
  await app.auth.createUser('admin', adminPassword, 'admin');

  const customerOf = new Map<string, string>();
  await app.db.transaction(async (tx) => {
    for (const [id, name, department, category, brand, price] of seed.products) {
      await tx.run('INSERT INTO products (id, name, department, category, brand, price_minor, restricted) VALUES (?, ?, ?, ?, ?, ?, 0)', [id, name, department, category, brand, price]);
    }
    for (const [i, [household, ageBand]] of seed.households.entries()) {
      const customerId = `cust_demo_${household}`;
      customerOf.set(household, customerId);
      const c = demoConsents(i);
      await app.customers.repo.insert(tx, {
        id: customerId, first_name: demoFirstName(i), birth_date: demoBirthDate(i, ageBand, now), enrolled_at: createdAt,
        consent_program: 1, consent_marketing: c.marketing ? 1 : 0, consent_profiling: c.profiling ? 1 : 0,
        consents_updated_at: createdAt, source_ref: `completejourney:${household}`, erased_at: null,
      });
      const card = demoCardNumber(i);
      await tx.run('INSERT INTO cards (hmac, kind, last4, customer_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        app.cards.hmacOf('ean13', card), 'ean13', card.slice(-4), customerId, 'active', createdAt,
      ]);
    }
    for (const [pid, , percent] of seed.offers) {
      await tx.run(
        `INSERT INTO offers (id, product_id, title, discount_kind, discount_value, starts_on, ends_on, status, source_ref) VALUES (?, ?, ?, 'percent', ?, ?, ?, 'live', ?)`,
        [`off_${pid}`, pid, `${percent}% off`, percent, shiftDate(today, -7), shiftDate(today, 30), `completejourney:coupon:${pid}`],
      );
    }
  });

  // Loyalty program first (tiers, earn rules, campaigns), then the history through the real
  // receipt service, oldest first, so points, tiers and expiries come out as a till would make them.
  await seedLoyaltyDemo(app, { today, offerProductIds: seed.offers.map((o) => o[0]) });
  const history: SaleWithCustomer[] = seed.baskets.map(([household, basketId, at, lines]) => ({
    kind: 'sale',
    receiptId: `cj_${basketId}`,
    customerId: customerOf.get(household)!,
    storeTime: new Date(new Date(at).getTime() + shift).toISOString(),
    lines: lines
      .filter(([, quantity]) => quantity > 0)
      .map(([productId, quantity, salesMinor, discountMinor]) => {
        const unitPriceMinor = Math.round((salesMinor + Math.abs(discountMinor)) / quantity);
        return { productId, quantity, unitPriceMinor, discountMinor: Math.min(Math.abs(discountMinor), quantity * unitPriceMinor) };
      }),
  }));
  history.sort((a, b) => a.storeTime.localeCompare(b.storeTime));
  let rejected = 0;
  for (let i = 0; i < history.length; i += 500) {
    const results = await app.receipts.postMany(history.slice(i, i + 500), { skipInvalid: true });
    rejected += results.filter((r) => 'error' in r).length;
  }

  const demo = { admin: { username: 'admin', password: adminPassword }, devices };
  writeFileSync(join(app.config.DATA_DIR, 'demo.json'), JSON.stringify(demo, null, 2), { mode: 0o600 });
  app.log.info({ customers: seed.households.length, baskets: seed.baskets.length, rejected, ms: Date.now() - started }, 'demo store seeded');
  return true;
}

function shiftDate(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A birth date consistent with the household's age band; some fall this month for birthday offers. */
function demoBirthDate(i: number, ageBand: string | null, now: Date): string | null {
  if (!ageBand) return null;
  const low = Number(/^(\d+)/.exec(ageBand)?.[1] ?? 40);
  const year = now.getUTCFullYear() - low - (i % 8);
  const month = i % 12 === 0 ? now.getUTCMonth() + 1 : (i % 12) + 1;
  const day = (i % 27) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

