import { createHash, randomUUID } from 'node:crypto';
import type { ErrorInfo, ReceiptInput, ReceiptResult, SaleReceiptInput } from '@vitrina/contracts';
import type { Database, Queryable } from '../../platform/db/database.js';
import { VitrinaError } from '../../platform/errors/vitrina-error.js';
import { localDateOf } from '../../shared/calendar.js';
import { storeMinuteOfDay } from '../../shared/store-time.js';
import { sha256Hex } from '../../shared/ids.js';
import type { ReceiptDeps } from './receipt-deps.js';
import type { EventBus } from '../../platform/events/bus.js';
import type { DomainEvents } from '../../shared/domain-events.js';
import type { CardsService } from '../../domains/cards/index.js';
import type { Customer, CustomersService } from '../../domains/customers/index.js';
import { postReturnIn } from './return.js';
import { checkSaleLines, postSaleIn, readAheadOfSale, type SaleContext } from './sale.js';
import { receiptTrace, type ReceiptTrace } from './receipt-trace.js';

/** A sale as the demo seed or a trusted caller posts it: the customer by id instead of a card. */
export type SaleWithCustomer = SaleReceiptInput & { customerId?: string };
export type ServiceReceiptInput = ReceiptInput | SaleWithCustomer;

/** How a receipt finds its shopper: by the card presented at the till, or by id (trusted callers). */
export interface CustomerLookup {
  cards: Pick<CardsService, 'recognize'>;
  customers: Pick<CustomersService, 'get'>;
}

/** Reads a batch shares: receipt ids already stored, and each shopper looked up once. */
interface BatchLookups {
  existing: Set<string>;
  customers: Map<string, Promise<Customer>>;
}

/** The earliest store time a receipt may carry, and how far past the server's clock (till clocks drift). */
const FIRST_STORE_TIME = '2000-01-01T00:00:00.000Z';
const STORE_TIME_AHEAD_MS = 86_400_000;

/** A receipt's store time lies between FIRST_STORE_TIME and one day after now; else VITRINA_ERR_VALIDATION. */
function checkStoreTime(at: Date, now = Date.now()) {
  if (at.getTime() < Date.parse(FIRST_STORE_TIME) || at.getTime() > now + STORE_TIME_AHEAD_MS) {
    throw new VitrinaError('VITRINA_ERR_VALIDATION', `storeTime must be between ${FIRST_STORE_TIME} and one day after the server's clock.`, [{ path: '/storeTime', message: 'out of range' }]);
  }
}

/** Roles that may put a manual markup or discount on a line at the till (the audit log records who did). */
const MANUAL_ADJUSTMENT_ROLES = new Set(['admin', 'marketer']);

function checkManualRole(input: ServiceReceiptInput, actor?: { role: string }) {
  if (!actor || input.kind !== 'sale' || !input.lines.some((l) => l.manual)) return;
  if (!MANUAL_ADJUSTMENT_ROLES.has(actor.role)) throw new VitrinaError('VITRINA_ERR_FORBIDDEN', 'A manual markup or discount needs an admin or marketer.');
}

/** Thrown to roll a quote's transaction back. */
const ROLLBACK = Symbol('rollback');

interface Prepared {
  requestHash: string;
  at: string;
  day: string;
  localMinute: number;
  customerId: string | null;
  earnsPoints: boolean;
  /** The receipt id was found stored already (a retry: the transaction answers the first result). */
  posted: boolean;
  /** The lines' products, read ahead of the transaction (readAheadOfSale). */
  products?: SaleContext['products'];
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Where one posted receipt's time went, in ms: reads ahead of the transaction (card, shopper,
 * what pricing needs), waiting for the one writer, and the transaction itself (BEGIN … COMMIT).
 */
export interface ReceiptTimings {
  readMs: number;
  writerWaitMs: number;
  txMs: number;
}

/** The few logger methods checkout uses (pino's). */
export interface CheckoutLog {
  debug(obj: object, msg: string): void;
}

/** See ReceiptsService.admitFor. */
export const MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER = 4;

/**
 * Who a sale is for, before anything is read: the customer id, or a hash of the card presented
 * (the card is only hashed in memory, for as long as the receipt is in flight). Counted before
 * the reads, so a storm is turned away without touching the database.
 */
function shopperKeyOf(input: ServiceReceiptInput): string | null {
  if (input.kind !== 'sale') return null;
  if ('customerId' in input && input.customerId !== undefined) return `id:${input.customerId}`;
  return input.cardNumber !== undefined ? `card:${sha256Hex(input.cardNumber)}` : null;
}

/**
 * Receipts from the till. Posting is idempotent by receipt id: the same receipt again returns
 * the first result and writes nothing; the same id with different content is a conflict.
 * Everything a receipt writes (receipt, lines, points, promotion uses, codes) commits together.
 */
