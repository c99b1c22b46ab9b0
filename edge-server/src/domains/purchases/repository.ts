import type { Database, Queryable, SqlValue } from '../../platform/db/database.js';
import { cachedRead, forgetCached, memoInTx } from '../../platform/db/tx-memo.js';
import { jsonArray, readJson, type JsonRead } from '../../platform/db/json-read.js';

/** Net spend of one store-local day (returns negative). */
export interface DaySpend {
  date: string;
  netMinor: number;
}
import { localDateOf } from '../../shared/calendar.js';
import { basketsByCustomer } from './history-repository.js';
import { readHistorySnapshot } from './history-snapshot.js';

export interface ReceiptRow {
  id: string;
  store_id: string;
  customer_id: string | null;
  kind: 'sale' | 'return';
  original_receipt_id: string | null;
  store_time: string;
  total_minor: number;
  created_at: string;
  /** Store-local day of store_time; computed from the store's time zone when omitted. */
  local_date?: string;
  request_hash?: string | null;
  result_json?: string | null;
}

export interface ReceiptLineRow {
  receipt_id: string;
  line_no: number;
  product_id: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
  promo_discount_minor?: number;
  /** Line revenue after all discounts; quantity × price − discounts when omitted. */
  net_minor?: number;
  points_earned?: number;
  points_redeemed?: number;
  original_line_no?: number | null;
}


// SQLite allows 32 766 bound parameters per statement; stay well below.
const MAX_PARAMS = 30_000;

/** The only place with SQL for receipts and receipt_lines. */
/** Whether the shopper has any sale (first-purchase rewards; a scan without one shows what is popular). */
export function hasSaleRead(customerId: string): JsonRead<boolean> {
  return {
    key: `purchases.has-sale:${customerId}`,
    sql: "(SELECT EXISTS (SELECT 1 FROM receipts WHERE customer_id = ? AND kind = 'sale'))",
    params: [customerId],
    parse: (v) => v === 1,
  };
}

/** The shopper's sale baskets, oldest first, with the products in each (what a ranking reads). */
export function basketsRead(customerId: string): JsonRead<Array<{ basketId: string; at: string; productIds: string[] }>> {
  return {
    key: `purchases.baskets:${customerId}`,
    sql: `(SELECT json_group_array(json_array(id, store_time, products) ORDER BY store_time, id) FROM (
            SELECT r.id, r.store_time, GROUP_CONCAT(l.product_id, char(31)) AS products
              FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
             WHERE r.customer_id = ? AND r.kind = 'sale' GROUP BY r.id))`,
    params: [customerId],
    parse: (v) => jsonArray<[string, string, string]>(v).map(([basketId, at, products]) => ({ basketId, at, productIds: products.split('\u001f') })),
  };
}

/** Net spend per store-local day (returns negative), oldest first: what tiers are earned by. */
export function spendsRead(customerId: string): JsonRead<DaySpend[]> {
  return {
    key: `purchases.spends:${customerId}`,
    sql: `(SELECT json_group_array(json_object('date', date, 'netMinor', netMinor) ORDER BY date) FROM (
            SELECT COALESCE(local_date, substr(store_time, 1, 10)) AS date, SUM(total_minor) AS netMinor FROM receipts WHERE customer_id = ? GROUP BY 1))`,
    params: [customerId],
    parse: (v) => jsonArray<DaySpend>(v),
  };
}

export class PurchasesRepository {
  constructor(private readonly db: Database, private readonly timeZone = 'UTC') {}

