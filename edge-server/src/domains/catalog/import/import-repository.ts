import type { Database, Queryable, SqlValue } from '../../../platform/db/database.js';
import { forgetInTx } from '../../../platform/db/tx-memo.js';

/** A product as an import file states it; null means "the file does not say" (the stored value stays). */
export interface StagedProduct {
  productId: string;
  externalRef: string | null;
  name: string;
  shortName: string | null;
  article: string | null;
  brand: string | null;
  groupId: string | null;
  department: string | null;
  category: string | null;
  unit: string | null;
  vatRate: string | null;
  image: string | null;
  barcodes: string[] | null;
  priceMinor: number | null;
  active: 0 | 1;
  restricted: 0 | 1;
  restrictedKind: string | null;
  egais: 0 | 1 | null;
}

/** One price (or stock) line of offers.xml. */
export interface StagedPrice {
  seq: number;
  ref: string;
  productId: string;
  /** For a characteristic (ИдТовара#ИдХарактеристики): the product it varies. */
  parentId: string | null;
  /** Предложение/Наименование, when the offer names itself. */
  variantName: string | null;
  /** Else the characteristic values, added to the parent's name: "Lager (dark, 0.5 l)". */
  variantSuffix: string | null;
  priceTypeId: string | null;
  priceMinor: number | null;
  currency: string | null;
  quantity: number | null;
}

export interface PriceType {
  id: string;
  name: string;
  currency: string | null;
}

export interface StagedGroup {
  id: string;
  parentId: string | null;
  name: string;
}

const MAX_PARAMS = 30_000;
/**
 * Imports are bulk work: every transaction here waits in the write queue's bulk lane, so the
 * till's and the scans' writes queued meanwhile go first (platform/db).
 */
const BULK = { priority: 'bulk' } as const;

/**
 * Staging and applying catalogue imports. Staged rows are written in small transactions while
 * the file is read; `apply…` moves them into the catalogue in one transaction; `discard`
 * drops them (a file that failed leaves the catalogue untouched).
 */
export class ImportRepository {
  constructor(private readonly db: Database) {}

  async stageProducts(importId: string, products: readonly StagedProduct[]) {
    const rows = products.map((p): SqlValue[] => [importId, p.productId, p.externalRef, p.name, p.shortName, p.article, p.brand, p.groupId, p.department, p.category,
      p.unit, p.vatRate, p.image, p.barcodes ? JSON.stringify(p.barcodes) : null, p.priceMinor, p.active, p.restricted, p.restrictedKind, p.egais]);
    await this.db.transaction((tx) => insertRows(tx, `INSERT INTO catalog_staged_products (import_id, product_id, external_ref, name, short_name, article, brand, group_id,
      department, category, unit, vat_rate, image, barcodes, price_minor, active, restricted, restricted_kind, egais) VALUES `, rows), BULK);
  }

  async stagePrices(importId: string, prices: readonly StagedPrice[]) {
    const rows = prices.map((p): SqlValue[] => [importId, p.seq, p.ref, p.productId, p.parentId, p.variantName, p.variantSuffix, p.priceTypeId, p.priceMinor, p.currency, p.quantity]);
    await this.db.transaction((tx) => insertRows(tx, `INSERT INTO catalog_staged_prices (import_id, seq, ref, product_id, parent_id, variant_name, variant_suffix, price_type_id, price_minor,
      currency, quantity) VALUES `, rows), BULK);
  }

  /** Drops staged rows of imports not running now (a process that stopped mid-import left them). */
  async discardAllExcept(running: readonly string[]) {
    const keep = running.length > 0 ? ` WHERE import_id NOT IN (${running.map(() => '?').join(',')})` : '';
    await this.db.transaction(async (tx) => {
      await tx.run(`DELETE FROM catalog_staged_products${keep}`, [...running]);
      await tx.run(`DELETE FROM catalog_staged_prices${keep}`, [...running]);
    }, BULK);
  }