export class ReceiptsService {
  constructor(
    private readonly db: Database,
    private readonly deps: ReceiptDeps,
    private readonly lookup: CustomerLookup,
    private readonly events: EventBus<DomainEvents>,
    private readonly log?: CheckoutLog,
  ) {}

  /** Called with every posted receipt's timings (bench/till-profile.ts finds the till's tail with it). */
  observe: ((t: ReceiptTimings & { receiptId: string }) => void) | null = null;

  /**
   * `actor` is the staff member posting from the till (the route passes it): manual markups and
   * discounts need the admin or marketer role. Trusted callers (demo seed, replays) pass none.
   */
  async post(input: ServiceReceiptInput, actor?: { role: string }): Promise<ReceiptResult> {
    checkManualRole(input, actor);
    const release = this.admitFor(shopperKeyOf(input));
    try {
      const t0 = performance.now();
      const prepared = await this.prepare(input);
      if (input.kind === 'sale' && !prepared.posted) prepared.products = await readAheadOfSale(this.db, this.deps, input, prepared.customerId, prepared.day);
      const queued = performance.now();
      let started = queued;
      const result = await this.db.transaction((tx) => {
        started = performance.now();
        return this.postIn(tx, input, prepared);
      });
      const t: ReceiptTimings = { readMs: queued - t0, writerWaitMs: started - queued, txMs: performance.now() - started };
      this.log?.debug({ receiptId: input.receiptId, ...t }, 'receipt posted');
      this.observe?.({ receiptId: input.receiptId, ...t });
      if (receiptTrace.hasSubscribers) receiptTrace.publish({ receiptId: input.receiptId, ...t } satisfies ReceiptTrace);
      this.events.publish('purchases:changed', { receipts: 1, source: 'till' });
      return result;
    } finally {
      release();
    }
  }

  /**
   * One shopper's receipts waiting for the writer at once. A till posts one receipt at a time and
   * retries a few; more than this in flight for one card is a replay storm or a script, and
   * queuing it all would hold every other till behind one shopper. Beyond it: 409, retry later.
   */
  private readonly inFlight = new Map<string, number>();