  async insertReceipt(tx: Queryable, receipt: ReceiptRow, lines: ReceiptLineRow[]) {
    const localDate = receipt.local_date ?? localDateOf(this.timeZone, receipt.store_time);
    await tx.run(
      `INSERT INTO receipts (id, store_id, customer_id, kind, original_receipt_id, store_time, total_minor, created_at, local_date, request_hash, result_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [receipt.id, receipt.store_id, receipt.customer_id, receipt.kind, receipt.original_receipt_id, receipt.store_time, receipt.total_minor, receipt.created_at,
        localDate, receipt.request_hash ?? null, receipt.result_json ?? null],
    );
    this.rememberInserted(tx, { ...receipt, local_date: localDate });
    if (receipt.customer_id) this.forgetShopper(tx, receipt.customer_id);
    // One statement for all the lines: a receipt is written in two statements, not 1 + n.
    await this.insertRows(tx, 'INSERT INTO receipt_lines (receipt_id, line_no, product_id, quantity, unit_price_minor, discount_minor, promo_discount_minor, net_minor, points_earned, points_redeemed, original_line_no) VALUES ',
      lines.map((l) => [l.receipt_id, l.line_no, l.product_id, l.quantity, l.unit_price_minor, l.discount_minor, l.promo_discount_minor ?? 0,
        l.net_minor ?? l.quantity * l.unit_price_minor - l.discount_minor - (l.promo_discount_minor ?? 0), l.points_earned ?? 0, l.points_redeemed ?? 0, l.original_line_no ?? null]));
  }

  /** Which of these receipt ids are stored already. */
  async existingAmong(ids: readonly string[]) {
    const out = new Set<string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      for (const r of await this.db.all<{ id: string }>(`SELECT id FROM receipts WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) out.add(r.id);
    }
    return out;
  }

  /** Multi-row INSERTs, chunked under SQLite's bound-parameter limit. */
  private async insertRows(tx: Queryable, insertInto: string, rows: SqlValue[][]) {
    if (rows.length === 0) return;
    const width = rows[0]!.length;
    const per = Math.floor(MAX_PARAMS / width);
    const tuple = `(${Array.from({ length: width }, () => '?').join(',')})`;
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      await tx.run(insertInto + chunk.map(() => tuple).join(','), chunk.flat());
    }
  }

  /** A receipt by id (undefined when absent); read once per transaction, kept exact by this repository's writes. */
  async receiptById(q: Queryable, id: string) {
    const row = await memoInTx(q, `purchases.receipt:${id}`, async () => (await q.get<ReceiptRow>('SELECT * FROM receipts WHERE id = ?', [id])) ?? null);
    return row ?? undefined;
  }

  /** Reads these receipts in one query into the transaction's memo (a batch checks them all). */
  async preloadReceipts(q: Queryable, ids: readonly string[]) {
    if (!q.memo) return;
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      const found = new Map((await q.all<ReceiptRow>(`SELECT * FROM receipts WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)).map((r) => [r.id, r]));
      for (const id of chunk) q.memo.set(`purchases.receipt:${id}`, found.get(id) ?? null);
    }
  }

  /** A shopper's receipts changed: what the database's cache holds of them goes once the write commits. */
  private forgetShopper(q: Queryable, customerId: string) {
    for (const area of ['purchases.has-sale', 'purchases.spends', 'purchases.baskets']) forgetCached(q, `${area}:${customerId}`);
  }

  /** Keeps this transaction's memo exact after an insert: the receipt, the first sale, the day's spend. */
  private rememberInserted(q: Queryable, r: ReceiptRow & { local_date: string }) {
    if (!q.memo) return;
    q.memo.set(`purchases.receipt:${r.id}`, { ...r });
    if (!r.customer_id) return;
    if (r.kind === 'sale') q.memo.set(`purchases.has-sale:${r.customer_id}`, true);
    const spends = q.memo.get(`purchases.spends:${r.customer_id}`) as DaySpend[] | undefined;
    if (!spends) return;
    const day = spends.find((d) => d.date === r.local_date);
    if (day) day.netMinor += r.total_minor;
    else {
      spends.push({ date: r.local_date, netMinor: r.total_minor });
      spends.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
  }

  linesOf(q: Queryable, receiptId: string) {
    return q.all<Required<ReceiptLineRow>>('SELECT * FROM receipt_lines WHERE receipt_id = ? ORDER BY line_no', [receiptId]);
  }

  /** Units already returned per line of an original sale (positive numbers). */
  async returnedQuantities(q: Queryable, originalId: string) {
    const rows = await q.all<{ line: number; qty: number }>(
      `SELECT l.original_line_no AS line, -SUM(l.quantity) AS qty FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
        WHERE r.original_receipt_id = ? AND r.kind = 'return' GROUP BY l.original_line_no`,
      [originalId],
    );
    return new Map(rows.map((r) => [r.line, r.qty]));
  }

  /** Whether a customer has any sale before this one (first-purchase rewards). */
  hasSale(q: Queryable, customerId: string) {
    const read = hasSaleRead(customerId);
    return cachedRead(q, read.key, () => readJson(q, read));
  }

  /** A customer's sale baskets, oldest first, with the products in each. */
  async basketsOf(customerId: string) {
    const read = basketsRead(customerId);
    const baskets = await cachedRead(this.db, read.key, () => readJson(this.db, read));
    // One turn of the event loop, as the read would take: answered from memory, a rank() would
    // resolve in microtasks alone, and callers that rank in a loop would never let timers or I/O run.
    await new Promise((resolve) => setImmediate(resolve));
    return baskets;
  }

  /**
   * Every customer's sale baskets, grouped by customer, in pages (the one history query:
   * history-repository.ts). From a file-backed store through a read-only connection of its own
   * (one snapshot, history-snapshot.ts): a long read (TIFU-KNN's index over every shopper) never
   * holds the server's reader, which tills and scans read through.
   */
  allBaskets(pageSize = 5000) {
    return this.db.file === ':memory:' ? basketsByCustomer(this.db, pageSize) : readHistorySnapshot(this.db.file, pageSize);
  }

  /** Net spend per store-local day (returns negative), oldest first: what tiers are earned by. */
  spendsByDay(q: Queryable, customerId: string): Promise<DaySpend[]> {
    const read = spendsRead(customerId);
    return cachedRead(q, read.key, () => readJson(q, read));
  }

  /** A customer's receipts with their lines, for a data export. */
  exportLinesOf(customerId: string) {
    return this.db.all<{ id: string; kind: string; store_time: string; total_minor: number; product_id: string; quantity: number; unit_price_minor: number; discount_minor: number }>(
      `SELECT r.id, r.kind, r.store_time, r.total_minor, l.product_id, l.quantity, l.unit_price_minor, l.discount_minor
         FROM receipts r JOIN receipt_lines l ON l.receipt_id = r.id
        WHERE r.customer_id = ? ORDER BY r.store_time, r.id, l.line_no`,
      [customerId],
    );
  }

  countReceipts() {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM receipts').then((r) => r?.n ?? 0);
  }
}