  async discard(importId: string) {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM catalog_staged_products WHERE import_id = ?', [importId]);
      await tx.run('DELETE FROM catalog_staged_prices WHERE import_id = ?', [importId]);
    }, BULK);
  }

  /**
   * Applies staged products (and groups) inside the file's transaction: new ones inserted, known ones
   * updated with what the file states; barcodes replaced where the file lists them; the shelf
   * price (CSV) set with its history. `deactivateMissingFrom`: a full 1C export — products of
   * that source not in the file are deactivated.
   */
  private async applyProductsIn(tx: Queryable, importId: string, groups: readonly StagedGroup[], opts: { source: string; at: string; deactivateMissingFrom: string | null }) {
    forgetInTx(tx, 'catalog.product:');
    await insertRows(tx, 'INSERT INTO product_groups (id, parent_id, name) VALUES ', groups.map((g) => [g.id, g.parentId, g.name]),
      ' ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, name = excluded.name');
    const counts = (await tx.get<{ total: number; known: number }>(`SELECT COUNT(*) AS total, COUNT(p.id) AS known FROM catalog_staged_products s
      LEFT JOIN products p ON p.id = s.product_id WHERE s.import_id = ?`, [importId]))!;
    // Price history first, while products still hold the old price (its rows for new products
    // reference products inserted just below: foreign keys are checked at commit, see apply).
    await tx.run(`INSERT INTO product_price_history (product_id, price_minor, changed_at, source)
      SELECT s.product_id, s.price_minor, ?, ? FROM catalog_staged_products s LEFT JOIN products p ON p.id = s.product_id
      WHERE s.import_id = ? AND s.price_minor IS NOT NULL AND (p.id IS NULL OR p.price_minor IS NOT s.price_minor)`, [opts.at, opts.source, importId]);
    // Explicit flags restrict; a known product keeps its flag when the file does not place it in a group.
    await tx.run(`INSERT INTO products (id, external_ref, name, short_name, article, brand, group_id, department, category, unit, vat_rate, image, price_minor,
        active, restricted, restricted_kind, egais, needs_review, source, updated_at)
      SELECT s.product_id, COALESCE(s.external_ref, p.external_ref), s.name, COALESCE(s.short_name, p.short_name), COALESCE(s.article, p.article),
        COALESCE(s.brand, p.brand), COALESCE(s.group_id, p.group_id), COALESCE(s.department, p.department, 'Ungrouped'), COALESCE(s.category, p.category, 'Ungrouped'),
        COALESCE(s.unit, p.unit), COALESCE(s.vat_rate, p.vat_rate), COALESCE(s.image, p.image), COALESCE(s.price_minor, p.price_minor), s.active,
        CASE WHEN s.department IS NULL THEN MAX(s.restricted, COALESCE(p.restricted, 0)) ELSE s.restricted END,
        COALESCE(s.restricted_kind, p.restricted_kind), COALESCE(s.egais, p.egais, 0), 0, ?, ?
      FROM catalog_staged_products s LEFT JOIN products p ON p.id = s.product_id WHERE s.import_id = ?
      ON CONFLICT (id) DO UPDATE SET external_ref = excluded.external_ref, name = excluded.name, short_name = excluded.short_name, article = excluded.article,
        brand = excluded.brand, group_id = excluded.group_id, department = excluded.department, category = excluded.category, unit = excluded.unit,
        vat_rate = excluded.vat_rate, image = excluded.image, price_minor = excluded.price_minor, active = excluded.active, restricted = excluded.restricted,
        restricted_kind = excluded.restricted_kind, egais = excluded.egais, needs_review = 0, source = excluded.source, updated_at = excluded.updated_at`,
    [opts.source, opts.at, importId]);
    await tx.run(`DELETE FROM product_barcodes WHERE product_id IN (SELECT product_id FROM catalog_staged_products WHERE import_id = ? AND barcodes IS NOT NULL)`, [importId]);
    await tx.run(`INSERT OR IGNORE INTO product_barcodes (product_id, barcode)
      SELECT s.product_id, j.value FROM catalog_staged_products s, json_each(s.barcodes) j WHERE s.import_id = ? AND s.barcodes IS NOT NULL`, [importId]);
    let deactivated = 0;
    if (opts.deactivateMissingFrom) {
      deactivated = (await tx.run(`UPDATE products SET active = 0, updated_at = ? WHERE source = ? AND active = 1
        AND id NOT IN (SELECT product_id FROM catalog_staged_products WHERE import_id = ?)`, [opts.at, opts.deactivateMissingFrom, importId])).changes;
    }
    await tx.run('DELETE FROM catalog_staged_products WHERE import_id = ?', [importId]);
    return { imported: counts.total - counts.known, updated: counts.known, deactivated };
  }

  /**
   * Applies staged offers inside the file's transaction: variants of known products created, prices per
   * price type upserted, the retail type's price set as the shelf price (with its history),
   * stock quantities set. Prices for products the catalogue does not know are returned, not applied.
   */
  private async applyPricesIn(tx: Queryable, importId: string, priceTypes: readonly PriceType[], retailTypeId: string | null, at: string) {
    forgetInTx(tx, 'catalog.product:');
    await insertRows(tx, 'INSERT INTO price_types (id, name, currency) VALUES ', priceTypes.map((t) => [t.id, t.name, t.currency]),
      ' ON CONFLICT (id) DO UPDATE SET name = excluded.name, currency = excluded.currency');
    // A characteristic of a known product becomes a product of its own, copied from its parent.
    const variants = (await tx.run(`INSERT INTO products (id, external_ref, name, short_name, article, brand, group_id, department, category, unit, vat_rate, image,
        restricted, restricted_kind, egais, source, updated_at)
      SELECT v.product_id, v.ref, COALESCE(v.variant_name, p.name || COALESCE(' (' || v.variant_suffix || ')', '')), p.short_name, p.article, p.brand, p.group_id, p.department, p.category, p.unit, p.vat_rate,
        p.image, p.restricted, p.restricted_kind, p.egais, p.source, ?
      FROM (SELECT product_id, MIN(ref) AS ref, MIN(parent_id) AS parent_id, MIN(variant_name) AS variant_name, MIN(variant_suffix) AS variant_suffix FROM catalog_staged_prices
        WHERE import_id = ? AND parent_id IS NOT NULL GROUP BY product_id) v
      JOIN products p ON p.id = v.parent_id WHERE v.product_id NOT IN (SELECT id FROM products)`, [at, importId])).changes;
    const unknown = await tx.all<{ ref: string }>(`SELECT DISTINCT ref FROM catalog_staged_prices s WHERE s.import_id = ?
      AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = s.product_id) ORDER BY seq`, [importId]);
    await tx.run('DELETE FROM catalog_staged_prices WHERE import_id = ? AND product_id NOT IN (SELECT id FROM products)', [importId]);
    const applied = (await tx.run(`INSERT INTO product_prices (product_id, price_type_id, price_minor, currency, updated_at)
      SELECT product_id, price_type_id, price_minor, currency, ? FROM catalog_staged_prices
      WHERE import_id = ? AND price_type_id IS NOT NULL AND price_minor IS NOT NULL AND true
      ON CONFLICT (product_id, price_type_id) DO UPDATE SET price_minor = excluded.price_minor, currency = excluded.currency, updated_at = excluded.updated_at`,
    [at, importId])).changes;
    if (retailTypeId) {
      await tx.run(`INSERT INTO product_price_history (product_id, price_minor, changed_at, source)
        SELECT s.product_id, s.price_minor, ?, '1c' FROM catalog_staged_prices s JOIN products p ON p.id = s.product_id
        WHERE s.import_id = ? AND s.price_type_id = ? AND s.price_minor IS NOT NULL AND p.price_minor IS NOT s.price_minor`, [at, importId, retailTypeId]);
      await tx.run(`UPDATE products SET price_minor = s.price_minor, updated_at = ? FROM catalog_staged_prices s
        WHERE s.import_id = ? AND s.product_id = products.id AND s.price_type_id = ? AND s.price_minor IS NOT NULL`, [at, importId, retailTypeId]);
    }
    await tx.run(`UPDATE products SET stock_quantity = s.quantity FROM (SELECT product_id, MAX(quantity) AS quantity FROM catalog_staged_prices
        WHERE import_id = ? AND quantity IS NOT NULL GROUP BY product_id) s WHERE s.product_id = products.id`, [importId]);
    await tx.run('DELETE FROM catalog_staged_prices WHERE import_id = ?', [importId]);
    return { applied, variants, unknown: unknown.map((u) => u.ref) };
  }

  /**
   * Applies one file's staged rows in one transaction: products (and groups) first, then offers.
   * `check` runs between two statements and may throw (a cancel): the transaction is rolled
   * back and the catalogue stays as it was.
   */
  apply(importId: string, plan: {
    products: { groups: readonly StagedGroup[]; source: string; deactivateMissingFrom: string | null } | null;
    prices: { priceTypes: readonly PriceType[]; retailTypeId: string | null } | null;
    at: string;
  }, check: () => void = () => undefined) {
    return this.db.transaction(async (outer) => {
      const tx = checkedBetweenStatements(outer, check);
      // Checked at commit: groups arrive children first (a group closes after its subgroups), and
      // history rows of new products precede them.
      await tx.run('PRAGMA defer_foreign_keys = ON');
      const products = plan.products ? await this.applyProductsIn(tx, importId, plan.products.groups, { ...plan.products, at: plan.at }) : { imported: 0, updated: 0, deactivated: 0 };
      const prices = plan.prices ? await this.applyPricesIn(tx, importId, plan.prices.priceTypes, plan.prices.retailTypeId, plan.at) : { applied: 0, variants: 0, unknown: [] };
      return { products, prices };
    }, BULK);
  }

  groups() {
    return this.db.all<{ id: string; parent_id: string | null; name: string }>('SELECT id, parent_id, name FROM product_groups');
  }

  priceTypes() {
    return this.db.all<PriceType>('SELECT id, name, currency FROM price_types');
  }
}

/** The transaction's statements, each preceded by `check()` (which throws to stop the apply: the transaction rolls back). */
function checkedBetweenStatements(tx: Queryable, check: () => void): Queryable {
  return {
    memo: tx.memo,
    run: (sql, params) => { check(); return tx.run(sql, params); },
    get: (sql, params) => { check(); return tx.get(sql, params); },
    all: (sql, params) => { check(); return tx.all(sql, params); },
  };
}

/** Multi-row INSERTs, chunked under SQLite's bound-parameter limit. */
async function insertRows(tx: Queryable, insertInto: string, rows: SqlValue[][], suffix = '') {
  if (rows.length === 0) return;
  const width = rows[0]!.length;
  const per = Math.floor(MAX_PARAMS / width);
  const tuple = `(${Array.from({ length: width }, () => '?').join(',')})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await tx.run(`${insertInto}${chunk.map(() => tuple).join(',')}${suffix}`, chunk.flat());
  }
}
