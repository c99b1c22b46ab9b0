import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStoreDatabase } from '../../platform/db/open.js';
import { storeDate } from '../../shared/store-time.js';
import { nowIso } from '../../shared/ids.js';
import { demoCardNumber } from './cards.js';
import { loadDemoSeed } from './load-seed.js';
import { createCustomers } from '../../domains/customers/index.js';
import { demoFirstName } from './names.js';
import { seedLoyaltyDemo, type LoyaltyDemoServices } from './loyalty-program.js';
import type { Config } from '../../platform/config/schema.js';
import type { Database } from '../../platform/db/database.js';
import type { AuthService } from '../../domains/auth/index.js';
import type { CardsService } from '../../domains/cards/index.js';
import type { CustomersService } from '../../domains/customers/index.js';
import type { DevicesService } from '../../domains/devices/index.js';
import type { OffersService } from '../../domains/offers/index.js';
import { DEMO_PRODUCT_DISPLAY, onePerName } from './display.js';
import type { ReceiptsService } from '../checkout/index.js';
import type { SaleWithCustomer } from '../checkout/index.js';

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
/** Receipts per transaction when posting history: seeding runs before the server serves anyone, so big. */
const HISTORY_CHUNK = 5000;

/**
 * Whether the store on disk has no customers yet, read without building the app (which would
 * load the model and build its aggregates just to find the store already seeded).
 */
export async function demoSeedNeeded(dataDir: string): Promise<boolean> {
  if (dataDir !== ':memory:') mkdirSync(dataDir, { recursive: true });
  const db = await openStoreDatabase(dataDir);
  try {
    return (await createCustomers(db).count()) === 0;
  } finally {
    await db.close();
  }
}

/** What seeding uses: the store's own services, the same ones a till or the console reaches. */
export interface DemoStoreServices extends LoyaltyDemoServices {
  config: Pick<Config, 'DATA_DIR' | 'STORE_TIME_ZONE'>;
  db: Database;
  devices: DevicesService;
  auth: AuthService;
  customers: CustomersService;
  cards: CardsService;
  offers: OffersService;
  receipts: ReceiptsService;
  log: { info(obj: unknown, msg: string): void };
}

/**
 * Seeds the demo store from the committed seed when the database has no customers:
 * zones, pre-paired devices, an admin, products, customers with EAN-13 cards, their
 * purchase history (shifted so the latest receipt was yesterday) and live offers.
 * Idempotent: a store that already has customers is left alone.
 */
export interface DemoSeedOptions {
  /** Seed only the first N households and their history (small stores for tests). */
  households?: number;
  /**
   * How history is posted: 'batch' (default) posts thousands of receipts per transaction;
   * 'one-by-one' posts each through the till's own path — the slow reference that the batch
   * path is tested against (same receipts, points and tiers).
   */
  post?: 'batch' | 'one-by-one';
}

/**
 * Seeding is bulk work: all of its writes wait in the write queue's bulk lane (it runs before the
 * store serves, but a seed into a serving store must not hold the tills back either).
 */
export function seedDemoStoreIfEmpty(s: DemoStoreServices, opts: DemoSeedOptions = {}): Promise<boolean> {
  return s.db.bulkWork(() => seedIfEmpty(s, opts));
}

async function seedIfEmpty(s: DemoStoreServices, opts: DemoSeedOptions): Promise<boolean> {
  if ((await s.customers.count()) > 0) return false;
  const started = Date.now();
  const full = loadDemoSeed();
  const households = full.households.slice(0, opts.households ?? full.households.length);
  const included = new Set(households.map(([h]) => h));
  const seed = { ...full, households, baskets: full.baskets.filter(([h]) => included.has(h)) };
  const now = new Date();
  const shift = Math.floor((now.getTime() - DAY_MS - new Date(seed.lastInstant).getTime()) / DAY_MS) * DAY_MS;
  const today = storeDate(s.config.STORE_TIME_ZONE, now);
  const createdAt = nowIso();

  for (const z of DEMO_ZONES) await s.devices.upsertZone(z.id, z.name);
  const devices = [];
  for (const d of DEMO_DEVICES) {
    const { token } = await s.devices.pairWithId(d.id, { kind: d.kind, name: d.name, zoneId: d.zoneId });
    devices.push({ ...d, token, url: `/${d.kind === 'kiosk' ? 'kiosk' : 'signage'}/?token=${token}` });
  }
  const adminPassword = randomBytes(9).toString('base64url');
  await s.auth.createUser('admin', adminPassword, 'admin');

  const customerOf = new Map<string, string>();
  const productName = new Map(seed.products.map(([id, name]) => [id, name]));
  const offers = onePerName(seed.offers, (id) => productName.get(id));
  await s.db.transaction(async (tx) => {
    await s.catalog.insertMany(tx, seed.products.map(([id, name, department, category, brand, priceMinor]) => ({ id, name, department, category, brand, priceMinor })));
    for (const [i, [household, ageBand]] of seed.households.entries()) {
      const customerId = `cust_demo_${household}`;
      customerOf.set(household, customerId);
      const c = demoConsents(i);
      await s.customers.insert(tx, {
        id: customerId, first_name: demoFirstName(i), birth_date: demoBirthDate(i, ageBand, now), enrolled_at: createdAt,
        consent_program: 1, consent_marketing: c.marketing ? 1 : 0, consent_profiling: c.profiling ? 1 : 0,
        consents_updated_at: createdAt, source_ref: `completejourney:${household}`, erased_at: null,
      });
      await s.cards.addIn(tx, { kind: 'ean13', number: demoCardNumber(i), customerId, at: createdAt });
    }
    for (const [pid, , percent] of offers) {
      await s.offers.createIn(tx, {
        id: `off_${pid}`, productId: pid, title: `${percent}% off`, kind: 'percent', value: percent,
        startsOn: shiftDate(today, -7), endsOn: shiftDate(today, 30), sourceRef: `completejourney:coupon:${pid}`,
      });
    }
  });

  // Loyalty program first (tiers, earn rules, campaigns), then the history through the real
  // receipt service, oldest first, so points, tiers and expiries come out as a till would make them.
  // Short names and pictures for the offered products, through the catalogue's own update.
  for (const [id, display] of Object.entries(DEMO_PRODUCT_DISPLAY)) if (productName.has(id)) await s.catalog.update(id, display);
  await seedLoyaltyDemo(s, { today, offerProductIds: offers.map((o) => o[0]) });
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
  // The committed seed is valid through and through (a test says so): a receipt that fails
  // fails the whole seed loudly instead of leaving a store with silently missing history.
  if (opts.post === 'one-by-one') for (const receipt of history) await s.receipts.post(receipt);
  else for (let i = 0; i < history.length; i += HISTORY_CHUNK) await s.receipts.postMany(history.slice(i, i + HISTORY_CHUNK));

  const demo = { admin: { username: 'admin', password: adminPassword }, devices };
  // Tokens and the admin password: owner-only, also when an older file was there (the mode
  // option applies only to a file writeFileSync creates).
  const demoFile = join(s.config.DATA_DIR, 'demo.json');
  writeFileSync(demoFile, JSON.stringify(demo, null, 2), { mode: 0o600 });
  chmodSync(demoFile, 0o600);
  s.log.info({ customers: seed.households.length, baskets: seed.baskets.length, ms: Date.now() - started }, 'demo store seeded');
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