  private admitFor(shopperKey: string | null): () => void {
    if (shopperKey === null) return () => undefined; // anonymous sales and returns: nothing to guard
    const n = this.inFlight.get(shopperKey) ?? 0;
    if (n >= MAX_RECEIPTS_IN_FLIGHT_PER_CUSTOMER) {
      throw new VitrinaError('VITRINA_ERR_CONFLICT', 'Too many receipts for this shopper are being posted at once; retry in a moment.');
    }
    this.inFlight.set(shopperKey, n + 1);
    return () => {
      const left = (this.inFlight.get(shopperKey) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(shopperKey);
      else this.inFlight.set(shopperKey, left);
    };
  }

  /**
   * Posts many receipts in one transaction (demo seed, replays), in the order given — post
   * history oldest first so tiers and expiry come out as they would have live. By default the
   * first invalid receipt fails the whole batch; with `skipInvalid` each receipt runs inside a
   * SAVEPOINT, an invalid one is rolled back alone and reported, and the rest commit.
   */
  async postMany(inputs: readonly ServiceReceiptInput[], opts: { skipInvalid?: boolean } = {}): Promise<Array<ReceiptResult | { receiptId: string; error: ErrorInfo }>> {
    // One read for the whole batch instead of one per receipt: which ids exist, and each shopper once.
    const batch: BatchLookups = { existing: await this.deps.purchases.existingAmong(inputs.map((i) => i.receiptId)), customers: new Map() };
    const prepared: Array<Prepared | ErrorInfo> = [];
    for (const input of inputs) {
      try {
        prepared.push(await this.prepare(input, batch));
      } catch (err) {
        if (!opts.skipInvalid || !(err instanceof VitrinaError)) throw err;
        prepared.push(err.toInfo());
      }
    }
    const results = await this.db.transaction(async (tx) => {
      // Warm the transaction's memo: every receipt and product of the batch in a few reads.
      await this.deps.purchases.preloadReceipts(tx, inputs.map((i) => i.receiptId));
      await this.deps.catalog.products(tx, inputs.flatMap((i) => (i.kind === 'sale' ? i.lines.map((l) => l.productId) : [])));
      const out: Array<ReceiptResult | { receiptId: string; error: ErrorInfo }> = [];
      for (let i = 0; i < inputs.length; i++) {
        const p = prepared[i]!;
        const receiptId = inputs[i]!.receiptId;
        if ('code' in p) { out.push({ receiptId, error: p }); continue; }
        if (!opts.skipInvalid) { out.push(await this.postIn(tx, inputs[i]!, p)); continue; }
        try {
          out.push(await tx.savepoint(() => this.postIn(tx, inputs[i]!, p)));
        } catch (err) {
          if (!(err instanceof VitrinaError)) throw err;
          out.push({ receiptId, error: err.toInfo() });
        }
      }
      return out;
    });
    this.events.publish('purchases:changed', { receipts: results.length, source: 'batch' });
    return results;
  }

  /**
   * Prices a sale exactly as posting it would (promotions, codes, points), then rolls the
   * transaction back: nothing is written. For the till's and the kiosk's basket preview.
   */
  async quote(input: SaleWithCustomer, actor?: { role: string }): Promise<ReceiptResult> {
    checkManualRole(input, actor);
    const probe = { ...input, receiptId: `quote-${randomUUID()}` };
    const p = await this.prepare(probe);
    const products = await readAheadOfSale(this.db, this.deps, probe, p.customerId, p.day);
    let quoted: ReceiptResult | null = null;
    await this.db.transaction(async (tx) => {
      quoted = await postSaleIn(tx, this.deps, probe, { receiptId: probe.receiptId, at: p.at, day: p.day, localMinute: p.localMinute, requestHash: p.requestHash, customerId: p.customerId, earnsPoints: p.earnsPoints, products });
      throw ROLLBACK;
    }).catch((err: unknown) => { if (err !== ROLLBACK) throw err; });
    return { ...quoted!, receiptId: input.receiptId };
  }

  async get(receiptId: string): Promise<ReceiptResult> {
    const row = await this.deps.purchases.receiptById(this.db, receiptId);
    if (!row) throw new VitrinaError('VITRINA_ERR_RECEIPT_UNKNOWN');
    if (!row.result_json) throw new VitrinaError('VITRINA_ERR_RECEIPT_UNKNOWN', 'That receipt was imported from history and has no posting result.');
    return JSON.parse(row.result_json) as ReceiptResult;
  }

  private customer(id: string, batch?: BatchLookups) {
    if (!batch) return this.lookup.customers.get(id);
    let c = batch.customers.get(id);
    if (!c) batch.customers.set(id, (c = this.lookup.customers.get(id)));
    return c;
  }

  private async customerByCard(cardNumber: string) {
    const r = await this.lookup.cards.recognize(cardNumber, 'keypad');
    if (r.status !== 'known') throw new VitrinaError('VITRINA_ERR_CARD_UNKNOWN');
    return r.customerId;
  }

  /** Checks that need no transaction, and resolves the card (reads only). */
  private async prepare(input: ServiceReceiptInput, batch?: BatchLookups): Promise<Prepared> {
    const requestHash = createHash('sha256').update(canonical(input)).digest('hex');
    const at = new Date(input.storeTime);
    if (Number.isNaN(at.getTime())) throw new VitrinaError('VITRINA_ERR_RECEIPT_INVALID', 'storeTime is not a valid instant.');
    checkStoreTime(at);
    const day = localDateOf(this.deps.timeZone, at);
    let customerId: string | null = null;
    let earnsPoints = false;
    let posted = false;
    if (input.kind === 'sale') {
      const existing = batch ? batch.existing.has(input.receiptId) : await this.deps.purchases.receiptById(this.db, input.receiptId);
      posted = !!existing;
      if (!existing) {
        checkSaleLines(input);
        const byId = 'customerId' in input ? input.customerId : undefined;
        if (byId !== undefined || input.cardNumber !== undefined) {
          customerId = byId ?? (await this.customerByCard(input.cardNumber!));
          // An unknown or erased customer is VITRINA_ERR_CUSTOMER_UNKNOWN.
          earnsPoints = (await this.customer(customerId, batch)).consents.program;
        }
      }
    }
    return { requestHash, at: at.toISOString(), day, localMinute: storeMinuteOfDay(this.deps.timeZone, at), customerId, earnsPoints, posted };
  }

  private async postIn(tx: Queryable, input: ServiceReceiptInput, p: Prepared): Promise<ReceiptResult> {
    // The settings' read checks, beside the idempotency read, whether the read cache may answer
    // this transaction (PRAGMA data_version): both statements in one trip to the writer's thread.
    const [existing] = await Promise.all([this.deps.purchases.receiptById(tx, input.receiptId), this.deps.loyalty.settings(tx)]);
    if (existing) {
      if (existing.request_hash === p.requestHash && existing.result_json) return JSON.parse(existing.result_json) as ReceiptResult;
      throw new VitrinaError('VITRINA_ERR_CONFLICT', `Receipt "${input.receiptId}" was already posted with different content.`);
    }
    const ctx = { receiptId: input.receiptId, at: p.at, day: p.day, requestHash: p.requestHash };
    if (input.kind === 'return') return postReturnIn(tx, this.deps, input, ctx);
    return postSaleIn(tx, this.deps, input, { ...ctx, localMinute: p.localMinute, customerId: p.customerId, earnsPoints: p.earnsPoints, ...(p.products ? { products: p.products } : {}) });
  }
}
